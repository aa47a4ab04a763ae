/**
 * The API tests call the real `+server.ts` handlers (SvelteKit's `GET`, `OPTIONS`, `fallback`)
 * on a store built in a temporary folder: `DATABASE_PATH` is set before the first handler is
 * imported, so `getClient()` opens that store.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { seedStore } from '../../src/lib/server/import/seed';
import { tmpDir } from '../helpers/tmp';

type Module = {
	GET: (event: { request: Request; params: Record<string, string> }) => Response | Promise<Response>;
	OPTIONS: () => Response;
	fallback: (event: { request: Request }) => Response;
};

const ROUTES: [RegExp, string[], () => Promise<unknown>][] = [
	[/^\/api\/v1\/indicateurs$/, [], () => import('../../src/routes/api/v1/indicateurs/+server')],
	[/^\/api\/v1\/indicateurs\/([^/]+)$/, ['id'], () => import('../../src/routes/api/v1/indicateurs/[id]/+server')],
	[/^\/api\/v1\/indicateurs\/([^/]+)\/valeurs\.([^/]*)$/, ['id', 'format'], () => import('../../src/routes/api/v1/indicateurs/[id]/valeurs.[format]/+server')],
	[/^\/api\/v1\/indicateurs\/([^/]+)\/cibles\.([^/]*)$/, ['id', 'format'], () => import('../../src/routes/api/v1/indicateurs/[id]/cibles.[format]/+server')],
	[/^\/api\/v1\/territoires$/, [], () => import('../../src/routes/api/v1/territoires/+server')],
	[/^\/api\/v1\/territoires\/([^/]+)$/, ['id'], () => import('../../src/routes/api/v1/territoires/[id]/+server')],
	[/^\/api\/v1\/releases$/, [], () => import('../../src/routes/api/v1/releases/+server')],
	[/^\/api\/v1\/releases\/([^/]+)\/changements\.csv$/, ['n'], () => import('../../src/routes/api/v1/releases/[n]/changements.csv/+server')],
	[/^\/api\/v1\/openapi\.json$/, [], () => import('../../src/routes/api/v1/openapi.json/+server')],
	[/^\/api\/v1\/export\.zip$/, [], () => import('../../src/routes/api/v1/export.zip/+server')],
	[/^\/api\/v1\/comparaison$/, [], () => import('../../src/routes/api/v1/comparaison/+server')],
	[/^\/api\/v1\/comparaison\.csv$/, [], () => import('../../src/routes/api/v1/comparaison.csv/+server')],
	[/^\/api\/v1(?:\/(.*))?$/, ['rest'], () => import('../../src/routes/api/v1/[...rest]/+server')]
];

export interface Reply {
	status: number;
	headers: Headers;
	bytes: Uint8Array;
	text: string;
	json: () => any;
}

/** Dispatches like SvelteKit's router: GET (and HEAD) → GET, OPTIONS → OPTIONS, others → fallback. */
export async function api(pathAndQuery: string, init: RequestInit = {}): Promise<Reply> {
	const url = new URL(pathAndQuery, 'http://localhost');
	const route = ROUTES.find(([pattern]) => pattern.test(url.pathname));
	if (!route) throw new Error(`no route for ${url.pathname}`);
	const match = route[0].exec(url.pathname)!;
	const params = Object.fromEntries(route[1].map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
	const mod = (await route[2]()) as Module;
	const request = new Request(url, init);
	const method = request.method;
	const response = method === 'GET' || method === 'HEAD' ? await mod.GET({ request, params }) : method === 'OPTIONS' ? mod.OPTIONS() : mod.fallback({ request });
	const bytes = new Uint8Array(await response.arrayBuffer());
	const text = new TextDecoder().decode(bytes);
	return { status: response.status, headers: response.headers, bytes, text, json: () => JSON.parse(text) };
}

/** A store seeded with the bundled data, for the whole test file; the API reads it. */
export async function seededApiStore(): Promise<{ path: string; client: Database.Database }> {
	const path = join(tmpDir({ forFile: true }), 'store.sqlite');
	const report = await seedStore(path);
	if (!report.ok) throw new Error('seed failed');
	process.env.DATABASE_PATH = path;
	return { path, client: new Database(path, { readonly: true }) };
}

export function unzipText(bytes: Uint8Array): Record<string, string> {
	const files = unzipSync(bytes);
	return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, new TextDecoder().decode(data)]));
}
