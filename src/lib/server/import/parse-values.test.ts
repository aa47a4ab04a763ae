import { describe, expect, it } from 'vitest';
import { parseDate, parseNumber } from './parse-values';
import { publicTerritoryCode } from './territories';

describe('parseNumber', () => {
	it.each([
		['1234.5', 1234.5],
		['1234,5', 1234.5],
		['1 234,5', 1234.5],
		['1\u00a0234', 1234],
		['-3', -3],
		['\u22123,2', -3.2],
		['+7', 7],
		['0.000001', 0.000001]
	])('%s → %d', (raw, value) => expect(parseNumber(raw)).toEqual({ value }));
	it.each(['', 'abc', '1.234,5', '12 %', '1,2,3', 'NaN'])('rejects %j', (raw) => expect(parseNumber(raw)).toHaveProperty('error'));
});

describe('parseDate', () => {
	it('keeps the precision the source gives', () => {
		expect(parseDate('2024')).toEqual({ date: '2024' });
		expect(parseDate('2024-3')).toEqual({ date: '2024-03' });
		expect(parseDate('2024-03-31')).toEqual({ date: '2024-03-31' });
		expect(parseDate('2022-05-01T00:00:00.000Z')).toEqual({ date: '2022-05-01' });
	});
	it.each(['2024-13', '2023-02-29', '31/03/2024', '24', '2024-00-10'])('rejects %s', (raw) => expect(parseDate(raw)).toHaveProperty('error'));
});

describe('publicTerritoryCode', () => {
	it('resolves the forms real files use', () => {
		expect(publicTerritoryCode('national', 'FRANCE')).toBe('FR');
		expect(publicTerritoryCode('national', 'fr')).toBe('FR');
		expect(publicTerritoryCode('region', 'R84')).toBe('R84');
		expect(publicTerritoryCode('region', '84')).toBe('R84');
		expect(publicTerritoryCode('region', '1')).toBe('R01');
		expect(publicTerritoryCode('departement', 'D01')).toBe('D01');
		expect(publicTerritoryCode('departement', '1')).toBe('D01');
		expect(publicTerritoryCode('departement', '2a')).toBe('D2A');
		expect(publicTerritoryCode('departement', 'D971')).toBe('D971');
		expect(publicTerritoryCode('departement', 'R84')).toBeNull();
		expect(publicTerritoryCode('national', '84')).toBeNull();
	});
});
