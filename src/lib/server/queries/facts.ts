/**
 * The basic facts every page and the API read: an indicator's metadata, a territory, the series
 * of an indicator in some territories, and its baseline and targets. Typed results; no shaping
 * for display (that is the loads' and components' job).
 */
import type Database from 'better-sqlite3';
import { summarizeProgress, type DatedValue, type Point, type ProgressSummary } from '../../indicator-summary';
import type { Direction } from '../../progress';

import type { Level, TerritoryRecord } from '../import/territories';

export type { Level };

/** A territory of the store: the reference record (public code `FR`, `R84`, `D2A`…) and its id. */
export interface Territory extends TerritoryRecord {
	id: number;
}

export interface IndicatorMeta {
	id: number;
	code: string;
	name: string;
	description: string | null;
	unit: string;
	unitLabel: string | null;
	direction: Direction;
	cumulative: boolean;
	frequency: string | null;
	producer: string;
	licence: string;
	sourceUrl: string | null;
	sourceUpdatedAt: string | null;
	sourceIds: string | null;
	note: string | null;
	policy: { id: string; name: string; axis: string | null };
	family: { id: string; name: string };
	theme: { id: string; name: string } | null;
	/** Levels that have at least one value, in national → département order. */
	levels: Level[];
}

const TERRITORY_COLUMNS = `id, code, level, insee_code AS inseeCode, name, parent_code AS parentCode, population, chef_lieu AS chefLieu`;

export function findTerritory(client: Database.Database, code: string): Territory | null {
	return (client.prepare(`SELECT ${TERRITORY_COLUMNS} FROM territories WHERE code = ?`).get(code) as Territory | undefined) ?? null;
}

export function territoriesAt(client: Database.Database, level: Level): Territory[] {
	return client.prepare(`SELECT ${TERRITORY_COLUMNS} FROM territories WHERE level = ? ORDER BY insee_code`).all(level) as Territory[];
}

export function allTerritories(client: Database.Database): Territory[] {
	return client.prepare(`SELECT ${TERRITORY_COLUMNS} FROM territories ORDER BY id`).all() as Territory[];
}

interface IndicatorRow {
	id: number;
	code: string;
	name: string;
	description: string | null;
	unit: string;
	unitLabel: string | null;
	direction: Direction;
	cumulative: number;
	frequency: string | null;
	producer: string;
	licence: string;
	sourceUrl: string | null;
	sourceUpdatedAt: string | null;
	sourceIds: string | null;
	note: string | null;
	policyId: string;
	policyName: string;
	axis: string | null;
	familyId: string;
	familyName: string;
	themeId: string | null;
	themeName: string | null;
}

const INDICATOR_SELECT = `SELECT i.id, i.code, i.name, i.description, i.unit, i.unit_label AS unitLabel, i.direction, i.cumulative,
	i.frequency, i.producer, i.licence, i.source_url AS sourceUrl, i.source_updated_at AS sourceUpdatedAt, i.source_ids AS sourceIds,
	i.note, p.id AS policyId, p.name AS policyName, p.axis, f.id AS familyId, f.name AS familyName, th.id AS themeId, th.name AS themeName
	FROM indicators i JOIN policies p ON p.id = i.policy_id JOIN families f ON f.id = p.family_id
	LEFT JOIN themes th ON th.id = coalesce(i.theme_id, p.theme_id)`;

function toMeta(client: Database.Database, row: IndicatorRow): IndicatorMeta {
	const levels = (
		client
			.prepare(
				`SELECT DISTINCT t.level FROM observations o JOIN territories t ON t.id = o.territory_id WHERE o.indicator_id = ?`
			)
			.all(row.id) as { level: Level }[]
	).map((r) => r.level);
	const order: Level[] = ['national', 'region', 'departement'];
	return {
		id: row.id,
		code: row.code,
		name: row.name,
		description: row.description,
		unit: row.unit,
		unitLabel: row.unitLabel,
		direction: row.direction,
		cumulative: !!row.cumulative,
		frequency: row.frequency,
		producer: row.producer,
		licence: row.licence,
		sourceUrl: row.sourceUrl,
		sourceUpdatedAt: row.sourceUpdatedAt,
		sourceIds: row.sourceIds,
		note: row.note,
		policy: { id: row.policyId, name: row.policyName, axis: row.axis },
		family: { id: row.familyId, name: row.familyName },
		theme: row.themeId ? { id: row.themeId, name: row.themeName ?? row.themeId } : null,
		levels: order.filter((l) => levels.includes(l))
	};
}

export function findIndicator(client: Database.Database, code: string): IndicatorMeta | null {
	const row = client.prepare(`${INDICATOR_SELECT} WHERE i.code = ?`).get(code) as IndicatorRow | undefined;
	return row ? toMeta(client, row) : null;
}

export function allIndicators(client: Database.Database): IndicatorMeta[] {
	return (client.prepare(`${INDICATOR_SELECT} ORDER BY f.sort_order, f.id, p.name, i.sort_order, i.code`).all() as IndicatorRow[]).map((r) =>
		toMeta(client, r)
	);
}

/** The series of one indicator in the given territories (by territory id), sorted by date. */
export function seriesByTerritory(client: Database.Database, indicatorId: number, territoryIds: number[]): Map<number, Point[]> {
	const out = new Map<number, Point[]>(territoryIds.map((id) => [id, []]));
	if (territoryIds.length === 0) return out;
	const rows = client
		.prepare(
			`SELECT territory_id AS t, date, value, qualifier FROM observations
			 WHERE indicator_id = ? AND territory_id IN (${territoryIds.map(() => '?').join(',')}) ORDER BY date`
		)
		.all(indicatorId, ...territoryIds) as { t: number; date: string; value: number; qualifier: string | null }[];
	for (const r of rows) out.get(r.t)!.push({ date: r.date, value: r.value, qualifier: r.qualifier });
	return out;
}

export interface TargetRecords {
	baselines: DatedValue[];
	targets: DatedValue[];
}

export function targetsFor(client: Database.Database, indicatorId: number, territoryId: number): TargetRecords {
	const rows = client
		.prepare('SELECT kind, date, value FROM targets WHERE indicator_id = ? AND territory_id = ? ORDER BY date')
		.all(indicatorId, territoryId) as { kind: 'initiale' | 'cible'; date: string; value: number }[];
	return {
		baselines: rows.filter((r) => r.kind === 'initiale').map(({ date, value }) => ({ date, value })),
		targets: rows.filter((r) => r.kind === 'cible').map(({ date, value }) => ({ date, value }))
	};
}

/** Latest value, baseline, targets, change, rate and status of an indicator in one territory. */
export function progressIn(
	client: Database.Database,
	indicator: Pick<IndicatorMeta, 'id' | 'direction' | 'unit' | 'frequency'>,
	territoryId: number
): ProgressSummary {
	const series = seriesByTerritory(client, indicator.id, [territoryId]).get(territoryId) ?? [];
	const { direction, unit, frequency } = indicator;
	return summarizeProgress({ direction, unit, frequency, series, ...targetsFor(client, indicator.id, territoryId) });
}
