import { describe, expect, it } from 'vitest';
import { countStatuses, statusLine } from './status-summary';

describe('statusLine', () => {
	it('counts each status with French agreement, not computable ones as « sans cible »', () => {
		expect(statusLine(['atteinte', 'atteinte', 'en-bonne-voie', 'en-retard', null, 'sans-cible'], ['politique prioritaire', 'politiques prioritaires'])).toBe(
			'Sur 6 politiques prioritaires : 2 cibles atteintes, 1 en bonne voie, 1 en retard, 2 sans cible.'
		);
	});
	it('keeps the three judged statuses even at zero, and uses the singular for one', () => {
		expect(statusLine(['atteinte'], ['politique', 'politiques'])).toBe('Sur 1 politique : 1 cible atteinte, 0 en bonne voie, 0 en retard.');
		expect(statusLine([], ['indicateur', 'indicateurs'])).toBe('Sur 0 indicateur : 0 cible atteinte, 0 en bonne voie, 0 en retard.');
	});
	it('counts every status once', () => {
		const counts = countStatuses(['en-retard', 'en-retard', null]);
		expect(counts.get('en-retard')).toBe(2);
		expect(counts.get('sans-cible')).toBe(1);
		expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(3);
	});
});
