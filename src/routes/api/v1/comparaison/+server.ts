/** GET /api/v1/comparaison?territoires=R84,R93,D2A[&famille=][&theme=]: the comparison of /comparer, in JSON. */
import { getClient } from '$lib/server/db';
import { comparisonEndpoint } from '$lib/server/api/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) => comparisonEndpoint(getClient(), request);
export { OPTIONS, fallback } from '$lib/server/api/http';
