/**
 * The second pass over a validated release's values: one indicator at a time, its values come
 * back from the spool and are compared with what the store holds for that indicator (inserted,
 * revised old → new, unchanged; and, for a complete snapshot, withdrawn), then — unless it is a
 * dry run — written in multi-row statements: new values, and for each revision or withdrawal the
 * replaced vintage into `observation_history` (the ALFRED model, see vintages.ts), from which
 * the old → new pairs are read (queries/vintages.ts). Memory holds one indicator's stored values at a time.
 * Writes go in key order (territory, then date), not in file order: releases list one month of
 * every territory after another, and B-tree pages filled in order are written once, not again and
 * again (half the CPU time of the write, most of its system time).
 */
import type Database from 'better-sqlite3';
import type { Counts, FileSummary, IndicatorSummary } from './apply';
import { pointKey, type ValueIndicator } from './release-values';
import type { SpooledValue } from './spool';
import type { ReleaseDraft } from './types';

const MAX_EXAMPLES = 5;

export interface ValuesResult {
	values: Counts;
	indicators: IndicatorSummary[];
	withdrawn: number;
}

export interface ApplyValuesOptions {
	/** Indicators of which the release is a complete snapshot (their values it lacks are withdrawn). */
	complete: (entry: ValueIndicator) => boolean;
	/** Store id of each indicator (after the metadata is written; new indicators have none in a dry run). */
	indicatorIds: Map<string, number>;
	/** Territory id → public code, for the examples of withdrawals. */
	territoryCodes: Map<number, string>;
	/** The release being written, or null for a dry run (compare only). */
	releaseId: number | null;
	onProgress?: (done: number, total: number) => void;
}

/** Rows gathered for one multi-row statement, written when `size` rows are waiting. */
class BatchInsert {
	private readonly params: unknown[];
	private pending = 0;
	private readonly full: Database.Statement;
	constructor(
		private readonly client: Database.Database,
		private readonly head: string,
		private readonly tail: string,
		private readonly width: number,
		private readonly size: number
	) {
		this.params = new Array(width * size);
		this.full = client.prepare(this.sql(size));
	}

	private sql(rows: number): string {
		const row = `(${Array(this.width).fill('?').join(', ')})`;
		return `${this.head} VALUES ${Array(rows).fill(row).join(', ')} ${this.tail}`;
	}

	/** The row's values in column order. */
	add(...row: unknown[]): void {
		const o = this.pending * this.width;
		for (let i = 0; i < this.width; i++) this.params[o + i] = row[i];
		if (++this.pending === this.size) {
			this.full.run(this.params);
			this.pending = 0;
		}
	}

	flush(): void {
		if (this.pending === 0) return;
		this.client.prepare(this.sql(this.pending)).run(this.params.slice(0, this.pending * this.width));
		this.pending = 0;
	}
}

/** Values of one indicator waiting to be written, as columns; sorted by key when written. */
class WriteRun {
	static readonly SIZE = 1 << 18;
	count = 0;
	readonly territory = new Int32Array(WriteRun.SIZE);
	readonly date = new Int32Array(WriteRun.SIZE);
	readonly value = new Float64Array(WriteRun.SIZE);
	readonly qualifier = new Int32Array(WriteRun.SIZE);
	readonly sourceId = new Int32Array(WriteRun.SIZE);
	readonly note = new Int32Array(WriteRun.SIZE);
	/** Index of the stored row it revises, -1 for a new value. */
	readonly stored = new Int32Array(WriteRun.SIZE);
	private readonly order = new Float64Array(WriteRun.SIZE);

	/** Returns true when the run is full (write it). */
	add(v: SpooledValue, stored: number): boolean {
		const i = this.count++;
		this.territory[i] = v.territoryId;
		this.date[i] = v.dateId;
		this.value[i] = v.value;
		this.qualifier[i] = v.qualifier;
		this.sourceId[i] = v.sourceId;
		this.note[i] = v.note;
		this.stored[i] = stored;
		return this.count === WriteRun.SIZE;
	}

	/** Calls `fn` with each index in key order (territory, then date), then empties the run. */
	sorted(dateRank: Int32Array, fn: (i: number) => void): void {
		const n = this.count;
		// key × 2^18 + index: one number per value, sorted natively (keys < 2^30, so exact in a double).
		const order = this.order.subarray(0, n);
		for (let i = 0; i < n; i++) order[i] = (this.territory[i] * 65536 + dateRank[this.date[i]]) * WriteRun.SIZE + i;
		order.sort();
		for (let k = 0; k < n; k++) fn(order[k] % WriteRun.SIZE);
		this.count = 0;
	}
}

const OBS = 'indicator_id, territory_id, date, value, qualifier, source_id, note, release_id';

/** What the store holds for one indicator, column by column (positions of `SELECT_STORED`). */
type StoredRow = [territoryId: number, date: string, value: number, qualifier: string | null, sourceId: string | null, note: string | null, releaseId: number];
const SELECT_STORED = 'SELECT territory_id, date, value, qualifier, source_id, note, release_id FROM observations WHERE indicator_id = ?';

export function applyValues(client: Database.Database, draft: ReleaseDraft, files: FileSummary[], options: ApplyValuesOptions): ValuesResult {
	const values = draft.values;
	const { releaseId } = options;
	const write = releaseId !== null;
	const selectStored = client.prepare(SELECT_STORED).raw();
	const BATCH = 100;
	const insert = write ? new BatchInsert(client, `INSERT INTO observations (${OBS})`, '', 8, BATCH) : null;
	// A revision replaces the current row; the replaced vintage goes to history (below).
	const revise = write
		? new BatchInsert(
				client,
				`INSERT INTO observations (${OBS})`,
				`ON CONFLICT (indicator_id, territory_id, date) DO UPDATE SET value = excluded.value, qualifier = excluded.qualifier,
				   source_id = excluded.source_id, note = excluded.note, release_id = excluded.release_id, revisions = revisions + 1`,
				8,
				BATCH
			)
		: null;
	// The replaced vintage of each revision or withdrawal: the stored row as read above, inside this
	// write transaction, so exactly the row as it stood. Multi-row statements, not a trigger on the
	// upsert: a trigger writes history one row at a time between the upserts (≈ 1 s more of CPU per
	// million revisions, measured).
	const history = write ? new BatchInsert(client, `INSERT INTO observation_history (${OBS}, replaced_by)`, '', 9, BATCH) : null;
	const remove = write ? client.prepare('DELETE FROM observations WHERE indicator_id = ? AND territory_id = ? AND date = ?') : null;

	// Each release date's rank in SQLite's order (BINARY: the same as JavaScript's for these ASCII texts).
	const dateRank = new Int32Array(values.dates.length);
	values.dates
		.map((date, id) => ({ date, id }))
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
		.forEach((d, rank) => (dateRank[d.id] = rank));
	const run = new WriteRun();

	const totals: Counts = { read: 0, inserted: 0, revised: 0, unchanged: 0, rejected: 0 };
	const summaries: IndicatorSummary[] = [];
	let withdrawnTotal = 0;
	const total = values.count;
	let done = 0;
	for (const entry of values.indicators.values()) {
		const summary: IndicatorSummary = { code: entry.code, read: 0, inserted: 0, revised: 0, unchanged: 0, rejected: 0, examples: [], withdrawn: 0, withdrawnExamples: [] };
		summaries.push(summary);
		const indicatorId = options.indicatorIds.get(entry.code);
		const stored = indicatorId === undefined ? [] : (selectStored.all(indicatorId) as StoredRow[]);
		// Stored points by territory × date id: small integers, a fast Map.
		const index = new Map<number, number>();
		for (let i = 0; i < stored.length; i++) index.set(pointKey(stored[i][0], values.dateId(stored[i][1])), i);
		const seen = new Uint8Array(stored.length);
		/** Writes the values gathered so far, in key order. */
		const flush = () => {
			if (!write) return;
			run.sorted(dateRank, (i) => {
				const territoryId = run.territory[i];
				const date = values.dates[run.date[i]];
				const value = run.value[i];
				const at = run.stored[i];
				if (at < 0) {
					insert!.add(indicatorId, territoryId, date, value, values.text(run.qualifier[i]) ?? null, values.text(run.sourceId[i]) ?? null, values.text(run.note[i]) ?? null, releaseId);
					return;
				}
				const old = stored[at];
				// undefined (no such column in the file) keeps the stored annotation.
				const q = values.text(run.qualifier[i]);
				const s = values.text(run.sourceId[i]);
				const n = values.text(run.note[i]);
				history!.add(indicatorId, territoryId, date, old[2], old[3], old[4], old[5], old[6], releaseId);
				revise!.add(indicatorId, territoryId, date, value, q === undefined ? old[3] : q, s === undefined ? old[4] : s, n === undefined ? old[5] : n, releaseId);
			});
		};
		values.each(entry, (v) => {
			const qualifier = values.text(v.qualifier);
			const sourceId = values.text(v.sourceId);
			const note = values.text(v.note);
			const at = stored.length === 0 ? undefined : index.get(pointKey(v.territoryId, v.dateId));
			const file = files[v.file];
			summary.read++;
			if (at === undefined) {
				summary.inserted++;
				file.inserted++;
				if (write && run.add(v, -1)) flush();
			} else {
				seen[at] = 1;
				const old = stored[at];
				// undefined (no such column in the file) keeps the stored annotation.
				const q = qualifier === undefined ? old[3] : qualifier;
				const s = sourceId === undefined ? old[4] : sourceId;
				const n = note === undefined ? old[5] : note;
				if (old[2] === v.value && q === old[3] && s === old[4] && n === old[5]) {
					summary.unchanged++;
					file.unchanged++;
				} else {
					summary.revised++;
					file.revised++;
					if (summary.examples.length < MAX_EXAMPLES && old[2] !== v.value) summary.examples.push({ territory: options.territoryCodes.get(v.territoryId) ?? '', date: values.dates[v.dateId], old: old[2], new: v.value });
					if (write && run.add(v, at)) flush();
				}
			}
			if (options.onProgress && (++done & 0xffff) === 0) options.onProgress(done, total);
		});
		flush();
		// What the store holds and a complete snapshot no longer carries is withdrawn (kept in history).
		if (indicatorId !== undefined && options.complete(entry)) {
			for (let i = 0; i < stored.length; i++) {
				if (seen[i]) continue;
				const [territoryId, date, value, q, s, n, publishedBy] = stored[i];
				summary.withdrawn++;
				if (summary.withdrawnExamples.length < MAX_EXAMPLES) summary.withdrawnExamples.push({ territory: options.territoryCodes.get(territoryId) ?? String(territoryId), date, value });
				if (write) {
					history!.add(indicatorId, territoryId, date, value, q, s, n, publishedBy, releaseId);
					remove!.run(indicatorId, territoryId, date);
				}
			}
		}
		totals.read += summary.read;
		totals.inserted += summary.inserted;
		totals.revised += summary.revised;
		totals.unchanged += summary.unchanged;
		withdrawnTotal += summary.withdrawn;
	}
	for (const batch of [insert, revise, history]) batch?.flush();
	options.onProgress?.(total, total);
	return { values: totals, indicators: summaries.sort((a, b) => (a.code < b.code ? -1 : 1)), withdrawn: withdrawnTotal };
}
