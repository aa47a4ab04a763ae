/**
 * Baselines, targets and published rates of a validated release (not versioned): read back from
 * their spools one indicator at a time, compared with what the store holds for that indicator
 * (inserted, revised, unchanged), and — unless it is a dry run — the new and revised ones written.
 * Memory holds one indicator's stored rows at a time, whatever the size of the release.
 */
import type Database from 'better-sqlite3';
import type { Counts, FileSummary } from './apply';
import { pointKey, type ReleaseValues } from './release-values';
import type { ReleaseDraft, TargetKind } from './types';

export interface TargetsResult {
	targets: Counts;
	rates: Counts;
}

export interface ApplyTargetsOptions {
	/** Store id of each indicator (new indicators have none in a dry run). */
	indicatorIds: Map<string, number>;
	/** The release being written, or null for a dry run (compare only). */
	releaseId: number | null;
}

const zero = (): Counts => ({ read: 0, inserted: 0, revised: 0, unchanged: 0, rejected: 0 });

/** A stored row: value and annotations (rates have none). */
type Stored = [territoryId: number, date: string, value: number, qualifier: string | null, sourceId: string | null, note: string | null];

interface Table {
	/** The indicator's stored rows (of this kind). */
	select: (indicatorId: number) => Stored[];
	/** Inserts or replaces one row. */
	upsert: (indicatorId: number, territoryId: number, date: string, value: number, annotations: (string | null)[], releaseId: number) => void;
	/** Per-file counts are kept for baselines and targets (as the summary shows them), not for rates. */
	countFiles: boolean;
}

export function applyTargetsAndRates(client: Database.Database, draft: ReleaseDraft, files: FileSummary[], options: ApplyTargetsOptions): TargetsResult {
	const upsertTarget = client.prepare(
		`INSERT INTO targets (indicator_id, territory_id, kind, date, value, qualifier, source_id, note, release_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT DO UPDATE SET value = excluded.value, qualifier = excluded.qualifier, source_id = excluded.source_id, note = excluded.note, release_id = excluded.release_id`
	);
	const selectTargets = client.prepare('SELECT territory_id, date, value, qualifier, source_id, note FROM targets WHERE indicator_id = ? AND kind = ?').raw();
	const targetTable = (kind: TargetKind): Table => ({
		select: (indicatorId) => selectTargets.all(indicatorId, kind) as Stored[],
		upsert: (indicatorId, territoryId, date, value, [q, s, n], releaseId) => upsertTarget.run(indicatorId, territoryId, kind, date, value, q, s, n, releaseId),
		countFiles: true
	});
	const targets = zero();
	for (const kind of ['initiale', 'cible'] as const) apply(draft.targets[kind], targetTable(kind), targets, files, options);
	const selectRates = client.prepare('SELECT territory_id, date, rate, NULL, NULL, NULL FROM published_rates WHERE indicator_id = ?').raw();
	const upsertRate = client.prepare(
		`INSERT INTO published_rates (indicator_id, territory_id, date, rate, release_id) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT DO UPDATE SET rate = excluded.rate, release_id = excluded.release_id`
	);
	const rates = zero();
	apply(
		draft.rates,
		{
			select: (indicatorId) => selectRates.all(indicatorId) as Stored[],
			upsert: (indicatorId, territoryId, date, value, _annotations, releaseId) => upsertRate.run(indicatorId, territoryId, date, value, releaseId),
			countFiles: false
		},
		rates,
		files,
		options
	);
	return { targets, rates };
}

function apply(figures: ReleaseValues, table: Table, counts: Counts, files: FileSummary[], options: ApplyTargetsOptions): void {
	const write = options.releaseId !== null;
	for (const entry of figures.indicators.values()) {
		const indicatorId = options.indicatorIds.get(entry.code);
		const stored = indicatorId === undefined ? [] : table.select(indicatorId);
		const index = new Map<number, number>();
		for (let i = 0; i < stored.length; i++) index.set(pointKey(stored[i][0], figures.dateId(stored[i][1])), i);
		figures.each(entry, (v) => {
			const at = index.get(pointKey(v.territoryId, v.dateId));
			const old = at === undefined ? undefined : stored[at];
			// undefined (no such column in the file) keeps the stored annotation.
			const q = figures.text(v.qualifier);
			const s = figures.text(v.sourceId);
			const n = figures.text(v.note);
			const annotations = [q === undefined ? (old?.[3] ?? null) : q, s === undefined ? (old?.[4] ?? null) : s, n === undefined ? (old?.[5] ?? null) : n];
			const key = !old ? 'inserted' : old[2] !== v.value || annotations[0] !== old[3] || annotations[1] !== old[4] || annotations[2] !== old[5] ? 'revised' : 'unchanged';
			counts.read++;
			counts[key]++;
			if (table.countFiles) files[v.file][key]++;
			if (write && key !== 'unchanged') table.upsert(indicatorId!, v.territoryId, figures.dates[v.dateId], v.value, annotations, options.releaseId!);
		});
	}
}
