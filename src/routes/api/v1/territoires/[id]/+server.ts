/** GET /api/v1/territoires/{id}: a territory and every indicator available there, with its summary. */
import { getClient } from '$lib/server/db';
import { territoryEndpoint } from '$lib/server/api/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, params }) => territoryEndpoint(getClient(), request, params);
export { OPTIONS, fallback } from '$lib/server/api/http';
