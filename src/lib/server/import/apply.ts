/**
 * Compares a validated release with the store (per file: inserted / revised / unchanged) and
 * applies it in one transaction: metadata, then the dated values (apply-values.ts, which also
 * counts them per indicator and withdraws what a complete snapshot lacks), then baselines,
 * targets and published rates (apply-targets.ts), then entities. Nothing is deleted: a revised or withdrawn value keeps
 * its old vintage in `observation_history`.
 */
import type Database from 'better-sqlite3';
import { COG_YEAR, territoryCodes, territoryReference, territoryReferenceVersion } from './territories';
import type { IndicatorDraft, ReleaseDraft } from './types';

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
	entityOps: Uint8Array;
}

const zero = (): Counts => ({ read: 0, inserted: 0, revised: 0, unchanged: 0, rejected: 0 });

/** Territory public code → store id (existing ids, or the ids the first import will give). */
export function territoryIds(client: Database.Database): Map<string, number> {
	const rows = client.prepare('SELECT code, id FROM territories').all() as { code: string; id: number }[];
	const ids = new Map(rows.map((r) => [r.code, r.id]));
	let next = rows.reduce((max, r) => Math.max(max, r.id), 0) + 1;
	for (const t of territoryCodes()) if (!ids.has(t.code)) ids.set(t.code, next++);
	return ids;
}

function same(a: unknown, b: unknown): boolean {
	return (a ?? null) === (b ?? null);
}

/**
 * Compares what the release holds besides its dated values (which applyValues compares and
 * writes in one streaming pass) with the store; the values' counts start at zero.
 */
export function diffRelease(client: Database.Database, draft: ReleaseDraft): DiffResult {
	const terr = territoryIds(client);
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
	const values = zero();

	// Baselines, targets and published rates are compared as they are written (apply-targets.ts).
	const targets = zero();
	const rates = zero();

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
		else if (!same(old.producer, src.producer) || !same(old.title, src.title) || !same(old.url, src.url) || !same(old.licence, src.licence) || !same(old.licence_id, src.licenceId) ||
			!same(old.licence_verified, src.licenceVerified === null ? null : Number(src.licenceVerified)) || !same(old.updated_at, src.updatedAt) || !same(old.note, src.note)) {
			metadata.sourcesUpdated++;
		}
	}

	return { files, indicators: [], values, targets, rates, entities, metadata, withdrawn: 0, plan: { entityOps } };
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

/**
 * Writes the metadata and the release record (its counts are set by recordReleaseCounts once the
 * values are written); returns the release id and every indicator's store id. Must run inside
 * the import's transaction.
 */
export function writeMetadata(
	client: Database.Database,
	draft: ReleaseDraft,
	info: { importedAt: string; sourceUpdatedAt: string | null }
): { releaseId: number; indicatorIds: Map<string, number> } {
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
	const setMeta = client.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
	// Written when the store lacks it or holds another version of it (only then are populations summed).
	const version = territoryReferenceVersion();
	const stored = client.prepare("SELECT value FROM meta WHERE key = 'territory_reference'").pluck().get();
	const count = client.prepare('SELECT count(*) FROM territories').pluck().get() as number;
	if (stored !== version || count !== territoryCodes().length) {
		for (const t of territoryReference()) upsertTerritory.run({ ...t, id: terr.get(t.code), cogYear: COG_YEAR });
		setMeta.run('territory_reference', version);
	}
	setMeta.run('cog_year', String(COG_YEAR));

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
		`INSERT INTO sources (id, producer, title, url, licence, licence_id, licence_verified, updated_at, note)
		 VALUES (@id, @producer, @title, @url, @licence, @licenceId, @licenceVerified, @updatedAt, @note)
		 ON CONFLICT(id) DO UPDATE SET producer = excluded.producer, title = excluded.title, url = excluded.url,
		   licence = excluded.licence, licence_id = excluded.licence_id, licence_verified = excluded.licence_verified,
		   updated_at = excluded.updated_at, note = excluded.note`
	);
	for (const src of draft.sources.values()) {
		upsertSource.run({ id: src.id, producer: src.producer, title: src.title, url: src.url, licence: src.licence,
			licenceId: src.licenceId, licenceVerified: src.licenceVerified === null ? null : Number(src.licenceVerified), updatedAt: src.updatedAt, note: src.note });
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
		.prepare(`INSERT INTO releases (imported_at, files, rows_read, inserted, revised, unchanged, source_updated_at) VALUES (?, ?, 0, 0, 0, 0, ?)`)
		.run(
			info.importedAt,
			JSON.stringify(draft.files.map((f) => ({ path: f.display, sha256: f.sha256, format: f.format, kind: f.kind, rows: f.rows, encoding: f.encoding }))),
			info.sourceUpdatedAt
		);
	return { releaseId: Number(release.lastInsertRowid), indicatorIds };
}

export function recordReleaseCounts(client: Database.Database, releaseId: number, diff: DiffResult): void {
	client
		.prepare('UPDATE releases SET rows_read = ?, inserted = ?, revised = ?, unchanged = ?, withdrawn = ?, skipped = ? WHERE id = ?')
		.run(
			diff.files.reduce((n, f) => n + f.read, 0),
			diff.values.inserted + diff.targets.inserted + diff.entities.inserted,
			diff.values.revised + diff.targets.revised + diff.entities.revised,
			diff.values.unchanged + diff.targets.unchanged + diff.entities.unchanged,
			diff.withdrawn,
			diff.files.reduce((n, f) => n + (f.skipped ?? 0), 0),
			releaseId
		);
}

/** Entities (not versioned). */
export function writeOthers(client: Database.Database, draft: ReleaseDraft, diff: DiffResult, releaseId: number): void {
	const terr = territoryIds(client);
	const upsertEntity = client.prepare(
		`INSERT INTO entities (id, kind, name, territory_id, date, attributes, source_ids, release_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name, territory_id = excluded.territory_id, date = excluded.date,
		   attributes = excluded.attributes, source_ids = excluded.source_ids, release_id = excluded.release_id`
	);
	draft.entities.forEach((e, i) => {
		if (diff.plan.entityOps[i] !== 0) upsertEntity.run(e.id, e.kind, e.name, e.territory ? terr.get(e.territory)! : null, e.date, e.attributes, e.sourceIds, releaseId);
	});
}
