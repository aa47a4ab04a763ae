import type { PageServerLoad } from './$types';
import { budgetsPage } from './page-data.server';

export const load: PageServerLoad = () => budgetsPage();
