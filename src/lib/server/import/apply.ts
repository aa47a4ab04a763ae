/**
 * Compares a validated release with the store (inserted / revised / unchanged per file and per
 * indicator, withdrawn per indicator), then applies it in one transaction. Nothing is deleted:
 * a revised or withdrawn value keeps its old vintage in `observation_history` (vintages.ts).
 */
import type Database from 'better-sqlite3';
import { COG_YEAR, territoryReference } from './territories';
import type { IndicatorDraft, ReleaseDraft } from './types';
import { vintageWriter } from './vintages';

export interface Counts {
	read: number;
	inserted: number;
	revised: number;
	unchanged: number;
	rejected: number;
}

export interface RevisionExample {
	territory: string;
	date: string;
	old: number;
	new: number;
}

export interface IndicatorSummary extends Counts {
	code: string;
	examples: RevisionExample[];
	/** Stored values a complete snapshot no longer carries (see `completeIndicators`). */
	withdrawn: number;
	withdrawnExamples: { territory: string; date: string; value: number }[];
}

export interface FileSummary extends Counts {
	/** Rows with no measurement (no date, no value), skipped without error. */
	skipped: number;
	display: string;
	format: string | null;
	kind: string | null;
	encoding?: string;
	separator?: string;
	sha256: string;
}

export interface DiffResult {
	files: FileSummary[];
	indicators: IndicatorSummary[];
	values: Counts;
	targets: Counts;
	rates: Counts;
	entities: Counts;
	metadata: { indicatorsNew: number; indicatorsUpdated: number; sourcesNew: number; sourcesUpdated: number };
	/** Current values the release withdraws (kept in history). */
	withdrawn: number;
	/** Row plans for the write step. */
	plan: WritePlan;
}

type Op = 0 | 1 | 2; // 0 unchanged, 1 insert, 2 revise

interface WritePlan {
	valueOps: Uint8Array;
	valueOld: Float64Array;
	targetOps: Uint8Array;
	rateOps: Uint8Array;
	entityOps: Uint8Array;
	/** Points to withdraw: store indicator id, territory id, date. */
	withdraw: { indicatorId: number; territoryId: number; date: string }[];
}

export interface DiffOptions {
	/** Canonical files are complete snapshots too (`--complet`); official DITP files always are. */
	complete?: boolean;
}

/**
 * Indicators of which the release is a complete snapshot: every indicator whose values come from
 * an official DITP data file (one file per indicator), or every indicator with values under `--complet`.
 */
export function completeIndicators(draft: ReleaseDraft, options: DiffOptions = {}): Set<string> {
	const out = new Set<string>();
	for (const v of draft.values) if (options.complete || draft.files[v.file].format === 'ditp') out.add(v.indicator);
	return out;
}

const zero = (): Counts => ({ read: 0, inserted: 0, revised: 0, unchanged: 0, rejected: 0 });
const MAX_EXAMPLES = 5;

/** Territory public code → store id (existing ids, or the ids the first import will give). */
export function territoryIds(client: Database.Database): Map<string, number> {
	const rows = client.prepare('SELECT code, id FROM territories').all() as { code: string; id: number }[];
	const ids = new Map(rows.map((r) => [r.code, r.id]));
	let next = rows.reduce((max, r) => Math.max(max, r.id), 0) + 1;
	for (const t of territoryReference()) if (!ids.has(t.code)) ids.set(t.code, next++);
	return ids;
}

function same(a: unknown, b: unknown): boolean {
	return (a ?? null) === (b ?? null);
}

/** undefined (column absent) keeps what is stored. */
function annotationChanged(draft: string | null | undefined, stored: string | null): boolean {
	return draft !== undefined && !same(draft, stored);
}

export function diffRelease(client: Database.Database, draft: ReleaseDraft, options: DiffOptions = {}): DiffResult {
	const terr = territoryIds(client);
	const indicatorIds = new Map(
		(client.prepare('SELECT code, id FROM indicators').all() as { code: string; id: number }[]).map((r) => [r.code, r.id])
	);
	const files: FileSummary[] = draft.files.map((f, i) => ({
		display: f.display,
		format: f.format,
		kind: f.kind,
		encoding: f.encoding,
		separator: f.separator,
		sha256: f.sha256,
		...zero(),
		read: f.rows,
		rejected: draft.rejectedByFile[i] ?? 0,
		skipped: draft.skippedByFile[i] ?? 0
	}));
	const byIndicator = new Map<string, IndicatorSummary>();
	const summaryOf = (code: string) => {
		let s = byIndicator.get(code);
		if (!s) byIndicator.set(code, (s = { code, ...zero(), examples: [], withdrawn: 0, withdrawnExamples: [] }));
		return s;
	};

	// Observations: load what the store holds for the indicators of the release, one indicator at a time.
	const values = zero();
	const valueOps = new Uint8Array(draft.values.length);
	const valueOld = new Float64Array(draft.values.length);
	const byIndicatorRows = new Map<string, number[]>();
	draft.values.forEach((v, i) => {
		let list = byIndicatorRows.get(v.indicator);
		if (!list) byIndicatorRows.set(v.indicator, (list = []));
		list.push(i);
	});
	const selectObs = client.prepare('SELECT territory_id AS t, date AS d, value AS v, qualifier AS q, source_id AS s, note AS n FROM observations WHERE indicator_id = ?');
	// Stored points are keyed by territory id × 2^20 + interned date: numbers, not strings.
	const dateIds = new Map<string, number>();
	const dateId = (d: string) => {
		let id = dateIds.get(d);
		if (id === undefined) dateIds.set(d, (id = dateIds.size));
		return id;
	};
	type StoredPoint = { t: number; d: string; v: number; q: string | null; s: string | null; n: string | null };
	const complete = completeIndicators(draft, options);
	const withdraw: WritePlan['withdraw'] = [];
	const territoryCodes = new Map([...terr].map(([code, id]) => [id, code]));
	for (const [code, rows] of byIndicatorRows) {
		const summary = summaryOf(code);
		const id = indicatorIds.get(code);
		const stored = new Map<number, StoredPoint>();
		if (id !== undefined) {
			for (const r of selectObs.iterate(id) as Iterable<StoredPoint>) stored.set(r.t * 2 ** 20 + dateId(r.d), r);
		}
		for (const i of rows) {
			const v = draft.values[i];
			const territoryId = terr.get(v.territory)!;
			const point = territoryId * 2 ** 20 + dateId(v.date);
			const old = stored.size === 0 ? undefined : stored.get(point);
			if (old) stored.delete(point);
			let op: Op;
			if (!old) op = 1;
			else if (old.v !== v.value || annotationChanged(v.qualifier, old.q) || annotationChanged(v.sourceId, old.s) || annotationChanged(v.note, old.n)) {
				op = 2;
				valueOld[i] = old.v;
				if (summary.examples.length < MAX_EXAMPLES && old.v !== v.value) {
					summary.examples.push({ territory: v.territory, date: v.date, old: old.v, new: v.value });
				}
			} else op = 0;
			valueOps[i] = op;
			const key = op === 1 ? 'inserted' : op === 2 ? 'revised' : 'unchanged';
			summary[key]++;
			files[v.file][key]++;
			values[key]++;
		}
		summary.read += rows.length;
		values.read += rows.length;
		// What is left of the stored values is what a complete snapshot no longer carries.
		if (id !== undefined && complete.has(code)) {
			for (const r of stored.values()) {
				withdraw.push({ indicatorId: id, territoryId: r.t, date: r.d });
				summary.withdrawn++;
				if (summary.withdrawnExamples.length < MAX_EXAMPLES) summary.withdrawnExamples.push({ territory: territoryCodes.get(r.t) ?? String(r.t), date: r.d, value: r.v });
			}
		}
	}

	// Baselines and targets.
	const targets = zero();
	const targetOps = new Uint8Array(draft.targets.length);
	const selectTarget = client.prepare('SELECT value, qualifier, source_id, note FROM targets WHERE indicator_id = ? AND territory_id = ? AND kind = ? AND date = ?');
	draft.targets.forEach((t, i) => {
		const id = indicatorIds.get(t.indicator);
		const old = id === undefined ? undefined : (selectTarget.get(id, terr.get(t.territory), t.kind, t.date) as { value: number; qualifier: string | null; source_id: string | null; note: string | null } | undefined);
		const op: Op = !old ? 1 : old.value !== t.value || annotationChanged(t.qualifier, old.qualifier) || annotationChanged(t.sourceId, old.source_id) || annotationChanged(t.note, old.note) ? 2 : 0;
		targetOps[i] = op;
		const key = op === 1 ? 'inserted' : op === 2 ? 'revised' : 'unchanged';
		targets[key]++;
		files[t.file][key]++;
		targets.read++;
	});

	const rates = zero();
	const rateOps = new Uint8Array(draft.rates.length);
	const selectRate = client.prepare('SELECT rate FROM published_rates WHERE indicator_id = ? AND territory_id = ? AND date = ?');
	draft.rates.forEach((r, i) => {
		const id = indicatorIds.get(r.indicator);
		const old = id === undefined ? undefined : (selectRate.get(id, terr.get(r.territory), r.date) as { rate: number } | undefined);
		const op: Op = !old ? 1 : old.rate !== r.rate ? 2 : 0;
		rateOps[i] = op;
		const key = op === 1 ? 'inserted' : op === 2 ? 'revised' : 'unchanged';
		rates[key]++;
		rates.read++;
	});

	const entities = zero();
	const entityOps = new Uint8Array(draft.entities.length);
	const selectEntity = client.prepare('SELECT kind, name, territory_id, date, attributes, source_ids FROM entities WHERE id = ?');
	draft.entities.forEach((e, i) => {
		const old = selectEntity.get(e.id) as Record<string, unknown> | undefined;
		const territoryId = e.territory ? terr.get(e.territory) : null;
		const op: Op = !old
			? 1
			: same(old.kind, e.kind) && same(old.name, e.name) && same(old.territory_id, territoryId) && same(old.date, e.date) && same(old.attributes, e.attributes) && same(old.source_ids, e.sourceIds)
				? 0
				: 2;
		entityOps[i] = op;
		const key = op === 1 ? 'inserted' : op === 2 ? 'revised' : 'unchanged';
		entities[key]++;
		files[e.file][key]++;
		entities.read++;
	});

	// Metadata: new or changed indicators and sources.
	const metadata = { indicatorsNew: 0, indicatorsUpdated: 0, sourcesNew: 0, sourcesUpdated: 0 };
	const selectIndicator = client.prepare('SELECT * FROM indicators WHERE code = ?');
	for (const ind of draft.indicators.values()) {
		const old = selectIndicator.get(ind.code) as Record<string, unknown> | undefined;
		if (!old) metadata.indicatorsNew++;
		else if (indicatorChanged(old, ind)) metadata.indicatorsUpdated++;
	}
	const selectSource = client.prepare('SELECT * FROM sources WHERE id = ?');
	for (const src of draft.sources.values()) {
		const old = selectSource.get(src.id) as Record<string, unknown> | undefined;
		if (!old) metadata.sourcesNew++;
		else if (!same(old.producer, src.producer) || !same(old.title, src.title) || !same(old.url, src.url) || !same(old.licence, src.licence) || !same(old.updated_at, src.updatedAt) || !same(old.note, src.note)) {
			metadata.sourcesUpdated++;
		}
	}

	return {
		files,
		indicators: [...byIndicator.values()].sort((a, b) => (a.code < b.code ? -1 : 1)),
		values,
		targets,
		rates,
		entities,
		metadata,
		withdrawn: withdraw.length,
		plan: { valueOps, valueOld, targetOps, rateOps, entityOps, withdraw }
	};
}

function indicatorColumns(ind: IndicatorDraft) {
	return {
		policy_id: ind.policyId,
		theme_id: ind.themeId,
		name: ind.name,
		description: ind.description,
		unit: ind.unit,
		unit_label: ind.unitLabel,
		direction: ind.direction,
		cumulative: ind.cumulative ? 1 : 0,
		frequency: ind.frequency,
		producer: ind.producer,
		licence: ind.licence,
		source_url: ind.sourceUrl,
		source_updated_at: ind.sourceUpdatedAt,
		source_ids: ind.sourceIds,
		note: ind.note,
		sort_order: ind.sortOrder
	};
}

function indicatorChanged(old: Record<string, unknown>, ind: IndicatorDraft): boolean {
	return Object.entries(indicatorColumns(ind)).some(([k, v]) => !same(old[k], v));
}

export interface ApplyResult {
	releaseId: number;
}

/** Writes the release. Must run inside a transaction (see importRelease). */
export function writeRelease(
	client: Database.Database,
	draft: ReleaseDraft,
	diff: DiffResult,
	info: { importedAt: string; sourceUpdatedAt: string | null },
	onProgress?: (done: number, total: number) => void
): ApplyResult {
	// Territories: insert the reference once, keep names and populations current.
	const terr = territoryIds(client);
	const upsertTerritory = client.prepare(
		`INSERT INTO territories (id, code, level, insee_code, name, parent_code, population, chef_lieu, cog_year)
		 VALUES (@id, @code, @level, @inseeCode, @name, @parentCode, @population, @chefLieu, @cogYear)
		 ON CONFLICT(code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code,
		   population = excluded.population, chef_lieu = excluded.chef_lieu, cog_year = excluded.cog_year
		 WHERE name IS NOT excluded.name OR parent_code IS NOT excluded.parent_code OR population IS NOT excluded.population
		   OR chef_lieu IS NOT excluded.chef_lieu OR cog_year IS NOT excluded.cog_year`
	);
	for (const t of territoryReference()) upsertTerritory.run({ ...t, id: terr.get(t.code), cogYear: COG_YEAR });
	client.prepare("INSERT INTO meta (key, value) VALUES ('cog_year', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(COG_YEAR));

	// Families, themes, policies, sources, indicators.
	const upsertFamily = client.prepare(
		`INSERT INTO families (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name WHERE excluded.name IS NOT NULL AND name IS NOT excluded.name`
	);
	const upsertTheme = client.prepare(`INSERT INTO themes (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name WHERE name IS NOT excluded.name`);
	const upsertPolicy = client.prepare(
		`INSERT INTO policies (id, family_id, theme_id, name, axis) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT(id) DO UPDATE SET family_id = excluded.family_id, theme_id = coalesce(excluded.theme_id, theme_id),
		   name = excluded.name, axis = coalesce(excluded.axis, axis)`
	);
	for (const ind of draft.indicators.values()) {
		upsertFamily.run(ind.familyId, ind.familyName ?? ind.familyId);
		if (ind.themeId) upsertTheme.run(ind.themeId, ind.themeName ?? ind.themeId);
	}
	const policiesDone = new Set<string>();
	for (const ind of draft.indicators.values()) {
		if (policiesDone.has(ind.policyId)) continue;
		policiesDone.add(ind.policyId);
		upsertPolicy.run(ind.policyId, ind.familyId, ind.themeId, ind.policyName ?? ind.policyId, ind.axis);
	}
	const upsertSource = client.prepare(
		`INSERT INTO sources (id, producer, title, url, licence, updated_at, note) VALUES (@id, @producer, @title, @url, @licence, @updatedAt, @note)
		 ON CONFLICT(id) DO UPDATE SET producer = excluded.producer, title = excluded.title, url = excluded.url,
		   licence = excluded.licence, updated_at = excluded.updated_at, note = excluded.note`
	);
	for (const src of draft.sources.values()) {
		upsertSource.run({ id: src.id, producer: src.producer, title: src.title, url: src.url, licence: src.licence, updatedAt: src.updatedAt, note: src.note });
	}
	const upsertIndicator = client.prepare(
		`INSERT INTO indicators (code, policy_id, theme_id, name, description, unit, unit_label, direction, cumulative, frequency, producer, licence, source_url, source_updated_at, source_ids, note, sort_order)
		 VALUES (@code, @policy_id, @theme_id, @name, @description, @unit, @unit_label, @direction, @cumulative, @frequency, @producer, @licence, @source_url, @source_updated_at, @source_ids, @note, @sort_order)
		 ON CONFLICT(code) DO UPDATE SET policy_id = excluded.policy_id, theme_id = excluded.theme_id, name = excluded.name, description = excluded.description,
		   unit = excluded.unit, unit_label = excluded.unit_label, direction = excluded.direction, cumulative = excluded.cumulative,
		   frequency = excluded.frequency, producer = excluded.producer, licence = excluded.licence, source_url = excluded.source_url,
		   source_updated_at = excluded.source_updated_at, source_ids = excluded.source_ids, note = excluded.note, sort_order = excluded.sort_order`
	);
	for (const ind of draft.indicators.values()) upsertIndicator.run({ code: ind.code, ...indicatorColumns(ind) });
	const indicatorIds = new Map(
		(client.prepare('SELECT code, id FROM indicators').all() as { code: string; id: number }[]).map((r) => [r.code, r.id])
	);

	const release = client
		.prepare(
			`INSERT INTO releases (imported_at, files, rows_read, inserted, revised, unchanged, source_updated_at, withdrawn, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
		)
		.run(
			info.importedAt,
			JSON.stringify(draft.files.map((f) => ({ path: f.display, sha256: f.sha256, format: f.format, kind: f.kind, rows: f.rows, encoding: f.encoding }))),
			diff.files.reduce((n, f) => n + f.read, 0),
			diff.values.inserted + diff.targets.inserted + diff.entities.inserted,
			diff.values.revised + diff.targets.revised + diff.entities.revised,
			diff.values.unchanged + diff.targets.unchanged + diff.entities.unchanged,
			info.sourceUpdatedAt,
			diff.withdrawn,
			diff.files.reduce((n, f) => n + (f.skipped ?? 0), 0)
		);
	const releaseId = Number(release.lastInsertRowid);

	// Observations: only new and revised rows are written. New rows go in batches of 50 per
	// statement: a million single-row calls cost more in bindings than SQLite spends storing them.
	const OBS_COLUMNS = '(indicator_id, territory_id, date, value, qualifier, source_id, note, release_id)';
	const BATCH = 50;
	const insertBatch = client.prepare(`INSERT INTO observations ${OBS_COLUMNS} VALUES ${Array(BATCH).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
	const insertObs = client.prepare(`INSERT INTO observations ${OBS_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
	const reviseObs = client.prepare(
		`UPDATE observations SET value = ?, qualifier = coalesce(?, qualifier), source_id = coalesce(?, source_id), note = coalesce(?, note),
		   release_id = ?, revisions = revisions + 1 WHERE indicator_id = ? AND territory_id = ? AND date = ?`
	);
	const clearObsAnnotations = client.prepare(
		`UPDATE observations SET qualifier = CASE WHEN ? THEN NULL ELSE qualifier END, source_id = CASE WHEN ? THEN NULL ELSE source_id END,
		   note = CASE WHEN ? THEN NULL ELSE note END WHERE indicator_id = ? AND territory_id = ? AND date = ?`
	);
	const logRevision = client.prepare(
		'INSERT INTO revisions (release_id, indicator_id, territory_id, date, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)'
	);
	const vintages = vintageWriter(client);
	const { valueOps, valueOld } = diff.plan;
	const total = draft.values.length;
	const params: unknown[] = new Array(BATCH * 8);
	let pending = 0;
	for (let i = 0; i < total; i++) {
		const op = valueOps[i];
		if (op === 0) continue;
		const v = draft.values[i];
		const indicatorId = indicatorIds.get(v.indicator)!;
		const territoryId = terr.get(v.territory)!;
		if (op === 1) {
			const o = pending * 8;
			params[o] = indicatorId;
			params[o + 1] = territoryId;
			params[o + 2] = v.date;
			params[o + 3] = v.value;
			params[o + 4] = v.qualifier ?? null;
			params[o + 5] = v.sourceId ?? null;
			params[o + 6] = v.note ?? null;
			params[o + 7] = releaseId;
			if (++pending === BATCH) {
				insertBatch.run(params);
				pending = 0;
			}
		} else {
			vintages.archive(releaseId, indicatorId, territoryId, v.date);
			reviseObs.run(v.value, v.qualifier ?? null, v.sourceId ?? null, v.note ?? null, releaseId, indicatorId, territoryId, v.date);
			// An empty cell in a present column clears the annotation.
			if (v.qualifier === null || v.sourceId === null || v.note === null) {
				clearObsAnnotations.run(v.qualifier === null ? 1 : 0, v.sourceId === null ? 1 : 0, v.note === null ? 1 : 0, indicatorId, territoryId, v.date);
			}
			logRevision.run(releaseId, indicatorId, territoryId, v.date, valueOld[i], v.value);
		}
		if (onProgress && (i & 0xffff) === 0) onProgress(i, total);
	}
	for (let b = 0; b < pending; b++) insertObs.run(params.slice(b * 8, b * 8 + 8));
	for (const w of diff.plan.withdraw) vintages.withdraw(releaseId, w.indicatorId, w.territoryId, w.date);
	onProgress?.(total, total);

	const upsertTarget = client.prepare(
		`INSERT INTO targets (indicator_id, territory_id, kind, date, value, qualifier, source_id, note, release_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT DO UPDATE SET value = excluded.value, qualifier = excluded.qualifier, source_id = excluded.source_id, note = excluded.note, release_id = excluded.release_id`
	);
	const selectTargetAnnotations = client.prepare('SELECT qualifier, source_id, note FROM targets WHERE indicator_id = ? AND territory_id = ? AND kind = ? AND date = ?');
	draft.targets.forEach((t, i) => {
		if (diff.plan.targetOps[i] === 0) return;
		const indicatorId = indicatorIds.get(t.indicator)!;
		const territoryId = terr.get(t.territory)!;
		const old = selectTargetAnnotations.get(indicatorId, territoryId, t.kind, t.date) as { qualifier: string | null; source_id: string | null; note: string | null } | undefined;
		upsertTarget.run(
			indicatorId,
			territoryId,
			t.kind,
			t.date,
			t.value,
			t.qualifier === undefined ? (old?.qualifier ?? null) : t.qualifier,
			t.sourceId === undefined ? (old?.source_id ?? null) : t.sourceId,
			t.note === undefined ? (old?.note ?? null) : t.note,
			releaseId
		);
	});
	const upsertRate = client.prepare(
		`INSERT INTO published_rates (indicator_id, territory_id, date, rate, release_id) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT DO UPDATE SET rate = excluded.rate, release_id = excluded.release_id`
	);
	draft.rates.forEach((r, i) => {
		if (diff.plan.rateOps[i] !== 0) upsertRate.run(indicatorIds.get(r.indicator)!, terr.get(r.territory)!, r.date, r.rate, releaseId);
	});
	const upsertEntity = client.prepare(
		`INSERT INTO entities (id, kind, name, territory_id, date, attributes, source_ids, release_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name, territory_id = excluded.territory_id, date = excluded.date,
		   attributes = excluded.attributes, source_ids = excluded.source_ids, release_id = excluded.release_id`
	);
	draft.entities.forEach((e, i) => {
		if (diff.plan.entityOps[i] !== 0) upsertEntity.run(e.id, e.kind, e.name, e.territory ? terr.get(e.territory)! : null, e.date, e.attributes, e.sourceIds, releaseId);
	});
	return { releaseId };
}
