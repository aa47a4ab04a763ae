/**
 * Which départements (and régions) share a border, computed once at server start-up — on first
 * use — from the site's own map, `static/geo/france.topo.json`, with topojson-client's
 * `neighbors` (two features are neighbours when their outlines share an arc).
 *
 * Computed rather than committed as a list, so that it can never disagree with the map: a new
 * TopoJSON (new COG) gives new neighbours with no extra step. The cost is one pass over 10 000
 * points, once.
 *
 * Known limit of the source outlines (IGN Admin Express COG 2018, simplified by
 * france-geojson): the short border on the Durance between Bouches-du-Rhône (13) and
 * Alpes-de-Haute-Provence (04) is lost (the outlines stop 600 m apart), so it is added back
 * below. It was found by listing the pairs of outlines less than 2 km apart that share no arc;
 * the three other pairs found (14–76 across the Seine estuary, 57–88, 68–70) are left as the
 * outlines give them: not neighbours.
 */
import { neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topology from '../../../static/geo/france.topo.json';

type Layer = 'departements' | 'regions';

const MISSING_BORDERS: Record<Layer, [string, string][]> = {
	departements: [['04', '13']],
	regions: []
};

let cache: Record<Layer, Map<string, string[]>> | null = null;

function compute(layer: Layer): Map<string, string[]> {
	const topo = topology as unknown as Topology;
	const geometries = (topo.objects[layer] as GeometryCollection).geometries;
	const codes = geometries.map((g) => (g.properties as { code: string }).code);
	const lists = neighbors(geometries);
	const out = new Map<string, Set<string>>();
	codes.forEach((code, i) => out.set(code, new Set(lists[i].map((j) => codes[j]))));
	for (const [a, b] of MISSING_BORDERS[layer]) {
		out.get(a)?.add(b);
		out.get(b)?.add(a);
	}
	return new Map([...out].map(([code, set]) => [code, [...set].sort()]));
}

/** INSEE codes of the territories bordering `inseeCode` at that level (sorted; empty for islands). */
export function neighboursOf(level: 'region' | 'departement', inseeCode: string): string[] {
	cache ??= { departements: compute('departements'), regions: compute('regions') };
	return cache[level === 'region' ? 'regions' : 'departements'].get(inseeCode) ?? [];
}
