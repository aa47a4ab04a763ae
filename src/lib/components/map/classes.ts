/**
 * Colour classes for the choropleth: 5 classes, each with a palette slot where the most
 * favourable end is always slot 4 (for `baisse` indicators the low values get slot 4).
 *
 * Method: QUANTILES with breaks rounded to a nice step. Most indicators are counts whose
 * spread follows population (Nord vs Lozère) or rates with a few outliers; equal-interval
 * classes would put most départements in one colour, whereas quantiles give ~20 départements
 * per colour so differences stay visible. Raw quantiles read badly (« de 19,87 à 40,02 »), so
 * each break is rounded to the coarsest 1, 2 or 5 × 10ⁿ step that moves it by at most a quarter
 * of the gap to its neighbouring quantiles (local, so skewed data keep 5 classes): the legend
 * shows round numbers, and a value equal to a break goes to the upper class, as its label says.
 * Ties can merge breaks (fewer than 5 classes); the remaining classes spread over the palette.
 */
import { bisectRight, quantileSorted } from 'd3-array';
import { formatNumber, formatValue, isAvailable, type Maybe } from '../../format';
import type { Direction } from '../../progress';

export const CLASS_COUNT = 5;

export interface MapClass {
	/** Position in value order: 0 holds the lowest values. */
	index: number;
	/** Palette slot, 0 (least favourable) … CLASS_COUNT − 1 (most favourable). */
	slot: number;
	/** Lower bound, included. */
	min: number;
	/** Upper bound: excluded, except for the last class where it is the maximum value. */
	max: number;
	/** Number of values in the class. */
	count: number;
}

export interface Classification {
	/** Classes in value order (empty when there is no value). */
	classes: MapClass[];
	/** The rounded breaks between classes (classes.length − 1 of them). */
	thresholds: number[];
	/** Decimals of the legend labels: enough to write every rounded break. */
	decimals: number;
	/** The class of a value (values beyond the range go to the end classes); null if missing. */
	classOf(value: Maybe<number>): MapClass | null;
}

/** Decimals needed to write multiples of `step` (5 → 0, 0.5 → 1, 0.05 → 2). */
const decimalsOf = (step: number) => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

/** Largest 1, 2 or 5 × 10ⁿ not above `x` (x > 0). */
function niceFloor(x: number): number {
	const power = 10 ** Math.floor(Math.log10(x));
	const mantissa = x / power;
	return (mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1) * power;
}

/** Palette slot of class `index` among `k` classes, spread over the palette, direction-aware. */
function slotOf(index: number, k: number, direction: Direction, size: number): number {
	const slot = k === 1 ? Math.floor((size - 1) / 2) : Math.round((index * (size - 1)) / (k - 1));
	return direction === 'baisse' ? size - 1 - slot : slot;
}

/** Quantile classes (see module comment) of the available values. `neutre` orders like `hausse`. */
export function classify(
	values: Iterable<Maybe<number>>,
	direction: Direction = 'hausse',
	count = CLASS_COUNT
): Classification {
	const sorted = Array.from(values).filter(isAvailable).sort((a, b) => a - b);
	if (sorted.length === 0) return { classes: [], thresholds: [], decimals: 0, classOf: () => null };
	const lo = sorted[0];
	const hi = sorted[sorted.length - 1];
	const quantiles = Array.from({ length: count + 1 }, (_, i) => quantileSorted(sorted, i / count)!);
	// Integer data keep integer breaks (no « de 1,0 à moins de 2,0 morts »); below a step of 1,
	// the ceiling of a quantile splits integers exactly as the quantile itself does.
	const integers = sorted.every(Number.isInteger);
	const thresholds: number[] = [];
	let decimals = 0;
	for (let i = 1; i < count; i++) {
		const gaps = [quantiles[i] - quantiles[i - 1], quantiles[i + 1] - quantiles[i]].filter((g) => g > 0);
		if (gaps.length === 0) continue; // inside a run of ties: no break
		let step = niceFloor(Math.min(...gaps) / 2);
		let rounded: number;
		if (integers && step < 1) [step, rounded] = [1, Math.ceil(quantiles[i])];
		else rounded = Number((Math.round(quantiles[i] / step) * step).toFixed(decimalsOf(step)));
		// Keep breaks inside (lo, hi] and strictly increasing: no empty class.
		if (rounded > lo && rounded <= hi && rounded > (thresholds.at(-1) ?? -Infinity)) {
			thresholds.push(rounded);
			decimals = Math.max(decimals, decimalsOf(step));
		}
	}
	const bounds = [lo, ...thresholds, hi];
	const counts = new Array(thresholds.length + 1).fill(0);
	for (const value of sorted) counts[bisectRight(thresholds, value)]++;
	const classes = counts.map(
		(n, index): MapClass => ({
			index,
			slot: slotOf(index, counts.length, direction, count),
			min: bounds[index],
			max: bounds[index + 1],
			count: n
		})
	);
	return {
		classes,
		thresholds,
		decimals,
		classOf: (value) => (isAvailable(value) ? classes[bisectRight(thresholds, value)] : null)
	};
}

/**
 * Legend text of a class: `de 10 à moins de 20 %`, last class `de 80 à 95 %`, a one-value
 * class `100 %`. Numbers use the break precision; units as in `formatValue`.
 */
export function classLabel(cls: MapClass, classification: Classification, unit?: string | null): string {
	const isLast = cls.index === classification.classes.length - 1;
	const euros = unit === 'EUR' || unit === '€';
	const decimals = euros ? undefined : classification.decimals;
	const full = (value: number) => formatValue(value, unit, { decimals });
	const bare = (value: number) => (euros ? full(value) : formatNumber(value, { decimals }));
	if (cls.min === cls.max) return full(cls.min);
	return isLast ? `de ${bare(cls.min)} à ${full(cls.max)}` : `de ${bare(cls.min)} à moins de ${full(cls.max)}`;
}

/**
 * What the shades mean, in one sentence under the legend's title. The strongest shade is the most
 * favourable class (slot 4): darkest on a light page, lightest on a dark one, hence « contraste
 * avec le fond ». Without a direction (or `neutre`) it only orders the values.
 */
export function directionNote(direction?: Direction | null): string {
	if (direction === 'hausse' || direction === 'baisse')
		return `Plus la teinte contraste avec le fond, plus la valeur est favorable (ici, plus ${direction === 'baisse' ? 'basse' : 'haute'}).`;
	const note = 'Plus la teinte contraste avec le fond, plus la valeur est haute';
	return direction === 'neutre' ? `${note} ; ni la hausse ni la baisse n’est jugée favorable.` : `${note}.`;
}

/** CSS colour of a palette slot, from the caller's variables: `var(--carte-classe-3)`. */
export function slotColour(slot: number, variable = '--carte-classe'): string {
	return `var(${variable}-${slot})`;
}

/** Geometry of the « donnée non disponible » hatching, shared by the map and its legend. */
export const MISSING_HATCH = { size: 6, angle: 45, strokeWidth: 2 } as const;
