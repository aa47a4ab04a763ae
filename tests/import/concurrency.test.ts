/**
 * Imports into one store are serialised: two real `scripts/import.ts` processes started while a
 * third holds the store both wait, then apply in turn, each comparing with what the other wrote.
 * Backups are per store file, and only a release that is in the store keeps one.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRelease } from '../../src/lib/server/import/index';
import { acquireImportLock, lockPath } from '../../src/lib/server/import/lock';
import { ONE_INDICATOR, query, storeState, tmpDir, writeFiles } from '../helpers/tmp';

const ROOT = join(import.meta.dirname, '..', '..');
const HEADER = 'indicateur_id,maille,code_territoire,date,valeur\n';

function startImport(args: string[]) {
	const child = spawn(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'import', ...args], { cwd: ROOT });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr += d));
	const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
	return { done, stderr: () => stderr };
}

async function until(test: () => boolean, what: string) {
	for (let i = 0; i < 600; i++) {
		if (test()) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`timed out waiting for ${what}`);
}

async function storeWithBase() {
	const dir = tmpDir();
	const db = join(dir, 'store.sqlite');
	writeFiles(dir, {
		'base/indicateurs.csv': ONE_INDICATOR,
		'base/valeurs.csv': HEADER + 'T-1,national,FR,2024-01,10\n',
		'a/valeurs.csv': HEADER + 'T-1,national,FR,2024-01,11\nT-1,region,84,2024-01,5\n',
		'b/valeurs.csv': HEADER + 'T-1,national,FR,2024-01,12\nT-1,region,84,2024-01,6\n'
	});
	expect((await importRelease([join(dir, 'base')], { dbPath: db })).ok).toBe(true);
	return { dir, db };
}

/** Each old → new pair, from the history (the replaced vintage) and the vintage its release published. */
const PAIRS = (territory: string) => `
	SELECT h.replaced_by AS release_id, h.value AS old_value, coalesce(o.value, n.value) AS new_value
	FROM observation_history h JOIN territories t ON t.id = h.territory_id
	LEFT JOIN observations o ON o.indicator_id = h.indicator_id AND o.territory_id = h.territory_id AND o.date = h.date AND o.release_id = h.replaced_by
	LEFT JOIN observation_history n ON n.indicator_id = h.indicator_id AND n.territory_id = h.territory_id AND n.date = h.date AND n.release_id = h.replaced_by
	WHERE t.code = '${territory}' ORDER BY h.replaced_by`;

/** Whichever went first, the second compared with what the first wrote. */
function appliedInTurn(db: string) {
	const releases = query<{ id: number }>(db, 'SELECT id FROM releases ORDER BY id');
	expect(releases.map((r) => r.id)).toEqual([1, 2, 3]);
	const revisions = query<{ release_id: number; old_value: number; new_value: number }>(
		db,
		PAIRS('FR')
	);
	expect(revisions).toHaveLength(2);
	expect(revisions[0].old_value).toBe(10);
	expect(revisions[1].old_value).toBe(revisions[0].new_value);
	const last = revisions[1].new_value;
	expect(query(db, "SELECT o.value FROM observations o JOIN territories t ON t.id = o.territory_id WHERE t.code = 'FR'")).toEqual([{ value: last }]);
	const regional = query<{ old_value: number; new_value: number }>(db, PAIRS('R84')).map((r) => ({ old_value: r.old_value, new_value: r.new_value }));
	expect(regional).toEqual([{ old_value: last === 12 ? 5 : 6, new_value: last === 12 ? 6 : 5 }]);
}

describe('concurrent imports', () => {
	it('a second import waits, naming the process that holds the store, then both apply in order', async () => {
		const { dir, db } = await storeWithBase();
		const release = await acquireImportLock(db);
		const a = startImport(['--db', db, join(dir, 'a')]);
		const b = startImport(['--db', db, join(dir, 'b')]);
		const waiting = new RegExp(`^Un autre import écrit dans cette base \\(processus ${process.pid}, commencé le \\d{4}-\\d{2}-\\d{2} à \\d{2}:\\d{2}:\\d{2} UTC\\) : celui-ci attend qu'il se termine \\(Ctrl\\+C pour abandonner\\)\\.$`, 'm');
		await until(() => waiting.test(a.stderr()) && waiting.test(b.stderr()), 'both imports to wait');
		expect(query(db, 'SELECT count(*) AS n FROM releases')).toEqual([{ n: 1 }]);
		release();
		const [ra, rb] = await Promise.all([a.done, b.done]);
		expect([ra.code, rb.code]).toEqual([0, 0]);
		expect(ra.stderr + rb.stderr).not.toMatch(/locked|UNIQUE|at .*\.ts:\d+/);

		appliedInTurn(db);
		expect(existsSync(lockPath(db))).toBe(false);
	}, 120_000);

	it('two imports started at the same moment both apply, one after the other', async () => {
		const { dir, db } = await storeWithBase();
		const [ra, rb] = await Promise.all([startImport(['--db', db, join(dir, 'a')]).done, startImport(['--db', db, join(dir, 'b')]).done]);
		expect([ra.code, rb.code, ra.stderr + rb.stderr]).toEqual([0, 0, expect.not.stringMatching(/locked|UNIQUE|at .*\.ts:\d+/)]);
		appliedInTurn(db);
	}, 120_000);

	it('takes over the lock of a process that no longer runs', async () => {
		const { dir, db } = await storeWithBase();
		writeFileSync(lockPath(db), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
		const report = await importRelease([join(dir, 'a')], { dbPath: db });
		expect(report.ok && report.releaseId).toBe(2);
		expect(existsSync(lockPath(db))).toBe(false);
	});
});

describe('backups', () => {
	it('are named and rotated per store file: x.sqlite never touches the backups of x-2.sqlite', async () => {
		const dir = tmpDir();
		writeFiles(dir, { 'ind/indicateurs.csv': ONE_INDICATOR });
		const times = [1, 2, 3, 4].map((h) => new Date(Date.UTC(2026, 0, 1, h)));
		for (const store of ['x-2.sqlite', 'x.sqlite']) {
			const db = join(dir, store);
			expect((await importRelease([join(dir, 'ind')], { dbPath: db })).ok).toBe(true);
			for (const [i, now] of times.entries()) {
				writeFiles(dir, { [`v${i}/valeurs.csv`]: HEADER + `T-1,national,FR,2024-01,${i}\n` });
				const report = await importRelease([join(dir, `v${i}`)], { dbPath: db, now: () => now, keepBackups: 2 });
				expect(report.ok && report.backupPath).toBe(join(dir, 'backups', `${store.replace('.sqlite', '')}-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`));
			}
		}
		expect(readdirSync(join(dir, 'backups')).sort()).toEqual([
			'x-2-2026-01-01T03-00-00-000Z.sqlite',
			'x-2-2026-01-01T04-00-00-000Z.sqlite',
			'x-2026-01-01T03-00-00-000Z.sqlite',
			'x-2026-01-01T04-00-00-000Z.sqlite'
		]);
		// A backup holds the store as it stood before the release.
		expect(query(join(dir, 'backups', 'x-2026-01-01T04-00-00-000Z.sqlite'), 'SELECT value FROM observations')).toEqual([{ value: 2 }]);
	});

	it('a refused or failed import leaves no backup behind and takes no slot', async () => {
		const { dir, db } = await storeWithBase();
		writeFiles(dir, { 'bad/valeurs.csv': HEADER + 'T-9,national,FR,2024-01,1\n' });
		expect((await importRelease([join(dir, 'bad')], { dbPath: db })).ok).toBe(false);
		expect(existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')) : []).toEqual([]);
		const before = storeState(db);
		// A write that fails after the backup (a trigger standing for a full disk or a broken store).
		const Database = (await import('better-sqlite3')).default;
		const raw = new Database(db);
		raw.exec("CREATE TRIGGER fail BEFORE INSERT ON releases BEGIN SELECT RAISE(ABORT, 'échec simulé'); END");
		raw.close();
		await expect(importRelease([join(dir, 'a')], { dbPath: db })).rejects.toThrow('échec simulé');
		expect(readdirSync(join(dir, 'backups'))).toEqual([]);
		expect(storeState(db)).toEqual(before);
		expect(existsSync(lockPath(db))).toBe(false);
	});
});
