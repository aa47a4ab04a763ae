/** The budgets page's embeddable figures (see `../embeddable.ts`). */
import { embeddable } from '../embeddable';
import type { BudgetsPage } from './page-data.server';

const figure = embeddable<BudgetsPage>();

export const BUDGETS_FIGURES = {
	appels: figure('Montant attribué par appel à projets du FTAP', () => import('./FigureAppels.svelte'), (page) => ({ calls: page.calls })),
	'credits-ae': figure(
		"Programme 349 : autorisations d'engagement votées, ouvertes et consommées",
		() => import('./FigureCredits.svelte'),
		(page) => ({ line: 'ae' as const, credits: page.credits.ae })
	),
	'credits-cp': figure(
		'Programme 349 : crédits de paiement votés, ouverts et consommés',
		() => import('./FigureCredits.svelte'),
		(page) => ({ line: 'cp' as const, credits: page.credits.cp })
	),
	projets: figure('Projets lauréats du FTAP trouvés dans les sources', () => import('./FigureProjets.svelte'), (page) => ({ projects: page.projects }))
};
