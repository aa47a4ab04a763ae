/** GET /api/v1/indicateurs/{id}/cibles.{csv,json}: baselines and targets (?maille=&territoires=). */
import { getClient } from '$lib/server/db';
import { targetsEndpoint } from '$lib/server/api/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, params }) => targetsEndpoint(getClient(), request, params);
export { OPTIONS, fallback } from '$lib/server/api/http';
