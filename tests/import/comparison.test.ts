/**
 * How a release's values are compared with the stored ones (apply-values.ts): annotations a file
 * does not carry are kept and not compared, counts are right per file when one indicator's values
 * come from several files, a dry run counts what the import writes, and every reference written is
 * valid (the import checks references itself, SQLite's foreign-key lookups being off meanwhile).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRelease, type ImportReport } from '../../src/lib/server/import/index';
import { undoLatestRelease } from '../../src/lib/server/import/rollback';
import { territoryReference } from '../../src/lib/server/import/territories';
import { ONE_INDICATOR, query, tmpDir, writeFiles } from '../helpers/tmp';

const ANNOTATED = 'indicateur_id,maille,code_territoire,date,valeur,qualificatif,source_id,note\n';
const PLAIN = 'indicateur_id,maille,code_territoire,date,valeur\n';

const sources = 'source_id,producteur,titre,licence\nS-1,INSEE,Enquête,Licence Ouverte / Etalab 2.0\n';

function counts(report: ImportReport) {
	if (!report.ok) throw new Error(JSON.stringify(report.problems));
	return {
		values: report.values,
		files: Object.fromEntries(report.files.filter((f) => f.inserted + f.revised + f.unchanged > 0).map((f) => [f.display.split('/').at(-1), [f.inserted, f.revised, f.unchanged]])),
		examples: report.indicators.flatMap((i) => i.examples),
		withdrawn: report.withdrawn
	};
}

const stored = (db: string) =>
	query(db, `SELECT t.code AS territory, o.date, o.value, o.qualifier, o.source_id, o.note, o.release_id FROM observations o JOIN territories t ON t.id = o.territory_id ORDER BY t.code, o.date`);
const history = (db: string) =>
	query(db, `SELECT t.code AS territory, h.date, h.value, h.qualifier, h.note, h.release_id, h.replaced_by FROM observation_history h JOIN territories t ON t.id = h.territory_id ORDER BY t.code, h.date, h.release_id`);
const foreignKeyProblems = (db: string) => query(db, 'PRAGMA foreign_key_check');

async function firstRelease() {
	const dir = tmpDir();
	const db = join(dir, 'store.sqlite');
	writeFiles(join(dir, 'v1'), {
		'indicateurs.csv': ONE_INDICATOR,
		'sources.csv': sources,
		'valeurs.csv': ANNOTATED + 'T-1,national,FR,2023,10,>,S-1,selon la source\nT-1,national,FR,2024,11,,,\nT-1,region,84,2024,12,approx.,,\n'
	});
	expect(counts(await importRelease([join(dir, 'v1')], { dbPath: db }))).toMatchObject({ values: { inserted: 3 } });
	return { dir, db };
}

describe('comparing a release with the store', () => {
	it('a file without annotation columns keeps the stored annotations and compares only the figures', async () => {
		const { dir, db } = await firstRelease();
		writeFiles(join(dir, 'v2'), { 'valeurs.csv': PLAIN + 'T-1,national,FR,2023,10\nT-1,national,FR,2024,11.5\nT-1,region,84,2024,12\nT-1,region,84,2025,13\n' });
		const report = await importRelease([join(dir, 'v2')], { dbPath: db });
		expect(counts(report)).toEqual({
			values: { read: 4, inserted: 1, revised: 1, unchanged: 2, rejected: 0 },
			files: { 'valeurs.csv': [1, 1, 2] },
			examples: [{ territory: 'FR', date: '2024', old: 11, new: 11.5 }],
			withdrawn: 0
		});
		expect(stored(db)).toEqual([
			{ territory: 'FR', date: '2023', value: 10, qualifier: '>', source_id: 'S-1', note: 'selon la source', release_id: 1 },
			{ territory: 'FR', date: '2024', value: 11.5, qualifier: null, source_id: null, note: null, release_id: 2 },
			{ territory: 'R84', date: '2024', value: 12, qualifier: 'approx.', source_id: null, note: null, release_id: 1 },
			{ territory: 'R84', date: '2025', value: 13, qualifier: null, source_id: null, note: null, release_id: 2 }
		]);
		expect(history(db)).toEqual([{ territory: 'FR', date: '2024', value: 11, qualifier: null, note: null, release_id: 1, replaced_by: 2 }]);
		expect(foreignKeyProblems(db)).toEqual([]);
	});

	it('an annotation the file carries is compared: clearing it is a revision (not an example: the figure is the same), the old one kept in history', async () => {
		const { dir, db } = await firstRelease();
		writeFiles(join(dir, 'v2'), { 'valeurs.csv': ANNOTATED + 'T-1,national,FR,2023,10,>,S-1,\nT-1,national,FR,2024,11,,,\nT-1,region,84,2024,12,approx.,,\n' });
		expect(counts(await importRelease([join(dir, 'v2')], { dbPath: db }))).toEqual({
			values: { read: 3, inserted: 0, revised: 1, unchanged: 2, rejected: 0 },
			files: { 'valeurs.csv': [0, 1, 2] },
			examples: [],
			withdrawn: 0
		});
		expect(stored(db)[0]).toEqual({ territory: 'FR', date: '2023', value: 10, qualifier: '>', source_id: 'S-1', note: null, release_id: 2 });
		expect(history(db)).toEqual([{ territory: 'FR', date: '2023', value: 10, qualifier: '>', note: 'selon la source', release_id: 1, replaced_by: 2 }]);
	});

	it('one indicator in two files with different columns: counts per file, each file compared by its own columns; a dry run counts the same', async () => {
		const { dir, db } = await firstRelease();
		writeFiles(join(dir, 'v2'), {
			// a.csv has no annotation columns (R84 keeps « approx. »); b.csv clears FR 2023's annotations.
			'a.csv': PLAIN + 'T-1,region,84,2024,12\nT-1,region,84,2025,14\n',
			'b.csv': ANNOTATED + 'T-1,national,FR,2023,10,,,\nT-1,national,FR,2024,11,,,\nT-1,national,FR,2025,9,,,\n'
		});
		const expected = {
			values: { read: 5, inserted: 2, revised: 1, unchanged: 2, rejected: 0 },
			files: { 'a.csv': [1, 0, 1], 'b.csv': [1, 1, 1] },
			examples: [],
			withdrawn: 0
		};
		expect(counts(await importRelease([join(dir, 'v2')], { dbPath: db, dryRun: true }))).toEqual(expected);
		expect(query(db, 'SELECT count(*) AS n FROM releases')).toEqual([{ n: 1 }]);
		expect(counts(await importRelease([join(dir, 'v2')], { dbPath: db }))).toEqual(expected);
		expect(stored(db).map((r) => [r.territory, r.date, r.value, r.qualifier, r.release_id])).toEqual([
			['FR', '2023', 10, null, 2],
			['FR', '2024', 11, null, 1],
			['FR', '2025', 9, null, 2],
			['R84', '2024', 12, 'approx.', 1],
			['R84', '2025', 14, null, 2]
		]);
	});

	it('a complete snapshot (--complet) withdraws what it lacks; the dry run and the import agree, and the rollback leaves valid references', async () => {
		const { dir, db } = await firstRelease();
		writeFiles(join(dir, 'v2'), { 'valeurs.csv': PLAIN + 'T-1,national,FR,2024,11.25\n' });
		const expected = {
			values: { read: 1, inserted: 0, revised: 1, unchanged: 0, rejected: 0 },
			files: { 'valeurs.csv': [0, 1, 0] },
			examples: [{ territory: 'FR', date: '2024', old: 11, new: 11.25 }],
			withdrawn: 2
		};
		expect(counts(await importRelease([join(dir, 'v2')], { dbPath: db, complete: true, dryRun: true }))).toEqual(expected);
		const report = await importRelease([join(dir, 'v2')], { dbPath: db, complete: true });
		expect(counts(report)).toEqual(expected);
		expect(report.ok && report.indicators[0].withdrawnExamples).toEqual([
			{ territory: 'FR', date: '2023', value: 10 },
			{ territory: 'R84', date: '2024', value: 12 }
		]);
		expect(stored(db).map((r) => [r.territory, r.date, r.value])).toEqual([['FR', '2024', 11.25]]);
		expect(history(db).map((r) => [r.territory, r.date, r.value, r.qualifier, r.replaced_by])).toEqual([
			['FR', '2023', 10, '>', 2],
			['FR', '2024', 11, null, 2],
			['R84', '2024', 12, 'approx.', 2]
		]);
		expect(foreignKeyProblems(db)).toEqual([]);
		expect((await undoLatestRelease({ dbPath: db })).ok).toBe(true);
		expect(stored(db).map((r) => [r.territory, r.date, r.value, r.qualifier, r.note])).toEqual([
			['FR', '2023', 10, '>', 'selon la source'],
			['FR', '2024', 11, null, null],
			['R84', '2024', 12, 'approx.', null]
		]);
		expect(foreignKeyProblems(db)).toEqual([]);
	});

	it('baselines, targets and rates are compared one indicator at a time: kept annotations, counts, a dry run that agrees', async () => {
		const dir = tmpDir();
		const db = join(dir, 'store.sqlite');
		const CIBLES = 'indicateur_id,maille,code_territoire,type,date,valeur,qualificatif,note\n';
		const RATES = 'indicateur_id,maille,code_territoire,date,taux\n';
		writeFiles(join(dir, 'v1'), {
			'indicateurs.csv': ONE_INDICATOR,
			'cibles.csv': CIBLES + 'T-1,national,FR,initiale,2022,60,,\nT-1,national,FR,cible,2026,80,approx.,selon le plan\nT-1,region,84,cible,2026,75,,\n',
			'avancements.csv': RATES + 'T-1,national,FR,2024-05,40\n'
		});
		const first = await importRelease([join(dir, 'v1')], { dbPath: db });
		expect(first.ok && [first.targets, first.rates]).toEqual([
			{ read: 3, inserted: 3, revised: 0, unchanged: 0, rejected: 0 },
			{ read: 1, inserted: 1, revised: 0, unchanged: 0, rejected: 0 }
		]);
		// No annotation columns: FR's target keeps « approx. »; R84's target is revised, a baseline and a rate added.
		writeFiles(join(dir, 'v2'), {
			'cibles.csv': 'indicateur_id,maille,code_territoire,type,date,valeur\nT-1,national,FR,cible,2026,80\nT-1,region,84,cible,2026,77\nT-1,region,84,initiale,2022,58\n',
			'avancements.csv': RATES + 'T-1,national,FR,2024-05,40\nT-1,national,FR,2025-05,55\n'
		});
		const expected = [
			{ read: 3, inserted: 1, revised: 1, unchanged: 1, rejected: 0 },
			{ read: 2, inserted: 1, revised: 0, unchanged: 1, rejected: 0 }
		];
		const dry = await importRelease([join(dir, 'v2')], { dbPath: db, dryRun: true });
		expect(dry.ok && [dry.targets, dry.rates]).toEqual(expected);
		const second = await importRelease([join(dir, 'v2')], { dbPath: db });
		expect(second.ok && [second.targets, second.rates]).toEqual(expected);
		expect(second.ok && second.files.find((f) => f.display.endsWith('cibles.csv'))).toMatchObject({ inserted: 1, revised: 1, unchanged: 1 });
		expect(
			query(db, 'SELECT t.code AS territory, g.kind, g.date, g.value, g.qualifier, g.note, g.release_id FROM targets g JOIN territories t ON t.id = g.territory_id ORDER BY t.code, g.kind, g.date')
		).toEqual([
			{ territory: 'FR', kind: 'cible', date: '2026', value: 80, qualifier: 'approx.', note: 'selon le plan', release_id: 1 },
			{ territory: 'FR', kind: 'initiale', date: '2022', value: 60, qualifier: null, note: null, release_id: 1 },
			{ territory: 'R84', kind: 'cible', date: '2026', value: 77, qualifier: null, note: null, release_id: 2 },
			{ territory: 'R84', kind: 'initiale', date: '2022', value: 58, qualifier: null, note: null, release_id: 2 }
		]);
		expect(query(db, 'SELECT date, rate, release_id FROM published_rates ORDER BY date')).toEqual([
			{ date: '2024-05', rate: 40, release_id: 1 },
			{ date: '2025-05', rate: 55, release_id: 2 }
		]);
		expect(foreignKeyProblems(db)).toEqual([]);
	});

	it('thousands of values per indicator (staged by a worker thread while the files are read) are compared exactly: counts per file, revisions, withdrawals, history', async () => {
		const dir = tmpDir();
		const db = join(dir, 'store.sqlite');
		const territories = territoryReference();
		/** One year of every territory after another, as releases list them. */
		const rows = (years: number[], value: (year: number, t: number) => number, extra = (_year: number, _t: number) => '') =>
			years.flatMap((year) => territories.map((t, i) => `T-1,${t.level},${t.inseeCode},${year},${value(year, i)}${extra(year, i)}`)).join('\n') + '\n';
		const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
		const first = (year: number, t: number) => year * 10 + t / 8;
		writeFiles(join(dir, 'v1'), { 'indicateurs.csv': ONE_INDICATOR, 'valeurs.csv': PLAIN + rows(years(2001, 2030), first) });
		expect(counts(await importRelease([join(dir, 'v1')], { dbPath: db })).values).toMatchObject({ inserted: 3600 });

		// v2, complete: 2001 withdrawn, 2031 added; one value in 10 revised; the second file carries
		// annotation columns, and a qualifier on the first territory of each of its years (a revision too).
		const revisedFigure = (year: number, t: number) => (t % 10 === 0 ? first(year, t) + 0.5 : first(year, t));
		writeFiles(join(dir, 'v2'), {
			'a.csv': PLAIN + rows(years(2002, 2016), revisedFigure),
			'b.csv': ANNOTATED + rows(years(2017, 2031), revisedFigure, (_year, t) => (t === 1 ? ',>,,' : ',,,'))
		});
		const dry = counts(await importRelease([join(dir, 'v2')], { dbPath: db, complete: true, dryRun: true }));
		const report = counts(await importRelease([join(dir, 'v2')], { dbPath: db, complete: true }));
		const perYear = territories.length; // 120
		const revisedPerYear = Math.ceil(perYear / 10); // territories 0, 10, … 110
		const expected = {
			read: 30 * perYear,
			inserted: perYear,
			// a.csv: 15 years; b.csv: 14 stored years (2031 is new), plus the qualifier of territory 1.
			revised: 15 * revisedPerYear + 14 * (revisedPerYear + 1),
			unchanged: 15 * (perYear - revisedPerYear) + 14 * (perYear - revisedPerYear - 1),
			rejected: 0
		};
		expect(report.values).toEqual(expected);
		expect(report.files).toEqual({
			'a.csv': [0, 15 * revisedPerYear, 15 * (perYear - revisedPerYear)],
			'b.csv': [perYear, 14 * (revisedPerYear + 1), 14 * (perYear - revisedPerYear - 1)]
		});
		expect(report.withdrawn).toBe(perYear);
		expect(dry).toEqual(report);
		expect(query(db, 'SELECT count(*) AS n, min(date) AS first, max(date) AS last FROM observations')).toEqual([{ n: 30 * perYear, first: '2002', last: '2031' }]);
		expect(query(db, 'SELECT replaced_by, count(*) AS n FROM observation_history GROUP BY replaced_by')).toEqual([{ replaced_by: 2, n: expected.revised + perYear }]);
		const fr = territories[0].code;
		expect(query(db, `SELECT o.date, o.value, o.qualifier, o.release_id FROM observations o JOIN territories t ON t.id = o.territory_id WHERE t.code = '${fr}' AND o.date IN ('2002', '2031')`)).toEqual([
			{ date: '2002', value: first(2002, 0) + 0.5, qualifier: null, release_id: 2 },
			{ date: '2031', value: first(2031, 0) + 0.5, qualifier: null, release_id: 2 }
		]);
		expect(query(db, `SELECT h.date, h.value, h.release_id, h.replaced_by FROM observation_history h JOIN territories t ON t.id = h.territory_id WHERE t.code = '${fr}' AND h.date IN ('2001', '2002')`)).toEqual([
			{ date: '2001', value: first(2001, 0), release_id: 1, replaced_by: 2 },
			{ date: '2002', value: first(2002, 0), release_id: 1, replaced_by: 2 }
		]);
		expect(query(db, `SELECT o.qualifier, count(*) AS n FROM observations o JOIN territories t ON t.id = o.territory_id WHERE t.code = '${territories[1].code}' GROUP BY 1`)).toEqual([
			{ qualifier: null, n: 15 },
			{ qualifier: '>', n: 15 }
		]);
		expect(foreignKeyProblems(db)).toEqual([]);
		// The staging files are gone.
		expect(readdirSync(dir).filter((f) => f.startsWith('.barometre'))).toEqual([]);
	});
});
