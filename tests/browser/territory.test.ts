/**
 * Territory pages in Chromium: France, a région, a département (and an overseas one), with the
 * figures the store holds, French formatting, navigation, errors and accessibility.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, baseUrl, plain, storeQuery, useBrowser } from './harness';

const { newPage } = useBrowser();

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** The value as the page should print it, written independently of src/lib/format.ts. */
function french(value: number, unit: string): string {
	const digits = plain(value.toLocaleString('fr-FR', { maximumFractionDigits: 2 })).replace('-', '−');
	return unit === '%' ? `${digits} %` : unit === 'nombre' || unit === '' ? digits : `${digits} ${unit}`;
}
/** `2024-05-01` → `mai 2024`; `2023` → `2023`. */
const period = (date: string) => (date.length >= 7 ? `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}` : date.slice(0, 4));

interface Latest {
	value: number;
	date: string;
}

function latestIn(indicator: string, territory: string): Latest | undefined {
	return storeQuery<Latest>(
		`SELECT o.value, o.date FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
		 WHERE i.code = ? AND t.code = ? AND o.date <> '' ORDER BY o.date DESC LIMIT 1`,
		indicator,
		territory
	)[0];
}

/** An indicator (%, or a count) with an unqualified latest value in every one of `territories`. */
function indicatorIn(...territories: string[]): { code: string; name: string; unit: string } {
	const candidates = storeQuery<{ code: string; name: string; unit: string }>(
		`SELECT i.code, i.name, i.unit FROM indicators i WHERE i.unit IN ('%', 'nombre') AND ${territories
			.map(() => `EXISTS (SELECT 1 FROM observations o JOIN territories t ON t.id = o.territory_id WHERE o.indicator_id = i.id AND t.code = ? AND o.date <> '')`)
			.join(' AND ')} ORDER BY i.code`,
		...territories
	);
	const unqualified = candidates.find((c) =>
		territories.every(
			(t) =>
				storeQuery<{ q: string | null }>(
					`SELECT o.qualifier AS q FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
					 WHERE i.code = ? AND t.code = ? AND o.date <> '' ORDER BY o.date DESC LIMIT 1`,
					c.code,
					t
				)[0].q === null
		)
	);
	if (!unqualified) throw new Error(`no indicator in ${territories.join(', ')}`);
	return unqualified;
}

const population = (code: string) => storeQuery<{ population: number }>('SELECT population FROM territories WHERE code = ?', code)[0].population;

async function open(path: string, options: { width?: number } = {}): Promise<Page> {
	const page = await newPage(options);
	const response = await page.goto(baseUrl() + path);
	expect(response?.status(), path).toBe(200);
	return page;
}

const text = async (page: Page, selector: string) => plain(await page.locator(selector).first().textContent());
const breadcrumb = async (page: Page) => (await page.locator('nav.fr-breadcrumb li').allTextContents()).map(plain).join(' › ');
const row = (page: Page, href: string) => page.locator('tr', { has: page.locator(`a[href="${href}"]`) });

describe('France', () => {
	it('shows its population, its régions and national values from the store', async () => {
		const page = await open('/territoires/france');
		expect(await text(page, 'h1')).toBe('France');
		expect(await text(page, 'main')).toContain(`${french(population('FR'), 'nombre')} habitants`);
		expect(await page.locator('#regions a[href^="/territoires/regions/"]').count()).toBe(18);
		expect(await page.locator('#departements ~ div a[href^="/territoires/departements/"]').count()).toBe(101);

		const indicator = indicatorIn('FR');
		const latest = latestIn(indicator.code, 'FR')!;
		const line = plain(await row(page, `/indicateurs/${indicator.code}`).textContent());
		expect(line).toContain(french(latest.value, indicator.unit));
		expect(line).toContain(period(latest.date));
	});

	it('has no axe-core violations', async () => {
		const page = await open('/territoires/france');
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('région', () => {
	it('Auvergne-Rhône-Alpes: breadcrumb, population, départements, neighbours, values beside France', async () => {
		const page = await open('/territoires/regions/84');
		expect(await text(page, 'h1')).toBe('Auvergne-Rhône-Alpes');
		expect(await breadcrumb(page)).toBe('Accueil › Territoires › Auvergne-Rhône-Alpes');
		expect(await page.locator('nav.fr-breadcrumb [aria-current="page"]').textContent()).toBe('Auvergne-Rhône-Alpes');
		expect(await text(page, 'main')).toContain(`${french(population('R84'), 'nombre')} habitants`);

		const departements = storeQuery<{ insee_code: string }>("SELECT insee_code FROM territories WHERE parent_code = 'R84'");
		for (const d of departements) expect(await page.locator(`a[href="/territoires/departements/${d.insee_code}"]`).count()).toBe(1);
		expect(await page.locator('a[href="/territoires/regions/93"]').count()).toBe(1); // Provence-Alpes-Côte d'Azur borders it

		const indicator = indicatorIn('R84', 'FR');
		const line = plain(await row(page, `/indicateurs/${indicator.code}?territoire=R84`).textContent());
		const here = latestIn(indicator.code, 'R84')!;
		const france = latestIn(indicator.code, 'FR')!;
		expect(line.indexOf(french(here.value, indicator.unit))).toBeGreaterThan(-1);
		expect(line.indexOf(french(france.value, indicator.unit))).toBeGreaterThan(line.indexOf(french(here.value, indicator.unit)));
	});

	it('has no axe-core violations', async () => {
		const page = await open('/territoires/regions/84');
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('département', () => {
	it('Corse-du-Sud: breadcrumb, population, région, préfecture, neighbours', async () => {
		const page = await open('/territoires/departements/2A');
		expect(await text(page, 'h1')).toBe('Corse-du-Sud');
		expect(await breadcrumb(page)).toBe('Accueil › Territoires › Corse › Corse-du-Sud');
		expect(await page.locator('nav.fr-breadcrumb a[href="/territoires/regions/94"]').count()).toBe(1);
		const main = await text(page, 'main');
		expect(main).toContain(`${french(population('D2A'), 'nombre')} habitants`);
		expect(main).toMatch(/Source : Insee, populations légales/);
		expect(main).toContain('Ajaccio');
		const prefecture = await page.locator('a', { hasText: 'Coordonnées et site de la préfecture' }).getAttribute('href');
		expect(prefecture).toMatch(/^https:\/\/lannuaire\.service-public\.fr\/recherche\?/);
		expect(new URL(prefecture!).searchParams.get('where')).toBe('Corse-du-Sud');
		expect(await page.locator('main a[href="/territoires/departements/2B"]').textContent()).toBe('Haute-Corse (2B)');
	});

	it('shows each value with its date, the région and France beside it, and a decorative sparkline', async () => {
		const page = await open('/territoires/departements/2A');
		const indicator = indicatorIn('D2A', 'R94', 'FR');
		const line = row(page, `/indicateurs/${indicator.code}?territoire=D2A`);
		const content = plain(await line.textContent());
		const [here, region, france] = ['D2A', 'R94', 'FR'].map((t) => latestIn(indicator.code, t)!);
		const positions = [here, region, france].map((v) => content.indexOf(french(v.value, indicator.unit)));
		expect(positions.every((p) => p >= 0), `${content} / ${JSON.stringify([here, region, france])}`).toBe(true);
		expect(positions[1]).toBeGreaterThan(positions[0]);
		expect(positions[2]).toBeGreaterThan(positions[1]);
		// A figure more than a year old has its age said in words (« donnée de mai 2024 », « donnée d’avril 2024 »).
		const when = period(here.date);
		const surelyOld = Number(here.date.slice(0, 4)) <= new Date().getFullYear() - 2;
		expect(content).toContain(surelyOld ? (/^[aeiouyàâéèêîôû]/i.test(when) ? `donnée d’${when}` : `donnée de ${when}`) : when);
		const series = storeQuery<{ n: number }>(
			`SELECT count(*) AS n FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
			 WHERE i.code = ? AND t.code = 'D2A' AND o.date <> ''`,
			indicator.code
		)[0].n;
		if (series >= 2) {
			expect(await line.locator('svg').getAttribute('aria-hidden')).toBe('true');
			expect(content).toContain(`${series} valeurs`);
		}
	});

	it('keeps one family with ?famille=, links each indicator to its page for the territory', async () => {
		const page = await open('/territoires/departements/2A?famille=politiques-prioritaires');
		expect(await page.locator('section h3').allTextContents()).toEqual(['Politiques prioritaires (2023 et après)']);
		const hrefs = await page.locator('th[scope="row"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
		expect(hrefs.length).toBeGreaterThan(10);
		expect(hrefs.every((h) => /^\/indicateurs\/[^?]+\?territoire=D2A$/.test(h ?? ''))).toBe(true);
	});

	it('an overseas département renders, without land neighbours', async () => {
		const page = await open('/territoires/departements/971');
		expect(await text(page, 'h1')).toBe('Guadeloupe');
		expect(await text(page, 'main')).toContain('Aucun : pas de frontière terrestre');
	});

	it('has no axe-core violations', async () => {
		const page = await open('/territoires/departements/2A');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('fits a 390 px wide screen (wide tables scroll inside their own region)', async () => {
		const page = await open('/territoires/departements/2A', { width: 390 });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});

describe('addresses', () => {
	it('an unknown territory is a 404 with a helpful message', async () => {
		const page = await newPage();
		const response = await page.goto(baseUrl() + '/territoires/departements/99');
		expect(response?.status()).toBe(404);
		const body = plain(await page.locator('main').textContent());
		expect(body).toContain('Aucun département n’a le numéro « 99 »');
		expect(body).toContain('2A et 2B pour la Corse');
		expect((await page.goto(baseUrl() + '/territoires/regions/99'))?.status()).toBe(404);
		expect((await page.goto(baseUrl() + '/territoires/departements/abc'))?.status()).toBe(404);
	});

	it('a malformed or unknown ?famille= is a 400', async () => {
		const page = await newPage();
		expect((await page.goto(baseUrl() + '/territoires/departements/2A?famille=%3Cscript%3E'))?.status()).toBe(400);
		expect((await page.goto(baseUrl() + '/territoires/regions/84?famille=inconnue'))?.status()).toBe(400);
		expect(plain(await page.locator('main').textContent())).toContain('Famille inconnue : « inconnue »');
	});

	it('code variants go to the canonical address', async () => {
		const page = await newPage();
		await page.goto(baseUrl() + '/territoires/departements/2a');
		expect(new URL(page.url()).pathname).toBe('/territoires/departements/2A');
		await page.goto(baseUrl() + '/territoires/departements/1');
		expect(new URL(page.url()).pathname).toBe('/territoires/departements/01');
		await page.goto(baseUrl() + '/territoires');
		expect(new URL(page.url()).pathname).toBe('/territoires');
		expect(await page.locator('main a[href^="/territoires/departements/"]').count()).toBe(101);
		expect(await page.locator('main a[href^="/territoires/regions/"]').count()).toBe(18);
	});
});
