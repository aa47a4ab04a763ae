/**
 * What a chart shares with its marks (LayerCake-style): the scales as functions of the store's
 * date strings and of values, and the drawing box. The chart sets it once with getters over its
 * `$derived` scales, so every mark redraws when the width or the data change.
 */
import { getContext, setContext } from 'svelte';
import type { Margins } from './scales';

export interface ChartContext {
	/** `2024-05-01` → x in pixels. */
	readonly x: (date: string) => number;
	/** Value → y in pixels. */
	readonly y: (value: number) => number;
	readonly width: number;
	readonly height: number;
	readonly margin: Margins;
}

/** Which series a mark draws: the selected territory, its région, France, or the target path. */
export type LineStyle = 'territoire' | 'region' | 'france' | 'trajectoire';

const KEY = Symbol('graphique');

export function setChartContext(context: ChartContext): void {
	setContext(KEY, context);
}

export function getChartContext(): ChartContext {
	const context = getContext<ChartContext | undefined>(KEY);
	if (!context) throw new Error('Une marque de graphique doit être placée dans un graphique (setChartContext).');
	return context;
}
