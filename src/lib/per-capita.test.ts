import { describe, expect, it } from 'vitest';
import { perCapitaText, perInhabitants, POPULATION_SOURCE, POPULATION_YEAR } from './per-capita';

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

describe('perCapitaText', () => {
	const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
	it('drops decimals from 100 on, keeps two significant digits below 1, never rounds a small rate to 0', () => {
		expect(plain(perCapitaText(1234.567, 'nombre'))).toBe('1 235');
		expect(perCapitaText(12.345, 'nombre')).toBe('12,35');
		expect(perCapitaText(0.5, 'nombre')).toBe('0,50');
		expect(perCapitaText(0.000587, 'nombre')).toBe('0,00059');
		expect(perCapitaText(0, 'nombre')).toBe('0');
		expect(perCapitaText(null, 'nombre')).toBe('—');
	});
});
