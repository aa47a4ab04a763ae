import { chartData, territoriesWithValues, territoryTable } from '$lib/server/queries/indicator';
import type { PageServerLoad } from './$types';
import { resolveRequest } from '../../../indicateurs/[id]/request.server';
import { firstViewMap } from '../../../indicateurs/[id]/draw-map.server';

/** The indicator page's request (404, 400 and the URL state) and queries, for one view. */
export const load: PageServerLoad = ({ params, url, isDataRequest, untrack }) => {
	const { client, indicator, context, state, territory } = resolveRequest(params.id, url);
	const { maille, date, par, tri, ordre } = state;
	const rows = maille && date ? territoryTable(client, indicator, { maille, date, par, tri, ordre }) : [];
	return {
		indicator,
		context,
		state,
		rows,
		// A first view of the map gets it drawn here (see draw-map.server.ts).
		mapSvg: firstViewMap({ url, isDataRequest, untrack }, url.pathname, context, state, rows, indicator),
		chart: chartData(client, indicator, territory),
		choices: territoriesWithValues(client, indicator.id)
	};
};
