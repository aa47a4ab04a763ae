/**
 * The chart's data per 100 000 inhabitants: each line divided by its own territory's population,
 * the baseline and targets by the selected territory's. A line whose territory has no known
 * population is left out (and named), never drawn raw next to per-capita ones. Pure.
 */
import { perInhabitants } from '$lib/per-capita';
import type { ChartData } from '$lib/server/queries/indicator';

export interface PerCapitaChart {
	lines: ChartData['lines'];
	baseline: { date: string; value: number } | null;
	finalTarget: { date: string; value: number } | null;
	targets: { date: string; value: number }[];
	/** Names of the territories left out for want of a population. */
	missingPopulation: string[];
}

export function perCapitaChart(chart: ChartData, per: number): PerCapitaChart {
	// Callers pass known populations only.
	const scale = (value: number, population: number) => perInhabitants(value, population, per)!;
	const own = chart.lines[0]?.population ?? null;
	const lines = chart.lines
		.filter((l) => l.population)
		.map((l) => ({ ...l, points: l.points.map((p) => ({ ...p, value: scale(p.value, l.population!) })) }));
	const dated = (d: { date: string; value: number } | null) => (d && own ? { date: d.date, value: scale(d.value, own) } : null);
	return {
		lines: lines.length ? lines : chart.lines.slice(0, 1).map((l) => ({ ...l, points: [] })),
		baseline: dated(chart.summary.baseline),
		finalTarget: dated(chart.summary.finalTarget),
		targets: own ? chart.targets.map((t) => ({ date: t.date, value: scale(t.value, own) })) : [],
		missingPopulation: chart.lines.filter((l) => !l.population).map((l) => l.name)
	};
}

/** The same shape for raw values, so the chart component reads one thing. */
export function rawChart(chart: ChartData): PerCapitaChart {
	return { lines: chart.lines, baseline: chart.summary.baseline, finalTarget: chart.summary.finalTarget, targets: chart.targets, missingPopulation: [] };
}
