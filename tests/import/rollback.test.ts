/** `npm run import -- --annuler`: the latest release is undone as a release of its own, byte for byte. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeValuesCsv } from '../../src/lib/server/export';
import { importRelease } from '../../src/lib/server/import/index';
import { undoLatestRelease } from '../../src/lib/server/import/rollback';
import { releaseChanges, releaseOnDay } from '../../src/lib/server/queries/vintages';
import { ARTEFACT, RELEASE_DATES, twoDitpReleases } from '../helpers/ditp-release';
import { query, storeState, tmpDir } from '../helpers/tmp';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const cli = (args: string[]) =>
	run(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'import', ...args], { cwd: ROOT }).then(
		(r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
		(e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string })
	);

function withClient<T>(db: string, read: (client: Database.Database) => T): T {
	const client = new Database(db, { readonly: true });
	try {
		return read(client);
	} finally {
		client.close();
	}
}

const exportOf = (db: string, filter = {}) =>
	withClient(db, (client) => {
		let out = '';
		writeValuesCsv(client, (chunk) => (out += chunk), filter);
		return out;
	});

async function twoReleases() {
	const dir = tmpDir();
	const releases = twoDitpReleases(dir);
	const db = join(dir, 'store.sqlite');
	const load = async (i: 0 | 1) => {
		const report = await importRelease([[releases.first, releases.second][i]], { dbPath: db, sourceUpdatedAt: RELEASE_DATES[i] });
		expect(report.ok && report.releaseId).toBe(i + 1);
		return exportOf(db);
	};
	const afterFirst = await load(0);
	return { dir, db, afterFirst, afterSecond: await load(1) };
}

describe('rollback (--annuler)', () => {
	it('undoes the latest release as a release of its own: the first state comes back byte for byte, history kept', async () => {
		const { db, afterFirst, afterSecond } = await twoReleases();
		expect(afterSecond).not.toBe(afterFirst);
		const report = await undoLatestRelease({ dbPath: db, now: () => new Date(Date.UTC(2026, 0, 3)) });
		expect(report).toMatchObject({ ok: true, releaseId: 3, undone: 2, revised: 2, restored: 100, withdrawn: 120 });
		expect(exportOf(db)).toBe(afterFirst);
		expect(query(db, 'SELECT id, undoes, inserted, revised, withdrawn, note FROM releases WHERE id = 3')).toEqual([
			{ id: 3, undoes: 2, inserted: 100, revised: 2, withdrawn: 120, note: 'Annulation de la livraison n° 2' }
		]);
		// Release 2's values are still there to read, and the rollback's changes are listed.
		expect(exportOf(db, { asOf: 2 })).toBe(afterSecond);
		expect(exportOf(db, { asOf: 1 })).toBe(afterFirst);
		const changes = withClient(db, (c) => [...releaseChanges(c, 3)]);
		expect(changes.filter((r) => r[8] === 'revision').map((r) => [r[3], r[5], r[6], r[7]])).toContainEqual([ARTEFACT.code, ARTEFACT.date, Number(ARTEFACT.revised), Number(ARTEFACT.first)]);
		expect(changes.filter((r) => r[8] === 'retrait')).toHaveLength(120);
		expect(changes.filter((r) => r[8] === 'ajout')).toHaveLength(100);
		// An undone release is no publication: au= after its date gives release 1's values.
		expect(withClient(db, (c) => releaseOnDay(c, '2024-07-01'))).toBe(1);
	});

	it('undoes releases one after another, then refuses with a clear message; a dry run writes nothing', async () => {
		const { db } = await twoReleases();
		const state = storeState(db);
		expect(await undoLatestRelease({ dbPath: db, dryRun: true })).toMatchObject({ ok: true, dryRun: true, releaseId: null, undone: 2 });
		expect(storeState(db)).toEqual(state);
		await undoLatestRelease({ dbPath: db });
		const second = await undoLatestRelease({ dbPath: db });
		expect(second).toMatchObject({ ok: true, undone: 1, releaseId: 4 });
		expect(query(db, 'SELECT count(*) AS n FROM observations')).toEqual([{ n: 0 }]);
		const before = storeState(db);
		expect(await undoLatestRelease({ dbPath: db })).toEqual({
			ok: false,
			message: 'Rien à annuler : toutes les livraisons de la base ont déjà été annulées. Pour revenir sur une annulation, réimportez la livraison.'
		});
		expect(storeState(db)).toEqual(before);
	});

	it('npm run import -- --annuler prints what it did, and exits 1 when nothing is left to undo', async () => {
		const { dir, db, afterFirst } = await twoReleases();
		const done = await cli(['--annuler', '--db', db]);
		expect(done.code).toBe(0);
		expect(done.stdout).toContain('Livraison n° 2 annulée, par la livraison n° 3.');
		expect(done.stdout).toContain('valeurs retirées (ajoutées par la livraison n° 2) : 120');
		expect(exportOf(db)).toBe(afterFirst);
		const empty = await cli(['--annuler', '--db', join(dir, 'absente.sqlite')]);
		expect(empty.code).toBe(1);
		expect(empty.stderr).toMatch(/^Rien à annuler : la base .*absente\.sqlite n'existe pas\.\n$/);
		const misuse = await cli(['--annuler', 'dossier/']);
		expect(misuse.code).toBe(2);
		expect(misuse.stderr).toContain('--annuler ne prend ni fichier');
	}, 60_000);
});
