/**
 * What the public pages read for issue 13 add to the programme pages, in Chromium without
 * JavaScript at 375 px: each gap the seed records is stated in « Ce que les sources ne disent pas »
 * of its page with a link to the source that would fill it; the labs network's size of
 * 21 November 2024 and the Services Publics+ engagements are shown with their date and source,
 * and the engagements download matches the store.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv/read';
import { baseUrl, plain, storeQuery, useBrowser } from './harness';

const { newPage } = useBrowser();

async function open(path: string): Promise<Page> {
	const page = await newPage({ javaScript: false, width: 375 });
	const response = await page.goto(baseUrl() + path);
	expect(response?.status()).toBe(200);
	await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
	return page;
}

interface GapRow {
	text: string;
	url: string;
	title: string;
}
const gapsOf = (page: string) =>
	storeQuery<GapRow>(
		`SELECT e.name AS text, s.url, s.title FROM entities e JOIN sources s ON s.id = e.source_ids
		 WHERE e.kind = 'lacune' AND json_extract(e.attributes, '$.page') = ? ORDER BY e.id`,
		page
	);

describe('gaps of the pages read, on their page with the source that would fill them', () => {
	it.each([['laboratoires'], ['budgets'], ['complexite'], ['services-publics-plus']])('/programmes/%s', async (programme) => {
		const gaps = gapsOf(programme);
		expect(gaps.length).toBeGreaterThan(0);
		const page = await open(`/programmes/${programme}`);
		const callout = page.getByRole('region', { name: 'Ce que les sources ne disent pas' });
		const items = callout.locator('li');
		const texts = (await items.allTextContents()).map(plain);
		for (const gap of gaps) {
			const item = items.filter({ hasText: gap.text.slice(0, 60) });
			expect(await item.count(), gap.text).toBe(1);
			expect(texts.find((t) => t.startsWith(plain(gap.text))), gap.text).toContain(`Source qui la comblerait : ${plain(gap.title)}`);
			expect(texts.find((t) => t.startsWith(plain(gap.text))), gap.text).toContain(`à l'adresse ${gap.url}.`);
			expect(await item.getByRole('link', { name: gap.title }).getAttribute('href')).toBe(gap.url);
		}
		// Nothing sideways at 375 px: the long addresses wrap.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
		await page.close();
	});
});

describe('facts of the pages read', () => {
	it('the labs page dates the network’s 16 labs and the 135 labs of the DITP’s network 21 November 2024, with their source', async () => {
		const [size] = storeQuery<{ value: number; title: string }>(
			`SELECT o.value, s.title FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN sources s ON s.id = o.source_id
			 WHERE i.code = 'labs-nb-labs-innovation-publique-reseau-ditp' AND o.date = '2024-11-21'`
		);
		expect(size.value).toBe(135);
		const page = await open('/programmes/laboratoires');
		const text = plain(await page.locator('main').textContent());
		expect(text).toContain('16 laboratoires au 21 novembre 2024');
		const row = plain(await page.locator('tr', { hasText: "Laboratoires d'innovation publique du réseau animé par la DITP" }).first().textContent());
		expect(row).toContain('135');
		expect(row).toContain('21 novembre 2024');
		expect(await page.getByRole('link', { name: size.title }).count()).toBeGreaterThan(0);
		await page.close();
	});

	it('Services Publics+ lists the engagements the store holds, in their words, with their source; engagements.csv matches', async () => {
		const stored = storeQuery<{ id: string; number: number; text: string; date: string; sources: string }>(
			`SELECT id, json_extract(attributes, '$.numero') AS number, json_extract(attributes, '$.texte') AS text, date, source_ids AS sources
			 FROM entities WHERE kind = 'engagement-services-publics-plus' ORDER BY number`
		);
		expect(stored.map((e) => e.number)).toEqual([1, 2, 3, 4, 5]);
		const page = await open('/programmes/services-publics-plus');
		const rows = await page
			.getByRole('region', { name: 'Engagements de Services Publics+', exact: true })
			.locator('tbody tr')
			.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').trim())));
		expect(rows).toEqual(stored.map((e) => [String(e.number), e.text]));
		const section = page.locator('section', { has: page.getByRole('heading', { name: 'Les engagements de Services Publics+' }) });
		expect(plain(await section.textContent())).toContain('Le programme compte 9 engagements communs à tous les services publics (en novembre 2021)');
		const [w02] = storeQuery<{ title: string; url: string }>("SELECT title, url FROM sources WHERE id = 'W02'");
		expect(await section.getByRole('link', { name: w02.title }).getAttribute('href')).toBe(w02.url);
		expect(await page.locator('a[href="/programmes/services-publics-plus/engagements.csv"]').count()).toBe(1);
		await page.close();

		const res = await fetch(baseUrl() + '/programmes/services-publics-plus/engagements.csv');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const parsed = parseCsv(await res.text());
		expect(parsed.problems).toEqual([]);
		const [header, ...lines] = parsed.rows.map((r) => r.fields);
		expect(header).toEqual(['entite_id', 'numero', 'engagement', 'date', 'source_id']);
		expect(lines).toEqual(stored.map((e) => [e.id, String(e.number), e.text, e.date, e.sources]));
	});
});
