/**
 * The canonical CSV files, read back from the store: `npm run export`, the seed builder and the
 * site's downloads all use these functions, so what is exported can always be imported again.
 */
import type Database from 'better-sqlite3';
import { csvLine, toCsv, type CsvCell } from '../csv/write';

/** `npm run export` and the seed write the store's text as it is (files for the importer, not spreadsheets). */
const RAW = { raw: true };
import type { Level } from './import/territories';

/** The published column order of value downloads (issue: canonical export). */
export const VALUE_EXPORT_COLUMNS = ['indicateur_id', 'indicateur', 'maille', 'code_territoire', 'territoire', 'date', 'valeur', 'unite'] as const;

export interface ValueFilter {
	indicators?: string[];
	level?: Level;
	/** Public territory codes: FR, R84, D2A. */
	territories?: string[];
	since?: string;
	until?: string;
	/** Values as they stood right after this release (0: before any); the current values when absent. */
	asOf?: number;
}

const VINTAGE_COLUMNS = 'indicator_id, territory_id, date, value, qualifier, source_id, note, release_id';

/**
 * The relation read as `o`: the current values, or the vintages that stood right after release
 * `asOf` — current rows it had published, and history rows it had published and not yet replaced.
 */
export function observationsAs(asOf: number | undefined): { sql: string; params: number[] } {
	if (asOf === undefined) return { sql: 'observations o', params: [] };
	return {
		sql: `(SELECT ${VINTAGE_COLUMNS} FROM observations WHERE release_id <= ?
		       UNION ALL SELECT ${VINTAGE_COLUMNS} FROM observation_history WHERE release_id <= ? AND replaced_by > ?) o`,
		params: [asOf, asOf, asOf]
	};
}

/** Maille order of every listing: national, then régions, then départements. */
export const LEVEL_RANK = "CASE t.level WHEN 'national' THEN 0 WHEN 'region' THEN 1 ELSE 2 END";

/**
 * SQL conditions of a value filter, on `observations o`, `indicators i` and `territories t`:
 * one definition for the exports, the site's downloads and the API.
 */
export function valueFilterClauses(filter: ValueFilter): { clauses: string[]; params: unknown[] } {
	const clauses: string[] = [];
	const params: unknown[] = [];
	if (filter.indicators?.length) {
		clauses.push(`i.code IN (${filter.indicators.map(() => '?').join(',')})`);
		params.push(...filter.indicators);
	}
	if (filter.level) {
		clauses.push('t.level = ?');
		params.push(filter.level);
	}
	if (filter.territories?.length) {
		clauses.push(`t.code IN (${filter.territories.map(() => '?').join(',')})`);
		params.push(...filter.territories);
	}
	if (filter.since) {
		clauses.push('o.date >= ?');
		params.push(filter.since);
	}
	if (filter.until) {
		// Dates of lower precision compare as their first day: `2024` <= `2024-06-30`.
		clauses.push("o.date <= ? || '\uffff'");
		params.push(filter.until);
	}
	return { clauses, params };
}

function where(filter: ValueFilter): { sql: string; params: unknown[] } {
	const { clauses, params } = valueFilterClauses(filter);
	return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Rows of the canonical value export, sorted by indicator, maille, code, date. */
export function* valueRows(client: Database.Database, filter: ValueFilter = {}): Generator<CsvCell[]> {
	const w = where(filter);
	const from = observationsAs(filter.asOf);
	const statement = client
		.prepare(
			`SELECT i.code, i.name, t.level, t.insee_code, t.name AS tname, o.date, o.value, i.unit
			 FROM ${from.sql} JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
			 ${w.sql} ORDER BY i.code, ${LEVEL_RANK}, t.insee_code, o.date`
		)
		.raw(true);
	for (const row of statement.iterate(...from.params, ...w.params) as Iterable<CsvCell[]>) yield row;
}

/** Writes the canonical value CSV chunk by chunk (a million rows never sit in one string). */
export function writeValuesCsv(client: Database.Database, write: (chunk: string) => void, filter: ValueFilter = {}): number {
	let buffer = csvLine(VALUE_EXPORT_COLUMNS, RAW);
	let count = 0;
	for (const row of valueRows(client, filter)) {
		buffer += csvLine(row, RAW);
		count++;
		if (buffer.length > 1 << 16) {
			write(buffer);
			buffer = '';
		}
	}
	write(buffer);
	return count;
}

type Table = { header: string[]; rows: CsvCell[][] };

function table(client: Database.Database, header: string[], sql: string, params: unknown[] = []): Table {
	return { header, rows: client.prepare(sql).raw(true).all(...params) as CsvCell[][] };
}

function familyClause(families: string[] | undefined, column: string): { sql: string; params: string[] } {
	if (!families?.length) return { sql: '', params: [] };
	return { sql: `WHERE ${column} IN (${families.map(() => '?').join(',')})`, params: families };
}

/** Full canonical values (with annotations) for the given families, current or as of a release. */
export function valuesTable(client: Database.Database, families?: string[], asOf?: number): Table {
	const f = familyClause(families, 'p.family_id');
	const from = observationsAs(asOf);
	return table(
		client,
		['indicateur_id', 'maille', 'code_territoire', 'date', 'valeur', 'qualificatif', 'source_id', 'note'],
		`SELECT i.code, t.level, t.insee_code, o.date, o.value, o.qualifier, o.source_id, o.note
		 FROM ${from.sql} JOIN indicators i ON i.id = o.indicator_id JOIN policies p ON p.id = i.policy_id
		 JOIN territories t ON t.id = o.territory_id ${f.sql} ORDER BY i.code, ${LEVEL_RANK}, t.insee_code, o.date`,
		[...from.params, ...f.params]
	);
}

export function indicatorsTable(client: Database.Database, families?: string[]): Table {
	const f = familyClause(families, 'p.family_id');
	return table(
		client,
		['indicateur_id', 'famille_id', 'famille', 'theme_id', 'theme', 'politique_id', 'politique', 'axe', 'nom', 'description', 'unite', 'unite_libelle', 'sens', 'cumulatif', 'frequence', 'producteur', 'licence', 'url_source', 'date_mise_a_jour', 'source_id', 'note', 'ordre'],
		`SELECT i.code, p.family_id, fa.name, th.id, th.name, p.id, p.name, p.axis, i.name, i.description, i.unit, i.unit_label,
		   i.direction, CASE WHEN i.cumulative THEN 'oui' ELSE 'non' END, i.frequency, i.producer, i.licence, i.source_url,
		   i.source_updated_at, i.source_ids, i.note, i.sort_order
		 FROM indicators i JOIN policies p ON p.id = i.policy_id JOIN families fa ON fa.id = p.family_id
		 LEFT JOIN themes th ON th.id = coalesce(i.theme_id, p.theme_id) ${f.sql} ORDER BY i.code`,
		f.params
	);
}

export function targetsTable(client: Database.Database, families?: string[], indicators?: string[]): Table {
	const clauses: string[] = [];
	const params: string[] = [];
	if (families?.length) {
		clauses.push(`p.family_id IN (${families.map(() => '?').join(',')})`);
		params.push(...families);
	}
	if (indicators?.length) {
		clauses.push(`i.code IN (${indicators.map(() => '?').join(',')})`);
		params.push(...indicators);
	}
	return table(
		client,
		['indicateur_id', 'maille', 'code_territoire', 'type', 'date', 'valeur', 'qualificatif', 'source_id', 'note'],
		`SELECT i.code, t.level, t.insee_code, g.kind, g.date, g.value, g.qualifier, g.source_id, g.note
		 FROM targets g JOIN indicators i ON i.id = g.indicator_id JOIN policies p ON p.id = i.policy_id
		 JOIN territories t ON t.id = g.territory_id ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
		 ORDER BY i.code, ${LEVEL_RANK}, t.insee_code, g.kind, g.date`,
		params
	);
}

export function ratesTable(client: Database.Database, families?: string[]): Table {
	const f = familyClause(families, 'p.family_id');
	return table(
		client,
		['indicateur_id', 'maille', 'code_territoire', 'date', 'taux'],
		`SELECT i.code, t.level, t.insee_code, r.date, r.rate
		 FROM published_rates r JOIN indicators i ON i.id = r.indicator_id JOIN policies p ON p.id = i.policy_id
		 JOIN territories t ON t.id = r.territory_id ${f.sql} ORDER BY i.code, ${LEVEL_RANK}, t.insee_code, r.date`,
		f.params
	);
}

export function sourcesTable(client: Database.Database): Table {
	return table(
		client,
		['source_id', 'producteur', 'titre', 'url', 'licence', 'licence_id', 'licence_verifiee', 'date_mise_a_jour', 'note'],
		`SELECT id, producer, title, url, licence, licence_id,
		   CASE licence_verified WHEN 1 THEN 'oui' WHEN 0 THEN 'non' END, updated_at, note FROM sources ORDER BY id`
	);
}

export function entitiesTable(client: Database.Database): Table {
	return table(
		client,
		['entite_id', 'type', 'nom', 'maille', 'code_territoire', 'date', 'attributs', 'source_id'],
		`SELECT e.id, e.kind, e.name, t.level, t.insee_code, e.date, e.attributes, e.source_ids
		 FROM entities e LEFT JOIN territories t ON t.id = e.territory_id ORDER BY e.kind, e.id`
	);
}

/** A canonical file written for the importer (seed), text as it is: never served as a download. */
export function tableCsv({ header, rows }: Table): string {
	return toCsv(header, rows, RAW);
}
