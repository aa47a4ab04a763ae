/**
 * The DITP programme pages (laboratoires, budgets, complexité, Services Publics+): which figures
 * each page shows, read from the store with their qualifier, their own sources and notes, plus the
 * list entities (labs, FTAP projects, survey waves) and the sources they cite. Typed results, no
 * shaping for display: the pages' loads and the CSV downloads both start from these functions, so
 * a download always holds exactly the figures its page shows.
 */
import type Database from 'better-sqlite3';
import type { Direction } from '../../progress';
import type { Level } from './facts';
import { isLicenceId, type LicenceId } from '../../source-text';

export type { Level };

export const PROGRAMME_PAGES = ['laboratoires', 'budgets', 'complexite', 'services-publics-plus'] as const;
export type ProgrammePage = (typeof PROGRAMME_PAGES)[number];

export function isProgrammePage(value: string): value is ProgrammePage {
	return (PROGRAMME_PAGES as readonly string[]).includes(value);
}

/** A set of values: some indicators (by code or by policy), optionally one level, optionally only each indicator's latest date there. */
export interface ValueSelection {
	indicators?: string[];
	policies?: string[];
	level?: Level;
	/** Only the latest date of each indicator at `level` (the map of « the latest figures »). */
	latestOnly?: boolean;
}

/**
 * What each page shows. Some Services Publics+ series live under the ids of other families
 * (`tx-…` from the 2017–2022 baromètre, `IND-246` from the priority policies): see
 * db/seed/programmes/SOURCES.md, « Séries communes avec les autres dossiers ».
 */
export const PAGE_SELECTIONS: Record<ProgrammePage, ValueSelection[]> = {
	laboratoires: [
		{ policies: ['reseau-labs'] },
		{ indicators: ['relance-labs-enveloppe', 'relance-labs-enveloppe-engagee', 'relance-labs-financement-par-lab'] }
	],
	budgets: [{ policies: ['ftap', 'france-relance-innovation'] }],
	complexite: [{ policies: ['barometre-complexite', 'barometre-confiance'] }],
	'services-publics-plus': [
		{ indicators: ['tx-satisfaction-usagers-services-publics', 'spp-delouvrier-satisfaction-usagers-moyenne'], level: 'national' },
		{ indicators: ['IND-246', 'tx-transparence-resultats'], level: 'national' },
		{ indicators: ['IND-246', 'tx-transparence-resultats'], level: 'departement', latestOnly: true },
		// Regional values exist only where a région is one département (overseas): the page says which.
		{ indicators: ['IND-246', 'tx-transparence-resultats'], level: 'region', latestOnly: true },
		{ policies: ['barometre-services-publics-plus', 'programme-services-publics-plus', 'resultats-services-publics-plus'] }
	]
};

/** National targets and baselines shown on each page. */
export const PAGE_TARGETS: Record<ProgrammePage, string[]> = {
	laboratoires: [],
	budgets: [],
	complexite: [],
	'services-publics-plus': ['tx-satisfaction-usagers-services-publics', 'IND-246', 'tx-transparence-resultats']
};

export interface ProgrammeIndicator {
	code: string;
	name: string;
	description: string | null;
	unit: string;
	direction: Direction;
	note: string | null;
	producer: string;
	licence: string;
	sourceUrl: string | null;
	sourceUpdatedAt: string | null;
	/** Detailed sources (`sources` table ids) the indicator cites; empty for the DITP's own series. */
	sourceIds: string[];
	policyId: string;
	policyName: string;
}

export interface ProgrammeValue {
	indicator: string;
	level: Level;
	/** Public code: `FR`, `R84`, `D2A`. */
	territory: string;
	/** INSEE code as published: `FR`, `84`, `2A`. */
	inseeCode: string;
	territoryName: string;
	/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or '' when the source gives no date. */
	date: string;
	value: number;
	/** The source's reservation: `>`, `approx.`, `pres de`… */
	qualifier: string | null;
	/** The value's own sources (empty: the indicator's sources apply). */
	sourceIds: string[];
	note: string | null;
}

export interface ProgrammeTarget {
	indicator: string;
	kind: 'initiale' | 'cible';
	date: string;
	value: number;
	qualifier: string | null;
	sourceIds: string[];
	note: string | null;
}

export interface ProgrammeSource {
	id: string;
	producer: string;
	title: string;
	url: string | null;
	/** Free text of the file: what the site shows when `licenceId` is null (older files). */
	licence: string;
	/** Structured licence (src/lib/source-text.ts words it): often not the Licence Ouverte (press pages, repositories without licence). */
	licenceId: LicenceId | null;
	licenceVerified: boolean | null;
	updatedAt: string | null;
	note: string | null;
}

/** `F13;F15` → [`F13`, `F15`]. */
export function splitSourceIds(raw: string | null | undefined): string[] {
	return (raw ?? '')
		.split(';')
		.map((s) => s.trim())
		.filter(Boolean);
}

const LEVEL_RANK = "CASE t.level WHEN 'national' THEN 0 WHEN 'region' THEN 1 ELSE 2 END";

const placeholders = (items: readonly unknown[]) => items.map(() => '?').join(',');

function selectionWhere(selection: ValueSelection): { sql: string; params: unknown[] } {
	const any: string[] = [];
	const params: unknown[] = [];
	if (selection.indicators?.length) {
		any.push(`i.code IN (${placeholders(selection.indicators)})`);
		params.push(...selection.indicators);
	}
	if (selection.policies?.length) {
		any.push(`i.policy_id IN (${placeholders(selection.policies)})`);
		params.push(...selection.policies);
	}
	// An empty selection selects nothing (never the whole store).
	const clauses = [any.length ? `(${any.join(' OR ')})` : '0'];
	if (selection.level) {
		clauses.push('t.level = ?');
		params.push(selection.level);
	}
	if (selection.latestOnly) {
		clauses.push(`o.date = (SELECT MAX(o2.date) FROM observations o2 JOIN territories t2 ON t2.id = o2.territory_id
			WHERE o2.indicator_id = o.indicator_id AND t2.level = t.level)`);
	}
	return { sql: clauses.join(' AND '), params };
}

interface ValueRow {
	indicator: string;
	level: Level;
	territory: string;
	inseeCode: string;
	territoryName: string;
	date: string;
	value: number;
	qualifier: string | null;
	sourceIds: string | null;
	note: string | null;
}

/** Values of the selections (deduplicated), sorted by indicator, level, territory, date. */
export function selectedValues(client: Database.Database, selections: ValueSelection[]): ProgrammeValue[] {
	if (selections.length === 0) return [];
	const parts = selections.map(selectionWhere);
	const rows = client
		.prepare(
			`SELECT i.code AS indicator, t.level, t.code AS territory, t.insee_code AS inseeCode, t.name AS territoryName, o.date, o.value,
			   o.qualifier, o.source_id AS sourceIds, o.note
			 FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
			 WHERE ${parts.map((p) => `(${p.sql})`).join(' OR ')}
			 ORDER BY i.code, ${LEVEL_RANK}, t.insee_code, o.date`
		)
		.all(...parts.flatMap((p) => p.params)) as ValueRow[];
	return rows.map((r) => ({ ...r, sourceIds: splitSourceIds(r.sourceIds) }));
}

interface IndicatorRow extends Omit<ProgrammeIndicator, 'sourceIds'> {
	sourceIds: string | null;
}

/** Metadata of the given indicators, by code order. */
export function indicatorsByCode(client: Database.Database, codes: readonly string[]): ProgrammeIndicator[] {
	if (codes.length === 0) return [];
	const rows = client
		.prepare(
			`SELECT i.code, i.name, i.description, i.unit, i.direction, i.note, i.producer, i.licence, i.source_url AS sourceUrl,
			   i.source_updated_at AS sourceUpdatedAt, i.source_ids AS sourceIds, p.id AS policyId, p.name AS policyName
			 FROM indicators i JOIN policies p ON p.id = i.policy_id
			 WHERE i.code IN (${placeholders(codes)}) ORDER BY i.code`
		)
		.all(...codes) as IndicatorRow[];
	return rows.map((r) => ({ ...r, sourceIds: splitSourceIds(r.sourceIds) }));
}

/** National baselines and targets of the given indicators. */
export function nationalTargets(client: Database.Database, codes: readonly string[]): ProgrammeTarget[] {
	if (codes.length === 0) return [];
	const rows = client
		.prepare(
			`SELECT i.code AS indicator, g.kind, g.date, g.value, g.qualifier, g.source_id AS sourceIds, g.note
			 FROM targets g JOIN indicators i ON i.id = g.indicator_id JOIN territories t ON t.id = g.territory_id
			 WHERE t.level = 'national' AND i.code IN (${placeholders(codes)}) ORDER BY i.code, g.kind, g.date`
		)
		.all(...codes) as (Omit<ProgrammeTarget, 'sourceIds'> & { sourceIds: string | null })[];
	return rows.map((r) => ({ ...r, sourceIds: splitSourceIds(r.sourceIds) }));
}

/** The detailed sources with these ids (unknown ids are skipped), by id. */
export function sourcesByIds(client: Database.Database, ids: Iterable<string>): ProgrammeSource[] {
	const list = [...new Set(ids)];
	if (list.length === 0) return [];
	const rows = client
		.prepare(
			`SELECT id, producer, title, url, licence, licence_id AS licenceId, licence_verified AS licenceVerified, updated_at AS updatedAt, note
			 FROM sources WHERE id IN (${placeholders(list)}) ORDER BY id`
		)
		.all(...list) as (Omit<ProgrammeSource, 'licenceVerified' | 'licenceId'> & { licenceId: string | null; licenceVerified: number | null })[];
	return rows.map((r) => ({
		...r,
		licenceId: r.licenceId && isLicenceId(r.licenceId) ? r.licenceId : null,
		licenceVerified: r.licenceVerified === null ? null : r.licenceVerified === 1
	}));
}

export interface PageData {
	indicators: ProgrammeIndicator[];
	values: ProgrammeValue[];
	targets: ProgrammeTarget[];
}

/** Every figure a programme page shows, with the metadata of their indicators and the national targets. */
export function pageFigures(client: Database.Database, page: ProgrammePage): PageData {
	const values = selectedValues(client, PAGE_SELECTIONS[page]);
	const targets = nationalTargets(client, PAGE_TARGETS[page]);
	const codes = [...new Set([...values.map((v) => v.indicator), ...targets.map((t) => t.indicator)])];
	return { indicators: indicatorsByCode(client, codes), values, targets };
}

// ---------------------------------------------------------------- list entities

interface EntityRow {
	id: string;
	name: string;
	level: Level | null;
	inseeCode: string | null;
	territoryName: string | null;
	date: string | null;
	attributes: string;
	sourceIds: string | null;
}

function entitiesOfKind(client: Database.Database, kind: string): (Omit<EntityRow, 'attributes' | 'sourceIds'> & { attributes: Record<string, unknown>; sourceIds: string[] })[] {
	const rows = client
		.prepare(
			`SELECT e.id, e.name, t.level, t.insee_code AS inseeCode, t.name AS territoryName, e.date, e.attributes, e.source_ids AS sourceIds
			 FROM entities e LEFT JOIN territories t ON t.id = e.territory_id WHERE e.kind = ? ORDER BY e.id`
		)
		.all(kind) as EntityRow[];
	return rows.map((r) => {
		const parsed: unknown = JSON.parse(r.attributes || '{}');
		const attributes = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
		return { ...r, attributes, sourceIds: splitSourceIds(r.sourceIds) };
	});
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export interface Lab {
	id: string;
	name: string;
	/** INSEE code of its région. */
	regionCode: string | null;
	regionName: string | null;
	host: string | null;
	partners: string | null;
	creationYear: number | null;
	/** How the source gives the year: `stated (L08)`, `deduced (…)`, `not found`. */
	creationYearBasis: string | null;
	/** Every year a source gives, when sources disagree (`[{ annee: 2022, source: 'L09' }, …]`). */
	creationYearsBySource: { year: number; source: string }[];
	/** The sources' disagreement on the creation, in words (LaBase, Lab Archipel). */
	creationConflictNote: string | null;
	opening: string | null;
	pia2016Laureate: string | null;
	statusNote: string | null;
	/** A source listing the lab among the active ones, and its date (`{ date: '2021-11', source: 'DOC04' }`). */
	activeAccordingTo: { date: string; source: string } | null;
	/** Indicators of the lab's own figures. */
	indicators: string[];
	sourceIds: string[];
}

function activeAccordingTo(value: unknown): { date: string; source: string } | null {
	const o = (value ?? {}) as Record<string, unknown>;
	const date = text(o.date);
	const source = text(o.source);
	return date && source ? { date, source } : null;
}

/** The territorial innovation labs listed in the sources. */
export function labs(client: Database.Database): Lab[] {
	return entitiesOfKind(client, 'laboratoire').map((e) => {
		const a = e.attributes;
		const bySource = Array.isArray(a.annees_creation_sources) ? (a.annees_creation_sources as unknown[]) : [];
		return {
			id: e.id,
			name: e.name,
			regionCode: e.level === 'region' ? e.inseeCode : null,
			regionName: e.level === 'region' ? e.territoryName : null,
			host: text(a.host),
			partners: text(a.partners),
			creationYear: num(a.creation_year),
			creationYearBasis: text(a.creation_year_basis),
			creationYearsBySource: bySource.flatMap((item) => {
				const o = (item ?? {}) as Record<string, unknown>;
				const year = num(o.annee);
				const source = text(o.source);
				return year !== null && source ? [{ year, source }] : [];
			}),
			creationConflictNote: text(a.creation_conflict_note),
			opening: text(a.opening),
			pia2016Laureate: text(a.pia_2016_laureate),
			statusNote: text(a.status_note),
			activeAccordingTo: activeAccordingTo(a.actif_selon),
			indicators: Array.isArray(a.indicateurs) ? (a.indicateurs as unknown[]).filter((x): x is string => typeof x === 'string') : [],
			sourceIds: e.sourceIds
		};
	});
}

export interface FtapProject {
	id: string;
	name: string;
	/** Date of the announcement, when the source gives one. */
	date: string | null;
	/** The call or selection, as the source names it. */
	round: string | null;
	carrier: string | null;
	/** Short label deduced from the project name (not a field of the source). */
	policyDomain: string | null;
	amountEur: number | null;
	amountQualifier: string | null;
	note: string | null;
	sourceIds: string[];
}

/** FTAP laureate projects found in the sources (not the complete list). */
export function ftapProjects(client: Database.Database): FtapProject[] {
	return entitiesOfKind(client, 'projet-ftap').map((e) => ({
		id: e.id,
		name: e.name,
		date: text(e.date),
		round: text(e.attributes.round),
		carrier: text(e.attributes.carrier),
		policyDomain: text(e.attributes.policy_domain),
		amountEur: num(e.attributes.amount_eur),
		amountQualifier: text(e.attributes.amount_qualifier),
		note: text(e.attributes.note),
		sourceIds: e.sourceIds
	}));
}

export interface SurveyWave {
	id: string;
	name: string;
	/** `particuliers`, `entreprises`, `confiance_particuliers`. */
	survey: string;
	year: string | null;
	/** False for a wave known only from its values (no entity describes it). */
	described: boolean;
	/** `2022-10-13/2022-11-26`, `2018-12/2019-01`, as the source gives it. */
	fieldwork: string | null;
	publication: string | null;
	institute: string | null;
	commissioner: string | null;
	sampleSize: number | null;
	sampleQualifier: string | null;
	lifeEvents: number | null;
	note: string | null;
	sourceIds: string[];
}

/** Survey of a complexity or trust indicator, from its id (`complexite-confiance-particuliers-…` → `confiance_particuliers`). */
export function surveyOfIndicator(code: string): string | null {
	const m = /^complexite-(confiance-particuliers|confiance-entreprises|particuliers|entreprises)-/.exec(code);
	return m ? m[1].replace('-', '_') : null;
}

/**
 * Every wave of the complexity and trust barometers that has a value: the waves the sources describe
 * (entities), plus one row per survey and year that only the values show (`described: false`, details
 * unknown, the values' sources), so that no wave whose figures are shown is left out of the list.
 */
export function surveyWaves(client: Database.Database): SurveyWave[] {
	const described = describedWaves(client);
	const rows = client
		.prepare(
			`SELECT i.code AS indicator, substr(o.date, 1, 4) AS year, COALESCE(o.source_id, i.source_ids) AS sourceIds
			 FROM observations o JOIN indicators i ON i.id = o.indicator_id
			 WHERE i.policy_id IN ('barometre-complexite', 'barometre-confiance') AND o.date <> ''`
		)
		.all() as { indicator: string; year: string; sourceIds: string | null }[];
	const fromValues = new Map<string, { survey: string; year: string; sources: Set<string> }>();
	for (const r of rows) {
		const survey = surveyOfIndicator(r.indicator);
		if (!survey || described.some((w) => w.survey === survey && w.year === r.year)) continue;
		const key = `${survey}|${r.year}`;
		const wave = fromValues.get(key) ?? { survey, year: r.year, sources: new Set<string>() };
		splitSourceIds(r.sourceIds).forEach((id) => wave.sources.add(id));
		fromValues.set(key, wave);
	}
	const added: SurveyWave[] = [...fromValues.values()].map((w) => ({
		id: `vague-${w.survey.replace('_', '-')}-${w.year}`,
		name: `Vague ${w.year}`,
		survey: w.survey,
		year: w.year,
		described: false,
		fieldwork: null,
		publication: null,
		institute: null,
		commissioner: null,
		sampleSize: null,
		sampleQualifier: null,
		lifeEvents: null,
		note: 'vague connue par ses chiffres seulement : les sources lues ne décrivent ni l’institut, ni le terrain, ni l’échantillon',
		sourceIds: [...w.sources].sort()
	}));
	return [...described, ...added].sort((a, b) => (a.survey < b.survey ? -1 : a.survey > b.survey ? 1 : (a.year ?? '') < (b.year ?? '') ? -1 : 1));
}

/** The waves the sources describe (entities `vague-complexite`). */
function describedWaves(client: Database.Database): SurveyWave[] {
	return entitiesOfKind(client, 'vague-complexite').map((e) => ({
		described: true,
		id: e.id,
		name: e.name,
		survey: text(e.attributes.survey) ?? '',
		year: text(e.date),
		fieldwork: text(e.attributes.fieldwork),
		publication: text(e.attributes.publication),
		institute: text(e.attributes.institute),
		commissioner: text(e.attributes.commissioner),
		sampleSize: num(e.attributes.sample_size),
		sampleQualifier: text(e.attributes.sample_qualifier),
		lifeEvents: num(e.attributes.n_life_events),
		note: text(e.attributes.note),
		sourceIds: e.sourceIds
	}));
}

/** One of the Services Publics+ engagements, in the words and numbering of the page that names it. */
export interface SppEngagement {
	id: string;
	number: number;
	text: string;
	/** The date of the page that names it. */
	date: string | null;
	sourceIds: string[];
}

/** The Services Publics+ engagements the sources name (entities `engagement-services-publics-plus`), by number. */
export function sppEngagements(client: Database.Database): SppEngagement[] {
	return entitiesOfKind(client, 'engagement-services-publics-plus')
		.map((e) => ({ id: e.id, number: num(e.attributes.numero) ?? 0, text: text(e.attributes.texte) ?? '', date: text(e.date), sourceIds: e.sourceIds }))
		.sort((a, b) => a.number - b.number);
}

/** What a programme page's sources do not give, and the source that would fill it. */
export interface SourceGap {
	id: string;
	text: string;
	/** The source that would fill the gap (its address is shown with the gap). */
	source: ProgrammeSource | null;
}

/** The gaps recorded in the seed for one programme page (entities `lacune`, attribute `page`). */
export function sourceGaps(client: Database.Database, page: ProgrammePage): SourceGap[] {
	const gaps = entitiesOfKind(client, 'lacune').filter((e) => e.attributes.page === page);
	const sources = new Map(sourcesByIds(client, gaps.flatMap((g) => g.sourceIds)).map((s) => [s.id, s]));
	return gaps.map((g) => ({ id: g.id, text: g.name, source: sources.get(g.sourceIds[0] ?? '') ?? null }));
}
