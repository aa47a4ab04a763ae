import { describe, expect, it } from 'vitest';
import { isoDay, labelWidth, thinTicks, timeScale, timeTicks, toTime, valueScale, valueTicks } from './scales';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('time', () => {
	it('store dates at the start of their period, in UTC', () => {
		expect(isoDay(toTime('2024-05-01'))).toBe('2024-05-01');
		expect(isoDay(toTime('2024-05'))).toBe('2024-05-01');
		expect(isoDay(toTime('2024'))).toBe('2024-01-01');
	});

	it('maps the first and last dates to the ends of the range', () => {
		const x = timeScale(['2023-01-01', '2022-05-01', '2026-12-01'], [40, 640]);
		expect(x(toTime('2022-05-01'))).toBe(40);
		expect(x(toTime('2026-12-01'))).toBe(640);
	});

	it('one date still gives a usable scale, with distinct month ticks', () => {
		const x = timeScale(['2024-05-01'], [0, 100]);
		expect(x(toTime('2024-05-01'))).toBeCloseTo(50, 5);
		const labels = timeTicks(timeScale(['2023-12-15'], [0, 900])).map((t) => t.label);
		expect(new Set(labels).size).toBe(labels.length);
	});

	it('yearly ticks read as years, others as French months', () => {
		const years = timeTicks(timeScale(['2017-01-31', '2022-11-30'], [0, 600]));
		expect(years.map((t) => t.label)).toEqual(['2018', '2019', '2020', '2021', '2022']);
		const months = timeTicks(timeScale(['2024-01-01', '2024-06-01'], [60, 600]));
		expect(months[0].label).toBe('janvier 2024');
		expect(months.every((t) => /^[a-zéû]+ 2024$/.test(t.label))).toBe(true);
	});

	it('fewer ticks on narrow charts', () => {
		const wide = timeTicks(timeScale(['2017-01-01', '2022-12-01'], [0, 900]));
		const narrow = timeTicks(timeScale(['2017-01-01', '2022-12-01'], [0, 250]));
		expect(narrow.length).toBeLessThan(wide.length);
		expect(narrow.length).toBeGreaterThanOrEqual(2);
	});
});

describe('values', () => {
	it('pads and rounds the domain, y grows upwards', () => {
		const y = valueScale([69, 82.02, 80], [300, 0], '%');
		const [lo, hi] = y.domain();
		expect(lo).toBeLessThanOrEqual(69);
		expect(hi).toBeGreaterThanOrEqual(82.02);
		expect(y(lo)).toBe(300);
		expect(y(hi)).toBe(0);
	});

	it('shares stay within 0–100 %', () => {
		const y = valueScale([1, 99.5], [100, 0], '%');
		expect(y.domain()[0]).toBeGreaterThanOrEqual(0);
		expect(y.domain()[1]).toBeLessThanOrEqual(100);
	});

	it('counts never get a negative axis from padding', () => {
		expect(valueScale([3, 340], [100, 0], 'nombre').domain()[0]).toBe(0);
		expect(valueScale([-5, 10], [100, 0]).domain()[0]).toBeLessThan(-5);
	});

	it('a single value or zero still gives a range', () => {
		expect(valueScale([0], [100, 0]).domain()).toEqual([0, 1]);
		const [lo, hi] = valueScale([50], [100, 0]).domain();
		expect(lo).toBeLessThan(50);
		expect(hi).toBeGreaterThan(50);
	});

	it('more decimals when the default ones would repeat a label', () => {
		const y = valueScale([1.1e9], [300, 0], 'EUR');
		const labels = valueTicks(y, 'EUR').map((t) => plain(t.label));
		expect(new Set(labels).size).toBe(labels.length);
		expect(labels).toContain('1,10 Md€');
	});

	it('tick labels in French with their unit', () => {
		const y = valueScale([2800, 3500], [300, 0], 'nombre');
		expect(valueTicks(y, 'nombre').map((t) => plain(t.label))).toContain('3 000');
		const p = valueScale([60, 80], [300, 0], '%');
		expect(valueTicks(p, '%').map((t) => plain(t.label))).toContain('70 %');
	});
});

describe('thinTicks: labels never overlap', () => {
	it('keeps every tick when there is room, every other one when month labels collide', () => {
		const ticks = [0, 60, 120, 180, 240].map((at, i) => ({ at, label: ['octobre 2023', 'janvier 2024', 'avril 2024', 'juillet 2024', 'octobre 2024'][i] }));
		const kept = thinTicks(ticks);
		expect(kept.map((t) => t.label)).toEqual(['octobre 2023', 'avril 2024', 'octobre 2024']);
		for (let i = 1; i < kept.length; i++) expect(kept[i].at - kept[i - 1].at).toBeGreaterThanOrEqual(labelWidth('octobre 2023') + 12);
		const years = [0, 80, 160].map((at, i) => ({ at, label: String(2020 + i) }));
		expect(thinTicks(years)).toEqual(years);
	});

	it('timeTicks at 375 px leaves at least a label width between month labels', () => {
		const scale = timeScale(['2023-10-01', '2024-05-01'], [40, 360]);
		const ticks = timeTicks(scale);
		expect(ticks.length).toBeGreaterThanOrEqual(2);
		for (let i = 1; i < ticks.length; i++)
			expect(ticks[i].at - ticks[i - 1].at).toBeGreaterThanOrEqual((labelWidth(ticks[i].label) + labelWidth(ticks[i - 1].label)) / 2);
	});
});
