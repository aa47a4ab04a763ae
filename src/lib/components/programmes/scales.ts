/**
 * Chart maths for the programme pages' marks (bars, grouped bars, dumbbells, yearly lines):
 * value scales with French tick labels, year scales, label wrapping and row layout. Pure: no DOM,
 * no Svelte; components call these in `$derived`, vitest tests them in node.
 */
import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3-scale';
import { formatValue } from '../../format';

export interface Tick {
	/** Position in pixels. */
	at: number;
	label: string;
}

/** Average glyph width as a share of the font size (system and Marianne fonts, digits and lower case). */
const GLYPH = 0.56;

/** Width in pixels a text takes at `fontPx` (an estimate: SVG text is laid out by the browser). */
export function textWidth(text: string, fontPx = 14): number {
	return Math.ceil(text.length * fontPx * GLYPH);
}

/** How many characters fit in `widthPx` at `fontPx` (at least 12). */
export function charsIn(widthPx: number, fontPx = 14): number {
	return Math.max(12, Math.floor(widthPx / (fontPx * GLYPH)));
}

/**
 * Greedy word wrap of a label into lines of at most `maxChars` characters (a longer word stays
 * whole on its own line). Always at least one line.
 */
export function wrapLabel(text: string, maxChars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.trim().split(/\s+/)) {
		if (!line) line = word;
		else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
		else {
			lines.push(line);
			line = word;
		}
	}
	lines.push(line);
	return lines;
}

export interface ValueScaleOptions {
	/** Include 0 in the domain (bars always start at 0). Default true. */
	zero?: boolean;
	unit?: string | null;
}

/**
 * Linear scale over the values, nice domain. Bars include 0; shares (`%`) whose values all lie in
 * 0–100 never extend past 100 because of rounding.
 */
export function valueScale(values: readonly number[], range: [number, number], options: ValueScaleOptions = {}): ScaleLinear<number, number> {
	const { zero = true, unit } = options;
	const finite = values.filter(Number.isFinite);
	let lo = finite.length ? Math.min(...finite) : 0;
	let hi = finite.length ? Math.max(...finite) : 1;
	if (zero) [lo, hi] = [Math.min(0, lo), Math.max(0, hi)];
	if (lo === hi) [lo, hi] = lo === 0 ? [0, 1] : [lo - Math.abs(lo) * 0.1, hi + Math.abs(hi) * 0.1];
	const scale = scaleLinear().domain([lo, hi]).range(range).nice(5);
	if (unit === '%' && hi <= 100 && lo >= 0) {
		const [d0, d1] = scale.domain();
		scale.domain([Math.max(0, d0), Math.min(100, d1)]);
	}
	return scale;
}

/** Ticks of a value scale with unit-aware French labels (`80 %`, `200 M€`, `3 000`). */
export function valueTicks(scale: ScaleLinear<number, number>, unit?: string | null, count = 5): Tick[] {
	return scale.ticks(count).map((v) => ({ at: scale(v), label: formatValue(v, unit) }));
}

/** Linear scale over years (numbers), padded by half a year on each side. */
export function yearScale(years: readonly number[], range: [number, number]): ScaleLinear<number, number> {
	const lo = Math.min(...years);
	const hi = Math.max(...years);
	return scaleLinear()
		.domain(lo === hi ? [lo - 1, hi + 1] : [lo - 0.5, hi + 0.5])
		.range(range);
}

/** Whole-year ticks, about one per `spacing` pixels, never two on the same year. */
export function yearTicks(scale: ScaleLinear<number, number>, spacing = 56): Tick[] {
	const [d0, d1] = scale.domain();
	const [r0, r1] = scale.range();
	const first = Math.ceil(d0);
	const last = Math.floor(d1);
	const span = Math.max(1, last - first);
	const room = Math.max(1, Math.floor(Math.abs(r1 - r0) / spacing));
	const step = Math.max(1, Math.ceil(span / room));
	const ticks: Tick[] = [];
	for (let year = first; year <= last; year += step) ticks.push({ at: scale(year), label: String(year) });
	return ticks;
}

/** Band scale for categories (grouped bars: the years; inside a group: the series). */
export function bands(domain: readonly string[], range: [number, number], padding = 0.2): ScaleBand<string> {
	return scaleBand<string>().domain(domain).range(range).paddingInner(padding).paddingOuter(padding / 2);
}

export interface RowLayout {
	/** Top of the row's first label line. */
	top: number;
	/** Label lines. */
	lines: string[];
	/** Vertical centre of the row's mark (bar, dumbbell line). */
	markY: number;
	/** Bottom of the row. */
	bottom: number;
}

/**
 * Rows of a horizontal chart whose labels sit above the mark (readable at any width): each row
 * is its wrapped label lines, then the mark, then a gap.
 */
export function stackRows(labels: readonly string[], maxChars: number, options: { lineHeight?: number; markHeight?: number; gap?: number; top?: number } = {}): RowLayout[] {
	const { lineHeight = 18, markHeight = 22, gap = 12, top = 0 } = options;
	const rows: RowLayout[] = [];
	let y = top;
	for (const label of labels) {
		const lines = wrapLabel(label, maxChars);
		const markTop = y + lines.length * lineHeight + 2;
		rows.push({ top: y, lines, markY: markTop + markHeight / 2, bottom: markTop + markHeight });
		y = markTop + markHeight + gap;
	}
	return rows;
}
