/** GET /api/v1/export.zip: every canonical CSV, datapackage.json and README, built once per release. */
import { getClient } from '$lib/server/db';
import { exportEndpoint } from '$lib/server/api/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) => exportEndpoint(getClient(), request);
export { OPTIONS, fallback } from '$lib/server/api/http';
