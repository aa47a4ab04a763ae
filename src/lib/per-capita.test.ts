import { describe, expect, it } from 'vitest';
import { perInhabitants, POPULATION_SOURCE, POPULATION_YEAR } from './per-capita';

describe('perInhabitants', () => {
	it('divides by the population and multiplies by 100 000 unless told otherwise', () => {
		expect(perInhabitants(40, 1_600_000)).toBe(2.5);
		expect(perInhabitants(40, 1_600_000, 1000)).toBe(0.025);
		expect(perInhabitants(33_500, 1_655_422)).toBeCloseTo(2023.6532, 3);
	});

	it('is null without a population (never the raw value)', () => {
		expect(perInhabitants(40, null)).toBeNull();
		expect(perInhabitants(40, undefined)).toBeNull();
		expect(perInhabitants(40, 0)).toBeNull();
	});

	it('states the population year', () => {
		expect(POPULATION_SOURCE).toContain(`population municipale ${POPULATION_YEAR}`);
	});
});
