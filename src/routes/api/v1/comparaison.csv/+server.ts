/** GET /api/v1/comparaison.csv?territoires=R84,R93,D2A[&famille=][&theme=]: the latest values compared, canonical CSV. */
import { getClient } from '$lib/server/db';
import { comparisonCsvEndpoint } from '$lib/server/api/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) => comparisonCsvEndpoint(getClient(), request);
export { OPTIONS, fallback } from '$lib/server/api/http';
