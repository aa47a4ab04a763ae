/**
 * Comparison of 2 to 13 territories (France besides) (`/comparer?t=R84,R93,D2A`): every indicator published in all
 * of them, with the latest value of each and of France, the gap to France, progress to target,
 * the rank among peers (all régions for a région, all départements for a département) and,
 * for amounts (`isCountUnit`), values per 100 000 inhabitants — ranks and gaps then use those only.
 *
 * Parameter checks (`parseCompareParams`) and the suggested comparisons of territory pages
 * (`suggestedComparison`) are pure. `comparison` runs six queries whatever the number of
 * indicators and territories: territories, indicators common to all, their observations in the
 * chosen territories and France, the targets, the peers' values at the dates shown, the themes.
 */
import type Database from 'better-sqlite3';
import { fileSlug } from '../../embed-code';
import { compareFr } from '../../format';
import { summarizeProgress, verdictOf, type DatedValue } from '../../indicator-summary';
import { statusPhrase, type Direction, type ProgressStatus, type StatusVerdict } from '../../progress';
import { VALUE_EXPORT_COLUMNS } from '../export';
import { perInhabitants, POPULATION_YEAR } from '../../per-capita';
import { MAX_TERRITORIES, MIN_TERRITORIES, sortTerritoryCodes, TERRITORY_CODE } from '../../territory-codes';
import { PAR_HABITANTS } from '../../url-state';
import { neighboursOf } from '../neighbours';
import { allTerritories, type Level, type Territory } from './facts';
import { isCountUnit } from './indicator';
import { PeerValues } from './peers';
import { byDisplayOrder, familyRank } from './overview';

export { MAX_TERRITORIES, MIN_TERRITORIES } from '../../territory-codes';

// ---------------------------------------------------------------- parameters

/** A malformed or unknown parameter: `message` and `hint` in French, for a 400. */
export class CompareParamError extends Error {
	constructor(
		message: string,
		readonly hint: string
	) {
		super(message);
	}
}

export interface CompareParams {
	/** Public codes, upper case, without duplicates, in the canonical order (`sortTerritoryCodes`: France, régions, départements). */
	codes: string[];
	famille: string | null;
	theme: string | null;
}

const FILTER_ID = /^[a-z0-9-]{1,60}$/;
const CODE_HINT =
	`Donnez de 2 à ${MAX_TERRITORIES} codes (France en plus) séparés par des virgules : R84 pour une région, D2A ou D75 pour un département, FR pour la France. Exemple : /comparer?t=R84,R93,D2A.`;

function single(params: URLSearchParams, name: string): string | null {
	const values = params.getAll(name);
	if (values.length > 1) throw new CompareParamError(`Le paramètre « ${name} » ne peut être donné qu’une fois.`, 'Retirez les doublons de l’adresse.');
	return values[0] ?? null;
}

function filterParam(params: URLSearchParams, name: 'famille' | 'theme'): string | null {
	const value = single(params, name);
	if (value === null || value === '') return null;
	if (!FILTER_ID.test(value))
		throw new CompareParamError(
			`Paramètre « ${name} » mal formé : « ${value.slice(0, 60)} ».`,
			'Un identifiant s’écrit en minuscules, chiffres et tirets (par exemple politiques-prioritaires).'
		);
	return value;
}

/**
 * The `t` list alone: split on commas, trimmed, upper-cased, duplicates dropped, `min` (2) to
 * `MAX_TERRITORIES` well-formed codes, France not counted (`min` 0 for the list an « Ajouter » form extends),
 * returned in the canonical order (France, régions, départements, by code), whatever the order given.
 */
export function parseCodes(raw: string, min = MIN_TERRITORIES): string[] {
	const codes = [...new Set(raw.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean))];
	const bad = codes.filter((c) => !TERRITORY_CODE.test(c));
	if (bad.length > 0)
		throw new CompareParamError(`Code de territoire mal formé : ${bad.map((c) => `« ${c.slice(0, 12)} »`).join(', ')}.`, CODE_HINT);
	if (codes.length < min)
		throw new CompareParamError(
			`Une comparaison demande au moins ${MIN_TERRITORIES} territoires : ${codes.length === 0 ? 'aucun n’est donné' : `seul « ${codes[0]} » est donné`}.`,
			CODE_HINT
		);
	const counted = codes.filter((c) => c !== 'FR').length;
	if (counted > MAX_TERRITORIES)
		throw new CompareParamError(
			`Une comparaison porte sur ${MAX_TERRITORIES} territoires au plus, France en plus : ${counted} sont donnés.`,
			CODE_HINT
		);
	return sortTerritoryCodes(codes);
}

/** `t` (required here), `famille`, `theme`: checked for form only; `comparison` checks they exist. */
export function parseCompareParams(params: URLSearchParams): CompareParams {
	const t = single(params, 't');
	if (t === null) throw new CompareParamError('Paramètre « t » manquant : indiquez les territoires à comparer.', CODE_HINT);
	return { codes: parseCodes(t), famille: filterParam(params, 'famille'), theme: filterParam(params, 'theme') };
}

// ---------------------------------------------------------------- suggested comparisons

export type Suggestion = 'voisins' | 'regions';

type Pickable = Pick<Territory, 'code' | 'level' | 'inseeCode' | 'parentCode'>;

/**
 * The comparison a territory page offers, at most `MAX_TERRITORIES` codes besides France, the territory first:
 * - `voisins`: the territory and the territories of its level sharing a border (France added
 *   when it has none, e.g. an island);
 * - `regions`, for a région: its neighbouring régions and France (all 18 would not fit);
 * - `regions`, for a département: the départements of its région — its neighbours there first,
 *   then by number (France when it is the only one, overseas).
 * Null for France (nothing to suggest).
 */
export function suggestedComparison(all: readonly Pickable[], code: string, kind: Suggestion): string[] | null {
	const territory = all.find((t) => t.code === code);
	if (!territory || territory.level === 'national') return null;
	const level = territory.level;
	const byInsee = (insee: string) => all.find((t) => t.level === level && t.inseeCode === insee);
	const neighbours = neighboursOf(level, territory.inseeCode)
		.map(byInsee)
		.filter((t): t is Pickable => t !== undefined);
	let codes: string[];
	if (kind === 'voisins') codes = [territory.code, ...neighbours.map((t) => t.code)];
	else if (level === 'region') codes = [territory.code, ...neighbours.map((t) => t.code).slice(0, MAX_TERRITORIES - 1), 'FR'];
	else {
		const siblings = all
			.filter((t) => t.level === 'departement' && t.parentCode === territory.parentCode && t.code !== territory.code)
			.sort((a, b) => compareFr(a.inseeCode, b.inseeCode));
		const near = siblings.filter((t) => neighbours.some((n) => n.code === t.code));
		codes = [territory.code, ...near.map((t) => t.code), ...siblings.filter((t) => !near.includes(t)).map((t) => t.code)];
	}
	codes = [...new Set(codes)].slice(0, MAX_TERRITORIES + (codes.includes('FR') ? 1 : 0));
	if (codes.length < MIN_TERRITORIES) codes.push('FR');
	return codes;
}

// ---------------------------------------------------------------- the comparison

export interface CompareTerritory {
	code: string;
	inseeCode: string;
	name: string;
	level: Level;
	population: number | null;
	/** Where its page is. */
	href: string;
}

export interface CompareCell {
	/** The territory's public code. */
	code: string;
	/** Latest dated value; null when there is none (France may have none). */
	date: string | null;
	value: number | null;
	qualifier: string | null;
	/** `value` per 100 000 inhabitants (amounts only). */
	perCapita: number | null;
	/** Value (per 100 000 for amounts) minus France's; null for France or when one is missing. */
	gap: number | null;
	/** True when the gap compares values of different dates. */
	gapDatesDiffer: boolean;
	target: DatedValue | null;
	rate: number | null;
	status: ProgressStatus | null;
	/** The status with its date and reasons. */
	verdict: StatusVerdict;
	/** 1 = most favourable among `peers` territories of its level at the same date; null for France. */
	rank: number | null;
	/** How many territories of its level have a value at that date. */
	peers: number | null;
	/** Dated values, ascending, for the small multiple: per 100 000 inhabitants for amounts. */
	series: { date: string; value: number }[];
}

export interface CompareIndicator {
	code: string;
	name: string;
	unit: string;
	direction: Direction;
	policy: string;
	theme: { id: string; name: string } | null;
	family: { id: string; name: string };
	/** An amount: shown and ranked per 100 000 inhabitants too. */
	perCapita: boolean;
	/** The source, as the indicator page states it: producer, licence, date of its last update (`AAAA`, `AAAA-MM` or `AAAA-MM-JJ`). */
	producer: string;
	licence: string;
	sourceUpdatedAt: string | null;
	/** One per chosen territory, in the chosen order, then France when it is not among them. */
	cells: CompareCell[];
}

export interface Comparison {
	territories: CompareTerritory[];
	/** France as a reference (null when it is among the chosen territories). */
	france: CompareTerritory | null;
	/** Families of the indicators common to all, and themes within the chosen family, with counts. */
	families: { id: string; name: string; count: number }[];
	themes: { id: string; name: string; count: number }[];
	/** Indicators common to all, after the filters, in the territory pages' order. */
	indicators: CompareIndicator[];
	/** Indicators common to all, before the filters. */
	total: number;
}

export const territoryHref = (t: Pick<Territory, 'level' | 'inseeCode'>) =>
	t.level === 'national' ? '/territoires/france' : `/territoires/${t.level === 'region' ? 'regions' : 'departements'}/${t.inseeCode}`;

const toCompare = (t: Territory): CompareTerritory => ({
	code: t.code,
	inseeCode: t.inseeCode,
	name: t.name,
	level: t.level,
	population: t.population,
	href: territoryHref(t)
});


interface MetaRow {
	id: number;
	code: string;
	name: string;
	unit: string;
	direction: Direction;
	frequency: string | null;
	sortOrder: number;
	policyName: string;
	themeId: string | null;
	themeName: string | null;
	familyId: string;
	familyName: string;
	producer: string;
	licence: string;
	sourceUpdatedAt: string | null;
}

/** Counts by id, sorted by `order` then name. */
function countBy(items: { id: string; name: string }[], order: (id: string) => number) {
	const counts = new Map<string, { id: string; name: string; count: number }>();
	for (const { id, name } of items) {
		const entry = counts.get(id) ?? { id, name, count: 0 };
		entry.count++;
		counts.set(id, entry);
	}
	return [...counts.values()].sort((a, b) => order(a.id) - order(b.id) || compareFr(a.name, b.name));
}

/**
 * The comparison of `params.codes`. Throws `CompareParamError` for an unknown territory, family
 * or theme (a family or theme with no indicator common to these territories is not an error:
 * the page says so).
 */
export function comparison(client: Database.Database, params: CompareParams): Comparison {
	const all = allTerritories(client);
	const byCode = new Map(all.map((t) => [t.code, t]));
	const unknown = params.codes.filter((c) => !byCode.has(c));
	if (unknown.length > 0)
		throw new CompareParamError(
			`Territoire inconnu : ${unknown.map((c) => `« ${c} »`).join(', ')}.`,
			'Vérifiez le code (R84 pour Auvergne-Rhône-Alpes, D2A pour la Corse-du-Sud) ou cherchez le territoire avec le formulaire « Ajouter un territoire ».'
		);
	const chosen = params.codes.map((c) => byCode.get(c)!);
	const franceRecord = all.find((t) => t.level === 'national') ?? null;
	const withFrance = franceRecord && !chosen.includes(franceRecord) ? [...chosen, franceRecord] : chosen;

	if (params.famille !== null && !client.prepare('SELECT 1 FROM families WHERE id = ?').get(params.famille))
		throw new CompareParamError(`Famille inconnue : « ${params.famille} ».`, 'Retirez le paramètre « famille » pour voir toutes les familles.');
	if (params.theme !== null && !client.prepare('SELECT 1 FROM themes WHERE id = ?').get(params.theme))
		throw new CompareParamError(`Thème inconnu : « ${params.theme} ».`, 'Retirez le paramètre « theme » pour voir tous les thèmes.');

	const chosenIds = chosen.map((t) => t.id);
	const marks = (ids: unknown[]) => ids.map(() => '?').join(',');
	const meta = client
		.prepare(
			`SELECT i.id, i.code, i.name, i.unit, i.direction, i.frequency, i.sort_order AS sortOrder, p.name AS policyName,
			   th.id AS themeId, th.name AS themeName, f.id AS familyId, f.name AS familyName,
			   i.producer, i.licence, i.source_updated_at AS sourceUpdatedAt
			 FROM indicators i JOIN policies p ON p.id = i.policy_id JOIN families f ON f.id = p.family_id
			 LEFT JOIN themes th ON th.id = coalesce(i.theme_id, p.theme_id) -- the indicator's own theme first, as in facts.ts
			 WHERE i.id IN (SELECT indicator_id FROM observations WHERE territory_id IN (${marks(chosenIds)}) AND date <> ''
			                GROUP BY indicator_id HAVING count(DISTINCT territory_id) = ?)`
		)
		.all(...chosenIds, chosenIds.length) as MetaRow[];

	const families = countBy(
		meta.map((m) => ({ id: m.familyId, name: m.familyName })),
		familyRank
	);
	const themes = countBy(
		meta.filter((m) => m.themeId !== null && (params.famille === null || m.familyId === params.famille)).map((m) => ({ id: m.themeId!, name: m.themeName ?? m.themeId! })),
		() => 0
	);
	const shown = meta
		.filter((m) => (params.famille === null || m.familyId === params.famille) && (params.theme === null || m.themeId === params.theme))
		.sort(byDisplayOrder); // the page's groups, the CSV's order
	const base = {
		territories: chosen.map(toCompare),
		france: franceRecord && !chosen.includes(franceRecord) ? toCompare(franceRecord) : null,
		families,
		themes,
		total: meta.length
	};
	if (shown.length === 0) return { ...base, indicators: [] };

	// The dated observations of the chosen territories and France, in one pass.
	const ids = withFrance.map((t) => t.id);
	const series = new Map<string, { date: string; value: number; qualifier: string | null }[]>();
	for (const o of client
		.prepare(
			`SELECT indicator_id AS i, territory_id AS t, date, value, qualifier FROM observations
			 WHERE territory_id IN (${marks(ids)}) AND date <> '' ORDER BY date`
		)
		.all(...ids) as { i: number; t: number; date: string; value: number; qualifier: string | null }[]) {
		const key = `${o.i}:${o.t}`;
		let list = series.get(key);
		if (!list) series.set(key, (list = []));
		list.push({ date: o.date, value: o.value, qualifier: o.qualifier });
	}

	const targets = new Map<string, { baselines: DatedValue[]; targets: DatedValue[] }>();
	for (const r of client
		.prepare(`SELECT indicator_id AS i, territory_id AS t, kind, date, value FROM targets WHERE territory_id IN (${marks(ids)}) ORDER BY date`)
		.all(...ids) as { i: number; t: number; kind: 'initiale' | 'cible'; date: string; value: number }[]) {
		const key = `${r.i}:${r.t}`;
		let entry = targets.get(key);
		if (!entry) targets.set(key, (entry = { baselines: [], targets: [] }));
		(r.kind === 'initiale' ? entry.baselines : entry.targets).push({ date: r.date, value: r.value });
	}

	// Peers' values at the (indicator, level, date) of each chosen territory's latest value: one query.
	const latestOf = (i: number, t: number) => series.get(`${i}:${t}`)?.at(-1) ?? null;
	const peers = new PeerValues(
		client,
		shown.flatMap((m) =>
			chosen.flatMap((t) => {
				const latest = latestOf(m.id, t.id);
				return latest && t.level !== 'national' ? [{ indicatorId: m.id, level: t.level, date: latest.date }] : [];
			})
		)
	);
	const perHundredK = (value: number, population: number | null | undefined) => perInhabitants(value, population, PAR_HABITANTS);

	const indicators = shown.map((m): CompareIndicator => {
		const amount = isCountUnit(m.unit);
		const franceLatest = franceRecord ? latestOf(m.id, franceRecord.id) : null;
		const franceCompared = franceLatest
			? amount
				? perHundredK(franceLatest.value, franceRecord!.population)
				: franceLatest.value
			: null;
		const cells = withFrance.map((t): CompareCell => {
			const here = series.get(`${m.id}:${t.id}`) ?? [];
			const latest = here.at(-1) ?? null;
			const summary = summarizeProgress({ direction: m.direction, unit: m.unit, frequency: m.frequency, series: here, ...(targets.get(`${m.id}:${t.id}`) ?? { baselines: [], targets: [] }) });
			const perCapita = amount && latest ? perHundredK(latest.value, t.population) : null;
			const compared = amount ? perCapita : (latest?.value ?? null);
			const standing = latest && t.level !== 'national' ? peers.standing({ indicatorId: m.id, level: t.level, date: latest.date }, t.id, m.direction, amount) : null;
			const isFrance = t.level === 'national';
			return {
				code: t.code,
				date: latest?.date ?? null,
				value: latest?.value ?? null,
				qualifier: latest?.qualifier ?? null,
				perCapita,
				gap: !isFrance && compared !== null && franceCompared !== null ? compared - franceCompared : null,
				gapDatesDiffer: !isFrance && !!latest && !!franceLatest && latest.date !== franceLatest.date,
				target: summary.finalTarget,
				rate: summary.rate,
				status: summary.status,
				verdict: verdictOf(summary),
				rank: standing?.rank ?? null,
				peers: standing?.of ?? null,
				series: here
					.map((p) => ({ date: p.date, value: amount ? perHundredK(p.value, t.population) : p.value }))
					.filter((p): p is { date: string; value: number } => p.value !== null)
			};
		});
		return {
			code: m.code,
			name: m.name,
			unit: m.unit,
			direction: m.direction,
			policy: m.policyName,
			theme: m.themeId ? { id: m.themeId, name: m.themeName ?? m.themeId } : null,
			family: { id: m.familyId, name: m.familyName },
			perCapita: amount,
			producer: m.producer,
			licence: m.licence,
			sourceUpdatedAt: m.sourceUpdatedAt,
			cells
		};
	});
	return { ...base, indicators };
}

/**
 * The CSV's file name, saying what it holds: `comparaison-R84-R93-D2A.csv`, with the filters
 * (`…-politiques-prioritaires-sante.csv`) and, for one indicator, its code and name cut between
 * words (`comparaison-R84-R93-D2A-IND-200-taux-de-couverture-des-18-ans.csv`).
 */
export function comparisonFileName(params: CompareParams, indicator?: Pick<CompareIndicator, 'code' | 'name'>): string {
	const parts = ['comparaison', ...params.codes, params.famille, params.theme];
	if (indicator) parts.push(indicator.code, fileSlug(indicator.name, 60));
	return `${parts.filter(Boolean).join('-')}.csv`;
}

/** The comparison of one of its indicators only (null when it does not show that indicator). */
export function onlyIndicator(result: Comparison, code: string): Comparison | null {
	const indicator = result.indicators.find((i) => i.code === code);
	return indicator ? { ...result, indicators: [indicator] } : null;
}

/**
 * The columns of the comparison's CSV: the canonical value columns first, then what the page
 * shows beside each value — per 100 000 inhabitants and the population used with its year (amounts only, as the map CSV), the
 * gap to France, the rank among peers, the dated status — and each indicator's source and licence.
 */
export const COMPARISON_CSV_COLUMNS = [
	...VALUE_EXPORT_COLUMNS,
	'qualificatif',
	'valeur_pour_100000_habitants',
	'population',
	'annee_population',
	'ecart_france',
	'ecart_dates_differentes',
	'rang',
	'territoires_classes',
	'statut',
	'statut_libelle',
	'statut_date',
	'source',
	'licence',
	'source_mise_a_jour'
] as const;

/** The year of a territory's population (Insee, population municipale; Mayotte's communes carry the 2017 census). */
export const populationYear = (code: string): number => (code === 'D976' || code === 'R06' ? 2017 : POPULATION_YEAR);

/**
 * Rows of the comparison's CSV (`COMPARISON_CSV_COLUMNS`): one per value the page shows, territory
 * by territory then France, indicator by indicator in the page's order. A territory without a
 * value is left out (the page shows « — »).
 */
export function comparisonCsvRows(result: Comparison): (string | number | null)[][] {
	const territories = new Map([...result.territories, ...(result.france ? [result.france] : [])].map((t) => [t.code, t]));
	return result.indicators.flatMap((indicator) =>
		indicator.cells
			.filter((c) => c.value !== null && c.date !== null)
			.map((c) => {
				const t = territories.get(c.code)!;
				const amount = indicator.perCapita;
				return [
					indicator.code,
					indicator.name,
					t.level,
					t.inseeCode,
					t.name,
					c.date!,
					c.value!,
					indicator.unit,
					c.qualifier,
					amount ? c.perCapita : null,
					amount ? t.population : null,
					amount && t.population ? populationYear(t.code) : null,
					c.gap,
					c.gap === null ? null : c.gapDatesDiffer ? 'oui' : 'non',
					c.rank,
					c.peers,
					c.status,
					statusPhrase(c.verdict),
					c.verdict.judgedAt,
					indicator.producer,
					indicator.licence,
					indicator.sourceUpdatedAt
				];
			})
	);
}
