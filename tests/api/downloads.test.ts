/**
 * Every download is safe to open in a spreadsheet: the routes are found by walking src/routes (a new
 * `+server.ts` is checked without anyone listing it), each is called with real parameters on a store
 * whose text starts with formula characters, and every CSV it serves (the zip's too) must carry them
 * neutralised — and still import back through the importer.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Database from 'better-sqlite3';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv/read';
import { FORMULA_TRIGGER } from '../../src/lib/csv/write';
import { importRelease } from '../../src/lib/server/import/index';
import { PROGRAMME_PAGES } from '../../src/lib/server/queries/programmes';
import { tmpDir, writeFiles } from '../helpers/tmp';
import { seededApiStore, unzipText } from './helpers';

const ROUTES_DIR = join(import.meta.dirname, '..', '..', 'src', 'routes');

/** Route ids (`/indicateurs/[id]/donnees.csv`) of every endpoint, from the files themselves. */
function endpointRoutes(dir = ROUTES_DIR): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return endpointRoutes(path);
		if (entry.name !== '+server.ts') return [];
		return ['/' + relative(ROUTES_DIR, dir).split(sep).join('/')];
	});
}

/** Values for each route parameter: every programme page, every format, territories that exist. */
const PARAM_VALUES: Record<string, string[]> = {
	id: ['IND-200'],
	format: ['csv', 'json', 'xlsx'],
	programme: [...PROGRAMME_PAGES],
	code: ['R84'],
	n: ['1'],
	rest: ['inconnu']
};
/** Where a route takes other values than the ones above. */
const ROUTE_PARAM_VALUES: Record<string, Record<string, string[]>> = {
	'/api/v1/territoires/[id]': { id: ['R84'] },
	'/api/v1/indicateurs/[id]/cibles.[format]': { format: ['csv', 'json'] }
};
/** The query a route needs to answer 200 (the others need none). */
const QUERIES: Record<string, string> = {
	'/comparer/donnees.csv': '?t=R84,R93,D2A',
	'/api/v1/comparaison': '?territoires=R84,R93',
	'/api/v1/comparaison.csv': '?territoires=R84,R93',
	'/recherche/suggestions.json': '?q=lyon'
};

function concreteUrls(route: string): { path: string; params: Record<string, string> }[] {
	let out = [{ path: route, params: {} as Record<string, string> }];
	for (const [, spread, name] of route.matchAll(/\[(\.\.\.)?(\w+)\]/g)) {
		const token = `[${spread ?? ''}${name}]`;
		out = out.flatMap(({ path, params }) => (ROUTE_PARAM_VALUES[route]?.[name] ?? PARAM_VALUES[name]).map((value) => ({ path: path.replace(token, value), params: { ...params, [name]: value } })));
	}
	return out;
}

interface Answer {
	url: string;
	status: number;
	type: string;
	bytes: Uint8Array;
}

async function call(route: string, path: string, params: Record<string, string>): Promise<Answer> {
	const url = new URL(path + (QUERIES[route] ?? ''), 'http://localhost');
	const mod = (await import(/* @vite-ignore */ join(ROUTES_DIR, route, '+server.ts'))) as { GET?: (event: unknown) => Response | Promise<Response> };
	if (!mod.GET) return { url: url.href, status: 405, type: '', bytes: new Uint8Array() };
	try {
		const response = await mod.GET({ request: new Request(url), url, params, setHeaders() {}, route: { id: route } });
		return { url: url.pathname + url.search, status: response.status, type: response.headers.get('content-type') ?? '', bytes: new Uint8Array(await response.arrayBuffer()) };
	} catch (thrown) {
		if (isRedirect(thrown)) return { url: url.pathname, status: thrown.status, type: '', bytes: new Uint8Array() };
		if (isHttpError(thrown)) return { url: url.pathname, status: thrown.status, type: '', bytes: new Uint8Array() };
		throw thrown;
	}
}

const EVIL = '=HYPERLINK("http://x","clic")';
let store: string;
const answers: Answer[] = [];
/** Each CSV served: where from, and its rows. */
const csvs: { url: string; rows: string[][] }[] = [];

beforeAll(async () => {
	({ path: store } = await seededApiStore());
	// Text a publisher could have written, in every kind of text the downloads carry.
	const db = new Database(store);
	db.exec(`
		UPDATE indicators SET name = '${EVIL.replace(/'/g, "''")} ' || name, note = '@note';
		UPDATE territories SET name = '+' || name WHERE level = 'region';
		UPDATE observations SET note = '=1+2';
		UPDATE targets SET note = '-2+3';
		UPDATE entities SET name = '@' || name, attributes = json_set(attributes, '$.note', '+note');
		UPDATE entities SET attributes = json_set(attributes, '$.texte', '=' || json_extract(attributes, '$.texte')) WHERE kind = 'engagement-services-publics-plus';
		UPDATE sources SET title = '=' || title;
	`);
	db.close();
	for (const route of endpointRoutes()) {
		for (const { path, params } of concreteUrls(route)) answers.push(await call(route, path, params));
	}
	for (const answer of answers) {
		if (answer.type.startsWith('text/csv')) csvs.push({ url: answer.url, rows: parseCsv(new TextDecoder().decode(answer.bytes)).rows.map((r) => r.fields) });
		if (answer.type.startsWith('application/zip')) {
			for (const [name, text] of Object.entries(unzipText(answer.bytes))) if (name.endsWith('.csv')) csvs.push({ url: `${answer.url}#${name}`, rows: parseCsv(text).rows.map((r) => r.fields) });
		}
	}
}, 180_000);

describe('every route serving CSV', () => {
	it('is found in src/routes and answers (the enumeration misses nothing)', () => {
		for (const answer of answers) expect([200, 303, 307, 308, 404], answer.url).toContain(answer.status);
		// The catch-all of the API is the only 404: every other route was called with parameters it serves.
		expect(answers.filter((a) => a.status === 404).map((a) => a.url)).toEqual(['/api/v1/inconnu']);
		const urls = csvs.map((c) => c.url);
		for (const known of [
			'/indicateurs/IND-200/donnees.csv',
			'/comparer/donnees.csv?t=R84,R93,D2A',
			'/programmes/budgets/valeurs.csv',
			'/programmes/budgets/projets.csv',
			'/api/v1/indicateurs/IND-200/valeurs.csv',
			'/api/v1/export.zip#valeurs.csv'
		])
			expect(urls).toContain(known);
		expect(urls.length).toBeGreaterThanOrEqual(15);
	});

	it('never starts a text cell with = + - @: it gets a leading apostrophe, numbers stay numbers', () => {
		for (const { url, rows } of csvs) {
			const cells = rows.flat();
			const neutralised = cells.filter((cell) => /^'[=+\-@]/.test(cell)).length;
			// Each download carries some of the injected text, so the check is not vacuous (the published
			// rates hold only codes, dates and numbers).
			if (!url.endsWith('#avancements.csv')) expect(neutralised, url).toBeGreaterThan(0);
			for (const cell of cells) if (FORMULA_TRIGGER.test(cell)) expect(Number.isFinite(Number(cell)), `${url}: ${cell}`).toBe(true);
		}
	});

	it('imports back through the importer, the guard removed from the notes', async () => {
		const client = new Database(store, { readonly: true });
		const before = client.prepare("SELECT count(*) AS n FROM observations WHERE note = '=1+2'").get();
		// Not the comparison's CSV: it holds what its view shows beside the canonical columns (gap, rank, status…), see README.
		for (const url of ['/indicateurs/IND-200/donnees.csv', '/api/v1/indicateurs/IND-200/valeurs.csv', '/programmes/budgets/valeurs.csv']) {
			const csv = csvs.find((c) => c.url === url)!;
			const dir = writeFiles(tmpDir(), { 'valeurs.csv': csv.rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n' });
			const report = await importRelease([dir], { dbPath: store, dryRun: true });
			if (!report.ok) throw new Error(`${url}: ${JSON.stringify(report.problems.slice(0, 3))}`);
			expect(report.values, url).toMatchObject({ inserted: 0, revised: 0, rejected: 0 });
			expect(report.values.read, url).toBe(csv.rows.length - 1);
		}
		expect(client.prepare("SELECT count(*) AS n FROM observations WHERE note = '=1+2'").get()).toEqual(before);
		client.close();
	}, 60_000);
});
