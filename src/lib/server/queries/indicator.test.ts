import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRelease } from '../import/index';
import { indicatorsCsv, tmpDir, writeFiles } from '../../../../tests/helpers/tmp';
import { findIndicator, findTerritory, type IndicatorMeta } from './facts';
import { chartData, indicatorContext, isCountUnit, rankRows, sortRows, territoryTable, territoriesWithValues } from './indicator';

let client: Database.Database;
let rate: IndicatorMeta;
let deaths: IndicatorMeta;

beforeAll(async () => {
	const dir = tmpDir({ forFile: true });
	writeFiles(dir, {
		'r/indicateurs.csv': indicatorsCsv(
			'T-1,test,Famille test,P-1,Politique test,Taux de test,%,hausse,INSEE,Licence Ouverte / Etalab 2.0,2024-06-30',
			'T-2,test,Famille test,P-1,Politique test,Morts,nombre,baisse,ONISR,Licence Ouverte / Etalab 2.0,2024-06-30'
		),
		'r/valeurs.csv':
			'indicateur_id,maille,code_territoire,date,valeur\n' +
			[
				'T-1,national,FR,2023-01-01,70',
				'T-1,national,FR,2024-05-01,75',
				'T-1,region,94,2024-05-01,60',
				'T-1,region,84,2024-05-01,80',
				'T-1,departement,2A,2023-01-01,50',
				'T-1,departement,2A,2024-05-01,82.02',
				'T-1,departement,2B,2024-05-01,55',
				'T-1,departement,01,2024-05-01,82.02',
				'T-2,departement,75,2024-01-01,40',
				'T-2,departement,48,2024-01-01,10'
			].join('\n') +
			'\n',
		'r/cibles.csv':
			'indicateur_id,maille,code_territoire,type,date,valeur\n' +
			['T-1,departement,2A,initiale,2022-05-01,40', 'T-1,departement,2A,cible,2026-12-01,90', 'T-1,national,FR,initiale,2022-05-01,69', 'T-1,national,FR,cible,2026-12-01,80'].join('\n') +
			'\n'
	});
	const db = join(dir, 'store.sqlite');
	const report = await importRelease([join(dir, 'r')], { dbPath: db });
	if (!report.ok) throw new Error(JSON.stringify(report.problems));
	client = new Database(db, { readonly: true });
	rate = findIndicator(client, 'T-1')!;
	deaths = findIndicator(client, 'T-2')!;
});
afterAll(() => client?.close());

describe('isCountUnit', () => {
	it('amounts are counts; shares, scores and durations are not', () => {
		for (const unit of ['nombre', 'EUR', 'Md€', 'km', 'h', 'heures', 'GW', 'TWh', 'Mt']) expect(isCountUnit(unit), unit).toBe(true);
		for (const unit of ['%', 'points', 'note sur 10', 'mois', 'jours', 'taux pour 1000', 'naissances / femme']) expect(isCountUnit(unit), unit).toBe(false);
	});
});

describe('indicatorContext', () => {
	it('mailles and their dates in one query; counts offer per-inhabitant values', () => {
		expect(indicatorContext(client, rate)).toEqual({
			mailles: ['region', 'departement'],
			dates: { region: ['2024-05-01'], departement: ['2023-01-01', '2024-05-01'] },
			perCapita: false
		});
		expect(indicatorContext(client, deaths)).toEqual({ mailles: ['departement'], dates: { departement: ['2024-01-01'] }, perCapita: true });
	});

	it('territories with values, France first', () => {
		expect(territoriesWithValues(client, rate.id).map((t) => t.code)).toEqual(['FR', 'R84', 'R94', 'D01', 'D2A', 'D2B']);
	});
});

describe('territoryTable', () => {
	it('all 101 départements, missing ones included; value, change, progress and rank', () => {
		const rows = territoryTable(client, rate, { maille: 'departement', date: '2024-05-01', par: null, tri: 'nom', ordre: 'asc' });
		expect(rows).toHaveLength(101);
		expect(rows[0].name).toBe('Ain');
		const corse = rows.find((r) => r.code === 'D2A')!;
		expect(corse).toMatchObject({ inseeCode: '2A', value: 82.02, date: '2024-05-01', baseline: { date: '2022-05-01', value: 40 }, target: { date: '2026-12-01', value: 90 } });
		expect(corse.change).toBeCloseTo(42.02, 10);
		expect(corse.rate).toBeCloseTo((100 * 42.02) / 50, 10);
		// Ties share the best rank; higher is better.
		expect(rows.filter((r) => r.rank !== null).map((r) => [r.code, r.rank])).toEqual([
			['D01', 1],
			['D2A', 1],
			['D2B', 3]
		]);
		const missing = rows.find((r) => r.code === 'D971')!;
		expect(missing).toMatchObject({ value: null, date: null, rank: null, rate: null });
	});

	it('an earlier date', () => {
		const rows = territoryTable(client, rate, { maille: 'departement', date: '2023-01-01', par: null, tri: 'valeur', ordre: 'desc' });
		expect(rows[0]).toMatchObject({ code: 'D2A', value: 50 });
		expect(rows.filter((r) => r.value !== null)).toHaveLength(1);
	});

	it('counts are not ranked raw; per 100 000 inhabitants they are (lower is better here)', () => {
		const raw = territoryTable(client, deaths, { maille: 'departement', date: '2024-01-01', par: null, tri: 'valeur', ordre: 'desc' });
		expect(raw.every((r) => r.rank === null && r.perCapita === null)).toBe(true);
		expect(raw.slice(0, 2).map((r) => r.code)).toEqual(['D75', 'D48']);

		const perCapita = territoryTable(client, deaths, { maille: 'departement', date: '2024-01-01', par: 100000, tri: 'valeur', ordre: 'desc' });
		const paris = perCapita.find((r) => r.code === 'D75')!;
		const lozere = perCapita.find((r) => r.code === 'D48')!;
		expect(paris.perCapita).toBeCloseTo((40 * 100000) / paris.population!, 10);
		// Lozère: 10 deaths for ~77 000 inhabitants is far more per inhabitant than Paris.
		expect(perCapita[0].code).toBe('D48');
		expect([lozere.rank, paris.rank]).toEqual([2, 1]);
	});
});

describe('sortRows and rankRows', () => {
	const row = (name: string, value: number | null, change: number | null = null, rate: number | null = null) => ({
		name,
		value,
		perCapita: null,
		change,
		rate,
		rank: null
	});
	const rows = [row('Éure', 3, 1), row('Ain', null, 2), row('Aube', 3, null, 50), row('Cher', 1, -1, 10)];

	it('by name in French order, either way', () => {
		expect(sortRows(rows, 'nom', 'asc').map((r) => r.name)).toEqual(['Ain', 'Aube', 'Cher', 'Éure']);
		expect(sortRows(rows, 'nom', 'desc').map((r) => r.name)).toEqual(['Éure', 'Cher', 'Aube', 'Ain']);
	});

	it('by value, change or progress: missing last in both orders, ties by name', () => {
		expect(sortRows(rows, 'valeur', 'desc').map((r) => r.name)).toEqual(['Aube', 'Éure', 'Cher', 'Ain']);
		expect(sortRows(rows, 'valeur', 'asc').map((r) => r.name)).toEqual(['Cher', 'Aube', 'Éure', 'Ain']);
		expect(sortRows(rows, 'evolution', 'asc').map((r) => r.name)).toEqual(['Cher', 'Éure', 'Ain', 'Aube']);
		expect(sortRows(rows, 'avancement', 'desc').map((r) => r.name)).toEqual(['Aube', 'Cher', 'Ain', 'Éure']);
	});

	it('ranks: 1 is the most favourable, ties share a rank', () => {
		expect(rankRows(rows, 'value', 'hausse').map((r) => r.rank)).toEqual([1, null, 1, 3]);
		expect(rankRows(rows, 'value', 'baisse').map((r) => r.rank)).toEqual([2, null, 2, 1]);
	});
});

describe('chartData', () => {
	it('a département with its région and France, and its own baseline and target', () => {
		const data = chartData(client, rate, findTerritory(client, 'D2A')!);
		expect(data.lines.map((l) => [l.code, l.role, l.points.length])).toEqual([
			['D2A', 'territoire', 2],
			['R94', 'region', 1],
			['FR', 'france', 2]
		]);
		expect(data.baselines).toEqual([{ date: '2022-05-01', value: 40 }]);
		expect(data.summary.latest).toMatchObject({ date: '2024-05-01', value: 82.02 });
		expect(data.summary.finalTarget).toEqual({ date: '2026-12-01', value: 90 });
	});

	it('France alone', () => {
		const data = chartData(client, rate, findTerritory(client, 'FR')!);
		expect(data.lines.map((l) => l.code)).toEqual(['FR']);
		expect(data.summary.rate).toBeCloseTo((100 * 6) / 11, 10);
	});
});
