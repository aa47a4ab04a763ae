/**
 * The territory picker in Chromium: the header combobox with JavaScript (suggestions, keyboard,
 * announcements), the plain GET form to /recherche without it, the suggestions endpoint, and
 * accessibility of the search pages.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, baseUrl, plain, useBrowser } from './harness';

const { newPage } = useBrowser();

const AJACCIO = 'Ajaccio (20000) — Corse-du-Sud';
const CORSE = ['Corse — région', 'Corse-du-Sud (2A) — département, Corse', 'Haute-Corse (2B) — département, Corse'];

/** The home page, hydrated: the header input has become a combobox. */
async function hydratedHome(): Promise<Page> {
	const page = await newPage();
	await page.goto(baseUrl() + '/');
	await page.locator('header [role="combobox"]').waitFor();
	return page;
}

const combobox = (page: Page) => page.locator('header').getByRole('combobox', { name: 'Rechercher un territoire' });
const options = (page: Page) => page.locator('header').getByRole('option');
const status = (page: Page) => page.locator('header [role="status"]');

async function typeAndWait(page: Page, query: string, firstOption: string): Promise<void> {
	await combobox(page).fill(query);
	await page.locator('header').getByRole('option', { name: firstOption }).waitFor();
}

// Pages are first loaded as HTML (no JavaScript, search addresses), then visited client-side.
describe('search addresses', () => {
	it('the suggestions endpoint answers JSON and refuses a bad q with a 400 JSON error', async () => {
		const ok = await fetch(baseUrl() + '/recherche/suggestions.json?q=2A');
		expect(ok.status).toBe(200);
		const body = (await ok.json()) as { total: number; results: { label: string; href: string }[] };
		expect(body.results[0]).toMatchObject({ label: 'Corse-du-Sud (2A) — département, Corse', href: '/territoires/departements/2A' });
		expect(body.results.length).toBeLessThanOrEqual(8);

		for (const q of ['', '%20%20', 'a'.repeat(61)]) {
			const bad = await fetch(`${baseUrl()}/recherche/suggestions.json?q=${q}`);
			expect(bad.status, q).toBe(400);
			expect(bad.headers.get('content-type')).toMatch(/application\/json/);
			expect(((await bad.json()) as { error: string }).error).toMatch(/Recherche|Paramètre/);
		}
		expect((await fetch(baseUrl() + '/recherche/suggestions.json')).status).toBe(400);
	});

	it('/recherche with a query over 60 characters is a 400; without a query, a form', async () => {
		expect((await fetch(`${baseUrl()}/recherche?q=${'a'.repeat(61)}`)).status).toBe(400);
		const page = await newPage();
		expect((await page.goto(baseUrl() + '/recherche'))?.status()).toBe(200);
		expect(await page.locator('main form[role="search"]').count()).toBe(1);
	});

	it('/recherche with JavaScript has no axe-core violations', async () => {
		const page = await newPage();
		await page.goto(baseUrl() + '/recherche?q=corse');
		await page.locator('main [role="combobox"]').waitFor();
		expect(await axeViolations(page)).toEqual([]);
	});
});

// axe-core is injected as a script, so it cannot run on a page without JavaScript: the same
// server-rendered markup is checked on /recherche with JavaScript (« search addresses »).
describe('picker without JavaScript', () => {
	async function submit(query: string): Promise<Page> {
		const page = await newPage({ javaScript: false });
		await page.goto(baseUrl() + '/');
		const input = page.locator('header').getByRole('searchbox', { name: 'Rechercher un territoire' });
		await input.fill(query);
		await input.press('Enter');
		await page.waitForURL(`**/recherche?q=${encodeURIComponent(query)}`);
		return page;
	}
	const results = (page: Page) => page.locator('main ul.resultats a');

	it('« Ajaccio » goes to /recherche, which lists Ajaccio in Corse-du-Sud', async () => {
		const page = await submit('Ajaccio');
		expect(plain(await page.locator('h2#resultats').textContent())).toBe('1 territoire trouvé pour « Ajaccio »');
		expect(await results(page).allTextContents()).toEqual([AJACCIO]);
		expect(await results(page).first().getAttribute('href')).toBe('/territoires/departements/2A');
	});

	it('« 20000 » and « corse » too', async () => {
		const postal = await submit('20000');
		expect((await results(postal).allTextContents())[0]).toBe(AJACCIO);
		const corse = await submit('corse');
		expect((await results(corse).allTextContents()).slice(0, 3)).toEqual(CORSE);
		expect(await results(corse).nth(0).getAttribute('href')).toBe('/territoires/regions/94');
		// No combobox roles without JavaScript: nothing would answer them.
		expect(await corse.locator('[role="combobox"], [role="listbox"]').count()).toBe(0);
	});

});

describe('picker with JavaScript', () => {
	it('suggests Ajaccio in Corse-du-Sud, announces the count, and opens it with ↓ Entrée', async () => {
		const page = await hydratedHome();
		const input = combobox(page);
		expect(await input.getAttribute('aria-expanded')).toBe('false');
		await typeAndWait(page, 'Ajaccio', AJACCIO);
		expect(await input.getAttribute('aria-expanded')).toBe('true');
		expect(await options(page).allTextContents()).toEqual([AJACCIO]);
		expect(plain(await status(page).textContent())).toBe('1 résultat trouvé. Flèches haut et bas pour parcourir, Entrée pour ouvrir.');

		await input.press('ArrowDown');
		const active = await input.getAttribute('aria-activedescendant');
		expect(active).toBeTruthy();
		expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');

		await input.press('Enter');
		await page.waitForURL('**/territoires/departements/2A');
		expect(plain(await page.locator('h1').textContent())).toBe('Corse-du-Sud');
		expect(await combobox(page).inputValue()).toBe('');
	});

	it('« 20000 » finds Ajaccio by its postal code', async () => {
		const page = await hydratedHome();
		await typeAndWait(page, '20000', AJACCIO);
		expect((await options(page).allTextContents())[0]).toBe(AJACCIO);
	});

	it('« corse » lists the région, then Corse-du-Sud and Haute-Corse; arrows wrap around', async () => {
		const page = await hydratedHome();
		await typeAndWait(page, 'corse', CORSE[0]);
		const labels = await options(page).allTextContents();
		expect(labels.slice(0, 3)).toEqual(CORSE);
		expect(plain(await status(page).textContent())).toMatch(/^\d+ résultats trouvés/);

		const input = combobox(page);
		const selected = async () => plain(await page.locator(`[id="${await input.getAttribute('aria-activedescendant')}"]`).textContent());
		await input.press('ArrowUp');
		expect(await selected()).toBe(labels.at(-1));
		await input.press('ArrowDown');
		expect(await selected()).toBe(CORSE[0]);
		await input.press('ArrowDown');
		expect(await selected()).toBe(CORSE[1]);
		await input.press('Enter');
		await page.waitForURL('**/territoires/departements/2A');
	});

	it('Échap closes the list, then clears the text', async () => {
		const page = await hydratedHome();
		await typeAndWait(page, 'corse', CORSE[0]);
		const input = combobox(page);
		await input.press('ArrowDown');
		await input.press('Escape');
		expect(await input.getAttribute('aria-expanded')).toBe('false');
		expect(await input.getAttribute('aria-activedescendant')).toBeNull();
		expect(await input.inputValue()).toBe('corse');
		expect(await page.locator('header [role="listbox"]').isVisible()).toBe(false);
		await input.press('Escape');
		expect(await input.inputValue()).toBe('');
	});

	it('a click on a suggestion opens it; Entrée without a choice opens the full results', async () => {
		const page = await hydratedHome();
		await typeAndWait(page, 'corse', CORSE[0]);
		await page.locator('header').getByRole('option', { name: CORSE[0] }).click();
		await page.waitForURL('**/territoires/regions/94');

		await typeAndWait(page, 'corse', CORSE[0]);
		await combobox(page).press('Enter');
		await page.waitForURL('**/recherche?q=corse');
		expect(await page.locator('main').getByRole('link', { name: CORSE[1] }).getAttribute('href')).toBe('/territoires/departements/2A');
	});

	it('has no axe-core violations with the list open', async () => {
		const page = await hydratedHome();
		await typeAndWait(page, 'corse', CORSE[0]);
		await combobox(page).press('ArrowDown');
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('a page opened from the picker', () => {
	// SvelteKit loads it client-side through `…/__data.json`, whose `event.url` is the page's own
	// address: a response cache keyed on the URL alone would then serve that JSON as the page.
	it('is still HTML for the next visitor', async () => {
		const page = await hydratedHome();
		await typeAndWait(page, '2B', 'Haute-Corse (2B) — département, Corse');
		await combobox(page).press('ArrowDown');
		await combobox(page).press('Enter');
		await page.waitForURL('**/territoires/departements/2B');
		const response = await fetch(baseUrl() + '/territoires/departements/2B');
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
	});
});
