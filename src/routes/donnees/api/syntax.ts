/**
 * The API's parameter descriptions quote literal values of its request syntax (`2024-06-30`,
 * `AAAA-MM-JJ`): the documentation page shows them as code, not as dates in a sentence. Pure.
 */
export interface TextPart {
	text: string;
	code: boolean;
}

const LITERAL = /(\b\d{4}(?:-\d{2}){1,2}\b|\bAAAA(?:-MM(?:-JJ)?)?\b)/;

/** `… premier jour (2024 = 2024-01-01).` → text, code `2024-01-01`, text. */
export function syntaxParts(text: string): TextPart[] {
	return text
		.split(LITERAL)
		.map((part, i) => ({ text: part, code: i % 2 === 1 }))
		.filter((p) => p.text !== '');
}
