/**
 * A value per `per` inhabitants (100 000 by default): the one division behind every
 * « pour 100 000 habitants » figure (maps, tables, charts, comparisons, territory pages).
 * Null when the population is unknown or zero: a missing population is shown as missing,
 * never replaced by the raw value. Pure.
 */
import { PAR_HABITANTS } from './url-state';

export function perInhabitants(value: number, population: number | null | undefined, per: number = PAR_HABITANTS): number | null {
	return population ? (value * per) / population : null;
}
