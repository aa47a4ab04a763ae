/** GET /api/v1/indicateurs/{id}/valeurs.{csv,json,xlsx}: the indicator's values (?maille=&territoires=&depuis=&jusqu_a=). */
import { getClient } from '$lib/server/db';
import { valuesEndpoint } from '$lib/server/api/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, params }) => valuesEndpoint(getClient(), request, params);
export { OPTIONS, fallback } from '$lib/server/api/http';
