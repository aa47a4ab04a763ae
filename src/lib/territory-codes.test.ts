import { describe, expect, it } from 'vitest';
import { canonicalCodeList, sortTerritoryCodes } from './territory-codes';

describe('sortTerritoryCodes', () => {
	it('puts France first, then régions, then départements by INSEE code', () => {
		expect(sortTerritoryCodes(['D2A', 'R93', 'FR', 'D13', 'R84', 'D971', 'D30', 'D29', 'D2B', 'R01'])).toEqual([
			'FR',
			'R01',
			'R84',
			'R93',
			'D13',
			'D29',
			'D2A',
			'D2B',
			'D30',
			'D971'
		]);
	});
	it('drops duplicates', () => {
		expect(sortTerritoryCodes(['R84', 'R84', 'D2A'])).toEqual(['R84', 'D2A']);
	});
});

describe('canonicalCodeList', () => {
	it('sorts, trims, upper-cases and deduplicates a t list', () => {
		expect(canonicalCodeList('D2A,R93,R84')).toBe('R84,R93,D2A');
		expect(canonicalCodeList(' r93 ,R84,,R84')).toBe('R84,R93');
		expect(canonicalCodeList('R84,R93,D2A')).toBe('R84,R93,D2A');
	});
	it('is null when a code is malformed (the page refuses it)', () => {
		expect(canonicalCodeList('R84,X1')).toBeNull();
		expect(canonicalCodeList('R84,D1000')).toBeNull();
	});
});
