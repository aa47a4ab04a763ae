import { getClient } from '$lib/server/db';
import { nationalOverview } from '$lib/server/queries/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ families: nationalOverview(getClient()) });
