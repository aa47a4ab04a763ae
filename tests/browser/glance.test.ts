/**
 * Where reforms stand, at a glance: the main navigation, the home overview, the policy list and
 * each policy page, in Chromium at 375 and 1280 px, checked against the store.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, baseUrl, pageOpener, plain, storeQuery, useBrowser } from './harness';

const { newPage } = useBrowser();
const WIDTHS = [375, 1280];
const SECTIONS = [
	['Politiques', '/politiques'],
	['Territoires', '/territoires'],
	['Comparer', '/comparer'],
	['Programmes', '/programmes'],
	['Données', '/donnees']
];

const open = pageOpener(newPage);

/** Elements matching `selector` whose content is wider than their box, or that overflow the page. */
async function overflowing(page: Page, selector: string): Promise<string[]> {
	return page.locator(selector).evaluateAll((els) =>
		els
			.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
			.map((el) => `${el.tagName}.${el.className} ${el.scrollWidth}>${el.clientWidth}`)
	);
}

const breadcrumb = async (page: Page) => (await page.locator('nav.fr-breadcrumb li').allTextContents()).map(plain).join(' › ');

describe('main navigation', () => {
	it('the header and the footer carry the same five sections, each page exists, the current one is marked', async () => {
		const page = await open('/territoires/departements/2A');
		const header = await page.locator('header nav.fr-nav a').evaluateAll((as) => as.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
		expect(header).toEqual(SECTIONS);
		const footer = await page.locator('footer nav a').evaluateAll((as) => as.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
		expect(footer).toEqual(SECTIONS);
		expect(await page.locator('header nav.fr-nav a[aria-current]').allTextContents()).toEqual(['Territoires']);
		for (const [, href] of SECTIONS) expect((await fetch(baseUrl() + href)).status, href).toBe(200);
		const list = await open('/politiques');
		expect(await list.locator('header nav.fr-nav a[aria-current="page"]').textContent()).toBe('Politiques');
	});

	it('at 375 px the navigation wraps inside the screen, without a menu button', async () => {
		const page = await open('/', 375);
		for (const link of await page.locator('header nav.fr-nav a').all()) {
			const box = (await link.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(375);
		}
	});

	it('breadcrumbs follow the sections: Territoires for territories, Politiques › policy for an indicator', async () => {
		expect(await breadcrumb(await open('/territoires/departements/2A'))).toBe('Accueil › Territoires › Corse › Corse-du-Sud');
		const [ind] = storeQuery<{ name: string; policy: string; pid: string }>(
			`SELECT i.name, p.name AS policy, p.id AS pid FROM indicators i JOIN policies p ON p.id = i.policy_id WHERE i.code = 'IND-200'`
		);
		const page = await open('/indicateurs/IND-200');
		expect(await breadcrumb(page)).toBe(`Accueil › Politiques › ${ind.policy} › ${ind.name}`);
		expect(await page.locator(`nav.fr-breadcrumb a[href="/politiques/${ind.pid}"]`).count()).toBe(1);
	});
});

describe('home page overview', () => {
	it('first screen: what the site is, the date of the data and one line per family counted from the store', async () => {
		const page = await open('/');
		const [{ n }] = storeQuery<{ n: number }>(
			`SELECT count(DISTINCT p.id) AS n FROM policies p JOIN indicators i ON i.policy_id = p.id WHERE p.family_id = 'politiques-prioritaires'`
		);
		const line = plain(await page.locator('.etat-familles li').first().textContent());
		expect(line).toMatch(new RegExp(`Sur ${n} politiques prioritaires : \\d+ cibles? atteintes?, \\d+ en bonne voie, \\d+ en retard`));
		const counts = [...line.matchAll(/(\d+) (?:cibles? atteintes?|en bonne voie|en retard|sans cible|non évaluables? aujourd’hui|cibles? non significatives?)/g)].map((m) => Number(m[1]));
		expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
		const date = (await page.locator('main p', { hasText: 'Données mises à jour le' }).boundingBox())!;
		expect(date.y + date.height).toBeLessThan(900);
	});

	for (const width of WIDTHS) {
		it(`at ${width} px the name, value and status of the first five policies are inside the viewport, no list overflows`, async () => {
			const page = await open('/', width);
			const items = page.locator('ul.politiques > li');
			expect(await items.count()).toBeGreaterThan(50);
			for (let i = 0; i < 5; i++) {
				for (const part of ['.nom a', '.valeur', '.etat .fr-badge']) {
					const box = (await items.nth(i).locator(part).boundingBox())!;
					expect(box.x, `${i} ${part}`).toBeGreaterThanOrEqual(0);
					expect(box.x + box.width, `${i} ${part}`).toBeLessThanOrEqual(width);
				}
			}
			expect(await overflowing(page, 'main ul, main ol')).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
		});
	}

	it('each item shows the headline value of the store, in French format, and links to the policy page', async () => {
		const page = await open('/');
		const [latest] = storeQuery<{ value: number; date: string }>(
			`SELECT o.value, o.date FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
			 WHERE i.code = 'IND-200' AND t.code = 'FR' ORDER BY o.date DESC LIMIT 1`
		);
		const item = page.locator('ul.politiques > li', { has: page.locator('a[href="/politiques/CH-080"]') });
		const text = plain(await item.textContent());
		expect(text).toContain(plain(latest.value.toLocaleString('fr-FR', { maximumFractionDigits: 2 })) + ' %');
		expect(text).toContain('mai 2024');
		expect(text).toContain('Taux de couverture des +18 ans');
	});

	it('the full table stays available as a view of /politiques', async () => {
		const page = await open('/politiques?vue=tableau');
		const [{ n }] = storeQuery<{ n: number }>(`SELECT count(DISTINCT p.id) AS n FROM policies p JOIN indicators i ON i.policy_id = p.id`);
		expect(await page.locator('table tbody tr').count()).toBe(n);
		expect((await fetch(baseUrl() + '/politiques?vue=autre')).status).toBe(400);
	});
});

describe('policy pages', () => {
	it('every policy page lists all its indicators (checked against the store), each linked', async () => {
		const rows = storeQuery<{ pid: string; code: string }>(`SELECT p.id AS pid, i.code FROM indicators i JOIN policies p ON p.id = i.policy_id`);
		const byPolicy = new Map<string, string[]>();
		for (const r of rows) byPolicy.set(r.pid, [...(byPolicy.get(r.pid) ?? []), r.code]);
		for (const [pid, codes] of byPolicy) {
			const res = await fetch(`${baseUrl()}/politiques/${encodeURIComponent(pid)}`);
			expect(res.status, pid).toBe(200);
			const html = await res.text();
			const listed = [...html.matchAll(/<h3[^>]*><a href="\/indicateurs\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
			expect(listed.sort(), pid).toEqual([...codes].sort());
		}
	}, 240_000);

	it('CH-080 (pass Culture): national value and target, territorial counts, the map of its headline indicator', async () => {
		const page = await open('/politiques/CH-080');
		expect(plain(await page.locator('h1').textContent())).toBe('Poursuivre le déploiement du Pass Culture');
		expect(await breadcrumb(page)).toBe('Accueil › Politiques › Poursuivre le déploiement du Pass Culture');
		const item = page.locator('li.indicateur', { has: page.locator('a[href="/indicateurs/IND-200"]') });
		const text = plain(await item.textContent());
		const [target] = storeQuery<{ value: number }>(
			`SELECT g.value FROM targets g JOIN indicators i ON i.id = g.indicator_id JOIN territories t ON t.id = g.territory_id
			 WHERE i.code = 'IND-200' AND t.code = 'FR' AND g.kind = 'cible' ORDER BY g.date DESC LIMIT 1`
		);
		expect(text).toContain(`Cible ${target.value} %`);
		const [{ n }] = storeQuery<{ n: number }>(
			`SELECT count(DISTINCT o.territory_id) AS n FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
			 WHERE i.code = 'IND-200' AND t.level = 'departement' AND o.date = (SELECT max(date) FROM observations o2 JOIN territories t2 ON t2.id = o2.territory_id WHERE o2.indicator_id = i.id AND t2.level = 'departement')`
		);
		expect(text).toMatch(/Sur 101 départements : \d+ cibles? atteintes?, \d+ en bonne voie, \d+ en retard/);
		expect(text).toContain('Sur 18 régions');
		if (n < 101) expect(text).toContain(`${101 - n} sans valeur`);
		await page.locator('svg.carte [data-encart] [data-code="75"]').waitFor();
		expect(await page.locator('svg.carte [data-code]:not([data-encart] *)').count()).toBe(101);
		expect(await page.locator('main').textContent()).toContain('Source : DITP');
	});

	it('an unknown policy is a 404, a malformed id a 400', async () => {
		expect((await fetch(baseUrl() + '/politiques/NOPE-1')).status).toBe(404);
		expect((await fetch(baseUrl() + '/politiques/%3Cx%3E')).status).toBe(400);
	});

	for (const width of WIDTHS) {
		it(`at ${width} px no list or table is wider than its container`, async () => {
			const page = await open('/politiques/CH-080', width);
			expect(await overflowing(page, 'main ul, main ol')).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
		});
	}
});

describe('accessibility of the new pages', () => {
	for (const path of ['/', '/politiques', '/politiques?vue=tableau', '/politiques/CH-080', '/politiques/OVQ-APR', '/territoires']) {
		for (const scheme of ['light', 'dark'] as const) {
			it(`${path} has no axe-core violations (${scheme})`, async () => {
				const page = await open(path, 1280, scheme);
				expect(await page.getAttribute('html', 'data-fr-theme')).toBe(scheme);
				expect(await axeViolations(page)).toEqual([]);
			});
		}
	}
});

describe('one search for everything', () => {
	/** The header combobox, hydrated, with the suggestions for `query`. */
	async function suggest(query: string, width = 1280): Promise<{ page: Page; groups: Record<string, string[]> }> {
		const page = await newPage({ width });
		await page.goto(baseUrl() + '/');
		const input = page.locator('header [role="combobox"]');
		await input.waitFor();
		await input.fill(query);
		await page.locator('header [role="status"]', { hasText: 'trouvé' }).waitFor();
		const groups: Record<string, string[]> = {};
		for (const group of await page.locator('header [role="listbox"] [role="group"]').all()) {
			const name = plain(await page.locator(`[id="${await group.getAttribute('aria-labelledby')}"]`).textContent());
			groups[name] = (await group.getByRole('option').allTextContents()).map(plain);
		}
		return { page, groups };
	}

	it('« pass culture » suggests the pass Culture policy, and Entrée on it opens its page', async () => {
		const { page, groups } = await suggest('pass culture');
		expect(groups['Politiques']).toContain('Poursuivre le déploiement du Pass Culture — Politiques prioritaires (2023 et après)');
		const input = page.locator('header [role="combobox"]');
		const index = (await page.locator('header [role="option"]').allTextContents()).map(plain).findIndex((t) => t.startsWith('Poursuivre le déploiement du Pass Culture'));
		for (let i = 0; i <= index; i++) await input.press('ArrowDown');
		await input.press('Enter');
		await page.waitForURL('**/politiques/CH-080');
	});

	it('« logements sociaux » suggests an indicator about social housing, « 13001 » a territory (Marseille, Bouches-du-Rhône)', async () => {
		const housing = await suggest('logements sociaux');
		const names = storeQuery<{ name: string }>(`SELECT name FROM indicators WHERE name LIKE '%logement%social%' OR name LIKE '%logements sociaux%'`).map((r) => r.name);
		expect(names.length).toBeGreaterThan(0);
		expect(housing.groups['Indicateurs'].some((label) => names.some((n) => label.startsWith(n)))).toBe(true);
		const postal = await suggest('13001', 375);
		expect(postal.groups['Territoires'][0]).toMatch(/^Marseille.*Bouches-du-Rhône/);
	});

	it('has no axe-core violations with grouped suggestions open', async () => {
		const { page } = await suggest('culture');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('/recherche?q= without JavaScript lists policies, indicators and territories by kind', async () => {
		const page = await newPage({ javaScript: false });
		await page.goto(baseUrl() + '/recherche?q=' + encodeURIComponent('pass culture'));
		expect(await page.locator('#resultats-politique ~ ul a[href="/politiques/CH-080"]').count()).toBe(1);
		expect(await page.locator('main a[href="/indicateurs/IND-200"]').count()).toBe(1);
		await page.goto(baseUrl() + '/recherche?q=Logements');
		expect(await page.locator('#resultats-indicateur').count()).toBe(1);
		expect((await fetch(baseUrl() + '/recherche/suggestions.json?q=a&portee=x')).status).toBe(400);
	});
});

describe('catalogue of indicators', () => {
	it('/indicateurs lists every indicator of the store once, each linked, with its levels and date', async () => {
		const page = await open('/indicateurs');
		const store = storeQuery<{ code: string }>('SELECT code FROM indicators').map((r) => r.code);
		const listed = await page.locator('li.indicateur').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
		expect(listed.length).toBe(store.length);
		expect([...listed].sort()).toEqual([...store].sort());
		expect(plain(await page.locator('#compte').textContent())).toBe(`${store.length} indicateurs.`);
		const item = plain(await page.locator('li.indicateur[data-code="IND-200"]').textContent());
		expect(item).toContain('France, Régions, Départements');
		expect(item).toContain('Dernière valeur : mai 2024');
	});

	it('filters by text, family, theme and level with a GET form, without JavaScript', async () => {
		const page = await newPage({ javaScript: false });
		await page.goto(baseUrl() + '/indicateurs');
		await page.locator('#filtre-q').fill('logements');
		await page.locator('#filtre-maille').selectOption('departement');
		await page.getByRole('button', { name: 'Filtrer' }).click();
		await page.waitForURL('**/indicateurs?q=logements**');
		const codes = await page.locator('li.indicateur').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
		expect(codes.length).toBeGreaterThan(0);
		const withDepartements = new Set(
			storeQuery<{ code: string }>(
				`SELECT DISTINCT i.code FROM indicators i JOIN observations o ON o.indicator_id = i.id JOIN territories t ON t.id = o.territory_id WHERE t.level = 'departement'`
			).map((r) => r.code)
		);
		for (const code of codes) expect(withDepartements.has(code!), code!).toBe(true);
		const [{ n }] = storeQuery<{ n: number }>(
			`SELECT count(*) AS n FROM indicators i JOIN policies p ON p.id = i.policy_id WHERE p.family_id = 'barometre-2017-2022'`
		);
		await page.goto(baseUrl() + '/indicateurs?famille=barometre-2017-2022');
		expect(await page.locator('li.indicateur').count()).toBe(n);
		await page.goto(baseUrl() + '/indicateurs?theme=culture');
		expect(await page.locator('li.indicateur[data-code="IND-200"]').count()).toBe(1);
		expect((await fetch(baseUrl() + '/indicateurs?maille=commune')).status).toBe(400);
		expect((await fetch(baseUrl() + '/indicateurs?theme=inconnu')).status).toBe(400);
	});

	for (const width of WIDTHS) {
		it(`at ${width} px no list is wider than its container`, async () => {
			const page = await open('/indicateurs', width);
			expect(await overflowing(page, 'main ul')).toEqual([]);
		});
	}

	for (const scheme of ['light', 'dark'] as const) {
		it(`/indicateurs and /recherche have no axe-core violations (${scheme})`, async () => {
			for (const path of ['/indicateurs?theme=culture', '/recherche?q=logement']) {
				const page = await open(path, 1280, scheme);
				expect(await axeViolations(page), path).toEqual([]);
			}
		});
	}
});
