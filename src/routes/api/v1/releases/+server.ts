/** GET /api/v1/releases: the history of data releases. */
import { getClient } from '$lib/server/db';
import { releasesEndpoint } from '$lib/server/api/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) => releasesEndpoint(getClient(), request);
export { OPTIONS, fallback } from '$lib/server/api/http';
