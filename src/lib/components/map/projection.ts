/**
 * Map maths for the France choropleth: features from the committed TopoJSON, and a
 * `geoConicConformalFrance()` composite projection (metropole + overseas insets) fitted to
 * a box. Pure: no DOM, usable in `$derived`, in SSR and in vitest's node environment.
 */
import { geoConicConformal, geoPath, geoTransform, type GeoPath } from 'd3-geo';
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

/**
 * `pointwise`, for paths written in whole pixels: a vertex that lands on the same pixel as the
 * one before it would only repeat `L x,y`, about a fifth of a map's bytes at page sizes; it is dropped.
 */
function pointwiseWholePixels(projection: CompositeProjection) {
	let lastX = NaN;
	let lastY = NaN;
	return geoTransform({
		lineStart() {
			lastX = lastY = NaN;
			this.stream.lineStart();
		},
		point(x: number, y: number) {
			const p = projection([x, y]);
			if (!p) return;
			const px = Math.round(p[0]);
			const py = Math.round(p[1]);
			if (px === lastX && py === lastY) return;
			lastX = px;
			lastY = py;
			this.stream.point(p[0], p[1]);
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

/** Paris and the petite couronne: too small to point at on the main map, enlarged in their own inset. */
export const PETITE_COURONNE = ['75', '92', '93', '94'] as const;
export const PETITE_COURONNE_LABEL = ['Paris et', 'petite couronne'] as const;

/** WCAG 2.2 minimum target size (2.5.8), in CSS px: the side every territory reaches in the enlarged map. */
export const TARGET_MIN_SIDE = 24;
/**
 * Smallest side of an inset département, as a share of the map's width: 24 px (WCAG 2.2
 * target size) on a map drawn 290 px wide: a 320 px screen less the page margins.
 */
export const INSET_MIN_SIDE = TARGET_MIN_SIDE / 290;
/** Inset geometry as shares of the map's width: inner margin, gap to the mainland, label size. */
const INSET_MARGIN = 0.012;
const INSET_GAP = 0.012;
const INSET_FONT = 0.033;
const INSET_LINE = 1.2;

export interface InsetLayout {
	/** Codes drawn in the inset (and kept, out of the tab order, on the main map). */
	codes: ReadonlySet<string>;
	/** Path generator of the enlarged inset (whole pixels). */
	path: GeoPath;
	/** The frame, in pixels. */
	frame: { x: number; y: number; width: number; height: number };
	/** The label's lines, their left edge, first baseline and size. */
	label: { lines: readonly string[]; x: number; y: number; fontSize: number; lineHeight: number };
}

export interface FranceMapLayout {
	/** The fitted projection (for `invert`, label positions…). */
	projection: CompositeProjection;
	/** SVG path generator (whole pixels) through the fitted projection; also `centroid`, `bounds`. */
	path: GeoPath;
	/** SVG `d` of the inset frames around the overseas territories shown. */
	frames: string;
	/** The enlarged Paris + petite couronne, when all four départements are drawn. */
	inset: InsetLayout | null;
	width: number;
	height: number;
}

const union = (boxes: Box[]): Box =>
	boxes.reduce(([[ax0, ay0], [ax1, ay1]], [[bx0, by0], [bx1, by1]]): Box => [
		[Math.min(ax0, bx0), Math.min(ay0, by0)],
		[Math.max(ax1, bx1), Math.max(ay1, by1)]
	]);

const overlaps = (a: Box, b: Box) => a[0][0] < b[1][0] && b[0][0] < a[1][0] && a[0][1] < b[1][1] && b[0][1] < a[1][1];

/** The inset's frame in reference pixels, placed bottom right, clear of the mainland, Corsica and the frames. */
function placeInset(mainBox: Box, obstacles: Box[], mainland: Box[], paris: Box[], content: Box) {
	const [[x0, y0], [x1, y1]] = mainBox;
	const minSide = Math.min(...paris.map(([[a, b], [c, d]]) => Math.min(c - a, d - b)));
	const [cw, ch] = [content[1][0] - content[0][0], content[1][1] - content[0][1]];
	// The metropole's right edge (Corsica): the inset goes to its right.
	const right = Math.max(...mainland.map((b) => b[1][0]));
	// Sizes are shares of the total width, which the inset itself widens: iterate to the fixed point.
	let total = x1 - x0;
	let box: Box = mainBox;
	let fontSize = 0;
	let magnify = 1;
	for (let i = 0; i < 30; i++) {
		magnify = (INSET_MIN_SIDE * total) / minSide;
		const margin = INSET_MARGIN * total;
		fontSize = INSET_FONT * total;
		const labelHeight = PETITE_COURONNE_LABEL.length * INSET_LINE * fontSize;
		const width = cw * magnify + 2 * margin;
		const height = ch * magnify + 2 * margin + labelHeight;
		const bx1 = Math.max(x1, right + INSET_GAP * total + width);
		const bx0 = bx1 - width;
		// Below whatever stands above it in its column (the frames of Mayotte and La Réunion).
		const above = obstacles.filter((o) => o[0][0] < bx1 && bx0 < o[1][0]).map((o) => o[1][1] + INSET_GAP * total);
		const by0 = Math.max(y1 - height, ...above);
		box = [
			[bx0, by0],
			[bx1, by0 + height]
		];
		total = bx1 - x0;
	}
	return { box, fontSize, margin: INSET_MARGIN * total };
}

/**
 * Fits `geoConicConformalFrance()` so that the features AND their inset frames fill
 * `width` × `height` (minus `padding` on each side). When `height` is omitted it follows the
 * map's natural aspect ratio. The composite projection is affine in scale/translate, so one
 * measurement at a reference scale gives the exact fit. When Paris and the petite couronne are
 * among the features, an enlarged inset of them is laid out bottom right (see `InsetLayout`).
 */
export function fitFranceMap(
	features: TerritoryFeature[],
	width: number,
	height?: number,
	padding = 2
): FranceMapLayout {
	const reference = 1000;
	const projection = geoConicConformalFrance().scale(reference).translate([0, 0]);
	const referencePath = geoPath(pointwise(projection));
	const frames = usedFrames(projection, features);
	const frameBoxes = frames.map(ringBox);
	const mainBox = union([referencePath.bounds({ type: 'FeatureCollection', features }) as Box, ...frameBoxes]);

	const insetFeatures = PETITE_COURONNE.map((code) => features.find((f) => f.properties.code === code));
	const hasInset = insetFeatures.every((f) => f !== undefined);
	let insetBox: ReturnType<typeof placeInset> | null = null;
	if (hasInset) {
		const boxes = features.map((f) => referencePath.bounds(f) as Box);
		const mainland = boxes.filter((b) => !frameBoxes.some((frame) => overlaps(frame, b)));
		const paris = insetFeatures.map((f) => referencePath.bounds(f!) as Box);
		insetBox = placeInset(mainBox, [...frameBoxes, ...boxes], mainland, paris, union(paris));
	}
	const [[x0, y0], [x1, y1]] = insetBox ? union([mainBox, insetBox.box]) : mainBox;

	const innerWidth = width - 2 * padding;
	const naturalHeight = (innerWidth * (y1 - y0)) / (x1 - x0) + 2 * padding;
	const finalHeight = height ?? Math.ceil(naturalHeight);
	const innerHeight = finalHeight - 2 * padding;
	const k = Math.min(innerWidth / (x1 - x0), innerHeight / (y1 - y0));
	const tx = padding + (innerWidth - k * (x0 + x1)) / 2;
	const ty = padding + (innerHeight - k * (y0 + y1)) / 2;
	projection.scale(reference * k).translate([tx, ty]);

	let inset: InsetLayout | null = null;
	if (insetBox) {
		const [[bx0, by0], [bx1, by1]] = insetBox.box.map(([x, y]) => [k * x + tx, k * y + ty]);
		const margin = k * insetBox.margin;
		const fontSize = k * insetBox.fontSize;
		const lineHeight = INSET_LINE * fontSize;
		const collection = { type: 'FeatureCollection' as const, features: insetFeatures as TerritoryFeature[] };
		// The metropole's own conic conformal projection (as in d3-composite-projections), enlarged.
		const enlarged = geoConicConformal()
			.rotate([-3, -46.2])
			.parallels([0, 60])
			.fitExtent(
				[
					[bx0 + margin, by0 + margin + PETITE_COURONNE_LABEL.length * lineHeight],
					[bx1 - margin, by1 - margin]
				],
				collection
			);
		inset = {
			codes: new Set(PETITE_COURONNE),
			path: geoPath(enlarged).digits(0),
			frame: { x: bx0, y: by0, width: bx1 - bx0, height: by1 - by0 },
			label: { lines: PETITE_COURONNE_LABEL, x: bx0 + margin, y: by0 + margin + fontSize, fontSize, lineHeight }
		};
	}
	return {
		projection,
		// Whole pixels: at map sizes a tenth of a pixel is invisible, and it halves the page weight.
		path: geoPath(pointwiseWholePixels(projection)).digits(0),
		frames: framesPath(usedFrames(projection, features)),
		inset,
		width,
		height: finalHeight
	};
}

/** Smallest side of the box of an SVG path written by `geoPath` (`M`/`L` absolute points, `Z`). */
export function smallestSide(d: string): number {
	const numbers = d.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
	if (numbers.length < 2) return 0;
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (let i = 0; i + 1 < numbers.length; i += 2) {
		x0 = Math.min(x0, numbers[i]);
		x1 = Math.max(x1, numbers[i]);
		y0 = Math.min(y0, numbers[i + 1]);
		y1 = Math.max(y1, numbers[i + 1]);
	}
	return Math.min(x1 - x0, y1 - y0);
}

/**
 * Width in CSS px at which a map drawn `width` px wide shows every one of its `targets` (the `d` of
 * each shape a user points at or tabs to) at least `minSide` px on each side: the map of
 * « Agrandir la carte », the same drawing only scaled. Measured on the paths as written (whole
 * pixels), so the boxes the browser draws are those measured.
 */
export function enlargedWidth(targets: string[], width: number, minSide = TARGET_MIN_SIDE): number {
	const smallest = Math.min(...targets.map(smallestSide));
	// Half a pixel to spare: the browser lays boxes out in fractions of a pixel (1/64) and may round down.
	return smallest > 0 && Number.isFinite(smallest) ? Math.ceil((width * (minSide + 0.5)) / smallest) : width;
}
