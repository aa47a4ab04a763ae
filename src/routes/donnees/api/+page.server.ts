import { apiReference, OPENAPI_DOCUMENT } from '$lib/server/api/openapi';
import { MAX_COMPARED, MAX_QUERY_LENGTH, MAX_TERRITORIES, MIN_COMPARED } from '$lib/server/api/params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	endpoints: apiReference(),
	tags: OPENAPI_DOCUMENT.tags.map((t) => ({ name: t.name, description: t.description })),
	limits: { territories: MAX_TERRITORIES, compared: { min: MIN_COMPARED, max: MAX_COMPARED }, queryLength: MAX_QUERY_LENGTH }
});
