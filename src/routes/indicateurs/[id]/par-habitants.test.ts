import { describe, expect, it } from 'vitest';
import type { ChartData } from '$lib/server/queries/indicator';
import { perCapitaChart } from './par-habitants';

const chart = (francePopulation: number | null): ChartData => ({
	territory: { code: 'D93', name: 'Seine-Saint-Denis', level: 'departement' },
	lines: [
		{ code: 'D93', name: 'Seine-Saint-Denis', role: 'territoire', population: 1_600_000, points: [{ date: '2023-12-01', value: 40 }] },
		{ code: 'FR', name: 'France', role: 'france', population: francePopulation, points: [{ date: '2023-12-01', value: 2500 }] }
	],
	baselines: [{ date: '2022-12-01', value: 32 }],
	targets: [{ date: '2026-12-01', value: 80 }],
	summary: { baseline: { date: '2022-12-01', value: 32 }, finalTarget: { date: '2026-12-01', value: 80 } } as ChartData['summary']
});

describe('perCapitaChart', () => {
	it('divides each line by its own population, baseline and targets by the territory’s', () => {
		const c = perCapitaChart(chart(68_000_000), 100_000);
		expect(c.lines.map((l) => l.points[0].value)).toEqual([2.5, (2500 * 100_000) / 68_000_000]);
		expect(c.baseline).toEqual({ date: '2022-12-01', value: 2 });
		expect(c.targets).toEqual([{ date: '2026-12-01', value: 5 }]);
		expect(c.missingPopulation).toEqual([]);
	});

	it('leaves out, and names, a line without population rather than drawing it raw', () => {
		const c = perCapitaChart(chart(null), 100_000);
		expect(c.lines.map((l) => l.code)).toEqual(['D93']);
		expect(c.missingPopulation).toEqual(['France']);
	});
});
