/**
 * Representations of the API's resources: the canonical CSV (from `export.ts`, with formula
 * neutralisation), the JSON shapes (French keys, like the CSV columns), and the source and licence
 * every response carries.
 *
 * Formula injection: the CSV writer (`$lib/csv/write`) neutralises every text cell; here, TEXT
 * columns of the Table Schema (type `string`) are neutralised too even when a value is a number,
 * which the xlsx sheets share. Number columns are never touched (-3 stays -3).
 */
import type Database from 'better-sqlite3';
import { FORMULA_TRIGGER, neutralise, toCsv, type CsvCell } from '../../csv/write';
import { formatOn, formatUpdated } from '../../format';
import type { ProgressSummary } from '../../indicator-summary';
import { statusPhrase } from '../../progress';
import { VALUE_EXPORT_COLUMNS, valueRows, type ValueFilter } from '../export';
import type { CompareCell, CompareIndicator, CompareTerritory, Comparison } from '../queries/compare';
import type { IndicatorMeta, Territory } from '../queries/facts';
import type { ReleaseInfo } from '../queries/releases';
import avancements from '../../../../db/schemas/avancements.schema.json';
import cibles from '../../../../db/schemas/cibles.schema.json';
import entites from '../../../../db/schemas/entites.schema.json';
import indicateurs from '../../../../db/schemas/indicateurs.schema.json';
import sources from '../../../../db/schemas/sources.schema.json';
import valeurs from '../../../../db/schemas/valeurs.schema.json';
import type { IndicatorSourceRecord, ReleaseRecord } from './queries';

// ---------------------------------------------------------------- licence and source

export const ETALAB = {
	nom: 'Licence Ouverte / Etalab 2.0',
	url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/'
} as const;
export const SITE_NAME = 'Baromètre des résultats de l’action publique';
/** Where the site explains licences that are not the Licence Ouverte. */
export const LICENCE_PAGE = '/donnees#licence';

/**
 * True when a licence text is the Licence Ouverte (Etalab 2.0) alone: not one source among others
 * (« selon la source : … », `|`), nor one to be checked (« (non vérifiée) », « en principe »).
 */
export function isEtalab(licence: string): boolean {
	return /^licence ouverte/i.test(licence.trim()) && !/[|;]|non vérifiée|en principe|selon la source/i.test(licence);
}

export function licenceUrl(licence: string): string {
	return isEtalab(licence) ? ETALAB.url : LICENCE_PAGE;
}

/** « Baromètre … (DITP et producteurs cités), données mises à jour le 13 novembre 2025 — Licence Ouverte / Etalab 2.0 »: the data's date (its newest source), never the day the store was built. */
export function siteAttribution(release: ReleaseInfo | null): string {
	const date = release?.dataUpdatedAt ? `, données mises à jour ${formatOn(release.dataUpdatedAt)}` : '';
	return `${SITE_NAME} (DITP et producteurs cités)${date} — ${ETALAB.nom}`;
}

export function indicatorAttribution(meta: IndicatorMeta): string {
	const date = meta.sourceUpdatedAt ? `, ${formatUpdated(meta.sourceUpdatedAt)}` : '';
	return `${meta.producer}${date} — ${meta.licence}`;
}

export interface SourceJson {
	source: { producteur: string; url: string | null; date_mise_a_jour: string | null; donnees_importees_le: string | null };
	licence: { nom: string; url: string; attribution: string };
}

/** For site-wide resources: the DITP and the producers it cites, Licence Ouverte unless stated. */
export function siteSource(release: ReleaseInfo | null): SourceJson {
	return {
		source: {
			producteur: 'DITP et producteurs cités (champ « producteur » de chaque indicateur)',
			url: '/donnees',
			date_mise_a_jour: release?.sourceUpdatedAt ?? null,
			donnees_importees_le: release?.importedAt ?? null
		},
		licence: { nom: `${ETALAB.nom}, sauf mention contraire (champ « licence » de chaque indicateur)`, url: ETALAB.url, attribution: siteAttribution(release) }
	};
}

export function indicatorSource(meta: IndicatorMeta, release: ReleaseInfo | null): SourceJson {
	return {
		source: {
			producteur: meta.producer,
			url: meta.sourceUrl,
			date_mise_a_jour: meta.sourceUpdatedAt,
			donnees_importees_le: release?.importedAt ?? null
		},
		licence: { nom: meta.licence, url: licenceUrl(meta.licence), attribution: indicatorAttribution(meta) }
	};
}

// ---------------------------------------------------------------- canonical CSV, neutralised

export type CanonicalFile = 'valeurs' | 'cibles' | 'indicateurs' | 'sources' | 'entites' | 'avancements';

export interface TableSchemaField {
	name: string;
	type: string;
	description?: string;
	constraints?: { required?: boolean; enum?: string[]; pattern?: string; minimum?: number; maximum?: number };
}
export interface TableSchemaJson {
	name: string;
	title: string;
	description: string;
	fields: TableSchemaField[];
	primaryKey: string[];
	missingValues: string[];
}

/** The Table Schemas of the canonical files (db/schemas/), the import's own. */
export const TABLE_SCHEMAS: Record<CanonicalFile, TableSchemaJson> = { valeurs, cibles, indicateurs, sources, entites, avancements };

// Formula neutralisation lives in the one CSV writer; the xlsx cells use the same rule.
export { FORMULA_TRIGGER, neutralise };

/** For each column of a header: true when the schema types it as text. Unknown columns count as text. */
export function textColumns(kind: CanonicalFile, header: readonly string[]): boolean[] {
	const types = new Map(TABLE_SCHEMAS[kind].fields.map((f) => [f.name, f.type]));
	return header.map((name) => (types.get(name) ?? 'string') === 'string');
}

export function neutraliseRow(row: readonly CsvCell[], text: readonly boolean[]): CsvCell[] {
	return row.map((cell, i) => (text[i] ? (neutralise(cell) as CsvCell) : cell));
}

/** Neutralised canonical CSV of a table (header + rows). */
export function safeTableCsv(kind: CanonicalFile, table: { header: readonly string[]; rows: Iterable<readonly CsvCell[]> }): string {
	return safeCsv(table.header, table.rows, textColumns(kind, table.header));
}

/** Neutralised CSV of any header and rows, `text` marking the text columns. */
export function safeCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, text: readonly boolean[]): string {
	return toCsv(header, (function* () {
		for (const row of rows) yield neutraliseRow(row, text);
	})());
}

/** `valeurs.csv` of a download: the canonical columns and rows of `export.ts`, neutralised. */
export function valuesCsv(client: Database.Database, filter: ValueFilter): string {
	return safeTableCsv('valeurs', { header: VALUE_EXPORT_COLUMNS, rows: valueRows(client, filter) });
}

// ---------------------------------------------------------------- JSON shapes

export function indicatorLinks(code: string) {
	const base = `/api/v1/indicateurs/${encodeURIComponent(code)}`;
	return {
		self: base,
		page: `/indicateurs/${encodeURIComponent(code)}`,
		valeurs_csv: `${base}/valeurs.csv`,
		valeurs_json: `${base}/valeurs.json`,
		valeurs_xlsx: `${base}/valeurs.xlsx`,
		cibles_csv: `${base}/cibles.csv`,
		cibles_json: `${base}/cibles.json`
	};
}

export function indicatorJson(meta: IndicatorMeta) {
	return {
		id: meta.code,
		nom: meta.name,
		description: meta.description,
		famille: { id: meta.family.id, nom: meta.family.name },
		theme: meta.theme ? { id: meta.theme.id, nom: meta.theme.name } : null,
		politique: { id: meta.policy.id, nom: meta.policy.name, axe: meta.policy.axis },
		unite: meta.unit,
		unite_libelle: meta.unitLabel,
		sens: meta.direction,
		cumulatif: meta.cumulative,
		frequence: meta.frequency,
		mailles: meta.levels,
		producteur: meta.producer,
		licence: meta.licence,
		url_source: meta.sourceUrl,
		date_mise_a_jour: meta.sourceUpdatedAt,
		sources_detaillees: meta.sourceIds ? meta.sourceIds.split(';').map((s) => s.trim()).filter(Boolean) : [],
		note: meta.note,
		liens: indicatorLinks(meta.code)
	};
}

export function summaryJson(summary: ProgressSummary, publishedRate: { date: string; taux: number } | null = null) {
	return {
		derniere_valeur: summary.latest
			? { date: summary.latest.date, valeur: summary.latest.value, qualificatif: summary.latest.qualifier ?? null }
			: null,
		valeur_initiale: summary.baseline ? { date: summary.baseline.date, valeur: summary.baseline.value } : null,
		cible: summary.finalTarget ? { date: summary.finalTarget.date, valeur: summary.finalTarget.value } : null,
		prochaine_cible: summary.nextTarget ? { date: summary.nextTarget.date, valeur: summary.nextTarget.value } : null,
		evolution: summary.change ? { absolue: summary.change.absolute, pourcentage: summary.change.percent } : null,
		taux_avancement: summary.rate,
		taux_avancement_publie: publishedRate,
		statut: summary.status,
		statut_date: summary.judgedAt,
		statut_libelle: statusPhrase(summary)
	};
}

export function territoryJson(t: Territory) {
	return {
		id: t.code,
		maille: t.level,
		code_insee: t.inseeCode,
		nom: t.name,
		parent: t.parentCode,
		population: t.population,
		chef_lieu: t.chefLieu,
		liens: { self: `/api/v1/territoires/${t.code}` }
	};
}

export function releaseJson(r: ReleaseRecord) {
	return {
		id: r.id,
		importee_le: r.importedAt,
		date_mise_a_jour_sources: r.sourceUpdatedAt,
		lignes_lues: r.rowsRead,
		inserees: r.inserted,
		revisees: r.revised,
		inchangees: r.unchanged,
		retirees: r.withdrawn,
		ignorees: r.skipped,
		annule: r.undoes,
		note: r.note,
		fichiers: r.files,
		changements_csv: `/api/v1/releases/${r.id}/changements.csv`
	};
}

// ---------------------------------------------------------------- comparison

/** The public filters of a comparison, as echoed in its JSON. */
export interface ComparisonFilters {
	territoires: string[];
	famille: string | null;
	theme: string | null;
}

function comparedTerritoryJson(t: CompareTerritory) {
	return {
		id: t.code,
		maille: t.level,
		code_insee: t.inseeCode,
		nom: t.name,
		population: t.population,
		liens: { self: `/api/v1/territoires/${t.code}`, page: t.href }
	};
}

function comparedValueJson(c: CompareCell) {
	return {
		territoire_id: c.code,
		date: c.date,
		valeur: c.value,
		qualificatif: c.qualifier,
		valeur_pour_100000_habitants: c.perCapita,
		ecart_france: c.gap,
		ecart_dates_differentes: c.gapDatesDiffer,
		cible: c.target ? { date: c.target.date, valeur: c.target.value } : null,
		taux_avancement: c.rate,
		statut: c.status,
		statut_date: c.verdict.judgedAt,
		statut_libelle: statusPhrase(c.verdict),
		rang: c.rank,
		territoires_classes: c.peers
	};
}

function comparedIndicatorJson(i: CompareIndicator, source: IndicatorSourceRecord | undefined, codes: readonly string[]) {
	const links = indicatorLinks(i.code);
	return {
		id: i.code,
		nom: i.name,
		famille: { id: i.family.id, nom: i.family.name },
		theme: i.theme ? { id: i.theme.id, nom: i.theme.name } : null,
		politique: { id: source?.policyId ?? null, nom: i.policy },
		unite: i.unit,
		sens: i.direction,
		pour_100000_habitants: i.perCapita,
		producteur: source?.producer ?? null,
		licence: source?.licence ?? null,
		url_source: source?.sourceUrl ?? null,
		date_mise_a_jour: source?.sourceUpdatedAt ?? null,
		liens: {
			self: links.self,
			page: links.page,
			valeurs_json: `${links.valeurs_json}?territoires=${[...codes, ...(codes.includes('FR') ? [] : ['FR'])].join(',')}`
		},
		valeurs: i.cells.map(comparedValueJson)
	};
}

/**
 * The comparison as `comparison()` returns it, with French keys: territories, France, the
 * families and themes of the indicators common to all (with counts), and per indicator one
 * entry per territory (France last).
 */
export function comparisonJson(result: Comparison, filters: ComparisonFilters, sources: Map<string, IndicatorSourceRecord>) {
	return {
		filtres: filters,
		territoires: result.territories.map(comparedTerritoryJson),
		france: result.france ? comparedTerritoryJson(result.france) : null,
		familles: result.families.map((f) => ({ id: f.id, nom: f.name, nombre: f.count })),
		themes: result.themes.map((t) => ({ id: t.id, nom: t.name, nombre: t.count })),
		nombre_communs: result.total,
		nombre: result.indicators.length,
		indicateurs: result.indicators.map((i) => comparedIndicatorJson(i, sources.get(i.code), filters.territoires))
	};
}

export function jsonBody(value: unknown): string {
	return JSON.stringify(value);
}
