import { error } from '@sveltejs/kit';
import { CatalogueParamError, filterCatalogue, parseCatalogueFilters } from '$lib/catalogue';
import { getClient } from '$lib/server/db';
import { allPolicies } from '$lib/server/queries/policies';
import { searchIndicatorCodes } from '$lib/server/queries/search';
import type { PageServerLoad } from './$types';

/** `/indicateurs?q=…&famille=…&theme=…&maille=…`: the catalogue of every indicator, filtered by a GET form. */
export const load: PageServerLoad = ({ url }) => {
	const client = getClient();
	const policies = allPolicies(client);
	const families = new Map(policies.map((p) => [p.family.id, p.family.name]));
	const themes = new Map(policies.flatMap((p) => p.indicators.flatMap((i) => (i.theme ? [[i.theme.id, i.theme.name] as const] : []))));
	let filters;
	try {
		filters = parseCatalogueFilters(url.searchParams, { families: new Set(families.keys()), themes: new Set(themes.keys()) });
	} catch (cause) {
		if (cause instanceof CatalogueParamError) error(400, { message: cause.message, hint: cause.hint });
		throw cause;
	}
	// Only what an item shows goes to the page.
	const slim = policies.map((p) => ({
		...p,
		indicators: p.indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, theme: i.theme, levels: i.levels, lastDate: i.lastDate, status: i.status, verdict: i.verdict }))
	}));
	const groups = filterCatalogue(slim, filters, filters.q ? searchIndicatorCodes(client, filters.q) : null);
	return {
		filters,
		total: policies.reduce((n, p) => n + p.indicators.length, 0),
		shown: groups.reduce((n, g) => n + g.count, 0),
		groups,
		options: {
			families: [...families].map(([id, name]) => ({ id, name })),
			themes: [...themes].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'fr'))
		}
	};
};
