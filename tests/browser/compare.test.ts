/**
 * The comparison page in Chromium (`/comparer?t=R84,R93,D2A`): real values from the store side by
 * side with France, ranks among peers, per-100 000 values of counts, the family filter, the CSV
 * download matching the table, the source line and iframe code of each small multiple, the
 * « Ajouter » form without JavaScript, 400s, the link from a territory page, and accessibility.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, baseUrl, plain, storeQuery, useBrowser } from './harness';

const { newPage } = useBrowser();
const CHOSEN = ['R84', 'R93', 'D2A'];
const PATH = `/comparer?t=${CHOSEN.join(',')}`;
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** Numbers as the page should print them, written independently of src/lib/format.ts. */
const digits = (value: number, decimals = 2) => plain(value.toLocaleString('fr-FR', { maximumFractionDigits: decimals })).replace('-', '−');
const period = (date: string) => (date.length >= 7 ? `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}` : date.slice(0, 4));

interface Latest {
	value: number;
	date: string;
	qualifier: string | null;
}
const latestIn = (indicator: string, territory: string): Latest | undefined =>
	storeQuery<Latest>(
		`SELECT o.value, o.date, o.qualifier FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
		 WHERE i.code = ? AND t.code = ? AND o.date <> '' ORDER BY o.date DESC LIMIT 1`,
		indicator,
		territory
	)[0];
const MONTH_DAY = (date: string) => {
	const [year, month, day] = date.split('-');
	const monthYear = month ? `${MONTHS[Number(month) - 1]} ${year}` : year;
	return day ? `${Number(day) === 1 ? '1er' : Number(day)} ${monthYear}` : monthYear;
};
/** The source line as the indicator page words it, from the store. */
function expectedSource(code: string): string {
	const [i] = storeQuery<{ producer: string; licence: string; updated: string | null }>(
		'SELECT producer, licence, source_updated_at AS updated FROM indicators WHERE code = ?',
		code
	);
	return `Source : ${i.producer}${i.updated ? `, mise à jour le ${MONTH_DAY(i.updated)}` : ''}. Licence : ${i.licence}.`;
}
const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const population = (code: string) => storeQuery<{ population: number }>('SELECT population FROM territories WHERE code = ?', code)[0].population;

/** Indicators with a dated value in each chosen territory and France, by unit, best-documented first. */
function common(unit: string): { code: string; direction: string }[] {
	return storeQuery<{ code: string; direction: string }>(
		`SELECT i.code, i.direction FROM indicators i WHERE i.unit = ? AND i.direction IN ('hausse', 'baisse') AND ${[...CHOSEN, 'FR']
			.map(() => `EXISTS (SELECT 1 FROM observations o JOIN territories t ON t.id = o.territory_id WHERE o.indicator_id = i.id AND t.code = ? AND o.date <> '')`)
			.join(' AND ')} ORDER BY i.code`,
		unit,
		...CHOSEN,
		'FR'
	).filter((i) => [...CHOSEN, 'FR'].every((t) => latestIn(i.code, t)!.qualifier === null));
}

/** Rank computed here: 1 + the number of régions with a strictly better value (per 100 000 for counts) at that date. */
function expectedRank(indicator: { code: string; direction: string }, code: string, perCapita: boolean): { rank: number; peers: number } {
	const here = latestIn(indicator.code, code)!;
	const level = code.startsWith('R') ? 'region' : 'departement';
	const peers = storeQuery<{ code: string; value: number; population: number }>(
		`SELECT t.code, o.value, t.population FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
		 WHERE i.code = ? AND t.level = ? AND o.date = ?`,
		indicator.code,
		level,
		here.date
	).map((p) => ({ ...p, key: perCapita ? (p.value * 100_000) / p.population : p.value }));
	const mine = peers.find((p) => p.code === code)!.key;
	const better = peers.filter((p) => (indicator.direction === 'hausse' ? p.key > mine : p.key < mine)).length;
	return { rank: better + 1, peers: peers.length };
}

async function open(path: string, options: { javaScript?: boolean; width?: number } = {}): Promise<Page> {
	const page = await newPage(options);
	const response = await page.goto(baseUrl() + path);
	expect(response?.status(), path).toBe(200);
	return page;
}
const cellText = async (page: Page, indicator: string, territory: string) =>
	plain(await page.locator(`article:has(#ind-${indicator}) tr[data-territoire="${territory}"]`).textContent());

/** RFC 4180 CSV into rows of cells. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
			else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') row.push(cell), (cell = '');
		else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
		else cell += ch;
	}
	if (cell || row.length) row.push(cell), rows.push(row);
	return rows;
}

describe('comparison of Auvergne-Rhône-Alpes, Provence-Alpes-Côte d’Azur and Corse-du-Sud', () => {
	it('shows the latest values beside France, the gap in points and the rank among régions or départements', async () => {
		const page = await open(PATH);
		expect(plain(await page.locator('h1').textContent())).toBe("Comparer : Auvergne-Rhône-Alpes, Provence-Alpes-Côte d'Azur, Corse-du-Sud");
		const [indicator] = common('%');
		for (const code of [...CHOSEN, 'FR']) {
			const latest = latestIn(indicator.code, code)!;
			const row = await cellText(page, indicator.code, code);
			expect(row, code).toContain(`${digits(latest.value)} %`);
			expect(row, code).toContain(period(latest.date));
		}
		const r84 = latestIn(indicator.code, 'R84')!;
		const fr = latestIn(indicator.code, 'FR')!;
		const gap = r84.value - fr.value;
		const gapText = `${gap > 0 ? '+' : gap < 0 ? '−' : ''}${digits(Math.abs(gap))} ${Math.abs(gap) < 2 ? 'pt' : 'pts'}`;
		expect(await cellText(page, indicator.code, 'R84')).toContain(gapText);

		const { rank, peers } = expectedRank(indicator, 'R84', false);
		expect(await cellText(page, indicator.code, 'R84')).toContain(`${rank === 1 ? '1er' : `${rank}e`} sur ${peers} régions`);
		const d2a = expectedRank(indicator, 'D2A', false);
		expect(await cellText(page, indicator.code, 'D2A')).toContain(`${d2a.rank === 1 ? '1er' : `${d2a.rank}e`} sur ${d2a.peers} départements de France`);
		// France is the reference: no rank, no gap.
		expect(await cellText(page, indicator.code, 'FR')).toContain('référence');
	});

	it('gives counts per 100 000 inhabitants and ranks them on those values only', async () => {
		const page = await open(PATH);
		const [indicator] = common('nombre');
		const article = page.locator(`article:has(#ind-${indicator.code})`);
		expect(plain(await article.locator('thead').textContent())).toContain('Pour 100 000 hab.');
		const latest = latestIn(indicator.code, 'R93')!;
		const perCapita = (latest.value * 100_000) / population('R93');
		const row = await cellText(page, indicator.code, 'R93');
		expect(row).toContain(digits(latest.value));
		expect(row).toContain(digits(perCapita, perCapita >= 100 ? 0 : 2));
		const { rank, peers } = expectedRank(indicator, 'R93', true);
		expect(row).toContain(`${rank === 1 ? '1er' : `${rank}e`} sur ${peers} régions`);
		// Rates have no per-100 000 column.
		const [rate] = common('%');
		expect(plain(await page.locator(`article:has(#ind-${rate.code}) thead`).textContent())).not.toContain('100 000');
	});

	it('draws one small multiple per indicator, hidden from assistive technology, keyed in the table', async () => {
		const page = await open(PATH);
		const articles = await page.locator('article.indicateur').count();
		expect(articles).toBeGreaterThan(10);
		expect(await page.locator('article.indicateur svg.evolution[aria-hidden="true"]').count()).toBe(articles);
		const [indicator] = common('%');
		const figure = plain(await page.locator(`article:has(#ind-${indicator.code}) figcaption`).textContent());
		expect(figure).toContain(`Auvergne-Rhône-Alpes : `);
		expect(await page.locator(`article:has(#ind-${indicator.code}) svg.evolution path`).count()).toBeGreaterThanOrEqual(2);
	});

	it('each small multiple downloads as SVG (title, lines) and PNG, with the CSV of the comparison', async () => {
		const page = await open(PATH);
		const [indicator] = common('%');
		const article = page.locator(`article:has(#ind-${indicator.code})`);
		const button = article.getByRole('button', { name: 'Télécharger le graphique au format SVG' });
		await button.waitFor();
		expect(await page.getByRole('button', { name: 'Télécharger le graphique au format SVG' }).count()).toBe(await page.locator('article.indicateur').count());
		const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
		expect(download.suggestedFilename()).toMatch(/\.svg$/);
		const svg = readFileSync((await download.path())!, 'utf8');
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		const name = storeQuery<{ name: string }>('SELECT name FROM indicators WHERE code = ?', indicator.code)[0].name;
		const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
		expect(plain(svg)).toContain(`<title>${plain(escaped)} — évolution comparée`);
		expect((svg.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(2);
		expect(svg).toContain('Auvergne-Rhône-Alpes');

		const [png] = await Promise.all([page.waitForEvent('download'), article.getByRole('button', { name: 'Télécharger le graphique au format PNG' }).click()]);
		expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
		expect(await article.getByRole('link', { name: 'Télécharger les données du graphique au format CSV' }).getAttribute('href')).toBe(
			'/comparer/donnees.csv?t=R84,R93,D2A'
		);
		// The files carry the indicator's real source, not a pointer to another page.
		// (wrapped over several <text> lines: compared as the text read)
		const text = plain(svg.replace(/<\/text>\s*<text[^>]*>/g, ' '));
		expect(text).toContain(plain(xmlEscape(expectedSource(indicator.code))));
		expect(svg).not.toContain('producteur et licence sur la page');
	});

	it('names the source of each indicator under its chart: producer, last update and licence from the store', async () => {
		const page = await open(PATH);
		const shown = await page
			.locator('article.indicateur')
			.evaluateAll((articles) => articles.map((a) => [a.querySelector('h3')!.id.replace(/^ind-/, ''), a.querySelector('p.source')?.textContent ?? '']));
		expect(shown.length).toBeGreaterThan(10);
		for (const [code, text] of shown) expect(plain(text), code).toBe(plain(expectedSource(code)));
		expect(plain(await page.locator('article:has(#ind-IND-200) p.source').textContent())).toBe(
			"Source : DITP — Baromètre des résultats de l'action publique, mise à jour le 29 juin 2024. Licence : Licence Ouverte / Etalab 2.0."
		);
	});

	it('each small multiple offers the <iframe> code of its embed, with the same territories and filters', async () => {
		const page = await open(`${PATH}&famille=politiques-prioritaires`);
		const article = page.locator('article:has(#ind-IND-200)');
		// The code gets the site's address once hydrated, when « Copier » appears.
		await article.getByRole('button', { name: /^Copier le code d’intégration du graphique — Taux de couverture des \+18 ans/ }).waitFor();
		const code = await article.locator('textarea[readonly]').inputValue();
		const src = `${baseUrl()}/integrer/comparer?t=R84,R93,D2A&amp;famille=politiques-prioritaires&amp;indicateur=IND-200`;
		expect(code).toContain(`<iframe src="${src}" width="720" height="`);
		expect(code).toContain('title="Taux de couverture des +18 ans — évolution comparée : Auvergne-Rhône-Alpes, Provence-Alpes-Côte d\'Azur, Corse-du-Sud (Baromètre)"');
		expect(await page.locator('textarea[readonly]').count()).toBe(await page.locator('article.indicateur').count());
		// The snippet's address answers with that indicator's comparison.
		const embed = await fetch(src.replace(/&amp;/g, '&'));
		expect(embed.status).toBe(200);
		expect(plain(await embed.text())).toMatch(/<h1[^>]*>Taux de couverture des \+18 ans<\/h1>/);
	});

	it('filters by family through the URL', async () => {
		const family = 'barometre-2017-2022';
		const page = await open(PATH);
		await page.locator(`a.fr-tag[href*="famille=${family}"]`).click();
		await page.waitForURL((url) => url.searchParams.get('famille') === family);
		expect(new URL(page.url()).searchParams.get('t')).toBe(CHOSEN.join(','));
		const codes = await page.locator('article.indicateur h3').evaluateAll((hs) => hs.map((h) => h.id.replace(/^ind-/, '')));
		expect(codes.length).toBeGreaterThan(0);
		const families = new Set(
			storeQuery<{ f: string }>(
				`SELECT p.family_id AS f FROM indicators i JOIN policies p ON p.id = i.policy_id WHERE i.code IN (${codes.map(() => '?').join(',')})`,
				...codes
			).map((r) => r.f)
		);
		expect([...families]).toEqual([family]);
		const familyNav = page.locator('nav[aria-label="Filtrer par famille d\'indicateurs"]');
		expect(plain(await familyNav.locator('a[aria-current="true"]').textContent())).toMatch(/^Baromètre des résultats 2017–2022 \(\d+\)$/);
	});

	it('downloads the latest values shown as canonical CSV', async () => {
		const page = await open(`${PATH}&famille=politiques-prioritaires`);
		const href = await page.locator('a', { hasText: 'Télécharger (CSV)' }).getAttribute('href');
		expect(href).toBe('/comparer/donnees.csv?t=R84,R93,D2A&famille=politiques-prioritaires');
		const response = await fetch(baseUrl() + href);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/csv');
		const [header, ...rows] = parseCsv(await response.text());
		expect(header).toEqual(['indicateur_id', 'indicateur', 'maille', 'code_territoire', 'territoire', 'date', 'valeur', 'unite']);
		const shown = await page.locator('article.indicateur h3').evaluateAll((hs) => hs.map((h) => h.id.replace(/^ind-/, '')));
		expect([...new Set(rows.map((r) => r[0]))]).toEqual(shown);
		for (const r of rows.slice(0, 40)) {
			const code = r[2] === 'national' ? 'FR' : r[2] === 'region' ? `R${r[3]}` : `D${r[3]}`;
			const latest = latestIn(r[0], code)!;
			expect([r[5], Number(r[6])], `${r[0]} ${code}`).toEqual([latest.date, latest.value]);
			expect(await cellText(page, r[0], code)).toContain(period(r[5]));
		}
	});

	it('adds a territory by postal code and removes one, without JavaScript', async () => {
		const page = await open(PATH, { javaScript: false });
		await page.locator('#ajouter').fill('13001');
		await page.locator('button', { hasText: 'Ajouter' }).click();
		await page.waitForURL((url) => url.searchParams.get('t') === 'R84,R93,D2A,D13');
		expect(plain(await page.locator('h1').textContent())).toContain('Bouches-du-Rhône');
		await page.locator('a[aria-label="Retirer Provence-Alpes-Côte d\'Azur de la comparaison"]').click();
		await page.waitForURL((url) => url.searchParams.get('t') === 'R84,D2A,D13');
	});

	it('has no axe-core violations', async () => {
		const page = await open(PATH);
		// Hydrated: the SVG/PNG and « Copier » buttons are there too.
		await page.getByRole('button', { name: /^Copier le code d’intégration du graphique/ }).first().waitFor();
		expect(await axeViolations(page)).toEqual([]);
		expect(await axeViolations(await open('/comparer', { width: 390 }))).toEqual([]);
	});
});

describe('errors', () => {
	for (const [path, message] of [
		['/comparer?t=R84', 'au moins 2 territoires'],
		['/comparer?t=R84,D99', 'Territoire inconnu : « D99 »'],
		['/comparer/donnees.csv?t=R84', 'au moins 2 territoires']
	]) {
		it(`${path} → 400 with a French message`, async () => {
			const response = await fetch(baseUrl() + path, { headers: { accept: 'text/html' } });
			expect(response.status).toBe(400);
			expect(plain(await response.text())).toContain(message);
		});
	}

	it('the chooser shows when no territory is given', async () => {
		const page = await open('/comparer');
		expect(plain(await page.locator('h1').textContent())).toBe('Comparer des territoires');
		expect(await page.locator('label[for="ajouter"]').count()).toBe(1);
	});
});

describe('from a territory page', () => {
	it('« Comparer avec ses voisins » leads to the territory and its neighbours', async () => {
		const page = await open('/territoires/regions/84');
		await page.locator('a', { hasText: 'Comparer avec ses voisins' }).click();
		await page.waitForURL((url) => url.pathname === '/comparer');
		const codes = new URL(page.url()).searchParams.get('t')!.split(',');
		expect(codes[0]).toBe('R84');
		expect(codes).toContain('R93');
		expect(codes.length).toBeLessThanOrEqual(8);
		expect(await page.locator('article.indicateur').count()).toBeGreaterThan(0);
	});

	it('« Comparer avec les départements de sa région » from a département', async () => {
		const page = await open('/territoires/departements/69');
		await page.locator('a', { hasText: 'Comparer avec les départements de sa région' }).click();
		await page.waitForURL((url) => url.pathname === '/comparer');
		const codes = new URL(page.url()).searchParams.get('t')!.split(',');
		expect(codes[0]).toBe('D69');
		// Every département of Auvergne-Rhône-Alpes, none dropped (the cap holds Occitanie's 13).
		const region = storeQuery<{ code: string }>(`SELECT code FROM territories WHERE parent_code = 'R84' ORDER BY code`).map((r) => r.code);
		expect(region).toHaveLength(12);
		expect([...codes].sort()).toEqual(region);
	});
});
