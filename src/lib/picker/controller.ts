/**
 * The territory picker's behaviour, without a DOM: what the combobox shows and does for each
 * thing that happens (typing, suggestions arriving, keys, closing), following the WAI-ARIA 1.2
 * combobox pattern with a listbox popup and `aria-activedescendant` (focus stays in the input).
 *
 * Pure functions from state to state, so the view (`TerritoryPicker.svelte`) only wires events
 * and the rules are tested in vitest's node environment.
 *
 * Keys (input focused):
 * - ↓ opens the list (when there are suggestions) or moves to the next one, wrapping to the first;
 * - ↑ moves to the previous one, wrapping to the last (from nothing: the last);
 * - Alt+↓ opens without choosing; Alt+↑ closes, keeping the text;
 * - Entrée on a highlighted suggestion goes to its page; otherwise the form is submitted (/recherche);
 * - Échap closes the list; when it is already closed, clears the text.
 */

export interface PickerState<T> {
	/** What is in the input. */
	query: string;
	/** The suggestions for `resultsFor`. */
	options: readonly T[];
	/** The query the current options answer (null before the first answer). */
	resultsFor: string | null;
	/** Total number of matches, which may exceed the suggestions shown. */
	total: number;
	open: boolean;
	/** Index of the highlighted option, -1 for none. */
	active: number;
	/** The last request failed. */
	failed: boolean;
}

export function initialState<T>(query = ''): PickerState<T> {
	return { query, options: [], resultsFor: null, total: 0, open: false, active: -1, failed: false };
}

/** Queries shorter than this are not sent: no suggestions, list closed. */
export const MIN_QUERY_LENGTH = 1;
export const MAX_QUERY_LENGTH = 60;

/** Whether `query` should be sent to the suggestions endpoint. */
export function shouldFetch(query: string): boolean {
	const q = query.trim();
	return q.length >= MIN_QUERY_LENGTH && query.length <= MAX_QUERY_LENGTH;
}

/** The text changed: nothing is highlighted any more; the list closes when the text is empty. */
export function typed<T>(state: PickerState<T>, query: string): PickerState<T> {
	const empty = !shouldFetch(query);
	return {
		...state,
		query,
		active: -1,
		open: empty ? false : state.open,
		...(empty ? { options: [], resultsFor: null, total: 0, failed: false } : {})
	};
}

/** Suggestions arrived for `forQuery`; answers to an older text are ignored. */
export function received<T>(state: PickerState<T>, forQuery: string, options: readonly T[], total = options.length): PickerState<T> {
	if (forQuery !== state.query) return state;
	return { ...state, options, total, resultsFor: forQuery, open: options.length > 0, active: -1, failed: false };
}

export function failed<T>(state: PickerState<T>, forQuery: string): PickerState<T> {
	if (forQuery !== state.query) return state;
	return { ...state, options: [], total: 0, resultsFor: forQuery, open: false, active: -1, failed: true };
}

export function close<T>(state: PickerState<T>): PickerState<T> {
	return state.open || state.active !== -1 ? { ...state, open: false, active: -1 } : state;
}

/** What the view must do after a key. */
export type PickerAction<T> =
	| { type: 'none' }
	/** Go to the chosen option's page. */
	| { type: 'choose'; option: T }
	/** Let the key do what it does natively (Entrée submits the form). */
	| { type: 'default' };

export interface KeyResult<T> {
	state: PickerState<T>;
	action: PickerAction<T>;
	/** The view must call `event.preventDefault()`. */
	preventDefault: boolean;
}

const handled = <T>(state: PickerState<T>, action: PickerAction<T> = { type: 'none' }): KeyResult<T> => ({
	state,
	action,
	preventDefault: true
});
const native = <T>(state: PickerState<T>): KeyResult<T> => ({ state, action: { type: 'default' }, preventDefault: false });

export function keyDown<T>(state: PickerState<T>, key: string, modifiers: { alt?: boolean } = {}): KeyResult<T> {
	const count = state.options.length;
	switch (key) {
		case 'ArrowDown': {
			if (count === 0) return handled(state);
			if (!state.open || modifiers.alt) return handled({ ...state, open: true, active: modifiers.alt ? state.active : 0 });
			return handled({ ...state, active: (state.active + 1) % count });
		}
		case 'ArrowUp': {
			if (count === 0) return handled(state);
			if (modifiers.alt) return handled(close(state));
			if (!state.open) return handled({ ...state, open: true, active: count - 1 });
			return handled({ ...state, active: state.active <= 0 ? count - 1 : state.active - 1 });
		}
		case 'Enter': {
			if (state.open && state.active >= 0 && state.active < count)
				return handled(close(state), { type: 'choose', option: state.options[state.active] });
			return native(close(state));
		}
		case 'Escape': {
			if (state.open) return handled(close(state));
			if (state.query !== '') return handled(typed(state, ''));
			return native(state);
		}
		case 'Tab':
			return native(close(state));
		default:
			return native(state);
	}
}

/** An option was clicked (or tapped). */
export function clicked<T>(state: PickerState<T>, index: number): KeyResult<T> {
	const option = state.options[index];
	if (option === undefined) return native(state);
	return handled(close(state), { type: 'choose', option });
}

/** The id of the highlighted option for `aria-activedescendant`, or undefined. */
export function activeDescendant<T>(state: PickerState<T>, optionId: (index: number) => string): string | undefined {
	return state.open && state.active >= 0 ? optionId(state.active) : undefined;
}

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

/**
 * What the polite live region says once an answer is in: the number of results (`noun`: what is
 * counted, singular and plural) and how to use them. Empty while nothing has been asked.
 */
export function announcement<T>(state: PickerState<T>, noun: readonly [string, string] = ['territoire', 'territoires']): string {
	if (state.resultsFor === null || state.resultsFor !== state.query) return '';
	if (state.failed) return 'La recherche est momentanément indisponible. Appuyez sur Entrée pour lancer la recherche.';
	const n = state.options.length;
	if (n === 0) return `Aucun ${noun[0]} trouvé pour « ${state.query.trim()} ».`;
	const found = `${state.total} ${plural(state.total, `${noun[0]} trouvé`, `${noun[1]} trouvés`)}`;
	const shown = state.total > n ? `, ${n} ${plural(n, 'affiché', 'affichés')}` : '';
	return `${found}${shown}. Flèches haut et bas pour parcourir, Entrée pour ouvrir.`;
}
