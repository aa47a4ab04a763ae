/** GET /api/v1: index of the API; any other unknown address under it: JSON 404. */
import { getClient } from '$lib/server/db';
import { indexEndpoint } from '$lib/server/api/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, params }) => indexEndpoint(getClient(), request, params);
export { OPTIONS, fallback } from '$lib/server/api/http';
