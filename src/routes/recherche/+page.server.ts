import { error } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { parseSearchQuery, RESULTS_LIMIT, SearchQueryError, searchTerritories } from '$lib/server/queries/search';
import type { PageServerLoad } from './$types';

/** `/recherche` (empty form) or `/recherche?q=…` (results, the picker's no-JavaScript path). */
export const load: PageServerLoad = ({ url }) => {
	const raw = url.searchParams.get('q');
	if (raw === null || raw.trim() === '') return { query: '', total: 0, results: [] };
	let query: string;
	try {
		query = parseSearchQuery(raw);
	} catch (cause) {
		if (cause instanceof SearchQueryError)
			error(400, { message: cause.message, hint: 'Raccourcissez la recherche : un nom de commune, un code postal ou un numéro de département suffit.' });
		throw cause;
	}
	const { total, matches } = searchTerritories(getClient(), query, RESULTS_LIMIT);
	return { query, total, results: matches };
};
