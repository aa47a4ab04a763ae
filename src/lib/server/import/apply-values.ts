/**
 * The second pass over a validated release's values, one indicator at a time. An indicator the
 * store holds no value of is written straight from the spool (multi-row INSERTs). Otherwise its
 * values are staged in a temporary table (`temp.import_staged`, not the store) and SQLite compares
 * them with the stored ones and writes the differences in set statements: the replaced vintage of
 * each revision or withdrawal into `observation_history` (the ALFRED model, see vintages.ts), then
 * the new values over the current ones. Each value crosses from JavaScript to SQLite once: reading
 * the stored values back into JavaScript to compare them, and sending each replaced row back as
 * history, cost twice what the comparison itself does (measured: 6.1 s → 3.3 s per million
 * revisions). Memory holds one run of values (2^18) at a time; the temporary table spills to a
 * temporary file past its cache.
 * Writes go in key order (territory, then date), not in file order: releases list one month of
 * every territory after another, and B-tree pages filled in order are written once, not again and
 * again.
 */
import type Database from 'better-sqlite3';
import type { Counts, FileSummary, IndicatorSummary } from './apply';
import type { ValueIndicator } from './release-values';
import type { SpooledValue } from './spool';
import type { ReleaseDraft } from './types';

const MAX_EXAMPLES = 5;
const BATCH = 100;

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
	/** Territory id → public code, for the examples of revisions and withdrawals. */
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
		private readonly width: number,
		private readonly size: number
	) {
		this.params = new Array(width * size);
		this.full = client.prepare(this.sql(size));
	}

	private sql(rows: number): string {
		const row = `(${Array(this.width).fill('?').join(', ')})`;
		return `${this.head} VALUES ${Array(rows).fill(row).join(', ')}`;
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
	readonly file = new Int32Array(WriteRun.SIZE);
	private readonly order = new Float64Array(WriteRun.SIZE);

	/** Returns true when the run is full (write it). */
	add(v: SpooledValue): boolean {
		const i = this.count++;
		this.territory[i] = v.territoryId;
		this.date[i] = v.dateId;
		this.value[i] = v.value;
		this.qualifier[i] = v.qualifier;
		this.sourceId[i] = v.sourceId;
		this.note[i] = v.note;
		this.file[i] = v.file;
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
const ANNOTATIONS = ['qualifier', 'source_id', 'note'] as const;

/**
 * Bit i of a staged value's `keep`: its file has no such annotation column, so the stored
 * annotation stays (and is not compared).
 */
const keepMask = (v: SpooledValue) => (v.qualifier < 0 ? 1 : 0) | (v.sourceId < 0 ? 2 : 0) | (v.note < 0 ? 4 : 0);

/** The statements comparing and writing staged values with one `keep` mask. */
function stagedStatements(client: Database.Database, keep: number) {
	const kept = (i: number) => (keep & (1 << i)) !== 0;
	// A stored value differs from its staged one: the figure, or an annotation the file carries.
	const differs = ['o.value <> s.value', ...ANNOTATIONS.filter((_, i) => !kept(i)).map((c) => `o.${c} IS NOT s.${c}`)].join(' OR ');
	const join = `FROM temp.import_staged s JOIN observations o ON o.indicator_id = @indicator AND o.territory_id = s.territory_id AND o.date = s.date`;
	const mine = `s.keep = ${keep}`;
	return {
		/** Per file: staged values, those the store holds, those that differ from it. */
		count: client.prepare(
			`SELECT s.file AS file, count(*) AS staged, count(o.value) AS stored, coalesce(sum(o.value IS NOT NULL AND (${differs})), 0) AS revised
			 FROM temp.import_staged s LEFT JOIN observations o ON o.indicator_id = @indicator AND o.territory_id = s.territory_id AND o.date = s.date
			 WHERE ${mine} GROUP BY s.file`
		),
		examples: client.prepare(`SELECT s.territory_id AS territoryId, s.date, o.value AS old, s.value AS new ${join} WHERE ${mine} AND o.value <> s.value LIMIT ${MAX_EXAMPLES}`),
		// The stored row as it stands, inside this write transaction: exactly the vintage replaced.
		archive: client.prepare(
			`INSERT INTO observation_history (${OBS}, replaced_by)
			 SELECT o.indicator_id, o.territory_id, o.date, o.value, o.qualifier, o.source_id, o.note, o.release_id, @release ${join} WHERE ${mine} AND (${differs})`
		),
		// New values, and revised ones over the current row (unchanged ones are left as they are).
		upsert: client.prepare(
			`INSERT INTO observations (${OBS})
			 SELECT @indicator, s.territory_id, s.date, s.value, ${ANNOTATIONS.map((c, i) => (kept(i) ? 'NULL' : `s.${c}`)).join(', ')}, @release
			 FROM temp.import_staged s WHERE ${mine}
			 ON CONFLICT (indicator_id, territory_id, date) DO UPDATE SET value = excluded.value,
			   ${ANNOTATIONS.filter((_, i) => !kept(i)).map((c) => `${c} = excluded.${c}, `).join('')}release_id = excluded.release_id, revisions = revisions + 1
			 WHERE ${['observations.value <> excluded.value', ...ANNOTATIONS.filter((_, i) => !kept(i)).map((c) => `observations.${c} IS NOT excluded.${c}`)].join(' OR ')}`
		)
	};
}

export function applyValues(client: Database.Database, draft: ReleaseDraft, files: FileSummary[], options: ApplyValuesOptions): ValuesResult {
	const values = draft.values;
	const { releaseId } = options;
	const write = releaseId !== null;
	const hasStored = client.prepare('SELECT 1 FROM observations WHERE indicator_id = ? LIMIT 1').pluck();
	const insert = write ? new BatchInsert(client, `INSERT INTO observations (${OBS})`, 8, BATCH) : null;

	client.exec(
		`CREATE TEMP TABLE IF NOT EXISTS import_staged (territory_id INTEGER NOT NULL, date TEXT NOT NULL, value REAL NOT NULL,
		   qualifier TEXT, source_id TEXT, note TEXT, file INTEGER NOT NULL, keep INTEGER NOT NULL, PRIMARY KEY (territory_id, date)) WITHOUT ROWID;
		 DELETE FROM temp.import_staged;`
	);
	const stage = new BatchInsert(client, 'INSERT INTO temp.import_staged (territory_id, date, value, qualifier, source_id, note, file, keep)', 8, BATCH);
	// Most values carry no annotation: three parameters fewer to bind for each.
	const stagePlain = new BatchInsert(client, 'INSERT INTO temp.import_staged (territory_id, date, value, file, keep)', 5, BATCH);
	const statementsByMask = new Map<number, ReturnType<typeof stagedStatements>>();
	const statements = (keep: number) => {
		let s = statementsByMask.get(keep);
		if (!s) statementsByMask.set(keep, (s = stagedStatements(client, keep)));
		return s;
	};
	const notStaged = `FROM observations o WHERE o.indicator_id = @indicator AND NOT EXISTS (SELECT 1 FROM temp.import_staged s WHERE s.territory_id = o.territory_id AND s.date = o.date)`;
	const withdrawal = {
		count: client.prepare(`SELECT count(*) ${notStaged}`).pluck(),
		examples: client.prepare(`SELECT o.territory_id AS territoryId, o.date, o.value ${notStaged} LIMIT ${MAX_EXAMPLES}`),
		archive: client.prepare(`INSERT INTO observation_history (${OBS}, replaced_by) SELECT ${OBS.split(', ').map((c) => `o.${c}`).join(', ')}, @release ${notStaged}`),
		remove: client.prepare(`DELETE FROM observations AS o WHERE o.indicator_id = @indicator AND NOT EXISTS (SELECT 1 FROM temp.import_staged s WHERE s.territory_id = o.territory_id AND s.date = o.date)`)
	};
	const clearStaged = client.prepare('DELETE FROM temp.import_staged');

	// Each release date's rank in SQLite's order (BINARY: the same as JavaScript's for these ASCII texts).
	const dateRank = new Int32Array(values.dates.length);
	values.dates
		.map((date, id) => ({ date, id }))
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
		.forEach((d, rank) => (dateRank[d.id] = rank));
	const run = new WriteRun();
	const text = (id: number) => values.text(id) ?? null;
	const territoryCode = (id: number) => options.territoryCodes.get(id) ?? String(id);

	const totals: Counts = { read: 0, inserted: 0, revised: 0, unchanged: 0, rejected: 0 };
	const summaries: IndicatorSummary[] = [];
	let withdrawnTotal = 0;
	const total = values.count;
	let done = 0;
	const progress = () => {
		if (options.onProgress && (++done & 0xffff) === 0) options.onProgress(done, total);
	};
	for (const entry of values.indicators.values()) {
		const summary: IndicatorSummary = { code: entry.code, read: 0, inserted: 0, revised: 0, unchanged: 0, rejected: 0, examples: [], withdrawn: 0, withdrawnExamples: [] };
		summaries.push(summary);
		const indicatorId = options.indicatorIds.get(entry.code);
		if (indicatorId === undefined || !hasStored.get(indicatorId)) {
			// Nothing stored to compare with: every value is new (and nothing can be withdrawn).
			const flush = () =>
				run.sorted(dateRank, (i) =>
					insert!.add(indicatorId, run.territory[i], values.dates[run.date[i]], run.value[i], text(run.qualifier[i]), text(run.sourceId[i]), text(run.note[i]), releaseId)
				);
			values.each(entry, (v) => {
				summary.read++;
				summary.inserted++;
				files[v.file].inserted++;
				if (write && run.add(v)) flush();
				progress();
			});
			if (write) flush();
		} else {
			/** Staged values by `keep` mask (most releases: one mask, all values). */
			const masks = new Map<number, number>();
			const fileSet = new Set<number>();
			const flush = () =>
				run.sorted(dateRank, (i) => {
					const q = run.qualifier[i];
					const sid = run.sourceId[i];
					const n = run.note[i];
					const keep = (q < 0 ? 1 : 0) | (sid < 0 ? 2 : 0) | (n < 0 ? 4 : 0);
					if (q <= 0 && sid <= 0 && n <= 0) stagePlain.add(run.territory[i], values.dates[run.date[i]], run.value[i], run.file[i], keep);
					else stage.add(run.territory[i], values.dates[run.date[i]], run.value[i], text(q), text(sid), text(n), run.file[i], keep);
				});
			values.each(entry, (v) => {
				summary.read++;
				const keep = keepMask(v);
				masks.set(keep, (masks.get(keep) ?? 0) + 1);
				fileSet.add(v.file);
				if (run.add(v)) flush();
				progress();
			});
			flush();
			stage.flush();
			stagePlain.flush();
			const params = { indicator: indicatorId, release: releaseId };
			const soleFile = fileSet.size === 1 ? [...fileSet][0] : null;
			for (const [keep, staged] of masks) {
				const s = statements(keep);
				for (const e of s.examples.all(params) as { territoryId: number; date: string; old: number; new: number }[]) {
					if (summary.examples.length < MAX_EXAMPLES) summary.examples.push({ territory: territoryCode(e.territoryId), date: e.date, old: e.old, new: e.new });
				}
				if (write && soleFile !== null) {
					// One file: the counts come from what the writes changed, without a counting pass.
					const revised = s.archive.run(params).changes;
					const inserted = s.upsert.run(params).changes - revised;
					addCounts(summary, files[soleFile], inserted, revised, staged - inserted - revised);
				} else {
					for (const c of s.count.all(params) as { file: number; staged: number; stored: number; revised: number }[]) {
						addCounts(summary, files[c.file], c.staged - c.stored, c.revised, c.stored - c.revised);
					}
					if (write) {
						s.archive.run(params);
						s.upsert.run(params);
					}
				}
			}
			// What the store holds and a complete snapshot no longer carries is withdrawn (kept in history).
			if (options.complete(entry)) {
				for (const w of withdrawal.examples.all(params) as { territoryId: number; date: string; value: number }[]) {
					summary.withdrawnExamples.push({ territory: territoryCode(w.territoryId), date: w.date, value: w.value });
				}
				if (summary.withdrawnExamples.length > 0) {
					if (write) {
						summary.withdrawn = withdrawal.archive.run(params).changes;
						withdrawal.remove.run(params);
					} else summary.withdrawn = withdrawal.count.get(params) as number;
				}
			}
			clearStaged.run();
		}
		totals.read += summary.read;
		totals.inserted += summary.inserted;
		totals.revised += summary.revised;
		totals.unchanged += summary.unchanged;
		withdrawnTotal += summary.withdrawn;
	}
	insert?.flush();
	client.exec('DROP TABLE temp.import_staged');
	options.onProgress?.(total, total);
	return { values: totals, indicators: summaries.sort((a, b) => (a.code < b.code ? -1 : 1)), withdrawn: withdrawnTotal };
}

function addCounts(summary: IndicatorSummary, file: FileSummary, inserted: number, revised: number, unchanged: number): void {
	summary.inserted += inserted;
	summary.revised += revised;
	summary.unchanged += unchanged;
	file.inserted += inserted;
	file.revised += revised;
	file.unchanged += unchanged;
}
