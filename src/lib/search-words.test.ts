import { describe, expect, it } from 'vitest';
import { matchExpression, stem, stems } from './search-words';

describe('stem', () => {
	it('gives singular and plural, masculine and feminine the same stem', () => {
		expect(stem('logements')).toBe(stem('logement'));
		expect(stem('sociaux')).toBe(stem('social'));
		expect(stem('sociales')).toBe(stem('social'));
		expect(stem('reseaux')).toBe(stem('reseau'));
		expect(stem('donnees')).toBe(stem('donnee'));
		expect(stem('voitures')).toBe(stem('voiture'));
	});
	it('leaves short words alone', () => {
		expect(stem('eau')).toBe('eau');
		expect(stem('bus')).toBe('bus');
	});
});

describe('stems and matchExpression', () => {
	it('folds accents, case and punctuation the same way on both sides', () => {
		expect(stems('Logements sociaux financés')).toEqual(stems('logement SOCIAL finances'));
		expect(stems("Taux d'emploi")).toEqual(stems('taux d’emploi'));
		expect(stems('13001 Marseille')[0]).toBe('13001');
	});
	it('requires every word, the last as a prefix', () => {
		expect(matchExpression('Logements sociaux')).toBe('"logement" "social" *');
		expect(matchExpression('pass cult')).toBe('"pas" "cult" *');
		expect(matchExpression(' ’ - ')).toBeNull();
		// Quotes in what was typed cannot break out of the expression.
		expect(matchExpression('a"b OR c')).toBe('"a" "b" "or" "c" *');
	});
});
