/**
 * The second pass over a validated release's values, one indicator at a time, in set statements:
 * SQLite compares the release's values with the stored ones and writes the differences, the
 * replaced vintage of each revision or withdrawal into `observation_history` (the ALFRED model,
 * see vintages.ts), then the new values over the current ones. The values come from the staging
 * file (staging.ts), where they were written as rows while the files were still being read: here
 * no value crosses from JavaScript to SQLite. (Reading the stored values into JavaScript to
 * compare them, and sending each replaced row back, cost twice what the comparison itself does:
 * 6.1 s → 3.3 s per million revisions, measured.)
 * The staged rows of an indicator are in key order (territory, then date; staging-worker.js), so
 * that the store's B-trees are read and written in order: releases list one month of every
 * territory after another, and pages filled in order are written once, not again and again.
 */
import type Database from 'better-sqlite3';
import type { Counts, FileSummary, IndicatorSummary } from './apply';
import type { ValueIndicator } from './release-values';
import { STAGING_SCHEMA, type ValueStaging } from './staging';
import { INDICATOR_ID_SPAN } from './staging-worker.js';
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
	/** Territory id → public code, for the examples of revisions and withdrawals. */
	territoryCodes: Map<number, string>;
	/** The release being written, or null for a dry run (compare only). */
	releaseId: number | null;
	/** Staged values by indicator key: how many per annotation mask and file (ValueStaging.groups). */
	staged: ValueStaging['groups'];
	onProgress?: (done: number, total: number) => void;
}

const OBS = 'indicator_id, territory_id, date, value, qualifier, source_id, note, release_id';
const ANNOTATIONS = ['qualifier', 'source_id', 'note'] as const;

/** One indicator's staged rows: an id range (staging-worker.js); `keep` is its annotation mask there. */
const STAGED = `${STAGING_SCHEMA}.staged s`;
const IN_RANGE = 's.id >= @lo AND s.id < @hi';

/** The statements comparing and writing staged values with one `keep` mask. */
function stagedStatements(client: Database.Database, keep: number) {
	const present = ANNOTATIONS.map((c, i) => ({ c, i })).filter(({ i }) => !(keep & (1 << i)));
	// A stored value differs from its staged one: the figure, or an annotation the file carries.
	const differs = ['o.value <> s.value', ...present.map(({ c }) => `o.${c} IS NOT s.${c}`)].join(' OR ');
	const on = 'o.indicator_id = @indicator AND o.territory_id = s.territory_id AND o.date = s.date';
	const mine = `${IN_RANGE} AND s.keep = ${keep}`;
	return {
		/** Per file: staged values, those the store holds, those that differ from it. */
		count: client.prepare(
			`SELECT s.file AS file, count(*) AS staged, count(o.value) AS stored, coalesce(sum(o.value IS NOT NULL AND (${differs})), 0) AS revised
			 FROM ${STAGED} LEFT JOIN observations o ON ${on} WHERE ${mine} GROUP BY s.file`
		),
		examples: client.prepare(
			`SELECT s.territory_id AS territoryId, s.date, o.value AS old, s.value AS new FROM ${STAGED} JOIN observations o ON ${on}
			 WHERE ${mine} AND o.value <> s.value LIMIT ${MAX_EXAMPLES}`
		),
		// The stored row as it stands, inside this write transaction: exactly the vintage replaced.
		archive: client.prepare(
			`INSERT INTO observation_history (${OBS}, replaced_by)
			 SELECT o.indicator_id, o.territory_id, o.date, o.value, o.qualifier, o.source_id, o.note, o.release_id, @release
			 FROM ${STAGED} JOIN observations o ON ${on} WHERE ${mine} AND (${differs})`
		),
		// New values, and revised ones over the current row (unchanged ones are left as they are).
		upsert: client.prepare(
			`INSERT INTO observations (${OBS})
			 SELECT @indicator, s.territory_id, s.date, s.value, ${ANNOTATIONS.map((c, i) => (keep & (1 << i) ? 'NULL' : `s.${c}`)).join(', ')}, @release
			 FROM ${STAGED} WHERE ${mine}
			 ON CONFLICT (indicator_id, territory_id, date) DO UPDATE SET value = excluded.value,
			   ${present.map(({ c }) => `${c} = excluded.${c}, `).join('')}release_id = excluded.release_id, revisions = revisions + 1
			 WHERE ${['observations.value <> excluded.value', ...present.map(({ c }) => `observations.${c} IS NOT excluded.${c}`)].join(' OR ')}`
		)
	};
}

export function applyValues(client: Database.Database, draft: ReleaseDraft, files: FileSummary[], options: ApplyValuesOptions): ValuesResult {
	const values = draft.values;
	const { releaseId } = options;
	const write = releaseId !== null;
	const hasStored = client.prepare('SELECT 1 FROM observations WHERE indicator_id = ? LIMIT 1').pluck();
	const storedCount = client.prepare('SELECT count(*) FROM observations WHERE indicator_id = ?').pluck();

	client.exec(
		`CREATE TEMP TABLE IF NOT EXISTS import_keys (territory_id INTEGER NOT NULL, date TEXT NOT NULL, PRIMARY KEY (territory_id, date)) WITHOUT ROWID;
		 DELETE FROM temp.import_keys;`
	);

	// Nothing stored to compare with: straight into the store.
	const insertNew = client.prepare(
		`INSERT INTO observations (${OBS}) SELECT @indicator, s.territory_id, s.date, s.value, s.qualifier, s.source_id, s.note, @release
		 FROM ${STAGED} WHERE ${IN_RANGE}`
	);
	const statementsByMask = new Map<number, ReturnType<typeof stagedStatements>>();
	const statements = (keep: number) => {
		let s = statementsByMask.get(keep);
		if (!s) statementsByMask.set(keep, (s = stagedStatements(client, keep)));
		return s;
	};
	// Withdrawals: what the store holds that the release does not (keys of the release's values in import_keys).
	const keys = client.prepare(`INSERT INTO temp.import_keys (territory_id, date) SELECT s.territory_id, s.date FROM ${STAGED} WHERE ${IN_RANGE}`);
	const notStaged = `FROM observations o WHERE o.indicator_id = @indicator AND NOT EXISTS (SELECT 1 FROM temp.import_keys k WHERE k.territory_id = o.territory_id AND k.date = o.date)`;
	const withdrawal = {
		examples: client.prepare(`SELECT o.territory_id AS territoryId, o.date, o.value ${notStaged} LIMIT ${MAX_EXAMPLES}`),
		archive: client.prepare(`INSERT INTO observation_history (${OBS}, replaced_by) SELECT ${OBS.split(', ').map((c) => `o.${c}`).join(', ')}, @release ${notStaged}`),
		remove: client.prepare(`DELETE FROM observations AS o WHERE o.indicator_id = @indicator AND NOT EXISTS (SELECT 1 FROM temp.import_keys k WHERE k.territory_id = o.territory_id AND k.date = o.date)`)
	};
	const clearKeys = client.prepare('DELETE FROM temp.import_keys');
	const territoryCode = (id: number) => options.territoryCodes.get(id) ?? String(id);

	const totals: Counts = { read: 0, inserted: 0, revised: 0, unchanged: 0, rejected: 0 };
	const summaries: IndicatorSummary[] = [];
	let withdrawnTotal = 0;
	const total = values.count;
	let done = 0;
	for (const entry of values.indicators.values()) {
		const summary: IndicatorSummary = { code: entry.code, read: 0, inserted: 0, revised: 0, unchanged: 0, rejected: 0, examples: [], withdrawn: 0, withdrawnExamples: [] };
		summaries.push(summary);
		const indicatorId = options.indicatorIds.get(entry.code);
		const range = { lo: entry.key * INDICATOR_ID_SPAN, hi: (entry.key + 1) * INDICATOR_ID_SPAN };
		const found = options.staged.get(entry.key) ?? [];
		for (const g of found) summary.read += g.n;
		if (indicatorId === undefined || !hasStored.get(indicatorId)) {
			// Nothing stored to compare with: every value is new (and nothing can be withdrawn).
			for (const g of found) addCounts(summary, files[g.file], g.n, 0, 0);
			if (write) insertNew.run({ ...range, indicator: indicatorId, release: releaseId });
		} else {
			const params = { ...range, indicator: indicatorId, release: releaseId };
			/** Staged values by `keep` mask (most releases: one mask, all values). */
			const masks = new Map<number, number>();
			for (const g of found) masks.set(g.keep, (masks.get(g.keep) ?? 0) + g.n);
			const soleFile = new Set(found.map((g) => g.file)).size === 1 ? found[0].file : null;
			// Counted before the writes: a complete snapshot withdraws the stored values it did not match.
			const stored = options.complete(entry) ? (storedCount.get(indicatorId) as number) : 0;
			for (const [keep, n] of masks) {
				const s = statements(keep);
				for (const e of s.examples.all(params) as { territoryId: number; date: string; old: number; new: number }[]) {
					if (summary.examples.length < MAX_EXAMPLES) summary.examples.push({ territory: territoryCode(e.territoryId), date: e.date, old: e.old, new: e.new });
				}
				if (write && soleFile !== null) {
					// One file: the counts come from what the writes changed, without a counting pass.
					const revised = s.archive.run(params).changes;
					const inserted = s.upsert.run(params).changes - revised;
					addCounts(summary, files[soleFile], inserted, revised, n - inserted - revised);
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
			// The release matched `revised + unchanged` stored values: any other stored value is withdrawn.
			const withdrawn = options.complete(entry) ? stored - summary.revised - summary.unchanged : 0;
			if (withdrawn > 0) {
				keys.run(range);
				for (const w of withdrawal.examples.all(params) as { territoryId: number; date: string; value: number }[]) {
					summary.withdrawnExamples.push({ territory: territoryCode(w.territoryId), date: w.date, value: w.value });
				}
				summary.withdrawn = withdrawn;
				if (write) {
					withdrawal.archive.run(params);
					withdrawal.remove.run(params);
				}
				clearKeys.run();
			}
		}
		totals.read += summary.read;
		totals.inserted += summary.inserted;
		totals.revised += summary.revised;
		totals.unchanged += summary.unchanged;
		withdrawnTotal += summary.withdrawn;
		const before = done;
		done += summary.read;
		if (options.onProgress && done >> 16 !== before >> 16) options.onProgress(done, total);
	}
	client.exec('DROP TABLE temp.import_keys');
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
