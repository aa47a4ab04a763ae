/**
 * Map maths for the France choropleth: features from the committed TopoJSON, and a
 * `geoConicConformalFrance()` composite projection (metropole + overseas insets) fitted to
 * a box. Pure: no DOM, usable in `$derived`, in SSR and in vitest's node environment.
 */
import { geoPath, geoTransform, type GeoPath } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
// The package's root entry re-exports extension-less paths (fine for bundlers, an empty module
// under plain Node ESM); its `src/` files are valid ESM everywhere (Vite, vitest, tsx).
// That deep path has no type declarations: its type is taken from the package's index.d.ts.
// @ts-ignore -- untyped deep import, typed just below
import untypedConicConformalFrance from 'd3-composite-projections/src/conicConformalFrance.js';

/** A composite projection: a d3 projection plus the inset frames it draws. */
export type CompositeProjection = ReturnType<
	typeof import('d3-composite-projections').geoConicConformalFrance
>;
const geoConicConformalFrance = untypedConicConformalFrance as () => CompositeProjection;

export type Level = 'departements' | 'regions';

export interface TerritoryProperties {
	/** INSEE code as a string (`01`, `2A`, `971`; regions `01`…`94`). Join per level. */
	code: string;
	nom: string;
}

export type TerritoryFeature = Feature<Polygon | MultiPolygon, TerritoryProperties>;

/** Shape of `static/geo/france.topo.json` (built by `scripts/build-geo.ts`). */
export type FranceTopology = Topology<{
	departements: GeometryCollection<TerritoryProperties>;
	regions: GeometryCollection<TerritoryProperties>;
}>;

/** Features of one level, sorted by code (a stable keyboard order: 01…2A, 2B…95, 971…). */
export function featuresFromTopology(topology: FranceTopology, level: Level): TerritoryFeature[] {
	const collection = feature(topology, topology.objects[level]);
	return (collection.features as TerritoryFeature[])
		.slice()
		.sort((a, b) => (a.properties.code < b.properties.code ? -1 : a.properties.code > b.properties.code ? 1 : 0));
}

type Point = [number, number];
type Box = [Point, Point];

/** Splits a composition-borders path into its closed rings (the trailing open line is dropped). */
function borderRings(d: string): Point[][] {
	const rings: Point[][] = [];
	let ring: Point[] = [];
	for (const [, command, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
		if (command === 'M') ring = [];
		if (command === 'Z') rings.push(ring);
		else ring.push(args.split(',').map(Number) as Point);
	}
	return rings;
}

function ringBox(ring: Point[]): Box {
	const xs = ring.map((p) => p[0]);
	const ys = ring.map((p) => p[1]);
	return [
		[Math.min(...xs), Math.min(...ys)],
		[Math.max(...xs), Math.max(...ys)]
	];
}

const contains = ([[x0, y0], [x1, y1]]: Box, [x, y]: Point) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

/**
 * The composite projection applied point by point. d3's own stream sends every polygon through
 * all 12 sub-projections and clips it 12 times; each baromètre territory lies wholly inside one
 * inset, so projecting its vertices one by one gives the same path 5–6× faster (checked: same
 * SVG for all 101 départements). Adaptive resampling is moot at ~1 km between vertices.
 */
function pointwise(projection: CompositeProjection) {
	return geoTransform({
		point(x: number, y: number) {
			const p = projection([x, y]);
			if (p) this.stream.point(p[0], p[1]);
		}
	});
}

/** Any vertex of a territory: enough to tell which inset it is drawn in. */
function vertex(f: TerritoryFeature): Point {
	const g = f.geometry;
	return (g.type === 'Polygon' ? g.coordinates[0][0] : g.coordinates[0][0][0]) as Point;
}

/**
 * The inset frames that hold at least one of `features` (the library also frames
 * Saint-Pierre-et-Miquelon, Polynésie… which the baromètre does not map), as rings in pixels.
 */
function usedFrames(projection: CompositeProjection, features: TerritoryFeature[]): Point[][] {
	const points = features.map((f) => projection(vertex(f))).filter((p): p is Point => p !== null);
	return borderRings(projection.getCompositionBorders()).filter((ring) => {
		const box = ringBox(ring);
		return points.some((p) => contains(box, p));
	});
}

const framesPath = (rings: Point[][]) =>
	rings.map((ring) => `M${ring.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`).join('');

export interface FranceMapLayout {
	/** The fitted projection (for `invert`, label positions…). */
	projection: CompositeProjection;
	/** SVG path generator (whole pixels) through the fitted projection; also `centroid`, `bounds`. */
	path: GeoPath;
	/** SVG `d` of the inset frames around the overseas territories shown. */
	frames: string;
	width: number;
	height: number;
}

/**
 * Fits `geoConicConformalFrance()` so that the features AND their inset frames fill
 * `width` × `height` (minus `padding` on each side). When `height` is omitted it follows the
 * map's natural aspect ratio. The composite projection is affine in scale/translate, so one
 * measurement at a reference scale gives the exact fit.
 */
export function fitFranceMap(
	features: TerritoryFeature[],
	width: number,
	height?: number,
	padding = 2
): FranceMapLayout {
	const reference = 1000;
	const projection = geoConicConformalFrance().scale(reference).translate([0, 0]);
	const frames = usedFrames(projection, features);
	const collection = { type: 'FeatureCollection' as const, features };
	const [[x0, y0], [x1, y1]] = [geoPath(pointwise(projection)).bounds(collection), ...frames.map(ringBox)].reduce(
		([[ax0, ay0], [ax1, ay1]], [[bx0, by0], [bx1, by1]]): Box => [
			[Math.min(ax0, bx0), Math.min(ay0, by0)],
			[Math.max(ax1, bx1), Math.max(ay1, by1)]
		]
	);
	const innerWidth = width - 2 * padding;
	const naturalHeight = (innerWidth * (y1 - y0)) / (x1 - x0) + 2 * padding;
	const finalHeight = height ?? Math.ceil(naturalHeight);
	const innerHeight = finalHeight - 2 * padding;
	const k = Math.min(innerWidth / (x1 - x0), innerHeight / (y1 - y0));
	projection
		.scale(reference * k)
		.translate([padding + (innerWidth - k * (x0 + x1)) / 2, padding + (innerHeight - k * (y0 + y1)) / 2]);
	return {
		projection,
		// Whole pixels: at map sizes a tenth of a pixel is invisible, and it halves the page weight.
		path: geoPath(pointwise(projection)).digits(0),
		frames: framesPath(usedFrames(projection, features)),
		width,
		height: finalHeight
	};
}
