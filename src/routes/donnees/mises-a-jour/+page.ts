// A document page with nothing to hydrate.
export const csr = false;
