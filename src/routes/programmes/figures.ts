/**
 * Every programme figure that can be embedded, by programme page then figure id: the index of
 * `/integrer/programmes/[programme]/[figure]`. Client-safe (components load on demand).
 */
import type { ProgrammePage } from '$lib/server/queries/programmes';
import { BUDGETS_FIGURES } from './budgets/figures';
import { COMPLEXITY_FIGURES } from './complexite/figures';
import type { EmbeddableFigure } from './embeddable';
import { LABS_FIGURES } from './laboratoires/figures';
import { SERVICES_PUBLICS_PLUS_FIGURES } from './services-publics-plus/figures';

export interface ProgrammeFigures {
	/** The programme page's name, for the embed's link back. */
	name: string;
	figures: Record<string, EmbeddableFigure<never>>;
}

export const PROGRAMME_FIGURES: Record<ProgrammePage, ProgrammeFigures> = {
	laboratoires: { name: "Laboratoires d'innovation territoriale", figures: LABS_FIGURES },
	budgets: { name: 'Budgets : FTAP et France Relance', figures: BUDGETS_FIGURES },
	complexite: { name: 'Complexité administrative', figures: COMPLEXITY_FIGURES },
	'services-publics-plus': { name: 'Services Publics+ : satisfaction et transparence', figures: SERVICES_PUBLICS_PLUS_FIGURES }
};
