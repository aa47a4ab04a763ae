/**
 * One URL per page state, so that the response cache holds one entry per state however a client
 * writes the query: the parameters each page reads, in the order the site's own links write them
 * (so those links are canonical already). Unknown parameters are dropped and the rest put in that
 * order by a redirect (a repeated parameter keeps its values in their order). API routes refuse
 * unknown parameters themselves (400, `api/params.ts`).
 */
import { STATE_KEYS } from '$lib/url-state';

const COMPARISON = ['t', 'famille', 'theme'];

/** Route id → the query parameters its page or download reads. Routes not listed read none. */
export const PAGE_PARAMETERS: Record<string, readonly string[]> = {
	'/': ['carte'],
	'/indicateurs/[id]': STATE_KEYS,
	'/indicateurs/[id]/donnees.csv': STATE_KEYS,
	'/integrer/indicateurs/[id]': STATE_KEYS,
	'/comparer': [...COMPARISON, 'ajouter'],
	'/comparer/donnees.csv': COMPARISON,
	'/integrer/comparer': [...COMPARISON, 'indicateur'],
	'/recherche': ['q'],
	'/recherche/suggestions.json': ['q'],
	'/territoires/france': ['famille'],
	'/territoires/regions/[code]': ['famille'],
	'/territoires/departements/[code]': ['famille']
};

/**
 * The canonical query (`?a=1&b=2`, or '') of a URL on a route; null for routes this module does not
 * govern (the API, unknown routes).
 */
export function canonicalSearch(routeId: string | null, params: URLSearchParams): string | null {
	if (routeId === null || routeId.startsWith('/api/')) return null;
	const allowed = PAGE_PARAMETERS[routeId] ?? [];
	const out = new URLSearchParams();
	for (const name of allowed) for (const value of params.getAll(name)) out.append(name, value);
	const text = out.toString();
	// Commas stay readable in territory lists (`t=R84,R93`), as the site writes them.
	return text ? `?${text.replace(/%2C/gi, ',')}` : '';
}
