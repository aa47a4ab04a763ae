import { describe, expect, it } from 'vitest';
import { mapSummary, sourceLine } from './figure-text';

describe('mapSummary', () => {
	it('count, lowest and highest with their territory', () => {
		const rows = [
			{ name: 'Lozère', value: 45.2, label: '45,2 %' },
			{ name: 'Paris', value: 92.1, label: '92,1 %' },
			{ name: 'Ain', value: 70, label: '70 %' },
			{ name: 'Cantal', value: null, label: '—' }
		];
		expect(mapSummary({ maille: 'departement', date: '2024-05-01', rows })).toBe(
			'Mai 2024 : 3 départements sur 4 ont une valeur, de 45,2 % (Lozère) à 92,1 % (Paris).'
		);
	});

	it('one value, or none', () => {
		expect(mapSummary({ maille: 'region', date: '2023', rows: [{ name: 'Bretagne', value: 3, label: '3' }] })).toBe('2023 : 1 région sur 1 a une valeur, 3 (Bretagne).');
		expect(mapSummary({ maille: 'region', date: '2023', rows: [] })).toBe('Aucune valeur par région en 2023.');
	});
});

describe('sourceLine', () => {
	it('producer, date of the last update, licence', () => {
		expect(sourceLine({ producer: 'DITP', licence: 'Licence Ouverte / Etalab 2.0', sourceUpdatedAt: '2024-06-29' })).toBe(
			'Source : DITP, mise à jour le 29 juin 2024. Licence : Licence Ouverte / Etalab 2.0.'
		);
		expect(sourceLine({ producer: 'INSEE', licence: 'Licence Ouverte', sourceUpdatedAt: null })).toBe('Source : INSEE. Licence : Licence Ouverte.');
		expect(sourceLine({ producer: 'DITP', licence: 'Licence Ouverte', sourceUpdatedAt: '2020-11' })).toBe(
			'Source : DITP, mise à jour en novembre 2020. Licence : Licence Ouverte.'
		);
		expect(sourceLine({ producer: 'DITP', licence: 'Licence Ouverte', sourceUpdatedAt: '2021' })).toBe('Source : DITP, mise à jour en 2021. Licence : Licence Ouverte.');
	});
});
