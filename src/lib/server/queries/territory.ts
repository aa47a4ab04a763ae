/**
 * Territory pages (France, a région, a département): the territory and its relatives, and every
 * indicator published there, grouped by family, theme and policy, with its latest value, progress and
 * dated status, the latest value of its région and of France beside it, and its rank among the
 * territories of its level; amounts (`isCountUnit`) also per 100 000 inhabitants, and ranked so.
 * The families and themes present, for the filters, with one state line per family.
 *
 * A page costs eight small queries whatever the number of indicators: all territories (120 rows),
 * the filters' checks, the COG year, the indicators present, the observations of the territory and
 * of its comparisons in one pass, the territory's targets, the revisions, the peers' values at the
 * dates shown. The chef-lieu's name comes from the search index (in memory).
 */
import type Database from 'better-sqlite3';
import { summarizeProgress, verdictOf, type DatedValue } from '../../indicator-summary';
import { compareFr } from '../../format';
import type { Standing } from '../../peer-rank';
import { perInhabitants } from '../../per-capita';
import type { Direction, ProgressStatus, StatusVerdict } from '../../progress';
import { statusLine } from '../../status-summary';
import { neighboursOf } from '../neighbours';
import { allTerritories, type Level, type Territory } from './facts';
import { isCountUnit } from './indicator';
import { PeerValues } from './peers';
import { byDisplayOrder } from './overview';
import { searchIndex } from './search';
import { revisionKey, revisionsOf, type Revision } from './vintages';

export interface LatestValue {
	/** '' when the source does not date the value. */
	date: string;
	value: number;
	qualifier: string | null;
	/** For an amount: the value per 100 000 inhabitants of its territory (null without a population); null otherwise. */
	perCapita: number | null;
}

export interface IndicatorLine {
	code: string;
	name: string;
	unit: string;
	direction: Direction;
	/** An amount (`isCountUnit`): compared and ranked per 100 000 inhabitants, the raw value beside. */
	amount: boolean;
	/** Latest dated value here (an undated one when there is nothing else): every indicator listed has one. */
	latest: LatestValue;
	/** The target the rate refers to (latest-dated `cible`), here. */
	target: DatedValue | null;
	/** 0–100, unrounded; null without baseline, target or direction. */
	rate: number | null;
	status: ProgressStatus | null;
	/** The status with its date and reasons. */
	verdict: StatusVerdict;
	/** Latest value in the région (département pages only). */
	region: LatestValue | null;
	/** Latest value in France (région and département pages). */
	france: LatestValue | null;
	/**
	 * Rank among the territories of the same level with a value at the date of the latest value
	 * here (per 100 000 inhabitants for an amount); null for France or when not rankable.
	 */
	standing: Standing | null;
	/** When the latest value here was revised: when, and the value first published. */
	revision: Revision | null;
}

/** A policy's indicators of one theme (a policy whose indicators have two themes comes once under each). */
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

/** A family or a theme of the indicators published here, for the filters. */
export interface FilterOption {
	id: string;
	name: string;
	/** Indicators here (for a theme: within the family shown). */
	count: number;
}

export interface TerritoryPage {
	territory: Territory;
	cogYear: number | null;
	/** Name of the chef-lieu commune (the préfecture of a département or a région). */
	chefLieuName: string | null;
	/** The région of a département. */
	region: TerritoryLink | null;
	/** France, beside a région or a département (null on the France page). */
	france: TerritoryLink | null;
	/**
	 * The régions of France (by name, each with its départements) or the départements of a région
	 * (by code); empty for a département.
	 */
	children: TerritoryLink[];
	/** Territories of the same level sharing a border, in French alphabetical order. */
	neighbours: TerritoryLink[];
	/** The families of the indicators here, each with its one-line state (`statusLine`) over all its indicators here. */
	families: (FilterOption & { line: string })[];
	/** The themes of the indicators here (within the chosen family), by name, for the filter. */
	themes: FilterOption[];
	/** Indicators here, all families and themes. */
	total: number;
	/**
	 * The family shown: the one asked for, else the first here (priority policies first). One family
	 * at a time keeps a page under 2 000 elements and 150 kB of HTML: a département holds about 120
	 * indicators in two families, France over 400 in six.
	 */
	famille: string | null;
	/** The indicators of that family here that pass the theme filter, by policy (one group, or none). */
	groups: FamilyGroup[];
}

export interface TerritoryFilters {
	famille?: string | null;
	theme?: string | null;
}

/** A filter naming no family or theme of the store: `message` and `hint` in French, for a 400. */
export class FilterParamError extends Error {
	constructor(
		message: string,
		readonly hint: string
	) {
		super(message);
	}
}

const link = (t: Territory): TerritoryLink => ({ code: t.code, inseeCode: t.inseeCode, name: t.name, population: t.population });
const byName = (a: TerritoryLink, b: TerritoryLink) => compareFr(a.name, b.name);
const byCode = (a: TerritoryLink, b: TerritoryLink) => compareFr(a.inseeCode, b.inseeCode);

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
	themeId: string | null;
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

/** A comparison territory: its id and population (for values per 100 000 inhabitants). */
type Place = Pick<Territory, 'id' | 'population'>;

/** Latest dated value of a date-sorted series; an undated value when there is no dated one. */
function latestOf(rows: readonly ObservationRow[] | undefined, place: Place, amount: boolean): LatestValue | null {
	if (!rows || rows.length === 0) return null;
	const dated = rows.filter((r) => r.date !== '');
	const r = dated.at(-1) ?? rows[0];
	return { date: r.date, value: r.value, qualifier: r.qualifier, perCapita: amount ? perInhabitants(r.value, place.population) : null };
}

/** Counts of ids, in first-seen order. */
function countBy<T>(items: readonly T[], id: (item: T) => string | null, name: (item: T) => string): FilterOption[] {
	const counts = new Map<string, FilterOption>();
	for (const item of items) {
		const key = id(item);
		if (key === null) continue;
		const entry = counts.get(key);
		if (entry) entry.count++;
		else counts.set(key, { id: key, name: name(item), count: 1 });
	}
	return [...counts.values()];
}

/**
 * The indicators published in `territory`, grouped, with the latest values of `comparisons.region`
 * and `comparisons.france` beside them (null to leave a comparison out), the rank among the
 * territory's level, and the families and themes present. `filters.famille` keeps one family (the
 * first here when not given), `filters.theme` one theme within it.
 */
export function indicatorsIn(
	client: Database.Database,
	territory: Pick<Territory, 'id' | 'level' | 'population'>,
	comparisons: { region: Place | null; france: Place | null },
	filters: TerritoryFilters = {}
): { groups: FamilyGroup[]; families: TerritoryPage['families']; themes: FilterOption[]; total: number; famille: string | null } {
	const theme = filters.theme ?? null;
	const meta = (
		client
			.prepare(
				`SELECT i.id, i.code, i.name, i.unit, i.direction, i.frequency, i.sort_order AS sortOrder, p.id AS policyId, p.name AS policyName,
				   th.id AS themeId, th.name AS theme, f.id AS familyId, f.name AS familyName
				 FROM indicators i JOIN policies p ON p.id = i.policy_id JOIN families f ON f.id = p.family_id
				 LEFT JOIN themes th ON th.id = coalesce(i.theme_id, p.theme_id) -- the indicator's own theme first, as in facts.ts
				 WHERE i.id IN (SELECT DISTINCT indicator_id FROM observations WHERE territory_id = ?)`
			)
			.all(territory.id) as MetaRow[]
	).sort((a, b) => byDisplayOrder({ ...a, themeName: a.theme }, { ...b, themeName: b.theme }));
	const famille = filters.famille ?? meta[0]?.familyId ?? null;
	const inFamily = meta.filter((m) => m.familyId === famille);
	const themes = countBy(inFamily, (m) => m.themeId, (m) => m.theme ?? '').sort((a, b) => compareFr(a.name, b.name));
	const shown = inFamily.filter((m) => theme === null || m.themeId === theme);

	// One pass over the observations of the territory and its comparisons (primary-key skip-scan).
	const ids = [territory.id, comparisons.region?.id ?? null, comparisons.france?.id ?? null].filter((id): id is number => id !== null);
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

	// Every indicator's status (the family lines count them all, whatever the filters).
	const summaries = new Map(
		meta.map((m) => [
			m.id,
			summarizeProgress({
				direction: m.direction,
				unit: m.unit,
				frequency: m.frequency,
				series: series.get(`${m.id}:${territory.id}`) ?? [],
				...(targets.get(m.id) ?? { baselines: [], targets: [] })
			})
		])
	);
	const families = countBy(meta, (m) => m.familyId, (m) => m.familyName).map((f) => ({
		...f,
		line: statusLine(
			meta.filter((m) => m.familyId === f.id).map((m) => summaries.get(m.id)!.status),
			['indicateur', 'indicateurs']
		)
	}));

	// Only indicators with a value here are listed (the first query): each has a latest value.
	const latestHere = new Map(shown.map((m) => [m.id, latestOf(series.get(`${m.id}:${territory.id}`), territory, isCountUnit(m.unit))!]));
	const revisions = revisionsOf(
		client,
		shown.map((m) => ({ indicatorId: m.id, territoryId: territory.id, date: latestHere.get(m.id)!.date }))
	);
	const peerKey = (m: MetaRow) => {
		const { date } = latestHere.get(m.id)!;
		return date !== '' && territory.level !== 'national' ? { indicatorId: m.id, level: territory.level, date } : null;
	};
	const peers = new PeerValues(client, shown.map(peerKey).filter((k) => k !== null));

	const groups: FamilyGroup[] = [];
	for (const m of shown) {
		let family = groups.at(-1);
		if (family?.id !== m.familyId) groups.push((family = { id: m.familyId, name: m.familyName, indicatorCount: 0, policies: [] }));
		let policy = family.policies.at(-1);
		if (policy?.id !== m.policyId || policy.theme !== m.theme) family.policies.push((policy = { id: m.policyId, name: m.policyName, theme: m.theme, indicators: [] }));
		const summary = summaries.get(m.id)!;
		const amount = isCountUnit(m.unit);
		const latest = latestHere.get(m.id)!;
		const key = peerKey(m);
		policy.indicators.push({
			code: m.code,
			name: m.name,
			unit: m.unit,
			direction: m.direction,
			amount,
			latest,
			target: summary.finalTarget,
			rate: summary.rate,
			status: summary.status,
			verdict: verdictOf(summary),
			region: comparisons.region && latestOf(series.get(`${m.id}:${comparisons.region.id}`), comparisons.region, amount),
			france: comparisons.france && latestOf(series.get(`${m.id}:${comparisons.france.id}`), comparisons.france, amount),
			standing: key && peers.standing(key, territory.id, m.direction, amount),
			revision: revisions.get(revisionKey({ indicatorId: m.id, territoryId: territory.id, date: latest.date })) ?? null
		});
		family.indicatorCount++;
	}
	return { groups, families, themes, total: meta.length, famille };
}

/** Everything a territory page shows; null when no territory has that public code at that level. */
export function territoryPage(client: Database.Database, level: Level, code: string, filters: TerritoryFilters = {}): TerritoryPage | null {
	const all = allTerritories(client);
	const territory = all.find((t) => t.code === code && t.level === level);
	if (!territory) return null;
	const famille = filters.famille ?? null;
	const theme = filters.theme ?? null;
	if (famille !== null && !client.prepare('SELECT 1 FROM families WHERE id = ?').get(famille))
		throw new FilterParamError(`Famille inconnue : « ${famille} ».`, 'Choisissez une famille dans la liste du formulaire, ou retirez le paramètre « famille ».');
	if (theme !== null && !client.prepare('SELECT 1 FROM themes WHERE id = ?').get(theme))
		throw new FilterParamError(`Thème inconnu : « ${theme} ».`, 'Choisissez un thème dans la liste du formulaire, ou retirez le paramètre « theme ».');
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

	const indicators = indicatorsIn(client, territory, { region, france: level === 'national' ? null : france }, { famille, theme });
	// A chosen theme absent here (or from the chosen family) stays in the list, with no indicator.
	if (theme !== null && !indicators.themes.some((t) => t.id === theme)) {
		const { name } = client.prepare('SELECT name FROM themes WHERE id = ?').get(theme) as { name: string };
		indicators.themes.push({ id: theme, name, count: 0 });
	}
	const families = indicators.families;
	if (famille !== null && !families.some((f) => f.id === famille)) {
		const { name } = client.prepare('SELECT name FROM families WHERE id = ?').get(famille) as { name: string };
		families.push({ id: famille, name, count: 0, line: '' });
	}
	return {
		territory,
		cogYear,
		chefLieuName: territory.chefLieu ? (searchIndex(client).communeNames.get(territory.chefLieu) ?? null) : null,
		region: region ? link(region) : null,
		france: france && level !== 'national' ? link(france) : null,
		children,
		neighbours,
		families,
		themes: indicators.themes,
		total: indicators.total,
		famille: indicators.famille,
		groups: indicators.groups
	};
}

/** A latest value as the page draws it: absent fields left out (the page divides amounts by its populations). */
export interface ValueView {
	date: string;
	value: number;
	qualifier?: string;
}

/**
 * An indicator line as the page draws it. SvelteKit serialises every key of the load's result into
 * the page for hydration, and a page holds up to 120 lines: null fields are left out, the status
 * kept once (the verdict, whole, as StatusBadge reads it), values per 100 000 inhabitants left to
 * the page (`perInhabitants` with the populations it has), the rate rounded as shown.
 */
export interface LineView {
	code: string;
	name: string;
	unit: string;
	/** An amount (absent otherwise). */
	amount?: true;
	latest: ValueView;
	target?: DatedValue;
	/** Progress to target in percent, rounded as shown. */
	rate?: number;
	verdict: StatusVerdict;
	region?: ValueView;
	france?: ValueView;
	/** With the indicator's direction, which says what the rank orders. */
	standing?: Standing & { direction: Direction };
	revision?: Revision;
}

export type FamilyView = Omit<FamilyGroup, 'policies'> & { policies: (Omit<PolicyGroup, 'indicators'> & { indicators: LineView[] })[] };

function valueView(v: LatestValue): ValueView {
	const view: ValueView = { date: v.date, value: v.value };
	if (v.qualifier !== null) view.qualifier = v.qualifier;
	return view;
}

export function lineView(l: IndicatorLine): LineView {
	const view: LineView = { code: l.code, name: l.name, unit: l.unit, latest: valueView(l.latest), verdict: l.verdict };
	const region = l.region && valueView(l.region);
	const france = l.france && valueView(l.france);
	if (l.amount) view.amount = true;
	if (l.target) view.target = l.target;
	if (l.rate !== null) view.rate = Math.round(l.rate);
	if (region) view.region = region;
	if (france) view.france = france;
	if (l.standing) view.standing = { ...l.standing, direction: l.direction };
	if (l.revision) view.revision = l.revision;
	return view;
}

export const familyView = (g: FamilyGroup): FamilyView => ({
	...g,
	policies: g.policies.map((p) => ({ ...p, indicators: p.indicators.map(lineView) }))
});
