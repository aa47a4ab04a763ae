/**
 * The DITP programme pages in Chromium: real figures from the store (qualifiers kept), maps and
 * tables where the issue asks for them, CSV downloads that parse and match the tables, and no
 * axe-core violation (with every folded table opened).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv/read';
import { axeViolations, baseUrl, hydrated, plain, storeQuery, useBrowser } from './harness';

const { newPage } = useBrowser();

/** A number as the site prints it, spaces folded: 1234.5 → `1 234,5`. */
const fr = (value: number, decimals?: number) =>
	plain(value.toLocaleString('fr-FR', decimals === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals })).replace('-', '−');

/** Downloads a CSV of the site and returns its rows as objects keyed by the header. */
async function csv(path: string): Promise<{ header: string[]; rows: Record<string, string>[]; type: string | null }> {
	const res = await fetch(baseUrl() + path);
	expect(res.status).toBe(200);
	const parsed = parseCsv(await res.text());
	expect(parsed.problems).toEqual([]);
	const [header, ...rows] = parsed.rows.map((r) => r.fields);
	return { header, rows: rows.map((fields) => Object.fromEntries(header.map((h, i) => [h, fields[i]]))), type: res.headers.get('content-type') };
}

/** Text of every row of the table inside the named scrolling region. */
async function tableRows(page: Page, region: string): Promise<string[]> {
	return (await page.getByRole('region', { name: region, exact: true }).locator('tbody tr').allTextContents()).map(plain);
}

/** Opens a page with every folded table (« Voir les données du graphique ») unfolded. */
async function open(path: string, options: { javaScript?: boolean; width?: number } = {}): Promise<Page> {
	const page = await newPage(options);
	const response = await page.goto(baseUrl() + path);
	expect(response?.status()).toBe(200);
	if (options.javaScript !== false) await hydrated(page);
	await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
	return page;
}

async function noViolations(path: string) {
	expect(await axeViolations(await open(path))).toEqual([]);
}

interface Entity {
	name: string;
	region: string | null;
	attributes: string;
}

describe('programmes index', () => {
	it('links the four programme pages, and has no axe-core violations', async () => {
		const page = await open('/programmes');
		const hrefs = await page.locator('main .fr-card__title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
		expect(hrefs).toEqual(['/programmes/laboratoires', '/programmes/budgets', '/programmes/complexite', '/programmes/services-publics-plus']);
		expect(await axeViolations(page)).toEqual([]);
	});
});

describe('laboratoires', () => {
	const labs = () =>
		storeQuery<Entity>(
			`SELECT e.name, t.insee_code AS region, e.attributes FROM entities e LEFT JOIN territories t ON t.id = e.territory_id WHERE e.kind = 'laboratoire'`
		);
	const inStateNetwork = (lab: Entity) => !/hors r[ée]seau/i.test(JSON.parse(lab.attributes).status_note ?? '');

	it('maps the labs in their 18 régions, each région a keyboard link to its row naming the labs the store lists', async () => {
		const page = await open('/programmes/laboratoires');
		const codes = await page.locator('svg.carte [data-code]:not([data-encart] *)').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
		expect(codes).toHaveLength(18);
		const paca = labs()
			.filter((l) => l.region === '93' && inStateNetwork(l))
			.map((l) => l.name);
		expect(paca.length).toBeGreaterThan(1);
		const link = page.locator('svg.carte a:has([data-code="93"])');
		const label = plain(await link.getAttribute('aria-label'));
		expect(label).toContain(`${paca.length} laboratoires`);
		const row = plain(await page.locator('#region-93').textContent());
		for (const name of paca) {
			expect(label).toContain(name);
			expect(row).toContain(name);
		}
		// A région without any lab of the State says so rather than showing nothing.
		expect(plain(await page.locator('#region-94').textContent())).toContain('aucun identifié dans les sources');
		await link.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL('**/programmes/laboratoires#region-93');
	});

	it('shows both creation years where the sources disagree, with their sources, and keeps qualifiers', async () => {
		const page = await open('/programmes/laboratoires');
		const labL = labs().find((l) => l.name === "LAB'L")!;
		const years = JSON.parse(labL.attributes).annees_creation_sources as { annee: number; source: string }[];
		expect(years.length).toBe(2);
		const row = plain(await page.getByRole('region', { name: 'Liste des laboratoires' }).locator('tr', { hasText: "LAB'L" }).textContent());
		for (const { annee, source } of years) expect(row).toContain(`${annee} selon ${source}`);
		expect(row).toContain('sources divergentes');
		const [ateliers] = storeQuery<{ value: number; qualifier: string }>(
			`SELECT o.value, o.qualifier FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.code = 'labs-siilab-nb-ateliers'`
		);
		expect(ateliers.qualifier).toBe('>');
		const own = await tableRows(page, 'Chiffres propres à chaque laboratoire');
		expect(own.find((r) => r.includes('SIILAB — nombre d'))).toContain(`plus de ${fr(ateliers.value)}`);
		// The network's size as each source gives it, undated figures included and said to be undated.
		const sizes = storeQuery<{ value: number; date: string }>(
			`SELECT o.value, o.date FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.code = 'labs-nb-labs-reseau'`
		);
		const summary = plain(await page.locator('figcaption', { hasText: 'le réseau comptait' }).textContent());
		for (const s of sizes) expect(summary).toContain(fr(s.value));
		expect(summary).toContain('non datée');
	});

	it('downloads the lab list and the page’s figures as CSV that match the page', async () => {
		const page = await open('/programmes/laboratoires');
		const list = await csv('/programmes/laboratoires/laboratoires.csv');
		expect(list.type).toContain('text/csv');
		const names = await page.getByRole('region', { name: 'Liste des laboratoires' }).locator('tbody th').allTextContents();
		expect(list.rows.map((r) => r.nom).sort()).toEqual(labs().map((l) => l.name).sort());
		expect(names.map((n) => plain(n))).toEqual(expect.arrayContaining(list.rows.map((r) => expect.stringContaining(r.nom))));
		expect(list.rows.find((r) => r.nom === "LAB'L")?.annees_creation_selon_sources).toBe('2022 (L09);2021 (DOC04)');
		const values = await csv('/programmes/laboratoires/valeurs.csv');
		expect(values.header.slice(0, 8)).toEqual(['indicateur_id', 'indicateur', 'maille', 'code_territoire', 'territoire', 'date', 'valeur', 'unite']);
		const [{ n }] = storeQuery<{ n: number }>(
			`SELECT COUNT(*) AS n FROM observations o JOIN indicators i ON i.id = o.indicator_id
			 WHERE i.policy_id = 'reseau-labs' OR i.code IN ('relance-labs-enveloppe', 'relance-labs-enveloppe-engagee', 'relance-labs-financement-par-lab')`
		);
		expect(values.rows).toHaveLength(n);
		expect(values.rows.find((r) => r.indicateur_id === 'labs-siilab-nb-ateliers')).toMatchObject({ maille: 'region', code_territoire: '32', valeur: '650', qualificatif: '>' });
		// Every lab figure of the CSV is in the page's table of lab figures.
		const own = await tableRows(page, 'Chiffres propres à chaque laboratoire');
		const labIndicators = new Set(
			storeQuery<{ attributes: string }>(`SELECT attributes FROM entities WHERE kind = 'laboratoire'`).flatMap((e) => JSON.parse(e.attributes).indicateurs as string[])
		);
		for (const r of values.rows.filter((r) => r.maille === 'region' && labIndicators.has(r.indicateur_id))) {
			expect(own.some((row) => row.includes(r.indicateur) && row.includes(fr(Number(r.valeur))))).toBe(true);
		}
	});

	it('has no axe-core violations', () => noViolations('/programmes/laboratoires'));
});

describe('chart downloads', () => {
	it('each chart of a programme page offers CSV, SVG and PNG; the SVG holds the chart title and its marks', async () => {
		const page = await open('/programmes/budgets');
		const buttons = page.getByRole('button', { name: 'Télécharger le graphique au format SVG' });
		await buttons.first().waitFor();
		expect(await buttons.count()).toBe(await page.locator('.figure-programme svg[role="img"]').count());
		expect(await page.getByRole('button', { name: 'Télécharger le graphique au format PNG' }).count()).toBe(await buttons.count());
		const csvLinks = await page.getByRole('link', { name: 'Télécharger les données du graphique au format CSV' }).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(new Set(csvLinks)).toEqual(new Set(['/programmes/budgets/valeurs.csv', '/programmes/budgets/projets.csv']));
		// Each chart's iframe code (its embed is tested in embed-programmes.test.ts).
		expect(await page.locator('textarea[readonly]').count()).toBe(await buttons.count());

		const [download] = await Promise.all([page.waitForEvent('download'), buttons.first().click()]);
		expect(download.suggestedFilename()).toMatch(/\.svg$/);
		const svg = readFileSync((await download.path())!, 'utf8');
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).toContain('<title>Montant attribué par appel à projets ou sélection du FTAP');
		expect(svg).toMatch(/<(path|rect|line) /);
		expect(svg).not.toContain('var(');

		const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le graphique au format PNG' }).first().click()]);
		expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
	});

	it('a programme map downloads as SVG with its title and the CSV of its labs', async () => {
		const page = await open('/programmes/laboratoires');
		const button = page.getByRole('button', { name: 'Télécharger la carte au format SVG' });
		await button.waitFor();
		const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
		const svg = readFileSync((await download.path())!, 'utf8');
		expect(svg).toContain('<title>Carte des régions : nombre de laboratoires de l&apos;État identifiés');
		expect((svg.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(18);
		expect(await page.getByRole('link', { name: 'Télécharger les données de la carte au format CSV' }).getAttribute('href')).toBe('/programmes/laboratoires/laboratoires.csv');
	});
});

describe('budgets', () => {
	const value = (code: string, date: string) =>
		storeQuery<{ value: number; qualifier: string | null }>(
			`SELECT o.value, o.qualifier FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.code = ? AND o.date = ?`,
			code,
			date
		)[0];

	it('shows each call with the store’s figures, a « près de » kept, and says the figures are national only', async () => {
		const page = await open('/programmes/budgets');
		const rows = await tableRows(page, 'Appels à projets du FTAP');
		const first = rows.find((r) => r.startsWith('FTAP 2018 AAP1'))!;
		expect(first).toContain(fr(value('ftap-nb-candidatures', '2018-06-19').value));
		expect(first).toContain(fr(value('ftap-nb-laureats', '2018-06-19').value));
		expect(first).toContain(`${fr(value('ftap-montant-attribue', '2018-06-20').value / 1e6)} M€`);
		const session2 = value('ftap-montant-attribue', '2019-09-23');
		expect(session2.qualifier).toBe('pres de');
		expect(rows.find((r) => r.startsWith('FTAP 2019 session 2'))).toContain(`près de ${fr(session2.value / 1e6)} M€`);
		expect(plain(await page.locator('main').textContent())).toContain('Tous les chiffres de cette page sont nationaux');
		expect(await page.getByRole('heading', { name: 'Ce que les sources ne disent pas' }).count()).toBe(1);
	});

	it('computes the AE and CP consumption rates from the published figures, labelled as computed by Baromètre', async () => {
		const page = await open('/programmes/budgets');
		for (const [line, region] of [
			['ae', "Autorisations d'engagement (AE) par année"],
			['cp', 'Crédits de paiement (CP) par année']
		] as const) {
			const opened = value(`ftap-p349-total-ouverts-${line}`, '2023').value;
			const consumed = value(`ftap-p349-total-consommes-${line}`, '2023').value;
			const headers = plain(await page.getByRole('region', { name: region, exact: true }).locator('thead').textContent());
			expect(headers).toContain(`Taux de consommation ${line.toUpperCase()} (calculé par Baromètre)`);
			const row = (await tableRows(page, region)).find((r) => r.startsWith('2023'))!;
			// One unit per table: every amount in M€ (2 decimals), as on the chart; the exact euros are in the CSV.
			expect(row).toContain(`${fr(consumed / 1e6, 2)} M€`);
			expect(row).toContain(`${fr(opened / 1e6, 2)} M€`);
			for (const r of await tableRows(page, region)) expect(r, region).not.toMatch(/\d €/);
			expect(row).toContain(`${fr((consumed / opened) * 100, 1)} %`);
		}
		expect(await page.locator('svg[role="img"][aria-label*="du programme 349 par année"]').count()).toBe(2);
		for (const region of ["Exécution en cours d'exercice (situation à une date donnée)", 'Crédits votés en loi de finances initiale, par action du programme 349']) {
			const rows = await tableRows(page, region);
			expect(rows.length, region).toBeGreaterThan(5);
			for (const r of rows) expect(r, region).toMatch(/\d,\d\d M€/);
			for (const r of rows) expect(r, region).not.toMatch(/\d €/);
		}
	});

	it('lists the laureate projects found, amounts with their qualifier; projets.csv matches the table', async () => {
		const page = await open('/programmes/budgets');
		const projects = storeQuery<{ name: string; attributes: string }>(`SELECT name, attributes FROM entities WHERE kind = 'projet-ftap'`);
		const rows = await tableRows(page, 'Projets lauréats du FTAP trouvés dans les sources');
		expect(rows).toHaveLength(projects.length);
		const file = await csv('/programmes/budgets/projets.csv');
		expect(file.rows).toHaveLength(projects.length);
		for (const r of file.rows) {
			const row = rows.find((t) => t.startsWith(r.nom));
			expect(row, r.nom).toBeDefined();
			if (r.montant_eur) {
				// At the source's precision: 126 M€, 24,3 M€, 1,25 M€.
				const millions = Number(r.montant_eur) / 1e6;
				const amount = `${fr(millions, Number.isInteger(millions) ? 0 : Number.isInteger(Math.round(millions * 1e6) / 1e5) ? 1 : 2)} M€`;
				expect(row).toContain(r.qualificatif_montant === '>' ? `plus de ${amount}` : amount);
			} else expect(row).toContain('non publié');
		}
		expect(file.rows.find((r) => r.nom === 'Health Data Hub')).toMatchObject({ montant_eur: '30000000', qualificatif_montant: '>' });
		const values = await csv('/programmes/budgets/valeurs.csv');
		const [{ n }] = storeQuery<{ n: number }>(
			`SELECT COUNT(*) AS n FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.policy_id IN ('ftap', 'france-relance-innovation')`
		);
		expect(values.rows).toHaveLength(n);
		expect(values.rows.find((r) => r.indicateur_id === 'ftap-montant-investi-page-non-datee')).toMatchObject({ date: '', valeur: '800000000', qualificatif: '>' });
		expect(plain(await page.locator('main').textContent())).toContain('plus de 800 M€');
	});

	it('has no axe-core violations', () => noViolations('/programmes/budgets'));
});

describe('complexité', () => {
	it('draws particuliers and entreprises apart, joining only the waves one source publishes together', async () => {
		const page = await open('/programmes/complexite');
		expect(await page.locator('svg[role="img"][aria-label^="Particuliers : part jugeant"]').count()).toBe(1);
		expect(await page.locator('svg[role="img"][aria-label^="Entreprises : part jugeant"]').count()).toBe(1);
		const handicap = storeQuery<{ date: string; value: number; source: string }>(
			`SELECT o.date, o.value, o.source_id AS source FROM observations o JOIN indicators i ON i.id = o.indicator_id
			 WHERE i.code = 'complexite-particuliers-pct-complexe-je-suis-handicape' ORDER BY o.date`
		);
		const joined = handicap.filter((h) => handicap.filter((o) => o.source === h.source).length > 1);
		const apart = handicap.filter((h) => !joined.includes(h));
		expect(joined.length).toBe(2);
		expect(apart.length).toBeGreaterThan(0);
		const chart = await tableRows(page, 'Particuliers : valeurs des graphiques');
		for (const h of joined) expect(chart).toContain(`Je suis handicapé${h.date}${fr(h.value)} %`);
		for (const h of apart) expect(chart.some((r) => r.includes(`handicapé${h.date}`))).toBe(false);
		// Every wave is in the full table, side by side.
		const all = (await tableRows(page, 'Particuliers : événements de vie par vague')).find((r) => r.startsWith('Je suis handicapé'))!;
		for (const h of handicap) expect(all).toContain(`${fr(h.value)} %`);
		// Published changes in points, never a recomputed level.
		const [change] = storeQuery<{ value: number }>(
			`SELECT o.value FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.code = 'complexite-entreprises-evol-pts-proteger-une-marque-innovation-vs-2015'`
		);
		const changes = await tableRows(page, 'Entreprises : écarts publiés depuis 2015');
		expect(changes.find((r) => r.startsWith('Protéger une marque'))).toContain(`${fr(change.value)} pts`);
	});

	it('shows the averages over time and the waves’ metadata; vagues.csv matches the table', async () => {
		const page = await open('/programmes/complexite');
		const averages = storeQuery<{ code: string; date: string; value: number }>(
			`SELECT i.code, o.date, o.value FROM observations o JOIN indicators i ON i.id = o.indicator_id
			 WHERE i.code IN ('complexite-particuliers-pct-complexe-moyenne', 'complexite-entreprises-pct-complexe-moyenne')`
		);
		const rows = await tableRows(page, 'Moyennes par vague');
		for (const a of averages) expect(rows.find((r) => r.startsWith(a.date))).toContain(`${fr(a.value)} %`);
		const waves = await tableRows(page, 'Vagues des baromètres');
		const file = await csv('/programmes/complexite/vagues.csv');
		const [{ n }] = storeQuery<{ n: number }>(`SELECT COUNT(*) AS n FROM entities WHERE kind = 'vague-complexite'`);
		// Every described wave, plus one row per wave known only from its figures (no entity id).
		expect(file.rows.filter((r) => r.entite_id)).toHaveLength(n);
		expect(file.rows.length).toBeGreaterThan(n);
		expect(waves).toHaveLength(file.rows.length);
		for (const w of file.rows) {
			const row = waves.find((r) => r.includes(w.vague) && (!w.institut || r.includes(w.institut)) && (!w.echantillon || r.includes(fr(Number(w.echantillon)))));
			expect(row, w.entite_id).toBeDefined();
		}
		expect(waves.join(' ')).toContain('environ 7 700');
		expect(waves.join(' ')).toContain('du 13 octobre 2022 au 26 novembre 2022');
		const values = await csv('/programmes/complexite/valeurs.csv');
		const [{ m }] = storeQuery<{ m: number }>(
			`SELECT COUNT(*) AS m FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.policy_id IN ('barometre-complexite', 'barometre-confiance')`
		);
		expect(values.rows).toHaveLength(m);
	});

	it('works on a phone without JavaScript: charts, summaries and tables are server-rendered', async () => {
		const page = await open('/programmes/complexite', { javaScript: false, width: 390 });
		expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(4);
		expect(await page.locator('figcaption').count()).toBeGreaterThanOrEqual(4);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	});

	it('has no axe-core violations', () => noViolations('/programmes/complexite'));
});

describe('Services Publics+', () => {
	const latestDepartements = (code: string) =>
		storeQuery<{ insee: string; value: number; date: string }>(
			`SELECT t.insee_code AS insee, o.value, o.date FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
			 WHERE i.code = ? AND t.level = 'departement'
			   AND o.date = (SELECT MAX(o2.date) FROM observations o2 JOIN territories t2 ON t2.id = o2.territory_id WHERE o2.indicator_id = o.indicator_id AND t2.level = 'departement')`,
			code
		);
	const target = (code: string) =>
		storeQuery<{ value: number }>(
			`SELECT g.value FROM targets g JOIN indicators i ON i.id = g.indicator_id JOIN territories t ON t.id = g.territory_id
			 WHERE i.code = ? AND t.code = 'FR' AND g.kind = 'cible' ORDER BY g.date DESC LIMIT 1`,
			code
		)[0].value;

	/** Text of each table row by département code, for rows whose id starts with `prefix-`. */
	const rowsById = (page: Page, prefix: string) =>
		page.evaluate(
			(p) => Object.fromEntries([...document.querySelectorAll(`tr[id^="${p}-"]`)].map((tr) => [tr.id.slice(p.length + 1), (tr.textContent ?? '').replace(/[\u202f\u00a0]/g, ' ')])),
			prefix
		);

	it('maps France services satisfaction by département with the national target; the CSV matches the table', async () => {
		const page = await open('/programmes/services-publics-plus');
		const maps = page.locator('svg.carte');
		expect(await maps.count()).toBe(2);
		expect(await maps.nth(0).locator('[data-code]:not([data-encart] *)').count()).toBe(101);
		const stored = latestDepartements('IND-246');
		expect(stored.length).toBeGreaterThan(90);
		const rows = await rowsById(page, 'fs');
		expect(Object.keys(rows)).toHaveLength(101);
		const file = await csv('/programmes/services-publics-plus/valeurs.csv');
		const csvRows = file.rows.filter((r) => r.indicateur_id === 'IND-246' && r.maille === 'departement');
		expect(csvRows).toHaveLength(stored.length);
		for (const r of csvRows) {
			expect(r.date).toBe(stored[0].date);
			expect(rows[r.code_territoire]).toContain(`${fr(Number(r.valeur))} %`);
		}
		const missing = Object.keys(rows).filter((code) => !csvRows.some((r) => r.code_territoire === code));
		for (const code of missing) expect(rows[code]).toContain('—');
		expect(plain(await page.locator('main').textContent())).toContain(`Cible nationale : ${fr(target('IND-246'))} %`);
		// Each département of the map leads to its row of the table.
		await page.locator('svg.carte').nth(0).locator('a:has([data-code="2A"])').focus();
		await page.keyboard.press('Enter');
		await page.waitForURL('**#fs-2A');
	});

	it('maps the transparency rate by département with its national target of 100 %; the CSV matches the table', async () => {
		const page = await open('/programmes/services-publics-plus');
		expect(await page.locator('svg.carte').nth(1).locator('[data-code]:not([data-encart] *)').count()).toBe(101);
		const rows = await rowsById(page, 'transparence');
		const file = await csv('/programmes/services-publics-plus/valeurs.csv');
		const csvRows = file.rows.filter((r) => r.indicateur_id === 'tx-transparence-resultats' && r.maille === 'departement');
		expect(csvRows).toHaveLength(latestDepartements('tx-transparence-resultats').length);
		for (const r of csvRows) expect(rows[r.code_territoire]).toContain(`${fr(Number(r.valeur))} %`);
		expect(target('tx-transparence-resultats')).toBe(100);
		expect(plain(await page.locator('main').textContent())).toContain('Cible nationale : 100 % au 31 décembre 2022');
		// Régions: only the overseas ones (one département each) have a value; the page names them.
		const regional = storeQuery<{ name: string }>(
			`SELECT DISTINCT t.name FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
			 WHERE i.code = 'tx-transparence-resultats' AND t.level = 'region'`
		);
		expect(regional.length).toBeGreaterThan(0);
		const text = plain(await page.locator('main').textContent());
		expect(text).toContain(`ne publie de valeur que pour ${regional.length} régions`);
		for (const r of regional) expect(text).toContain(r.name);
		const targets = await csv('/programmes/services-publics-plus/cibles.csv');
		expect(targets.rows.find((r) => r.indicateur_id === 'tx-transparence-resultats' && r.type === 'cible')).toMatchObject({ valeur: '100', date: '2022-12-31' });
	});

	it('shows satisfaction over time with its target, and the 2025 barometer by service and by public', async () => {
		const page = await open('/programmes/services-publics-plus');
		const ditp = storeQuery<{ date: string; value: number }>(
			`SELECT o.date, o.value FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.code = 'tx-satisfaction-usagers-services-publics'`
		);
		const years = await tableRows(page, 'Usagers satisfaits par année');
		for (const d of ditp) expect(years.find((r) => r.startsWith(d.date.slice(0, 4)))).toContain(`${fr(d.value)} %`);
		expect(await page.locator('svg[role="img"][aria-label*="avec la cible"] text', { hasText: `Cible 2022 : ${target('tx-satisfaction-usagers-services-publics')}` }).count()).toBe(1);
		const barometer = storeQuery<{ code: string; value: number }>(
			`SELECT i.code, o.value FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.code LIKE 'spp-barometre-2025-satisfaction-globale%'`
		);
		const byService = await tableRows(page, 'Baromètre 2025 par service');
		const byPublic = await tableRows(page, 'Baromètre 2025 par public');
		for (const b of barometer) {
			const rows = b.code.includes('par-public') ? byPublic : byService;
			expect(rows.some((r) => r.includes(`${fr(b.value)} %`)), b.code).toBe(true);
		}
		expect(byService[0]).toContain(`Ensemble des usagers${fr(barometer.find((b) => b.code === 'spp-barometre-2025-satisfaction-globale')!.value)} %`);
	});

	it('has no axe-core violations', () => noViolations('/programmes/services-publics-plus'));
});
