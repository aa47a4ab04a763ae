/**
 * What the home page map says of each département: the value it maps (per 100 000 inhabitants for
 * counts), its label, and the colour classes. Shared by the server, which draws the map once, and
 * the page, which writes the legend, the summary and the table from the same figures.
 */
import { classify, slotColour, type Classification } from '$lib/components/map/classes';
import { formatNumber, formatPeriod, formatValue } from '$lib/format';
import type { Direction } from '$lib/progress';
import type { MapValue } from '$lib/server/queries/overview';
import { PAR_HABITANTS } from '$lib/url-state';

/** « pour 100 000 habitants », the number written by the formatting module (no break inside it). */
export const PER_100K = `pour ${formatNumber(PAR_HABITANTS)} habitants`;

export interface HomeMapView {
	/** The mapped value: per `par` inhabitants for a count, else the value as published. */
	shown: (v: MapValue) => number | null;
	/** The value as published, with its qualifier (« près de 500 »). */
	raw: (v: MapValue) => string;
	perCapitaNumber: (v: MapValue) => string;
	classification: Classification;
	/** By INSEE code: what the map draws and says (« 12,3 pour 100 000 habitants (mai 2024) »). */
	byCode: Record<string, { value: number | null; label: string }>;
	colour: (value: number) => string;
}

export function homeMapView(values: MapValue[], unit: string, direction: Direction, date: string | null, par: number | null): HomeMapView {
	const shown = (v: MapValue) => (par ? v.perCapita : v.value);
	const raw = (v: MapValue) => `${v.qualifier ? v.qualifier + ' ' : ''}${formatValue(v.value, unit)}`;
	const perCapitaNumber = (v: MapValue) => formatValue(v.perCapita, '', { decimals: 1 });
	/** Its value as mapped, and its date when not the map's. */
	const label = (v: MapValue) => `${par ? `${perCapitaNumber(v)} ${PER_100K}` : raw(v)}${v.date !== date ? ` (${formatPeriod(v.date)})` : ''}`;
	const classification = classify(values.map(shown), direction);
	return {
		shown,
		raw,
		perCapitaNumber,
		classification,
		byCode: Object.fromEntries(values.map((v) => [v.inseeCode, { value: shown(v), label: label(v) }])),
		colour: (value) => slotColour(classification.classOf(value)?.slot ?? 0)
	};
}

export const homeMapTitle = (name: string, par: number | null) =>
	`Carte par département : ${name}${par ? ', pour 100 000 habitants' : ''} — chaque département mène à sa page`;
