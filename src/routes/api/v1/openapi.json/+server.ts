/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of the API. */
import { getClient } from '$lib/server/db';
import { openApiEndpoint } from '$lib/server/api/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) => openApiEndpoint(getClient(), request);
export { OPTIONS, fallback } from '$lib/server/api/http';
