/**
 * The département maps in Chromium: the Paris + petite couronne inset (target sizes at 375 px,
 * links, keyboard), « Agrandir la carte » (every département a 24 × 24 px target at 375 px), the
 * home map (changes with its select, legend with the direction, per 100 000 inhabitants), the map CSV per 100 000 inhabitants against the store, axe in both schemes.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv/read';
import { VALUE_EXPORT_COLUMNS } from '../../src/lib/server/export';
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
		// Hydration waits for the map tab's own chunk, after the load event: before it, Enter is a
		// full page load (the no-JavaScript path), which does not keep the focus.
		await page.waitForLoadState('networkidle');
		await page.locator('svg.carte [data-encart] a:has([data-code="75"])').focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/territoire=D75/);
		expect(plain(await page.locator('#selection-titre').textContent())).toBe('Paris');
		// The URL changes before the new page state is drawn: the focus is checked once it has settled.
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.closest('[data-encart]') !== null && document.activeElement?.querySelector('[data-code]')?.getAttribute('data-code')), { timeout: 5000 })
			.toBe('75');
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

/** The first map of the page, with its legend and toggle. */
const firstMap = (page: Page) => page.locator('.carte-et-legende').first();

/** Every focusable territory of a map (the inset copies for Paris and the petite couronne), with its box. */
const targets = (map: Locator) =>
	map.locator('svg.carte a:not([tabindex="-1"]) [data-code]').evaluateAll((els) =>
		els.map((el) => {
			const { width, height } = el.getBoundingClientRect();
			return { code: el.getAttribute('data-code')!, inset: el.closest('[data-encart]') !== null, width, height };
		})
	);

const departementCodes = () =>
	storeQuery<{ code: string }>(`SELECT insee_code AS code FROM territories WHERE level = 'departement' ORDER BY insee_code`).map((r) => r.code);

/** The map's toggle, pressed with the keyboard once the page is hydrated (it is only shown with JavaScript). */
async function enlarge(page: Page, map = firstMap(page)) {
	const toggle = map.getByRole('button', { name: 'Agrandir la carte' });
	await toggle.focus();
	expect(await toggle.getAttribute('aria-pressed')).toBe('false');
	await page.keyboard.press('Enter');
	await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
	return toggle;
}

describe('« Agrandir la carte »: every département a 24 × 24 px target on a phone', () => {
	const smallest = (sizes: { width: number; height: number }[]) => Math.min(...sizes.map((s) => Math.min(s.width, s.height)));

	for (const path of ['/', INDICATOR_MAP]) {
		it(`${path} at 375 px: most départements are under 24 px, enlarged each of the 101 is at least 24 × 24 px, and the page never scrolls sideways`, async () => {
			const page = await open(path, 375);
			const before = await targets(firstMap(page));
			expect(before).toHaveLength(101);
			expect(smallest(before)).toBeLessThan(8);
			await enlarge(page);
			const after = await targets(firstMap(page));
			// All 101, each once; Paris and the petite couronne through the inset.
			expect(after.map((t) => t.code).sort()).toEqual(departementCodes());
			expect(after.filter((t) => t.inset).map((t) => t.code).sort()).toEqual(PETITE_COURONNE);
			for (const t of after) {
				expect(t.width, t.code).toBeGreaterThanOrEqual(24);
				expect(t.height, t.code).toBeGreaterThanOrEqual(24);
			}
			// The map scrolls inside its box; the page does not.
			const box = await firstMap(page).locator('svg.carte').evaluate((svg) => {
				const b = svg.parentElement!.closest('.agrandie')!;
				return { scrollWidth: b.scrollWidth, clientWidth: b.clientWidth, right: b.getBoundingClientRect().right };
			});
			expect(box.scrollWidth).toBeGreaterThan(4 * box.clientWidth);
			expect(box.right).toBeLessThanOrEqual(375);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
			expect(await axeViolations(page)).toEqual([]);
		});
	}

	it('Tab reaches each territory in the box and scrolls it into view whole; Enter selects it; the toggle comes back', async () => {
		const page = await open(INDICATOR_MAP, 375);
		const toggle = await enlarge(page);
		// From the Yonne, Tab goes to the Territoire de Belfort, far from where the box was scrolled.
		await page.locator('svg.carte a:has([data-code="89"])').focus();
		await page.keyboard.press('Tab');
		const shown = await page.evaluate(() => {
			const a = document.activeElement!;
			const e = a.getBoundingClientRect();
			const f = a.closest('.agrandie')!.getBoundingClientRect();
			return { code: a.querySelector('[data-code]')?.getAttribute('data-code'), inside: e.left >= f.left && e.right <= f.right && e.top >= f.top && e.bottom <= f.bottom };
		});
		expect(shown).toEqual({ code: '90', inside: true });
		await page.keyboard.press('Enter');
		await page.waitForURL(/territoire=D90/);
		expect(plain(await page.locator('#selection-titre').textContent())).toBe('Territoire de Belfort');
		// The map stays enlarged after the selection; pressed again, it is back at the page's width.
		expect(await toggle.getAttribute('aria-pressed')).toBe('true');
		await toggle.click();
		await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
		expect((await page.locator('svg.carte').boundingBox())!.width).toBeLessThanOrEqual(343);
	});

	it('the programme map, the policy map and the embed offer it too', async () => {
		for (const path of ['/programmes/services-publics-plus', '/politiques/CH-013', '/integrer/indicateurs/IND-200?onglet=carte&maille=departement']) {
			const page = await open(path, 375);
			// The policy page draws its map once the geometry is loaded.
			await page.locator('svg.carte').first().waitFor();
			await enlarge(page);
			const after = await targets(firstMap(page));
			expect(after, path).toHaveLength(101);
			expect(smallest(after), path).toBeGreaterThanOrEqual(24);
			expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
			await page.close();
		}
	});

	it('without JavaScript there is no toggle (it would do nothing): the map and the table of linked values stay as they are', async () => {
		const page = await newPage({ width: 375, javaScript: false });
		await page.goto(baseUrl() + '/');
		expect(await page.getByRole('button', { name: 'Agrandir la carte' }).count()).toBe(0);
		expect(await page.locator('svg.carte a:not([tabindex="-1"])').count()).toBe(101);
		expect(await page.locator('.carte-accueil tbody tr a[href^="/territoires/departements/"]').count()).toBeGreaterThan(90);
	});

	it('at 1280 px the map keeps its width beside the legend, the toggle above it', async () => {
		const page = await open(INDICATOR_MAP, 1280);
		const toggle = page.getByRole('button', { name: 'Agrandir la carte' });
		await toggle.waitFor();
		const map = (await page.locator('svg.carte').boundingBox())!;
		expect(map.width).toBe(640);
		expect((await toggle.boundingBox())!.y).toBeLessThan(map.y);
		const legend = (await page.locator('.legende').first().boundingBox())!;
		expect(legend.x).toBeGreaterThan(map.x + map.width);
	});
});

/** A count (road deaths, lower is better): mapped per 100 000 inhabitants. */
const COUNT = 'nb-morts-routes';

/** Latest stored value of each département (as the home map shows), with its population. */
const latestByDepartement = (code: string) =>
	new Map(
		storeQuery<{ insee: string; value: number; population: number }>(
			`SELECT t.insee_code AS insee, o.value, t.population FROM observations o JOIN territories t ON t.id = o.territory_id JOIN indicators i ON i.id = o.indicator_id
			 WHERE i.code = ? AND t.level = 'departement' AND o.date = (SELECT max(o2.date) FROM observations o2 WHERE o2.indicator_id = o.indicator_id AND o2.territory_id = o.territory_id AND o2.date <> '')`,
			code
		).map((r) => [r.insee, r])
	);

/** « 1,3 » → 1.3 */
const frenchNumber = (text: string) => Number(plain(text).replace(/ /g, '').replace(',', '.'));

describe('home map', () => {
	it('changes with its select, without « Afficher »: same page (no reload), URL replaced, focus kept on the select', async () => {
		const page = await open('/?carte=IND-200');
		// Hydrated (SvelteKit hydrates after the load event): the header input has become a combobox.
		await page.locator('header [role="combobox"]').waitFor();
		await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
		const entries = await page.evaluate(() => history.length);
		const before = await page.locator('svg.carte').getAttribute('aria-label');
		expect(before).toContain('Taux de couverture des +18 ans');
		await page.focus('#choix-indicateur');
		await page.selectOption('#choix-indicateur', COUNT);
		await page.waitForURL(new RegExp(`carte=${COUNT}`));
		await page.locator('svg.carte[aria-label*="Nombre de morts sur les routes"]').waitFor();
		expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('choix-indicateur');
		// The map's values are the new indicator's: Lozère per 100 000 inhabitants, from the store.
		const lozere = latestByDepartement(COUNT).get('48')!;
		const label = plain(await page.locator('svg.carte a[aria-label^="Lozère"]').getAttribute('aria-label'));
		expect(label).toMatch(/^Lozère : [\d,]+ pour 100 000 habitants/);
		expect(frenchNumber(label.replace(/^Lozère : ([\d,]+).*$/, '$1'))).toBeCloseTo((lozere.value / lozere.population) * 100_000, 1);
		// The history did not grow: the select replaced the entry.
		expect(await page.evaluate(() => history.length)).toBe(entries);
	});

	it('without JavaScript, « Afficher » submits the choice', async () => {
		const page = await newPage({ javaScript: false });
		await page.goto(baseUrl() + '/?carte=IND-200');
		await page.selectOption('#choix-indicateur', COUNT);
		await page.getByRole('button', { name: 'Afficher' }).click();
		await page.waitForURL(new RegExp(`carte=${COUNT}`));
		expect(await page.locator('svg.carte').getAttribute('aria-label')).toContain('Nombre de morts sur les routes');
	});

	it('the legend says what the shades mean and which way is favourable', async () => {
		const rate = await open('/?carte=IND-200');
		expect(plain(await rate.locator('.carte-accueil .legende').textContent())).toContain(
			'Plus la teinte contraste avec le fond, plus la valeur est favorable (ici, plus haute).'
		);
		const count = await open(`/?carte=${COUNT}`);
		const legend = plain(await count.locator('.carte-accueil .legende').textContent());
		expect(legend).toContain('Valeur pour 100 000 habitants');
		expect(legend).toContain('Plus la teinte contraste avec le fond, plus la valeur est favorable (ici, plus basse).');
	});

	it('maps counts per 100 000 inhabitants, states the population year, and its table holds raw value, population and rate', async () => {
		const page = await open(`/?carte=${COUNT}`);
		const text = plain(await page.locator('.carte-accueil').textContent());
		expect(text).toContain('population municipale 2023');
		const stored = latestByDepartement(COUNT);
		for (const code of ['48', '75', '2A']) {
			const { value, population } = stored.get(code)!;
			const cells = (await page.locator(`.carte-accueil tr[data-code="${code}"] td`).allTextContents()).map(plain);
			expect(frenchNumber(cells[0]), code).toBe(value);
			expect(frenchNumber(cells[1]), code).toBe(population);
			expect(frenchNumber(cells[2]), code).toBeCloseTo((value / population) * 100_000, 1);
		}
		// Its CSV is the indicator's, per 100 000 inhabitants too.
		expect(await page.locator(`a[href^="/indicateurs/${COUNT}/donnees.csv"]`).first().getAttribute('href')).toBe(
			`/indicateurs/${COUNT}/donnees.csv?maille=departement&par=100000`
		);
	});
});

describe('map CSV per 100 000 inhabitants', () => {
	it('holds the raw value, the population and its year, and the value per 100 000, as the store gives them', async () => {
		const page = await open(`/indicateurs/${COUNT}?onglet=carte&maille=departement&par=100000`);
		const href = await page.locator(`a[href^="/indicateurs/${COUNT}/donnees.csv"]`).first().getAttribute('href');
		expect(href).toContain('par=100000');
		const response = await fetch(baseUrl() + href);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toMatch(new RegExp(`filename="${COUNT}-departement-\\d{4}-\\d{2}-\\d{2}-pour-100000-habitants\\.csv"`));
		const { rows, problems } = parseCsv(await response.text());
		expect(problems).toEqual([]);
		const header = rows[0].fields;
		// The canonical value columns (importable back as is), then what the view adds.
		expect(header).toEqual([...VALUE_EXPORT_COLUMNS, 'population', 'annee_population', 'valeur_pour_100000_habitants']);
		const byCode = new Map(rows.slice(1).map((r) => [r.fields[3], r.fields]));
		const date = rows[1].fields[5];
		for (const code of ['48', '75', '2A']) {
			const [stored] = storeQuery<{ value: number; population: number }>(
				`SELECT o.value, t.population FROM observations o JOIN territories t ON t.id = o.territory_id JOIN indicators i ON i.id = o.indicator_id
				 WHERE i.code = ? AND t.level = 'departement' AND t.insee_code = ? AND o.date = ?`,
				COUNT,
				code,
				date
			);
			const f = byCode.get(code)!;
			expect(Number(f[6]), code).toBe(stored.value);
			expect(Number(f[8]), code).toBe(stored.population);
			expect(f[9], code).toBe('2023');
			expect(Number(f[10]), code).toBeCloseTo((stored.value / stored.population) * 100_000, 9);
		}
	});

	it('without par, the file keeps the canonical columns and its plain name', async () => {
		const response = await fetch(`${baseUrl()}/indicateurs/${COUNT}/donnees.csv?maille=departement`);
		expect(response.headers.get('content-disposition')).not.toContain('habitants');
		expect((await response.text()).split('\n')[0]).toBe(VALUE_EXPORT_COLUMNS.join(','));
	});
});

describe('accessibility of the map pages', () => {
	for (const path of ['/', `/?carte=${COUNT}`, INDICATOR_MAP, '/integrer/indicateurs/IND-200?onglet=carte&maille=departement']) {
		for (const scheme of ['light', 'dark'] as const) {
			it(`${path} has no axe-core violations (${scheme})`, async () => {
				const page = await open(path, 1280, scheme);
				expect(await axeViolations(page)).toEqual([]);
			});
		}
	}
});
