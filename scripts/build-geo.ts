/**
 * Builds the map geometry: `static/geo/france.topo.json`.
 *
 * Dev-time only; the output is committed. Run: `npx tsx scripts/build-geo.ts`.
 *
 * Input: the raw IGN Admin Express COG 2018 GeoJSON copies in `../shared/data/geo/`
 * (WGS 84 lon/lat, d3 winding, `code` + `nom` properties; see that folder's README).
 * Output: one TopoJSON with two objects, `departements` (101) and `regions` (18), sharing
 * arcs (the region outlines are exactly the union of département outlines in the source),
 * simplified on the sphere and quantized to 1e4.
 *
 * Checks (the script exits non-zero on failure): feature counts, unique string codes,
 * no feature larger than a hemisphere after simplification (a flipped winding would make a
 * feature cover the globe), every feature still has a geometry, gzip size under budget.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import { feature, quantize } from 'topojson-client';
// topojson-server and topojson-simplify ship no types (and no @types package is installed):
// the few functions used are typed here.
// @ts-ignore -- untyped module
import { topology as untypedTopology } from 'topojson-server';
// @ts-ignore -- untyped module
import * as untypedSimplify from 'topojson-simplify';

type Topo = Topology<Objects<Props>>;
type Weight = (triangleOrRing: number[][], interior?: boolean) => number;
type RingFilter = (ring: number[], interior: boolean) => boolean;
const topology = untypedTopology as (objects: Record<string, FeatureCollection>) => Topo;
const { filter, filterAttached, filterWeight, presimplify, simplify, sphericalRingArea, sphericalTriangleArea } =
	untypedSimplify as {
		presimplify(topology: Topo, weight?: Weight): Topo;
		simplify(topology: Topo, minWeight: number): Topo;
		filter(topology: Topo, keep: RingFilter): Topo;
		filterAttached(topology: Topo): (ring: number[]) => boolean;
		filterWeight(topology: Topo, minWeight: number, weight?: Weight): RingFilter;
		sphericalRingArea: Weight;
		sphericalTriangleArea: Weight;
	};

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = resolve(ROOT, '../shared/data/geo');
const OUTPUT = resolve(ROOT, 'static/geo/france.topo.json');

/** Earth radius used to turn km² into steradians (the unit of the spherical weights). */
const EARTH_RADIUS_KM = 6371;
const km2 = (area: number) => area / EARTH_RADIUS_KM ** 2;

/**
 * Visvalingam threshold: drop a vertex when the triangle it forms with its neighbours is
 * smaller than this. 1 km² keeps coastlines, the Corsican cape and the small overseas
 * islands recognisable at dashboard sizes (a 600 px wide map shows ~3 km per pixel of metropole).
 */
const MIN_TRIANGLE_KM2 = 1;
/** Detached islands smaller than this are dropped (Glénan, Chausey…); attached rings are kept. */
const MIN_ISLAND_KM2 = 3;
const QUANTIZATION = 1e4;
const GZIP_BUDGET_BYTES = 40 * 1024;

const LAYERS = {
	departements: { file: 'departements-avec-outre-mer.geojson', count: 101 },
	regions: { file: 'regions-avec-outre-mer.geojson', count: 18 }
} as const;
type Layer = keyof typeof LAYERS;

interface Props {
	code: string;
	nom: string;
}

function fail(message: string): never {
	console.error(`build-geo: ${message}`);
	process.exit(1);
}

/** Reads one layer, keeps only `code` and `nom`, and checks counts and codes. */
function readLayer(layer: Layer): FeatureCollection<Geometry, Props> {
	const { file, count } = LAYERS[layer];
	const raw = JSON.parse(readFileSync(resolve(SOURCE_DIR, file), 'utf8')) as FeatureCollection;
	const features = raw.features.map((f): Feature<Geometry, Props> => {
		const code = f.properties?.code;
		const nom = f.properties?.nom;
		if (typeof code !== 'string' || typeof nom !== 'string' || !f.geometry)
			fail(`${layer}: feature without string code/nom or geometry`);
		return { type: 'Feature', properties: { code, nom }, geometry: f.geometry };
	});
	const codes = new Set(features.map((f) => f.properties.code));
	if (features.length !== count || codes.size !== count)
		fail(`${layer}: expected ${count} features with unique codes, got ${features.length} / ${codes.size}`);
	return { type: 'FeatureCollection', features };
}

/** Fails if a feature vanished or covers more than a hemisphere (flipped winding). */
function checkLayer(topo: Topo, layer: Layer) {
	const fc = feature(topo, topo.objects[layer] as GeometryCollection<Props>);
	for (const f of fc.features) {
		if (!f.geometry) fail(`${layer} ${f.properties.code}: geometry lost in simplification`);
		const area = geoArea(f);
		if (!(area > 0 && area < 2 * Math.PI))
			fail(`${layer} ${f.properties.code}: spherical area ${area} sr (winding flipped?)`);
	}
	return fc.features.length;
}

function main() {
	const objects = { departements: readLayer('departements'), regions: readLayer('regions') };
	const points = (t: Topo) => t.arcs.reduce((n, arc) => n + arc.length, 0);

	const full = topology(objects);
	const simplified = simplify(presimplify(full, sphericalTriangleArea), km2(MIN_TRIANGLE_KM2));
	// Both layers share every arc, so "attached" must be judged within one layer: a ring is
	// attached when it shares an arc with another département ring (a land border).
	const attached = filterAttached({ ...simplified, objects: { departements: simplified.objects.departements } });
	const bigEnough = filterWeight(simplified, km2(MIN_ISLAND_KM2), sphericalRingArea);
	const filtered = filter(simplified, (ring, interior) => attached(ring) || bigEnough(ring, interior));
	const output = quantize(filtered, QUANTIZATION);

	for (const layer of Object.keys(LAYERS) as Layer[]) checkLayer(output, layer);

	const json = JSON.stringify(output);
	const gzip = gzipSync(json, { level: 9 }).length;
	mkdirSync(dirname(OUTPUT), { recursive: true });
	writeFileSync(OUTPUT, json);

	console.log(`points: ${points(full)} → ${points(filtered)} (arcs: ${filtered.arcs.length})`);
	console.log(`wrote ${OUTPUT}`);
	console.log(`size: ${json.length} bytes raw, ${gzip} bytes gzip (budget ${GZIP_BUDGET_BYTES})`);
	if (gzip > GZIP_BUDGET_BYTES) fail(`gzip size ${gzip} exceeds budget ${GZIP_BUDGET_BYTES}`);
}

main();
