/**
 * What the indicator map says of each territory (the value it maps, its label, the colour classes,
 * the title): one function for the server, which draws the map of a first view, and the map tab,
 * which draws it in the browser afterwards and writes the legend from the same figures.
 */
import { classify, slotColour, type Classification } from '$lib/components/map/classes';
import type { Level } from '$lib/components/map/projection';
import { formatPeriod, formatValue } from '$lib/format';
import type { Direction } from '$lib/progress';
import type { TerritoryRow } from '$lib/server/queries/indicator';
import { MAILLE_LABELS, type Maille, type UrlState } from '$lib/url-state';
import { qualifiedValue } from './resume';

export type MapState = UrlState & { maille: Maille; date: string };

export interface IndicatorMapView {
	level: Level;
	perCapita: boolean;
	shown: (row: TerritoryRow) => number | null;
	label: (row: TerritoryRow) => string;
	classification: Classification;
	/** By INSEE code: what the map draws and says. */
	values: Record<string, { value: number | null; label: string }>;
	colour: (value: number) => string;
	selected: TerritoryRow | null;
	title: string;
	/** « D » or « R »: the public code of a territory is this prefix and its INSEE code. */
	prefix: 'D' | 'R';
}

export function indicatorMapView(rows: TerritoryRow[], view: MapState, name: string, unit: string, direction: Direction): IndicatorMapView {
	const perCapita = view.par !== null;
	const shown = (row: TerritoryRow) => (perCapita ? row.perCapita : row.value);
	const label = (row: TerritoryRow) =>
		perCapita ? `${formatValue(row.perCapita, unit)} pour 100 000 habitants` : qualifiedValue(row.value, unit, row.qualifier);
	const classification = classify(rows.map(shown), direction);
	return {
		level: view.maille === 'region' ? 'regions' : 'departements',
		perCapita,
		shown,
		label,
		classification,
		values: Object.fromEntries(rows.map((row) => [row.inseeCode, { value: shown(row), label: label(row) }])),
		colour: (v) => slotColour(classification.classOf(v)?.slot ?? 0),
		selected: rows.find((row) => row.code === view.territoire) ?? null,
		title: `${name} ${MAILLE_LABELS[view.maille].by}, ${formatPeriod(view.date)}${perCapita ? ', pour 100 000 habitants' : ''}`,
		prefix: view.maille === 'region' ? 'R' : 'D'
	};
}
