/** The complexity page's embeddable figures (see `../embeddable.ts`). */
import { embeddable } from '../embeddable';
import type { ComplexityPage } from './page-data.server';

const figure = embeddable<ComplexityPage>();
const byWave = () => import('./FigureParVague.svelte');

export const COMPLEXITY_FIGURES = {
	particuliers: figure('Particuliers : démarches jugées complexes, par événement de vie', byWave, (page) => ({
		audience: 'particuliers' as const,
		section: page.particuliers
	})),
	entreprises: figure('Entreprises : démarches jugées complexes, par événement de vie', byWave, (page) => ({
		audience: 'entreprises' as const,
		section: page.entreprises
	})),
	'entreprises-evolution': figure(
		'Entreprises : évolution publiée de la part jugeant les démarches complexes',
		() => import('./FigureEcarts.svelte'),
		(page) => (page.entreprisesChanges ? { changes: page.entreprisesChanges } : null)
	),
	moyennes: figure('Démarches jugées complexes : les moyennes dans le temps', () => import('./FigureMoyennes.svelte'), (page) => ({
		averages: page.averages
	}))
};
