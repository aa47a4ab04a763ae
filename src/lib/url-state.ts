/**
 * The indicator page's state, in its URL — the ONE place that parses, validates and writes
 * `?onglet=…&maille=…&date=…&territoire=…&tri=…&ordre=…&par=…`.
 *
 * - Every view is a plain link or GET form, so the page works without JavaScript, can be
 *   bookmarked and shared, and back/forward restore it (the state only comes from the URL).
 * - Only what differs from the defaults is written: `/indicateurs/IND-200` is the default view.
 *   Defaults depend on the indicator (`StateContext`): the finest maille it is published at and
 *   the latest date there.
 * - Unknown or malformed values throw a `UrlStateError` whose French message says what is
 *   accepted; the load turns it into a 400. Unknown parameters are ignored (tracking tags…).
 *
 * Pure: no SvelteKit import, usable in loads, components and vitest's node environment.
 */
import { formatPeriod, parseDate } from './format';

export const ONGLETS = ['carte', 'graphique', 'tableau'] as const;
export type Onglet = (typeof ONGLETS)[number];

/** Territorial levels a map and a table can show (national is the headline, not a maille). */
export const MAILLES = ['region', 'departement'] as const;
export type Maille = (typeof MAILLES)[number];

export const TRIS = ['nom', 'valeur', 'evolution', 'avancement'] as const;
export type Tri = (typeof TRIS)[number];

export const ORDRES = ['asc', 'desc'] as const;
export type Ordre = (typeof ORDRES)[number];

/** The only per-inhabitant base offered: « pour 100 000 habitants ». */
export const PAR_HABITANTS = 100_000;

export const STATE_KEYS = ['onglet', 'maille', 'date', 'territoire', 'tri', 'ordre', 'par'] as const;
export type StateKey = (typeof STATE_KEYS)[number];

export interface UrlState {
	onglet: Onglet;
	/** null when the indicator has no regional or departmental values. */
	maille: Maille | null;
	/** Date of the map and the table (`YYYY-MM-DD` as stored); null when `maille` is null. */
	date: string | null;
	/** Public territory code of the selected territory: `FR`, `R84`, `D2A`. */
	territoire: string;
	tri: Tri;
	ordre: Ordre;
	/** `PAR_HABITANTS` for values per 100 000 inhabitants (counts only); null for raw values. */
	par: number | null;
}

/** What the defaults and the checks depend on, for one indicator. Plain data (sent to the page). */
export interface StateContext {
	/** Mailles with at least one dated value, in `MAILLES` order. */
	mailles: Maille[];
	/** Distinct dates of the values at each maille, ascending. */
	dates: Partial<Record<Maille, string[]>>;
	/** The unit is a count: `par=100000` is offered, and raw values are not ranked. */
	perCapita: boolean;
}

export class UrlStateError extends Error {
	constructor(
		message: string,
		/** What to do instead, in French. */
		readonly hint?: string
	) {
		super(message);
		this.name = 'UrlStateError';
	}
}

export const MAILLE_LABELS: Record<Maille, { singular: string; plural: string; by: string }> = {
	region: { singular: 'région', plural: 'régions', by: 'par région' },
	departement: { singular: 'département', plural: 'départements', by: 'par département' }
};

export const ONGLET_LABELS: Record<Onglet, string> = { carte: 'Carte', graphique: 'Graphique', tableau: 'Tableau' };

/** `FR`, `R` + 2 digits, `D` + 2 digits / `2A` / `2B` / `97x`. Existence is checked against the store by the load. */
const TERRITORY_CODE = /^(FR|R\d{2}|D(\d{2}|2[AB]|97\d))$/;

/** Latest date at a maille (the default date), or null. */
export function latestDate(context: StateContext, maille: Maille | null): string | null {
	return maille ? (context.dates[maille]?.at(-1) ?? null) : null;
}

export function defaultState(context: StateContext): UrlState {
	const maille = context.mailles.includes('departement') ? 'departement' : (context.mailles[0] ?? null);
	return {
		// Without territorial values there is no map to show first.
		onglet: maille ? 'carte' : 'graphique',
		maille,
		date: latestDate(context, maille),
		territoire: 'FR',
		tri: 'nom',
		ordre: 'asc',
		par: null
	};
}

const list = (values: readonly string[]) => values.join(', ');

function oneOf<T extends string>(key: string, raw: string, allowed: readonly T[]): T {
	if ((allowed as readonly string[]).includes(raw)) return raw as T;
	throw new UrlStateError(`Valeur inconnue pour « ${key} » : « ${raw} ».`, `Valeurs acceptées : ${list(allowed)}.`);
}

function mailleIn(raw: string, context: StateContext): Maille {
	const maille = oneOf('maille', raw, MAILLES);
	if (context.mailles.includes(maille)) return maille;
	if (context.mailles.length === 0)
		throw new UrlStateError(
			`Cet indicateur n'est publié qu'au niveau national : pas de valeurs ${MAILLE_LABELS[maille].by}.`,
			'Retirez le paramètre « maille » de l’adresse.'
		);
	throw new UrlStateError(
		`Cet indicateur n'est pas publié ${MAILLE_LABELS[maille].by}.`,
		`Maille disponible : ${list(context.mailles)}.`
	);
}

function dateIn(raw: string, maille: Maille | null, context: StateContext): string {
	try {
		parseDate(raw);
	} catch {
		throw new UrlStateError(`Date mal formée : « ${raw} ».`, 'Format attendu : AAAA-MM-JJ, par exemple 2024-05-01.');
	}
	if (!maille) throw new UrlStateError('Cet indicateur n’a pas de valeurs par territoire : le paramètre « date » ne s’applique pas.');
	const dates = context.dates[maille] ?? [];
	if (dates.includes(raw)) return raw;
	const range = dates.length
		? `Dates disponibles ${MAILLE_LABELS[maille].by} : de ${formatPeriod(dates[0])} à ${formatPeriod(dates.at(-1))}${dates.length <= 12 ? ` (${list(dates)})` : ''}.`
		: undefined;
	throw new UrlStateError(`Pas de valeur ${MAILLE_LABELS[maille].by} à la date « ${raw} ».`, range);
}

/**
 * Parses the search parameters `keys` (default: all) into a full state; absent or empty
 * parameters take their default. `params` only needs `get` (a `URLSearchParams`), so a load
 * that reads some keys only is re-run by SvelteKit only when those keys change.
 */
export function parseUrlState(
	params: { get(key: string): string | null },
	context: StateContext,
	keys: readonly StateKey[] = STATE_KEYS
): UrlState {
	const read = (key: StateKey) => (keys.includes(key) ? params.get(key)?.trim() || null : null);
	const state = defaultState(context);

	const onglet = read('onglet');
	if (onglet) state.onglet = oneOf('onglet', onglet, ONGLETS);

	const maille = read('maille');
	if (maille) {
		state.maille = mailleIn(maille, context);
		state.date = latestDate(context, state.maille);
	}

	const date = read('date');
	if (date) state.date = dateIn(date, state.maille, context);

	const territoire = read('territoire');
	if (territoire) {
		if (!TERRITORY_CODE.test(territoire))
			throw new UrlStateError(
				`Code de territoire inconnu : « ${territoire} ».`,
				'Codes attendus : FR (France), R suivi du code de la région (R84), D suivi du code du département (D2A, D971).'
			);
		state.territoire = territoire;
	}

	const tri = read('tri');
	if (tri) state.tri = oneOf('tri', tri, TRIS);

	const ordre = read('ordre');
	if (ordre) state.ordre = oneOf('ordre', ordre, ORDRES);

	const par = read('par');
	if (par) {
		if (par !== String(PAR_HABITANTS))
			throw new UrlStateError(`Valeur inconnue pour « par » : « ${par} ».`, `Valeur acceptée : ${PAR_HABITANTS}.`);
		if (!context.perCapita)
			throw new UrlStateError(
				'Le rapport à la population ne s’applique qu’aux effectifs (nombres, montants) : cet indicateur est déjà un taux, une durée ou une note.',
				'Retirez le paramètre « par » de l’adresse.'
			);
		state.par = PAR_HABITANTS;
	}
	return state;
}

/** The parameters of `state` that differ from the defaults, in `STATE_KEYS` order. */
export function serialiseUrlState(state: UrlState, context: StateContext): URLSearchParams {
	const defaults = defaultState(context);
	// The date default follows the maille shown.
	defaults.date = latestDate(context, state.maille);
	const params = new URLSearchParams();
	for (const key of STATE_KEYS) {
		const value = state[key];
		if (value !== null && value !== defaults[key]) params.set(key, String(value));
	}
	return params;
}

/**
 * `state` with `patch` applied, kept consistent: a new maille keeps the date only when it
 * exists there (else its latest date).
 */
export function patchState(state: UrlState, patch: Partial<UrlState>, context: StateContext): UrlState {
	const next = { ...state, ...patch };
	if (next.maille !== state.maille && !('date' in patch && patch.date)) {
		const dates = next.maille ? (context.dates[next.maille] ?? []) : [];
		if (!next.date || !dates.includes(next.date)) next.date = latestDate(context, next.maille);
	}
	return next;
}

/** Link to `pathname` in `state` changed by `patch`: `/indicateurs/IND-200?onglet=tableau`. */
export function stateHref(pathname: string, state: UrlState, context: StateContext, patch: Partial<UrlState> = {}): string {
	const query = serialiseUrlState(patchState(state, patch, context), context).toString();
	return query ? `${pathname}?${query}` : pathname;
}

/**
 * Hidden inputs a GET form needs to keep the rest of the state (the form's own fields are
 * listed in `except`).
 */
export function hiddenFields(state: UrlState, context: StateContext, except: readonly StateKey[]): [string, string][] {
	return [...serialiseUrlState(state, context).entries()].filter(([key]) => !except.includes(key as StateKey));
}
