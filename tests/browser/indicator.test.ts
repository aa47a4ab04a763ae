/**
 * The indicator page in Chromium: real figures from the store, the map (101 départements with
 * the overseas ones), keyboard selection, tabs as URLs (back/forward), errors, the CSV download
 * matching the table, the page without JavaScript, and axe-core on every tab.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv/read';
import { formatPeriod } from '../../src/lib/format';
import { axeViolations, baseUrl, hydrated, plain, storeQuery, useBrowser } from './harness';

const { newPage } = useBrowser();
const PAGE = '/indicateurs/IND-200';

/** `82.02` → `82,02 %`, as the store's value is shown (at most two decimals, French spaces folded). */
const percent = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 2 }).replace(/[\u202f\u00a0]/g, ' ') + ' %';

function latest(code: string, level: string, territory: string) {
	const [row] = storeQuery<{ value: number; date: string }>(
		`SELECT o.value, o.date FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
		 WHERE i.code = ? AND t.level = ? AND t.code = ? AND o.date <> '' ORDER BY o.date DESC LIMIT 1`,
		code,
		level,
		territory
	);
	return row;
}

async function open(path: string, options: { javaScript?: boolean; width?: number } = {}): Promise<Page> {
	const page = await newPage(options);
	const response = await page.goto(baseUrl() + path);
	expect(response?.status()).toBe(200);
	if (options.javaScript !== false) await hydrated(page);
	return page;
}

describe('indicator page: figures from the store', () => {
	it('national headline and the Corse-du-Sud row of the table hold the stored values, in French format', async () => {
		const page = await open(`${PAGE}?onglet=tableau`);
		const france = latest('IND-200', 'national', 'FR');
		expect(plain(await page.locator('.national').textContent())).toContain(percent(france.value));

		const corse = latest('IND-200', 'departement', 'D2A');
		const row = page.locator('tr[data-code="D2A"]');
		const text = plain(await row.textContent());
		expect(text).toContain('Corse-du-Sud');
		expect(text).toContain(percent(corse.value));
		expect(text).toContain(formatPeriod(corse.date));
		expect(await page.locator('tbody tr').count()).toBe(101);
		expect(plain(await page.textContent('h1'))).toBe('Taux de couverture des +18 ans');
	});

	it('source, licence and the rules are stated', async () => {
		const page = await open(PAGE);
		const about = plain(await page.locator('.fiche').textContent());
		expect(about).toContain('plus haut est mieux');
		expect(about).toContain('Licence Ouverte / Etalab 2.0');
		expect(about).toContain('29 juin 2024');
		expect(plain(await page.locator('.national').textContent())).toContain('cible finale de décembre 2026');
	});

	it('counts are not ranked raw; per 100 000 inhabitants they are, from the stored population', async () => {
		const raw = await open('/indicateurs/nb-morts-routes?onglet=tableau');
		expect(await raw.locator('th', { hasText: 'Rang' }).count()).toBe(0);
		expect(plain(await raw.locator('.note').textContent())).toContain('ne sont pas classés');

		const page = await open('/indicateurs/nb-morts-routes?onglet=tableau&par=100000&tri=valeur&ordre=desc');
		expect(await page.locator('th', { hasText: 'Rang' }).count()).toBe(1);
		const [lozere] = storeQuery<{ value: number; population: number }>(
			`SELECT o.value, t.population FROM observations o JOIN territories t ON t.id = o.territory_id JOIN indicators i ON i.id = o.indicator_id
			 WHERE i.code = 'nb-morts-routes' AND t.code = 'D48' ORDER BY o.date DESC LIMIT 1`
		);
		const perCapita = ((lozere.value * 100000) / lozere.population).toLocaleString('fr-FR', { maximumFractionDigits: 2 }).replace(/[\u202f\u00a0]/g, ' ');
		expect(plain(await page.locator('tr[data-code="D48"]').textContent())).toContain(perCapita);
		expect(plain(await page.textContent('#vue'))).toContain('INSEE, populations légales');
	});
});

describe('indicator page: map', () => {
	it('101 département shapes, overseas included, each named with its value', async () => {
		const page = await open(PAGE);
		const shapes = page.locator('svg.carte [data-code]:not([data-encart] *)');
		expect(await shapes.count()).toBe(101);
		const codes = await shapes.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-code')));
		for (const code of ['971', '972', '973', '974', '976', '2A', '2B']) expect(codes).toContain(code);
		// Overseas shapes are drawn inside the picture (insets), not off-canvas.
		const box = (await page.locator('svg.carte').boundingBox())!;
		for (const code of ['971', '972', '973', '974', '976']) {
			const shape = (await page.locator(`svg.carte [data-code="${code}"]`).boundingBox())!;
			expect(shape.width).toBeGreaterThan(0);
			expect(shape.x).toBeGreaterThanOrEqual(box.x - 1);
			expect(shape.x + shape.width).toBeLessThanOrEqual(box.x + box.width + 1);
		}
		const corse = latest('IND-200', 'departement', 'D2A');
		expect(plain(await page.getAttribute('svg.carte a[aria-label^="Corse-du-Sud"]', 'aria-label'))).toBe(`Corse-du-Sud : ${percent(corse.value)}`);
	});

	it('région maille: 18 shapes', async () => {
		const page = await open(`${PAGE}?maille=region`);
		expect(await page.locator('svg.carte [data-code]:not([data-encart] *)').count()).toBe(18);
	});

	it('keyboard: Tab to a territory, Enter selects it (URL gets territoire=), focus stays on the map', async () => {
		const page = await open(PAGE);
		let onMap = false;
		for (let i = 0; i < 80 && !onMap; i++) {
			await page.keyboard.press('Tab');
			onMap = await page.evaluate(() => !!document.activeElement?.closest('svg.carte'));
		}
		expect(onMap).toBe(true);
		const code = await page.evaluate(() => document.activeElement?.querySelector('[data-code]')?.getAttribute('data-code'));
		expect(code).toBe('01');
		await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
		await page.keyboard.press('Enter');
		await page.waitForURL(/territoire=D01/);
		await page.locator('.selection h3', { hasText: 'Ain' }).waitFor();
		// Client-side navigation (no reload) that kept the focus on the same territory.
		expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
		expect(await page.evaluate(() => document.activeElement?.querySelector('[data-code]')?.getAttribute('data-code'))).toBe('01');
		expect(await page.getAttribute('svg.carte a[aria-label^="Ain"]', 'href')).toBe(`${PAGE}?territoire=D01`);
	});
});

describe('indicator page: state in the URL', () => {
	it('tabs round-trip through the URL, with back and forward', async () => {
		const page = await open(`${PAGE}?onglet=graphique&maille=region&territoire=R84`);
		expect(await page.getAttribute('a.fr-tabs__tab[aria-current="page"]', 'href')).toContain('onglet=graphique');
		expect(plain(await page.textContent('#vue h3.fr-h5'))).toContain('Auvergne-Rhône-Alpes');
		expect(await page.locator('#vue select[name="territoire"]').inputValue()).toBe('R84');
		expect(await page.getAttribute('#vue svg[role="img"]', 'aria-label')).toContain('Auvergne-Rhône-Alpes');
		await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));

		await page.click('a.fr-tabs__tab:has-text("Tableau")');
		await page.waitForURL((url) => url.searchParams.get('onglet') === 'tableau');
		const url = new URL(page.url());
		expect(url.searchParams.get('maille')).toBe('region');
		expect(url.searchParams.get('territoire')).toBe('R84');
		await page.locator('tbody tr').first().waitFor();
		expect(await page.locator('tbody tr').count()).toBe(18);

		await page.click('a.fr-tabs__tab:has-text("Carte")');
		await page.waitForURL((u) => !u.searchParams.has('onglet'));
		await page.locator('svg.carte').waitFor();
		expect(await page.locator('svg.carte [data-code]:not([data-encart] *)').count()).toBe(18);

		await page.goBack();
		await page.waitForURL((u) => u.searchParams.get('onglet') === 'tableau');
		await page.locator('tbody tr').first().waitFor();
		await page.goBack();
		await page.waitForURL((u) => u.searchParams.get('onglet') === 'graphique');
		await page.locator('#vue svg[role="img"]').waitFor();
		expect(await page.getAttribute('a.fr-tabs__tab[aria-current="page"]', 'href')).toContain('onglet=graphique');
		await page.goForward();
		await page.waitForURL((u) => u.searchParams.get('onglet') === 'tableau');
		await page.locator('tbody tr').first().waitFor();
		// All of it without a reload.
		expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
	});

	it('a malformed parameter is a 400 that says what is accepted; an unknown indicator a 404', async () => {
		const page = await newPage();
		const bad = await page.goto(baseUrl() + `${PAGE}?maille=canton`);
		expect(bad?.status()).toBe(400);
		const text = plain(await page.textContent('main'));
		expect(text).toContain('canton');
		expect(text).toContain('region, departement');

		expect((await page.goto(baseUrl() + `${PAGE}?date=2001-01-01`))?.status()).toBe(400);
		expect((await page.goto(baseUrl() + `${PAGE}?onglet=liste`))?.status()).toBe(400);
		expect((await page.goto(baseUrl() + '/indicateurs/NOPE'))?.status()).toBe(404);
	});

	it('without JavaScript: tabs are links, the date is a GET form', async () => {
		const page = await open(PAGE, { javaScript: false });
		expect(await page.locator('svg.carte [data-code]:not([data-encart] *)').count()).toBe(101);
		await page.click('a.fr-tabs__tab:has-text("Tableau")');
		await page.waitForURL(/onglet=tableau/);
		expect(await page.locator('tbody tr').count()).toBe(101);
		const dates = await page.locator('select[name="date"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
		const earliest = dates.at(-1)!;
		await page.selectOption('select[name="date"]', earliest);
		await page.click('form button[type="submit"]:has-text("Afficher")');
		await page.waitForURL((u) => u.searchParams.get('date') === earliest);
		expect(new URL(page.url()).searchParams.get('onglet')).toBe('tableau');
		expect(plain(await page.locator('tr[data-code="D2A"]').textContent())).toContain(formatPeriod(earliest));
	});
});

describe('indicator page: CSV download', () => {
	it('parses, and its rows are the table rows (same order, same values)', async () => {
		const page = await open(`${PAGE}?onglet=tableau&maille=region&tri=valeur&ordre=desc`);
		const href = await page.getAttribute('a[download]', 'href');
		expect(href).toBe(`${PAGE}/donnees.csv?maille=region&tri=valeur&ordre=desc`);
		expect(await page.getAttribute('a[download]', 'aria-label')).toMatch(/^Télécharger \(CSV\)/);
		const response = await fetch(baseUrl() + href);
		expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
		const { rows, problems } = parseCsv(await response.text());
		expect(problems).toEqual([]);
		expect(rows[0].fields).toEqual(['indicateur_id', 'indicateur', 'maille', 'code_territoire', 'territoire', 'date', 'valeur', 'unite']);
		const data = rows.slice(1).map((r) => r.fields);

		const table = await page.locator('tbody tr').evaluateAll((trs) =>
			trs.map((tr) => ({ code: tr.getAttribute('data-code'), value: tr.querySelector('td.valeur')?.textContent?.trim() ?? '' }))
		);
		const shown = table.filter((r) => r.value !== '' && !r.value.startsWith('—'));
		expect(data.map((f) => `R${f[3]}`)).toEqual(shown.map((r) => r.code));
		expect(data.map((f) => percent(Number(f[6])))).toEqual(shown.map((r) => plain(r.value)));
		for (const f of data) {
			expect(f.slice(0, 3)).toEqual(['IND-200', 'Taux de couverture des +18 ans', 'region']);
			expect(f[7]).toBe('%');
		}
		const stored = storeQuery<{ code: string; value: number }>(
			`SELECT t.insee_code AS code, o.value FROM observations o JOIN territories t ON t.id = o.territory_id JOIN indicators i ON i.id = o.indicator_id
			 WHERE i.code = 'IND-200' AND t.level = 'region' AND o.date = ?`,
			data[0][5]
		);
		expect(new Map(data.map((f) => [f[3], Number(f[6])]))).toEqual(new Map(stored.map((s) => [s.code, s.value])));
	});
});

describe('indicator page: accessibility', () => {
	for (const query of ['', '?onglet=graphique&territoire=D2A', '?onglet=tableau', '?maille=region&territoire=R94']) {
		it(`no axe-core violations (WCAG 2.1 AA): ${PAGE}${query}`, async () => {
			const page = await open(PAGE + query);
			expect(await axeViolations(page)).toEqual([]);
		});
	}

	it('no axe-core violations per 100 000 inhabitants, and on the chart of a national-only indicator', async () => {
		const counts = await open('/indicateurs/nb-morts-routes?onglet=tableau&par=100000');
		expect(await axeViolations(counts)).toEqual([]);
		const [national] = storeQuery<{ code: string }>(
			`SELECT i.code FROM indicators i WHERE EXISTS (SELECT 1 FROM observations o WHERE o.indicator_id = i.id)
			 AND NOT EXISTS (SELECT 1 FROM observations o JOIN territories t ON t.id = o.territory_id WHERE o.indicator_id = i.id AND t.level <> 'national')
			 ORDER BY i.code LIMIT 1`
		);
		const page = await open(`/indicateurs/${national.code}`);
		expect(await page.getAttribute('a.fr-tabs__tab[aria-current="page"]', 'href')).not.toContain('onglet=carte');
		expect(await page.locator('#vue svg[role="img"]').count()).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
	});
});
