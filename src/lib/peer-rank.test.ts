import { describe, expect, it } from 'vitest';
import { rankRows, standingAmong, standingText } from './peer-rank';

const row = (value: number | null) => ({ rank: null, value, perCapita: null });

describe('rankRows', () => {
	it('ranks the most favourable first, ties share a rank, missing values get none', () => {
		const rows = [row(10), row(null), row(10), row(3)];
		expect(rankRows(rows, 'value', 'hausse').map((r) => r.rank)).toEqual([1, null, 1, 3]);
		expect(rankRows(rows, 'value', 'baisse').map((r) => r.rank)).toEqual([2, null, 2, 1]);
		expect(rankRows(rows, 'value', 'neutre').map((r) => r.rank)).toEqual([1, null, 1, 3]);
	});
});

describe('standingAmong', () => {
	// Three départements: the smallest has the fewest events in raw numbers but the most per inhabitant.
	const peers = [
		{ id: 1, value: 100, population: 1_000_000 }, // 10 per 100 000
		{ id: 2, value: 50, population: 100_000 }, // 50 per 100 000
		{ id: 3, value: 300, population: 2_000_000 } // 15 per 100 000
	];

	it('ranks an amount per 100 000 inhabitants, not by its raw value', () => {
		expect(standingAmong(peers, 2, 'hausse', true)).toEqual({ rank: 1, of: 3 });
		expect(standingAmong(peers, 1, 'hausse', true)).toEqual({ rank: 3, of: 3 });
		expect(standingAmong(peers, 1, 'baisse', true)).toEqual({ rank: 1, of: 3 });
		// Raw values (a rate): the order of the values themselves.
		expect(standingAmong(peers, 3, 'hausse', false)).toEqual({ rank: 1, of: 3 });
		expect(standingAmong(peers, 2, 'hausse', false)).toEqual({ rank: 3, of: 3 });
	});

	it('does not count peers it cannot rank, and is null for a territory without a rankable value', () => {
		const withUnknown = [...peers, { id: 4, value: 10, population: null }];
		expect(standingAmong(withUnknown, 2, 'hausse', true)).toEqual({ rank: 1, of: 3 });
		expect(standingAmong(withUnknown, 4, 'hausse', true)).toBeNull();
		expect(standingAmong(withUnknown, 4, 'hausse', false)).toEqual({ rank: 4, of: 4 });
		expect(standingAmong(peers, 9, 'hausse', false)).toBeNull();
	});

	it('gives tied territories the same rank and counts every ranked peer', () => {
		const tied = [
			{ id: 1, value: 5, population: null },
			{ id: 2, value: 5, population: null },
			{ id: 3, value: 7, population: null }
		];
		expect(standingAmong(tied, 1, 'hausse', false)).toEqual({ rank: 2, of: 3 });
		expect(standingAmong(tied, 2, 'hausse', false)).toEqual({ rank: 2, of: 3 });
		expect(standingAmong(tied, 1, 'baisse', false)).toEqual({ rank: 1, of: 3 });
	});
});

describe('standingText', () => {
	it('says the rank and the number of peers, in French', () => {
		expect(standingText({ rank: 12, of: 101 }, 'departement', 'hausse')).toBe('12e sur 101 départements');
		expect(standingText({ rank: 1, of: 18 }, 'region', 'baisse')).toBe('1er sur 18 régions');
		expect(standingText({ rank: 1, of: 1 }, 'region', 'hausse')).toBe('1er sur 1 région');
		expect(standingText({ rank: 1, of: 96 }, 'departement', 'neutre')).toBe('1re valeur la plus élevée sur 96 départements');
		expect(standingText({ rank: 3, of: 96 }, 'departement', 'neutre')).toBe('3e valeur la plus élevée sur 96 départements');
	});
});
