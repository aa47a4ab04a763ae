import { error } from '@sveltejs/kit';
import { parseUrlState, UrlStateError } from '$lib/url-state';
import type { PageLoad } from './$types';
import { loadMap } from './map-loading';

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
	// the tab shown: the map tab does not carry the charts' code, nor the chart tab the geometry;
	// a map the server drew needs neither the geometry nor the map's code (map-loading.ts).
	const [mapModules, MapTab, ChartTab] = await Promise.all([
		loadMap(map, data.mapSvg),
		map ? import('./OngletCarte.svelte').then((m) => m.default) : null,
		onglet === 'graphique' ? import('./OngletGraphique.svelte').then((m) => m.default) : null
	]);
	return { ...data, state: { ...data.state, onglet }, ...mapModules, MapTab, ChartTab };
};
