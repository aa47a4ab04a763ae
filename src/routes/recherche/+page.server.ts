import { error } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { parseSearchQuery, RESULTS_LIMIT, SearchQueryError, searchEverything } from '$lib/server/queries/search';
import type { PageServerLoad } from './$types';

/** `/recherche` (empty form) or `/recherche?q=…` (results by kind, the search's no-JavaScript path). */
export const load: PageServerLoad = ({ url }) => {
	const raw = url.searchParams.get('q');
	if (raw === null || raw.trim() === '') return { query: '', total: 0, groups: [] };
	let query: string;
	try {
		query = parseSearchQuery(raw);
	} catch (cause) {
		if (cause instanceof SearchQueryError)
			error(400, { message: cause.message, hint: 'Raccourcissez la recherche : un nom de commune, un code postal, un numéro de département ou quelques mots suffisent.' });
		throw cause;
	}
	const { total, groups } = searchEverything(getClient(), query, { territories: RESULTS_LIMIT, perKind: RESULTS_LIMIT });
	return { query, total, groups };
};
