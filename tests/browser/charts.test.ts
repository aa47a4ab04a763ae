/**
 * Charts compare like with like and stay legible: on IND-311 (a count) with Seine-Saint-Denis
 * selected, the département's line is never squashed by France's (own panel by default, one scale
 * per 100 000 inhabitants with `par=100000`); axis tick labels never overlap (bounding boxes) on
 * three chart types at 375 and 1280 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, hydrated, useBrowser } from './harness';

const { newPage } = useBrowser();

async function open(path: string, width = 1280): Promise<Page> {
	const page = await newPage({ width });
	const response = await page.goto(baseUrl() + path);
	expect(response?.status()).toBe(200);
	await hydrated(page);
	await page.waitForLoadState('networkidle');
	return page;
}

/** Height of the territory's line over the plot's height (from the top margin to the x axis). */
async function lineShare(page: Page, scope: string): Promise<number> {
	return page.locator(scope).first().evaluate((root) => {
		const svg = root.querySelector('.cadre svg') as SVGSVGElement;
		const line = svg.querySelector('path.ligne.territoire') as SVGPathElement;
		const axis = svg.querySelector('.axe-x line') as SVGLineElement;
		const bottom = Number(axis.getAttribute('y1'));
		return line.getBBox().height / (bottom - 28);
	});
}

describe('IND-311 chart tab, Seine-Saint-Denis selected', () => {
	for (const width of [375, 1280]) {
		it(`raw counts: each territory in its own panel, the département's line spans at least a third of its plot (${width} px)`, async () => {
			const page = await open('/indicateurs/IND-311?onglet=graphique&territoire=D93', width);
			expect(await page.locator('.panneau-territoire').count()).toBe(3);
			expect(await lineShare(page, '.panneau-territoire[data-territoire="D93"]')).toBeGreaterThanOrEqual(1 / 3);
			await page.context().close();
		});
	}

	it('per 100 000 inhabitants: one scale from 0, the département line is not flat', async () => {
		const page = await open('/indicateurs/IND-311?onglet=graphique&territoire=D93&par=100000');
		expect(await page.locator('.panneau-territoire').count()).toBe(0);
		expect(await page.locator('#vue path.ligne').count()).toBeGreaterThanOrEqual(3);
		expect(await lineShare(page, '#vue')).toBeGreaterThanOrEqual(0.15);
		expect(await page.locator('#vue a[aria-current="true"]', { hasText: 'Pour 100 000 habitants' }).count()).toBe(1);
		await page.context().close();
	});

	it('par=100000 is accepted on every tab', async () => {
		for (const onglet of ['carte', 'tableau', 'graphique']) {
			const page = await newPage();
			const response = await page.goto(`${baseUrl()}/indicateurs/IND-311?onglet=${onglet}&par=100000`);
			expect(response?.status()).toBe(200);
			await page.context().close();
		}
	});
});

/** Pairs of overlapping tick labels in every chart of the page, as « label / label ». */
async function overlappingTicks(page: Page): Promise<{ count: number; overlaps: string[] }> {
	return page.evaluate(() => {
		const overlaps: string[] = [];
		let count = 0;
		for (const svg of document.querySelectorAll('svg')) {
			const labels = [...svg.querySelectorAll('.axe-x text, .axe-y text, text.graduation, text.groupe')]
				.map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }))
				.filter((l) => l.box.width > 0);
			count += labels.length;
			for (let i = 0; i < labels.length; i++)
				for (let j = i + 1; j < labels.length; j++) {
					const [a, b] = [labels[i].box, labels[j].box];
					if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
						overlaps.push(`${labels[i].text} / ${labels[j].text}`);
				}
		}
		return { count, overlaps };
	});
}

describe('axis tick labels never overlap', () => {
	const pages = [
		['evolution chart', '/indicateurs/IND-292?onglet=graphique'],
		['evolution chart of a département', '/indicateurs/IND-311?onglet=graphique&territoire=D93&par=100000'],
		['programme curves and grouped bars', '/programmes/services-publics-plus'],
		['programme dumbbells and bars', '/programmes/budgets']
	] as const;
	for (const [kind, path] of pages)
		for (const width of [375, 1280])
			it(`${kind} at ${width} px`, async () => {
				const page = await open(path, width);
				const { count, overlaps } = await overlappingTicks(page);
				expect(count).toBeGreaterThan(0);
				expect(overlaps).toEqual([]);
				await page.context().close();
			});
});
