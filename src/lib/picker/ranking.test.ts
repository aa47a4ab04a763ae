import { describe, expect, it } from 'vitest';
import { departementNumber, rankEntries, searchKey, territoryHref, type PickerEntry } from './ranking';

function entry(kind: PickerEntry['kind'], name: string, inseeCode: string, extra: Partial<PickerEntry> = {}): PickerEntry {
	const target = kind === 'region' ? `R${inseeCode}` : kind === 'departement' ? `D${inseeCode}` : `D${inseeCode.slice(0, 2)}`;
	return { kind, name, key: searchKey(name), inseeCode, target, postalCodes: [], population: 0, parentName: null, ...extra };
}

const ENTRIES: PickerEntry[] = [
	entry('region', 'Corse', '94', { population: 355_000 }),
	entry('departement', 'Corse-du-Sud', '2A', { population: 168_000, parentName: 'Corse' }),
	entry('departement', 'Haute-Corse', '2B', { population: 187_000, parentName: 'Corse' }),
	entry('departement', 'Corrèze', '19', { population: 240_000, parentName: 'Nouvelle-Aquitaine' }),
	entry('departement', "Côte-d'Or", '21', { population: 530_000, parentName: 'Bourgogne-Franche-Comté' }),
	entry('departement', "Côtes-d'Armor", '22', { population: 600_000, parentName: 'Bretagne' }),
	entry('departement', 'Ain', '01', { population: 650_000, parentName: 'Auvergne-Rhône-Alpes' }),
	entry('departement', 'Guadeloupe', '971', { population: 384_000, parentName: 'Guadeloupe' }),
	entry('region', 'Guadeloupe', '01', { population: 384_000 }),
	entry('commune', 'Ajaccio', '2A004', { target: 'D2A', postalCodes: ['20000', '20090', '20167'], population: 76_000, parentName: 'Corse-du-Sud' }),
	entry('commune', 'Afa', '2A001', { target: 'D2A', postalCodes: ['20167'], population: 3_000, parentName: 'Corse-du-Sud' }),
	entry('commune', 'Bastia', '2B033', { target: 'D2B', postalCodes: ['20200', '20600'], population: 48_000, parentName: 'Haute-Corse' }),
	entry('commune', 'Saint-Denis', '93066', { target: 'D93', postalCodes: ['93200', '93210'], population: 113_000, parentName: 'Seine-Saint-Denis' }),
	entry('commune', 'Saint-Denis', '97411', { target: 'D974', postalCodes: ['97400', '97490'], population: 153_000, parentName: 'La Réunion' }),
	entry('commune', 'Corsept', '44046', { target: 'D44', postalCodes: ['44560'], population: 2_800, parentName: 'Loire-Atlantique' }),
	entry('commune', 'Ambérieu-en-Bugey', '01004', { target: 'D01', postalCodes: ['01500'], population: 15_000, parentName: 'Ain' })
];

const labels = (query: string, limit?: number) => rankEntries(ENTRIES, query, limit).matches.map((m) => m.label);

describe('territory search ranking', () => {
	it('finds names without accents, case or punctuation', () => {
		expect(labels('correze')).toEqual(['Corrèze (19) — département, Nouvelle-Aquitaine']);
		expect(labels("cote d'or")[0]).toBe("Côte-d'Or (21) — département, Bourgogne-Franche-Comté");
		expect(labels('COTE-D’OR')[0]).toMatch(/^Côte-d'Or/);
		expect(labels('ajaccio')).toEqual(['Ajaccio (20000) — Corse-du-Sud']);
	});

	it('puts the whole name first, then régions and départements, then communes, by how well they match', () => {
		expect(labels('corse')).toEqual([
			'Corse — région',
			'Corse-du-Sud (2A) — département, Corse',
			'Haute-Corse (2B) — département, Corse',
			'Corsept (44560) — Loire-Atlantique'
		]);
		expect(labels('cors')).toEqual([
			'Corse — région',
			'Corse-du-Sud (2A) — département, Corse',
			'Haute-Corse (2B) — département, Corse',
			'Corsept (44560) — Loire-Atlantique'
		]);
	});

	it('ranks régions, then départements, then communes on equal match, most populous first', () => {
		expect(labels('guadeloupe')).toEqual(['Guadeloupe — région', 'Guadeloupe (971) — département, Guadeloupe']);
		expect(labels('saint denis')).toEqual(['Saint-Denis (97400) — La Réunion', 'Saint-Denis (93200) — Seine-Saint-Denis']);
	});

	it('reads « st » as « saint » and accepts the words of a name in any order', () => {
		expect(labels('st denis')[0]).toBe('Saint-Denis (97400) — La Réunion');
		expect(labels('sud corse')).toEqual(['Corse-du-Sud (2A) — département, Corse']);
	});

	it('finds a département by its number, with or without leading zero', () => {
		expect(labels('2A')[0]).toBe('Corse-du-Sud (2A) — département, Corse');
		expect(labels('2b')[0]).toBe('Haute-Corse (2B) — département, Corse');
		expect(labels('971')[0]).toBe('Guadeloupe (971) — département, Guadeloupe');
		expect(labels('01')[0]).toBe('Ain (01) — département, Auvergne-Rhône-Alpes');
		expect(labels('1')[0]).toBe('Ain (01) — département, Auvergne-Rhône-Alpes');
	});

	it('finds communes by postal code, showing the code typed', () => {
		expect(labels('20000')).toEqual(['Ajaccio (20000) — Corse-du-Sud']);
		expect(labels('20167')).toEqual(['Ajaccio (20167) — Corse-du-Sud', 'Afa (20167) — Corse-du-Sud']);
		expect(labels('20 000')).toEqual(['Ajaccio (20000) — Corse-du-Sud']);
	});

	it('after a département number, lists the communes whose postal code starts with it', () => {
		expect(labels('01')).toEqual(['Ain (01) — département, Auvergne-Rhône-Alpes', 'Ambérieu-en-Bugey (01500) — Ain']);
		expect(labels('20')).toEqual(['Ajaccio (20000) — Corse-du-Sud', 'Bastia (20200) — Haute-Corse', 'Afa (20167) — Corse-du-Sud']);
	});

	it('finds a commune by its INSEE code', () => {
		expect(labels('2A004')).toEqual(['Ajaccio (20000) — Corse-du-Sud']);
	});

	it('leads every match to a territory page', () => {
		const [ajaccio] = rankEntries(ENTRIES, 'ajaccio').matches;
		expect(ajaccio).toMatchObject({ kind: 'commune', name: 'Ajaccio', target: 'D2A', href: '/territoires/departements/2A', postalCode: '20000' });
		expect(rankEntries(ENTRIES, 'corse').matches[0].href).toBe('/territoires/regions/94');
	});

	it('cuts the list at the limit but counts every match', () => {
		const result = rankEntries(ENTRIES, 'co', 2);
		expect(result.matches).toHaveLength(2);
		expect(result.total).toBe(7);
	});

	it('returns nothing for blank or unmatched queries', () => {
		expect(rankEntries(ENTRIES, '   ').matches).toEqual([]);
		expect(rankEntries(ENTRIES, "' - '").matches).toEqual([]);
		expect(rankEntries(ENTRIES, 'zzz').matches).toEqual([]);
		expect(rankEntries(ENTRIES, '99').matches).toEqual([]);
	});
});

describe('helpers', () => {
	it('normalises département numbers', () => {
		expect(['1', '01', '2a', '2B', '971', ' 976 ', '20', '100', 'A', '3A'].map(departementNumber)).toEqual([
			'01',
			'01',
			'2A',
			'2B',
			'971',
			'976',
			'20',
			null,
			null,
			null
		]);
	});

	it('maps a public code to its page', () => {
		expect(territoryHref('FR')).toBe('/territoires/france');
		expect(territoryHref('R84')).toBe('/territoires/regions/84');
		expect(territoryHref('D2A')).toBe('/territoires/departements/2A');
	});
});
