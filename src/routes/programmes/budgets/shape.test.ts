import { describe, expect, it } from 'vitest';
import type { ProgrammeValue } from '$lib/server/queries/programmes';
import { callRows, creditYears } from './shape';

const v = (indicator: string, date: string, value: number, note: string | null = null, qualifier: string | null = null): ProgrammeValue => ({
	indicator,
	level: 'national',
	territory: 'FR',
	inseeCode: 'FR',
	territoryName: 'France',
	date,
	value,
	qualifier,
	sourceIds: [],
	note
});

describe('FTAP calls', () => {
	it('puts each call’s figures side by side, names the call from the notes, keeps the rest of the notes', () => {
		const rows = callRows(
			[
				v('ftap-nb-laureats', '2018-06-20', 17, 'FTAP 2018 AAP1'),
				v('ftap-montant-attribue', '2018-06-20', 126e6, 'FTAP 2018 AAP1'),
				v('ftap-nb-laureats', '2018-11-12', 16, 'FTAP 2018 AAP2'),
				v('ftap-montant-attribue', '2019-09-23', 90e6, 'FTAP 2019 session 2; chiffre de l association', 'pres de')
			],
			['ftap-nb-laureats', 'ftap-montant-attribue']
		);
		expect(rows.map((r) => [r.date, r.call, r.cells['ftap-nb-laureats']?.value ?? null, r.cells['ftap-montant-attribue']?.value ?? null])).toEqual([
			['2018-06-20', 'FTAP 2018 AAP1', 17, 126e6],
			['2018-11-12', 'FTAP 2018 AAP2', 16, null],
			['2019-09-23', 'FTAP 2019 session 2', null, 90e6]
		]);
		expect(rows[2].cells['ftap-montant-attribue']?.qualifier).toBe('pres de');
		expect(rows[2].notes).toEqual(['chiffre de l association']);
	});

	it('keeps one call on one row when two sources date its figures a day apart, each figure with its date', () => {
		const rows = callRows(
			[v('ftap-nb-laureats', '2018-06-19', 17, 'FTAP 2018 AAP1'), v('ftap-montant-attribue', '2018-06-20', 126e6, 'FTAP 2018 AAP1')],
			['ftap-nb-laureats', 'ftap-montant-attribue']
		);
		expect(rows.map((r) => [r.date, r.call, r.cells['ftap-nb-laureats']?.value, r.cells['ftap-montant-attribue']?.value])).toEqual([['2018-06-19', 'FTAP 2018 AAP1', 17, 126e6]]);
		expect(rows[0].otherDates).toEqual([{ indicator: 'ftap-montant-attribue', date: '2018-06-20' }]);
	});
});

describe('credits of the programme 349', () => {
	const values = [
		v('ftap-p349-action-01-lfi-ae', '2018', 200e6),
		v('ftap-p349-action-01-lfi-ae', '2019', 245e6),
		v('ftap-p349-action-01-ouverts-ae', '2019', 400e6),
		v('ftap-p349-action-01-consommes-ae', '2019', 100e6),
		v('ftap-p349-action-01-lfi-ae', '2022', 80e6),
		v('ftap-p349-total-lfi-ae', '2022', 95e6),
		v('ftap-p349-total-ouverts-ae', '2022', 150e6),
		v('ftap-p349-total-consommes-ae', '2022', 120e6),
		v('ftap-p349-total-consommes-ae-a-date', '2025-09-15', 23e6),
		v('ftap-p349-total-lfi-cp', '2022', 180e6)
	];

	it('uses the programme’s totals where published, else its action 01, and leaves year-to-date figures out', () => {
		const ae = creditYears(values, 'ae');
		expect(ae.map((r) => [r.year, r.perimeter, r.voted?.value ?? null, r.opened?.value ?? null, r.consumed?.value ?? null])).toEqual([
			['2018', 'action-01', 200e6, null, null],
			['2019', 'action-01', 245e6, 400e6, 100e6],
			['2022', 'programme', 95e6, 150e6, 120e6]
		]);
	});

	it('computes the consumption rate only from consumed and opened figures of the same line', () => {
		const ae = creditYears(values, 'ae');
		expect(ae.map((r) => r.rate)).toEqual([null, 25, 80]);
		expect(creditYears(values, 'cp')).toEqual([{ year: '2022', perimeter: 'programme', voted: values[9], opened: null, consumed: null, rate: null }]);
	});
});
