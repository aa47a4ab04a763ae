import { describe, expect, it } from 'vitest';
import {
	defaultState,
	hiddenFields,
	parseUrlState,
	patchState,
	serialiseUrlState,
	stateHref,
	UrlStateError,
	type StateContext
} from './url-state';

const context: StateContext = {
	mailles: ['region', 'departement'],
	dates: {
		region: ['2023-01-01', '2024-04-01', '2024-05-01'],
		departement: ['2023-01-01', '2024-04-01']
	},
	perCapita: false
};
const counts: StateContext = { ...context, perCapita: true };
const nationalOnly: StateContext = { mailles: [], dates: {}, perCapita: false };

const parse = (query: string, ctx = context) => parseUrlState(new URLSearchParams(query), ctx);

function errorOf(fn: () => unknown): UrlStateError {
	try {
		fn();
	} catch (error) {
		if (error instanceof UrlStateError) return error;
		throw error;
	}
	throw new Error('no error thrown');
}

describe('defaults', () => {
	it('map of the finest maille at its latest date, France selected, names A → Z', () => {
		expect(defaultState(context)).toEqual({
			onglet: 'carte',
			maille: 'departement',
			date: '2024-04-01',
			territoire: 'FR',
			tri: 'nom',
			ordre: 'asc',
			par: null
		});
	});

	it('régions only: région maille; national only: the chart first, no maille, no date', () => {
		expect(defaultState({ ...context, mailles: ['region'] }).maille).toBe('region');
		expect(defaultState(nationalOnly)).toMatchObject({ onglet: 'graphique', maille: null, date: null });
	});

	it('an empty query is the default state, and the default state writes nothing', () => {
		expect(parse('')).toEqual(defaultState(context));
		expect(serialiseUrlState(defaultState(context), context).toString()).toBe('');
	});
});

describe('parse', () => {
	it('reads every parameter', () => {
		expect(parse('onglet=graphique&maille=region&date=2023-01-01&territoire=R84&tri=valeur&ordre=desc&par=100000', counts)).toEqual({
			onglet: 'graphique',
			maille: 'region',
			date: '2023-01-01',
			territoire: 'R84',
			tri: 'valeur',
			ordre: 'desc',
			par: 100000
		});
	});

	it('a maille without date takes the latest date of that maille', () => {
		expect(parse('maille=region').date).toBe('2024-05-01');
	});

	it('empty values count as absent (an unselected GET form field); unknown parameters are ignored', () => {
		expect(parse('maille=&date=&utm_source=lettre')).toEqual(defaultState(context));
	});

	it('reads only the keys asked for (a load that must not depend on the tab)', () => {
		const state = parseUrlState(new URLSearchParams('onglet=nimporte&maille=region'), context, ['maille']);
		expect(state.onglet).toBe('carte');
		expect(state.maille).toBe('region');
	});

	it('accepts the territory codes of the store', () => {
		for (const code of ['FR', 'R84', 'R01', 'D01', 'D2A', 'D2B', 'D971', 'D976']) expect(parse(`territoire=${code}`).territoire).toBe(code);
	});
});

describe('refuses with a helpful French message', () => {
	it('unknown maille: says which values are accepted', () => {
		const error = errorOf(() => parse('maille=canton'));
		expect(error.message).toBe('Valeur inconnue pour « maille » : « canton ».');
		expect(error.hint).toBe('Valeurs acceptées : region, departement.');
	});

	it('a maille the indicator is not published at', () => {
		expect(errorOf(() => parse('maille=departement', { ...context, mailles: ['region'] })).message).toBe(
			"Cet indicateur n'est pas publié par département."
		);
		expect(errorOf(() => parse('maille=region', nationalOnly)).message).toMatch(/qu'au niveau national/);
	});

	it('malformed or absent dates, with the available range', () => {
		expect(errorOf(() => parse('date=mai-2024')).hint).toMatch(/AAAA-MM-JJ/);
		expect(errorOf(() => parse('date=2024-13-01')).message).toMatch(/mal formée/);
		const missing = errorOf(() => parse('date=2024-05-01'));
		expect(missing.message).toBe('Pas de valeur par département à la date « 2024-05-01 ».');
		expect(missing.hint).toBe('Dates disponibles par département : de janvier 2023 à avril 2024 (2023-01-01, 2024-04-01).');
		// …but the same date exists by région.
		expect(parse('maille=region&date=2024-05-01').date).toBe('2024-05-01');
	});

	it('tabs, sorts, orders, territory codes', () => {
		expect(errorOf(() => parse('onglet=liste')).hint).toBe('Valeurs acceptées : carte, graphique, tableau.');
		expect(errorOf(() => parse('tri=population')).hint).toBe('Valeurs acceptées : nom, valeur, evolution, avancement.');
		expect(errorOf(() => parse('ordre=up')).message).toMatch(/ordre/);
		expect(errorOf(() => parse('territoire=84')).message).toBe('Code de territoire inconnu : « 84 ».');
		expect(errorOf(() => parse('territoire=d2a')).message).toMatch(/inconnu/);
	});

	it('per inhabitant: only 100000, only for counts', () => {
		expect(errorOf(() => parse('par=1000', counts)).hint).toBe('Valeur acceptée : 100000.');
		expect(errorOf(() => parse('par=100000')).message).toMatch(/qu’aux effectifs/);
	});
});

describe('write', () => {
	it('writes only what differs from the defaults, in a stable order', () => {
		const state = { ...defaultState(context), ordre: 'desc' as const, onglet: 'tableau' as const, territoire: 'D2A' };
		expect(serialiseUrlState(state, context).toString()).toBe('onglet=tableau&territoire=D2A&ordre=desc');
	});

	it('the date is written only when it is not the latest of the maille shown', () => {
		const region = parse('maille=region');
		expect(serialiseUrlState(region, context).toString()).toBe('maille=region');
		expect(serialiseUrlState({ ...region, date: '2024-04-01' }, context).toString()).toBe('maille=region&date=2024-04-01');
	});

	it('round-trips: parse(serialise(state)) = state', () => {
		for (const query of ['', 'onglet=graphique&maille=region&territoire=R84', 'maille=region&date=2023-01-01&tri=avancement&ordre=desc', 'tri=valeur&par=100000']) {
			const state = parse(query, counts);
			expect(serialiseUrlState(state, counts).toString()).toBe(query);
			expect(parse(serialiseUrlState(state, counts).toString(), counts)).toEqual(state);
		}
	});

	it('changing maille keeps a date that exists there, else takes its latest date', () => {
		const byRegion = parse('maille=region&date=2023-01-01');
		expect(patchState(byRegion, { maille: 'departement' }, context).date).toBe('2023-01-01');
		const latestRegion = parse('maille=region');
		expect(patchState(latestRegion, { maille: 'departement' }, context).date).toBe('2024-04-01');
	});

	it('links: path alone for the default view, otherwise the differing parameters', () => {
		const state = defaultState(context);
		expect(stateHref('/indicateurs/IND-200', state, context)).toBe('/indicateurs/IND-200');
		expect(stateHref('/indicateurs/IND-200', state, context, { onglet: 'tableau', tri: 'valeur', ordre: 'desc' })).toBe(
			'/indicateurs/IND-200?onglet=tableau&tri=valeur&ordre=desc'
		);
		expect(stateHref('/indicateurs/IND-200', parse('maille=region&date=2023-01-01'), context, { maille: 'departement' })).toBe(
			'/indicateurs/IND-200?date=2023-01-01'
		);
	});

	it('hidden fields of a GET form keep the rest of the state', () => {
		const state = parse('onglet=tableau&maille=region&date=2023-01-01&territoire=R84');
		expect(hiddenFields(state, context, ['date'])).toEqual([
			['onglet', 'tableau'],
			['maille', 'region'],
			['territoire', 'R84']
		]);
	});
});
