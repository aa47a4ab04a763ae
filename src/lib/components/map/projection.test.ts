import { readFileSync } from 'node:fs';
import { geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { featuresFromTopology, fitFranceMap, type FranceTopology } from './projection';

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

	it('draws the same paths as d3’s multiplexed composite stream', () => {
		const features = featuresFromTopology(topology, 'departements');
		const fitted = fitFranceMap(features, width, height);
		const reference = geoPath(fitted.projection).digits(0);
		for (const f of features) expect(fitted.path(f), f.properties.code).toBe(reference(f));
	});

	it('draws no frame when only metropolitan features are shown', () => {
		const metropole = featuresFromTopology(topology, 'departements').filter(
			(f) => !OVERSEAS.includes(f.properties.code)
		);
		expect(fitFranceMap(metropole, 400).frames).toBe('');
	});
});
