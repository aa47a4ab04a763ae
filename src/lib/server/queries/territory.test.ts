/** Territory page queries on a small store built with the import (two families, Corse-du-Sud, Corse, France). */
import { describe, expect, it } from 'vitest';
import { useReleaseStore } from '../../../../tests/helpers/tmp';
import { neighboursOf } from '../neighbours';
import { FilterParamError, lineView, territoryPage } from './territory';

const INDICATORS = `indicateur_id,famille_id,famille,theme_id,theme,politique_id,politique,nom,unite,sens,producteur,licence,date_mise_a_jour
T-1,politiques-prioritaires,Politiques prioritaires,ecole,École,P-1,Éducation,Taux de réussite,%,hausse,INSEE,Licence Ouverte / Etalab 2.0,2024-06-30
T-2,barometre-2017-2022,Baromètre 2017–2022,routes,Routes,P-2,Routes,Nombre de morts,nombre,baisse,ONISR,Licence Ouverte / Etalab 2.0,2024-06-30
T-3,barometre-2017-2022,Baromètre 2017–2022,aides,Aides,P-3,Aides,Aides versées,nombre,hausse,ASP,Licence Ouverte / Etalab 2.0,2024-06-30
`;
const VALUES = `indicateur_id,maille,code_territoire,date,valeur
T-1,departement,2A,2022-01,40
T-1,departement,2A,2023-01,50
T-1,departement,2A,2024-01,60
T-1,region,94,2024-01,55
T-1,national,FR,2023-01,70
T-1,national,FR,2024-01,72
T-2,departement,2A,2023,12
T-2,national,FR,2023,3200
T-3,departement,2B,2023,5
T-3,national,FR,2023,900
`;
const TARGETS = `indicateur_id,maille,code_territoire,type,date,valeur
T-1,departement,2A,initiale,2022-01,40
T-1,departement,2A,cible,2026-01,80
`;

/** Built once for the file with the real import code. */
const store = useReleaseStore({ 'indicateurs.csv': INDICATORS, 'valeurs.csv': VALUES, 'cibles.csv': TARGETS });

describe('département page', () => {
	it('resolves the territory, its région, chef-lieu and neighbours', () => {
		const page = territoryPage(store(), 'departement', 'D2A')!;
		expect(page.territory).toMatchObject({ name: 'Corse-du-Sud', inseeCode: '2A', parentCode: 'R94' });
		expect(page.region).toMatchObject({ code: 'R94', name: 'Corse' });
		expect(page.chefLieuName).toBe('Ajaccio');
		expect(page.neighbours.map((n) => n.name)).toEqual(['Haute-Corse']);
		expect(page.children).toEqual([]);
		expect(page.cogYear).toBeGreaterThanOrEqual(2024);
	});

	it('lists only the indicators published there, one family at a time (priority policies first), by policy', () => {
		const page = territoryPage(store(), 'departement', 'D2A')!;
		expect(page.groups.map((f) => [f.id, f.policies.map((p) => p.indicators.map((i) => i.code))])).toEqual([['politiques-prioritaires', [['T-1']]]]);
		const other = territoryPage(store(), 'departement', 'D2A', { famille: 'barometre-2017-2022' })!;
		expect(other.groups.map((f) => [f.id, f.policies.map((p) => p.indicators.map((i) => i.code))])).toEqual([['barometre-2017-2022', [['T-2']]]]);
		expect(page.families).toEqual([
			{ id: 'politiques-prioritaires', name: 'Politiques prioritaires', count: 1, line: expect.stringMatching(/^Sur 1 indicateur : /) },
			{ id: 'barometre-2017-2022', name: 'Baromètre 2017–2022', count: 1, line: expect.stringMatching(/^Sur 1 indicateur : .*1 sans cible/) }
		]);
		expect(page.total).toBe(2);
		// One family at a time: the first here when none is asked for.
		expect(page.famille).toBe('politiques-prioritaires');
	});

	it('gives the latest value, progress, status and the région and France values', () => {
		const [line] = territoryPage(store(), 'departement', 'D2A')!.groups[0].policies[0].indicators;
		expect(line).toMatchObject({
			latest: { date: '2024-01', value: 60, qualifier: null, perCapita: null },
			target: { date: '2026-01', value: 80 },
			region: { date: '2024-01', value: 55, perCapita: null },
			france: { date: '2024-01', value: 72, perCapita: null },
			amount: false,
			// The only département with a value in January 2024.
			standing: { rank: 1, of: 1 }
		});
		expect(line.rate).toBeCloseTo(50);
		// On track in January 2024, but a yearly value almost three years old says nothing about today.
		// (the ageing rule itself is tested with fixed dates in indicator-summary.test.ts).
		expect(line.verdict).toMatchObject({ judged: 'en-bonne-voie', judgedAt: '2024-01' });
		expect(line.status).toBe(line.verdict.outdated ? 'non-evaluable' : 'en-bonne-voie');
		const [deaths] = territoryPage(store(), 'departement', 'D2A', { famille: 'barometre-2017-2022' })!.groups[0].policies[0].indicators;
		expect(deaths).toMatchObject({ latest: { value: 12 }, region: null, france: { value: 3200 }, rate: null, status: 'sans-cible', amount: true });
	});

	it('gives amounts per 100 000 inhabitants of each territory, and ranks them so', () => {
		const client = store();
		const population = (code: string) => (client.prepare('SELECT population FROM territories WHERE code = ?').get(code) as { population: number }).population;
		const [deaths] = territoryPage(client, 'departement', 'D2A', { famille: 'barometre-2017-2022' })!.groups[0].policies[0].indicators;
		expect(deaths.latest!.perCapita).toBeCloseTo((12 * 100_000) / population('D2A'), 10);
		expect(deaths.france!.perCapita).toBeCloseTo((3200 * 100_000) / population('FR'), 10);
		expect(deaths.standing).toEqual({ rank: 1, of: 1 });
		// T-3 in 2023: 5 in Haute-Corse only; Corse-du-Sud has no value, so no rank there.
		const [aid] = territoryPage(client, 'departement', 'D2B', { famille: 'barometre-2017-2022' })!.groups[0].policies[0].indicators;
		expect(aid).toMatchObject({ code: 'T-3', amount: true, standing: { rank: 1, of: 1 } });
		const national = territoryPage(client, 'national', 'FR', { famille: 'barometre-2017-2022' })!.groups.flatMap((g) => g.policies.flatMap((p) => p.indicators));
		expect(national.length).toBe(2);
		expect(national.every((l) => l.standing === null)).toBe(true);
	});

	it('serialises a line without its null fields, with the rate rounded as shown and the direction beside the rank', () => {
		const [line] = territoryPage(store(), 'departement', 'D2A')!.groups[0].policies[0].indicators;
		const view = lineView(line);
		expect(view).toEqual({
			code: 'T-1',
			name: 'Taux de réussite',
			unit: '%',
			latest: { date: '2024-01', value: 60 },
			target: { date: '2026-01', value: 80 },
			rate: 50,
			verdict: line.verdict,
			region: { date: '2024-01', value: 55 },
			france: { date: '2024-01', value: 72 },
			standing: { rank: 1, of: 1, direction: 'hausse' }
		});
		const [deaths] = territoryPage(store(), 'departement', 'D2A', { famille: 'barometre-2017-2022' })!.groups[0].policies[0].indicators;
		expect(lineView(deaths)).toMatchObject({ amount: true, latest: { date: '2023', value: 12 } });
		expect(Object.keys(lineView(deaths))).not.toContain('region');
	});

	it('keeps one family when asked, and refuses an unknown one', () => {
		const page = territoryPage(store(), 'departement', 'D2A', { famille: 'barometre-2017-2022' })!;
		expect(page.groups.map((g) => g.id)).toEqual(['barometre-2017-2022']);
		expect(page.families).toHaveLength(2);
		expect(() => territoryPage(store(), 'departement', 'D2A', { famille: 'inconnue' })).toThrow(FilterParamError);
	});

	it('keeps one theme when asked, lists the themes present, and refuses an unknown one', () => {
		const client = store();
		const page = territoryPage(client, 'departement', 'D2A', { famille: 'barometre-2017-2022', theme: 'routes' })!;
		expect(page.groups.flatMap((g) => g.policies.flatMap((p) => p.indicators.map((i) => i.code)))).toEqual(['T-2']);
		expect(page.themes).toEqual([{ id: 'routes', name: 'Routes', count: 1 }]);
		// Within a family, its themes only; a chosen theme absent there stays listed, with no indicator.
		const both = territoryPage(client, 'departement', 'D2A', { famille: 'politiques-prioritaires', theme: 'routes' })!;
		expect(both.groups).toEqual([]);
		expect(both.themes).toEqual([
			{ id: 'ecole', name: 'École', count: 1 },
			{ id: 'routes', name: 'Routes', count: 0 }
		]);
		// No family asked: the theme within the first family.
		expect(territoryPage(client, 'departement', 'D2A', { theme: 'ecole' })!.groups[0].policies[0].indicators.map((i) => i.code)).toEqual(['T-1']);
		// A theme of the store with nothing here (T-3 is Haute-Corse's only).
		expect(territoryPage(client, 'departement', 'D2A', { theme: 'aides' })!.groups).toEqual([]);
		expect(() => territoryPage(client, 'departement', 'D2A', { theme: 'inconnu' })).toThrow(FilterParamError);
	});

	it('returns null for an unknown code or a code of another level', () => {
		expect(territoryPage(store(), 'departement', 'D99')).toBeNull();
		expect(territoryPage(store(), 'departement', 'R94')).toBeNull();
	});
});

describe('région and France pages', () => {
	it('a région lists its départements by code and its neighbours, and compares with France only', () => {
		const page = territoryPage(store(), 'region', 'R84')!;
		expect(page.children.map((c) => c.inseeCode)).toEqual(['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74']);
		expect(page.neighbours.map((n) => n.name)).toEqual([
			'Bourgogne-Franche-Comté',
			'Centre-Val de Loire',
			'Nouvelle-Aquitaine',
			'Occitanie',
			"Provence-Alpes-Côte d'Azur"
		]);
		const corse = territoryPage(store(), 'region', 'R94')!;
		expect(corse.neighbours).toEqual([]);
		expect(corse.groups[0].policies[0].indicators[0]).toMatchObject({ latest: { value: 55 }, region: null, france: { value: 72 } });
	});

	it('France lists the 18 régions by name with their départements, and has no comparison', () => {
		const page = territoryPage(store(), 'national', 'FR')!;
		expect(page.children).toHaveLength(18);
		expect(page.children[0].name).toBe('Auvergne-Rhône-Alpes');
		expect(page.children.flatMap((r) => r.children ?? [])).toHaveLength(101);
		expect(page.children.find((r) => r.code === 'R94')!.children!.map((d) => d.name)).toEqual(['Corse-du-Sud', 'Haute-Corse']);
		const lines = ['politiques-prioritaires', 'barometre-2017-2022'].flatMap((famille) =>
			territoryPage(store(), 'national', 'FR', { famille })!.groups.flatMap((g) => g.policies.flatMap((p) => p.indicators))
		);
		expect(lines.map((l) => l.code).sort()).toEqual(['T-1', 'T-2', 'T-3']);
		expect(lines.every((l) => l.region === null && l.france === null)).toBe(true);
	});
});

describe('neighbours', () => {
	it('come from the map outlines, plus the border the simplified outlines lose', () => {
		expect(neighboursOf('departement', '2A')).toEqual(['2B']);
		expect(neighboursOf('departement', '75')).toEqual(['92', '93', '94']);
		expect(neighboursOf('departement', '13')).toEqual(['04', '30', '83', '84']);
		expect(neighboursOf('departement', '04')).toContain('13');
		expect(neighboursOf('departement', '971')).toEqual([]);
		expect(neighboursOf('region', '94')).toEqual([]);
		expect(neighboursOf('region', '11')).toEqual(['24', '27', '28', '32', '44']);
	});

	it('are symmetric', () => {
		for (const code of ['01', '2B', '33', '69', '90', '974']) {
			for (const n of neighboursOf('departement', code)) expect(neighboursOf('departement', n)).toContain(code);
		}
	});
});
