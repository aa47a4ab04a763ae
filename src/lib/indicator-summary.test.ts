import { describe, expect, it } from 'vitest';
import { summarizeProgress } from './indicator-summary';

describe('summarizeProgress', () => {
	it('IND-200 France (official file): 69 in May 2022 → 82.02 in May 2024, final target 80 in Dec 2026', () => {
		const s = summarizeProgress({
			direction: 'hausse',
			series: [
				{ date: '2024-04-01', value: 81.5 },
				{ date: '2024-05-01', value: 82.02 }
			],
			baselines: [{ date: '2022-05-01', value: 69 }],
			targets: [
				{ date: '2024-12-01', value: 75 },
				{ date: '2026-12-01', value: 80 }
			]
		});
		expect(s.latest).toEqual({ date: '2024-05-01', value: 82.02 });
		expect(s.finalTarget).toEqual({ date: '2026-12-01', value: 80 });
		expect(s.nextTarget).toEqual({ date: '2024-12-01', value: 75 });
		expect(s.rate).toBe(100);
		expect(s.status).toBe('atteinte');
		expect(s.change?.absolute).toBeCloseTo(13.02, 10);
	});

	it('ignores undated points for the latest value and says so when nothing is dated', () => {
		const s = summarizeProgress({ direction: 'neutre', series: [{ date: '', value: 80, qualifier: '>' }], baselines: [], targets: [] });
		expect(s.latest).toBeNull();
		expect(s.rate).toBeNull();
		expect(s.status).toBe('sans-cible');
	});

	it('a falling indicator behind its straight line is late', () => {
		const s = summarizeProgress({
			direction: 'baisse',
			series: [{ date: '2023-12-01', value: 4.8 }],
			baselines: [{ date: '2022-12-01', value: 4.9 }],
			targets: [{ date: '2026-12-01', value: 4 }]
		});
		expect(s.rate).toBeCloseTo(11.11, 2);
		expect(s.status).toBe('en-retard');
	});
});
