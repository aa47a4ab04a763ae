/**
 * Chart maths for the time-series marks: dates to pixels, values to pixels, ticks with French
 * labels. Pure (no DOM, no Svelte): components call these in `$derived`; vitest tests them in
 * node. Dates are the store's strings (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), placed at the start of
 * their period, in UTC so that a server and a browser in any time zone draw the same SVG.
 */
import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3-scale';
import { dayNumber, formatPeriod, formatValue } from '../../format';

const DAY_MS = 86_400_000;

export interface Margins {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** `2024-05-01` → the Date at 00:00 UTC that day (`2024` → 1 January). */
export function toTime(date: string): Date {
	return new Date(dayNumber(date) * DAY_MS);
}

/** Date → `YYYY-MM-DD` (UTC). */
export function isoDay(time: Date): string {
	return time.toISOString().slice(0, 10);
}

/** Time scale over the dates (at least one), padded by a year on each side when there is only one. */
export function timeScale(dates: readonly string[], range: [number, number]): ScaleTime<number, number> {
	const times = dates.map((d) => toTime(d).getTime());
	let [min, max] = [Math.min(...times), Math.max(...times)];
	if (min === max) [min, max] = [min - 365 * DAY_MS, max + 365 * DAY_MS];
	return scaleUtc().domain([new Date(min), new Date(max)]).range(range);
}

/**
 * Linear scale over the values (at least one), with 10 % padding (room for the labels of the
 * baseline and target marks) and a nice domain. A single
 * value gets ±10 % (or ±1 at 0). Padding never goes below 0 when the values do not, nor above
 * 100 for shares (`%`).
 */
export function valueScale(values: readonly number[], range: [number, number], unit?: string | null): ScaleLinear<number, number> {
	let [min, max] = [Math.min(...values), Math.max(...values)];
	if (min === max) {
		const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
		[min, max] = [min - pad, max + pad];
	} else {
		const pad = (max - min) * 0.1;
		[min, max] = [min - pad, max + pad];
	}
	// Padding never crosses 0 when no value does (no negative axis for counts), nor 100 % for shares.
	const lowest = Math.min(...values);
	if (lowest >= 0) min = Math.max(min, 0);
	if (unit === '%') max = Math.min(max, Math.max(100, ...values));
	return scaleLinear().domain([min, max]).range(range).nice();
}

export interface Tick {
	/** Position in pixels. */
	at: number;
	label: string;
}

/**
 * Ticks of a time scale, about one per `spacing` pixels: years alone (`2023`) when every tick
 * falls on 1 January, else month and year (`mars 2024`).
 */
export function timeTicks(scale: ScaleTime<number, number>, spacing = 110): Tick[] {
	const [r0, r1] = scale.range();
	const count = Math.max(2, Math.floor(Math.abs(r1 - r0) / spacing));
	// Month starts only: the labels name months, so a weekly tick would repeat its month.
	const ticks = scale.ticks(count).filter((t) => t.getUTCDate() === 1);
	const yearly = ticks.every((t) => t.getUTCMonth() === 0);
	const right = Math.max(r0, r1);
	// A label stays inside the drawing: not cut at the left edge, nor far past the axis' right end.
	const inside = (t: Tick) => t.at - labelWidth(t.label) / 2 >= 0 && t.at + labelWidth(t.label) / 2 <= right + 14;
	return thinTicks(ticks.map((t) => ({ at: scale(t), label: yearly ? String(t.getUTCFullYear()) : formatPeriod(isoDay(t)) })).filter(inside));
}

/** Width of a tick label in pixels at the axes' 12 px: generous (wide French month names). */
export const labelWidth = (label: string, charWidth = 7.2) => label.length * charWidth;

/**
 * Keeps every k-th tick, with the smallest k for which no two centred labels come closer than
 * `gap` pixels (d3 may return more ticks than asked for; « octobre 2023 » is wide): labels never
 * overlap, whatever the width available. The first tick is always kept.
 */
export function thinTicks(ticks: readonly Tick[], gap = 12, width: (label: string) => number = labelWidth): Tick[] {
	for (let k = 1; k <= ticks.length; k++) {
		const kept = ticks.filter((_, i) => i % k === 0);
		const clear = kept.every((t, i) => i === 0 || Math.abs(t.at - kept[i - 1].at) >= (width(t.label) + width(kept[i - 1].label)) / 2 + gap);
		if (clear) return kept;
	}
	return ticks.slice(0, 1);
}

/**
 * Ticks of a value scale with unit-aware French labels (`80 %`, `24,3 M€`, `3 000`); more
 * decimals when the default rounding would print two ticks alike (`1,15 Md€`, `1,2 Md€`).
 */
export function valueTicks(scale: ScaleLinear<number, number>, unit?: string | null, count = 5): Tick[] {
	const values = scale.ticks(count);
	let labels = values.map((v) => formatValue(v, unit));
	for (let decimals = 1; decimals <= 4 && new Set(labels).size < labels.length; decimals++)
		labels = values.map((v) => formatValue(v, unit, { decimals }));
	return values.map((v, i) => ({ at: scale(v), label: labels[i] }));
}
