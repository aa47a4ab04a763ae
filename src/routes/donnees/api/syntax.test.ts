import { describe, expect, it } from 'vitest';
import { syntaxParts } from './syntax';

describe('syntaxParts', () => {
	it('marks the literal dates and formats of the request syntax as code', () => {
		expect(syntaxParts('Première date incluse, AAAA-MM-JJ. Une valeur (2024 = 2024-01-01) ; 2024-06 ≤ 2024-06-30.')).toEqual([
			{ text: 'Première date incluse, ', code: false },
			{ text: 'AAAA-MM-JJ', code: true },
			{ text: '. Une valeur (2024 = ', code: false },
			{ text: '2024-01-01', code: true },
			{ text: ') ; ', code: false },
			{ text: '2024-06', code: true },
			{ text: ' ≤ ', code: false },
			{ text: '2024-06-30', code: true },
			{ text: '.', code: false }
		]);
	});
	it('leaves prose without literals whole', () => {
		expect(syntaxParts('Identifiant de l’indicateur.')).toEqual([{ text: 'Identifiant de l’indicateur.', code: false }]);
	});
});
