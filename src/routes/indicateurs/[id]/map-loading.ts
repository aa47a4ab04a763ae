/**
 * What the map tab needs, for the indicator page and its embed (universal loads): on a first view
 * the server's drawing (no geometry, no map code in the browser); for any later view the map
 * component and the geometry, each a chunk fetched on demand and cached.
 */
import type { Component } from 'svelte';
import { browser } from '$app/environment';
import type { FranceTopology } from '$lib/components/map/projection';
import { ServerDrawnHtml } from '$lib/server-drawn';

/**
 * The server's drawing serves the view it was drawn for, once: at hydration the page keeps the
 * server's SVG; any later view (another tab and back, another territory) is drawn in the browser.
 */
const used = new WeakSet<ServerDrawnHtml>();
function firstUse(drawn: unknown): ServerDrawnHtml | null {
	if (!(drawn instanceof ServerDrawnHtml)) return null;
	if (!browser) return drawn;
	if (used.has(drawn)) return null;
	used.add(drawn);
	return drawn;
}

export interface MapModules {
	mapSvg: ServerDrawnHtml | null;
	topology: FranceTopology | null;
	Carte: Component<any> | null;
}

export async function loadMap(shown: boolean, serverDrawn: unknown): Promise<MapModules> {
	const mapSvg = shown ? firstUse(serverDrawn) : null;
	if (!shown || mapSvg) return { mapSvg, topology: null, Carte: null };
	// Never inlined into the page's HTML: on the server the geometry is read from the bundle.
	const [topology, Carte] = await Promise.all([
		import('../../../../static/geo/france.topo.json').then((m) => m.default as unknown as FranceTopology),
		import('$lib/components/map/Carte.svg.svelte').then((m) => m.default)
	]);
	return { mapSvg: null, topology, Carte };
}
