import { describe, expect, it } from 'vitest';
import { CLASS_COUNT, classLabel, classify, directionNote, slotColour } from './classes';

/** Labels with plain spaces (the formatter uses U+202F / U+00A0). */
const labels = (values: (number | null)[], unit?: string, direction?: 'hausse' | 'baisse') => {
	const c = classify(values, direction);
	return c.classes.map((cls) => classLabel(cls, c, unit).replace(/[\u202F\u00A0]/g, ' '));
};

const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

describe('classify', () => {
	it('makes 5 quantile classes with round breaks', () => {
		// 0, 1, …, 100: quantiles 20, 40, 60, 80 (rounding step 10).
		const c = classify(range(101, (i) => i));
		expect(c.thresholds).toEqual([20, 40, 60, 80]);
		expect(c.classes.map((k) => k.count)).toEqual([20, 20, 20, 20, 21]);
		expect(c.classOf(19.9)?.index).toBe(0);
		expect(c.classOf(20)?.index).toBe(1);
		expect(c.classOf(100)?.index).toBe(4);
		expect(c.classOf(-5)?.index).toBe(0);
		expect(c.classOf(null)).toBeNull();
		expect(c.classOf(Number.NaN)).toBeNull();
	});

	it('keeps colour contrast for skewed counts (where equal intervals would not)', () => {
		// 95 small values and a few very large ones, like population-driven counts.
		const values = [...range(95, (i) => 1000 + i * 10), 50_000, 80_000, 120_000];
		const c = classify(values);
		expect(c.thresholds).toEqual([1200, 1400, 1600, 1800]);
		expect(c.classes.map((k) => k.count)).toEqual([20, 20, 20, 20, 18]);
		expect(c.classes.map((k) => classLabel(k, c).replace(/\u202F/g, ' '))).toEqual([
			'de 1 000 à moins de 1 200',
			'de 1 200 à moins de 1 400',
			'de 1 400 à moins de 1 600',
			'de 1 600 à moins de 1 800',
			'de 1 800 à 120 000'
		]);
	});

	it('puts the favourable end on the last palette slot, inverted for baisse', () => {
		const values = range(101, (i) => i);
		expect(classify(values, 'hausse').classes.map((k) => k.slot)).toEqual([0, 1, 2, 3, 4]);
		expect(classify(values, 'neutre').classes.map((k) => k.slot)).toEqual([0, 1, 2, 3, 4]);
		const baisse = classify(values, 'baisse');
		expect(baisse.classes.map((k) => k.slot)).toEqual([4, 3, 2, 1, 0]);
		expect(baisse.classOf(2)?.slot).toBe(4); // low value = good
	});

	it('merges tied breaks and spreads the remaining classes over the palette', () => {
		const c = classify([1, 1, 1, 1, 1, 1, 1, 1, 2, 3]);
		expect(c.thresholds).toEqual([2]); // quantile 1.2: same split of integers
		expect(c.classes[0].slot).toBe(0);
		expect(c.classes.at(-1)!.slot).toBe(4);
		const single = classify([7, 7, 7]);
		expect(single.classes).toEqual([{ index: 0, slot: 2, min: 7, max: 7, count: 3 }]);
	});

	it('ignores missing values and handles no value at all', () => {
		expect(classify([null, undefined, Number.NaN, 5, 6]).classes.reduce((n, k) => n + k.count, 0)).toBe(2);
		const empty = classify([null]);
		expect(empty.classes).toEqual([]);
		expect(empty.classOf(3)).toBeNull();
	});
});

describe('classLabel', () => {
	it('writes ranges with the break precision and the unit', () => {
		expect(labels(range(101, (i) => i), '%')).toEqual([
			'de 0 à moins de 20 %',
			'de 20 à moins de 40 %',
			'de 40 à moins de 60 %',
			'de 60 à moins de 80 %',
			'de 80 à 100 %'
		]);
		// 2,0 … 6,0: breaks 2,8 / 3,6 / 4,4 / 5,2, so every bound gets one decimal.
		expect(labels(range(41, (i) => 2 + i * 0.1))).toEqual([
			'de 2,0 à moins de 2,8',
			'de 2,8 à moins de 3,6',
			'de 3,6 à moins de 4,4',
			'de 4,4 à moins de 5,2',
			'de 5,2 à 6,0'
		]);
		expect(labels([7, 7, 7], 'km')).toEqual(['7 km']);
		// Integer counts keep integer breaks even when quantiles are close.
		expect(labels([0, 0, 1, 1, 2, 2, 2, 3, 4, 5, 6, 10], 'morts')).toEqual([
			'de 0 à moins de 1 morts',
			'de 1 à moins de 2 morts',
			'de 2 à moins de 3 morts',
			'de 3 à moins de 5 morts',
			'de 5 à 10 morts'
		]);
	});

	it('writes euros compactly on both ends', () => {
		const values = range(50, (i) => (i + 1) * 20_000_000);
		expect(labels(values, 'EUR').at(-1)).toBe('de 800 M€ à 1 Md€');
	});
});

describe('slotColour', () => {
	it('points at the caller’s CSS variables', () => {
		expect(slotColour(3)).toBe('var(--carte-classe-3)');
		expect(slotColour(0, '--palette')).toBe('var(--palette-0)');
	});
});

describe('directionNote', () => {
	it('says which end of the shades is favourable, and which values it holds', () => {
		expect(directionNote('hausse')).toBe('Plus la teinte contraste avec le fond, plus la valeur est favorable (ici, plus haute).');
		expect(directionNote('baisse')).toBe('Plus la teinte contraste avec le fond, plus la valeur est favorable (ici, plus basse).');
	});

	it('only orders the values when nothing is judged favourable', () => {
		expect(directionNote('neutre')).toBe('Plus la teinte contraste avec le fond, plus la valeur est haute ; ni la hausse ni la baisse n’est jugée favorable.');
		expect(directionNote()).toBe('Plus la teinte contraste avec le fond, plus la valeur est haute.');
	});

	it('agrees with the palette: the favourable class gets the strongest slot', () => {
		const [lowest, , , , highest] = classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'baisse').classes;
		expect(lowest.slot).toBe(CLASS_COUNT - 1);
		expect(highest.slot).toBe(0);
	});
});
