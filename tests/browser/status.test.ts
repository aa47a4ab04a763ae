/**
 * Statuses say when they were judged: on the home page, a territory page and an indicator page,
 * every status badge that judges something carries « au vu de la valeur de … » (or why it cannot
 * be judged today). Placeholder baselines (IND-246) are shown as not published, with no change
 * and no progress; a sheet contradicting its own cumulative flag (IND-292) says so.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, plain, useBrowser } from './harness';

const { newPage } = useBrowser();

async function statuses(path: string): Promise<{ label: string; text: string }[]> {
	const page = await newPage();
	const response = await page.goto(baseUrl() + path);
	expect(response?.status()).toBe(200);
	const found = await page.locator('.etat-avancement').evaluateAll((els) =>
		els.map((el) => ({ label: el.querySelector('.fr-badge')?.textContent ?? '', text: el.textContent ?? '' }))
	);
	await page.context().close();
	return found.map((s) => ({ label: plain(s.label), text: plain(s.text) }));
}

/** Statuses with nothing to date: no target, nothing computable. */
const UNDATED = /Sans cible|Non calculable|Cible non significative/;

describe('a status always carries its date', () => {
	for (const path of ['/', '/territoires/departements/93', '/indicateurs/IND-200', '/indicateurs/IND-200?territoire=D93']) {
		it(path, async () => {
			const found = await statuses(path);
			const judged = found.filter((s) => !UNDATED.test(s.label));
			expect(judged.length).toBeGreaterThan(0);
			for (const s of judged) expect(s.text).toMatch(/au vu de la valeur (de|d’) ?[a-zéû]* ?\d{4}/);
		});
	}
});

describe('degenerate source data is said, not computed', () => {
	it('IND-246: the placeholder baseline 0 is « non publiée », with the reason in the notes, and no change', async () => {
		const page = await newPage();
		await page.goto(baseUrl() + '/indicateurs/IND-246');
		const national = plain(await page.locator('.national').textContent());
		expect(national).toMatch(/Valeur initiale ?non publiée/);
		expect(national).not.toMatch(/Évolution depuis la valeur initiale/);
		expect(national).not.toMatch(/\+9\d,\d+ pts/);
		expect(plain(await page.locator('.fiche .notes').textContent())).toContain('valeur de remplacement');
		await page.context().close();
	});

	it('IND-292: the description « validés en cumul » and the flag « non cumulatif » are both shown, and flagged', async () => {
		const page = await newPage();
		await page.goto(baseUrl() + '/indicateurs/IND-292');
		const fiche = plain(await page.locator('.fiche').textContent());
		expect(fiche).toContain('indicateur non cumulatif');
		expect(fiche).toContain('Contradiction dans la fiche de la source');
		expect(fiche).toContain('validés en cumul');
		await page.context().close();
	});
});
