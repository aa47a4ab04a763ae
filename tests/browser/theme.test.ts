/** The two themes: DSFR (State services) by default, neutral for anyone else reusing the code. */
import { inject, describe, expect, it } from 'vitest';
import { axeViolations, baseUrl, useBrowser } from './harness';

const { newPage } = useBrowser();

async function fontsLoaded(url: string) {
	const page = await newPage();
	const fonts: string[] = [];
	page.on('requestfinished', (request) => {
		if (request.resourceType() === 'font') fonts.push(request.url());
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	return { page, fonts };
}

describe('themes', () => {
	it('the default DSFR theme shows the République française bloc-marque and uses Marianne', async () => {
		const { page, fonts } = await fontsLoaded(baseUrl() + '/');
		expect(await page.locator('header .fr-logo').count()).toBe(1);
		expect(fonts.some((f) => /Marianne/i.test(f))).toBe(true);
	});

	it('PUBLIC_THEME=neutre: no State branding, system fonts only (Marianne is never downloaded)', async () => {
		const { page, fonts } = await fontsLoaded(inject('neutralUrl') + '/');
		expect(await page.locator('.fr-logo').count()).toBe(0);
		expect(fonts.filter((f) => /Marianne|Spectral/i.test(f))).toEqual([]);
		const family = await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontFamily);
		expect(family).toContain('system-ui');
		expect(await page.locator('h1').textContent()).toBe('Où en sont les politiques publiques ?');
		expect(await axeViolations(page)).toEqual([]);
	});
});
