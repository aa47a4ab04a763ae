/**
 * Suggestions for the search combobox: `GET /recherche/suggestions.json?q=…` →
 * `{ query, total, results: [{ kind, name, postalCode, target, href, label }] }`, at most 8
 * territories. With `portee=tout` (the header search), the results also hold policies,
 * indicators, themes and programme pages, grouped by kind (`kind`, `group`).
 * `q` must be 1 to 60 characters (not only spaces), otherwise 400 with `{ error }` in French.
 */
import { json } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { parseSearchQuery, SearchQueryError, searchEverything, searchTerritories, SUGGESTION_LIMIT } from '$lib/server/queries/search';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	let query: string;
	try {
		query = parseSearchQuery(url.searchParams.get('q'));
	} catch (error) {
		if (error instanceof SearchQueryError) return json({ error: error.message }, { status: 400 });
		throw error;
	}
	const scope = url.searchParams.get('portee');
	if (scope !== null && scope !== 'tout') return json({ error: `Paramètre « portee » inconnu : « ${scope.slice(0, 20)} » (seule valeur : tout).` }, { status: 400 });
	if (scope === 'tout') {
		const { total, groups } = searchEverything(getClient(), query, { territories: 5, perKind: 3 });
		return json({ query, total, results: groups.flatMap((g) => g.matches.map((m) => ({ ...m, group: g.label }))) });
	}
	const { total, matches } = searchTerritories(getClient(), query, SUGGESTION_LIMIT);
	return json({ query, total, results: matches });
};
