/**
 * The national overview: every family, its policies, and for each policy its headline indicator
 * at national level (latest value, baseline, final target, progress, status).
 */
import type Database from 'better-sqlite3';
import { pickTarget, progressRate, progressStatus, changeSinceBaseline, type Direction, type ProgressStatus } from '../../progress';

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
	policyId: string;
	policyName: string;
	theme: string | null;
	familyId: string;
	familyName: string;
	sortOrder: number;
	indicatorId: number;
}

export function nationalOverview(client: Database.Database): FamilySummary[] {
	const indicators = client
		.prepare(
			`SELECT i.id AS indicatorId, i.code, i.name, i.unit, i.direction, i.cumulative, i.sort_order AS sortOrder,
			   p.id AS policyId, p.name AS policyName, th.name AS theme, f.id AS familyId, f.name AS familyName
			 FROM indicators i JOIN policies p ON p.id = i.policy_id JOIN families f ON f.id = p.family_id
			 LEFT JOIN themes th ON th.id = p.theme_id
			 ORDER BY f.sort_order, f.id, th.name, p.name, i.sort_order, i.code`
		)
		.all() as IndicatorRow[];
	const fr = (client.prepare("SELECT id FROM territories WHERE code = 'FR'").get() as { id: number } | undefined)?.id ?? -1;
	const latestOf = client.prepare(
		"SELECT date, value, qualifier FROM observations WHERE indicator_id = ? AND territory_id = ? AND date <> '' ORDER BY date DESC LIMIT 1"
	);
	const targetsOf = client.prepare('SELECT kind, date, value FROM targets WHERE indicator_id = ? AND territory_id = ? ORDER BY date');

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
		const latest = (latestOf.get(row.indicatorId, fr) as HeadlineIndicator['latest'] | undefined) ?? null;
		const targets = targetsOf.all(row.indicatorId, fr) as { kind: 'initiale' | 'cible'; date: string; value: number }[];
		const baseline = targets.filter((t) => t.kind === 'initiale').at(0) ?? null;
		const { final } = pickTarget(targets.filter((t) => t.kind === 'cible'));
		const target = final && final.value !== null ? { date: final.date, value: final.value } : null;
		const input = {
			initial: baseline?.value ?? null,
			initialDate: baseline?.date ?? null,
			current: latest?.value ?? null,
			currentDate: latest?.date ?? null,
			target: target?.value ?? null,
			targetDate: target?.date ?? null,
			direction: row.direction
		};
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
				latest,
				baseline: baseline ? { date: baseline.date, value: baseline.value } : null,
				target,
				change: baseline && latest ? changeSinceBaseline(baseline.value, latest.value) : null,
				rate: progressRate(input),
				status: progressStatus(input),
				indicatorCount: 1
			}
		};
		policies.set(row.policyId, policy);
		family.policies.push(policy);
		family.policyCount++;
	}
	return [...families.values()];
}
