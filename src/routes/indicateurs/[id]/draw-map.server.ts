/**
 * The indicator map of a first view, drawn on the server: the page's first load then needs neither
 * the boundaries nor the projection in the browser (about 30 KB of compressed JavaScript); the map
 * tab loads them only when the reader moves on (another territory, date or maille).
 */
import { render } from 'svelte/server';
import Carte from '$lib/components/map/Carte.svg.svelte';
import type { FranceTopology } from '$lib/components/map/projection';
import type { Direction } from '$lib/progress';
import type { TerritoryRow } from '$lib/server/queries/indicator';
import { parseUrlState, stateHref, type StateContext, type UrlState } from '$lib/url-state';
import { drawnOnce, type ServerDrawnHtml } from '$lib/server-drawn';
import { indicatorMapView, type MapState } from './map-view';
import topologyJson from '../../../../static/geo/france.topo.json';

export function drawIndicatorMap(
	rows: TerritoryRow[],
	view: MapState,
	indicator: { name: string; unit: string; direction: Direction },
	selectHref: (code: string) => string
): ServerDrawnHtml {
	const map = indicatorMapView(rows, view, indicator.name, indicator.unit, indicator.direction);
	const html = render(Carte, {
		props: {
			topology: topologyJson as unknown as FranceTopology,
			level: map.level,
			values: map.values,
			colour: map.colour,
			selected: map.selected?.inseeCode,
			href: (code: string) => selectHref(`${map.prefix}${code}`),
			title: map.title
		}
	}).body;
	return drawnOnce(html, false) as ServerDrawnHtml;
}

/**
 * The map of a first view of the map tab (the page's own address, not client navigation), or null.
 * `onglet` is read untracked: tab switches still do not call the server (an invalid one is the
 * universal load's 400).
 */
export function firstViewMap(
	event: { url: URL; isDataRequest: boolean; untrack: <T>(fn: () => T) => T },
	pathname: string,
	context: StateContext,
	state: UrlState,
	rows: TerritoryRow[],
	indicator: { name: string; unit: string; direction: Direction }
): ServerDrawnHtml | null {
	const { maille, date } = state;
	if (event.isDataRequest || !maille || !date) return null;
	const onglet = event.untrack(() => {
		try {
			return parseUrlState(event.url.searchParams, context, ['onglet']).onglet;
		} catch {
			return null;
		}
	});
	if (onglet !== 'carte') return null;
	const shown = { ...state, onglet };
	return drawIndicatorMap(rows, { ...shown, maille, date }, indicator, (code) => stateHref(pathname, shown, context, { territoire: code }));
}
