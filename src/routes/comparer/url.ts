/**
 * The comparison's URL state, in one place: `t` (public codes, comma-separated, in the order
 * chosen), `famille`, `theme`. Only what is set is written, so `/comparer?t=R84,R93` stays short.
 */
export interface CompareState {
	codes: readonly string[];
	famille?: string | null;
	theme?: string | null;
}

/** `/comparer?t=R84,R93&famille=…` (or the CSV path, with `path`). Commas are kept readable. */
export function compareHref(state: CompareState, path = '/comparer'): string {
	const parts: string[] = [];
	if (state.codes.length > 0) parts.push(`t=${state.codes.map(encodeURIComponent).join(',')}`);
	if (state.famille) parts.push(`famille=${encodeURIComponent(state.famille)}`);
	if (state.theme) parts.push(`theme=${encodeURIComponent(state.theme)}`);
	return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** The same state with `code` added at the end (no duplicate). */
export const withCode = (state: CompareState, code: string): CompareState => ({
	...state,
	codes: state.codes.includes(code) ? state.codes : [...state.codes, code]
});

/** The same state without `code`. */
export const withoutCode = (state: CompareState, code: string): CompareState => ({ ...state, codes: state.codes.filter((c) => c !== code) });

/**
 * The embeddable view of one indicator's comparison, same state:
 * `/integrer/comparer?t=R84,R93,D2A&famille=…&indicateur=IND-200`.
 */
export function compareEmbedHref(state: CompareState, indicator: string): string {
	const base = compareHref(state, '/integrer/comparer');
	return `${base}${base.includes('?') ? '&' : '?'}indicateur=${encodeURIComponent(indicator)}`;
}

/** The comparison page at one indicator's block (its heading's id): `/comparer?t=R84,R93#ind-IND-200`. */
export const compareIndicatorHref = (state: CompareState, indicator: string): string => `${compareHref(state)}#ind-${encodeURIComponent(indicator)}`;
