import { loadDepartement } from '../../load-territory.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => loadDepartement(params.code, url);
