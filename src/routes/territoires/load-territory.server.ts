/**
 * The load shared by the three territory pages: checks the code (variants such as `2a`, `1` or
 * `R84` are redirected to the canonical address), the `famille` and `theme` filters, and reads the page.
 * Unknown territory → 404; malformed parameter → 400; both with a French message and a hint.
 */
import { error, redirect } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { publicTerritoryCode } from '$lib/server/import/territories';
import { familyView, FilterParamError, territoryPage, type TerritoryLink, type TerritoryPage } from '$lib/server/queries/territory';
import type { Level } from '$lib/server/queries/facts';

const SEARCH_HINT = 'Cherchez le territoire par son nom, son numéro ou un code postal avec la recherche en haut de la page.';
const FILTER_ID = /^[a-z0-9-]{1,60}$/;
const FILTER_HINTS = {
	famille: 'Un identifiant de famille s’écrit en minuscules, chiffres et tirets (par exemple politiques-prioritaires).',
	theme: 'Un identifiant de thème s’écrit en minuscules, chiffres et tirets (par exemple education).'
};

/**
 * A filter of the GET form (`famille`, `theme`): absent or empty (the form's « Toutes » / « Tous »),
 * or one well-formed id (its existence is checked with the store).
 */
function filterParam(url: URL, name: 'famille' | 'theme'): string | null {
	const values = url.searchParams.getAll(name);
	if (values.length > 1) error(400, { message: `Le paramètre « ${name} » ne peut être donné qu’une fois.`, hint: 'Retirez les doublons de l’adresse.' });
	if (values.length === 0 || values[0] === '') return null;
	if (!FILTER_ID.test(values[0])) error(400, { message: `Paramètre « ${name} » mal formé : « ${values[0].slice(0, 60)} ».`, hint: FILTER_HINTS[name] });
	return values[0];
}

/** A link to a territory: what the page writes of it. */
const linkView = (l: TerritoryLink) => ({ inseeCode: l.inseeCode, name: l.name });

/**
 * What the page draws, and only that: SvelteKit serialises every load result into the page for
 * hydration, so the territory record is cut to its public fields and each line to its view.
 */
function read(level: Level, code: string, url: URL, notFound: () => never) {
	const filters = { famille: filterParam(url, 'famille'), theme: filterParam(url, 'theme') };
	let page: TerritoryPage | null;
	try {
		page = territoryPage(getClient(), level, code, filters);
	} catch (cause) {
		if (cause instanceof FilterParamError) error(400, { message: cause.message, hint: cause.hint });
		throw cause;
	}
	if (!page) notFound();
	const { territory: t, groups, children, neighbours, region, france, ...rest } = page!;
	return {
		...rest,
		region: region && { ...linkView(region), population: region.population },
		france: france && { population: france.population },
		territory: { code: t.code, inseeCode: t.inseeCode, name: t.name, population: t.population },
		children: children.map((c) => ({ ...linkView(c), children: (c.children ?? []).map(linkView) })),
		neighbours: neighbours.map(linkView),
		groups: groups.map(familyView),
		theme: filters.theme
	};
}

/** `url` without its path, to keep the query string on a redirect. */
const withSearch = (path: string, url: URL) => path + url.search;

export function loadFrance(url: URL) {
	return read('national', 'FR', url, () => error(500, 'Le territoire France manque dans la base de données.'));
}

export function loadRegion(param: string, url: URL) {
	const code = publicTerritoryCode('region', param);
	const notFound = (): never =>
		error(404, {
			message: `Aucune région n’a le code « ${param.slice(0, 20)} ».`,
			hint: `Les régions ont un code INSEE à deux chiffres : 84 pour Auvergne-Rhône-Alpes, 94 pour la Corse, 01 à 06 pour l’outre-mer. ${SEARCH_HINT}`
		});
	if (!code) notFound();
	const canonical = code!.slice(1);
	if (canonical !== param) redirect(308, withSearch(`/territoires/regions/${canonical}`, url));
	return read('region', code!, url, notFound);
}

export function loadDepartement(param: string, url: URL) {
	const code = publicTerritoryCode('departement', param);
	const notFound = (): never =>
		error(404, {
			message: `Aucun département n’a le numéro « ${param.slice(0, 20)} ».`,
			hint: `Les départements sont numérotés de 01 à 95 (2A et 2B pour la Corse), et de 971 à 976 outre-mer. ${SEARCH_HINT}`
		});
	if (!code) notFound();
	const canonical = code!.slice(1);
	if (canonical !== param) redirect(308, withSearch(`/territoires/departements/${canonical}`, url));
	return read('departement', code!, url, notFound);
}
