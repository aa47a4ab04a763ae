/**
 * `/comparer`: without `t`, a chooser; with `t=R84,R93,D2A` (2 to 8 codes), the comparison.
 * `ajouter=…` is the « Ajouter un territoire » form (no JavaScript needed): resolved with the
 * search of /recherche (names, numbers, postal codes), then redirected to the new `t` list, or,
 * when the text matches several territories, the choices are listed as links.
 */
import { error, redirect } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { MAX_TERRITORIES, MIN_TERRITORIES, parseCodes } from '$lib/server/queries/compare';
import { parseSearchQuery, SearchQueryError, searchTerritories } from '$lib/server/queries/search';
import type { PageServerLoad } from './$types';
import { badRequest, readComparison } from './request.server';
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

export const load: PageServerLoad = ({ url }) => {
	const text = url.searchParams.get('ajouter');
	const adding = text !== null && text.trim() !== '' ? add(url, text) : null;
	if (url.searchParams.get('t') === null || (adding && url.searchParams.get('t')!.trim() === '')) return { comparison: null, params: null, adding };
	const { params, result } = readComparison(url);
	return { comparison: result, params, adding };
};
