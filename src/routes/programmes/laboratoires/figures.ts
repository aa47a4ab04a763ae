/** The labs page's embeddable figures (see `../embeddable.ts`). */
import { embeddable } from '../embeddable';
import type { LabsPage } from './page-data.server';

const figure = embeddable<LabsPage>();

export const LABS_FIGURES = {
	carte: figure("Laboratoires d'innovation territoriale de l'État, par région", () => import('./FigureCarte.svelte'), (page) => ({
		regions: page.regions,
		summary: page.mapSummary,
		sources: page.labSources,
		counts: page.counts
	})),
	reseau: figure("Nombre de laboratoires d'innovation territoriale selon les sources", () => import('./FigureReseau.svelte'), (page) => ({
		size: page.networkSize
	}))
};
