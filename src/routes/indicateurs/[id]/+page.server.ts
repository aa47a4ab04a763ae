import { findTerritory, progressIn } from '$lib/server/queries/facts';
import { chartData, territoriesWithValues, territoryTable } from '$lib/server/queries/indicator';
import { revisionKey, revisionsOf } from '$lib/server/queries/vintages';
import type { PageServerLoad } from './$types';
import { firstViewMap } from './draw-map.server';
import { resolveRequest } from './request.server';

export const load: PageServerLoad = ({ params, url, isDataRequest, untrack }) => {
	const { client, indicator, context, state, territory } = resolveRequest(params.id, url);
	const france = territory.code === 'FR' ? territory : findTerritory(client, 'FR');
	const { maille, date, par, tri, ordre } = state;
	const national = france ? progressIn(client, indicator, france.id) : null;
	const point = france && national?.latest ? { indicatorId: indicator.id, territoryId: france.id, date: national.latest.date } : null;
	const rows = maille && date ? territoryTable(client, indicator, { maille, date, par, tri, ordre }) : [];
	// A first view of the map tab gets its map drawn here (see draw-map.server.ts).
	const mapSvg = firstViewMap({ url, isDataRequest, untrack }, url.pathname, context, state, rows, indicator);
	return {
		indicator,
		context,
		/** Without `onglet` (read by +page.ts, so tab switches do not call the server). */
		state,
		national,
		nationalRevision: point ? (revisionsOf(client, [point]).get(revisionKey(point)) ?? null) : null,
		rows,
		mapSvg,
		chart: chartData(client, indicator, territory),
		choices: territoriesWithValues(client, indicator.id)
	};
};
