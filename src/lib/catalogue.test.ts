import { describe, expect, it } from 'vitest';
import { CatalogueParamError, filterCatalogue, parseCatalogueFilters, type CatalogueFilters, type CataloguePolicy } from './catalogue';

const known = { families: new Set(['pp', 'baro']), themes: new Set(['sante', 'culture']) };
const parse = (query: string) => parseCatalogueFilters(new URLSearchParams(query), known);

describe('parseCatalogueFilters', () => {
	it('reads the four filters, empty values meaning all', () => {
		expect(parse('')).toEqual({ q: '', famille: null, theme: null, maille: null });
		expect(parse('q=+logement+&famille=pp&theme=&maille=region')).toEqual({ q: 'logement', famille: 'pp', theme: null, maille: 'region' });
	});
	it('refuses unknown values and duplicates with a French message', () => {
		for (const q of ['famille=x', 'theme=x', 'maille=commune', 'famille=pp&famille=baro', `q=${'a'.repeat(61)}`])
			expect(() => parse(q), q).toThrow(CatalogueParamError);
		expect(() => parse('theme=zzz')).toThrow('Thème inconnu : « zzz ».');
	});
});

const policies: CataloguePolicy[] = [
	{
		id: 'P1',
		name: 'Soigner',
		family: { id: 'pp', name: 'PP' },
		theme: { id: 'sante', name: 'Santé' },
		indicators: [
			{ code: 'A', theme: null, levels: ['national', 'departement'] },
			{ code: 'B', theme: { id: 'culture', name: 'Culture' }, levels: ['national'] }
		]
	},
	{ id: 'P2', name: 'Routes', family: { id: 'baro', name: 'Baro' }, theme: null, indicators: [{ code: 'C', theme: null, levels: ['region'] }] }
];

describe('filterCatalogue', () => {
	const all: CatalogueFilters = { q: '', famille: null, theme: null, maille: null };
	it('groups every indicator by family, its own theme, then policy', () => {
		const groups = filterCatalogue(policies, all, null);
		expect(groups.map((g) => [g.family.id, g.count])).toEqual([
			['pp', 2],
			['baro', 1]
		]);
		expect(groups[0].themes.map((t) => [t.name, t.policies.map((p) => p.indicators.map((i) => i.code).join())])).toEqual([
			['Santé', ['A']],
			['Culture', ['B']]
		]);
		expect(groups[1].themes[0].name).toBe('Autres');
	});
	it('keeps only what passes every filter', () => {
		const codes = (f: Partial<typeof all>, text: Set<string> | null = null) =>
			filterCatalogue(policies, { ...all, ...f }, text).flatMap((g) => g.themes.flatMap((t) => t.policies.flatMap((p) => p.indicators.map((i) => i.code))));
		expect(codes({ famille: 'baro' })).toEqual(['C']);
		expect(codes({ theme: 'sante' })).toEqual(['A']);
		expect(codes({ maille: 'departement' })).toEqual(['A']);
		expect(codes({ q: 'x' }, new Set(['B', 'C']))).toEqual(['B', 'C']);
		expect(codes({ famille: 'pp', maille: 'region' })).toEqual([]);
	});
});
