// A document page with nothing to hydrate: no client-side router, no serialised data (the table is long).
export const csr = false;
