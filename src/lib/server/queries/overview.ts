/**
 * The national overview: every family, its policies, and for each policy its headline indicator
 * at national level (latest value, baseline, final target, progress, status).
 */
import type Database from 'better-sqlite3';
import { compareFr } from '../../format';
import type { Direction, ProgressStatus, StatusVerdict } from '../../progress';
import { verdictOf } from '../../indicator-summary';
import { findTerritory, progressIn } from './facts';
import { perInhabitants } from '../../per-capita';

export interface HeadlineIndicator {
	code: string;
	name: string;
	unit: string;
	direction: Direction;
	cumulative: boolean;
	latest: { date: string; value: number; qualifier: string | null } | null;
	baseline: { date: string; value: number } | null;
	target: { date: string; value: number } | null;
	change: { absolute: number | null; percent: number | null } | null;
	rate: number | null;
	status: ProgressStatus | null;
	verdict: StatusVerdict;
	indicatorCount: number;
}

export interface PolicySummary {
	id: string;
	name: string;
	theme: string | null;
	headline: HeadlineIndicator;
}

export interface FamilySummary {
	id: string;
	name: string;
	policyCount: number;
	indicatorCount: number;
	policies: PolicySummary[];
}

interface IndicatorRow {
	code: string;
	name: string;
	unit: string;
	direction: Direction;
	cumulative: number;
	frequency: string | null;
	policyId: string;
	policyName: string;
	theme: string | null;
	familyId: string;
	familyName: string;
	sortOrder: number;
	indicatorId: number;
}

/** Current priority policies first, then the 2017–2022 baromètre, then the DITP's own programmes. */
export const FAMILY_ORDER = ['politiques-prioritaires', 'barometre-2017-2022', 'services-publics-plus', 'laboratoires', 'budgets', 'complexite'];
/** A family's place in FAMILY_ORDER; families it does not name come last. */
export const familyRank = (id: string) => (FAMILY_ORDER.includes(id) ? FAMILY_ORDER.indexOf(id) : FAMILY_ORDER.length);

export interface DisplayedIndicator {
	familyId: string;
	familyName: string;
	themeName: string | null;
	policyName: string;
	sortOrder: number;
	name: string;
}

/**
 * The order indicators are listed in wherever they are grouped (territory pages, the comparison and
 * its CSV): by family, then theme (no theme last), policy, the source's order, name.
 */
export function byDisplayOrder(a: DisplayedIndicator, b: DisplayedIndicator): number {
	return (
		familyRank(a.familyId) - familyRank(b.familyId) ||
		compareFr(a.familyName, b.familyName) ||
		(a.themeName === null ? 1 : 0) - (b.themeName === null ? 1 : 0) ||
		compareFr(a.themeName ?? '', b.themeName ?? '') ||
		compareFr(a.policyName, b.policyName) ||
		a.sortOrder - b.sortOrder ||
		compareFr(a.name, b.name)
	);
}

export function nationalOverview(client: Database.Database): FamilySummary[] {
	const indicators = client
		.prepare(
			`SELECT i.id AS indicatorId, i.code, i.name, i.unit, i.direction, i.cumulative, i.frequency, i.sort_order AS sortOrder,
			   p.id AS policyId, p.name AS policyName, th.name AS theme, f.id AS familyId, f.name AS familyName
			 FROM indicators i JOIN policies p ON p.id = i.policy_id JOIN families f ON f.id = p.family_id
			 LEFT JOIN themes th ON th.id = p.theme_id
			 ORDER BY f.sort_order, f.id, th.name, p.name, i.sort_order, i.code`
		)
		.all() as IndicatorRow[];
	const fr = findTerritory(client, 'FR');
	const families = new Map<string, FamilySummary>();
	const policies = new Map<string, PolicySummary>();
	for (const row of indicators) {
		let family = families.get(row.familyId);
		if (!family) families.set(row.familyId, (family = { id: row.familyId, name: row.familyName, policyCount: 0, indicatorCount: 0, policies: [] }));
		family.indicatorCount++;
		const existing = policies.get(row.policyId);
		if (existing) {
			existing.headline.indicatorCount++;
			continue;
		}
		const summary = fr ? progressIn(client, { id: row.indicatorId, direction: row.direction, unit: row.unit, frequency: row.frequency }, fr.id) : null;
		const policy: PolicySummary = {
			id: row.policyId,
			name: row.policyName,
			theme: row.theme,
			headline: {
				code: row.code,
				name: row.name,
				unit: row.unit,
				direction: row.direction,
				cumulative: !!row.cumulative,
				latest: summary?.latest ? { date: summary.latest.date, value: summary.latest.value, qualifier: summary.latest.qualifier ?? null } : null,
				baseline: summary?.baseline ?? null,
				target: summary?.finalTarget ?? null,
				change: summary?.change ?? null,
				rate: summary?.rate ?? null,
				status: summary?.status ?? null,
				verdict: verdictOf(summary),
				indicatorCount: 1
			}
		};
		policies.set(row.policyId, policy);
		family.policies.push(policy);
		family.policyCount++;
	}
	return [...families.values()].sort((a, b) => familyRank(a.id) - familyRank(b.id));
}

export interface MapChoice {
	code: string;
	name: string;
	family: string;
}

/** Indicators that have départemental values: the ones the home map can show. */
export function mappableIndicators(client: Database.Database): MapChoice[] {
	return client
		.prepare(
			`SELECT i.code, i.name, f.name AS family FROM indicators i JOIN policies p ON p.id = i.policy_id JOIN families f ON f.id = p.family_id
			 WHERE EXISTS (SELECT 1 FROM observations o JOIN territories t ON t.id = o.territory_id WHERE o.indicator_id = i.id AND t.level = 'departement')
			 ORDER BY f.sort_order, f.name, i.name`
		)
		.all() as MapChoice[];
}

export interface MapValue {
	inseeCode: string;
	name: string;
	date: string;
	value: number;
	qualifier: string | null;
	population: number | null;
	/** `value` per 100 000 inhabitants when asked for (counts), else null. */
	perCapita: number | null;
}

/**
 * Each département's latest value of an indicator, and the most common latest date. `par`
 * (100 000): each value per that many inhabitants too, from the territory's population.
 */
export function latestDepartementValues(
	client: Database.Database,
	indicatorCode: string,
	par: number | null = null
): { values: MapValue[]; date: string | null } {
	const rows = client
		.prepare(
			`SELECT t.insee_code AS inseeCode, t.name, t.population, o.date, o.value, o.qualifier
			 FROM observations o JOIN territories t ON t.id = o.territory_id JOIN indicators i ON i.id = o.indicator_id
			 WHERE i.code = ? AND t.level = 'departement' AND o.date <> '' AND o.date = (
			   SELECT max(o2.date) FROM observations o2 WHERE o2.indicator_id = o.indicator_id AND o2.territory_id = o.territory_id AND o2.date <> '')
			 ORDER BY t.insee_code`
		)
		.all(indicatorCode) as Omit<MapValue, 'perCapita'>[];
	const values = rows.map((v) => ({ ...v, perCapita: par ? perInhabitants(v.value, v.population, par) : null }));
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v.date, (counts.get(v.date) ?? 0) + 1);
	const date = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]?.[0] ?? null;
	return { values, date };
}
