import type { PageServerLoad } from './$types';
import { servicesPublicsPlusPage } from './page-data.server';

export const load: PageServerLoad = () => servicesPublicsPlusPage();
