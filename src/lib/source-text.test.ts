import { describe, expect, it } from 'vitest';
import { dataDateLine, isLicenceId, licenceLabel, licencesLine, licenceSentence, sourceDate, type SourceTerms } from './source-text';

const terms = (licenceId: SourceTerms['licenceId'], licenceVerified: boolean | null, licence = ''): SourceTerms => ({ licenceId, licenceVerified, licence });

describe('licenceSentence', () => {
	it('names the Licence Ouverte alone when it was read in the source', () => {
		expect(licenceSentence(terms('etalab-2.0', true))).toBe('Licence Ouverte / Etalab 2.0');
	});
	it('says an unverified licence is to be confirmed before reuse', () => {
		expect(licenceSentence(terms('etalab-2.0', false))).toBe(
			'Licence Ouverte / Etalab 2.0 en principe (site public) ; licence non vérifiée : à confirmer auprès du producteur avant réutilisation'
		);
		expect(licenceSentence(terms('inconnue', false))).toBe(
			'Licence non précisée par la source ; licence non vérifiée : à confirmer auprès du producteur avant réutilisation'
		);
	});
	it('says only figures are taken from a text under copyright', () => {
		expect(licenceSentence(terms('droit-auteur', false))).toBe('Texte protégé par le droit d’auteur : seuls des chiffres et de courts libellés en sont repris');
	});
	it('shows the free text of a file without the structured columns, as written', () => {
		expect(licenceSentence(terms(null, null, ' Licence Ouverte 2.0 '))).toBe('Licence Ouverte 2.0');
	});
});

describe('licencesLine', () => {
	it('names each licence once, the Licence Ouverte first', () => {
		expect(licencesLine([terms('droit-auteur', false), terms('etalab-2.0', true), terms('droit-auteur', false)])).toBe(
			'selon la source : Licence Ouverte / Etalab 2.0 ; droit d’auteur (chiffres seuls repris)'
		);
		expect(licencesLine([terms('etalab-2.0', true)])).toBe('Licence Ouverte / Etalab 2.0');
		expect(licenceLabel(terms('inconnue', false))).toBe('licence non précisée (à vérifier)');
	});
});

describe('isLicenceId', () => {
	it('accepts the listed identifiers only', () => {
		expect(isLicenceId('etalab-2.0')).toBe(true);
		expect(isLicenceId('Etalab')).toBe(false);
	});
});

describe('dates', () => {
	it('dates a source at its own precision, or says it is undated', () => {
		expect(sourceDate('2021-11-24')).toBe('mise à jour le 24 novembre 2021');
		expect(sourceDate('2022-11')).toBe('mise à jour en novembre 2022');
		expect(sourceDate('')).toBe('non datée');
		expect(sourceDate(null)).toBe('non datée');
	});
	it('dates the data by its newest source, never by another date', () => {
		expect(dataDateLine('2025-11-13')).toBe('Données mises à jour le 13 novembre 2025 (dernière mise à jour de leurs sources)');
		expect(dataDateLine('2025')).toBe('Données mises à jour en 2025 (dernière mise à jour de leurs sources)');
		expect(dataDateLine(null)).toBe('Date des données non précisée par leurs sources');
	});
});
