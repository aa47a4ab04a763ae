/** GET /api/v1/releases/{n}/changements.csv: what release n added, revised and withdrew. */
import { getClient } from '$lib/server/db';
import { changesEndpoint } from '$lib/server/api/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, params }) => changesEndpoint(getClient(), request, params);
export { OPTIONS, fallback } from '$lib/server/api/http';
