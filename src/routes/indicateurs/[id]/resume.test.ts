import { describe, expect, it } from 'vitest';
import { chartSummary, formatChange, qualifiedValue } from './resume';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('chartSummary', () => {
	it('baseline, latest value, final target, France', () => {
		const text = chartSummary({
			name: 'Corse-du-Sud',
			unit: '%',
			points: [
				{ date: '2023-01-01', value: 75 },
				{ date: '2024-05-01', value: 82.02 }
			],
			baseline: { date: '2022-05-01', value: 69 },
			finalTarget: { date: '2026-12-01', value: 80 },
			france: [{ date: '2024-05-01', value: 78.5 }]
		});
		expect(plain(text)).toBe(
			'Corse-du-Sud : 69 % en mai 2022 (valeur initiale), 82,02 % en mai 2024 ; la cible est 80 % en décembre 2026 ; France : 78,5 % en mai 2024.'
		);
	});

	it('without baseline or target: first and latest values, and says there is no target', () => {
		const text = chartSummary({
			name: 'Nord',
			unit: 'nombre',
			points: [
				{ date: '2017-01-31', value: 12 },
				{ date: '2022-11-30', value: 1234 }
			],
			baseline: null,
			finalTarget: null
		});
		expect(plain(text)).toBe('Nord : 12 en janvier 2017, 1 234 en novembre 2022 ; pas de cible publiée pour ce territoire.');
	});

	it('one value, or none', () => {
		expect(plain(chartSummary({ name: 'France', unit: '%', points: [{ date: '2024', value: 5 }], baseline: null, finalTarget: null }))).toBe(
			'France : 5 % en 2024 ; pas de cible publiée pour ce territoire.'
		);
		expect(chartSummary({ name: 'Lozère', unit: '%', points: [], baseline: null, finalTarget: null })).toBe('Aucune valeur publiée pour Lozère.');
	});
});

describe('values', () => {
	it('qualifiers in French', () => {
		expect(plain(qualifiedValue(1200, 'nombre', '>'))).toBe('> 1 200');
		expect(plain(qualifiedValue(40, 'nombre', 'pres de'))).toBe('près de 40');
		expect(plain(qualifiedValue(10, '%', null))).toBe('10 %');
		expect(plain(qualifiedValue(1.1e9, 'EUR', 'approx. (1,1 Md)'))).toBe('environ 1,1 Md€ (1,1 Md)');
		expect(plain(qualifiedValue(10, 'nombre', 'selon estimation'))).toBe('10 (selon estimation)');
	});

	it('changes: points for shares, the unit otherwise', () => {
		expect(plain(formatChange(13.02, '%'))).toBe('+13,02 pts');
		expect(plain(formatChange(-248, 'nombre'))).toBe('−248');
		expect(formatChange(null, '%')).toBe('—');
	});
});
