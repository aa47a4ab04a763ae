import { error } from '@sveltejs/kit';
import type { ProgrammePage } from '$lib/server/queries/programmes';
import { budgetsPage } from '../../../../programmes/budgets/page-data.server';
import { complexityPage } from '../../../../programmes/complexite/page-data.server';
import { PROGRAMME_FIGURES } from '../../../../programmes/figures';
import { labsPage } from '../../../../programmes/laboratoires/page-data.server';
import { servicesPublicsPlusPage } from '../../../../programmes/services-publics-plus/page-data.server';
import type { PageServerLoad } from './$types';

/** Each programme page's data, shaped by the same function as the page. */
const PAGE_DATA: Record<ProgrammePage, () => unknown> = {
	laboratoires: labsPage,
	budgets: budgetsPage,
	complexite: complexityPage,
	'services-publics-plus': servicesPublicsPlusPage
};

/**
 * One programme figure, by page and figure id; 404 for an unknown one. Query parameters are ignored,
 * as on every page of the site (a host may add its own).
 */
export const load: PageServerLoad = ({ params }) => {
	if (!Object.hasOwn(PROGRAMME_FIGURES, params.programme))
		error(404, {
			message: `Pas de programme « ${params.programme.slice(0, 60)} ».`,
			hint: `Programmes : ${Object.keys(PROGRAMME_FIGURES).join(', ')}.`
		});
	const programme = params.programme as ProgrammePage;
	const entry = PROGRAMME_FIGURES[programme];
	if (!Object.hasOwn(entry.figures, params.figure))
		error(404, {
			message: `Pas de graphique « ${params.figure.slice(0, 60)} » pour ce programme.`,
			hint: `Graphiques intégrables : ${Object.keys(entry.figures).join(', ')}.`
		});
	const figure = entry.figures[params.figure];
	const props = figure.props(PAGE_DATA[programme]() as never);
	if (props === null) error(404, { message: 'Ce graphique n’a pas de données dans la dernière livraison.', hint: `Voir la page /programmes/${programme}.` });
	return { programme, programmeName: entry.name, figure: params.figure, title: figure.title, props };
};
