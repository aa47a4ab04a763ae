import { describe, expect, it } from 'vitest';
import { formatQualified, qualifierParts } from './qualificatif';

/** Test strings with plain spaces (the formatter uses U+202F and U+00A0). */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('qualified figures', () => {
	it('writes the source’s reservation in words before the number', () => {
		expect(plain(formatQualified(800_000_000, 'EUR', '>'))).toBe('plus de 800 M€');
		expect(plain(formatQualified(90_000_000, 'EUR', 'pres de'))).toBe('près de 90 M€');
		expect(plain(formatQualified(500, 'nombre', 'approx.'))).toBe('environ 500');
		expect(plain(formatQualified(500_000, 'EUR', '<='))).toBe('au plus 500 000 €');
		expect(plain(formatQualified(5, '%', '<'))).toBe('moins de 5 %');
		expect(plain(formatQualified(72, '%', null))).toBe('72 %');
	});

	it('keeps the source’s own words, and drops a parenthesis that only repeats the number', () => {
		expect(plain(formatQualified(15, 'nombre', 'approx. (une quinzaine)'))).toBe('environ 15 (« une quinzaine » selon la source)');
		expect(plain(formatQualified(1_100_000_000, 'EUR', 'approx. (1,1 Md)'))).toBe('environ 1,1 Md€');
		expect(qualifierParts('approx. (1,1 Md)')).toEqual({ before: 'environ', after: '' });
	});

	it('never drops an unknown reservation, and prints changes in points with their sign', () => {
		expect(plain(formatQualified(3, 'nombre', 'estimé'))).toBe('estimé 3');
		expect(plain(formatQualified(-1, 'points', null))).toBe('−1 pt');
		expect(plain(formatQualified(9, 'points', null))).toBe('+9 pts');
		expect(formatQualified(null, '%', '>')).toBe('—');
	});
});

describe('money at the source’s precision', () => {
	it('keeps two decimals where the source gives them, the usual format otherwise', () => {
		expect(plain(formatQualified(1_250_000, 'EUR', null))).toBe('1,25 M€');
		expect(plain(formatQualified(2_310_000_000, 'EUR', null))).toBe('2,31 Md€');
		expect(plain(formatQualified(24_300_000, 'EUR', null))).toBe('24,3 M€');
		expect(plain(formatQualified(700_000_000, 'EUR', null))).toBe('700 M€');
		expect(plain(formatQualified(419_854_003, 'EUR', null))).toBe('419,9 M€');
		expect(plain(formatQualified(419_854_003, 'EUR', null, { exact: true }))).toBe('419 854 003 €');
	});
});
