import { describe, expect, it } from 'vitest';
import {
	formatCount,
	formatOrdinal,
	formatOn,
	revisionDecimals,
	MINUS,
	MISSING,
	MISSING_LABEL,
	THOUSANDS_SEPARATOR,
	UNIT_SEPARATOR,
	compareFr,
	describeValue,
	formatAge,
	formatDay,
	formatUpdated,
	formatEuros,
	formatMonth,
	formatNumber,
	formatPercent,
	formatPeriod,
	formatSignedChange,
	formatValue,
	matchesSearch,
	normalizeSearch,
	parseDate
} from './format';

/** Expected strings are written with plain spaces and `-`; the output is normalised to match. */
const plain = (text: string) => text.replace(/[\u202F\u00A0]/g, ' ').replace(/\u2212/g, '-');

describe('typography constants', () => {
	it('uses U+202F for thousands, U+00A0 before units, U+2212 for minus', () => {
		expect(formatNumber(1234.5)).toBe(`1${THOUSANDS_SEPARATOR}234,5`);
		expect(THOUSANDS_SEPARATOR).toBe('\u202F');
		expect(formatPercent(45.7)).toBe(`45,7${UNIT_SEPARATOR}%`);
		expect(UNIT_SEPARATOR).toBe('\u00A0');
		expect(formatNumber(-1.5)).toBe(`${MINUS}1,5`);
		expect(MINUS).toBe('\u2212');
	});
});

describe('formatNumber', () => {
	it('keeps integers as integers and gives at most two decimals by default', () => {
		expect(plain(formatNumber(1234))).toBe('1 234');
		expect(plain(formatNumber(1234.56))).toBe('1 234,56');
		expect(plain(formatNumber(82.02))).toBe('82,02');
		expect(plain(formatNumber(63.49400000000001))).toBe('63,49');
		expect(formatNumber(3.14159)).toBe('3,14');
		expect(plain(formatNumber(63_200_000))).toBe('63 200 000');
		expect(formatNumber(999)).toBe('999');
	});

	it('honours a fixed number of decimals, rounding decimal-correctly', () => {
		expect(formatNumber(3, { decimals: 2 })).toBe('3,00');
		expect(formatNumber(1.005, { decimals: 2 })).toBe('1,01');
		expect(plain(formatNumber(1234.5, { decimals: 0 }))).toBe('1 235');
	});

	it('never prints -0', () => {
		expect(formatNumber(-0)).toBe('0');
		expect(formatNumber(-0.004)).toBe('0');
		expect(formatNumber(-0.004, { decimals: 2 })).toBe('0,00');
		expect(plain(formatNumber(-1234.5))).toBe('-1 234,5');
	});

	it('appends a unit label', () => {
		expect(plain(formatNumber(12, { unit: 'km' }))).toBe('12 km');
	});

	it('prints missing values as a dash', () => {
		expect(formatNumber(null)).toBe('—');
		expect(formatNumber(undefined)).toBe(MISSING);
		expect(formatNumber(Number.NaN)).toBe(MISSING);
		expect(formatNumber(Number.POSITIVE_INFINITY)).toBe(MISSING);
	});
});

describe('formatValue', () => {
	it('formats percentages', () => {
		expect(plain(formatValue(45.7, '%'))).toBe('45,7 %');
		expect(plain(formatValue(100, '%'))).toBe('100 %');
		expect(plain(formatPercent(12.345, { decimals: 2 }))).toBe('12,35 %');
	});

	it('formats euros compactly, with an exact variant', () => {
		expect(plain(formatValue(24_300_000, 'EUR'))).toBe('24,3 M€');
		expect(plain(formatValue(700_000_000, 'EUR'))).toBe('700 M€');
		expect(plain(formatValue(1_234_000_000, 'EUR'))).toBe('1,2 Md€');
		expect(plain(formatValue(999_960_000, 'EUR'))).toBe('1 Md€');
		expect(plain(formatValue(12_000, 'EUR'))).toBe('12 000 €');
		expect(plain(formatValue(24_300_000, 'EUR', { exact: true }))).toBe('24 300 000 €');
		expect(plain(formatEuros(12_000.5))).toBe('12 000,50 €');
		expect(plain(formatEuros(-2_500_000))).toBe('-2,5 M€');
	});

	it('prints counts bare and other units as labels', () => {
		expect(plain(formatValue(1234, 'morts'))).toBe('1 234 morts');
		expect(plain(formatValue(1234, 'nombre'))).toBe('1 234');
		expect(plain(formatValue(1234))).toBe('1 234');
		expect(plain(formatValue(3.5, 'mois'))).toBe('3,5 mois');
	});

	it('describes missing values for assistive technologies', () => {
		expect(formatValue(null, '%')).toBe(MISSING);
		expect(describeValue(null, '%')).toBe('donnée non disponible');
		expect(MISSING_LABEL).toBe('donnée non disponible');
		expect(plain(describeValue(45.7, '%'))).toBe('45,7 %');
	});
});

describe('formatSignedChange', () => {
	it('always shows the sign, with a true minus', () => {
		expect(formatSignedChange(3.2)).toBe('+3,2');
		expect(formatSignedChange(-1.5)).toBe('\u22121,5');
		expect(plain(formatSignedChange(1234))).toBe('+1 234');
	});

	it('has no sign when the change rounds to zero', () => {
		expect(formatSignedChange(0)).toBe('0');
		expect(formatSignedChange(-0.004)).toBe('0');
	});

	it('writes percentage points with French agreement, and other units', () => {
		expect(plain(formatSignedChange(3.2, { unit: 'pts' }))).toBe('+3,2 pts');
		expect(plain(formatSignedChange(-1.5, { unit: 'pts' }))).toBe('-1,5 pt');
		expect(plain(formatSignedChange(12.5, { unit: '%' }))).toBe('+12,5 %');
		expect(plain(formatSignedChange(-24_300_000, { unit: 'EUR' }))).toBe('-24,3 M€');
		expect(formatSignedChange(null)).toBe(MISSING);
	});
});

describe('dates', () => {
	it('parses the three precisions and rejects anything else', () => {
		expect(parseDate('2024')).toEqual({ year: 2024, month: undefined, day: undefined, precision: 'year' });
		expect(parseDate('2024-03')).toMatchObject({ year: 2024, month: 3, precision: 'month' });
		expect(parseDate('2024-02-29')).toMatchObject({ day: 29, precision: 'day' });
		expect(() => parseDate('2023-02-29')).toThrow(RangeError);
		expect(() => parseDate('2024-13')).toThrow(RangeError);
		expect(() => parseDate('03/2024')).toThrow(RangeError);
	});

	it('formats months and days', () => {
		expect(formatMonth('2024-03-15')).toBe('mars 2024');
		expect(formatMonth('2024-08')).toBe('août 2024');
		expect(formatMonth('2024')).toBe('2024');
		expect(formatDay('2024-03-15')).toBe('15 mars 2024');
		expect(formatDay('2024-03-01')).toBe('1er mars 2024');
		expect(formatUpdated('2024-06-29')).toBe('mise à jour le 29 juin 2024');
		expect(formatUpdated('2020-11')).toBe('mise à jour en novembre 2020');
		expect(formatUpdated('2020')).toBe('mise à jour en 2020');
		expect(formatDay('2024-12')).toBe('décembre 2024');
		expect(formatMonth(null)).toBe(MISSING);
		expect(formatDay('')).toBe(MISSING);
	});

	it('formats a period at the precision of its string', () => {
		expect(formatPeriod('2024')).toBe('2024');
		expect(formatPeriod('2024-03')).toBe('mars 2024');
		expect(formatPeriod('2024-03-15')).toBe('mars 2024');
		expect(formatPeriod('2024-03-15', { day: true })).toBe('15 mars 2024');
	});

	it('tells whether a figure is more than a year old', () => {
		expect(formatAge('2022-03-01', '2024-06-15')).toEqual({ old: true, label: 'donnée de mars 2022' });
		expect(formatAge('2023-04', '2024-06-15')).toEqual({ old: true, label: 'donnée d’avril 2023' });
		expect(formatAge('2023-08-01', '2024-06-15')).toEqual({ old: false, label: 'donnée d’août 2023' });
		// A yearly figure covers the whole year: 2023 is still fresh in mid-2024.
		expect(formatAge('2023', '2024-06-15')).toEqual({ old: false, label: 'donnée de 2023' });
		expect(formatAge('2023', '2025-01-01').old).toBe(true);
		// A monthly figure is old the day after the same month-end one year later.
		expect(formatAge('2023-03', '2024-03-31').old).toBe(false);
		expect(formatAge('2023-03', '2024-04-01').old).toBe(true);
		expect(formatAge('2022-03-01', new Date(2022, 5, 1)).old).toBe(false);
	});
});

describe('sorting and search', () => {
	it('sorts French names ignoring accents and case', () => {
		const names = ['Val-d’Oise', 'Ain', 'Éure-et-Loir', 'Essonne', 'Ardèche', 'Eure', 'ardennes'];
		expect(names.sort(compareFr)).toEqual([
			'Ain',
			'Ardèche',
			'ardennes',
			'Essonne',
			'Eure',
			'Éure-et-Loir',
			'Val-d’Oise'
		]);
		expect(['Lot 10', 'Lot 9'].sort(compareFr)).toEqual(['Lot 9', 'Lot 10']);
		expect(compareFr('Corrèze', 'correze')).toBe(0);
	});

	it('normalises search text', () => {
		expect(normalizeSearch('Côte-d\'Or')).toBe('cote d or');
		expect(normalizeSearch('  Côtes  d’Armor ')).toBe('cotes d armor');
		expect(normalizeSearch('Œuvre')).toBe('oeuvre');
		expect(normalizeSearch('Provence-Alpes-Côte d’Azur')).toBe('provence alpes cote d azur');
	});

	it('matches accent-insensitively', () => {
		expect(matchesSearch('Corrèze', 'correze')).toBe(true);
		expect(matchesSearch('Côte-d\'Or', "cote d'or")).toBe(true);
		expect(matchesSearch('Côte-d\'Or', 'COTE-D’OR')).toBe(true);
		expect(matchesSearch('Seine-Saint-Denis', 'saint denis')).toBe(true);
		expect(matchesSearch('Corrèze', 'creuse')).toBe(false);
		expect(matchesSearch('Corrèze', '')).toBe(true);
	});
});

describe('formatOn', () => {
	it('says a date after a verb at its own precision', () => {
		expect(formatOn('2024-06-29')).toBe('le 29 juin 2024');
		expect(formatOn('2020-11')).toBe('en novembre 2020');
		expect(formatOn('2020')).toBe('en 2020');
	});
});

describe('revisionDecimals', () => {
	it('shows both sides of a revision, a floating-point artefact read as published', () => {
		expect(revisionDecimals(60.82800000000001, 60.83)).toBe(3);
		expect(formatPercent(60.82800000000001, { decimals: revisionDecimals(60.82800000000001, 60.83) })).toBe(`60,828${UNIT_SEPARATOR}%`);
		expect(revisionDecimals(4.3, 4.4)).toBe(1);
		expect(revisionDecimals(12, 15)).toBe(0);
		expect(revisionDecimals(0.1234567891, 1)).toBe(6);
	});
});

describe('formatCount', () => {
	it('agrees the noun: 0 and 1 singular, 2 and more plural', () => {
		expect(formatCount(1, 'politique ou programme', 'politiques ou programmes')).toBe('1 politique ou programme');
		expect(formatCount(0, 'indicateur', 'indicateurs')).toBe('0 indicateur');
		expect(formatCount(2, 'politique ou programme', 'politiques ou programmes')).toBe('2 politiques ou programmes');
		expect(plain(formatCount(1234, 'indicateur', 'indicateurs'))).toBe('1 234 indicateurs');
	});
});


describe('formatEuros in millions', () => {
	it('holds a table in one unit: every amount in M€ with 2 decimals', () => {
		expect(plain(formatEuros(163_000_000, { millions: true }))).toBe('163,00 M€');
		expect(plain(formatEuros(168_743_689, { millions: true }))).toBe('168,74 M€');
		expect(plain(formatEuros(450_000, { millions: true }))).toBe('0,45 M€');
		expect(plain(formatValue(100_000, 'EUR', { millions: true }))).toBe('0,10 M€');
	});
});

describe('formatOrdinal', () => {
	it('writes French ordinals as 1er, 1re, 2e, 86e (never the modifier letter ᵉ)', () => {
		expect(formatOrdinal(1)).toBe('1er');
		expect(formatOrdinal(1, { feminine: true })).toBe('1re');
		expect(formatOrdinal(2)).toBe('2e');
		expect(formatOrdinal(86)).toBe('86e');
	});
});
