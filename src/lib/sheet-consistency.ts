/**
 * Where an indicator sheet contradicts itself: its name or description says the figures are
 * cumulated (« validés en cumul », « cumulé depuis… ») while its flag says « non cumulatif », or
 * the reverse. The page then shows both and says so, rather than silently trusting one.
 */

/** Wording that says a series is cumulated, and wording that says it is not. */
const SAYS_CUMULATIVE = /\b(en cumul|cumul(é|e)e?s?|cumulatif|cumulative?s?|depuis le d(é|e)but)\b/i;
const SAYS_NOT_CUMULATIVE = /\bnon[ -]cumul/i;

export interface CumulativeConflict {
	/** The passage of the source's text that contradicts the flag. */
	quote: string;
	/** What the flag says. */
	flag: boolean;
}

/** The contradiction between the sheet's text and its `cumulatif` flag, or null. */
export function cumulativeConflict(sheet: { name: string; description: string | null; cumulative: boolean }): CumulativeConflict | null {
	const text = `${sheet.name}. ${sheet.description ?? ''}`;
	const negated = SAYS_NOT_CUMULATIVE.exec(text);
	const asserted = negated ? null : SAYS_CUMULATIVE.exec(text);
	const hit = sheet.cumulative ? negated : asserted;
	if (!hit) return null;
	return { quote: sentenceAround(text, hit.index), flag: sheet.cumulative };
}

/** The sentence of `text` containing position `at`, trimmed to 200 characters. */
function sentenceAround(text: string, at: number): string {
	const start = Math.max(text.lastIndexOf('. ', at) + 2, 0);
	const end = text.indexOf('. ', at);
	const sentence = text.slice(start === 1 ? 0 : start, end === -1 ? text.length : end).trim().replace(/\.$/, '');
	return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}
