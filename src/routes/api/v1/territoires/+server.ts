/** GET /api/v1/territoires: France, régions, départements (?maille=). */
import { getClient } from '$lib/server/db';
import { territoriesEndpoint } from '$lib/server/api/endpoints';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) => territoriesEndpoint(getClient(), request);
export { OPTIONS, fallback } from '$lib/server/api/http';
