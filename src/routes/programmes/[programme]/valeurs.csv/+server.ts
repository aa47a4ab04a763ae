/** `/programmes/{page}/valeurs.csv`: every figure the page shows, with its qualifier, sources and note. */
import { error } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { isProgrammePage, pageFigures, PROGRAMME_PAGES } from '$lib/server/queries/programmes';
import { csvResponse, valuesCsv } from '../../csv.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => {
	if (!isProgrammePage(params.programme)) {
		error(404, { message: `Pas de page « ${params.programme.slice(0, 40)} » parmi les programmes (${PROGRAMME_PAGES.join(', ')}).` });
	}
	const { indicators, values } = pageFigures(getClient(), params.programme);
	return csvResponse(valuesCsv(indicators, values), `programmes-${params.programme}-valeurs.csv`);
};
