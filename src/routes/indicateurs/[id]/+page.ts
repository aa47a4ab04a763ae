import { error } from '@sveltejs/kit';
import type { FranceTopology } from '$lib/components/map/projection';
import { parseUrlState, UrlStateError } from '$lib/url-state';
import type { PageLoad } from './$types';

/**
 * The map geometry, as a module loaded on demand: on the server it is read from the bundle (no
 * HTTP request to ourselves), in the browser it is one cached chunk fetched only for the map tab,
 * and it is never inlined into the page's HTML.
 */
function topology(): Promise<FranceTopology> {
	return import('../../../../static/geo/france.topo.json').then((m) => m.default as unknown as FranceTopology);
}

export const load: PageLoad = async ({ data, url }) => {
	let onglet;
	try {
		onglet = parseUrlState(url.searchParams, data.context, ['onglet']).onglet;
	} catch (cause) {
		if (cause instanceof UrlStateError) error(400, { message: cause.message, hint: cause.hint });
		throw cause;
	}
	const map = onglet === 'carte' && data.context.mailles.length > 0;
	// Each tab's code (and its share of D3) is a chunk of its own, loaded before hydration only for
	// the tab shown: the map tab does not carry the charts' code, nor the chart tab the geometry.
	const [geometry, MapTab, ChartTab] = await Promise.all([
		map ? topology() : null,
		map ? import('./OngletCarte.svelte').then((m) => m.default) : null,
		onglet === 'graphique' ? import('./OngletGraphique.svelte').then((m) => m.default) : null
	]);
	return {
		...data,
		state: { ...data.state, onglet },
		// Only the map needs the geometry: the other tabs do not carry it in their HTML.
		topology: geometry,
		MapTab,
		ChartTab
	};
};
