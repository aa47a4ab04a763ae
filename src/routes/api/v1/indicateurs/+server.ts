/** GET /api/v1/indicateurs: every indicator with its metadata (?famille=). */
import { getClient } from '$lib/server/db';
import { indicatorsEndpoint } from '$lib/server/api/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) => indicatorsEndpoint(getClient(), request);
export { OPTIONS, fallback } from '$lib/server/api/http';
