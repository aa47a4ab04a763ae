/** Releases over time: idempotence, revisions, kept values, backups, dry runs, round trips. */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeValuesCsv } from '../../src/lib/server/export';
import { importRelease } from '../../src/lib/server/import/index';
import { territoryReference, territoryReferenceVersion } from '../../src/lib/server/import/territories';
import { ONE_INDICATOR, query, storeState, tmpDir, writeFiles } from '../helpers/tmp';

const FIXTURE_DITP = join(import.meta.dirname, '..', 'fixtures', 'ditp');
const HEADER = 'indicateur_id,maille,code_territoire,date,valeur\n';

function exportCsv(db: string, filter = {}): string {
	const client = new Database(db, { readonly: true });
	let out = '';
	writeValuesCsv(client, (chunk) => (out += chunk), filter);
	client.close();
	return out;
}

async function setup() {
	const dir = tmpDir();
	writeFiles(dir, {
		'v1/indicateurs.csv': ONE_INDICATOR,
		'v1/valeurs.csv': HEADER + 'T-1,national,FR,2024-01,10\nT-1,national,FR,2024-02,11\nT-1,region,84,2024-01,9\n'
	});
	const db = join(dir, 'store.sqlite');
	const first = await importRelease([join(dir, 'v1')], { dbPath: db });
	expect(first.ok && first.releaseId).toBe(1);
	return { dir, db };
}

describe('release lifecycle', () => {
	it('the territory reference is written once per version of it: a store holding another version gets it rewritten', async () => {
		const { dir, db } = await setup();
		const version = territoryReferenceVersion();
		expect(query(db, "SELECT value FROM meta WHERE key = 'territory_reference'")).toEqual([{ value: version }]);
		const ain = territoryReference().find((t) => t.code === 'D01')!;
		expect(ain.population).toBeGreaterThan(600_000);
		// As if the store had been written with an earlier release of the reference.
		const client = new Database(db);
		client.exec("UPDATE territories SET population = 1, name = 'Ancien nom' WHERE code = 'D01'; UPDATE meta SET value = '5.0.0/2025' WHERE key = 'territory_reference'");
		client.close();
		writeFiles(dir, { 'v2/valeurs.csv': HEADER + 'T-1,departement,01,2024-01,3\n' });
		expect((await importRelease([join(dir, 'v2')], { dbPath: db })).ok).toBe(true);
		expect(query(db, "SELECT name, population FROM territories WHERE code = 'D01'")).toEqual([{ name: ain.name, population: ain.population }]);
		expect(query(db, "SELECT value FROM meta WHERE key = 'territory_reference'")).toEqual([{ value: version }]);
	});

	it('re-importing the same files changes nothing', async () => {
		const { dir, db } = await setup();
		const before = storeState(db);
		const again = await importRelease([join(dir, 'v1')], { dbPath: db });
		expect(again.ok).toBe(true);
		if (!again.ok) return;
		expect(again.releaseId).toBeNull();
		expect(again.values).toEqual({ read: 3, inserted: 0, revised: 0, unchanged: 3, rejected: 0 });
		expect(storeState(db)).toEqual(before);
		expect(existsSync(join(dir, 'backups'))).toBe(false);
	});

	it('a revision replaces the value, is counted and logged; absent values are kept', async () => {
		const { dir, db } = await setup();
		writeFiles(dir, { 'v2/valeurs.csv': HEADER + 'T-1,national,FR,2024-02,11.5\nT-1,national,FR,2024-03,12\n' });
		const report = await importRelease([join(dir, 'v2')], { dbPath: db });
		expect(report.ok).toBe(true);
		if (!report.ok) return;
		expect(report.values).toEqual({ read: 2, inserted: 1, revised: 1, unchanged: 0, rejected: 0 });
		expect(report.indicators[0].examples).toEqual([{ territory: 'FR', date: '2024-02', old: 11, new: 11.5 }]);
		expect(query(db, 'SELECT date, value, revisions, release_id FROM observations ORDER BY territory_id, date')).toEqual([
			{ date: '2024-01', value: 10, revisions: 0, release_id: 1 },
			{ date: '2024-02', value: 11.5, revisions: 1, release_id: 2 },
			{ date: '2024-03', value: 12, revisions: 0, release_id: 2 },
			{ date: '2024-01', value: 9, revisions: 0, release_id: 1 }
		]);
		// The replaced vintage is kept in history, and is the only row written for the revision.
		expect(query(db, 'SELECT date, value, release_id, replaced_by FROM observation_history')).toEqual([{ date: '2024-02', value: 11, release_id: 1, replaced_by: 2 }]);
		expect(query(db, 'SELECT count(*) AS n FROM revisions')).toEqual([{ n: 0 }]);
		expect(query(db, 'SELECT id, inserted, revised, unchanged FROM releases ORDER BY id')).toEqual([
			{ id: 1, inserted: 3, revised: 0, unchanged: 0 },
			{ id: 2, inserted: 1, revised: 1, unchanged: 0 }
		]);
	});

	it('takes an online backup before applying, and keeps the newest five', async () => {
		const { dir, db } = await setup();
		for (let i = 0; i < 7; i++) {
			writeFiles(dir, { [`r${i}/valeurs.csv`]: HEADER + `T-1,national,FR,2025-0${i + 1},${i}\n` });
			const report = await importRelease([join(dir, `r${i}`)], { dbPath: db, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
			expect(report.ok && report.backupPath).toBe(join(dir, 'backups', `store-2026-01-01T00-00-0${i}-000Z.sqlite`));
		}
		const backups = readdirSync(join(dir, 'backups')).sort();
		expect(backups).toEqual([2, 3, 4, 5, 6].map((i) => `store-2026-01-01T00-00-0${i}-000Z.sqlite`));
		// The newest backup holds the store as it was before the last import.
		const last = join(dir, 'backups', backups.at(-1)!);
		expect(query(last, "SELECT count(*) AS n FROM observations WHERE date LIKE '2025-%'")).toEqual([{ n: 6 }]);
		expect(query(db, "SELECT count(*) AS n FROM observations WHERE date LIKE '2025-%'")).toEqual([{ n: 7 }]);
	});

	it('a large store is backed up by a worker thread while the release is read: the backup holds the store as it was; a refused release leaves none', async () => {
		const { dir, db } = await setup();
		// 144,000 values (120 territories × 1,200 months): a store past the 4 MiB of the threaded backup.
		const territories = territoryReference();
		const months = Array.from({ length: 1200 }, (_, i) => `${1900 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
		const big = months.flatMap((m, i) => territories.map((t, k) => `T-1,${t.level},${t.inseeCode},${m},${i + k / 10}`));
		writeFiles(dir, { 'big/valeurs.csv': HEADER + big.join('\n') + '\n' });
		expect((await importRelease([join(dir, 'big')], { dbPath: db, now: () => new Date(Date.UTC(2026, 4, 1)) })).ok).toBe(true);
		expect(statSync(db).size + (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0)).toBeGreaterThan(4 << 20);
		const before = query(db, 'SELECT count(*) AS n, sum(value) AS total FROM observations');
		writeFiles(dir, { 'rev/valeurs.csv': HEADER + 'T-1,national,FR,1900-01,-1\n' });
		const report = await importRelease([join(dir, 'rev')], { dbPath: db, now: () => new Date(Date.UTC(2026, 5, 1)) });
		expect(report.ok && report.backupPath).toBe(join(dir, 'backups', 'store-2026-06-01T00-00-00-000Z.sqlite'));
		const copy = join(dir, 'backups', 'store-2026-06-01T00-00-00-000Z.sqlite');
		expect(query(copy, 'SELECT count(*) AS n, sum(value) AS total FROM observations')).toEqual(before);
		expect(query(copy, "SELECT value FROM observations WHERE date = '1900-01' AND territory_id = (SELECT id FROM territories WHERE code = 'FR')")).toEqual([{ value: 0 }]);
		expect(query(db, "SELECT value FROM observations WHERE date = '1900-01' AND territory_id = (SELECT id FROM territories WHERE code = 'FR')")).toEqual([{ value: -1 }]);
		writeFiles(dir, { 'bad/valeurs.csv': HEADER + 'T-1,national,FR,1900-01,abc\n' });
		expect((await importRelease([join(dir, 'bad')], { dbPath: db, now: () => new Date(Date.UTC(2026, 5, 2)) })).ok).toBe(false);
		// (The -wal and -shm files beside the copy are this test's, which opened it.)
		expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'))).toEqual(['store-2026-05-01T00-00-00-000Z.sqlite', 'store-2026-06-01T00-00-00-000Z.sqlite']);
	});

	it("an import removes the staging folder a killed import into the same store left beside it, not another store's", async () => {
		const { dir, db } = await setup();
		for (const stale of ['.barometre-staging-store.sqlite-Ab12Cd', '.barometre-staging-store-2.sqlite-Ef34Gh']) {
			mkdirSync(join(dir, stale));
			writeFileSync(join(dir, stale, 'values.sqlite'), 'reste');
		}
		writeFiles(dir, { 'v2/valeurs.csv': HEADER + 'T-1,national,FR,2024-03,12\n' });
		expect((await importRelease([join(dir, 'v2')], { dbPath: db })).ok).toBe(true);
		expect(readdirSync(dir).filter((f) => f.startsWith('.barometre'))).toEqual(['.barometre-staging-store-2.sqlite-Ef34Gh']);
	});

	it('--dry-run reports the same counts and writes nothing', async () => {
		const { dir, db } = await setup();
		const before = storeState(db);
		writeFiles(dir, { 'v2/valeurs.csv': HEADER + 'T-1,national,FR,2024-02,11.5\nT-1,national,FR,2024-03,12\n' });
		const dry = await importRelease([join(dir, 'v2')], { dbPath: db, dryRun: true });
		expect(dry.ok && dry.values).toEqual({ read: 2, inserted: 1, revised: 1, unchanged: 0, rejected: 0 });
		expect(storeState(db)).toEqual(before);
		expect(existsSync(join(dir, 'backups'))).toBe(false);
		// Against a store that does not exist yet, a dry run does not create it.
		const missing = join(dir, 'none.sqlite');
		const first = await importRelease([join(dir, 'v1')], { dbPath: missing, dryRun: true });
		expect(first.ok && first.values.inserted).toBe(3);
		expect(existsSync(missing)).toBe(false);
	});

	it('export → import is the identity (same store, and a new store exports the same bytes)', async () => {
		const dir = tmpDir();
		const db = join(dir, 'a.sqlite');
		expect((await importRelease([FIXTURE_DITP], { dbPath: db })).ok).toBe(true);
		const exported = exportCsv(db);
		writeFiles(dir, { 'export/valeurs.csv': exported });
		const before = storeState(db);
		const back = await importRelease([join(dir, 'export')], { dbPath: db });
		expect(back.ok && back.values.unchanged).toBe(exported.trim().split('\n').length - 1);
		expect(back.ok && back.values.inserted + back.values.revised).toBe(0);
		expect(storeState(db)).toEqual(before);
		// A second store fed with the metadata and the export exports the very same file.
		const other = join(dir, 'b.sqlite');
		expect((await importRelease([join(FIXTURE_DITP, 'metadata'), join(FIXTURE_DITP, 'config'), join(dir, 'export')], { dbPath: other })).ok).toBe(true);
		expect(exportCsv(other)).toBe(exported);
	});

	it('exports exactly the canonical columns, sorted by indicator, maille, code, date', async () => {
		const dir = tmpDir();
		const db = join(dir, 'a.sqlite');
		await importRelease([FIXTURE_DITP], { dbPath: db });
		const lines = exportCsv(db).trim().split('\n');
		expect(lines[0]).toBe('indicateur_id,indicateur,maille,code_territoire,territoire,date,valeur,unite');
		expect(lines[1]).toBe('IND-200,Taux de couverture des +18 ans,national,FR,France,2023-01-01,75.5,%');
		const keys = lines.slice(1).map((l) => l.split(','));
		const rank = { national: 0, region: 1, departement: 2 } as Record<string, number>;
		const sorted = [...keys].sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : rank[a[2]] - rank[b[2]] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : a[5] < b[5] ? -1 : a[5] > b[5] ? 1 : 0)));
		expect(keys).toEqual(sorted);
		expect(lines.some((l) => l.startsWith('IND-200,Taux de couverture des +18 ans,departement,2A,Corse-du-Sud,'))).toBe(true);
		const filtered = exportCsv(db, { indicators: ['IND-296'], level: 'departement' }).trim().split('\n');
		expect(new Set(filtered.slice(1).map((l) => `${l.split(',')[0]} ${l.split(',')[2]}`))).toEqual(new Set(['IND-296 departement']));
	});
});
