import type { PageServerLoad } from './$types';
import { complexityPage } from './page-data.server';

export const load: PageServerLoad = () => complexityPage();
