/**
 * Territory pages (France, a région, a département): the territory and its relatives, and every
 * indicator published there, grouped by family and policy, with its latest value, progress and
 * status, its series (sparkline), and the latest value of its région and of France beside it.
 *
 * A page costs six small queries whatever the number of indicators: all territories (120 rows),
 * the families, the COG year, the indicators present, the observations of the territory and of its
 * comparisons in one pass, the territory's targets. The chef-lieu's name comes from the search
 * index (in memory).
 */
import type Database from 'better-sqlite3';
import { summarizeProgress, verdictOf, type DatedValue } from '../../indicator-summary';
import { compareFr } from '../../format';
import type { Direction, ProgressStatus, StatusVerdict } from '../../progress';
import { neighboursOf } from '../neighbours';
import { allTerritories, type Level, type Territory } from './facts';
import { FAMILY_ORDER } from './overview';
import { searchIndex } from './search';
import { revisionKey, revisionsOf, type Revision } from './vintages';

export interface LatestValue {
	/** '' when the source does not date the value. */
	date: string;
	value: number;
	qualifier: string | null;
}

export interface SeriesPoint {
	date: string;
	value: number;
}

export interface IndicatorLine {
	code: string;
	name: string;
	unit: string;
	direction: Direction;
	/** Latest dated value here (an undated one when there is nothing else). */
	latest: LatestValue | null;
	/** The target the rate refers to (latest-dated `cible`), here. */
	target: DatedValue | null;
	/** 0–100, unrounded; null without baseline, target or direction. */
	rate: number | null;
	status: ProgressStatus | null;
	/** The status with its date and reasons. */
	verdict: StatusVerdict;
	/** Dated values here, in date order. */
	series: SeriesPoint[];
	/** Latest value in the région (département pages only). */
	region: LatestValue | null;
	/** Latest value in France (région and département pages). */
	france: LatestValue | null;
	/** When the latest value here was revised: when, and the value first published. */
	revision: Revision | null;
}

export interface PolicyGroup {
	id: string;
	name: string;
	theme: string | null;
	indicators: IndicatorLine[];
}

export interface FamilyGroup {
	id: string;
	name: string;
	indicatorCount: number;
	policies: PolicyGroup[];
}

export interface TerritoryLink {
	code: string;
	inseeCode: string;
	name: string;
	population: number | null;
	/** France page: the départements of each région. */
	children?: TerritoryLink[];
}

export interface TerritoryPage {
	territory: Territory;
	cogYear: number | null;
	/** Name of the chef-lieu commune (the préfecture of a département or a région). */
	chefLieuName: string | null;
	/** The région of a département. */
	region: TerritoryLink | null;
	/**
	 * The régions of France (by name, each with its départements) or the départements of a région
	 * (by code); empty for a département.
	 */
	children: TerritoryLink[];
	/** Territories of the same level sharing a border, in French alphabetical order. */
	neighbours: TerritoryLink[];
	/** Every family of the store, for the filter (with the number of indicators here). */
	families: { id: string; name: string; count: number }[];
	/** The indicators here, by family (only the chosen one when filtered) and policy. */
	groups: FamilyGroup[];
}

const link = (t: Territory): TerritoryLink => ({ code: t.code, inseeCode: t.inseeCode, name: t.name, population: t.population });
const byName = (a: TerritoryLink, b: TerritoryLink) => compareFr(a.name, b.name);
const byCode = (a: TerritoryLink, b: TerritoryLink) => compareFr(a.inseeCode, b.inseeCode);
const familyRank = (id: string) => (FAMILY_ORDER.includes(id) ? FAMILY_ORDER.indexOf(id) : FAMILY_ORDER.length);

interface MetaRow {
	id: number;
	code: string;
	name: string;
	unit: string;
	direction: Direction;
	frequency: string | null;
	sortOrder: number;
	policyId: string;
	policyName: string;
	theme: string | null;
	familyId: string;
	familyName: string;
}

interface ObservationRow {
	i: number;
	t: number;
	date: string;
	value: number;
	qualifier: string | null;
}

/** Latest dated value of a date-sorted series; an undated value when there is no dated one. */
function latestOf(rows: readonly ObservationRow[] | undefined): LatestValue | null {
	if (!rows || rows.length === 0) return null;
	const dated = rows.filter((r) => r.date !== '');
	const r = dated.at(-1) ?? rows[0];
	return { date: r.date, value: r.value, qualifier: r.qualifier };
}

/**
 * The indicators published in `territory`, grouped, with the latest values of `regionId` and
 * `franceId` beside them (null to leave a comparison out). `familyId` keeps one family.
 */
export function indicatorsIn(
	client: Database.Database,
	territory: Pick<Territory, 'id'>,
	comparisons: { regionId: number | null; franceId: number | null },
	familyId: string | null = null
): { groups: FamilyGroup[]; counts: Map<string, number> } {
	const meta = client
		.prepare(
			`SELECT i.id, i.code, i.name, i.unit, i.direction, i.frequency, i.sort_order AS sortOrder, p.id AS policyId, p.name AS policyName,
			   th.name AS theme, f.id AS familyId, f.name AS familyName
			 FROM indicators i JOIN policies p ON p.id = i.policy_id JOIN families f ON f.id = p.family_id
			 LEFT JOIN themes th ON th.id = coalesce(i.theme_id, p.theme_id) -- the indicator's own theme first, as in facts.ts
			 WHERE i.id IN (SELECT DISTINCT indicator_id FROM observations WHERE territory_id = ?)`
		)
		.all(territory.id) as MetaRow[];

	const counts = new Map<string, number>();
	for (const m of meta) counts.set(m.familyId, (counts.get(m.familyId) ?? 0) + 1);
	const shown = familyId ? meta.filter((m) => m.familyId === familyId) : meta;
	if (shown.length === 0) return { groups: [], counts };

	// One pass over the observations of the territory and its comparisons (primary-key skip-scan).
	const ids = [territory.id, comparisons.regionId, comparisons.franceId].filter((id): id is number => id !== null);
	const observations = client
		.prepare(
			`SELECT indicator_id AS i, territory_id AS t, date, value, qualifier FROM observations
			 WHERE territory_id IN (${ids.map(() => '?').join(',')}) ORDER BY date`
		)
		.all(...ids) as ObservationRow[];
	const series = new Map<string, ObservationRow[]>();
	for (const o of observations) {
		const key = `${o.i}:${o.t}`;
		let list = series.get(key);
		if (!list) series.set(key, (list = []));
		list.push(o);
	}

	const targetRows = client
		.prepare('SELECT indicator_id AS i, kind, date, value FROM targets WHERE territory_id = ? ORDER BY date')
		.all(territory.id) as { i: number; kind: 'initiale' | 'cible'; date: string; value: number }[];
	const targets = new Map<number, { baselines: DatedValue[]; targets: DatedValue[] }>();
	for (const r of targetRows) {
		let t = targets.get(r.i);
		if (!t) targets.set(r.i, (t = { baselines: [], targets: [] }));
		(r.kind === 'initiale' ? t.baselines : t.targets).push({ date: r.date, value: r.value });
	}

	const sorted = [...shown].sort(
		(a, b) =>
			familyRank(a.familyId) - familyRank(b.familyId) ||
			compareFr(a.familyName, b.familyName) ||
			compareFr(a.policyName, b.policyName) ||
			a.sortOrder - b.sortOrder ||
			compareFr(a.name, b.name)
	);
	const latestHere = new Map(sorted.map((m) => [m.id, latestOf(series.get(`${m.id}:${territory.id}`))]));
	const revisions = revisionsOf(
		client,
		sorted.flatMap((m) => {
			const latest = latestHere.get(m.id);
			return latest ? [{ indicatorId: m.id, territoryId: territory.id, date: latest.date }] : [];
		})
	);
	const groups: FamilyGroup[] = [];
	for (const m of sorted) {
		let family = groups.at(-1);
		if (family?.id !== m.familyId) groups.push((family = { id: m.familyId, name: m.familyName, indicatorCount: 0, policies: [] }));
		let policy = family.policies.at(-1);
		if (policy?.id !== m.policyId) family.policies.push((policy = { id: m.policyId, name: m.policyName, theme: m.theme, indicators: [] }));
		const here = series.get(`${m.id}:${territory.id}`) ?? [];
		const summary = summarizeProgress({
			direction: m.direction,
			unit: m.unit,
			frequency: m.frequency,
			series: here,
			...(targets.get(m.id) ?? { baselines: [], targets: [] })
		});
		policy.indicators.push({
			code: m.code,
			name: m.name,
			unit: m.unit,
			direction: m.direction,
			latest: latestHere.get(m.id) ?? null,
			target: summary.finalTarget,
			rate: summary.rate,
			status: summary.status,
			verdict: verdictOf(summary),
			series: here.filter((o) => o.date !== '').map((o) => ({ date: o.date, value: o.value })),
			region: comparisons.regionId === null ? null : latestOf(series.get(`${m.id}:${comparisons.regionId}`)),
			france: comparisons.franceId === null ? null : latestOf(series.get(`${m.id}:${comparisons.franceId}`)),
			revision: (() => {
				const latest = latestHere.get(m.id);
				return latest ? (revisions.get(revisionKey({ indicatorId: m.id, territoryId: territory.id, date: latest.date })) ?? null) : null;
			})()
		});
		family.indicatorCount++;
	}
	return { groups, counts };
}

export class FamilyParamError extends Error {}

/** Everything a territory page shows; null when no territory has that public code at that level. */
export function territoryPage(client: Database.Database, level: Level, code: string, familyId: string | null = null): TerritoryPage | null {
	const all = allTerritories(client);
	const territory = all.find((t) => t.code === code && t.level === level);
	if (!territory) return null;
	const families = client.prepare('SELECT id, name FROM families').all() as { id: string; name: string }[];
	if (familyId !== null && !families.some((f) => f.id === familyId))
		throw new FamilyParamError(
			`Famille inconnue : « ${familyId} ». Valeurs acceptées : ${families
				.map((f) => f.id)
				.sort()
				.join(', ')}.`
		);
	const cogYear = (client.prepare('SELECT max(cog_year) AS y FROM territories').get() as { y: number | null }).y;

	const france = all.find((t) => t.level === 'national') ?? null;
	const region = level === 'departement' ? (all.find((t) => t.code === territory.parentCode) ?? null) : null;
	const childrenOf = (parent: Territory) => all.filter((t) => t.parentCode === parent.code).map(link);
	const children =
		level === 'national'
			? childrenOf(territory)
					.sort(byName)
					.map((r) => ({ ...r, children: childrenOf(all.find((t) => t.code === r.code)!).sort(byCode) }))
			: level === 'region'
				? childrenOf(territory).sort(byCode)
				: [];
	const neighbours =
		level === 'national'
			? []
			: neighboursOf(level, territory.inseeCode)
					.map((insee) => all.find((t) => t.level === level && t.inseeCode === insee))
					.filter((t): t is Territory => t !== undefined)
					.map(link)
					.sort(byName);

	const { groups, counts } = indicatorsIn(
		client,
		territory,
		{ regionId: region?.id ?? null, franceId: level === 'national' ? null : (france?.id ?? null) },
		familyId
	);
	return {
		territory,
		cogYear,
		chefLieuName: territory.chefLieu ? (searchIndex(client).communeNames.get(territory.chefLieu) ?? null) : null,
		region: region ? link(region) : null,
		children,
		neighbours,
		families: families
			.map((f) => ({ ...f, count: counts.get(f.id) ?? 0 }))
			.filter((f) => f.count > 0 || f.id === familyId)
			.sort((a, b) => familyRank(a.id) - familyRank(b.id) || compareFr(a.name, b.name)),
		groups
	};
}
