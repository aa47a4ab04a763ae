import { describe, expect, it } from 'vitest';
import { bands, charsIn, stackRows, valueScale, valueTicks, wrapLabel, yearScale, yearTicks } from './scales';

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('labels', () => {
	it('wraps a label on word boundaries, a long word staying whole', () => {
		expect(wrapLabel('Ouverture de la procédure pénale numérique aux administrations', 20)).toEqual(['Ouverture de la', 'procédure pénale', 'numérique aux', 'administrations']);
		expect(wrapLabel('Anticonstitutionnellement court', 10)).toEqual(['Anticonstitutionnellement', 'court']);
		expect(wrapLabel('', 10)).toEqual(['']);
		expect(charsIn(100, 14)).toBe(12);
	});

	it('stacks rows: label lines, then the mark, then a gap', () => {
		const rows = stackRows(['Un', 'Deux mots longs'], 8, { lineHeight: 10, markHeight: 20, gap: 5, top: 0 });
		expect(rows[0]).toEqual({ top: 0, lines: ['Un'], markY: 22, bottom: 32 });
		expect(rows[1].top).toBe(37);
		expect(rows[1].lines).toEqual(['Deux', 'mots', 'longs']);
	});
});

describe('scales', () => {
	it('starts bars at 0, never goes past 100 % for shares, and labels ticks in French', () => {
		const shares = valueScale([42, 99], [0, 100], { unit: '%' });
		expect(shares.domain()).toEqual([0, 100]);
		const euros = valueScale([65_330_908, 544_523_095], [0, 500], { unit: 'EUR' });
		expect(euros.domain()[0]).toBe(0);
		expect(valueTicks(euros, 'EUR').map((t) => plain(t.label))).toContain('200 M€');
		const changes = valueScale([-25, 14], [0, 100]);
		expect(changes.domain()[0]).toBeLessThanOrEqual(-25);
		expect(changes.domain()[1]).toBeGreaterThanOrEqual(14);
	});

	it('can leave 0 out (dumbbells, lines), and survives a single value', () => {
		expect(valueScale([67, 77], [0, 100], { zero: false, unit: '%' }).domain()[0]).toBeGreaterThan(60);
		const [lo, hi] = valueScale([5], [0, 100], { zero: false }).domain();
		expect(lo < 5 && hi > 5).toBe(true);
	});

	it('places years with whole-year ticks, never two on a year', () => {
		const x = yearScale([2011, 2024], [0, 300]);
		const ticks = yearTicks(x, 56);
		expect(ticks[0].label).toBe('2011');
		expect(new Set(ticks.map((t) => t.label)).size).toBe(ticks.length);
		expect(ticks.every((t) => Number.isInteger(Number(t.label)))).toBe(true);
		expect(yearScale([2020], [0, 100]).domain()).toEqual([2019, 2021]);
	});

	it('splits categories into bands', () => {
		const b = bands(['2019', '2020'], [0, 100], 0.2);
		expect(b('2020')! > b('2019')!).toBe(true);
		expect(b.bandwidth()).toBeGreaterThan(0);
	});
});
