import { describe, expect, it } from 'vitest';
import { compareCsvHref, compareEmbedHref, compareHref, compareIndicatorHref, withCode, withoutCode } from './url';

describe('compareHref', () => {
	it('writes only what is set, commas kept readable', () => {
		expect(compareHref({ codes: ['R84', 'D2A'] })).toBe('/comparer?t=R84,D2A');
		expect(compareHref({ codes: ['R84', 'D2A'], famille: 'politiques-prioritaires', theme: null })).toBe(
			'/comparer?t=R84,D2A&famille=politiques-prioritaires'
		);
		expect(compareHref({ codes: [] })).toBe('/comparer');
		expect(compareHref({ codes: ['R84', 'R93'], theme: 'sante' }, '/comparer/donnees.csv')).toBe('/comparer/donnees.csv?t=R84,R93&theme=sante');
	});

	it('writes the territories in the canonical order (France, régions, départements), the charts’ theme last', () => {
		expect(compareHref({ codes: ['D2A', 'R93', 'FR', 'R84'] })).toBe('/comparer?t=FR,R84,R93,D2A');
		expect(compareHref({ codes: ['R84', 'R93'], theme: 'sante', graphiques: 'education' })).toBe('/comparer?t=R84,R93&theme=sante&graphiques=education');
		// The charts are the page's: never in a download's address.
		expect(compareHref({ codes: ['R84', 'R93'], graphiques: 'education' }, '/comparer/donnees.csv')).toBe('/comparer/donnees.csv?t=R84,R93');
	});

	it('the CSV of the comparison, or of one indicator', () => {
		expect(compareCsvHref({ codes: ['R93', 'R84'], famille: 'f' })).toBe('/comparer/donnees.csv?t=R84,R93&famille=f');
		expect(compareCsvHref({ codes: ['R93', 'R84'] }, 'IND-200')).toBe('/comparer/donnees.csv?t=R84,R93&indicateur=IND-200');
	});

	it('adds and removes codes without duplicates, in the canonical order', () => {
		expect(withCode({ codes: ['R84'] }, 'R84').codes).toEqual(['R84']);
		expect(withCode({ codes: ['R84'] }, 'D2A').codes).toEqual(['R84', 'D2A']);
		expect(withCode({ codes: ['D2A'] }, 'R84').codes).toEqual(['R84', 'D2A']);
		expect(withoutCode({ codes: ['R84', 'D2A', 'R93'] }, 'D2A').codes).toEqual(['R84', 'R93']);
	});
});

describe('compareEmbedHref', () => {
	it('the embed of one indicator, same state, `indicateur` last', () => {
		expect(compareEmbedHref({ codes: ['R84', 'R93', 'D2A'] }, 'IND-200')).toBe('/integrer/comparer?t=R84,R93,D2A&indicateur=IND-200');
		expect(compareEmbedHref({ codes: ['R84', 'D2A'], famille: 'politiques-prioritaires', theme: 'sante' }, 'nb-morts-routes')).toBe(
			'/integrer/comparer?t=R84,D2A&famille=politiques-prioritaires&theme=sante&indicateur=nb-morts-routes'
		);
		expect(compareEmbedHref({ codes: [] }, 'a b&c')).toBe('/integrer/comparer?indicateur=a%20b%26c');
	});

	it('the link back: the comparison page at the indicator’s block', () => {
		expect(compareIndicatorHref({ codes: ['R84', 'R93', 'D2A'], theme: 'sante' }, 'IND-200')).toBe('/comparer?t=R84,R93,D2A&theme=sante#ind-IND-200');
	});
});
