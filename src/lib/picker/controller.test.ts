import { describe, expect, it } from 'vitest';
import { activeDescendant, announcement, clicked, close, failed, initialState, keyDown, received, shouldFetch, typed } from './controller';

const withOptions = (options: string[], query = 'co') => received(typed(initialState<string>(), query), query, options);

describe('typing and answers', () => {
	it('sends non-empty queries up to 60 characters', () => {
		expect(shouldFetch('')).toBe(false);
		expect(shouldFetch('   ')).toBe(false);
		expect(shouldFetch('a')).toBe(true);
		expect(shouldFetch('a'.repeat(60))).toBe(true);
		expect(shouldFetch('a'.repeat(61))).toBe(false);
	});

	it('opens on an answer with options, nothing highlighted', () => {
		const state = withOptions(['Corse', 'Corrèze']);
		expect(state).toMatchObject({ open: true, active: -1, options: ['Corse', 'Corrèze'], resultsFor: 'co' });
	});

	it('ignores an answer to an older query', () => {
		const state = typed(typed(initialState<string>(), 'co'), 'cor');
		expect(received(state, 'co', ['x'])).toBe(state);
		expect(failed(state, 'co')).toBe(state);
	});

	it('stays closed on an empty answer, and clears everything when the text is emptied', () => {
		expect(withOptions([]).open).toBe(false);
		const cleared = typed(withOptions(['Corse']), '');
		expect(cleared).toMatchObject({ open: false, options: [], resultsFor: null, active: -1 });
	});

	it('forgets the highlight when the text changes', () => {
		const { state } = keyDown(withOptions(['a', 'b']), 'ArrowDown');
		expect(state.active).toBe(0);
		expect(typed(state, 'cor').active).toBe(-1);
	});
});

describe('keyboard', () => {
	it('↓ moves through the options and wraps; ↑ goes back and wraps', () => {
		let state = withOptions(['a', 'b', 'c']);
		const downs = [0, 1, 2, 0].map(() => (state = keyDown(state, 'ArrowDown').state).active);
		expect(downs).toEqual([0, 1, 2, 0]);
		const ups = [0, 1].map(() => (state = keyDown(state, 'ArrowUp').state).active);
		expect(ups).toEqual([2, 1]);
	});

	it('↓ on a closed list reopens it on the first option; ↑ on the last', () => {
		const closed = close(withOptions(['a', 'b', 'c']));
		expect(keyDown(closed, 'ArrowDown').state).toMatchObject({ open: true, active: 0 });
		expect(keyDown(closed, 'ArrowUp').state).toMatchObject({ open: true, active: 2 });
	});

	it('Alt+↓ opens without highlighting; Alt+↑ closes', () => {
		const closed = close(withOptions(['a', 'b']));
		const opened = keyDown(closed, 'ArrowDown', { alt: true }).state;
		expect(opened).toMatchObject({ open: true, active: -1 });
		expect(keyDown(opened, 'ArrowUp', { alt: true }).state.open).toBe(false);
	});

	it('arrows do nothing without options but keep the caret where it is', () => {
		const result = keyDown(initialState<string>(), 'ArrowDown');
		expect(result).toMatchObject({ preventDefault: true, action: { type: 'none' } });
		expect(result.state.open).toBe(false);
	});

	it('Entrée chooses the highlighted option, or lets the form submit', () => {
		const state = withOptions(['a', 'b']);
		expect(keyDown(state, 'Enter')).toMatchObject({ action: { type: 'default' }, preventDefault: false });
		const down = keyDown(keyDown(state, 'ArrowDown').state, 'ArrowDown').state;
		const chosen = keyDown(down, 'Enter');
		expect(chosen).toMatchObject({ action: { type: 'choose', option: 'b' }, preventDefault: true });
		expect(chosen.state.open).toBe(false);
	});

	it('Échap closes the list, then clears the text, then does nothing', () => {
		const first = keyDown(withOptions(['a']), 'Escape');
		expect(first.state).toMatchObject({ open: false, query: 'co' });
		const second = keyDown(first.state, 'Escape');
		expect(second.state).toMatchObject({ open: false, query: '', options: [] });
		expect(keyDown(second.state, 'Escape')).toMatchObject({ action: { type: 'default' }, preventDefault: false });
	});

	it('Tab closes the list and moves focus as usual', () => {
		const result = keyDown(withOptions(['a']), 'Tab');
		expect(result).toMatchObject({ preventDefault: false, state: { open: false } });
	});

	it('a click chooses the option', () => {
		expect(clicked(withOptions(['a', 'b']), 1)).toMatchObject({ action: { type: 'choose', option: 'b' } });
		expect(clicked(withOptions(['a']), 5).action.type).toBe('default');
	});

	it('gives the active descendant only when the list is open', () => {
		const id = (i: number) => `opt-${i}`;
		const state = keyDown(withOptions(['a', 'b']), 'ArrowDown').state;
		expect(activeDescendant(state, id)).toBe('opt-0');
		expect(activeDescendant(close(state), id)).toBeUndefined();
	});
});

describe('announcement', () => {
	it('says how many territories were found and how to use the list', () => {
		expect(announcement(withOptions(['a', 'b', 'c']))).toBe('3 territoires trouvés. Flèches haut et bas pour parcourir, Entrée pour ouvrir.');
		expect(announcement(withOptions(['a']))).toBe('1 territoire trouvé. Flèches haut et bas pour parcourir, Entrée pour ouvrir.');
		const many = received(typed(initialState<string>(), 'sa'), 'sa', ['a', 'b'], 140);
		expect(announcement(many)).toBe('140 territoires trouvés, 2 affichés. Flèches haut et bas pour parcourir, Entrée pour ouvrir.');
	});

	it('says when nothing was found, and nothing before an answer or for a stale one', () => {
		expect(announcement(withOptions([], 'zzz '))).toBe('Aucun territoire trouvé pour « zzz ».');
		expect(announcement(typed(initialState<string>(), 'co'))).toBe('');
		expect(announcement(typed(withOptions(['a']), 'cor'))).toBe('');
	});

	it('says when the search failed', () => {
		expect(announcement(failed(typed(initialState<string>(), 'co'), 'co'))).toMatch(/indisponible/);
	});
});
