/**
 * The comparison's URL state, in one place: `t` (public codes, comma-separated, always in the
 * canonical order of `$lib/territory-codes`: France, régions, départements, by code, whatever the
 * order chosen), `famille`, `theme`, `graphiques` (the theme whose small multiples are drawn).
 * Only what is set is written, so `/comparer?t=R84,R93` stays short; every link the site writes
 * is canonical (the server redirects any other spelling, `canonical-url.ts`).
 */
import { sortTerritoryCodes } from '$lib/territory-codes';

export interface CompareState {
	codes: readonly string[];
	famille?: string | null;
	theme?: string | null;
	/** Theme id whose small multiples are drawn (the page only). */
	graphiques?: string | null;
}

/** `/comparer?t=R84,R93&famille=…` (or the CSV path, with `path`). Commas are kept readable. */
export function compareHref(state: CompareState, path = '/comparer'): string {
	const parts: string[] = [];
	if (state.codes.length > 0) parts.push(`t=${sortTerritoryCodes(state.codes).map(encodeURIComponent).join(',')}`);
	if (state.famille) parts.push(`famille=${encodeURIComponent(state.famille)}`);
	if (state.theme) parts.push(`theme=${encodeURIComponent(state.theme)}`);
	if (state.graphiques && path === '/comparer') parts.push(`graphiques=${encodeURIComponent(state.graphiques)}`);
	return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** The same state with `code` added (no duplicate), in the canonical order. */
export const withCode = (state: CompareState, code: string): CompareState => ({
	...state,
	codes: sortTerritoryCodes([...state.codes, code])
});

/** The same state without `code`. */
export const withoutCode = (state: CompareState, code: string): CompareState => ({ ...state, codes: state.codes.filter((c) => c !== code) });

/**
 * The comparison's CSV (`/comparer/donnees.csv?t=…`), or, with `indicator`, only that
 * indicator's rows (`…&indicateur=IND-200`).
 */
export function compareCsvHref(state: CompareState, indicator?: string): string {
	const base = compareHref(state, '/comparer/donnees.csv');
	return indicator ? `${base}${base.includes('?') ? '&' : '?'}indicateur=${encodeURIComponent(indicator)}` : base;
}

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
