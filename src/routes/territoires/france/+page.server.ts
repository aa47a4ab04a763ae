import { loadFrance } from '../load-territory.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => loadFrance(url);
