import { describe, expect, it } from 'vitest';
import { compareHref, withCode, withoutCode } from './url';

describe('compareHref', () => {
	it('writes only what is set, commas kept readable', () => {
		expect(compareHref({ codes: ['R84', 'D2A'] })).toBe('/comparer?t=R84,D2A');
		expect(compareHref({ codes: ['R84', 'D2A'], famille: 'politiques-prioritaires', theme: null })).toBe(
			'/comparer?t=R84,D2A&famille=politiques-prioritaires'
		);
		expect(compareHref({ codes: [] })).toBe('/comparer');
		expect(compareHref({ codes: ['R84', 'R93'], theme: 'sante' }, '/comparer/donnees.csv')).toBe('/comparer/donnees.csv?t=R84,R93&theme=sante');
	});

	it('adds and removes codes without duplicates', () => {
		expect(withCode({ codes: ['R84'] }, 'R84').codes).toEqual(['R84']);
		expect(withCode({ codes: ['R84'] }, 'D2A').codes).toEqual(['R84', 'D2A']);
		expect(withoutCode({ codes: ['R84', 'D2A', 'R93'] }, 'D2A').codes).toEqual(['R84', 'R93']);
	});
});
