/**
 * French word forms for the full-text search: the same light stemming on the indexed text and on
 * the query, so that « logements » finds « logement », « sociaux » finds « social » and
 * « données » finds « donnée ». SQLite FTS5 (`unicode61 remove_diacritics 2`) then matches the
 * stems, accent- and case-insensitively. Pure.
 */
import { normalizeSearch } from './format';

/** One normalised word (lower case, no accents) → its stem. Plural and feminine endings go. */
export function stem(word: string): string {
	let w = word;
	if (w.length > 4 && w.endsWith('eaux')) return w.slice(0, -1); // réseaux → reseau
	if (w.length > 4 && w.endsWith('aux')) w = w.slice(0, -3) + 'al'; // sociaux → social
	else if (w.length > 3 && /[sx]$/.test(w)) w = w.slice(0, -1); // logements → logement
	if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1); // sociale → social, donnee → donne
	return w;
}

/** The words of a text as stems, in order (numbers and codes kept as they are). */
export function stems(text: string): string[] {
	return normalizeSearch(text)
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 0)
		.map((w) => (/^[0-9]/.test(w) ? w : stem(w)));
}

/**
 * An FTS5 MATCH expression for what a person typed: every word must occur (as a stem), the last
 * one as a prefix (it may still be being typed). Null when nothing searchable is left.
 */
export function matchExpression(query: string): string | null {
	const words = normalizeSearch(query)
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length > 0);
	if (words.length === 0) return null;
	// The last word is matched by its stem's prefix: « logem » and « logements » both find « logement ».
	return words.map((w, i) => `"${/^[0-9]/.test(w) ? w : stem(w)}"${i === words.length - 1 ? ' *' : ''}`).join(' ');
}
