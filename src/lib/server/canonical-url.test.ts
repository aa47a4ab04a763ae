import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiCacheSearch, canonicalQuery, PAGE_PARAMETERS } from './canonical-url';

const canonical = (route: string | null, query: string) => canonicalQuery(route, new URLSearchParams(query));
const ROUTES = join(import.meta.dirname, '..', '..', 'routes');

/** Route ids of every page and endpoint under src/routes. */
function routeIds(dir = ROUTES): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (entry.isDirectory()) return routeIds(join(dir, entry.name));
		if (entry.name !== '+page.svelte' && entry.name !== '+server.ts') return [];
		return ['/' + relative(ROUTES, dir).split(sep).join('/')].map((id) => (id === '/' ? id : id.replace(/\/$/, '')));
	});
}

describe('canonicalQuery', () => {
	it('orders the parameters as the site writes them and drops unknown ones', () => {
		expect(canonical('/comparer', 'theme=x&utm_source=y&t=R84,R93')).toEqual({ search: '?t=R84,R93&theme=x', changed: true });
		expect(canonical('/indicateurs/[id]', 'tri=valeur&maille=region&zz=1')).toEqual({ search: '?maille=region&tri=valeur', changed: true });
		expect(canonical('/programmes/budgets', 'a=1')).toEqual({ search: '', changed: true });
	});
	it('keeps a canonical query as it is, repeated values in their order, whatever the encoding', () => {
		expect(canonical('/comparer', 't=R84,R93,D2A&famille=f')).toEqual({ search: '?t=R84,R93,D2A&famille=f', changed: false });
		expect(canonical('/territoires/france', 'famille=b&famille=a')).toEqual({ search: '?famille=b&famille=a', changed: false });
		expect(canonical('/recherche', 'q=saint%20denis')).toEqual({ search: '?q=saint+denis', changed: false });
		expect(canonical('/comparer', 't=R84%2CR93')).toEqual({ search: '?t=R84,R93', changed: false });
	});
	it('sorts the territory list of a comparison into one order (France, régions, départements), without duplicates', () => {
		const sorted = { search: '?t=R84,R93,D2A', changed: true };
		for (const route of ['/comparer', '/comparer/donnees.csv', '/integrer/comparer']) {
			expect(canonical(route, 't=D2A,R93,R84')).toEqual(sorted);
			expect(canonical(route, 't=R93,d2a,R84,R84')).toEqual(sorted);
		}
		expect(canonical('/comparer', 't=D2A,FR,R84&famille=f')).toEqual({ search: '?t=FR,R84,D2A&famille=f', changed: true });
		expect(canonical('/integrer/comparer', 'indicateur=IND-200&t=R93,R84')).toEqual({ search: '?t=R84,R93&indicateur=IND-200', changed: true });
		// A malformed list is left as written: the page answers 400.
		expect(canonical('/comparer', 't=R93,X1')).toEqual({ search: '?t=R93,X1', changed: false });
	});
	it('leaves the API and unknown routes to their own checks', () => {
		expect(canonical('/api/v1/indicateurs', 'x=1')).toBeNull();
		expect(canonical(null, 'x=1')).toBeNull();
	});
	it('knows every page and endpoint outside the API (a new one must say which parameters it reads)', () => {
		const ids = routeIds().filter((id) => !id.startsWith('/api/'));
		expect(ids.length).toBeGreaterThan(30);
		expect(ids.filter((id) => !(id in PAGE_PARAMETERS))).toEqual([]);
		expect(Object.keys(PAGE_PARAMETERS).filter((id) => !ids.includes(id))).toEqual([]);
	});
});

describe('apiCacheSearch: one cache key per comparison, whatever the order asked', () => {
	const key = (routeId: string, query: string) => apiCacheSearch(routeId, new URLSearchParams(query));
	it('sorts the territory list and the parameters of the comparison endpoints', () => {
		expect(key('/api/v1/comparaison', 'territoires=D2A,R93,R84&famille=politiques-prioritaires')).toBe('?famille=politiques-prioritaires&territoires=R84,R93,D2A');
		expect(key('/api/v1/comparaison.csv', 'famille=politiques-prioritaires&territoires=R84,R93,D2A')).toBe('?famille=politiques-prioritaires&territoires=R84,R93,D2A');
	});
	it('leaves another spelling (lower case, duplicates, repeated parameters) and other routes as written', () => {
		expect(key('/api/v1/comparaison', 'territoires=r84,R93')).toBe('?territoires=r84,R93');
		expect(key('/api/v1/comparaison', 'territoires=R93,R93')).toBe('?territoires=R93,R93');
		expect(key('/api/v1/comparaison', 'territoires=R93&territoires=R84')).toBeNull();
		expect(key('/api/v1/indicateurs', 'territoires=R93,R84')).toBeNull();
		expect(key(null as unknown as string, 'x=1')).toBeNull();
	});
});
