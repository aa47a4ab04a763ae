import { getClient } from '$lib/server/db';
import { downloadCatalogue } from '$lib/server/api/catalogue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => downloadCatalogue(getClient());
