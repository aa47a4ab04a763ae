/**
 * The comparison page in Chromium (`/comparer?t=R84,R93,D2A`): one compact table per theme with
 * real values from the store side by side with France, gaps, ranks among peers, per-100 000 values
 * of counts and dated statuses; small multiples on demand (`graphiques=`), each with the CSV of its
 * indicator only; one « Intégrer » disclosure; the CSV download matching the view; canonical
 * addresses (a reordered list is redirected); the HTML's size; the 13 départements of Occitanie;
 * the « Ajouter » form with and without JavaScript; 375 px; 400s; territory pages; accessibility.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { COMPARISON_CSV_COLUMNS } from '../../src/lib/server/queries/compare';
import { axeViolations, baseUrl, hydrated, plain, storeQuery, useBrowser } from './harness';

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
	if (options.javaScript !== false) await hydrated(page);
	return page;
}
/** The cell of a territory in an indicator's row: columns are the chosen territories (canonical order), then France. */
async function cellText(page: Page, indicator: string, territory: string, columns = [...CHOSEN, 'FR']): Promise<string> {
	const n = columns.indexOf(territory) + 2;
	return plain(await page.locator(`tr[id="ind-${indicator}"] > :nth-child(${n})`).textContent());
}
const ordinal = (n: number) => (n === 1 ? '1er' : `${n}e`);
const themeOf = (code: string) =>
	storeQuery<{ theme: string }>('SELECT coalesce(i.theme_id, p.theme_id) AS theme FROM indicators i JOIN policies p ON p.id = i.policy_id WHERE i.code = ?', code)[0].theme;

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
	it('shows the latest values beside France, the gap in points, the rank among régions or départements and the status', async () => {
		const page = await open(PATH);
		expect(plain(await page.locator('h1').textContent())).toBe("Comparer : Auvergne-Rhône-Alpes, Provence-Alpes-Côte d'Azur, Corse-du-Sud");
		const [indicator] = common('%');
		for (const code of [...CHOSEN, 'FR']) {
			const latest = latestIn(indicator.code, code)!;
			const row = plain(await page.locator(`tr[id="ind-${indicator.code}"]`).textContent());
			expect(await cellText(page, indicator.code, code), code).toContain(`${digits(latest.value)} %`);
			// The date: once in the row's heading when the values share it, in the cell otherwise.
			expect(row, code).toContain(period(latest.date));
		}
		const r84 = latestIn(indicator.code, 'R84')!;
		const fr = latestIn(indicator.code, 'FR')!;
		const gap = r84.value - fr.value;
		const gapText = `${gap > 0 ? '+' : gap < 0 ? '−' : ''}${digits(Math.abs(gap))} ${Math.abs(gap) < 2 ? 'pt' : 'pts'}`;
		expect(await cellText(page, indicator.code, 'R84')).toContain(`écart ${gapText}`);

		const { rank, peers } = expectedRank(indicator, 'R84', false);
		expect(await cellText(page, indicator.code, 'R84')).toContain(`${ordinal(rank)} sur ${peers}`);
		const d2a = expectedRank(indicator, 'D2A', false);
		expect(await cellText(page, indicator.code, 'D2A')).toContain(`${ordinal(d2a.rank)} sur ${d2a.peers}`);
		// Every territory's cell carries a status; France is the reference: no gap, no rank, no status.
		for (const code of CHOSEN) expect(await page.locator(`tr[id="ind-${indicator.code}"] > :nth-child(${CHOSEN.indexOf(code) + 2}) [class^="etat-"]`).count(), code).toBe(1);
		expect(await cellText(page, indicator.code, 'FR')).toContain('référence');
		expect(await page.locator(`tr[id="ind-${indicator.code}"] > :nth-child(${CHOSEN.length + 2}) [class^="etat-"]`).count()).toBe(0);
	});

	it('gives counts per 100 000 inhabitants with the raw count, and ranks them on those values only', async () => {
		const page = await open(PATH);
		const [indicator] = common('nombre');
		expect(plain(await page.locator(`tr[id="ind-${indicator.code}"] th`).textContent())).toContain('pour 100 000 hab.');
		const latest = latestIn(indicator.code, 'R93')!;
		const perCapita = (latest.value * 100_000) / population('R93');
		const cell = await cellText(page, indicator.code, 'R93');
		expect(cell).toContain(`${digits(latest.value)} au total`);
		expect(cell).toContain(digits(perCapita, perCapita >= 100 ? 0 : 2));
		const { rank, peers } = expectedRank(indicator, 'R93', true);
		expect(cell).toContain(`${ordinal(rank)} sur ${peers}`);
		// Rates are not per 100 000 inhabitants.
		const [rate] = common('%');
		expect(plain(await page.locator(`tr[id="ind-${rate.code}"] th`).textContent())).not.toContain('100 000');
	});

	it('groups the indicators by theme in collapsible <details>, open, that close without JavaScript', async () => {
		const page = await open(PATH, { javaScript: false });
		const groups = page.locator('.tableaux details');
		expect(await groups.count()).toBeGreaterThan(5);
		expect(await page.locator('.tableaux details[open]').count()).toBe(await groups.count());
		const rows = await page.locator('.tableaux tr[id^="ind-"]').count();
		expect(rows).toBe(Number(plain(await page.locator('p', { hasText: 'publiés pour chacun des territoires' }).textContent()).match(/^(\d+)/)![1]));
		const first = groups.first();
		await first.locator('summary').click();
		expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
		expect(await first.locator('table').isVisible()).toBe(false);
		// No small multiple and no embed code until asked for.
		expect(await page.locator('svg.evolution').count()).toBe(0);
		expect(await page.locator('textarea').count()).toBe(1);
	});

	it('draws a theme’s small multiples on demand, each with its source and the CSV of that indicator only', async () => {
		const [indicator] = common('%');
		const theme = themeOf(indicator.code);
		const page = await open(PATH);
		const link = page.locator(`details:has(tr[id="ind-${indicator.code}"]) a`, { hasText: 'Voir l’évolution en graphiques' });
		expect(await link.getAttribute('href')).toBe(`${PATH}&graphiques=${theme}#graphiques`);
		await link.click();
		await page.waitForURL((url) => url.searchParams.get('graphiques') === theme);
		const figures = page.locator('#graphiques figure');
		const shown = await page.locator(`details:has(tr[id="ind-${indicator.code}"]) tr[id^="ind-"]`).count();
		expect(await figures.count()).toBe(shown);
		expect(await page.locator('#graphiques svg.evolution[aria-hidden="true"]').count()).toBe(shown);
		const figure = page.locator('#graphiques figure', { has: page.locator(`a[href="/indicateurs/${indicator.code}"]`) });
		expect(plain(await figure.locator('figcaption').textContent())).toContain('Auvergne-Rhône-Alpes : ');
		expect(await figure.locator('svg.evolution path').count()).toBeGreaterThanOrEqual(2);
		expect(plain(await figure.locator('p', { hasText: 'Source :' }).textContent())).toBe(plain(expectedSource(indicator.code)));

		const csv = figure.getByRole('link', { name: /^Télécharger les données du graphique au format CSV/ });
		expect(await csv.getAttribute('href')).toBe(`/comparer/donnees.csv?t=R84,R93,D2A&indicateur=${indicator.code}`);
		const button = figure.getByRole('button', { name: /^Télécharger le graphique au format SVG/ });
		await button.waitFor();
		const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
		const svg = readFileSync((await download.path())!, 'utf8');
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		const name = storeQuery<{ name: string }>('SELECT name FROM indicators WHERE code = ?', indicator.code)[0].name;
		expect(plain(svg)).toContain(`<title>${plain(xmlEscape(name))} — évolution comparée`);
		const text = plain(svg.replace(/<\/text>\s*<text[^>]*>/g, ' '));
		expect(text).toContain(plain(xmlEscape(expectedSource(indicator.code))));
		const [png] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /^Télécharger le graphique au format PNG/ }).click()]);
		expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');

		// A theme the comparison does not show: 400, never 500.
		expect((await fetch(`${baseUrl()}${PATH}&graphiques=inconnu`)).status).toBe(400);
	});

	it('names the sources under each theme’s table: producer, last update and licence from the store', async () => {
		const page = await open(PATH);
		expect(plain(await page.locator('details:has(tr[id="ind-IND-200"]) p.sources-tableau').textContent())).toContain(
			"DITP — Baromètre des résultats de l'action publique, mise à jour le 29 juin 2024. Licence : Licence Ouverte / Etalab 2.0."
		);
		for (const details of await page.locator('.tableaux details').all()) {
			const codes = await details.locator('tr[id^="ind-"]').evaluateAll((rows) => rows.map((r) => r.id.replace(/^ind-/, '')));
			const sources = plain(await details.locator('p.sources-tableau').textContent());
			for (const code of codes) {
				const [i] = storeQuery<{ producer: string; licence: string }>('SELECT producer, licence FROM indicators WHERE code = ?', code);
				// Each producer is named (its part before « ; publié par » when the table factors it out), and its licence.
				expect(sources, code).toContain(i.producer.split(' ; ')[0]);
				expect(sources, code).toContain(i.licence);
			}
		}
	});

	it('one « Intégrer » disclosure gives the <iframe> code of the chosen indicator, with the same territories and filters', async () => {
		const page = await open(`${PATH}&famille=politiques-prioritaires`);
		const integrer = page.locator('details#integrer');
		expect(await page.locator('details#integrer').count()).toBe(1);
		expect(await integrer.getAttribute('open')).toBeNull();
		await integrer.locator('summary').click();
		await integrer.getByRole('button', { name: /^Copier le code d’intégration/ }).waitFor();
		await integrer.getByLabel('Indicateur').selectOption('IND-200');
		await integrer.getByRole('button', { name: 'Copier le code d’intégration — Taux de couverture des +18 ans' }).waitFor();
		const code = await integrer.locator('textarea[readonly]').inputValue();
		const src = `${baseUrl()}/integrer/comparer?t=R84,R93,D2A&amp;famille=politiques-prioritaires&amp;indicateur=IND-200`;
		expect(code).toContain(`<iframe src="${src}" width="720" height="`);
		expect(code).toContain('title="Taux de couverture des +18 ans — évolution comparée : Auvergne-Rhône-Alpes, Provence-Alpes-Côte d\'Azur, Corse-du-Sud (Baromètre)"');
		expect(await page.locator('textarea').count()).toBe(1);
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
		// Client navigation draws the new tables (they come as HTML in __data.json).
		await page.locator('.tableaux tr[id^="ind-"]').first().waitFor();
		const codes = await page.locator('.tableaux tr[id^="ind-"]').evaluateAll((rows) => rows.map((r) => r.id.replace(/^ind-/, '')));
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

	it('downloads what the view shows as CSV: values, per 100 000, gap, rank, dated status, source and licence', async () => {
		const page = await open(`${PATH}&famille=politiques-prioritaires`);
		const href = await page.locator('a', { hasText: 'Télécharger (CSV)' }).getAttribute('href');
		expect(href).toBe('/comparer/donnees.csv?t=R84,R93,D2A&famille=politiques-prioritaires');
		const response = await fetch(baseUrl() + href);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/csv');
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="comparaison-R84-R93-D2A-politiques-prioritaires.csv"');
		const [header, ...rows] = parseCsv(await response.text());
		expect(header).toEqual([...COMPARISON_CSV_COLUMNS]);
		const shown = await page.locator('.tableaux tr[id^="ind-"]').evaluateAll((rows) => rows.map((r) => r.id.replace(/^ind-/, '')));
		expect([...new Set(rows.map((r) => r[0]))]).toEqual(shown);
		const column = (row: string[], name: string) => row[header.indexOf(name)];
		for (const r of rows.slice(0, 40)) {
			const code = r[2] === 'national' ? 'FR' : r[2] === 'region' ? `R${r[3]}` : `D${r[3]}`;
			const latest = latestIn(r[0], code)!;
			expect([r[5], Number(r[6])], `${r[0]} ${code}`).toEqual([latest.date, latest.value]);
			const cell = await cellText(page, r[0], code);
			if (code !== 'FR') expect(cell, `${r[0]} ${code}`).toContain(`${ordinal(Number(column(r, 'rang')))} sur ${column(r, 'territoires_classes')}`);
			// A judged status is dated by the value it was judged on.
			if (['atteinte', 'en-bonne-voie', 'en-retard', 'non-evaluable'].includes(column(r, 'statut'))) expect(column(r, 'statut_date'), `${r[0]} ${code}`).toBe(latest.date);
		}
	});

	it('the CSV link of one indicator downloads that indicator’s rows only, in a file named after it', async () => {
		const [indicator] = common('%');
		const response = await fetch(`${baseUrl()}/comparer/donnees.csv?t=R84,R93,D2A&indicateur=${indicator.code}`);
		expect(response.status).toBe(200);
		const [header, ...rows] = parseCsv(await response.text());
		expect(header).toEqual([...COMPARISON_CSV_COLUMNS]);
		expect(rows.map((r) => r[0])).toEqual([indicator.code, indicator.code, indicator.code, indicator.code]);
		expect(rows.map((r) => r[3])).toEqual(['84', '93', '2A', 'FR']);
		const disposition = response.headers.get('content-disposition')!;
		expect(disposition).toMatch(new RegExp(`^attachment; filename="comparaison-R84-R93-D2A-${indicator.code}-[a-z0-9-]+\\.csv"$`));
		// The name is cut between words, never inside one.
		const name = storeQuery<{ name: string }>('SELECT name FROM indicators WHERE code = ?', indicator.code)[0].name;
		const slug = disposition.slice(disposition.indexOf(`${indicator.code}-`) + indicator.code.length + 1, -'.csv"'.length).split('-');
		const words = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
		expect(slug.length).toBeGreaterThan(0);
		expect(slug).toEqual(words.slice(0, slug.length));
		expect((await fetch(`${baseUrl()}/comparer/donnees.csv?t=R84,R93,D2A&indicateur=NOPE-1`)).status).toBe(404);
	});

	it('adds a territory by postal code and removes one, without JavaScript', async () => {
		const page = await open(PATH, { javaScript: false });
		await page.getByRole('searchbox', { name: 'Ajouter un territoire à la comparaison' }).fill('13001');
		await page.locator('button', { hasText: 'Ajouter' }).click();
		await page.waitForURL((url) => url.searchParams.get('t') === 'R84,R93,D13,D2A');
		expect(plain(await page.locator('h1').textContent())).toContain('Bouches-du-Rhône');
		await page.locator('a[aria-label="Retirer Provence-Alpes-Côte d\'Azur de la comparaison"]').click();
		await page.waitForURL((url) => url.searchParams.get('t') === 'R84,D13,D2A');
	});

	it('the add input offers the header search’s suggestions; choosing one adds it to the comparison', async () => {
		const page = await open(PATH);
		const input = page.getByRole('combobox', { name: 'Ajouter un territoire à la comparaison' });
		await input.fill('Bouches-du');
		const option = page.getByRole('option', { name: /Bouches-du-Rhône/ }).first();
		await option.waitFor();
		await option.click();
		await page.waitForURL((url) => url.searchParams.get('t') === 'R84,R93,D13,D2A');
		await page.locator('tr[id^="ind-"] > :nth-child(4)').first().waitFor();
		expect(plain(await page.locator('h1').textContent())).toContain('Bouches-du-Rhône');
	});

	it('at 375 px the first territory’s value and status are on screen beside the indicator’s name, without sideways scrolling', async () => {
		const page = await open(PATH, { width: 375 });
		const row = page.locator('.tableaux tr[id^="ind-"]').first();
		await row.scrollIntoViewIfNeeded();
		const value = await row.locator('td').first().locator('b').boundingBox();
		const status = await row.locator('td').first().locator('[class^="etat-"]').boundingBox();
		const name = await row.locator('th').boundingBox();
		for (const box of [value!, status!, name!]) {
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(375);
			expect(box.y).toBeGreaterThanOrEqual(0);
			expect(box.y + box.height).toBeLessThanOrEqual(900);
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	});

	it('has no axe-core violations, light and dark', async () => {
		for (const scheme of ['light', 'dark'] as const) {
			const page = await open(PATH);
			await page.emulateMedia({ colorScheme: scheme });
			await page.locator('details#integrer summary').click();
			await page.getByRole('button', { name: /^Copier le code d’intégration/ }).waitFor();
			expect(await axeViolations(page), scheme).toEqual([]);
		}
		const charts = await open(`${PATH}&graphiques=${themeOf(common('%')[0].code)}`);
		await charts.getByRole('button', { name: /^Télécharger le graphique au format SVG/ }).first().waitFor();
		expect(await axeViolations(charts)).toEqual([]);
		expect(await axeViolations(await open('/comparer', { width: 390 }))).toEqual([]);
	});
});

describe('one address per comparison, and a small page', () => {
	it('a reordered or repeated territory list gets a 308 to the one canonical address (pages, download, embed, client data)', async () => {
		for (const t of ['D2A,R93,R84', 'R93,r84,D2A,D2A', 'D2A,R84,R93']) {
			const page = await fetch(`${baseUrl()}/comparer?t=${t}`, { redirect: 'manual' });
			expect(page.status, t).toBe(308);
			expect(new URL(page.headers.get('location')!, baseUrl()).pathname + new URL(page.headers.get('location')!, baseUrl()).search).toBe('/comparer?t=R84,R93,D2A');
			const csv = await fetch(`${baseUrl()}/comparer/donnees.csv?t=${t}&indicateur=IND-200`, { redirect: 'manual' });
			expect(csv.status).toBe(308);
			expect(csv.headers.get('location')).toMatch(/\/comparer\/donnees\.csv\?t=R84,R93,D2A&indicateur=IND-200$/);
			const embed = await fetch(`${baseUrl()}/integrer/comparer?t=${t}&indicateur=IND-200`, { redirect: 'manual' });
			expect(embed.status).toBe(308);
			expect(embed.headers.get('location')).toMatch(/\/integrer\/comparer\?t=R84,R93,D2A&indicateur=IND-200$/);
			// Client navigation data: SvelteKit's redirect to the canonical address.
			const data = await fetch(`${baseUrl()}/comparer/__data.json?t=${t}&x-sveltekit-invalidated=01`);
			expect(await data.json()).toEqual({ type: 'redirect', location: '/comparer?t=R84,R93,D2A' });
		}
		// The canonical address answers, and the browser ends there from any order.
		const page = await open('/comparer?t=D2A,R84,R93');
		expect(new URL(page.url()).search).toBe('?t=R84,R93,D2A');
	});

	it('the HTML of a comparison of 4 territories is at most 150 KB', async () => {
		const response = await fetch(`${baseUrl()}/comparer?t=R84,R93,D13,D2A`, { headers: { 'accept-encoding': 'identity' } });
		expect(response.status).toBe(200);
		const bytes = (await response.arrayBuffer()).byteLength;
		expect(bytes).toBeLessThanOrEqual(150 * 1024);
		// Every indicator common to the four is in it, as a table row.
		const html = await (await fetch(`${baseUrl()}/comparer?t=R84,R93,D13,D2A`)).text();
		const common = storeQuery<{ n: number }>(
			`SELECT count(*) AS n FROM (SELECT o.indicator_id FROM observations o JOIN territories t ON t.id = o.territory_id
			 WHERE t.code IN ('R84','R93','D13','D2A') AND o.date <> '' GROUP BY o.indicator_id HAVING count(DISTINCT o.territory_id) = 4)`
		)[0].n;
		expect((html.match(/<tr id="ind-/g) ?? []).length).toBe(common);
	});

	it('the 13 départements of Occitanie are all compared, named as in the store', async () => {
		const occitanie = storeQuery<{ code: string; name: string }>(`SELECT code, name FROM territories WHERE parent_code = 'R76' ORDER BY code`);
		expect(occitanie).toHaveLength(13);
		const page = await open(`/comparer?t=${occitanie.map((t) => t.code).join(',')}`);
		const headings = await page.locator('.tableaux table').first().locator('thead th').evaluateAll((ths) => ths.slice(1).map((th) => th.firstChild!.textContent));
		expect(headings).toEqual([...occitanie.map((t) => t.name), 'France']);
		expect(await page.locator('ul.choisis a:not(.retirer)').evaluateAll((links) => links.map((a) => a.textContent))).toEqual([...occitanie.map((t) => t.name), 'France']);
		// Every row has 13 cells and France's.
		const row = page.locator('.tableaux tr[id^="ind-"]').first();
		expect(await row.locator('td').count()).toBe(14);
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
		// The input becomes a combobox once hydrated (after the load event).
		await page.getByRole('combobox', { name: 'Ajouter un territoire à la comparaison' }).waitFor();
		expect(await page.getByRole('combobox', { name: 'Ajouter un territoire à la comparaison' }).count()).toBe(1);
	});
});

describe('from a territory page', () => {
	it('« Comparer avec ses voisins » leads to the territory and its neighbours', async () => {
		const page = await open('/territoires/regions/84');
		await page.locator('a', { hasText: 'Comparer avec ses voisins' }).click();
		await page.waitForURL((url) => url.pathname === '/comparer');
		const codes = new URL(page.url()).searchParams.get('t')!.split(',');
		expect(codes).toContain('R84');
		expect(codes).toContain('R93');
		expect([...codes].sort()).toEqual(codes);
		expect(codes.length).toBeLessThanOrEqual(13);
		expect(await page.locator('.tableaux tr[id^="ind-"]').count()).toBeGreaterThan(0);
	});

	it('« Comparer avec les départements de sa région » from a département', async () => {
		const page = await open('/territoires/departements/69');
		await page.locator('a', { hasText: 'Comparer avec les départements de sa région' }).click();
		await page.waitForURL((url) => url.pathname === '/comparer');
		const codes = new URL(page.url()).searchParams.get('t')!.split(',');
		// Every département of Auvergne-Rhône-Alpes, none dropped (the cap holds Occitanie's 13), in the canonical order.
		const region = storeQuery<{ code: string }>(`SELECT code FROM territories WHERE parent_code = 'R84' ORDER BY code`).map((r) => r.code);
		expect(region).toHaveLength(12);
		expect(codes).toEqual(region);
	});
});
