/** Territory search on the real reference: the store's territories and the COG communes. */
import { describe, expect, it } from 'vitest';
import { rankEntries } from '../../picker/ranking';
import { territoryReference } from '../import/territories';
import { buildSearchIndex, loadCommunes, parseSearchQuery, SearchQueryError } from './search';

const index = buildSearchIndex(territoryReference(), loadCommunes());
const search = (q: string, limit = 8) => rankEntries(index.entries, q, limit).matches;
const labels = (q: string, limit = 8) => search(q, limit).map((m) => m.label);

describe('territory search on the COG', () => {
	it('indexes the 18 régions, 101 départements and the communes of those départements only', () => {
		const count = (kind: string) => index.entries.filter((e) => e.kind === kind).length;
		expect(count('region')).toBe(18);
		expect(count('departement')).toBe(101);
		expect(count('commune')).toBeGreaterThan(34_000);
		// Saint-Pierre-et-Miquelon (975) is a COM: no page, not offered.
		expect(index.entries.some((e) => e.inseeCode.startsWith('975'))).toBe(false);
	});

	it('« Ajaccio » and « 20000 » lead to Corse-du-Sud, naming the commune', () => {
		expect(search('Ajaccio')[0]).toMatchObject({ label: 'Ajaccio (20000) — Corse-du-Sud', href: '/territoires/departements/2A' });
		expect(search('20000')[0]).toMatchObject({ label: 'Ajaccio (20000) — Corse-du-Sud', href: '/territoires/departements/2A' });
	});

	it('« corse » gives the région first, then its two départements', () => {
		expect(labels('corse').slice(0, 3)).toEqual([
			'Corse — région',
			'Corse-du-Sud (2A) — département, Corse',
			'Haute-Corse (2B) — département, Corse'
		]);
	});

	it('accents, case and punctuation do not matter', () => {
		expect(labels('correze')[0]).toBe('Corrèze (19) — département, Nouvelle-Aquitaine');
		expect(labels("cote d'or")[0]).toBe("Côte-d'Or (21) — département, Bourgogne-Franche-Comté");
		expect(labels('ILE DE FRANCE')[0]).toBe('Île-de-France — région');
		// Départements before communes on partial names.
		expect(labels('cote').slice(0, 3)).toEqual([
			"Côte-d'Or (21) — département, Bourgogne-Franche-Comté",
			"Provence-Alpes-Côte d'Azur — région",
			"Côtes-d'Armor (22) — département, Bretagne"
		]);
	});

	it('département numbers come first', () => {
		expect(labels('2A')[0]).toBe('Corse-du-Sud (2A) — département, Corse');
		expect(labels('971')[0]).toBe('Guadeloupe (971) — département, Guadeloupe');
		expect(labels('01')[0]).toBe('Ain (01) — département, Auvergne-Rhône-Alpes');
		expect(search('01')[1].href).toBe('/territoires/departements/01');
	});

	it('big towns come before homonyms', () => {
		expect(labels('paris').slice(0, 2)).toEqual(['Paris (75) — département, Île-de-France', 'Paris (75001) — Paris']);
		expect(labels('saint-denis').slice(0, 2)).toEqual(['Saint-Denis (97400) — La Réunion', 'Saint-Denis (93200) — Seine-Saint-Denis']);
		expect(labels('marseille')[0]).toBe('Marseille (13001) — Bouches-du-Rhône');
	});

	it('keeps commune names for chef-lieu lookups', () => {
		expect(index.communeNames.get('2A004')).toBe('Ajaccio');
		expect(index.communeNames.get('69123')).toBe('Lyon');
	});
});

describe('query validation', () => {
	it('accepts 1 to 60 characters, trimmed', () => {
		expect(parseSearchQuery(' corse ')).toBe('corse');
		expect(parseSearchQuery('a'.repeat(60))).toHaveLength(60);
	});

	it('refuses a missing, blank or too long query with a French message', () => {
		expect(() => parseSearchQuery(null)).toThrow(SearchQueryError);
		expect(() => parseSearchQuery('   ')).toThrow(/vide/);
		expect(() => parseSearchQuery('a'.repeat(61))).toThrow('Recherche trop longue : 61 caractères, 60 au plus.');
	});
});
