/**
 * The indicator page's queries, shared by the page load and its CSV download (same rows, same
 * order): the dates per maille, every territory of a maille at one date with its progress, the
 * time series of a territory with its région and France, and the pure sorting and ranking of
 * the table. A page load runs a handful of SQL statements, never one per territory.
 */
import type Database from 'better-sqlite3';
import { compareFr } from '../../format';
import { summarizeProgress, verdictOf, type DatedValue, type Point, type ProgressSummary } from '../../indicator-summary';
import { rhythmMonths, type Direction, type ProgressStatus, type StatusVerdict } from '../../progress';
import { perInhabitants } from '../../per-capita';
import { rankRows } from '../../peer-rank';
import { MAILLES, PAR_HABITANTS, type Maille, type Ordre, type StateContext, type Tri } from '../../url-state';
import { findTerritory, seriesByTerritory, targetsFor, territoriesAt, type IndicatorMeta, type Territory } from './facts';

// ---------------------------------------------------------------- units

/**
 * Units whose values compare between territories as they are: shares, scores, durations.
 * Every other unit is an amount that grows with the territory (`nombre`, `EUR`, `km`, `GW`,
 * hours of patrol…): its raw values are not ranked, and it is offered per 100 000 inhabitants.
 */
const INTENSIVE_UNITS = new Set(['%', 'points', 'note sur 10', 'mois', 'jours', 'semaines', 'ans', 'années', 'minutes']);
const INTENSIVE_WORDS = /\b(taux|note|score|indice|ratio|moyenne?)\b|\bsur \d+|\bpar\b|\//i;

/** True for an amount (a count, euros, km…), false for a rate, a score or a duration. */
export function isCountUnit(unit: string): boolean {
	const code = unit.trim();
	return !INTENSIVE_UNITS.has(code) && !INTENSIVE_WORDS.test(code);
}

// ---------------------------------------------------------------- context

/** Mailles and dates of an indicator's dated territorial values (one query), for `url-state`. */
export function indicatorContext(client: Database.Database, indicator: Pick<IndicatorMeta, 'id' | 'unit'>): StateContext {
	const rows = client
		.prepare(
			`SELECT t.level AS level, o.date AS date FROM observations o JOIN territories t ON t.id = o.territory_id
			 WHERE o.indicator_id = ? AND t.level IN ('region', 'departement') AND o.date <> ''
			 GROUP BY t.level, o.date ORDER BY o.date`
		)
		.all(indicator.id) as { level: Maille; date: string }[];
	const dates: Partial<Record<Maille, string[]>> = {};
	for (const { level, date } of rows) (dates[level] ??= []).push(date);
	return { mailles: MAILLES.filter((m) => dates[m]?.length), dates, perCapita: isCountUnit(indicator.unit) };
}

/** Territories with at least one value of the indicator (for the chart's territory choice), by level then code. */
export function territoriesWithValues(client: Database.Database, indicatorId: number): Pick<Territory, 'code' | 'name' | 'level'>[] {
	return client
		.prepare(
			`SELECT t.code, t.name, t.level FROM territories t
			 WHERE EXISTS (SELECT 1 FROM observations o WHERE o.indicator_id = ? AND o.territory_id = t.id)
			 ORDER BY CASE t.level WHEN 'national' THEN 0 WHEN 'region' THEN 1 ELSE 2 END, t.insee_code`
		)
		.all(indicatorId) as Pick<Territory, 'code' | 'name' | 'level'>[];
}

// ---------------------------------------------------------------- territories at one date

export interface TerritoryRow {
	/** Public code (`D2A`), INSEE code (`2A`, the map's key), name, population. */
	code: string;
	inseeCode: string;
	name: string;
	population: number | null;
	/** The value at the date shown; null when the territory has none then. */
	value: number | null;
	qualifier: string | null;
	date: string | null;
	/** `value` per 100 000 inhabitants, when asked for. */
	perCapita: number | null;
	baseline: DatedValue | null;
	/** The final target the rate refers to. */
	target: DatedValue | null;
	/** Change since the baseline (value − baseline). */
	change: number | null;
	/** Progress to the final target, 0–100. */
	rate: number | null;
	status: ProgressStatus | null;
	/** The status with its date and reasons. */
	verdict: StatusVerdict;
	/** 1 = most favourable; null when not comparable or missing. */
	rank: number | null;
}

export interface TableOptions {
	maille: Maille;
	date: string;
	par: number | null;
	tri: Tri;
	ordre: Ordre;
}

/**
 * Every territory of `maille` with its value at `date` (missing ones included, value null),
 * baseline, final target, change, progress, rank, sorted as asked. Three queries.
 */
export function territoryTable(
	client: Database.Database,
	indicator: Pick<IndicatorMeta, 'id' | 'unit' | 'direction'> & { frequency?: string | null },
	options: TableOptions
): TerritoryRow[] {
	const territories = territoriesAt(client, options.maille);
	// Each row holds one value: the rhythm comes from the dates published at this level.
	const levelDates = (
		client
			.prepare(`SELECT DISTINCT o.date FROM observations o JOIN territories t ON t.id = o.territory_id WHERE o.indicator_id = ? AND t.level = ?`)
			.all(indicator.id, options.maille) as { date: string }[]
	).map((r) => r.date);
	const rhythm = rhythmMonths(indicator.frequency, levelDates);
	const values = new Map(
		(
			client
				.prepare(
					`SELECT o.territory_id AS id, o.value, o.qualifier FROM observations o JOIN territories t ON t.id = o.territory_id
					 WHERE o.indicator_id = ? AND t.level = ? AND o.date = ?`
				)
				.all(indicator.id, options.maille, options.date) as { id: number; value: number; qualifier: string | null }[]
		).map((r) => [r.id, r])
	);
	const targets = new Map<number, { baselines: DatedValue[]; targets: DatedValue[] }>();
	for (const r of client
		.prepare(
			`SELECT g.territory_id AS id, g.kind, g.date, g.value FROM targets g JOIN territories t ON t.id = g.territory_id
			 WHERE g.indicator_id = ? AND t.level = ? ORDER BY g.date`
		)
		.all(indicator.id, options.maille) as { id: number; kind: 'initiale' | 'cible'; date: string; value: number }[]) {
		let entry = targets.get(r.id);
		if (!entry) targets.set(r.id, (entry = { baselines: [], targets: [] }));
		(r.kind === 'initiale' ? entry.baselines : entry.targets).push({ date: r.date, value: r.value });
	}

	const rows = territories.map((t): TerritoryRow => {
		const observed = values.get(t.id);
		const point: Point[] = observed ? [{ date: options.date, value: observed.value, qualifier: observed.qualifier }] : [];
		const summary = summarizeProgress({
			direction: indicator.direction,
			unit: indicator.unit,
			rhythm,
			series: point,
			...(targets.get(t.id) ?? { baselines: [], targets: [] })
		});
		return {
			code: t.code,
			inseeCode: t.inseeCode,
			name: t.name,
			population: t.population,
			value: observed?.value ?? null,
			qualifier: observed?.qualifier ?? null,
			date: observed ? options.date : null,
			perCapita: options.par && observed ? perInhabitants(observed.value, t.population, options.par) : null,
			baseline: summary.baseline,
			target: summary.finalTarget,
			change: summary.change?.absolute ?? null,
			rate: summary.rate,
			status: summary.status,
			verdict: verdictOf(summary),
			rank: null
		};
	});
	const ranked = isCountUnit(indicator.unit) && options.par !== PAR_HABITANTS ? rows : rankRows(rows, options.par ? 'perCapita' : 'value', indicator.direction);
	return sortRows(ranked, options.tri, options.ordre, options.par !== null);
}

/** The ranking rule, shared with the comparison and the territory pages. */
export { rankRows };

/** Sorts rows (a copy); missing values always last, ties by name (French order). */
export function sortRows<T extends Pick<TerritoryRow, 'name' | 'value' | 'perCapita' | 'change' | 'rate'>>(
	rows: readonly T[],
	tri: Tri,
	ordre: Ordre,
	perCapita = false
): T[] {
	const key = (r: T): number | null =>
		tri === 'valeur' ? (perCapita ? r.perCapita : r.value) : tri === 'evolution' ? r.change : tri === 'avancement' ? r.rate : null;
	const sign = ordre === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		if (tri === 'nom') return sign * compareFr(a.name, b.name);
		const [ka, kb] = [key(a), key(b)];
		if (ka === null || kb === null) return ka === kb ? compareFr(a.name, b.name) : ka === null ? 1 : -1;
		return sign * (ka - kb) || compareFr(a.name, b.name);
	});
}

// ---------------------------------------------------------------- time series

export interface ChartLine {
	code: string;
	name: string;
	/** The selected territory, its région, or France. */
	role: 'territoire' | 'region' | 'france';
	/** Population légale used for per-100,000 values (null when unknown). */
	population: number | null;
	/** Dated values, ascending (undated ones left out). */
	points: Point[];
}

export interface ChartData {
	territory: Pick<Territory, 'code' | 'name' | 'level'>;
	/** Selected territory first, then its région, then France. */
	lines: ChartLine[];
	/** The selected territory's baselines and targets, and its progress at its latest value. */
	baselines: DatedValue[];
	targets: DatedValue[];
	summary: ProgressSummary;
}

/** The series of `territory`, its région (for a département) and France: three queries at most. */
export function chartData(
	client: Database.Database,
	indicator: Pick<IndicatorMeta, 'id' | 'direction' | 'unit' | 'frequency'>,
	territory: Territory
): ChartData {
	const region = territory.level === 'departement' && territory.parentCode ? findTerritory(client, territory.parentCode) : null;
	const france = territory.level === 'national' ? null : findTerritory(client, 'FR');
	const members: [Territory, ChartLine['role']][] = [[territory, 'territoire']];
	if (region) members.push([region, 'region']);
	if (france) members.push([france, 'france']);
	const series = seriesByTerritory(
		client,
		indicator.id,
		members.map(([t]) => t.id)
	);
	const lines = members.map(([t, role]) => ({
		code: t.code,
		name: t.name,
		role,
		population: t.population,
		points: (series.get(t.id) ?? []).filter((p) => p.date !== '')
	}));
	const records = targetsFor(client, indicator.id, territory.id);
	return {
		territory: { code: territory.code, name: territory.name, level: territory.level },
		lines,
		...records,
		summary: summarizeProgress({ direction: indicator.direction, unit: indicator.unit, frequency: indicator.frequency, series: lines[0].points, ...records })
	};
}
