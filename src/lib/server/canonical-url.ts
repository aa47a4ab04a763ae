/**
 * One URL per page state, so that the response cache holds one entry per state however a client
 * writes the query: the parameters each page reads, in the order the site's own links and forms
 * write them (so those are canonical already). Unknown parameters are dropped and the rest put in
 * that order by a redirect (a repeated parameter keeps its values in their order). API routes refuse
 * unknown parameters themselves (400, `api/params.ts`). Every page and endpoint outside the API must
 * be listed (canonical-url.test.ts walks src/routes): one not listed is left as it is.
 */
import { canonicalCodeList, sortTerritoryCodes, TERRITORY_CODE } from '$lib/territory-codes';
import { STATE_KEYS } from '$lib/url-state';

const COMPARISON = ['t', 'famille', 'theme'];

/**
 * Parameters whose value has one spelling, by route: the territory list of a comparison is sorted
 * (France, régions, départements, by code), trimmed, upper-cased and deduplicated, so that
 * `t=D2A,R84` and `t=R84,D2A,d2a` redirect to `t=R84,D2A`. A value a rule cannot read (null) is
 * left as written, for the page to refuse it (400).
 */
const COMPARISON_VALUES = { t: canonicalCodeList };
export const PAGE_VALUES: Record<string, Record<string, (value: string) => string | null>> = {
	'/comparer': COMPARISON_VALUES,
	'/comparer/donnees.csv': COMPARISON_VALUES,
	'/integrer/comparer': COMPARISON_VALUES
};

/** Route id → the query parameters its page or download reads, in the order the site writes them. */
export const PAGE_PARAMETERS: Record<string, readonly string[]> = {
	'/': ['carte'],
	'/comparer': [...COMPARISON, 'graphiques', 'ajouter'],
	'/comparer/donnees.csv': [...COMPARISON, 'indicateur'],
	'/comparer/regions/[code]': [],
	'/comparer/voisins/[code]': [],
	'/donnees': [],
	'/donnees/api': [],
	'/donnees/mises-a-jour': [],
	'/indicateurs': ['q', 'famille', 'theme', 'maille'],
	'/indicateurs/[id]': STATE_KEYS,
	'/indicateurs/[id]/donnees.csv': STATE_KEYS,
	'/integrer/comparer': [...COMPARISON, 'indicateur'],
	'/integrer/indicateurs/[id]': STATE_KEYS,
	'/integrer/programmes/[programme]/[figure]': [],
	'/politiques': ['vue'],
	'/politiques/[id]': [],
	'/programmes': [],
	'/programmes/[programme]/valeurs.csv': [],
	'/programmes/budgets': [],
	'/programmes/budgets/projets.csv': [],
	'/programmes/complexite': [],
	'/programmes/complexite/vagues.csv': [],
	'/programmes/laboratoires': [],
	'/programmes/laboratoires/laboratoires.csv': [],
	'/programmes/services-publics-plus': [],
	'/programmes/services-publics-plus/cibles.csv': [],
	'/programmes/services-publics-plus/engagements.csv': [],
	'/recherche': ['q'],
	'/recherche/suggestions.json': ['q', 'portee'],
	'/sante': [],
	'/territoires': [],
	'/territoires/departements': [],
	'/territoires/departements/[code]': ['famille', 'theme'],
	'/territoires/france': ['famille', 'theme'],
	'/territoires/regions': [],
	'/territoires/regions/[code]': ['famille', 'theme']
};

/**
 * The canonical query of a URL on a route (`?a=1&b=2`, or ''), and whether the given parameters
 * differ from it (names, values — `PAGE_VALUES` — or order; `%20` and `+` are the same); null for routes this module
 * does not govern (the API, unknown routes).
 */
export function canonicalQuery(routeId: string | null, params: URLSearchParams): { search: string; changed: boolean } | null {
	if (routeId === null || routeId.startsWith('/api/')) return null;
	const allowed = PAGE_PARAMETERS[routeId];
	if (!allowed) return null;
	const given = [...params];
	const rules = PAGE_VALUES[routeId] ?? {};
	const spelled = (name: string, value: string) => rules[name]?.(value) ?? value;
	const kept = allowed.flatMap((name) => given.filter(([n]) => n === name).map(([n, value]): [string, string] => [n, spelled(n, value)]));
	const changed = kept.length !== given.length || kept.some(([name, value], i) => given[i][0] !== name || given[i][1] !== value);
	const text = new URLSearchParams(kept).toString();
	// Commas stay readable in territory lists (`t=R84,R93`), as the site writes them.
	return { search: text ? `?${text.replace(/%2C/gi, ',')}` : '', changed };
}

/** API routes answering a territory list in the canonical order whatever order it was asked in. */
const API_TERRITORY_LISTS: Record<string, string> = { '/api/v1/comparaison': 'territoires', '/api/v1/comparaison.csv': 'territoires' };

/**
 * The API answers as asked (no redirect), but one cache entry per state: for the comparison
 * endpoints, a territory list written in another order, and parameters in another order, share the
 * key of the canonical spelling. Only the order moves: a list with another spelling (lower case,
 * duplicates, unknown codes) keeps its own key, so it is answered (or refused) as it is written.
 * Null for other routes, or when nothing is to be reordered.
 */
export function apiCacheSearch(routeId: string | null, params: URLSearchParams): string | null {
	const listParam = routeId ? API_TERRITORY_LISTS[routeId] : undefined;
	if (!listParam) return null;
	const given = [...params];
	if (new Set(given.map(([name]) => name)).size !== given.length) return null;
	const ordered = given
		.map(([name, value]): [string, string] => {
			if (name !== listParam) return [name, value];
			const codes = value.split(',');
			const plain = codes.every((c) => TERRITORY_CODE.test(c)) && new Set(codes).size === codes.length;
			return [name, plain ? sortTerritoryCodes(codes).join(',') : value];
		})
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const text = new URLSearchParams(ordered).toString();
	return text ? `?${text.replace(/%2C/gi, ',')}` : '';
}
