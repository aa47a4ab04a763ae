import { loadRegion } from '../../load-territory.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => loadRegion(params.code, url);
