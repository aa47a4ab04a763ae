/**
 * The embeddable comparison of one indicator (/integrer/comparer?t=R84,R93,D2A&indicateur=IND-200):
 * the values of the three territories and France from the store, the summary, the source line and
 * the link back; no site header or footer; framable by any site and working inside an <iframe>;
 * 400 for a missing or malformed `indicateur`, 404 for an indicator the comparison does not show;
 * axe-core clean, and no horizontal scrolling on a phone.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { axeViolations, baseUrl, hydrated, plain, storeQuery, useBrowser } from './harness';

const { newPage } = useBrowser();
const CHOSEN = ['R84', 'R93', 'D2A'];
const INDICATOR = 'IND-200';
const EMBED = `/integrer/comparer?t=${CHOSEN.join(',')}&indicateur=${INDICATOR}`;
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** Numbers and dates as the page should print them, written independently of src/lib/format.ts. */
const digits = (value: number, decimals = 2) => plain(value.toLocaleString('fr-FR', { maximumFractionDigits: decimals })).replace('-', '−');
const period = (date: string) => (date.length >= 7 ? `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}` : date.slice(0, 4));
const day = (date: string) => `${Number(date.slice(8, 10)) === 1 ? '1er' : Number(date.slice(8, 10))} ${period(date)}`;

interface Latest {
	value: number;
	date: string;
	name: string;
}
const latestIn = (territory: string): Latest =>
	storeQuery<Latest>(
		`SELECT o.value, o.date, t.name FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
		 WHERE i.code = ? AND t.code = ? AND o.date <> '' ORDER BY o.date DESC LIMIT 1`,
		INDICATOR,
		territory
	)[0];
const meta = () =>
	storeQuery<{ name: string; direction: string; unit: string; producer: string; licence: string; updated: string; family: string }>(
		`SELECT i.name, i.direction, i.unit, i.producer, i.licence, i.source_updated_at AS updated, p.family_id AS family
		 FROM indicators i JOIN policies p ON p.id = i.policy_id WHERE i.code = ?`,
		INDICATOR
	)[0];

/** Rank among the régions (or départements) with a value at the same date: 1 + those strictly better. */
function expectedRank(code: string): string {
	const here = latestIn(code);
	const level = code.startsWith('R') ? 'region' : 'departement';
	const values = storeQuery<{ value: number }>(
		`SELECT o.value FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
		 WHERE i.code = ? AND t.level = ? AND o.date = ?`,
		INDICATOR,
		level,
		here.date
	).map((r) => r.value);
	const better = values.filter((v) => (meta().direction === 'baisse' ? v < here.value : v > here.value)).length;
	return `${better === 0 ? '1er' : `${better + 1}e`} sur ${values.length} ${level === 'region' ? 'régions' : 'départements de France'}`;
}

async function open(path: string, options: { width?: number } = {}): Promise<Page> {
	const page = await newPage(options);
	const response = await page.goto(baseUrl() + path);
	expect(response?.status(), path).toBe(200);
	await hydrated(page);
	return page;
}

describe('embedded comparison: content', () => {
	it('the indicator’s latest values for the three territories and France, as stored, with the line keys', async () => {
		expect(meta().unit).toBe('%');
		const page = await open(EMBED);
		expect(plain(await page.textContent('h1'))).toBe(meta().name);
		const names = CHOSEN.map((c) => latestIn(c).name);
		expect(plain(await page.textContent('.sous-titre'))).toBe(`Comparaison : ${names[0]}, ${names[1]} et ${names[2]}, avec la France pour référence`);
		expect(await page.locator('tbody tr').count()).toBe(4);
		const france = latestIn('FR');
		for (const code of [...CHOSEN, 'FR']) {
			const latest = latestIn(code);
			const row = plain(await page.locator(`tr[data-territoire="${code}"]`).textContent());
			expect(row, code).toContain(latest.name);
			expect(row, code).toContain(`${digits(latest.value)} %`);
			expect(row, code).toContain(period(latest.date));
			expect(await page.locator(`tr[data-territoire="${code}"] th svg.cle line`).count(), code).toBe(1);
			if (code === 'FR') continue;
			const gap = latest.value - france.value;
			expect(row, code).toContain(`${gap > 0 ? '+' : gap < 0 ? '−' : ''}${digits(Math.abs(gap))} ${Math.abs(gap) < 2 ? 'pt' : 'pts'}`);
			expect(row, code).toContain(expectedRank(code));
		}
		expect(plain(await page.textContent('tr[data-territoire="FR"]'))).toContain('référence');
		// The small multiple, drawn larger than on /comparer, one line or point per territory.
		const chart = page.locator('svg.evolution');
		expect(await chart.getAttribute('width')).toBe('480');
		expect(await chart.getAttribute('aria-hidden')).toBe('true');
		expect(await chart.locator('circle').count()).toBe(4);
		expect(plain(await page.textContent('figcaption'))).toContain(`${names[0]} : `);
	});

	it('the one-sentence summary: lowest to highest latest value, the most favourable named, France beside', async () => {
		const page = await open(EMBED);
		const values = CHOSEN.map(latestIn).sort((a, b) => a.value - b.value);
		const [low, high] = [values[0], values.at(-1)!];
		const best = meta().direction === 'hausse' ? 'high' : meta().direction === 'baisse' ? 'low' : null;
		const mark = (which: string) => (best === which ? ', valeur la plus favorable' : '');
		expect(new Set(values.map((v) => v.date)).size).toBe(1);
		const when = period(low.date);
		expect(plain(await page.textContent('.resume'))).toBe(
			`${when[0].toUpperCase()}${when.slice(1)} : de ${digits(low.value)} % (${low.name}${mark('low')}) à ${digits(high.value)} % (${high.name}${mark('high')}) ; France : ${digits(latestIn('FR').value)} %.`
		);
	});

	it('no site header or footer; the source line from the store; the link back out of the frame; not indexed', async () => {
		const page = await open(EMBED);
		expect(await page.locator('header, footer, .fr-header, .fr-footer, .fr-skiplinks').count()).toBe(0);
		const { producer, licence, updated } = meta();
		const source = plain(await page.textContent('p.source'));
		expect(source).toContain(`Source : ${producer}, mise à jour le ${day(updated)}. Licence : ${licence}.`);
		expect(source).toContain('Licence : Licence Ouverte / Etalab 2.0.');
		expect(source).toContain('mise à jour le 29 juin 2024');
		const back = page.locator('p.source a');
		expect(await back.getAttribute('href')).toBe(`/comparer?t=R84,R93,D2A#ind-${INDICATOR}`);
		expect(await back.getAttribute('target')).toBe('_top');
		expect(await page.getAttribute('meta[name="robots"]', 'content')).toBe('noindex');
		expect(await page.getAttribute('html', 'lang')).toBe('fr');
		// No download controls in the embed: the full page has them.
		expect(await page.locator('textarea, .telechargements').count()).toBe(0);
	});

	it('the filters are carried to the link back; unknown parameters are ignored, as on /comparer', async () => {
		const family = meta().family;
		const page = await open(`${EMBED}&famille=${family}&utm_source=test`);
		expect(await page.getAttribute('p.source a', 'href')).toBe(`/comparer?t=R84,R93,D2A&famille=${family}#ind-${INDICATOR}`);
		expect((await fetch(`${baseUrl()}/comparer?t=R84,R93,D2A&utm_source=test`)).status).toBe(200);
		// The link back lands on the indicator's row of the comparison.
		const full = await open(`/comparer?t=R84,R93,D2A&famille=${family}`);
		expect(plain(await full.textContent(`#ind-${INDICATOR} th a`))).toBe(meta().name);
	});
});

describe('embedded comparison: errors', () => {
	// An indicator of the store that Corse-du-Sud has no value for.
	const absent = () =>
		storeQuery<{ code: string }>(
			`SELECT i.code FROM indicators i WHERE NOT EXISTS (SELECT 1 FROM observations o JOIN territories t ON t.id = o.territory_id
			 WHERE o.indicator_id = i.id AND t.code = 'D2A' AND o.date <> '') ORDER BY i.code LIMIT 1`
		)[0].code;
	const base = '/integrer/comparer?t=R84,R93,D2A';

	it('a missing, repeated or malformed « indicateur » is a 400 with a French message and hint, never a 500', async () => {
		for (const [path, message] of [
			[base, 'Paramètre « indicateur » manquant'],
			[`${base}&indicateur=`, 'Paramètre « indicateur » manquant'],
			[`${base}&indicateur=IND-200&indicateur=IND-218`, 'ne peut être donné qu’une fois'],
			[`${base}&indicateur=IND%20200`, 'Paramètre « indicateur » mal formé : « IND 200 »'],
			[`${base}&indicateur=%3Cscript%3E`, 'mal formé'],
			[`/integrer/comparer?indicateur=${INDICATOR}`, 'Paramètre « t » manquant'],
			[`/integrer/comparer?t=R84&indicateur=${INDICATOR}`, 'au moins 2 territoires'],
			[`/integrer/comparer?t=R84,D99&indicateur=${INDICATOR}`, 'Territoire inconnu : « D99 »'],
			[`${EMBED}&famille=inconnue`, 'Famille inconnue']
		] as const) {
			const response = await fetch(baseUrl() + path, { headers: { accept: 'text/html' } });
			expect(response.status, path).toBe(400);
			const text = plain(await response.text());
			expect(text, path).toContain(message);
			expect(text, path).toContain('Adresse mal formée');
		}
		const page = await newPage();
		expect((await page.goto(baseUrl() + base))?.status()).toBe(400);
		expect(plain(await page.textContent('body'))).toContain('La rubrique « Intégrer » de la page « Comparer » donne le code d’intégration de chaque indicateur.');
		expect(await page.locator('header, footer').count()).toBe(0);
	});

	it('an indicator the comparison does not show is a 404, saying why', async () => {
		const otherFamily = storeQuery<{ id: string }>('SELECT id FROM families WHERE id <> ? ORDER BY id LIMIT 1', meta().family)[0].id;
		for (const [path, message] of [
			[`${base}&indicateur=NOPE-1`, 'Indicateur introuvable : « NOPE-1 »'],
			[`${base}&indicateur=${absent()}`, `L’indicateur « ${absent()} » n’est pas publié pour chacun des territoires comparés`],
			[`${EMBED}&famille=${otherFamily}`, `L’indicateur « ${INDICATOR} » n’est pas dans la famille choisie`]
		] as const) {
			const response = await fetch(baseUrl() + path, { headers: { accept: 'text/html' } });
			expect(response.status, path).toBe(404);
			expect(plain(await response.text()), path).toContain(message);
		}
	});
});

describe('embedded comparison: framing', () => {
	it('may be framed by any site, from the first answer and from the cache', async () => {
		for (let i = 0; i < 2; i++) {
			const embed = await fetch(baseUrl() + EMBED);
			expect(embed.status).toBe(200);
			expect(embed.headers.get('x-frame-options')).toBeNull();
			expect(embed.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
			const page = await fetch(baseUrl() + '/comparer?t=R84,R93,D2A');
			expect(page.headers.get('x-frame-options')).toBe('DENY');
			expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
		}
	});

	it('renders inside an <iframe> on another site', async () => {
		const host = createServer((_, res) => {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(`<!doctype html><html lang="fr"><title>Hôte</title><body><iframe src="${baseUrl()}${EMBED}" width="720" height="900" title="Comparaison"></iframe></body></html>`);
		});
		await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
		onTestFinished(() => new Promise<void>((resolve) => host.close(() => resolve())));
		const page = await newPage({ bypassCSP: false });
		await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/article`);
		const frame = page.frameLocator('iframe[title="Comparaison"]');
		await frame.locator('svg.evolution').waitFor();
		expect(plain(await frame.locator('h1').textContent())).toBe(meta().name);
		expect(await frame.locator('tbody tr').count()).toBe(4);
		expect(await frame.locator('p.source a[target="_top"]').count()).toBe(1);
	});
});

describe('embedded comparison: accessibility and small screens', () => {
	it('no axe-core violations (WCAG 2.1 AA)', async () => {
		expect(await axeViolations(await open(EMBED))).toEqual([]);
	});

	it('no horizontal scrolling of the page at 375 px (the table scrolls in its own region)', async () => {
		const page = await open(EMBED, { width: 375 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
		expect(await axeViolations(page)).toEqual([]);
	});
});
