/**
 * What browser tests share: Debian's Chromium through playwright-core (never a downloaded browser),
 * the running site's URL, read access to the same store to assert real figures, and axe-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const baseUrl = () => inject('baseUrl');

/** Read-only queries on the store the server uses: tests compare the page with the database. */
export function storeQuery<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(inject('dbPath'), { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

/** One browser per test file; `newPage()` gives a fresh page at a given viewport. */
export function useBrowser() {
	let browser: Browser;
	beforeAll(async () => {
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run']
		});
	});
	afterAll(async () => browser?.close());
	return {
		newPage: async (options: { width?: number; height?: number; javaScript?: boolean; bypassCSP?: boolean } = {}): Promise<Page> => {
			const context = await browser.newContext({
				viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
				javaScriptEnabled: options.javaScript ?? true,
				locale: 'fr-FR',
				// axe-core is injected as an inline script, which the site's CSP rightly forbids.
				bypassCSP: options.bypassCSP ?? true
			});
			return context.newPage();
		}
	};
}

/**
 * Waits for hydration (the root layout marks <html data-hydrated>), which SvelteKit does after the
 * load event: a click or a key before it is handled as without JavaScript (a full page load).
 */
export async function hydrated(page: Page): Promise<void> {
	// Pages rendered without client code (`csr = false`, e.g. /donnees) have no SvelteKit bootstrap: nothing to wait for.
	await page.waitForFunction(
		() => document.documentElement.hasAttribute('data-hydrated') || ![...document.scripts].some((s) => s.textContent?.includes('__sveltekit_'))
	);
}

/** `open(path, width, scheme)`: a fresh page in that colour scheme at `path`, which must answer 200. */
export function pageOpener(newPage: ReturnType<typeof useBrowser>['newPage']) {
	return async (path: string, width = 1280, scheme: 'light' | 'dark' = 'light'): Promise<Page> => {
		const page = await newPage({ width });
		await page.emulateMedia({ colorScheme: scheme });
		const response = await page.goto(baseUrl() + path);
		expect(response?.status(), path).toBe(200);
		await hydrated(page);
		return page;
	};
}

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: string[];
}

/** axe-core's WCAG 2.1 A/AA rules on the current page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	await page.addScriptTag({ content: AXE_SOURCE });
	return page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
		return result.violations.map((v: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' '))
		}));
	});
}

/** Text with French number spaces (U+202F, U+00A0) folded to plain spaces, for comparisons. */
export function plain(text: string | null): string {
	return (text ?? '').replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ').trim();
}
