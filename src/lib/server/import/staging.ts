/**
 * The staging file of an import: a scratch SQLite file beside the store where the release's
 * validated values wait, as rows, for the second pass to compare and write them in set statements
 * (apply-values.ts). Rows are written by a worker thread while the main thread is still parsing
 * and validating: on two cores, turning a million records into rows costs the import nothing.
 * A release with fewer than a thousand values per indicator (most of them) starts no worker: its
 * rows are written by the main thread once reading is done.
 * The importing connection ATTACHes the file as `staging` before its transaction begins (SQLite
 * cannot attach inside one) and only reads it. Nothing here touches the store; the file and its
 * folder are removed by `close()`, whatever happened.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { StageValues } from './release-values';
import { createStagedWriter } from './staging-worker.js';

/** Messages in flight to the worker before the main thread waits for it (1,024 records each: 40 MiB). */
const MAX_IN_FLIGHT = 1024;

export const STAGING_SCHEMA = 'staging';
const STAGING_PREFIX = '.barometre-staging-';

/**
 * Removes what an import into `storePath` left beside it when it was killed (its staging folder):
 * called with the store's import lock held, so no live import of that store owns one. Another
 * store's folders (`x-2` beside `x`) do not match.
 */
export function removeStaleStaging(storePath: string): void {
	const name = basename(storePath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const mine = new RegExp(`^${STAGING_PREFIX.replace(/\./g, '\\.')}${name}-[A-Za-z0-9]{6}$`);
	for (const entry of readdirSync(dirname(storePath))) if (mine.test(entry)) rmSync(join(dirname(storePath), entry), { recursive: true, force: true });
}

/** [indicator key, keep mask, file, records]: what the writer counted (staging-worker.js). */
type Group = [number, number, number, number];

export class ValueStaging {
	readonly path: string;
	private readonly dir: string;
	private worker: Worker | null = null;
	private failure: Error | null = null;
	private readonly done = new Int32Array(new SharedArrayBuffer(4));
	private posted = 0;
	/** After reading: the rows still to write are written here, by the main thread, if no worker started. */
	private inline: ReturnType<typeof createStagedWriter> | null = null;
	private attachedTo: Database.Database | null = null;
	private settle: (() => void) | null = null;
	private started = false;

	/**
	 * `dir`: where the file goes (the store's folder for a real import); `store`: the store's file
	 * name, so that an import interrupted for good (killed) leaves a folder the next import into
	 * that store recognises and removes (removeStaleStaging).
	 */
	constructor(
		dir = tmpdir(),
		store = 'essai',
		private readonly maxInFlight = MAX_IN_FLIGHT
	) {
		this.dir = mkdtempSync(join(dir, `${STAGING_PREFIX}${store}-`));
		this.path = join(this.dir, 'values.sqlite');
	}

	/** Whether a worker thread writes the rows (a release with a thousand values or more for an indicator). */
	get threaded(): boolean {
		return this.started;
	}

	/** Before the import's transaction begins. */
	attach(client: Database.Database): void {
		client.prepare(`ATTACH DATABASE ? AS ${STAGING_SCHEMA}`).run(this.path);
		client.pragma(`${STAGING_SCHEMA}.journal_mode = OFF`);
		client.pragma(`${STAGING_SCHEMA}.synchronous = OFF`);
		this.attachedTo = client;
	}

	/** Staged records by indicator key: how many per annotation mask (`keep`) and file (after `finish`). */
	readonly groups = new Map<number, { keep: number; file: number; n: number }[]>();
	/** Date and annotation texts already told to the writer (ids below these). */
	private sentDates = 0;
	private sentTexts = 0;

	/**
	 * The spool's `onSealed` (StageValues): one complete run of an indicator's records, with the
	 * release's date and annotation texts by id (the writer is told the new ones).
	 */
	readonly add: StageValues = (key, bytes, count, dates, texts) => {
		const newDates = dates.length > this.sentDates ? dates.slice(this.sentDates) : undefined;
		const newTexts = texts.length > this.sentTexts ? texts.slice(this.sentTexts) : undefined;
		this.sentDates = dates.length;
		this.sentTexts = texts.length;
		if (this.inline) return this.inline.add(key, bytes, count, newDates, newTexts);
		this.worker ??= this.startWorker();
		// Bounded memory: wait while the worker is far behind (or until it reports a failure).
		while (this.failure === null && this.posted - Atomics.load(this.done, 0) >= this.maxInFlight) {
			const seen = Atomics.load(this.done, 0);
			if (seen < 0) break;
			Atomics.wait(this.done, 0, seen, 1000);
		}
		if (Atomics.load(this.done, 0) < 0) return; // failed: finish() reports it
		this.worker.postMessage({ key, bytes, count, dates: newDates, texts: newTexts });
		this.posted++;
	};

	private startWorker(): Worker {
		this.started = true;
		const worker = new Worker(new URL('./staging-worker.js', import.meta.url), {
			workerData: { barometreStaging: { path: this.path, done: this.done } }
		});
		worker.on('message', (message: { done?: true; groups?: Group[]; error?: { message: string; code?: string } }) => {
			if (message.error) this.fail(Object.assign(new Error(message.error.message), message.error.code ? { code: message.error.code } : {}));
			else if (message.done) {
				this.keepGroups(message.groups ?? []);
				this.settle?.();
			}
		});
		worker.on('error', (error) => this.fail(error));
		worker.on('exit', (code) => this.fail(new Error(`l'écriture des valeurs à comparer s'est arrêtée (code ${code})`)));
		return worker;
	}

	private keepGroups(groups: Group[]): void {
		for (const [key, keep, file, n] of groups) {
			let list = this.groups.get(key);
			if (!list) this.groups.set(key, (list = []));
			list.push({ keep, file, n });
		}
	}

	private fail(error: Error): void {
		this.failure ??= error;
		this.settle?.();
	}

	/**
	 * After the last value is read (`sealAll` calls `add` for the rest): every row is in the file
	 * when this resolves. `client` is the importing connection, in its transaction.
	 */
	async finish(client: Database.Database, sealAll: () => void): Promise<void> {
		if (!this.worker) {
			// Small release: the main thread writes the rows itself, through the attached file.
			this.inline = createStagedWriter(client, `${STAGING_SCHEMA}.staged`);
			sealAll();
			this.keepGroups(this.inline.end());
			return;
		}
		sealAll();
		const worker = this.worker;
		let finished = false;
		await new Promise<void>((resolve) => {
			this.settle = () => {
				finished = true;
				resolve();
			};
			if (this.failure) resolve();
			else worker.postMessage({ end: true });
		});
		if (this.failure || !finished) throw this.failure;
		worker.removeAllListeners('exit');
		await worker.terminate();
		this.worker = null;
	}

	/** After the import's transaction has ended: detaches and removes the file. */
	async close(): Promise<void> {
		if (this.worker) {
			this.worker.removeAllListeners('exit');
			await this.worker.terminate();
		}
		this.worker = null;
		if (this.attachedTo?.open) {
			try {
				this.attachedTo.exec(`DETACH DATABASE ${STAGING_SCHEMA}`);
			} catch {
				// The connection is closing anyway.
			}
		}
		this.attachedTo = null;
		rmSync(this.dir, { recursive: true, force: true });
	}
}
