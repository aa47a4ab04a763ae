import { readFileSync } from 'node:fs';
import { geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import {
	INSET_MIN_SIDE,
	PETITE_COURONNE,
	TARGET_MIN_SIDE,
	enlargedWidth,
	featuresFromTopology,
	fitFranceMap,
	smallestSide,
	type FranceTopology
} from './projection';

const topology = JSON.parse(
	readFileSync(new URL('../../../../static/geo/france.topo.json', import.meta.url), 'utf8')
) as FranceTopology;

const OVERSEAS = ['971', '972', '973', '974', '976'];

describe('featuresFromTopology', () => {
	it('reads 101 départements and 18 regions with string codes, sorted by code', () => {
		const departements = featuresFromTopology(topology, 'departements');
		const regions = featuresFromTopology(topology, 'regions');
		expect(departements).toHaveLength(101);
		expect(regions).toHaveLength(18);
		const codes = departements.map((f) => f.properties.code);
		expect(codes.slice(0, 3)).toEqual(['01', '02', '03']);
		expect(codes).toContain('2A');
		expect(codes.slice(-5)).toEqual(OVERSEAS);
		expect(regions.map((f) => f.properties.code).slice(0, 5)).toEqual(['01', '02', '03', '04', '06']);
		expect(departements.find((f) => f.properties.code === '19')?.properties).toEqual({ code: '19', nom: 'Corrèze' });
	});
});

describe('fitFranceMap', () => {
	const width = 600;
	const height = 500;

	it.each(['departements', 'regions'] as const)('puts every %s centroid inside the box', (level) => {
		const features = featuresFromTopology(topology, level);
		const { path } = fitFranceMap(features, width, height);
		for (const f of features) {
			const [x, y] = path.centroid(f);
			expect(Number.isFinite(x) && Number.isFinite(y), f.properties.code).toBe(true);
			expect(x, f.properties.code).toBeGreaterThanOrEqual(0);
			expect(x, f.properties.code).toBeLessThanOrEqual(width);
			expect(y, f.properties.code).toBeGreaterThanOrEqual(0);
			expect(y, f.properties.code).toBeLessThanOrEqual(height);
		}
	});

	it('shows the overseas départements as visible insets, not specks or the whole globe', () => {
		const features = featuresFromTopology(topology, 'departements');
		const { path } = fitFranceMap(features, width, height);
		for (const f of features.filter((f) => OVERSEAS.includes(f.properties.code))) {
			const [[x0, y0], [x1, y1]] = path.bounds(f);
			// Mayotte, the smallest, still spans a few pixels; nothing spans the map (winding).
			expect(Math.max(x1 - x0, y1 - y0), f.properties.code).toBeGreaterThan(4);
			expect(x1 - x0, f.properties.code).toBeLessThan(width / 3);
		}
		const total = features.reduce((sum, f) => sum + path.area(f), 0);
		expect(total).toBeGreaterThan(0.1 * width * height);
		expect(total).toBeLessThan(width * height);
	});

	it('fits features and inset frames in the box, following the natural aspect without height', () => {
		const features = featuresFromTopology(topology, 'departements');
		const fitted = fitFranceMap(features, width);
		expect(fitted.height).toBeGreaterThan(300);
		expect(fitted.height).toBeLessThan(width);
		const [[x0, y0], [x1, y1]] = fitted.path.bounds({ type: 'FeatureCollection', features });
		expect(x0).toBeGreaterThanOrEqual(0);
		expect(y0).toBeGreaterThanOrEqual(0);
		expect(x1).toBeLessThanOrEqual(width);
		expect(y1).toBeLessThanOrEqual(fitted.height);
		// Five frames (Guadeloupe, Martinique, Guyane, Mayotte, La Réunion), all inside the box.
		const frames = fitted.frames.match(/M[^Z]*Z/g) ?? [];
		expect(frames).toHaveLength(5);
		for (const n of fitted.frames.match(/-?\d+(\.\d+)?/g)!.map(Number)) {
			expect(n).toBeGreaterThanOrEqual(0);
			expect(n).toBeLessThanOrEqual(width);
		}
	});

	/** A whole-pixel path without the `L` commands that repeat the point before them. */
	const withoutRepeats = (d: string) => {
		let last = '';
		return [...d.matchAll(/([MLZ])([^MLZ]*)/g)]
			.filter(([, command, point]) => {
				const repeat = command === 'L' && point === last;
				if (command !== 'Z') last = point;
				return !repeat;
			})
			.map(([part]) => part)
			.join('');
	};

	it('draws the same paths as d3’s multiplexed composite stream, without vertices repeating a pixel', () => {
		const features = featuresFromTopology(topology, 'departements');
		const fitted = fitFranceMap(features, width, height);
		const reference = geoPath(fitted.projection).digits(0);
		let saved = 0;
		for (const f of features) {
			const d = fitted.path(f)!;
			expect(d, f.properties.code).toBe(withoutRepeats(reference(f)!));
			saved += reference(f)!.length - d.length;
		}
		expect(saved).toBeGreaterThan(0);
	});

	it('draws no frame when only metropolitan features are shown', () => {
		const metropole = featuresFromTopology(topology, 'departements').filter(
			(f) => !OVERSEAS.includes(f.properties.code)
		);
		expect(fitFranceMap(metropole, 400).frames).toBe('');
	});

	describe('the Paris + petite couronne inset', () => {
		type Box = [[number, number], [number, number]];
		const intersects = (a: Box, b: Box) => a[0][0] < b[1][0] && b[0][0] < a[1][0] && a[0][1] < b[1][1] && b[0][1] < a[1][1];

		it.each([640, 560, 343])('at %i px, holds 75, 92, 93, 94 with every side a 24 px target at 290 px wide', (w) => {
			const features = featuresFromTopology(topology, 'departements');
			const { inset, width } = fitFranceMap(features, w);
			expect(inset).not.toBeNull();
			expect([...inset!.codes]).toEqual([...PETITE_COURONNE]);
			expect(inset!.label.lines.join(' ')).toBe('Paris et petite couronne');
			const { x, y, width: fw, height: fh } = inset!.frame;
			for (const code of PETITE_COURONNE) {
				const [[x0, y0], [x1, y1]] = inset!.path.bounds(features.find((f) => f.properties.code === code)!);
				// Whole-pixel paths may lose half a pixel on each side.
				expect(Math.min(x1 - x0, y1 - y0) + 1, code).toBeGreaterThanOrEqual(INSET_MIN_SIDE * width);
				expect(x0 >= x && x1 <= x + fw && y0 >= y && y1 <= y + fh, code).toBe(true);
			}
		});

		it('overlaps neither the mainland, Corsica nor the overseas frames, and stays in the drawing', () => {
			const features = featuresFromTopology(topology, 'departements');
			const fitted = fitFranceMap(features, 640);
			const { x, y, width, height } = fitted.inset!.frame;
			const frame: Box = [
				[x, y],
				[x + width, y + height]
			];
			for (const f of features) expect(intersects(frame, fitted.path.bounds(f) as Box), f.properties.code).toBe(false);
			for (const ring of fitted.frames.match(/M[^Z]*Z/g)!) {
				const points = ring.match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g)!.map((p) => p.split(',').map(Number));
				const box: Box = [
					[Math.min(...points.map((p) => p[0])), Math.min(...points.map((p) => p[1]))],
					[Math.max(...points.map((p) => p[0])), Math.max(...points.map((p) => p[1]))]
				];
				expect(intersects(frame, box), ring).toBe(false);
			}
			expect(x).toBeGreaterThanOrEqual(0);
			expect(y).toBeGreaterThanOrEqual(0);
			expect(x + width).toBeLessThanOrEqual(640);
			expect(y + height).toBeLessThanOrEqual(fitted.height);
		});

		it('is drawn for départements only: the Île-de-France région is large enough', () => {
			expect(fitFranceMap(featuresFromTopology(topology, 'regions'), 640).inset).toBeNull();
			const withoutParis = featuresFromTopology(topology, 'departements').filter((f) => f.properties.code !== '75');
			expect(fitFranceMap(withoutParis, 640).inset).toBeNull();
		});
	});
});

describe('enlargedWidth (« Agrandir la carte »)', () => {
	it('reads the box of a written path', () => {
		expect(smallestSide('M10,20L40,20L40,28L10,28Z')).toBe(8);
		expect(smallestSide('M0,0L5,9ZM20,0L21,3Z')).toBe(9);
		expect(smallestSide('')).toBe(0);
	});

	/** The `d` a user points at for each territory: the inset copy for Paris and the petite couronne. */
	const targets = (level: 'departements' | 'regions', width: number) => {
		const features = featuresFromTopology(topology, level);
		const layout = fitFranceMap(features, width);
		return features.map((f) => ({
			code: f.properties.code,
			d: (layout.inset?.codes.has(f.properties.code) ? layout.inset.path(f) : layout.path(f))!
		}));
	};

	it.each([
		['departements', 640],
		['departements', 560],
		['regions', 640]
	] as const)('scaled to it, every one of the %s drawn %i px wide is at least 24 px a side, the smallest just so', (level, width) => {
		const shapes = targets(level, width);
		const enlarged = enlargedWidth(
			shapes.map((s) => s.d),
			width
		);
		const scale = enlarged / width;
		const sides = shapes.map((s) => ({ code: s.code, side: smallestSide(s.d) * scale }));
		for (const { code, side } of sides) expect(side, code).toBeGreaterThanOrEqual(TARGET_MIN_SIDE);
		const smallest = Math.min(...sides.map((s) => s.side));
		expect(smallest).toBeLessThan(TARGET_MIN_SIDE + 1);
		// Départements: the Territoire de Belfort sets it, about 1 800 px; régions: Mayotte, about 1 000.
		if (level === 'departements') expect(sides.find((s) => s.side === smallest)?.code).toBe('90');
		expect(enlarged).toBeGreaterThan(level === 'departements' ? 1500 : 800);
		expect(enlarged).toBeLessThan(level === 'departements' ? 2300 : 1300);
	});

	it('needs no enlarging when the targets are large enough already (a width under the drawing’s), nor without targets', () => {
		expect(enlargedWidth(['M0,0L30,0L30,40L0,40Z'], 300)).toBe(245);
		expect(enlargedWidth([], 300)).toBe(300);
	});
});
