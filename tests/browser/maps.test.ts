/**
 * The département maps in Chromium: the Paris + petite couronne inset (target sizes at 375 px,
 * links, keyboard), the home map (changes with its select, legend with the direction, per
 * 100 000 inhabitants), the map CSV per 100 000 inhabitants against the store, axe in both schemes.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, baseUrl, pageOpener, plain, storeQuery, useBrowser } from './harness';

const { newPage } = useBrowser();

const PETITE_COURONNE = ['75', '92', '93', '94'];
/** A département-level rate indicator (pass Culture coverage). */
const INDICATOR_MAP = '/indicateurs/IND-200?onglet=carte&maille=departement';

const open = pageOpener(newPage);

/** Rendered size of each inset territory (getBoundingClientRect of its shape). */
const insetSizes = (page: Page) =>
	page.locator('svg.carte [data-encart] [data-code]').evaluateAll((els) =>
		Object.fromEntries(
			els.map((el) => {
				const { width, height } = el.getBoundingClientRect();
				return [el.getAttribute('data-code'), { width, height }];
			})
		)
	);

describe('Paris + petite couronne inset', () => {
	it('at 375 px, on the indicator map, Paris, 92, 93 and 94 are each at least 24 × 24 px', async () => {
		const page = await open(INDICATOR_MAP, 375);
		expect(plain(await page.locator('svg.carte [data-encart] text').textContent())).toBe('Paris et petite couronne');
		const sizes = await insetSizes(page);
		expect(Object.keys(sizes).sort()).toEqual(PETITE_COURONNE);
		for (const code of PETITE_COURONNE) {
			expect(sizes[code].width, code).toBeGreaterThanOrEqual(24);
			expect(sizes[code].height, code).toBeGreaterThanOrEqual(24);
		}
		// The page does not scroll sideways.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	});

	it('the small copies stay on the main map but out of the tab order; the inset copies are the focusable ones', async () => {
		const page = await open(INDICATOR_MAP);
		for (const code of PETITE_COURONNE) {
			const links = page.locator(`svg.carte a:has([data-code="${code}"])`);
			expect(await links.count(), code).toBe(2);
			const main = page.locator(`svg.carte > a:has([data-code="${code}"])`);
			expect(await main.getAttribute('tabindex'), code).toBe('-1');
			expect(await main.getAttribute('aria-hidden'), code).toBe('true');
			const inset = page.locator(`svg.carte [data-encart] a:has([data-code="${code}"])`);
			expect(await inset.getAttribute('tabindex'), code).toBeNull();
			expect(plain(await inset.getAttribute('aria-label')), code).toMatch(/^(Paris|Hauts-de-Seine|Seine-Saint-Denis|Val-de-Marne) : \d/);
		}
		// Every other département is met once.
		expect(await page.locator('svg.carte a:not([tabindex="-1"])').count()).toBe(101);
	});

	it('clicking Paris in the inset selects it, as the map does', async () => {
		const page = await open(INDICATOR_MAP, 375);
		await page.locator('svg.carte [data-encart] [data-code="75"]').click();
		await page.waitForURL(/territoire=D75/);
		expect(plain(await page.locator('#selection-titre').textContent())).toBe('Paris');
	});

	it('Enter on Paris in the inset selects it, and the focus stays on the map', async () => {
		const page = await open(INDICATOR_MAP, 375);
		await page.locator('svg.carte [data-encart] a:has([data-code="75"])').focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/territoire=D75/);
		expect(plain(await page.locator('#selection-titre').textContent())).toBe('Paris');
		expect(await page.evaluate(() => document.activeElement?.closest('[data-encart]') !== null && document.activeElement?.querySelector('[data-code]')?.getAttribute('data-code'))).toBe('75');
	});

	it('is on the home map, the policy map, the programme map and the embed, each inset territory a link', async () => {
		for (const path of ['/', '/politiques/CH-013', '/programmes/services-publics-plus', '/integrer/indicateurs/IND-200?onglet=carte&maille=departement']) {
			const page = await open(path, 375);
			const insets = page.locator('svg.carte [data-encart]');
			// The policy page draws its map once the geometry is loaded.
			await insets.first().waitFor();
			expect(await insets.count(), path).toBeGreaterThan(0);
			const sizes = await insetSizes(page);
			for (const code of PETITE_COURONNE) {
				expect(Math.min(sizes[code].width, sizes[code].height), `${path} ${code}`).toBeGreaterThanOrEqual(24);
			}
			expect(await insets.first().locator('a[href]').count(), path).toBe(4);
			await page.close();
		}
	});
});

describe('accessibility of the map pages', () => {
	for (const path of ['/', INDICATOR_MAP, '/integrer/indicateurs/IND-200?onglet=carte&maille=departement']) {
		for (const scheme of ['light', 'dark'] as const) {
			it(`${path} has no axe-core violations (${scheme})`, async () => {
				const page = await open(path, 1280, scheme);
				expect(await axeViolations(page)).toEqual([]);
			});
		}
	}
});
