/**
 * A value per `per` inhabitants (100 000 by default): the one division behind every
 * « pour 100 000 habitants » figure (maps, tables, charts, comparisons, territory pages, the home
 * map and the map CSV). Null when the population is unknown or zero: a missing population is
 * shown as missing, never replaced by the raw value. The populations are the Insee's of the
 * territory reference (`@etalab/decoupage-administratif` 6.0.0, COG 2026: population municipale
 * 2023 summed over the communes; Mayotte: 2017 census). Pure.
 */
import { formatValue } from './format';
import { PAR_HABITANTS } from './url-state';

/** Year of the populations the store holds (Insee, in force on 1 January 2026). */
export const POPULATION_YEAR = 2023;

/** Where the populations come from, in one French sentence (under per-100 000 maps). */
export const POPULATION_SOURCE = `Population : Insee, population municipale ${POPULATION_YEAR} (Mayotte : 2017), somme des communes.`;

export function perInhabitants(value: number, population: number | null | undefined, per: number = PAR_HABITANTS): number | null {
	return population ? (value * per) / population : null;
}

/**
 * A value per 100 000 inhabitants as text: no decimals from 100 on (`1 234`, `12,5`), and below 1
 * two significant digits (`0,00059`), so that a small rate never reads as 0.
 */
export function perCapitaText(value: number | null, unit: string): string {
	if (value === null) return formatValue(value, unit);
	const abs = Math.abs(value);
	const decimals = abs >= 100 ? 0 : abs > 0 && abs < 1 ? Math.min(10, 1 - Math.floor(Math.log10(abs))) : undefined;
	return formatValue(value, unit, { decimals });
}
