/** The comparison's parameters, suggested comparisons and query, on a small store built with the import. */
import { describe, expect, it } from 'vitest';
import { useReleaseStore } from '../../../../tests/helpers/tmp';
import { COMPARISON_CSV_COLUMNS, CompareParamError, comparison, comparisonCsvRows, onlyIndicator, parseCodes, parseCompareParams, suggestedComparison } from './compare';
import { allTerritories } from './facts';

const INDICATORS = `indicateur_id,famille_id,famille,politique_id,politique,nom,unite,sens,producteur,licence,date_mise_a_jour
T-1,politiques-prioritaires,Politiques prioritaires,P-1,Éducation,Taux de réussite,%,hausse,INSEE,Licence Ouverte / Etalab 2.0,2024-06-30
T-2,barometre-2017-2022,Baromètre 2017–2022,P-2,Routes,Nombre de morts,nombre,baisse,ONISR,Licence Ouverte / Etalab 2.0,2024-06-30
T-3,barometre-2017-2022,Baromètre 2017–2022,P-3,Aides,Aides versées,nombre,hausse,ASP,Licence Ouverte / Etalab 2.0,2024-06-30
`;
const VALUES = `indicateur_id,maille,code_territoire,date,valeur
T-1,departement,2A,2023-01,50
T-1,departement,2A,2024-01,60
T-1,departement,2B,2024-01,50
T-1,departement,13,2024-01,70
T-1,national,FR,2024-01,72
T-2,departement,2A,2023,12
T-2,departement,2B,2023,30
T-2,departement,13,2023,100
T-2,national,FR,2023,3200
T-3,departement,2B,2023,5
`;
const TARGETS = `indicateur_id,maille,code_territoire,type,date,valeur
T-1,departement,2A,initiale,2022-01,40
T-1,departement,2A,cible,2026-01,80
`;

/** Built once for the file with the real import code. */
const store = useReleaseStore({ 'indicateurs.csv': INDICATORS, 'valeurs.csv': VALUES, 'cibles.csv': TARGETS });

const params = (query: string) => parseCompareParams(new URLSearchParams(query));
const error = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e;
	}
	throw new Error('no error');
};

describe('parameters', () => {
	it('normalises the list: trimmed, upper case, duplicates dropped, in the canonical order (France, régions, départements)', () => {
		expect(params('t=r84, d2a ,R84,fr')).toEqual({ codes: ['FR', 'R84', 'D2A'], famille: null, theme: null });
		expect(params('t=D30,D2A,D29,R93').codes).toEqual(['R93', 'D29', 'D2A', 'D30']);
		expect(params('t=D971,D13&famille=politiques-prioritaires&theme=sante')).toMatchObject({ famille: 'politiques-prioritaires', theme: 'sante' });
	});

	it('refuses fewer than 2 or more than 13 territories (France not counted), malformed codes and filters, with French messages', () => {
		for (const [query, message] of [
			['t=R84', /au moins 2 territoires : seul « R84 »/],
			['t=R84,R84', /au moins 2/],
			['t=', /au moins 2 territoires : aucun/],
			['', /Paramètre « t » manquant/],
			['t=D01,D02,D03,D04,D05,D06,D07,D08,D09,D10,D11,D12,D13,D14', /13 territoires au plus, France en plus : 14/],
			['t=R84,X1', /mal formé : « X1 »/],
			['t=R84,D1000', /mal formé/],
			['t=R84,R93&famille=Pas bien', /« famille » mal formé/],
			['t=R84,R93&theme=a&theme=b', /« theme » ne peut être donné qu’une fois/]
		] as const) {
			const e = error(() => params(query));
			expect(e, query).toBeInstanceOf(CompareParamError);
			expect((e as Error).message, query).toMatch(message);
			expect((e as CompareParamError).hint.length).toBeGreaterThan(10);
		}
	});

	it('accepts a short list for the add form', () => {
		expect(parseCodes('', 0)).toEqual([]);
		expect(parseCodes('d2a', 0)).toEqual(['D2A']);
	});
});

describe('suggested comparisons', () => {
	it('neighbours, neighbouring régions with France, départements of the région, capped at 13 besides France', () => {
		const all = allTerritories(store());
		expect(suggestedComparison(all, 'D2A', 'voisins')).toEqual(['D2A', 'D2B']);
		expect(suggestedComparison(all, 'D971', 'voisins')).toEqual(['D971', 'FR']);
		expect(suggestedComparison(all, 'D971', 'regions')).toEqual(['D971', 'FR']);
		expect(suggestedComparison(all, 'FR', 'voisins')).toBeNull();
		expect(suggestedComparison(all, 'D99', 'voisins')).toBeNull();

		const regions = suggestedComparison(all, 'R84', 'regions')!;
		expect(regions[0]).toBe('R84');
		expect(regions.at(-1)).toBe('FR');
		expect(regions).toContain('R93');
		expect(regions.length).toBeLessThanOrEqual(14);

		// Auvergne-Rhône-Alpes has 12 départements: the Rhône, its neighbours there, then by number, all 12.
		const rhone = suggestedComparison(all, 'D69', 'regions')!;
		expect(rhone).toHaveLength(12);
		expect(rhone).toEqual(expect.arrayContaining(['D43', 'D63', 'D73', 'D74']));
		expect(rhone.slice(0, 4)).toEqual(['D69', 'D01', 'D38', 'D42']);
		const parents = new Map(all.map((t) => [t.code, t.parentCode]));
		expect(rhone.every((c) => parents.get(c) === 'R84')).toBe(true);
		// Occitanie, the largest région, 13 départements: none left out.
		const herault = suggestedComparison(all, 'D34', 'regions')!;
		expect(herault).toHaveLength(13);
		expect(herault.every((c) => parents.get(c) === 'R76')).toBe(true);
		expect(() => params(`t=${herault.join(',')},FR`)).not.toThrow();
	});
});

describe('comparison', () => {
	it('keeps the indicators published in all the territories, with France beside them', () => {
		const result = comparison(store(), params('t=D2A,D2B'));
		expect(result.territories.map((t) => t.name)).toEqual(['Corse-du-Sud', 'Haute-Corse']);
		expect(result.france).toMatchObject({ code: 'FR', href: '/territoires/france' });
		expect(result.indicators.map((i) => i.code)).toEqual(['T-1', 'T-2']);
		expect(result.indicators[0].cells.map((c) => c.code)).toEqual(['D2A', 'D2B', 'FR']);
		expect(result.families.map((f) => [f.id, f.count])).toEqual([
			['politiques-prioritaires', 1],
			['barometre-2017-2022', 1]
		]);
	});

	it('rate: value, gap in points to France, progress to target, rank among all départements', () => {
		const [rate] = comparison(store(), params('t=D2A,D2B')).indicators;
		const [d2a, d2b, fr] = rate.cells;
		expect(rate.perCapita).toBe(false);
		expect(d2a).toMatchObject({ value: 60, date: '2024-01', gap: -12, gapDatesDiffer: false, rank: 2, peers: 3, perCapita: null });
		expect(d2a.rate).toBeCloseTo(50);
		expect(d2a.target).toEqual({ date: '2026-01', value: 80 });
		expect(d2a.series).toEqual([
			{ date: '2023-01', value: 50 },
			{ date: '2024-01', value: 60 }
		]);
		expect(d2b).toMatchObject({ value: 50, gap: -22, rank: 3, peers: 3 });
		expect(fr).toMatchObject({ value: 72, gap: null, rank: null, peers: null });
	});

	it('count: per 100 000 inhabitants, ranked and compared on those only', () => {
		const count = comparison(store(), params('t=D2A,D2B')).indicators[1];
		const population = new Map(allTerritories(store()).map((t) => [t.code, t.population!]));
		const per = (value: number, code: string) => (value * 100_000) / population.get(code)!;
		const [d2a, d2b, fr] = count.cells;
		expect(count.perCapita).toBe(true);
		expect(d2a.perCapita).toBeCloseTo(per(12, 'D2A'));
		expect(d2a.gap).toBeCloseTo(per(12, 'D2A') - per(3200, 'FR'));
		expect(fr.perCapita).toBeCloseTo(per(3200, 'FR'));
		// Fewest deaths per inhabitant first (`baisse`): Bouches-du-Rhône, then Corse-du-Sud, although the raw count is lowest in Corse-du-Sud.
		const ranks = [per(100, 'D13'), per(12, 'D2A'), per(30, 'D2B')];
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		expect(d2a).toMatchObject({ rank: 2, peers: 3 });
		expect(d2b).toMatchObject({ rank: 3, peers: 3 });
		expect(d2a.series[0].value).toBeCloseTo(per(12, 'D2A'));
	});

	it('filters by family and theme, and refuses unknown territories, families and themes', () => {
		const filtered = comparison(store(), params('t=D2A,D2B&famille=barometre-2017-2022'));
		expect(filtered.indicators.map((i) => i.code)).toEqual(['T-2']);
		expect(filtered.total).toBe(2);
		for (const [query, message] of [
			['t=D2A,D99', /Territoire inconnu : « D99 »/],
			['t=D2A,D2B&famille=inconnue', /Famille inconnue/],
			['t=D2A,D2B&theme=inconnu', /Thème inconnu/]
		] as const) {
			const e = error(() => comparison(store(), params(query)));
			expect(e).toBeInstanceOf(CompareParamError);
			expect((e as Error).message).toMatch(message);
		}
	});

	it('France may be one of the territories (no duplicate reference)', () => {
		const result = comparison(store(), params('t=D2A,FR'));
		expect(result.france).toBeNull();
		expect(result.indicators[0].cells.map((c) => c.code)).toEqual(['FR', 'D2A']);
	});

	it('runs a handful of statements whatever the number of indicators and territories', () => {
		let statements = 0;
		const counting = new Proxy(store(), {
			get: (target, key) =>
				key === 'prepare'
					? (sql: string) => {
							statements++;
							return target.prepare(sql);
						}
					: Reflect.get(target, key)
		});
		comparison(counting, params('t=D2A,D2B,D13,R94'));
		expect(statements).toBeLessThanOrEqual(8);
	});

	it('CSV rows: the latest values shown, canonical columns first, then what the page shows beside them', () => {
		const result = comparison(store(), params('t=D2A,D2B'));
		const rows = comparisonCsvRows(result);
		expect(rows.every((r) => r.length === COMPARISON_CSV_COLUMNS.length)).toBe(true);
		const t1 = result.indicators.find((i) => i.code === 'T-1')!;
		const [cell] = t1.cells;
		expect(rows[0].slice(0, 8)).toEqual(['T-1', 'Taux de réussite', 'departement', '2A', 'Corse-du-Sud', '2024-01', 60, '%']);
		const column = (name: (typeof COMPARISON_CSV_COLUMNS)[number]) => rows[0][COMPARISON_CSV_COLUMNS.indexOf(name)];
		expect(column('ecart_france')).toBe(cell.gap);
		expect(column('rang')).toBe(cell.rank);
		expect(column('territoires_classes')).toBe(cell.peers);
		expect(column('statut')).toBe(cell.status);
		expect(column('statut_date')).toBe(cell.verdict.judgedAt);
		// A rate: no per-100 000 value, no population.
		expect([column('valeur_pour_100000_habitants'), column('population'), column('annee_population')]).toEqual([null, null, null]);
		expect(rows.filter((r) => r[0] === 'T-1').map((r) => r[3])).toEqual(['2A', '2B', 'FR']);
		expect(rows).toHaveLength(6);
		expect(comparisonCsvRows(onlyIndicator(result, 'T-1')!).map((r) => r[0])).toEqual(['T-1', 'T-1', 'T-1']);
		expect(onlyIndicator(result, 'Z-9')).toBeNull();
	});
});

describe('themes of indicators', () => {
	// Two indicators of one policy with themes of their own: each is filed under its own theme, as on
	// the indicator pages (facts.ts), not under the policy's.
	const themed = useReleaseStore({
		'indicateurs.csv': `indicateur_id,famille_id,famille,theme_id,theme,politique_id,politique,nom,unite,sens,producteur,licence
A-1,politiques-prioritaires,Politiques prioritaires,routes,Routes,P-9,Sécurité,Morts sur les routes,nombre,baisse,ONISR,Licence Ouverte / Etalab 2.0
A-2,politiques-prioritaires,Politiques prioritaires,secours,Secours,P-9,Sécurité,Délai des secours,minutes,baisse,SDIS,Licence Ouverte / Etalab 2.0
`,
		'valeurs.csv': `indicateur_id,maille,code_territoire,date,valeur
A-1,departement,2A,2023,10
A-1,departement,2B,2023,12
A-2,departement,2A,2023,14
A-2,departement,2B,2023,15
`
	});

	it('filters and labels each indicator by its own theme', () => {
		const all = comparison(themed(), params('t=D2A,D2B'));
		expect(all.themes.map((t) => [t.id, t.count])).toEqual([
			['routes', 1],
			['secours', 1]
		]);
		const secours = comparison(themed(), params('t=D2A,D2B&theme=secours'));
		expect(secours.indicators.map((i) => [i.code, i.theme?.name])).toEqual([['A-2', 'Secours']]);
	});
});
