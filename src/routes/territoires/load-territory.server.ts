/**
 * The load shared by the three territory pages: checks the code (variants such as `2a`, `1` or
 * `R84` are redirected to the canonical address), the `famille` parameter, and reads the page.
 * Unknown territory → 404; malformed parameter → 400; both with a French message and a hint.
 */
import { error, redirect } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { publicTerritoryCode } from '$lib/server/import/territories';
import { FamilyParamError, territoryPage, type TerritoryPage } from '$lib/server/queries/territory';
import type { Level } from '$lib/server/queries/facts';

const SEARCH_HINT = 'Cherchez le territoire par son nom, son numéro ou un code postal avec la recherche en haut de la page.';
const FAMILY_ID = /^[a-z0-9-]{1,60}$/;

/** The `famille` filter: absent, or one well-formed family id (its existence is checked with the store). */
function familyParam(url: URL): string | null {
	const values = url.searchParams.getAll('famille');
	if (values.length === 0) return null;
	if (values.length > 1) error(400, { message: 'Le paramètre « famille » ne peut être donné qu’une fois.', hint: 'Retirez les doublons de l’adresse.' });
	if (!FAMILY_ID.test(values[0]))
		error(400, {
			message: `Paramètre « famille » mal formé : « ${values[0].slice(0, 60)} ».`,
			hint: 'Un identifiant de famille s’écrit en minuscules, chiffres et tirets (par exemple politiques-prioritaires).'
		});
	return values[0];
}

function read(level: Level, code: string, url: URL, notFound: () => never): TerritoryPage & { famille: string | null } {
	const famille = familyParam(url);
	let page: TerritoryPage | null;
	try {
		page = territoryPage(getClient(), level, code, famille);
	} catch (cause) {
		if (cause instanceof FamilyParamError) error(400, { message: cause.message, hint: 'Retirez le paramètre « famille » pour voir toutes les familles.' });
		throw cause;
	}
	if (!page) notFound();
	return { ...page, famille };
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
