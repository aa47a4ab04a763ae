/**
 * The embeddable views (/integrer/indicateurs/…): one map or chart with real figures from the
 * store, no site header or footer, the source line and the link back; framable by any site while
 * the rest of the site is not; working inside an <iframe>; axe-core clean. And on the indicator
 * page, the chart downloads (SVG, PNG) and the iframe code.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { axeViolations, baseUrl, hydrated, plain, storeQuery, useBrowser } from './harness';

const { newPage } = useBrowser();
const EMBED = '/integrer/indicateurs/IND-200';

const percent = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 2 }).replace(/[\u202f\u00a0]/g, ' ') + ' %';

function latest(level: string, territory: string) {
	const [row] = storeQuery<{ value: number; date: string }>(
		`SELECT o.value, o.date FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
		 WHERE i.code = 'IND-200' AND t.level = ? AND t.code = ? AND o.date <> '' ORDER BY o.date DESC LIMIT 1`,
		level,
		territory
	);
	return row;
}

async function open(path: string): Promise<Page> {
	const page = await newPage();
	const response = await page.goto(baseUrl() + path);
	expect(response?.status()).toBe(200);
	await hydrated(page);
	return page;
}

describe('embed: content', () => {
	it('the map with stored values, title, summary, source and link back; no site header or footer', async () => {
		const page = await open(EMBED);
		expect(plain(await page.textContent('h1'))).toBe('Taux de couverture des +18 ans');
		expect(await page.locator('svg.carte [data-code]:not([data-encart] *)').count()).toBe(101);
		const corse = latest('departement', 'D2A');
		expect(plain(await page.getAttribute('svg.carte a[aria-label^="Corse-du-Sud"]', 'aria-label'))).toBe(`Corse-du-Sud : ${percent(corse.value)}`);
		expect(plain(await page.textContent('.resume'))).toMatch(/^\S+ \d{4} : 101 départements sur 101 ont une valeur, de .+ à .+\.$/);
		expect(await page.locator('header, footer, .fr-header, .fr-footer, .fr-skiplinks').count()).toBe(0);
		const source = plain(await page.textContent('.source'));
		expect(source).toContain('Licence : Licence Ouverte / Etalab 2.0');
		expect(source).toContain('mise à jour le 29 juin 2024');
		const back = page.locator('.source a');
		expect(await back.getAttribute('href')).toBe('/indicateurs/IND-200');
		expect(await back.getAttribute('target')).toBe('_top');
		expect(await page.getAttribute('html', 'lang')).toBe('fr');
	});

	it('the map comes with its data table, folded; its sort links stay in the embed', async () => {
		const page = await open(EMBED);
		const details = page.locator('details.donnees');
		expect(plain(await details.locator('summary').textContent())).toBe('Voir les données de la carte (tableau)');
		expect(await details.getAttribute('open')).toBeNull();
		await details.locator('summary').click();
		const rows = details.locator('tbody tr');
		expect(await rows.count()).toBe(101);
		const corse = latest('departement', 'D2A');
		expect(plain(await rows.filter({ hasText: 'Corse-du-Sud' }).textContent())).toContain(percent(corse.value));
		const sort = await details.locator('thead a').first().getAttribute('href');
		expect(sort).toMatch(/^\/integrer\/indicateurs\/IND-200\?.*(tri|ordre)=/);
		// Sorted by another column, the table is shown open.
		const sorted = await open(sort!);
		expect(await sorted.locator('details.donnees').getAttribute('open')).not.toBeNull();
		expect(await axeViolations(sorted)).toEqual([]);
	});

	it('the chart of a territory, with its stored values; state parameters carried to the link back', async () => {
		const page = await open(`${EMBED}?onglet=graphique&territoire=D2A`);
		expect(await page.getAttribute('svg[role="img"]', 'aria-label')).toContain('Corse-du-Sud');
		const corse = latest('departement', 'D2A');
		expect(plain(await page.textContent('figcaption'))).toContain(percent(corse.value));
		expect(await page.getAttribute('.source a', 'href')).toBe('/indicateurs/IND-200?onglet=graphique&territoire=D2A');
		// The territory form stays in the frame and knows the territories with values.
		expect(await page.locator('select[name="territoire"]').inputValue()).toBe('D2A');
		expect(await page.getAttribute('form.choix', 'action')).toBe(EMBED);
		expect(await page.locator('header, footer').count()).toBe(0);
	});

	it('invalid parameters are a 400, an unknown indicator a 404', async () => {
		for (const [path, status] of [
			[`${EMBED}?maille=canton`, 400],
			[`${EMBED}?date=2001-01-01`, 400],
			[`${EMBED}?onglet=tableau`, 400],
			[`${EMBED}?territoire=X1`, 400],
			['/integrer/indicateurs/NOPE', 404]
		] as const) {
			expect((await fetch(baseUrl() + path)).status, path).toBe(status);
		}
	});
});

describe('embed: framing', () => {
	it('the embed may be framed by any site; the home page may not', async () => {
		for (let i = 0; i < 2; i++) {
			// Twice: the first answer is rendered, the second comes from the per-release cache.
			const embed = await fetch(baseUrl() + EMBED);
			expect(embed.status).toBe(200);
			expect(embed.headers.get('x-frame-options')).toBeNull();
			expect(embed.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
			const home = await fetch(baseUrl() + '/');
			expect(home.headers.get('x-frame-options')).toBe('DENY');
			expect(home.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
		}
	});

	it('renders inside an <iframe> on another page', async () => {
		// A host page on another origin (a second local server: Chromium blocks a public page from framing a
		// loopback address, so the host must be local too), with the CSP enforced.
		const host = createServer((_, res) => {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(`<!doctype html><html lang="fr"><title>Hôte</title><body><iframe src="${baseUrl()}${EMBED}?maille=region" width="720" height="900" title="Carte"></iframe><iframe src="${baseUrl()}/" title="Accueil"></iframe></body></html>`);
		});
		await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
		onTestFinished(() => new Promise<void>((resolve) => host.close(() => resolve())));
		const page = await newPage({ bypassCSP: false });
		await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/article`);
		const frame = page.frameLocator('iframe[title="Carte"]');
		await frame.locator('svg.carte').waitFor();
		expect(await frame.locator('svg.carte [data-code]:not([data-encart] *)').count()).toBe(18);
		expect(plain(await frame.locator('h1').textContent())).toBe('Taux de couverture des +18 ans');
		expect(await frame.locator('.source a[target="_top"]').count()).toBe(1);
		// The rest of the site refuses to be framed: Chromium shows its error page instead.
		await expect.poll(() => page.frames().find((f) => f.name() === '' && f !== page.mainFrame() && !f.url().includes('/integrer/'))?.url()).toMatch(/^chrome-error:/);
	});
});

describe('embed: accessibility', () => {
	for (const query of ['', '?onglet=graphique&territoire=D2A']) {
		it(`no axe-core violations (WCAG 2.1 AA): ${EMBED}${query}`, async () => {
			const page = await open(EMBED + query);
			expect(await axeViolations(page)).toEqual([]);
		});
	}
});

describe('indicator page: chart downloads and iframe code', () => {
	it('the map downloads as a standalone SVG with its title and paths, and as PNG', async () => {
		const page = await open('/indicateurs/IND-200');
		const svgButton = page.getByRole('button', { name: 'Télécharger la carte au format SVG' });
		await svgButton.waitFor();
		const [download] = await Promise.all([page.waitForEvent('download'), svgButton.click()]);
		expect(download.suggestedFilename()).toMatch(/^taux-de-couverture-des-18-ans.*\.svg$/);
		const svg = readFileSync((await download.path())!, 'utf8');
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).toContain('<title>Taux de couverture des +18 ans par département');
		expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(101);
		expect(svg).not.toContain('var(');
		expect(svg).toContain('Licence Ouverte / Etalab 2.0');
		expect(svg).toMatch(/fill:rgb\(\d+, \d+, \d+\)/);

		const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger la carte au format PNG' }).click()]);
		expect(png.suggestedFilename()).toMatch(/\.png$/);
		const bytes = readFileSync((await png.path())!);
		expect(bytes.subarray(1, 4).toString()).toBe('PNG');
		// 2×: the PNG is twice the SVG's width.
		const svgWidth = Number(/width="(\d+)"/.exec(svg)![1]);
		expect(bytes.readUInt32BE(16)).toBe(svgWidth * 2);

		const csv = page.getByRole('link', { name: 'Télécharger les données de la carte au format CSV' });
		expect(await csv.getAttribute('href')).toBe('/indicateurs/IND-200/donnees.csv');
	});

	it('the chart downloads as SVG; the iframe code holds the embed URL of the current state', async () => {
		const page = await open('/indicateurs/IND-200?onglet=graphique&territoire=D2A');
		const button = page.getByRole('button', { name: 'Télécharger le graphique au format SVG' });
		await button.waitFor();
		const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
		const svg = readFileSync((await download.path())!, 'utf8');
		expect(svg).toContain('<title>Taux de couverture des +18 ans — évolution : Corse-du-Sud');
		expect(svg).toContain('<path ');

		const csv = await page.getByRole('link', { name: 'Télécharger les données du graphique au format CSV' }).getAttribute('href');
		const response = await fetch(baseUrl() + csv);
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('2A,Corse-du-Sud');

		// The code is folded under « Intégrer le graphique » (citizens' pages print no code).
		expect(await page.locator('textarea[readonly]').isVisible()).toBe(false);
		await page.getByText('Intégrer le graphique', { exact: true }).click();
		const code = await page.locator('textarea[readonly]').inputValue();
		expect(code).toContain(`<iframe src="${baseUrl()}/integrer/indicateurs/IND-200?onglet=graphique&amp;territoire=D2A"`);
		expect(code).toMatch(/width="\d+" height="\d+" title="[^"]+"/);
		expect(await page.getByRole('button', { name: 'Copier le code d’intégration du graphique' }).count()).toBe(1);
		// The embed URL of the snippet answers with the same view.
		const embed = await fetch(`${baseUrl()}/integrer/indicateurs/IND-200?onglet=graphique&territoire=D2A`);
		expect(embed.status).toBe(200);
	});

	it('without JavaScript the SVG/PNG buttons are not offered (they could not work)', async () => {
		const page = await newPage({ javaScript: false });
		await page.goto(baseUrl() + '/indicateurs/IND-200');
		expect(await page.locator('button', { hasText: 'SVG' }).count()).toBe(0);
		expect(await page.getByRole('link', { name: 'Télécharger les données de la carte au format CSV' }).count()).toBe(1);
	});

	it('no axe-core violations on the indicator page with the download controls', async () => {
		const page = await open('/indicateurs/IND-200?onglet=graphique');
		await page.getByText('Intégrer le graphique', { exact: true }).click();
		await page.getByRole('button', { name: 'Copier le code d’intégration du graphique' }).waitFor();
		expect(await axeViolations(page)).toEqual([]);
	});
});
