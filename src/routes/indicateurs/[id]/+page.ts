import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import type { FranceTopology } from '$lib/components/map/projection';
import { parseUrlState, UrlStateError } from '$lib/url-state';
import type { PageLoad } from './$types';

const TOPOLOGY_URL = '/geo/france.topo.json';
/** In the browser the map geometry is fetched once per visit; on the server, per render (SvelteKit inlines it for hydration). */
let cached: Promise<FranceTopology> | null = null;

function topology(fetch: typeof globalThis.fetch): Promise<FranceTopology> {
	const load = () =>
		fetch(TOPOLOGY_URL).then((response) => {
			if (!response.ok) throw new Error(`Fond de carte indisponible (${response.status}).`);
			return response.json() as Promise<FranceTopology>;
		});
	if (!browser) return load();
	cached ??= load().catch((cause) => {
		cached = null;
		throw cause;
	});
	return cached;
}

export const load: PageLoad = async ({ data, url, fetch }) => {
	let onglet;
	try {
		onglet = parseUrlState(url.searchParams, data.context, ['onglet']).onglet;
	} catch (cause) {
		if (cause instanceof UrlStateError) error(400, { message: cause.message, hint: cause.hint });
		throw cause;
	}
	return {
		...data,
		state: { ...data.state, onglet },
		// Only the map needs the geometry: the other tabs do not carry it in their HTML.
		topology: onglet === 'carte' && data.context.mailles.length ? await topology(fetch) : null
	};
};
