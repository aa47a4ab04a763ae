/**
 * importRelease: the one path by which figures enter the store — used by `npm run import`,
 * `npm run db:seed` and the tests. Everything is read and validated first; a release with any
 * problem writes nothing. A valid one is applied in one transaction after an online backup.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openWritableStore } from '../store';
import { diffRelease, writeRelease, type DiffResult } from './apply';
import type { Problem } from './types';
import { keepStored } from './keep-stored';
import { crossCheck, readRelease, storeKeys } from './validate';

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
	const draft = readRelease(inputs, { sourceUpdatedAt: options.sourceUpdatedAt, withoutConfig: options.withoutConfig });
	const { warnings } = draft;
	lap('lecture');
	const storeExisted = existsSync(options.dbPath);
	// A dry run against a missing store must not create it: validate against an empty in-memory one.
	const db = openWritableStore(dryRun && !storeExisted ? ':memory:' : options.dbPath);
	const client = db.$client;
	try {
		lap('ouverture');
		crossCheck(draft, storeKeys(client));
		lap('contrôles croisés');
		if (draft.problemCount > 0) {
			return { ok: false, dryRun, problems: draft.problems, problemCount: draft.problemCount, warnings, files: null };
		}
		// The release's own dates, before partial metadata takes the stored ones.
		const sourceUpdatedAt = latest([
			options.sourceUpdatedAt ?? null,
			...[...draft.indicators.values()].map((i) => i.sourceUpdatedAt),
			...[...draft.sources.values()].map((s) => s.updatedAt)
		]);
		keepStored(client, draft);
		const diff = diffRelease(client, draft, { complete: options.complete });
		const { plan: _plan, ...summary } = diff;
		lap('comparaison');
		if (dryRun) return { ok: true, dryRun, releaseId: null, backupPath: null, warnings, ...summary };
		// Re-importing the same files changes nothing: no backup, no release record.
		if (!changesAnything(diff)) return { ok: true, dryRun, releaseId: null, backupPath: null, warnings, ...summary };

		const hasData = (client.prepare('SELECT count(*) AS n FROM releases').get() as { n: number }).n > 0;
		const now = (options.now ?? (() => new Date()))();
		const backupPath = hasData ? await backup(client, options.dbPath, now, options.keepBackups ?? 5) : null;
		const apply = client.transaction(() =>
			writeRelease(client, draft, diff, { importedAt: now.toISOString(), sourceUpdatedAt }, options.onProgress)
		);
		lap('sauvegarde');
		const { releaseId } = apply();
		lap('écriture');
		client.pragma('optimize');
		lap('optimize');
		return { ok: true, dryRun, releaseId, backupPath, warnings, ...summary };
	} finally {
		client.close();
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

/** Online backup (consistent while readers use the store), keeping the newest few. */
async function backup(client: import('better-sqlite3').Database, dbPath: string, now: Date, keep: number): Promise<string> {
	const dir = join(dirname(dbPath), 'backups');
	mkdirSync(dir, { recursive: true });
	const stamp = now.toISOString().replace(/[:.]/g, '-');
	const name = basename(dbPath).replace(/\.sqlite$/, '');
	const path = join(dir, `${name}-${stamp}.sqlite`);
	await client.backup(path);
	const mine = readdirSync(dir)
		.filter((f) => f.startsWith(`${name}-`) && f.endsWith('.sqlite'))
		.sort();
	for (const old of mine.slice(0, Math.max(0, mine.length - keep))) rmSync(join(dir, old));
	return path;
}
