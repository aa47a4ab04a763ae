import { findTerritory, progressIn } from '$lib/server/queries/facts';
import { chartData, territoriesWithValues, territoryTable } from '$lib/server/queries/indicator';
import type { PageServerLoad } from './$types';
import { resolveRequest } from './request.server';

export const load: PageServerLoad = ({ params, url }) => {
	const { client, indicator, context, state, territory } = resolveRequest(params.id, url);
	const france = territory.code === 'FR' ? territory : findTerritory(client, 'FR');
	const { maille, date, par, tri, ordre } = state;
	return {
		indicator,
		context,
		/** Without `onglet` (read by +page.ts, so tab switches do not call the server). */
		state,
		national: france ? progressIn(client, indicator, france.id) : null,
		rows: maille && date ? territoryTable(client, indicator, { maille, date, par, tri, ordre }) : [],
		chart: chartData(client, indicator, territory),
		choices: territoriesWithValues(client, indicator.id)
	};
};
