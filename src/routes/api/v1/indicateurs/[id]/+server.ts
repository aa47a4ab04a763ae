/** GET /api/v1/indicateurs/{id}: metadata and national summary. */
import { getClient } from '$lib/server/db';
import { indicatorEndpoint } from '$lib/server/api/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, params }) => indicatorEndpoint(getClient(), request, params);
export { OPTIONS, fallback } from '$lib/server/api/http';
