/**
 * The embeddable programme figures (/integrer/programmes/[programme]/[figure]): every chart of a
 * programme page offers the <iframe> code of its own embed; each embed answers with the same
 * figure as the page (same summary, real figures from the store), without the site's header and
 * footer, with its source lines and a link back to the figure's anchor; framable while the
 * programme pages are not; unknown figures 404; axe-core clean.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, baseUrl, hydrated, plain, storeQuery, useBrowser } from './harness';

const { newPage } = useBrowser();

const PROGRAMMES = ['laboratoires', 'budgets', 'complexite', 'services-publics-plus'];

async function open(path: string): Promise<Page> {
	const page = await newPage();
	const response = await page.goto(baseUrl() + path);
	expect(response?.status(), path).toBe(200);
	await hydrated(page);
	return page;
}

/** The iframe codes of a page, once hydrated (the code gets the site's address in the browser). */
async function iframeCodes(page: Page): Promise<string[]> {
	// Folded under « Intégrer le graphique / la carte » on the page: opened here.
	await page.evaluate(() => document.querySelectorAll('details.integrer').forEach((d) => ((d as HTMLDetailsElement).open = true)));
	await page.getByRole('button', { name: /^Copier le code d’intégration/ }).first().waitFor();
	return page.locator('.telechargements textarea[readonly]').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
}

const embedPath = (code: string) => new URL(/src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&')).pathname;

describe('programme pages: every chart offers its embed', () => {
	it('each figure of the four pages has an iframe code; each embed shows that figure, its summary and sources, and links back to it', async () => {
		const seen: string[] = [];
		for (const programme of PROGRAMMES) {
			const page = await open(`/programmes/${programme}`);
			const figures = page.locator('.figure-programme');
			const codes = await iframeCodes(page);
			expect(codes.length, programme).toBe(await figures.count());
			for (const [i, code] of codes.entries()) {
				expect(code).toMatch(new RegExp(`^<iframe src="${baseUrl()}/integrer/programmes/${programme}/[a-z-]+" width="720" height="\\d+" title="[^"]+"`));
				const path = embedPath(code);
				const figure = path.split('/').at(-1)!;
				// The figure on the page carries the anchor the embed links back to.
				expect(await figures.nth(i).getAttribute('id')).toBe(figure);
				const summary = plain(await figures.nth(i).locator('figcaption').textContent());

				const embed = await open(path);
				expect(await embed.locator('header, footer, .fr-header, .fr-footer').count()).toBe(0);
				expect(plain(await embed.locator('h1').textContent()).length).toBeGreaterThan(10);
				expect(await embed.locator('.figure-programme').count()).toBe(1);
				expect(await embed.locator('.figure-programme svg').count()).toBeGreaterThan(0);
				// Same data as the page: the same one-sentence summary with its key numbers.
				expect(plain(await embed.locator('figcaption').textContent())).toBe(summary);
				// Its source lines, each with its licence (or, for a press text, the copyright it is under).
				expect(plain(await embed.locator('.figure-programme').textContent())).toMatch(/Sources?\b.*(licence|droit d’auteur)/is);
				const back = embed.locator('a[target="_top"]');
				expect(await back.getAttribute('href')).toBe(`/programmes/${programme}#${figure}`);
				// The embed offers the same iframe code again (for whoever finds it there).
				expect(embedPath((await iframeCodes(embed))[0])).toBe(path);
				await embed.close();
				seen.push(`${programme}/${figure}`);
			}
			await page.close();
		}
		expect(seen).toHaveLength(15);
		expect(new Set(seen).size).toBe(15);
	});
});

describe('/donnees: how to embed', () => {
	it('explains the embeds and links the 15 programme figures, each answering', async () => {
		const page = await open('/donnees');
		const section = page.locator('section[aria-labelledby="integrer"]');
		expect(plain(await section.locator('h2').textContent())).toBe('Intégrer un graphique sur votre site');
		expect(plain(await section.textContent())).toContain('/integrer/comparer?t=R84,R93,D2A&indicateur=IND-200');
		const links = await section.locator('a[href^="/integrer/programmes/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
		expect(links).toHaveLength(15);
		for (const href of links) expect((await fetch(baseUrl() + href)).status, href).toBe(200);
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('programme embeds: real figures', () => {
	it('France services by département: 101 départements on the map, the stored latest values in the table', async () => {
		const stored = storeQuery<{ insee: string; value: number }>(
			`SELECT t.insee_code AS insee, o.value FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
			 WHERE i.code = 'IND-246' AND t.level = 'departement'
			   AND o.date = (SELECT MAX(o2.date) FROM observations o2 JOIN territories t2 ON t2.id = o2.territory_id WHERE o2.indicator_id = o.indicator_id AND t2.level = 'departement')`
		);
		expect(stored.length).toBeGreaterThan(90);
		const page = await open('/integrer/programmes/services-publics-plus/france-services');
		expect(plain(await page.locator('h1').textContent())).toBe('France services : satisfaction des usagers par département');
		expect(await page.locator('svg.carte [data-code]:not([data-encart] *)').count()).toBe(101);
		for (const { insee, value } of stored.filter((s) => ['2A', '75', '974'].includes(s.insee))) {
			const row = plain(await page.locator(`tr#fs-${insee}`).textContent());
			expect(row).toContain(`${plain(value.toLocaleString('fr-FR', { maximumFractionDigits: 2 }))} %`);
		}
		// The map's départements lead to their rows, inside the frame.
		await page.locator('svg.carte a:has([data-code="2A"])').focus();
		await page.keyboard.press('Enter');
		await page.waitForURL('**/integrer/programmes/services-publics-plus/france-services#fs-2A');
	});

	it('labs by région: the number of State labs the store lists for each région', async () => {
		const page = await open('/integrer/programmes/laboratoires/carte');
		expect(await page.locator('svg.carte [data-code]:not([data-encart] *)').count()).toBe(18);
		const labs = storeQuery<{ region: string; attributes: string }>(
			`SELECT t.insee_code AS region, e.attributes FROM entities e JOIN territories t ON t.id = e.territory_id WHERE e.kind = 'laboratoire'`
		).filter((lab) => !/hors r[ée]seau/i.test(JSON.parse(lab.attributes).status_note ?? ''));
		const counts = new Map<string, number>();
		for (const { region } of labs) counts.set(region, (counts.get(region) ?? 0) + 1);
		expect(counts.size).toBeGreaterThan(5);
		for (const [region, n] of counts) {
			const cells = await page.locator(`tr#region-${region} td`).allTextContents();
			expect(Number(plain(cells[0])), region).toBe(n);
		}
	});
});

describe('programme embeds: errors and framing', () => {
	it('unknown programme or figure: 404 naming what exists; query parameters are ignored, as on every page', async () => {
		for (const [path, hint] of [
			['/integrer/programmes/budgets/inconnu', 'Graphiques intégrables : appels, credits-ae, credits-cp, projets.'],
			['/integrer/programmes/inconnu/appels', 'Programmes : laboratoires, budgets, complexite, services-publics-plus.'],
			['/integrer/programmes/budgets/toString', 'Graphiques intégrables :']
		] as const) {
			const response = await fetch(baseUrl() + path);
			expect(response.status, path).toBe(404);
			expect(await response.text()).toContain(hint);
		}
		// The error page inside a frame opens the site's pages out of it (they refuse to be framed).
		const error = await newPage();
		expect((await error.goto(baseUrl() + '/integrer/programmes/budgets/inconnu'))?.status()).toBe(404);
		expect(await error.locator('a[href="/"]').getAttribute('target')).toBe('_top');
		const outside = await newPage();
		expect((await outside.goto(baseUrl() + '/programmes/inconnu'))?.status()).toBe(404);
		expect(await outside.locator('main a[href="/"]').getAttribute('target')).toBeNull();
		const page = await open('/integrer/programmes/budgets/appels?utm_source=prefecture');
		expect(plain(await page.locator('h1').textContent())).toBe('Montant attribué par appel à projets du FTAP');
	});

	it('the embed may be framed by any site; the programme page may not', async () => {
		const embed = await fetch(baseUrl() + '/integrer/programmes/budgets/appels');
		expect(embed.headers.get('x-frame-options')).toBeNull();
		expect(embed.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
		const page = await fetch(baseUrl() + '/programmes/budgets');
		expect(page.headers.get('x-frame-options')).toBe('DENY');
		expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
	});

	for (const path of ['/integrer/programmes/laboratoires/carte', '/integrer/programmes/complexite/moyennes']) {
		it(`no axe-core violations: ${path}`, async () => {
			const page = await open(path);
			await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
			expect(await axeViolations(page)).toEqual([]);
		});
	}
});
