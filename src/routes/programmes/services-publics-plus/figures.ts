/** The Services Publics+ page's embeddable figures (see `../embeddable.ts`). */
import { embeddable } from '../embeddable';
import type { ServicesPublicsPlusPage } from './page-data.server';

const figure = embeddable<ServicesPublicsPlusPage>();
const byDepartement = () => import('./FigureDepartements.svelte');

export const SERVICES_PUBLICS_PLUS_FIGURES = {
	satisfaction: figure('Satisfaction des usagers des services publics dans le temps', () => import('./FigureSatisfaction.svelte'), (page) => ({
		satisfaction: page.satisfaction
	})),
	'france-services': figure('France services : satisfaction des usagers par département', byDepartement, (page) => ({
		block: page.franceServices,
		figure: 'france-services' as const,
		idPrefix: 'fs'
	})),
	'par-service': figure('Baromètre des services publics 2025 : usagers satisfaits par service', () => import('./FigureParService.svelte'), (page) => ({
		byService: page.byService
	})),
	'par-public': figure('Baromètre des services publics 2025 : usagers satisfaits selon le public', () => import('./FigureParPublic.svelte'), (page) => ({
		byPublic: page.byPublic
	})),
	transparence: figure('Transparence des résultats des services publics par département', byDepartement, (page) => ({
		block: page.transparency,
		figure: 'transparence' as const,
		idPrefix: 'transparence'
	}))
};
