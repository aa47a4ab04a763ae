import { chartData, territoriesWithValues, territoryTable } from '$lib/server/queries/indicator';
import type { PageServerLoad } from './$types';
import { resolveRequest } from '../../../indicateurs/[id]/request.server';

/** The indicator page's request (404, 400 and the URL state) and queries, for one view. */
export const load: PageServerLoad = ({ params, url }) => {
	const { client, indicator, context, state, territory } = resolveRequest(params.id, url);
	const { maille, date, par, tri, ordre } = state;
	return {
		indicator,
		context,
		state,
		rows: maille && date ? territoryTable(client, indicator, { maille, date, par, tri, ordre }) : [],
		chart: chartData(client, indicator, territory),
		choices: territoriesWithValues(client, indicator.id)
	};
};
