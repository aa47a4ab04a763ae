/**
 * Territory pages in Chromium: France, a région, a département (and an overseas one), with the
 * figures the store holds (values per 100 000 inhabitants and ranks recomputed here from the
 * store), French formatting, navigation, the family and theme filters, errors, what fits a phone,
 * the page budget and accessibility in light and dark schemes.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, baseUrl, hydrated, plain, storeQuery, useBrowser } from './harness';

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

/** The family of an indicator: territory pages show one family at a time (`?famille=`). */
const familyOf = (code: string) =>
	storeQuery<{ f: string }>('SELECT p.family_id AS f FROM indicators i JOIN policies p ON p.id = i.policy_id WHERE i.code = ?', code)[0].f;

async function open(path: string, options: { width?: number; scheme?: 'light' | 'dark'; javaScript?: boolean } = {}): Promise<Page> {
	const page = await newPage(options);
	if (options.scheme) await page.emulateMedia({ colorScheme: options.scheme });
	const response = await page.goto(baseUrl() + path);
	expect(response?.status(), path).toBe(200);
	if (options.javaScript !== false) await hydrated(page);
	return page;
}

/** Elements matching `selector` whose content is wider than their box, or that stick out of the page. */
async function overflowing(page: Page, selector: string): Promise<string[]> {
	return page.locator(selector).evaluateAll((els) =>
		els
			.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
			.map((el) => `${el.tagName}.${el.className} ${el.scrollWidth}>${el.clientWidth}`)
	);
}

const text = async (page: Page, selector: string) => plain(await page.locator(selector).first().textContent());
const breadcrumb = async (page: Page) => (await page.locator('nav.fr-breadcrumb li').allTextContents()).map(plain).join(' › ');
/** The item of one indicator in the list (its name links to the indicator page). */
const row = (page: Page, href: string) => page.locator('ul.indicateurs > li', { has: page.locator(`a[href="${href}"]`) });

describe('France', () => {
	it('shows its population, its régions and national values from the store', async () => {
		const page = await open('/territoires/france');
		expect(await text(page, 'h1')).toBe('France');
		expect(await text(page, 'main')).toContain(`${french(population('FR'), 'nombre')} habitants`);
		expect(await page.locator('#regions a[href^="/territoires/regions/"]').count()).toBe(18);
		expect(await page.locator('#departements ~ div a[href^="/territoires/departements/"]').count()).toBe(101);

		const indicator = indicatorIn('FR');
		const latest = latestIn(indicator.code, 'FR')!;
		const family = await open(`/territoires/france?famille=${familyOf(indicator.code)}`);
		const line = plain(await row(family, `/indicateurs/${indicator.code}`).textContent());
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
		const family = await open(`/territoires/regions/84?famille=${familyOf(indicator.code)}`);
		const line = plain(await row(family, `/indicateurs/${indicator.code}?territoire=R84`).textContent());
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

	it('shows each value with its date, and the région and France beside it', async () => {
		const indicator = indicatorIn('D2A', 'R94', 'FR');
		const page = await open(`/territoires/departements/2A?famille=${familyOf(indicator.code)}`);
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
	});

	it('keeps one family with ?famille=, links each indicator to its page for the territory', async () => {
		for (const famille of ['politiques-prioritaires', 'barometre-2017-2022']) {
			const page = await open(`/territoires/departements/2A?famille=${famille}`);
			const [{ name, n }] = storeQuery<{ name: string; n: number }>(
				`SELECT f.name, count(DISTINCT i.id) AS n FROM families f JOIN policies p ON p.family_id = f.id JOIN indicators i ON i.policy_id = p.id
				 WHERE f.id = ? AND EXISTS (SELECT 1 FROM observations o JOIN territories t ON t.id = o.territory_id WHERE o.indicator_id = i.id AND t.code = 'D2A')`,
				famille
			);
			expect(await page.locator('section h3').allTextContents()).toEqual([name]);
			const hrefs = await page.locator('ul.indicateurs > li > a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
			expect(hrefs.length).toBe(n);
			expect(hrefs.every((h) => /^\/indicateurs\/[^?]+\?territoire=D2A$/.test(h ?? ''))).toBe(true);
		}
		// Without ?famille=, the first family: the priority policies.
		const page = await open('/territoires/departements/2A');
		expect(await page.locator('section h3').allTextContents()).toEqual(['Politiques prioritaires (2023 et après)']);
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

	it('fits a 390 px wide screen', async () => {
		const page = await open('/territoires/departements/2A', { width: 390 });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});

describe('Seine-Saint-Denis, on a phone and against the store', () => {
	it('at 375 px the value and the status of the first five indicators are on screen, nothing wider than its container', async () => {
		const page = await open('/territoires/departements/93', { width: 375 });
		const items = page.locator('ul.indicateurs > li');
		expect(await items.count()).toBeGreaterThan(20);
		for (let i = 0; i < 5; i++) {
			for (const part of ['a', 'p strong', '.fr-badge']) {
				const box = (await items.nth(i).locator(part).first().boundingBox())!;
				expect(box.x, `${i} ${part}`).toBeGreaterThanOrEqual(0);
				expect(box.x + box.width, `${i} ${part}`).toBeLessThanOrEqual(375);
			}
		}
		expect(await page.locator('main table').count()).toBe(0);
		expect(await overflowing(page, 'main ul, main ol, main dl, main table, main form')).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	});

	it('at 1280 px each indicator is one row: name, value, status and comparisons side by side, nothing overflowing', async () => {
		const page = await open('/territoires/departements/93');
		const first = page.locator('ul.indicateurs > li').first();
		const [name, value, status] = await Promise.all(['a', 'p strong', '.fr-badge'].map(async (part) => (await first.locator(part).first().boundingBox())!));
		expect(value.x).toBeGreaterThan(name.x + name.width - 1);
		expect(status.x).toBeGreaterThan(value.x);
		expect(Math.abs(status.y - name.y)).toBeLessThan(30);
		expect(await overflowing(page, 'main ul, main ol, main dl, main table, main form')).toEqual([]);
	});

	it('a count is shown per 100 000 inhabitants here, in the région and in France, with its rank among départements from the store', async () => {
		const code = 'IND-311';
		const page = await open(`/territoires/departements/93?famille=${familyOf(code)}`);
		const content = plain(await row(page, `/indicateurs/${code}?territoire=D93`).textContent());
		const here = latestIn(code, 'D93')!;
		const [{ direction }] = storeQuery<{ direction: string }>('SELECT direction FROM indicators WHERE code = ?', code);
		// Every département with a value at the same date, per 100 000 inhabitants.
		const peers = storeQuery<{ code: string; value: number; population: number }>(
			`SELECT t.code, o.value, t.population FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
			 WHERE i.code = ? AND t.level = 'departement' AND o.date = ? AND t.population > 0`,
			code,
			here.date
		).map((p) => ({ ...p, perCapita: (p.value * 100_000) / p.population }));
		const own = peers.find((p) => p.code === 'D93')!;
		const better = peers.filter((p) => (direction === 'baisse' ? p.perCapita < own.perCapita : p.perCapita > own.perCapita)).length;
		expect(content).toContain(`Rang : ${better === 0 ? '1er' : `${better + 1}e`} sur ${peers.length} départements`);
		// Values per 100 000 inhabitants beside the raw counts, in this order: here, the région, France.
		const perCapitaText = (v: number) => (v >= 100 ? french(Math.round(v), 'nombre') : french(v, 'nombre'));
		expect(content).toContain(`${perCapitaText(own.perCapita)} pour 100 000 habitants`);
		expect(content).toContain(`(soit ${french(here.value, 'nombre')})`);
		const region = latestIn(code, 'R11')!;
		const france = latestIn(code, 'FR')!;
		expect(content).toContain(`Île-de-France : ${perCapitaText((region.value * 100_000) / population('R11'))} (soit ${french(region.value, 'nombre')})`);
		expect(content).toContain(`France : ${perCapitaText((france.value * 100_000) / population('FR'))} (soit ${french(france.value, 'nombre')})`);
	});

	it('the theme filter keeps that theme\'s indicators (counted in the store), with the GET form and without JavaScript', async () => {
		const countIn = (theme: string) =>
			storeQuery<{ n: number }>(
				`SELECT count(DISTINCT i.id) AS n FROM indicators i JOIN policies p ON p.id = i.policy_id
				 WHERE p.family_id = 'politiques-prioritaires' AND coalesce(i.theme_id, p.theme_id) = ?
				 AND EXISTS (SELECT 1 FROM observations o JOIN territories t ON t.id = o.territory_id WHERE o.indicator_id = i.id AND t.code = 'D93')`,
				theme
			)[0].n;
		const page = await open('/territoires/departements/93', { javaScript: false });
		const all = await page.locator('ul.indicateurs > li').count();
		await page.selectOption('#filtre-theme', 'sante');
		await Promise.all([page.waitForURL(/theme=sante/), page.getByRole('button', { name: 'Afficher' }).click()]);
		expect(new URL(page.url()).searchParams.get('theme')).toBe('sante');
		const n = countIn('sante');
		expect(n).toBeGreaterThan(0);
		expect(n).toBeLessThan(all);
		expect(await page.locator('ul.indicateurs > li').count()).toBe(n);
		expect(await page.locator('main h4').allTextContents()).toEqual(['Santé']);
		expect(plain(await page.locator('#compte').textContent())).toContain(`${n} indicateur`);
		// A theme with nothing here says so.
		const empty = await open('/territoires/departements/93?famille=politiques-prioritaires&theme=international');
		if (countIn('international') === 0) {
			expect(await empty.locator('ul.indicateurs > li').count()).toBe(0);
			expect(plain(await empty.locator('#compte').textContent())).toContain('Aucun indicateur');
		}
	});

	for (const scheme of ['light', 'dark'] as const) {
		it(`has no axe-core violations in the ${scheme} scheme, at 375 and 1280 px`, async () => {
			for (const width of [375, 1280]) {
				const page = await open('/territoires/departements/93', { width, scheme });
				expect(await axeViolations(page), `${scheme} ${width}`).toEqual([]);
			}
		});
	}
});

describe('page budget', () => {
	for (const path of ['/territoires/departements/93', '/territoires/departements/2A', '/territoires/regions/84', '/territoires/france']) {
		it(`${path}: at most 150 000 bytes of HTML before compression and 2 000 elements`, async () => {
			const html = await (await fetch(baseUrl() + path)).text();
			expect(Buffer.byteLength(html)).toBeLessThanOrEqual(150_000);
			const page = await open(path);
			expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThanOrEqual(2000);
		});
	}
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

	it('a malformed or unknown ?famille= or ?theme= is a 400', async () => {
		const page = await newPage();
		expect((await page.goto(baseUrl() + '/territoires/departements/2A?famille=%3Cscript%3E'))?.status()).toBe(400);
		expect((await page.goto(baseUrl() + '/territoires/regions/84?famille=inconnue'))?.status()).toBe(400);
		expect(plain(await page.locator('main').textContent())).toContain('Famille inconnue : « inconnue »');
		expect((await page.goto(baseUrl() + '/territoires/departements/93?theme=inconnu'))?.status()).toBe(400);
		expect(plain(await page.locator('main').textContent())).toContain('Thème inconnu : « inconnu »');
		expect((await page.goto(baseUrl() + '/territoires/france?theme=%3Cb%3E'))?.status()).toBe(400);
		expect((await page.goto(baseUrl() + '/territoires/departements/93?theme=sante&theme=justice'))?.status()).toBe(400);
		// The form's « Tous » sends an empty theme: all themes.
		expect((await page.goto(baseUrl() + '/territoires/departements/93?famille=politiques-prioritaires&theme='))?.status()).toBe(200);
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
