/**
 * importRelease: the one path by which figures enter the store — used by `npm run import`,
 * `npm run db:seed` and the tests. Imports into one store are serialised (lock.ts), and everything
 * happens inside one transaction. Pass 1 reads every file in chunks and validates every row,
 * keeping the dated values as compact records on disk (release-values.ts) and, meanwhile, as rows
 * of a staging file that a worker thread writes (staging.ts); a release with any problem writes
 * nothing to the store. Pass 2, after an online backup, compares the staged values with the store
 * one indicator at a time and writes them (apply-values.ts). Memory stays bounded whatever the
 * size of the files.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { backupStore } from './backup-worker.js';
import { openWritableStore } from '../store';
import { diffRelease, recordReleaseCounts, writeMetadata, writeOthers, type DiffResult } from './apply';
import { applyTargetsAndRates } from './apply-targets';
import { applyValues } from './apply-values';
import { rebuildSearchIndex } from './search-index';
import { removeStaleStaging, ValueStaging } from './staging';
import type { Problem } from './types';
import { keepStored } from './keep-stored';
import { acquireImportLock, type LockHolder } from './lock';
import { closeDraft, crossCheck, readRelease, storeKeys } from './validate';

export interface ImportOptions {
	dbPath: string;
	dryRun?: boolean;
	/** Date of last update of the source for formats that do not carry it (DITP): `YYYY-MM-DD`. */
	sourceUpdatedAt?: string | null;
	/** Canonical files are complete snapshots of the indicators they carry (`--complet`). */
	complete?: boolean;
	/** `--sans-config`: a DITP release without config-viz.yml / meta_indicateurs.csv keeps the stored units and directions. */
	withoutConfig?: boolean;
	/** Backups to keep in `<db folder>/backups/`. */
	keepBackups?: number;
	now?: () => Date;
	/** Told once when another import holds the store and this one waits for it. */
	onWait?: (holder: LockHolder) => void;
	onProgress?: (done: number, total: number) => void;
	/** Filled with the seconds spent in each step (for the benchmark). */
	timings?: Record<string, number>;
}

export type ImportReport =
	| { ok: false; dryRun: boolean; problems: Problem[]; problemCount: number; warnings: Problem[]; files: DiffResult['files'] | null }
	| ({ ok: true; dryRun: boolean; releaseId: number | null; backupPath: string | null; warnings: Problem[] } & Omit<DiffResult, 'plan'>);

export async function importRelease(inputs: string[], options: ImportOptions): Promise<ImportReport> {
	const dryRun = options.dryRun ?? false;
	let t0 = performance.now();
	const lap = (step: string) => {
		const t = performance.now();
		if (options.timings) options.timings[step] = (t - t0) / 1000;
		t0 = t;
	};
	const storeExisted = existsSync(options.dbPath);
	// A dry run against a missing store must not create it: validate against an empty in-memory one.
	const path = dryRun && !storeExisted ? ':memory:' : options.dbPath;
	// One import at a time per store (a dry run only reads, and does not wait).
	const unlock = dryRun ? () => {} : await acquireImportLock(options.dbPath, options.onWait);
	let backupPath: string | null = null;
	let committed = false;
	let draft: ReturnType<typeof readRelease> | null = null;
	let staging: ValueStaging | null = null;
	let pendingBackup: ReturnType<typeof startBackup> | null = null;
	const db = (() => {
		try {
			return openWritableStore(path);
		} catch (error) {
			unlock();
			throw error;
		}
	})();
	const client = db.$client;
	try {
		lap('ouverture');
		// Every comparison with the store is made inside the write transaction: what was compared is
		// what gets written, even if another writer came between.
		// SQLite's own foreign-key lookups are off for the import (the pragma cannot change inside a
		// transaction): every reference was checked while reading (validate.ts), and every id written
		// is one read from the store or written in this transaction. Per row, those lookups were a
		// fifth of the time a million revisions take (measured: 0.7 s). Back on when it is done.
		client.pragma('foreign_keys = OFF');
		// Beside the store, whose disk must hold the release anyway; a dry run writes nothing there.
		const spoolDir = dryRun ? undefined : dirname(options.dbPath);
		if (!dryRun) removeStaleStaging(options.dbPath);
		staging = new ValueStaging(spoolDir, basename(options.dbPath));
		staging.attach(client);
		// The store's write lock, taken now (not the staging file's: its worker writes it meanwhile).
		client.exec(dryRun ? 'BEGIN' : 'BEGIN; DELETE FROM main.meta WHERE 0');
		// The backup starts now: a large store is copied while the release is read (startBackup).
		const hasData = (client.prepare('SELECT count(*) AS n FROM releases').get() as { n: number }).n > 0;
		const now = (options.now ?? (() => new Date()))();
		if (!dryRun && hasData) pendingBackup = startBackup(options.dbPath, now);
		const known = storeKeys(client);
		draft = readRelease(inputs, known, {
			sourceUpdatedAt: options.sourceUpdatedAt,
			withoutConfig: options.withoutConfig,
			spoolDir,
			stageValues: staging.add
		});
		const { warnings } = draft;
		lap('lecture');
		crossCheck(draft, known);
		lap('contrôles croisés');
		if (draft.problemCount > 0) {
			return { ok: false, dryRun, problems: draft.problems, problemCount: draft.problemCount, warnings, files: null };
		}
		const values = draft.values;
		await staging.finish(client, () => values.sealAll());
		lap('mise en attente');
		// The release's own dates, before partial metadata takes the stored ones.
		const sourceUpdatedAt = latest([
			options.sourceUpdatedAt ?? null,
			...[...draft.indicators.values()].map((i) => i.sourceUpdatedAt),
			...[...draft.sources.values()].map((s) => s.updatedAt)
		]);
		keepStored(client, draft);
		const diff = diffRelease(client, draft);
		const territoryCodes = new Map([...known.territories].map(([code, id]) => [id, code]));
		// Canonical files are complete snapshots under --complet; official DITP data files always are.
		const complete = (entry: { fromDitp: boolean }) => (options.complete ?? false) || entry.fromDitp;
		const addValues = (result: ReturnType<typeof applyValues>) => Object.assign(diff, result);
		if (dryRun) {
			addValues(applyValues(client, draft, diff.files, { complete, indicatorIds: known.indicators, territoryCodes, releaseId: null, staged: staging.groups }));
			Object.assign(diff, applyTargetsAndRates(client, draft, diff.files, { indicatorIds: known.indicators, releaseId: null }));
			lap('comparaison');
			const { plan: _plan, ...summary } = diff;
			return { ok: true, dryRun, releaseId: null, backupPath: null, warnings, ...summary };
		}

		const keep = options.keepBackups ?? 5;
		if (pendingBackup) backupPath = await pendingBackup.done();
		lap('sauvegarde');
		const { releaseId, indicatorIds } = writeMetadata(client, draft, { importedAt: now.toISOString(), sourceUpdatedAt });
		addValues(applyValues(client, draft, diff.files, { complete, indicatorIds, territoryCodes, releaseId, staged: staging.groups, onProgress: options.onProgress }));
		Object.assign(diff, applyTargetsAndRates(client, draft, diff.files, { indicatorIds, releaseId }));
		writeOthers(client, draft, diff, releaseId);
		const { plan: _plan, ...summary } = diff;
		// Re-importing the same files changes nothing: no release record, and the backup goes.
		if (!changesAnything(diff)) {
			client.exec('ROLLBACK');
			if (backupPath) removeBackup(backupPath);
			return { ok: true, dryRun, releaseId: null, backupPath: null, warnings, ...summary };
		}
		recordReleaseCounts(client, releaseId, diff);
		rebuildSearchIndex(client);
		lap('écriture');
		client.exec('COMMIT');
		committed = true;
		lap('validation');
		// Only a release that is in the store takes a backup slot.
		if (backupPath) rotateBackups(options.dbPath, keep);
		// Bounded statistics work: a release of millions of rows must not make optimize scan them all.
		client.pragma('analysis_limit = 1000');
		client.pragma('optimize');
		lap('optimize');
		return { ok: true, dryRun, releaseId, backupPath, warnings, ...summary };
	} catch (error) {
		// A failed import leaves neither half a release nor a backup behind.
		if (backupPath && !committed) rmSync(backupPath, { force: true });
		throw error;
	} finally {
		// A refused release (or a failure while reading) takes no backup slot either.
		if (pendingBackup && !backupPath) await pendingBackup.cancel();
		if (draft) closeDraft(draft);
		if (client.inTransaction) client.exec('ROLLBACK');
		await staging?.close();
		client.pragma('foreign_keys = ON');
		// The last connection's close checkpoints the WAL into the store.
		client.close();
		lap('fermeture');
		unlock();
	}
}

function changesAnything(diff: DiffResult): boolean {
	const { values, targets, rates, entities, metadata } = diff;
	return (
		diff.withdrawn > 0 ||
		values.inserted + values.revised + targets.inserted + targets.revised + rates.inserted + rates.revised + entities.inserted + entities.revised > 0 ||
		metadata.indicatorsNew + metadata.indicatorsUpdated + metadata.sourcesNew + metadata.sourcesUpdated > 0
	);
}

function latest(dates: (string | null)[]): string | null {
	return dates.filter((d): d is string => !!d).sort().at(-1) ?? null;
}

/** `<store name>-<ISO stamp>.sqlite`: the pattern that tells one store's backups from another's (x vs x-2). */
const STAMP = '\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z';
const backupDir = (dbPath: string) => join(dirname(dbPath), 'backups');
const storeName = (dbPath: string) => basename(dbPath).replace(/\.sqlite$/, '');

export function backupsOf(dbPath: string): string[] {
	const dir = backupDir(dbPath);
	if (!existsSync(dir)) return [];
	const name = storeName(dbPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const mine = new RegExp(`^${name}-${STAMP}\\.sqlite$`);
	return readdirSync(dir).filter((f) => mine.test(f)).sort();
}

/** Past this size, the store is copied by a worker thread while the release is read. */
const THREADED_BACKUP_BYTES = 4 << 20;

/**
 * Online backup of the committed state, read through a second connection: the importing one holds
 * the write lock (nothing else can write meanwhile) but a backup made through it would be empty.
 * Started before the release is read: a large store (THREADED_BACKUP_BYTES) is copied by a worker
 * thread meanwhile, a small one when `done()` is awaited. `cancel()` stops it and removes the copy.
 */
export function startBackup(dbPath: string, now: Date): { path: string; done: () => Promise<string>; cancel: () => Promise<void> } {
	const dir = backupDir(dbPath);
	const path = join(dir, `${storeName(dbPath)}-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
	const size = statSync(dbPath).size + (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0);
	let worker: Worker | null = null;
	let result: Promise<void> | null = null;
	if (size >= THREADED_BACKUP_BYTES) {
		mkdirSync(dir, { recursive: true });
		const w = (worker = new Worker(new URL('./backup-worker.js', import.meta.url), { workerData: { barometreBackup: { source: dbPath, destination: path } } }));
		result = new Promise<void>((resolve, reject) => {
			w.on('message', (m: { done?: true; error?: { message: string; code?: string } }) =>
				m.error ? reject(Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {})) : resolve()
			);
			w.on('error', reject);
			w.on('exit', (code) => reject(new Error(`la sauvegarde s'est arrêtée (code ${code})`)));
		});
		// Awaited by done() or cancel(); never an unhandled rejection meanwhile.
		result.catch(() => {});
	}
	const stop = async () => {
		if (!worker) return;
		worker.removeAllListeners('exit');
		await worker.terminate();
		worker = null;
	};
	return {
		path,
		done: async () => {
			try {
				mkdirSync(dir, { recursive: true });
				await (result ?? backupStore(dbPath, path));
			} catch (error) {
				rmSync(path, { force: true });
				throw error;
			} finally {
				await stop();
			}
			return path;
		},
		cancel: async () => {
			await stop();
			removeBackup(path);
		}
	};
}

/** The backup of `dbPath`, taken now (see startBackup). */
export async function backup(dbPath: string, now: Date): Promise<string> {
	return startBackup(dbPath, now).done();
}

/** Removes the backup of a re-import that changed nothing, and its folder when that leaves it empty: the store's folder is as it was. */
function removeBackup(path: string): void {
	rmSync(path, { force: true });
	try {
		rmdirSync(dirname(path));
	} catch {
		// Other backups are there: the folder stays.
	}
}

export function rotateBackups(dbPath: string, keep: number): void {
	const mine = backupsOf(dbPath);
	for (const old of mine.slice(0, Math.max(0, mine.length - keep))) rmSync(join(backupDir(dbPath), old));
}
