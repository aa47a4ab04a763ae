/** /donnees/mises-a-jour: each release with its dates, counts and downloads, at 375 and 1280 px, light and dark. */
import { describe, expect, it } from 'vitest';
import { axeViolations, baseUrl, plain, storeQuery, useBrowser } from './harness';

const { newPage } = useBrowser();

describe('release history page', () => {
	it('lists each release with its date, counts, files and downloads, from the store', async () => {
		const page = await newPage();
		const response = await page.goto(baseUrl() + '/donnees/mises-a-jour');
		expect(response?.status()).toBe(200);
		expect(await page.locator('html').getAttribute('lang')).toBe('fr');
		expect(plain(await page.locator('h1').textContent())).toBe('Mises à jour des données');
		const [release] = storeQuery<{ id: number; inserted: number; files: string }>('SELECT id, inserted, files FROM releases ORDER BY id DESC LIMIT 1');
		const section = page.locator(`#livraison-${release.id}`);
		expect(plain(await section.locator('h2').textContent())).toBe(`Livraison n° ${release.id}`);
		const counts = (await section.locator('.compteurs li').allTextContents()).map(plain);
		expect(counts[0]).toBe(`${release.inserted.toLocaleString('fr-FR').replace(/\s/g, ' ')} ajoutées`);
		expect(counts.slice(1)).toEqual(['0 révisées', '0 retirées', '0 inchangées', '0 lignes sans mesure ignorées']);
		expect(await section.locator('a[href$="/changements.csv"]').getAttribute('href')).toBe(`/api/v1/releases/${release.id}/changements.csv`);
		expect(await section.locator(`a[href="/api/v1/export.zip?livraison=${release.id}"]`).count()).toBe(1);
		expect(plain(await section.locator('details summary').textContent())).toBe(`${JSON.parse(release.files).length} fichiers`);
		const csv = await fetch(`${baseUrl()}/api/v1/releases/${release.id}/changements.csv`);
		expect(csv.status).toBe(200);
		expect((await csv.text()).split('\n')[0]).toBe('indicateur_id,indicateur,maille,code_territoire,territoire,date,ancienne_valeur,nouvelle_valeur,nature');
		// Reached from /donnees.
		await page.goto(baseUrl() + '/donnees');
		expect(await page.locator('a[href="/donnees/mises-a-jour"]').count()).toBeGreaterThan(0);
	}, 120_000);

	for (const width of [375, 1280]) {
		for (const scheme of ['light', 'dark'] as const) {
			it(`is axe-clean and fits the screen at ${width} px (${scheme})`, async () => {
				const page = await newPage({ width });
				await page.emulateMedia({ colorScheme: scheme });
				await page.goto(baseUrl() + '/donnees/mises-a-jour');
				expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
				expect(await axeViolations(page)).toEqual([]);
			});
		}
	}
});
