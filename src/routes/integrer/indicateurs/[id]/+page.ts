import { error } from '@sveltejs/kit';
import { parseUrlState, UrlStateError } from '$lib/url-state';
import type { PageLoad } from './$types';
import { loadMap } from '../../../indicateurs/[id]/map-loading';

/** The embed shows a map or a chart (`onglet=carte|graphique`), never the table. */
export const load: PageLoad = async ({ data, url }) => {
	let onglet;
	try {
		onglet = parseUrlState(url.searchParams, data.context, ['onglet']).onglet;
	} catch (cause) {
		if (cause instanceof UrlStateError) error(400, { message: cause.message, hint: cause.hint });
		throw cause;
	}
	if (onglet === 'tableau')
		error(400, { message: 'La vue intégrable montre une carte ou un graphique.', hint: 'Valeurs acceptées pour « onglet » : carte, graphique.' });
	if (onglet === 'carte' && !data.state.maille)
		error(400, { message: 'Cet indicateur n’est publié qu’au niveau national : pas de carte.', hint: 'Utilisez onglet=graphique.' });
	// As on the indicator page: the server's drawing on a first view, else the map's code and geometry.
	// Only the view shown is loaded (its code and its share of D3), as on the indicator page.
	const [mapModules, MapTab, ChartTab] = await Promise.all([
		loadMap(onglet === 'carte', data.mapSvg),
		onglet === 'carte' ? import('../../../indicateurs/[id]/OngletCarte.svelte').then((m) => m.default) : null,
		onglet === 'graphique' ? import('../../../indicateurs/[id]/OngletGraphique.svelte').then((m) => m.default) : null
	]);
	return { ...data, state: { ...data.state, onglet }, ...mapModules, MapTab, ChartTab };
};
