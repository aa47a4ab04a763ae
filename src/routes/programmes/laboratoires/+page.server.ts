import type { PageServerLoad } from './$types';
import { labsPage } from './page-data.server';

export const load: PageServerLoad = () => labsPage();
