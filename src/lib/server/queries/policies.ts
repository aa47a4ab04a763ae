/**
 * Every policy of the store with its indicators and where each stands nationally: the home
 * overview, the policy list, the catalogue of indicators and the policy pages read this.
 *
 * Four queries whatever the size of the store: the indicators with their policy, family and theme;
 * the national values; the national baselines and targets; the levels that have values (one
 * EXISTS per indicator and level, on the observations' primary key). Progress is summarised in
 * memory with the same `summarizeProgress` as every other page.
 */
import type Database from 'better-sqlite3';
import { summarizeProgress, verdictOf, type DatedValue, type Point } from '../../indicator-summary';
import type { Direction, ProgressStatus, StatusVerdict } from '../../progress';
import { MAILLES, PAR_HABITANTS, type Maille } from '../../url-state';
import type { Level } from './facts';
import { indicatorContext, isCountUnit, territoryTable } from './indicator';
import { familyRank } from './overview';

export interface NationalStanding {
	latest: { date: string; value: number; qualifier: string | null } | null;
	baseline: DatedValue | null;
	target: DatedValue | null;
	/** 0–100, unrounded; null without baseline, target or direction. */
	rate: number | null;
	status: ProgressStatus | null;
	/** The status with its date and reasons. */
	verdict: StatusVerdict;
}

export interface IndicatorItem extends NationalStanding {
	id: number;
	code: string;
	name: string;
	description: string | null;
	unit: string;
	direction: Direction;
	/** How often the source publishes it (statuses go stale past it). */
	frequency: string | null;
	/** The indicator's own theme, the policy's otherwise. */
	theme: { id: string; name: string } | null;
	/** Levels with at least one value, national → département. */
	levels: Level[];
	producer: string;
	licence: string;
	sourceUpdatedAt: string | null;
	/** Date of the latest dated value at any level (null when there is none). */
	lastDate: string | null;
}

export interface PolicyItem {
	id: string;
	name: string;
	axis: string | null;
	family: { id: string; name: string };
	theme: { id: string; name: string } | null;
	/** In the source's order; the first is the policy's headline indicator. */
	indicators: IndicatorItem[];
}

interface Row {
	id: number;
	code: string;
	name: string;
	description: string | null;
	unit: string;
	direction: Direction;
	frequency: string | null;
	producer: string;
	licence: string;
	sourceUpdatedAt: string | null;
	policyId: string;
	policyName: string;
	axis: string | null;
	familyId: string;
	familyName: string;
	policyThemeId: string | null;
	policyThemeName: string | null;
	themeId: string | null;
	themeName: string | null;
	lastDate: string | null;
	national: number;
	region: number;
	departement: number;
}


const LEVEL_EXISTS = (level: Level) =>
	`EXISTS (SELECT 1 FROM observations o WHERE o.indicator_id = i.id AND o.territory_id IN (SELECT id FROM territories WHERE level = '${level}'))`;

/** Every policy (families in the site's order, then by theme and name), with its indicators. */
export function allPolicies(client: Database.Database): PolicyItem[] {
	return readPolicies(client, null);
}

export function findPolicy(client: Database.Database, id: string): PolicyItem | null {
	return readPolicies(client, id)[0] ?? null;
}

function readPolicies(client: Database.Database, policyId: string | null): PolicyItem[] {
	const rows = client
		.prepare(
			`SELECT i.id, i.code, i.name, i.description, i.unit, i.direction, i.frequency, i.producer, i.licence, i.source_updated_at AS sourceUpdatedAt,
			   p.id AS policyId, p.name AS policyName, p.axis, f.id AS familyId, f.name AS familyName,
			   pt.id AS policyThemeId, pt.name AS policyThemeName, th.id AS themeId, th.name AS themeName,
			   (SELECT max(o.date) FROM observations o WHERE o.indicator_id = i.id AND o.date <> '') AS lastDate,
			   ${LEVEL_EXISTS('national')} AS national, ${LEVEL_EXISTS('region')} AS region, ${LEVEL_EXISTS('departement')} AS departement
			 FROM indicators i JOIN policies p ON p.id = i.policy_id JOIN families f ON f.id = p.family_id
			 LEFT JOIN themes pt ON pt.id = p.theme_id
			 LEFT JOIN themes th ON th.id = coalesce(i.theme_id, p.theme_id)
			 WHERE ? IS NULL OR p.id = ?
			 ORDER BY f.sort_order, f.id, pt.name, p.name, i.sort_order, i.code`
		)
		.all(policyId, policyId) as Row[];
	const standing = nationalStandings(client, policyId);
	const policies = new Map<string, PolicyItem>();
	for (const r of rows) {
		let policy = policies.get(r.policyId);
		if (!policy) {
			policy = {
				id: r.policyId,
				name: r.policyName,
				axis: r.axis,
				family: { id: r.familyId, name: r.familyName },
				theme: r.policyThemeId ? { id: r.policyThemeId, name: r.policyThemeName ?? r.policyThemeId } : null,
				indicators: []
			};
			policies.set(r.policyId, policy);
		}
		policy.indicators.push({
			id: r.id,
			code: r.code,
			name: r.name,
			description: r.description,
			direction: r.direction,
			frequency: r.frequency,
			unit: r.unit,
			theme: r.themeId ? { id: r.themeId, name: r.themeName ?? r.themeId } : null,
			levels: (['national', 'region', 'departement'] as const).filter((l) => r[l] === 1),
			producer: r.producer,
			licence: r.licence,
			sourceUpdatedAt: r.sourceUpdatedAt,
			lastDate: r.lastDate,
			...(standing.get(r.id)?.(r) ?? EMPTY)
		});
	}
	// Stable sort: the SQL order within a family is kept.
	return [...policies.values()].sort((a, b) => familyRank(a.family.id) - familyRank(b.family.id));
}

const EMPTY: NationalStanding = { latest: null, baseline: null, target: null, rate: null, status: null, verdict: verdictOf(null) };

/** For each indicator with national figures, a function of its metadata giving its standing. */
function nationalStandings(
	client: Database.Database,
	policyId: string | null
): Map<number, (meta: Pick<Row, 'direction' | 'unit' | 'frequency'>) => NationalStanding> {
	const ofPolicy = `(? IS NULL OR indicator_id IN (SELECT id FROM indicators WHERE policy_id = ?))`;
	const values = client
		.prepare(
			`SELECT indicator_id AS id, date, value, qualifier FROM observations
			 WHERE territory_id = (SELECT id FROM territories WHERE code = 'FR') AND ${ofPolicy}`
		)
		.all(policyId, policyId) as { id: number; date: string; value: number; qualifier: string | null }[];
	const targets = client
		.prepare(
			`SELECT indicator_id AS id, kind, date, value FROM targets WHERE territory_id = (SELECT id FROM territories WHERE code = 'FR') AND ${ofPolicy}`
		)
		.all(policyId, policyId) as { id: number; kind: 'initiale' | 'cible'; date: string; value: number }[];
	const byIndicator = new Map<number, { series: Point[]; baselines: DatedValue[]; targets: DatedValue[] }>();
	const entry = (id: number) => {
		let e = byIndicator.get(id);
		if (!e) byIndicator.set(id, (e = { series: [], baselines: [], targets: [] }));
		return e;
	};
	for (const v of values) entry(v.id).series.push({ date: v.date, value: v.value, qualifier: v.qualifier });
	for (const t of targets) (t.kind === 'initiale' ? entry(t.id).baselines : entry(t.id).targets).push({ date: t.date, value: t.value });
	const out = new Map<number, (meta: Pick<Row, 'direction' | 'unit' | 'frequency'>) => NationalStanding>();
	for (const [id, e] of byIndicator) {
		out.set(id, ({ direction, unit, frequency }) => {
			const s = summarizeProgress({ direction, unit, frequency, ...e });
			return {
				latest: s.latest ? { date: s.latest.date, value: s.latest.value, qualifier: s.latest.qualifier ?? null } : null,
				baseline: s.baseline,
				target: s.finalTarget,
				rate: s.rate,
				status: s.status,
				verdict: verdictOf(s)
			};
		});
	}
	return out;
}

export interface LevelStanding {
	maille: Maille;
	/** The latest date with values at this level: statuses are judged there. */
	date: string;
	/** Territories of the level with a value at `date`, and of the level in all. */
	withValue: number;
	total: number;
	statuses: (ProgressStatus | null)[];
}

export interface PolicyIndicator extends IndicatorItem {
	territorial: LevelStanding[];
}

export interface PolicyMap {
	indicator: Pick<IndicatorItem, 'code' | 'name' | 'unit' | 'direction' | 'producer' | 'licence' | 'sourceUpdatedAt'>;
	maille: Maille;
	date: string;
	/** Per 100 000 inhabitants (counts), or the values as published. */
	perCapita: boolean;
	rows: { code: string; inseeCode: string; name: string; value: number | null; qualifier: string | null }[];
}

export interface PolicyPage {
	policy: Omit<PolicyItem, 'indicators'>;
	indicators: PolicyIndicator[];
	/** The map of the headline indicator: the first one with départemental (else régional) values. */
	map: PolicyMap | null;
}

/** A policy's page: its indicators nationally and, for each level, the territories' statuses. */
export function policyPage(client: Database.Database, id: string): PolicyPage | null {
	const found = findPolicy(client, id);
	if (!found) return null;
	const { indicators, ...policy } = found;
	let map: PolicyMap | null = null;
	const withLevels = indicators.map((indicator): PolicyIndicator => {
		const context = indicatorContext(client, indicator);
		const territorial = MAILLES.flatMap((maille): LevelStanding[] => {
			const date = context.dates[maille]?.at(-1);
			if (!date) return [];
			const rows = territoryTable(client, indicator, { maille, date, par: null, tri: 'nom', ordre: 'asc' });
			const present = rows.filter((r) => r.value !== null);
			return [{ maille, date, withValue: present.length, total: rows.length, statuses: present.map((r) => r.status) }];
		});
		return { ...indicator, territorial };
	});
	const headline =
		withLevels.find((i) => i.territorial.some((t) => t.maille === 'departement')) ?? withLevels.find((i) => i.territorial.length > 0);
	if (headline) {
		const level = headline.territorial.find((t) => t.maille === 'departement') ?? headline.territorial[0];
		const perCapita = isCountUnit(headline.unit);
		const rows = territoryTable(client, headline, { maille: level.maille, date: level.date, par: perCapita ? PAR_HABITANTS : null, tri: 'nom', ordre: 'asc' });
		map = {
			indicator: {
				code: headline.code,
				name: headline.name,
				unit: headline.unit,
				direction: headline.direction,
				producer: headline.producer,
				licence: headline.licence,
				sourceUpdatedAt: headline.sourceUpdatedAt
			},
			maille: level.maille,
			date: level.date,
			perCapita,
			rows: rows.map((r) => ({ code: r.code, inseeCode: r.inseeCode, name: r.name, value: perCapita ? r.perCapita : r.value, qualifier: r.qualifier }))
		};
	}
	return { policy, indicators: withLevels, map };
}
