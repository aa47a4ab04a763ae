/**
 * French text everywhere (issue 10): the visible text of the main page types — every folded part
 * (« N sources », « Voir les données ») opened — carries none of the curator's English notes, no
 * raw ISO date, no « 1 politiques », and the home page dates the data by its newest source, as the
 * store holds it, never by the day the store was built.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROGRAMME_PAGES } from '../../src/lib/server/queries/programmes';
import { dataDateLine } from '../../src/lib/source-text';
import { baseUrl, plain, storeQuery, useBrowser } from './harness';

const { newPage } = useBrowser();

/** Words of the curator's English notes of ../shared/data, as whole words (case ignored). */
const ENGLISH_MARKERS = [
	'the', 'licence file', 'undated', 'verify', 'page by page', 'last change', 'not checked', 'repo', 'normally', 'relays', 'reused',
	'copy of', 'transcribed', 'stated', 'deduced', 'not found'
];
const englishIn = (text: string) => ENGLISH_MARKERS.filter((w) => new RegExp(`(^|[^\\p{L}])${w}(?![\\p{L}])`, 'iu').test(text));
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/g;

const firstPolicy = () => storeQuery<{ id: string }>("SELECT id FROM policies WHERE family_id = 'politiques-prioritaires' ORDER BY id LIMIT 1")[0].id;

const PAGES = () => [
	'/',
	'/politiques',
	`/politiques/${firstPolicy()}`,
	'/indicateurs',
	'/indicateurs/IND-311',
	'/indicateurs/IND-311?onglet=graphique',
	'/indicateurs/IND-311?onglet=tableau',
	'/territoires',
	'/territoires/departements/93',
	'/programmes',
	...PROGRAMME_PAGES.map((p) => `/programmes/${p}`),
	'/donnees',
	'/donnees/api',
	'/donnees/mises-a-jour',
	'/recherche?q=logement'
];

/**
 * What a reader sees: `document.body.innerText` with every <details> open. `prose` leaves out
 * <code> and <pre>: /donnees/api and /donnees/mises-a-jour document the API's `au=2024-06-30`
 * parameter with literal examples, which are request syntax, not dates in sentences.
 */
async function visibleText(page: Page, path: string): Promise<{ all: string; prose: string }> {
	const response = await page.goto(baseUrl() + path);
	expect(response?.status(), path).toBe(200);
	return page.evaluate(() => {
		document.querySelectorAll('details').forEach((d) => (d.open = true));
		const all = document.body.innerText;
		document.querySelectorAll('code, pre').forEach((c) => c.remove());
		return { all, prose: document.body.innerText };
	});
}

describe('French text on every main page type', () => {
	it('no English note of the curator, no raw ISO date in sentences, no « 1 politiques », no « 2026(dernière »', async () => {
		const page = await newPage();
		const problems: string[] = [];
		for (const path of PAGES()) {
			const { all, prose } = await visibleText(page, path);
			for (const word of englishIn(all)) problems.push(`${path}: English « ${word} »`);
			for (const date of prose.match(ISO_DAY) ?? []) problems.push(`${path}: ISO date ${date}`);
			for (const slip of plain(all).match(/\b1 (politiques|indicateurs|programmes|résultats|territoires|sources)\b|\d{4}\(|\d+ᵉ|Prefecture de region|non precise\b/g) ?? [])
				problems.push(`${path}: « ${slip} »`);
			// Operators' commands and embed codes belong to the data pages only.
			if (!path.startsWith('/donnees')) {
				if (all.includes('npm run')) problems.push(`${path}: « npm run » shown to citizens`);
				if (all.includes('<iframe')) problems.push(`${path}: embed code shown in the text`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('programme sources read as French sentences: their title, their date or « non datée », their licence', async () => {
		const page = await newPage();
		const { all } = await visibleText(page, '/programmes/laboratoires');
		const text = plain(all);
		// L07 (a ministry page the source folder says is "undated"): its own title, undated, licence to be confirmed.
		expect(text).toContain(
			'L07 DITP (modernisation.gouv.fr), Laboratoires interministériels — non datée — Licence Ouverte / Etalab 2.0 en principe (site public) ; licence non vérifiée : à confirmer auprès du producteur avant réutilisation'
		);
		expect(text).toContain('inauguré le 13 octobre 2025 à Saint-Denis');
		const { all: spp } = await visibleText(page, '/programmes/services-publics-plus');
		expect(plain(spp)).toContain('mise à jour le 15 octobre 2024 — Licence non précisée par la source ; licence non vérifiée');
	});
});

describe('the date of the data', () => {
	it('the home page, /donnees and the footer date the data by the newest source update in the store, not the build', async () => {
		const [{ newest }] = storeQuery<{ newest: string }>(
			"SELECT MAX(d) AS newest FROM (SELECT source_updated_at AS d FROM indicators UNION ALL SELECT updated_at FROM sources) WHERE d IS NOT NULL AND d != ''"
		);
		const [{ imported }] = storeQuery<{ imported: string }>('SELECT imported_at AS imported FROM releases ORDER BY id DESC LIMIT 1');
		expect(newest.slice(0, 10)).not.toBe(imported.slice(0, 10));
		const line = dataDateLine(newest);
		const page = await newPage();
		for (const path of ['/', '/donnees']) {
			const { all } = await visibleText(page, path);
			const text = plain(all);
			expect(text, path).toContain(`${line}.`);
			expect(text.match(/Données mises à jour [^.]*/g), path).toEqual([line, line]); // the lead paragraph and the footer
		}
	});
});
