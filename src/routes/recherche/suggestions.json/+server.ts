/**
 * Suggestions for the territory picker: `GET /recherche/suggestions.json?q=…` →
 * `{ query, total, results: [{ kind, name, postalCode, target, href, label }] }`, at most 8 results.
 * `q` must be 1 to 60 characters (not only spaces), otherwise 400 with `{ error }` in French.
 */
import { json } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { parseSearchQuery, SearchQueryError, searchTerritories, SUGGESTION_LIMIT } from '$lib/server/queries/search';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	let query: string;
	try {
		query = parseSearchQuery(url.searchParams.get('q'));
	} catch (error) {
		if (error instanceof SearchQueryError) return json({ error: error.message }, { status: 400 });
		throw error;
	}
	const { total, matches } = searchTerritories(getClient(), query, SUGGESTION_LIMIT);
	return json({ query, total, results: matches });
};
