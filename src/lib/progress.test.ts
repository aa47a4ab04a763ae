import { describe, expect, it } from 'vitest';
import {
	statusParts,
	statusPartsBeside,
	type StatusVerdict,
	STATUS_LABELS_FR,
	STATUS_RULE_FR,
	changeSinceBaseline,
	expectedRate,
	pickTarget,
	progressRate,
	outdatedReason,
	progressStatus
} from './progress';

// Real cases from the DITP open data (DITP-pilotage/barometre-resultats @ 8b83f61,
// data/ind-NNN.csv): initial indic_vi, current indic_va, target indic_vc, published indic_ta.
describe('progressRate reproduces the published rates', () => {
	it('IND-200 France (hausse): current above target → 100', () => {
		expect(progressRate({ initial: 69.0, current: 82.02, target: 80.0, direction: 'hausse' })).toBe(100);
	});

	it('IND-223 D01 (hausse): partial progress, unrounded', () => {
		const rate = progressRate({ initial: 48.0, current: 51.9, target: 57.5, direction: 'hausse' });
		expect(rate).toBeCloseTo(41.0526, 4); // published 41.05
	});

	it('IND-561 D01 (hausse): going backwards clamps to 0', () => {
		expect(progressRate({ initial: 96.379311, current: 94.68, target: 99.33736, direction: 'hausse' })).toBe(0);
	});

	it('IND-297 D07 / D09 (baisse): partial progress', () => {
		expect(progressRate({ initial: 3.748724, current: 3.5, target: 3.0, direction: 'baisse' })).toBeCloseTo(33.22, 2);
		expect(progressRate({ initial: 3.580877, current: 3.3, target: 3.0, direction: 'baisse' })).toBeCloseTo(48.35, 2);
	});

	it('IND-297 D01 / D02 (baisse): worse than baseline → 0, beyond target → 100', () => {
		expect(progressRate({ initial: 3.038503, current: 3.2, target: 3.0, direction: 'baisse' })).toBe(0);
		expect(progressRate({ initial: 6.619747, current: 2.8, target: 3.0, direction: 'baisse' })).toBe(100);
	});

	it('initial already past the target: 100 while the target holds, else 0', () => {
		// IND-323 D88 (hausse, initial 12 044 ≥ target 10 209.97): 17 048 → 100.
		expect(progressRate({ initial: 12044, current: 17048, target: 10209.97, direction: 'hausse' })).toBe(100);
		// IND-589 D18 (hausse, initial = target = 100): 99 → 0.
		expect(progressRate({ initial: 100, current: 99, target: 100, direction: 'hausse' })).toBe(0);
		// IND-297 D11 (baisse, initial 2.81 ≤ target 3): 2.9 → 100; 3.1 would be 0.
		expect(progressRate({ initial: 2.8128, current: 2.9, target: 3.0, direction: 'baisse' })).toBe(100);
		expect(progressRate({ initial: 2.8128, current: 3.1, target: 3.0, direction: 'baisse' })).toBe(0);
	});

	it('returns null for missing values or a neutral direction', () => {
		expect(progressRate({ initial: null, current: 1, target: 2, direction: 'hausse' })).toBeNull();
		expect(progressRate({ initial: 1, current: undefined, target: 2, direction: 'hausse' })).toBeNull();
		expect(progressRate({ initial: 1, current: 1.5, target: Number.NaN, direction: 'baisse' })).toBeNull();
		expect(progressRate({ initial: 1, current: 1.5, target: 2, direction: 'neutre' })).toBeNull();
	});
});

describe('changeSinceBaseline', () => {
	it('gives the absolute and relative change', () => {
		const change = changeSinceBaseline(69.0, 82.02);
		expect(change.absolute).toBeCloseTo(13.02, 10);
		expect(change.percent).toBeCloseTo(18.8696, 4);
		expect(changeSinceBaseline(-10, -5)).toEqual({ absolute: 5, percent: 50 });
	});

	it('has no percent from a zero baseline, nothing when a value is missing', () => {
		expect(changeSinceBaseline(0, 12)).toEqual({ absolute: 12, percent: null });
		expect(changeSinceBaseline(null, 12)).toEqual({ absolute: null, percent: null });
	});
});

describe('progressStatus', () => {
	const ind223 = {
		initial: 48.0,
		initialDate: '2022-09-01',
		target: 57.5,
		targetDate: '2026-12-01',
		direction: 'hausse' as const
	};

	it('compares the rate with a straight line from baseline date to target date', () => {
		// 2022-09-01 → 2023-12-01 is 456 of 1552 days: 29.4 % expected; rate 41.05 % → on track.
		expect(expectedRate('2022-09-01', '2023-12-01', '2026-12-01')).toBeCloseTo(29.38, 2);
		expect(progressStatus({ ...ind223, current: 51.9, currentDate: '2023-12-01' })).toBe('en-bonne-voie');
		// Same value in mid-2025: 70 % of the time elapsed → late.
		expect(progressStatus({ ...ind223, current: 51.9, currentDate: '2025-09' })).toBe('en-retard');
	});

	it('says atteinte at 100 %', () => {
		expect(
			progressStatus({
				initial: 69.0,
				initialDate: '2022-05-01',
				current: 82.02,
				currentDate: '2024-05-01',
				target: 80.0,
				targetDate: '2026-12-01',
				direction: 'hausse'
			})
		).toBe('atteinte');
	});

	it('treats YYYY as 1 January and a target at or before the baseline as due', () => {
		expect(expectedRate('2022', '2023', '2024')).toBeCloseTo(50, 0);
		expect(expectedRate('2022-01', '2021-06', '2024')).toBe(0);
		expect(expectedRate('2024-01', '2024-06', '2024-01')).toBe(100);
		expect(progressStatus({ ...ind223, targetDate: '2022-09', current: 57, currentDate: '2023-01' })).toBe('en-retard');
	});

	it('is non-significative for a target equal to the baseline or a zero target for « hausse »', () => {
		const base = { initialDate: '2022-12-01', currentDate: '2024-05-01', targetDate: '2026-12-01' };
		expect(progressStatus({ ...base, initial: 0, current: 1200, target: 0, direction: 'hausse' })).toBe('non-significative');
		expect(progressStatus({ ...base, initial: 10, current: 12, target: 10, direction: 'baisse' })).toBe('non-significative');
		expect(progressStatus({ ...base, initial: 10, current: 0, target: 0, direction: 'baisse' })).toBe('atteinte');
	});

	it('is sans-cible without target, baseline or direction, and null without a current value', () => {
		expect(progressStatus({ ...ind223, target: null, current: 51.9, currentDate: '2023-12-01' })).toBe('sans-cible');
		expect(progressStatus({ ...ind223, targetDate: null, current: 51.9, currentDate: '2023-12-01' })).toBe('sans-cible');
		expect(progressStatus({ ...ind223, initial: undefined, current: 51.9, currentDate: '2023-12-01' })).toBe('sans-cible');
		expect(progressStatus({ ...ind223, direction: 'neutre', current: 51.9, currentDate: '2023-12-01' })).toBe('sans-cible');
		expect(progressStatus({ ...ind223, current: null, currentDate: '2023-12-01' })).toBeNull();
	});

	it('exports French labels and the rule', () => {
		expect(STATUS_LABELS_FR).toEqual({
			atteinte: 'Cible atteinte',
			'en-bonne-voie': 'En bonne voie',
			'en-retard': 'En retard',
			'sans-cible': 'Sans cible',
			'non-significative': 'Cible non significative',
			'non-evaluable': 'Non évaluable aujourd’hui'
		});
		expect(STATUS_RULE_FR).toMatch(/en bonne voie/);
		expect(STATUS_RULE_FR).toMatch(/jugé à la date de la dernière valeur/);
	});
});

describe('pickTarget', () => {
	const targets = [
		{ date: '2026-12-01', value: 80 },
		{ date: '2024-12-01', value: 75 },
		{ date: '2025', value: null },
		{ date: '2025-12-01', value: 77.5 }
	];

	it('final is the latest-dated target, next the first on or after the date', () => {
		expect(pickTarget(targets, '2024-05-01')).toEqual({
			final: { date: '2026-12-01', value: 80 },
			next: { date: '2024-12-01', value: 75 }
		});
		expect(pickTarget(targets, '2024-12-01').next).toEqual({ date: '2024-12-01', value: 75 });
		expect(pickTarget(targets, '2025-01').next).toEqual({ date: '2025-12-01', value: 77.5 });
		expect(pickTarget(targets, '2027').next).toBeNull();
	});

	it('without a date, next is the final target; no usable target gives nulls', () => {
		expect(pickTarget(targets)).toEqual({ final: targets[0], next: targets[0] });
		expect(pickTarget([])).toEqual({ final: null, next: null });
		expect(pickTarget([{ date: '2026', value: null }])).toEqual({ final: null, next: null });
	});

	it('compares mixed precisions by date, and keeps the last listed on a tie', () => {
		expect(pickTarget([{ date: '2026-12', value: 2 }, { date: '2027', value: 1 }]).final).toEqual({ date: '2027', value: 1 });
		expect(pickTarget([{ date: '2026-12-01', value: 2 }, { date: '2026-12', value: 3 }]).final?.value).toBe(3);
	});
});

describe('statusPartsBeside', () => {
	const verdict = (status: StatusVerdict['status'], outdated: StatusVerdict['outdated'] = null): StatusVerdict => ({
		status,
		judged: status === 'non-evaluable' ? 'en-bonne-voie' : status,
		judgedAt: '2024-05',
		outdated,
		degenerate: null,
		targetDate: '2024-12'
	});
	it('leaves the date of the value to the date printed beside it, and says what it adds', () => {
		expect(statusPartsBeside(verdict('en-retard'), '2024-05')).toEqual({ label: 'En retard', detail: '' });
		expect(statusPartsBeside(verdict('en-retard', 'echeance'), '2024-05')).toEqual({ label: 'En retard', detail: 'échéance de décembre 2024 passée' });
		expect(statusPartsBeside(verdict('non-evaluable', 'frequence'), '2024-05')).toEqual({ label: 'Non évaluable aujourd’hui', detail: 'valeur trop ancienne' });
	});
	it('says the date when it is not the one beside', () => {
		expect(statusPartsBeside(verdict('en-retard'), '2024-06')).toEqual(statusParts(verdict('en-retard')));
		expect(statusPartsBeside(verdict('en-retard'), '2024-06').detail).toBe('au vu de la valeur de mai 2024');
	});
});

describe('outdatedReason', () => {
	const judged = (asOf: string) => outdatedReason({ currentDate: '2023-12-01', targetDate: '2026-12-01', rhythm: null, asOf });
	it('a deadline shown as « décembre 2026 » runs to the end of December 2026', () => {
		expect(judged('2026-12-02')).toBeNull();
		expect(judged('2026-12-31')).toBeNull();
		expect(judged('2027-01-01')).toBe('echeance');
	});
	it('a yearly deadline runs to the end of its year; a value at or after the deadline is not outdated by it', () => {
		expect(outdatedReason({ currentDate: '2023', targetDate: '2025', rhythm: null, asOf: '2025-06-30' })).toBeNull();
		expect(outdatedReason({ currentDate: '2023', targetDate: '2025', rhythm: null, asOf: '2026-01-01' })).toBe('echeance');
		expect(outdatedReason({ currentDate: '2025-01', targetDate: '2025', rhythm: null, asOf: '2026-06-01' })).toBeNull();
	});
});
