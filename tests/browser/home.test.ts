/** The national overview in Chromium: real figures from the store, French formatting, accessibility. */
import { describe, expect, it } from 'vitest';
import { axeViolations, baseUrl, plain, storeQuery, useBrowser } from './harness';

const { newPage } = useBrowser();

describe('home page', () => {
	it('shows each policy headline with the value the store holds, in French format', async () => {
		const page = await newPage();
		const response = await page.goto(baseUrl() + '/');
		expect(response?.status()).toBe(200);
		expect(await page.getAttribute('html', 'lang')).toBe('fr');
		// IND-200 (pass Culture coverage): the latest national value in the store.
		const [latest] = storeQuery<{ value: number; date: string }>(
			`SELECT o.value, o.date FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
			 WHERE i.code = 'IND-200' AND t.code = 'FR' ORDER BY o.date DESC LIMIT 1`
		);
		const expected = latest.value.toLocaleString('fr-FR', { maximumFractionDigits: 2 }).replace(/[\u202f\u00a0]/g, ' ') + ' %';
		const row = page.locator('ul.politiques > li', { hasText: 'Taux de couverture des +18 ans' });
		expect(plain(await row.textContent())).toContain(expected);
		expect(plain(await row.textContent())).toContain('mai 2024');
	});

	it('the family lines and the policies’ statuses read as sentences, not as badges (only the compact badge is one)', async () => {
		for (const path of ['/', '/indicateurs/IND-200', '/territoires/departements/93']) {
			const page = await newPage();
			await page.goto(baseUrl() + path);
			const styles = await page.$$eval('.etat-familles, .etat-avancement', (els) =>
				els.map((el) => ({ transform: getComputedStyle(el).textTransform, before: getComputedStyle(el, '::before').content }))
			);
			expect(styles.length, path).toBeGreaterThan(0);
			for (const style of styles) expect(style, path).toEqual({ transform: 'none', before: 'none' });
		}
	});

	it('has no axe-core violations (WCAG 2.1 AA)', async () => {
		const page = await newPage();
		await page.goto(baseUrl() + '/');
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('home map', () => {
	it('draws the 101 départements, overseas included, with the stored values, and each is a keyboard link', async () => {
		const page = await newPage();
		await page.goto(baseUrl() + '/?carte=IND-200');
		const codes = await page.locator('svg.carte [data-code]:not([data-encart] *)').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
		expect(codes).toHaveLength(101);
		expect(codes).toEqual(expect.arrayContaining(['971', '972', '973', '974', '976', '2A', '2B']));
		const [mayotte] = storeQuery<{ value: number }>(
			`SELECT o.value FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
			 WHERE i.code = 'IND-200' AND t.code = 'D976' ORDER BY o.date DESC LIMIT 1`
		);
		const label = plain(await page.locator('svg.carte a:has([data-code="976"])').getAttribute('aria-label'));
		expect(label).toBe(`Mayotte : ${mayotte.value.toLocaleString('fr-FR').replace(/[\u202f\u00a0]/g, ' ')} %`);
		// Keyboard: focus the Mayotte link and follow it.
		await page.locator('svg.carte a:has([data-code="976"])').focus();
		await page.keyboard.press('Enter');
		await page.waitForURL('**/territoires/departements/976');
	});

	it('arrives drawn: the browser downloads neither the boundaries nor the projection, and hovering or focusing a département outlines it', async () => {
		const page = await newPage();
		const scripts: Promise<string>[] = [];
		page.on('response', (r) => {
			if (r.request().resourceType() === 'script') scripts.push(r.text());
		});
		await page.goto(baseUrl() + '/', { waitUntil: 'networkidle' });
		await page.locator('header [role="combobox"]').waitFor();
		const bodies = await Promise.all(scripts);
		expect(bodies.length).toBeGreaterThan(5);
		for (const body of bodies) {
			expect(body).not.toContain('GeometryCollection'); // the TopoJSON
			expect(body).not.toContain('fitExtent'); // d3-geo
		}
		const lozere = page.locator('svg.carte a:has([data-code="48"]) path');
		const width = () => lozere.evaluate((e) => parseFloat(getComputedStyle(e).strokeWidth));
		const before = await width();
		await lozere.hover();
		expect(await width()).toBeGreaterThan(before);
		await page.mouse.move(0, 0);
		await page.locator('#choix-indicateur').focus();
		await page.keyboard.press('Tab'); // « Afficher »
		for (let i = 0; i < 200 && !(await page.evaluate(() => document.activeElement?.matches('svg.carte a:has([data-code="48"])'))); i++) await page.keyboard.press('Tab');
		expect(plain(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))).toMatch(/^Lozère : /);
		expect(await width()).toBeGreaterThanOrEqual(2);
	});

	it('rejects a malformed map parameter with 400 and an unknown indicator with 404', async () => {
		const page = await newPage();
		expect((await page.goto(baseUrl() + '/?carte=%3Cscript%3E'))?.status()).toBe(400);
		expect((await page.goto(baseUrl() + '/?carte=NOPE-1'))?.status()).toBe(404);
		expect(plain(await page.locator('h1').textContent())).toBe('Page introuvable');
	});
});

describe('security headers', () => {
	it('every page carries a CSP without inline script, nosniff, a referrer policy and forbids framing', async () => {
		const res = await fetch(baseUrl() + '/', { headers: { 'accept-encoding': 'br' } });
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("script-src 'self' 'sha256-");
		expect(csp).not.toContain("'unsafe-inline' 'self'");
		expect(csp).toMatch(/script-src [^;]*/);
		expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		// In a browser that enforces it, the page loads its scripts without a single violation.
		const page = await newPage({ bypassCSP: false });
		const violations: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
		});
		await page.goto(baseUrl() + '/', { waitUntil: 'networkidle' });
		await page.getByRole('button', { name: 'Sombre' }).click();
		expect(await page.getAttribute('html', 'data-fr-theme')).toBe('dark');
		expect(violations).toEqual([]);
		// A second request for the same encoding comes from the per-release cache: its ETag (one per encoding) gives a 304.
		const again = await fetch(baseUrl() + '/', { headers: { 'accept-encoding': 'br', 'if-none-match': res.headers.get('etag') ?? '' } });
		expect(again.status).toBe(304);
	});
});

describe('home map downloads', () => {
	it('offers the CSV of the map values and the picture as SVG', async () => {
		const page = await newPage();
		await page.goto(baseUrl() + '/?carte=IND-200', { waitUntil: 'networkidle' });
		const href = await page.locator('a[href^="/indicateurs/IND-200/donnees.csv"]').first().getAttribute('href');
		const csv = await (await fetch(baseUrl() + href)).text();
		const lines = csv.trim().split('\n');
		expect(lines[0]).toBe('indicateur_id,indicateur,maille,code_territoire,territoire,date,valeur,unite');
		expect(lines).toHaveLength(102);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: /SVG/ }).first().click()
		]);
		const path = await download.path();
		const svg = (await import('node:fs')).readFileSync(path!, 'utf8');
		expect(svg).toContain('<svg');
		expect(svg).toContain('Taux de couverture des +18 ans');
		expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(101);
	});
});
