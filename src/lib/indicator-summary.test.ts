import { describe, expect, it } from 'vitest';
import { summarizeProgress } from './indicator-summary';
import { statusPhrase } from './progress';
import { statusLine } from './status-summary';

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

describe('statuses say when they were judged', () => {
	// Seine-Saint-Denis, CPTS coverage: 73 % in May 2024 for 100 % in December 2026 (on track then).
	const cpts = (asOf: string, frequency: string | null = null) =>
		summarizeProgress({
			direction: 'hausse',
			unit: '%',
			frequency,
			asOf,
			series: [
				{ date: '2024-03-01', value: 70 },
				{ date: '2024-04-01', value: 71 },
				{ date: '2024-05-01', value: 73 }
			],
			baselines: [{ date: '2022-12-01', value: 40 }],
			targets: [{ date: '2026-12-01', value: 100 }]
		});

	it('on track, judged at the date of the last value', () => {
		const s = cpts('2024-06-29');
		expect(s.status).toBe('en-bonne-voie');
		expect(s.judgedAt).toBe('2024-05-01');
		expect(s.outdated).toBeNull();
		expect(statusPhrase(s)).toBe('En bonne voie au vu de la valeur de mai 2024');
	});

	it('a monthly value two years old is no longer « en bonne voie »', () => {
		const s = cpts('2026-06-01');
		expect(s.judged).toBe('en-bonne-voie');
		expect(s.status).toBe('non-evaluable');
		expect(s.outdated).toBe('frequence');
		expect(statusPhrase(s)).toBe(
			'Non évaluable aujourd’hui : dernière valeur trop ancienne pour le rythme de l’indicateur (en bonne voie au vu de la valeur de mai 2024)'
		);
	});

	it('a declared annual rhythm allows two years', () => {
		expect(cpts('2026-03-01', 'annuelle').status).toBe('en-bonne-voie');
		expect(cpts('2026-06-01', 'annuelle').status).toBe('non-evaluable');
	});

	it('a deadline passed since the last value: said plainly', () => {
		const s = cpts('2027-01-15', 'annuelle');
		expect(s.outdated).toBe('echeance');
		expect(statusPhrase(s)).toBe(
			'Non évaluable aujourd’hui : échéance de décembre 2026 passée sans valeur publiée depuis (en bonne voie au vu de la valeur de mai 2024)'
		);
	});

	it('a late status keeps its badge, with its date and its age', () => {
		const s = summarizeProgress({
			direction: 'baisse',
			asOf: '2026-12-01',
			series: [{ date: '2023-12-01', value: 4.8 }],
			baselines: [{ date: '2022-12-01', value: 4.9 }],
			targets: [{ date: '2026-12-01', value: 4 }]
		});
		expect(s.status).toBe('en-retard');
		expect(statusPhrase(s)).toBe('En retard au vu de la valeur de décembre 2023');
	});
});

describe('degenerate targets are « non significative » and not counted', () => {
	it('trees planted in Seine-Saint-Denis, target 0 for a « higher is better » count', () => {
		const s = summarizeProgress({
			direction: 'hausse',
			unit: 'nombre',
			asOf: '2024-06-29',
			series: [{ date: '2024-05-01', value: 1200 }],
			baselines: [{ date: '2022-12-01', value: 0 }],
			targets: [{ date: '2026-12-01', value: 0 }]
		});
		expect(s.status).toBe('non-significative');
		expect(s.rate).toBeNull();
		expect(statusPhrase(s)).toBe('Cible non significative : cible nulle pour un indicateur qui doit augmenter');
	});

	it('a target equal to the baseline', () => {
		const s = summarizeProgress({
			direction: 'baisse',
			asOf: '2024-06-29',
			series: [{ date: '2024-05-01', value: 12 }],
			baselines: [{ date: '2022-12-01', value: 10 }],
			targets: [{ date: '2026-12-01', value: 10 }]
		});
		expect(s.status).toBe('non-significative');
		expect(s.degenerate).toBe('egale');
	});

	it('the summary line counts them apart, never as reached or on track', () => {
		const line = statusLine(['atteinte', 'en-bonne-voie', 'non-significative', 'non-evaluable', 'en-retard', 'sans-cible'], ['indicateur', 'indicateurs']);
		expect(line).toMatch(/^Sur 6 indicateurs : 1 cible atteinte, 1 en bonne voie, 1 en retard/);
		expect(line).toContain('1 cible non significative');
		expect(line).toContain('1 non évaluable aujourd’hui');
	});
});

describe('placeholder baselines (official DITP files)', () => {
	it('IND-246: baseline 0 dated January 2023 while the rate was 95 % that month → withheld, no change, no rate', () => {
		const s = summarizeProgress({
			direction: 'hausse',
			unit: '%',
			asOf: '2024-06-29',
			series: [
				{ date: '2023-01-01', value: 95 },
				{ date: '2024-02-01', value: 96.5 }
			],
			baselines: [{ date: '2023-01-01', value: 0 }],
			targets: [{ date: '2026-12-01', value: 95 }]
		});
		expect(s.baseline).toBeNull();
		expect(s.baselineWithheld).toEqual({ date: '2023-01-01', value: 0 });
		expect(s.change).toBeNull();
		expect(s.rate).toBeNull();
		expect(s.status).toBeNull();
		expect(statusPhrase(s)).toBe('Non calculable');
	});

	it('IND-338: baseline 0 dated January 2024 with no value that month → withheld', () => {
		const s = summarizeProgress({
			direction: 'hausse',
			unit: '%',
			series: [{ date: '2023-06-01', value: 84.3 }],
			baselines: [{ date: '2024-01-01', value: 0 }],
			targets: [{ date: '2026-12-01', value: 88 }]
		});
		expect(s.baselineWithheld).not.toBeNull();
		expect(s.rate).toBeNull();
	});

	it('a real 0 % baseline, observed at its date, is kept; so is a 0 baseline of a count', () => {
		const real = summarizeProgress({
			direction: 'hausse',
			unit: '%',
			series: [
				{ date: '2022-01-01', value: 0 },
				{ date: '2024-01-01', value: 30 }
			],
			baselines: [{ date: '2022-01-01', value: 0 }],
			targets: [{ date: '2026-12-01', value: 60 }]
		});
		expect(real.baseline).toEqual({ date: '2022-01-01', value: 0 });
		expect(real.rate).toBe(50);
		const count = summarizeProgress({
			direction: 'hausse',
			unit: 'nombre',
			series: [{ date: '2024-01-01', value: 30 }],
			baselines: [{ date: '2022-01-01', value: 0 }],
			targets: [{ date: '2026-12-01', value: 60 }]
		});
		expect(count.baseline?.value).toBe(0);
	});
});
