import { describe, expect, it } from 'vitest';
import { cumulativeConflict } from './sheet-consistency';

describe('cumulativeConflict', () => {
	it('IND-292: « validés en cumul » in the description, flag « non cumulatif »', () => {
		const conflict = cumulativeConflict({
			name: 'Nombre de dossiers MaPrimeRénov’ validés',
			description: 'Nombre de dossiers MaPrimeRénov’ validés en cumul',
			cumulative: false
		});
		expect(conflict).toEqual({ quote: 'Nombre de dossiers MaPrimeRénov’ validés en cumul', flag: false });
	});

	it('a cumulative flag against a « non cumulé » text', () => {
		expect(cumulativeConflict({ name: 'Taux', description: 'Valeur mensuelle, non cumulée.', cumulative: true })?.quote).toBe('Valeur mensuelle, non cumulée');
	});

	it('text and flag agree: no conflict', () => {
		expect(cumulativeConflict({ name: 'Nombre de dossiers', description: 'Dossiers validés en cumul depuis 2020', cumulative: true })).toBeNull();
		expect(cumulativeConflict({ name: 'Taux de satisfaction', description: 'Part des usagers satisfaits', cumulative: false })).toBeNull();
		expect(cumulativeConflict({ name: 'Taux', description: 'Indicateur non cumulatif', cumulative: false })).toBeNull();
	});
});
