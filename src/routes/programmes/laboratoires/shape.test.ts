import { describe, expect, it } from 'vitest';
import { basisInWords, creation, creationYears, labsByRegion, outsideStateNetwork, regionLabel, yesNoInWords } from './shape';

const lab = { creationYear: null, creationYearBasis: null, creationYearsBySource: [], creationConflictNote: null };

describe('creation years', () => {
	it('shows both years with their sources when the sources disagree', () => {
		const c = creation({ ...lab, creationYear: 2022, creationYearsBySource: [{ year: 2022, source: 'L09' }, { year: 2021, source: 'DOC04' }] });
		expect(c).toEqual({ year: '2021 ou 2022', bySource: [{ year: 2022, source: 'L09' }, { year: 2021, source: 'DOC04' }], detail: 'les sources divergent : 2022 selon L09, 2021 selon DOC04', conflict: true });
	});

	it('keeps a creation-versus-opening conflict in words, and says how a year is known', () => {
		expect(creation({ ...lab, creationYear: 2016, creationConflictNote: 'créé en 2016 selon L12 ; inauguré mi-2017 selon L11' })).toMatchObject({ year: '2016', conflict: true });
		expect(creation({ ...lab, creationYear: 2017, creationYearBasis: 'deduced (premier anniversaire fete au printemps 2018)' }).detail).toBe('déduite : premier anniversaire fete au printemps 2018');
		expect(creation({ ...lab, creationYearBasis: 'not found' })).toEqual({ year: 'non trouvée', bySource: [], detail: null, conflict: false });
		expect(basisInWords('stated (L09); DOC04 le cite parmi les labs nouveaux fin 2021')).toBe('indiquée : L09 ; DOC04 le cite parmi les labs nouveaux fin 2021');
		expect(basisInWords('not stated (une bonne annee d existence)')).toBe('non indiquée : une bonne annee d existence');
	});

	it('lists every year any source gives', () => {
		expect(creationYears({ creationYear: 2022, creationYearsBySource: [{ year: 2022, source: 'L09' }, { year: 2021, source: 'DOC04' }] }).sort()).toEqual([2021, 2022]);
		expect(yesNoInWords('yes (laureat d un appel)')).toBe('oui (laureat d un appel)');
		expect(yesNoInWords('no')).toBe('non');
		expect(yesNoInWords('unknown')).toBe('inconnu');
	});
});

describe('labs by région', () => {
	const labs = [
		{ name: 'Lab Zero', regionCode: '93', statusNote: null },
		{ name: 'InSo Lab 83', regionCode: '93', statusNote: null },
		{ name: 'Lab Logistique', regionCode: '02', statusNote: 'lab de collectivite; hors reseau des labs de l Etat (LIIT)' }
	];
	const regions = [
		{ inseeCode: '93', name: "Provence-Alpes-Côte d'Azur" },
		{ inseeCode: '02', name: 'Martinique' },
		{ inseeCode: '94', name: 'Corse' }
	];

	it('counts the State’s labs of every région, a local authority’s lab apart', () => {
		expect(outsideStateNetwork(labs[2])).toBe(true);
		const byRegion = labsByRegion(regions, labs);
		expect(byRegion.map((r) => [r.name, r.labs, r.others.map((o) => o.name)])).toEqual([
			['Corse', [], []],
			['Martinique', [], ['Lab Logistique']],
			["Provence-Alpes-Côte d'Azur", ['InSo Lab 83', 'Lab Zero'], []]
		]);
		expect(byRegion.map(regionLabel)).toEqual([
			"aucun laboratoire de l'État identifié",
			"aucun laboratoire de l'État identifié ; Lab Logistique, laboratoire hors réseau de l'État",
			'2 laboratoires : InSo Lab 83, Lab Zero'
		]);
	});
});
