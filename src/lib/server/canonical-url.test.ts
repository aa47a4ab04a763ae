import { describe, expect, it } from 'vitest';
import { canonicalSearch } from './canonical-url';

const canonical = (route: string | null, query: string) => canonicalSearch(route, new URLSearchParams(query));

describe('canonicalSearch', () => {
	it('orders the parameters as the site writes them and drops unknown ones', () => {
		expect(canonical('/comparer', 'theme=x&utm_source=y&t=R84,R93')).toBe('?t=R84,R93&theme=x');
		expect(canonical('/indicateurs/[id]', 'tri=valeur&maille=region&zz=1')).toBe('?maille=region&tri=valeur');
		expect(canonical('/programmes/budgets', 'a=1')).toBe('');
	});
	it('keeps a canonical query as it is, repeated values in their order', () => {
		expect(canonical('/comparer', 't=R84,R93,D2A&famille=f')).toBe('?t=R84,R93,D2A&famille=f');
		expect(canonical('/territoires/france', 'famille=b&famille=a')).toBe('?famille=b&famille=a');
		expect(canonical('/recherche', 'q=saint%20denis')).toBe('?q=saint+denis');
	});
	it('leaves the API and unknown routes to their own checks', () => {
		expect(canonical('/api/v1/indicateurs', 'x=1')).toBeNull();
		expect(canonical(null, 'x=1')).toBeNull();
	});
});
