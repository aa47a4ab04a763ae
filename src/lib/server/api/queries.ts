/**
 * The few reads the API needs beyond `queries/facts.ts` and `export.ts`: the JSON rows of a
 * value download (same rows, same order as the canonical CSV, plus the source's annotations),
 * releases, indicators present in a territory, published rates, value counts.
 */
import type Database from 'better-sqlite3';
import { LEVEL_RANK, observationsAs, valueFilterClauses, type ValueFilter } from '../export';
import type { Level } from '../queries/facts';

export interface ValueRecord {
	maille: Level;
	code_territoire: string;
	territoire_id: string;
	territoire: string;
	date: string;
	valeur: number;
	qualificatif: string | null;
	note: string | null;
}

/**
 * One indicator's values under a filter. The conditions are `export.ts`'s (`valueFilterClauses`),
 * so the JSON and CSV downloads hold the same rows (tested).
 */
export function valueRecords(client: Database.Database, indicatorId: number, filter: Omit<ValueFilter, 'indicators'>): ValueRecord[] {
	const { clauses, params } = valueFilterClauses(filter);
	const from = observationsAs(filter.asOf);
	return client
		.prepare(
			`SELECT t.level AS maille, t.insee_code AS code_territoire, t.code AS territoire_id, t.name AS territoire, o.date, o.value AS valeur,
			   o.qualifier AS qualificatif, o.note
			 FROM ${from.sql} JOIN territories t ON t.id = o.territory_id JOIN indicators i ON i.id = o.indicator_id
			 WHERE ${['o.indicator_id = ?', ...clauses].join(' AND ')} ORDER BY ${LEVEL_RANK}, t.insee_code, o.date`
		)
		.all(...from.params, indicatorId, ...params) as ValueRecord[];
}

export interface ReleaseRecord {
	id: number;
	importedAt: string;
	sourceUpdatedAt: string | null;
	rowsRead: number;
	inserted: number;
	revised: number;
	unchanged: number;
	withdrawn: number;
	skipped: number;
	/** The release a rollback undid; null for an import. */
	undoes: number | null;
	note: string | null;
	files: { nom: string; format: string | null; type: string | null; lignes: number | null; sha256: string | null }[];
}

/** Every release, newest first. File paths are reduced to their name (no server paths in public). */
export function allReleases(client: Database.Database): ReleaseRecord[] {
	const rows = client
		.prepare(
			`SELECT id, imported_at AS importedAt, source_updated_at AS sourceUpdatedAt, rows_read AS rowsRead, inserted, revised, unchanged,
			   withdrawn, skipped, undoes, note, files
			 FROM releases ORDER BY id DESC`
		)
		.all() as (Omit<ReleaseRecord, 'files'> & { files: string })[];
	return rows.map(({ files, ...release }) => ({ ...release, files: publicFiles(files) }));
}

function publicFiles(json: string): ReleaseRecord['files'] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(json);
	} catch {
		return [];
	}
	if (!Array.isArray(parsed)) return [];
	return parsed.map((f: Record<string, unknown>) => ({
		nom: typeof f.path === 'string' ? f.path.split(/[\\/]/).filter(Boolean).slice(-2).join('/') : '',
		format: typeof f.format === 'string' ? f.format : null,
		type: typeof f.kind === 'string' ? f.kind : null,
		lignes: typeof f.rows === 'number' ? f.rows : null,
		sha256: typeof f.sha256 === 'string' ? f.sha256 : null
	}));
}

/** Store ids of the indicators with a value or a target in a territory. */
export function indicatorIdsIn(client: Database.Database, territoryId: number): Set<number> {
	const rows = client
		.prepare(
			`SELECT i.id FROM indicators i
			 WHERE EXISTS (SELECT 1 FROM observations o WHERE o.indicator_id = i.id AND o.territory_id = ?)
			    OR EXISTS (SELECT 1 FROM targets g WHERE g.indicator_id = i.id AND g.territory_id = ?)`
		)
		.all(territoryId, territoryId) as { id: number }[];
	return new Set(rows.map((r) => r.id));
}

/** The latest rate the source published (DITP `indic_ta`), if any. */
export function latestPublishedRate(client: Database.Database, indicatorId: number, territoryId: number): { date: string; taux: number } | null {
	return (
		(client
			.prepare('SELECT date, rate AS taux FROM published_rates WHERE indicator_id = ? AND territory_id = ? ORDER BY date DESC LIMIT 1')
			.get(indicatorId, territoryId) as { date: string; taux: number } | undefined) ?? null
	);
}

export interface IndicatorSourceRecord {
	code: string;
	policyId: string;
	producer: string;
	licence: string;
	sourceUrl: string | null;
	sourceUpdatedAt: string | null;
}

/** Policy, producer, licence and source of some indicators (one statement), by code. */
export function indicatorSources(client: Database.Database, codes: readonly string[]): Map<string, IndicatorSourceRecord> {
	if (codes.length === 0) return new Map();
	const rows = client
		.prepare(
			`SELECT i.code, i.policy_id AS policyId, i.producer, i.licence, i.source_url AS sourceUrl, i.source_updated_at AS sourceUpdatedAt
			 FROM indicators i WHERE i.code IN (SELECT value FROM json_each(?))`
		)
		.all(JSON.stringify(codes)) as IndicatorSourceRecord[];
	return new Map(rows.map((r) => [r.code, r]));
}

/** Number of values per indicator code. */
export function valueCounts(client: Database.Database): Map<string, number> {
	const rows = client
		.prepare('SELECT i.code, count(o.indicator_id) AS n FROM indicators i LEFT JOIN observations o ON o.indicator_id = i.id GROUP BY i.id')
		.all() as { code: string; n: number }[];
	return new Map(rows.map((r) => [r.code, r.n]));
}

/** Number of baseline and target records per indicator code. */
export function targetCounts(client: Database.Database): Map<string, number> {
	const rows = client
		.prepare('SELECT i.code, count(g.indicator_id) AS n FROM indicators i LEFT JOIN targets g ON g.indicator_id = i.id GROUP BY i.id')
		.all() as { code: string; n: number }[];
	return new Map(rows.map((r) => [r.code, r.n]));
}

/** The store's version as seen by this connection: it moves when an import commits. */
export function dataVersion(client: Database.Database): number {
	return client.pragma('data_version', { simple: true }) as number;
}
