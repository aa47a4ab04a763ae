/**
 * `/comparer`: without `t`, a chooser; with `t=R84,R93,D2A` (2 to 13 codes besides France, in the
 * canonical order — any other spelling is redirected), the comparison, as compact tables by theme;
 * `graphiques=<theme>` adds that theme's small multiples (their series are sent for it only).
 * `ajouter=…` is the « Ajouter un territoire » form (no JavaScript needed): resolved with the
 * search of /recherche (names, numbers, postal codes), then redirected to the new `t` list, or,
 * when the text matches several territories, the choices are listed as links.
 */
import { error, redirect } from '@sveltejs/kit';
import { render } from 'svelte/server';
import { drawnOnce } from '$lib/server-drawn';
import { getClient } from '$lib/server/db';
import { MAX_TERRITORIES, MIN_TERRITORIES, parseCodes } from '$lib/server/queries/compare';
import { parseSearchQuery, SearchQueryError, searchTerritories } from '$lib/server/queries/search';
import type { PageServerLoad } from './$types';
import { badRequest, readComparison, redirectToCanonical } from './request.server';
import { chartedIndicators, comparisonTables, shownThemes } from './tableau';
import OptionsIntegration from './OptionsIntegration.svelte';
import Tableaux from './Tableaux.svelte';
import { compareHref, withCode, type CompareState } from './url';

export interface AddChoice {
	code: string;
	label: string;
	href: string;
}

/** The codes already chosen, for the add form: 0 to 7 well-formed codes (the count is checked later). */
function currentCodes(raw: string | null): string[] {
	try {
		return parseCodes(raw ?? '', 0);
	} catch (cause) {
		badRequest(cause);
	}
}

function add(url: URL, text: string): { query: string; message: string | null; choices: AddChoice[] } {
	const state: CompareState = { codes: currentCodes(url.searchParams.get('t')), famille: url.searchParams.get('famille'), theme: url.searchParams.get('theme') };
	let query: string;
	try {
		query = parseSearchQuery(text);
	} catch (cause) {
		if (cause instanceof SearchQueryError) error(400, { message: cause.message, hint: 'Un nom, un numéro de département ou un code postal suffit.' });
		throw cause;
	}
	if (state.codes.filter((c) => c !== 'FR').length >= MAX_TERRITORIES)
		return { query, message: `La comparaison a déjà ${MAX_TERRITORIES} territoires : retirez-en un avant d’en ajouter.`, choices: [] };
	const { matches } = searchTerritories(getClient(), query, 8);
	const targets = [...new Set(matches.map((m) => m.target))];
	const next = (code: string) => {
		const added = withCode(state, code);
		// A single territory is compared with France.
		return compareHref(added.codes.length < MIN_TERRITORIES ? withCode(added, code === 'FR' ? 'R11' : 'FR') : added);
	};
	if (targets.length === 1) redirect(303, next(targets[0]));
	if (targets.length === 0) return { query, message: `Aucun territoire ne correspond à « ${query} ».`, choices: [] };
	const seen = new Set<string>();
	const choices: AddChoice[] = [];
	for (const m of matches) {
		if (seen.has(m.target)) continue;
		seen.add(m.target);
		const kind = m.kind === 'commune' ? 'commune' : m.kind === 'region' ? 'région' : 'département';
		choices.push({ code: m.target, label: `${m.label} (${kind})`, href: next(m.target) });
	}
	return { query, message: `Plusieurs territoires correspondent à « ${query} » : choisissez.`, choices };
}

/** `graphiques`: once at most, a theme the comparison shows (400 otherwise). */
function chartedTheme(url: URL, themes: Set<string>): string | null {
	const values = url.searchParams.getAll('graphiques');
	if (values.length > 1) error(400, { message: 'Le paramètre « graphiques » ne peut être donné qu’une fois.', hint: 'Retirez les doublons de l’adresse.' });
	const value = values[0] ?? '';
	if (value === '') return null;
	if (!themes.has(value))
		error(400, {
			message: `Pas de graphiques pour « ${value.slice(0, 60)} » : ce thème n’est pas dans la comparaison.`,
			hint: 'Suivez le lien « Voir les graphiques » d’un thème de la page.'
		});
	return value;
}

export const load: PageServerLoad = ({ url, route, isDataRequest }) => {
	// Client navigation data of a non-canonical address: SvelteKit sends the browser on to the canonical one.
	redirectToCanonical(route.id, url);
	const text = url.searchParams.get('ajouter');
	const adding = text !== null && text.trim() !== '' ? add(url, text) : null;
	if (url.searchParams.get('t') === null || (adding && url.searchParams.get('t')!.trim() === ''))
		return { comparison: null, tables: '', options: '', first: null, charts: [], count: 0, params: null, graphiques: null, adding };
	const { params, result } = readComparison(url);
	const graphiques = chartedTheme(url, shownThemes(result));
	const { indicators, ...comparison } = result;
	const families = comparisonTables(indicators);
	const view = { codes: params.codes, famille: params.famille, theme: params.theme };
	const territories = [...result.territories, ...(result.france ? [result.france] : [])];
	// The tables are drawn here, once: the first load sends them as HTML only (see $lib/server-drawn).
	const tables = render(Tableaux, { props: { families, territories, view, charted: graphiques } }).body;
	const embeddable = indicators.map((i) => ({ code: i.code, name: i.name, perCapita: i.perCapita }));
	const options = render(OptionsIntegration, { props: { indicators: embeddable } }).body;
	return {
		comparison,
		tables: drawnOnce(tables, isDataRequest),
		options: drawnOnce(options, isDataRequest),
		first: embeddable[0] ?? null,
		charts: chartedIndicators(indicators, graphiques),
		count: indicators.length,
		params,
		graphiques,
		adding
	};
};
