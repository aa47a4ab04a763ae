/**
 * The production server as operations see it: one process per core, each noticing a release
 * published by atomic file replacement; the access log; graceful shutdown; cold renders bounded
 * (503 with Retry-After) while cached answers keep coming.
 */
import { copyFileSync, renameSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importRelease } from '../../src/lib/server/import/index';
import { startServer, stopServer, type RunningServer } from '../helpers/server';
import { tmpDir, writeFiles } from '../helpers/tmp';

let dir: string;
let store: string;

beforeAll(() => {
	dir = tmpDir({ forFile: true });
	store = join(dir, 'store.sqlite');
	copyFileSync(inject('dbPath'), store);
});

/** A release built aside and renamed over the store, as a deployment publishes it. */
async function publishRelease(): Promise<void> {
	const next = join(dir, 'next.sqlite');
	copyFileSync(store, next);
	const csv = await (await fetch(`${inject('baseUrl')}/api/v1/indicateurs/IND-200/valeurs.csv?maille=national`)).text();
	const [header, first] = csv.split('\n');
	const cells = first.split(',');
	const valueAt = header.split(',').indexOf('valeur');
	cells[valueAt] = String(Number(cells[valueAt]) + 1);
	const release = writeFiles(tmpDir(), { 'valeurs.csv': `${header}\n${cells.join(',')}\n` });
	const report = await importRelease([release], { dbPath: next });
	if (!report.ok) throw new Error(JSON.stringify(report.problems));
	renameSync(next, store);
}

/** /sante on a new connection each time, so the primary hands it to the next process. */
function sante(url: string): Promise<{ livraison: number; processus: number }> {
	return new Promise((resolve, reject) => {
		request(`${url}/sante`, { agent: false }, (res) => {
			let body = '';
			res.on('data', (c) => (body += c));
			res.on('end', () => resolve(JSON.parse(body)));
		})
			.on('error', reject)
			.end();
	});
}

describe('npm start’s server: one process per core', () => {
	let app: RunningServer;
	beforeAll(async () => {
		app = await startServer(inject('buildDir'), store, { WEB_CONCURRENCY: '2', ACCESS_LOG: '1' });
	});
	afterAll(async () => {
		if (app) await stopServer(app.server);
	});

	it('answers from several processes, each picking up a release that replaced the store file', async () => {
		// The server answers as soon as its first process listens: wait (bounded) for the second.
		let before: { livraison: number; processus: number }[] = [];
		for (let i = 0; i < 50 && new Set(before.map((s) => s.processus)).size < 2; i++) {
			if (i) await new Promise((r) => setTimeout(r, 200));
			before = await Promise.all(Array.from({ length: 12 }, () => sante(app.url)));
		}
		expect(new Set(before.map((s) => s.processus)).size).toBe(2);
		const release = before[0].livraison;
		const page = await fetch(`${app.url}/api/v1/releases`).then((r) => r.json());
		await publishRelease();
		// Every process sees it within its next check (once a second), without a restart.
		let after: { livraison: number; processus: number }[] = [];
		for (let i = 0; i < 50; i++) {
			after = await Promise.all(Array.from({ length: 8 }, () => sante(app.url)));
			if (after.every((s) => s.livraison === release + 1)) break;
			await new Promise((r) => setTimeout(r, 200));
		}
		expect(after.map((s) => s.livraison)).toEqual(after.map(() => release + 1));
		expect(new Set(after.map((s) => s.processus))).toEqual(new Set(before.map((s) => s.processus)));
		// The cached answers moved with it.
		expect(await fetch(`${app.url}/api/v1/releases`).then((r) => r.json())).not.toEqual(page);
	});

	it('logs one line per request: Common Log Format, then the time taken', async () => {
		await fetch(`${app.url}/indicateurs/IND-200?zz=1`, { redirect: 'manual' });
		const r = await fetch(`${app.url}/geo/france.topo.json`, { headers: { 'accept-encoding': 'identity' } });
		const size = (await r.arrayBuffer()).byteLength;
		await new Promise((resolve) => setTimeout(resolve, 100));
		const lines = app.stdout().split('\n');
		expect(lines).toContainEqual(expect.stringMatching(/^\S+ - - \[\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "GET \/indicateurs\/IND-200\?zz=1 HTTP\/1\.1" 308 0 \d+\.\dms$/));
		expect(lines).toContainEqual(expect.stringMatching(new RegExp(`"GET /geo/france\\.topo\\.json HTTP/1\\.1" 200 ${size} \\d+\\.\\dms$`)));
	});

	it('finishes the requests in flight when stopped, then exits 0', async () => {
		// A large download whose body the client has not read yet when the server is told to stop.
		const { statusCode, read } = await slowDownload(`${app.url}/api/v1/export.zip`);
		expect(statusCode).toBe(200);
		const exited = stopServer(app.server);
		const body = await read();
		expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
		expect(body.length).toBeGreaterThan(100_000);
		expect(await exited).toBe(0);
	});
});

/** Starts a GET, waits for the status line, and reads the body only when asked. */
function slowDownload(url: string): Promise<{ statusCode: number; read: () => Promise<Buffer> }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { agent: false }, (res) => {
			res.pause();
			resolve({
				statusCode: res.statusCode!,
				read: () =>
					new Promise((done, fail) => {
						const chunks: Buffer[] = [];
						res.on('data', (c) => chunks.push(c));
						res.on('end', () => done(Buffer.concat(chunks)));
						res.on('error', fail);
						res.resume();
					})
			});
		});
		req.on('error', reject);
		req.end();
	});
}

describe('cold renders are bounded', () => {
	let app: RunningServer;
	beforeAll(async () => {
		app = await startServer(inject('buildDir'), store, { WEB_CONCURRENCY: '1', RENDER_CONCURRENCY: '1', RENDER_QUEUE: '1' });
	});
	afterAll(async () => {
		if (app) await stopServer(app.server);
	});

	it('beyond the queue, 503 with Retry-After at once; cached answers are never refused', async () => {
		expect((await fetch(`${app.url}/`)).status).toBe(200); // now cached
		const codes = ['R84', 'R93', 'R11', 'R24', 'R27', 'R28', 'R32', 'R44', 'R52', 'R53'];
		const cold = codes.map((code) => fetch(`${app.url}/comparer?t=${code},D2A`));
		const cached = await Promise.all(Array.from({ length: 5 }, () => fetch(`${app.url}/`)));
		const answers = await Promise.all(cold);
		expect(cached.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
		const refused = answers.filter((r) => r.status === 503);
		expect(refused.length).toBeGreaterThan(0);
		expect(answers.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2);
		expect(answers.every((r) => r.status === 200 || r.status === 503)).toBe(true);
		expect(refused[0].headers.get('retry-after')).toBe('2');
		expect(refused[0].headers.get('cache-control')).toBe('no-store');
	});

	it('a burst of requests for one uncached page shares one render: none refused', async () => {
		const health = async () => ((await (await fetch(`${app.url}/sante`)).json()) as { rendus_par_les_fils: number }).rendus_par_les_fils;
		const before = await health();
		const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${app.url}/comparer?t=R75,D33`)));
		expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
		const bodies = await Promise.all(answers.map((r) => r.text()));
		expect(new Set(bodies).size).toBe(1);
		expect(await health()).toBe(before + 1);
	});
});

describe('cold renders happen in render threads', () => {
	let threaded: RunningServer;
	let inline: RunningServer;
	beforeAll(async () => {
		[threaded, inline] = await Promise.all([
			startServer(inject('buildDir'), store, { WEB_CONCURRENCY: '1', RENDER_THREADS: '2' }),
			startServer(inject('buildDir'), store, { WEB_CONCURRENCY: '1', RENDER_THREADS: '0' })
		]);
	});
	afterAll(async () => {
		await Promise.all([threaded, inline].filter(Boolean).map((app) => stopServer(app.server)));
	});

	const health = async (app: RunningServer) => (await (await fetch(`${app.url}/sante`)).json()) as { fils_de_rendu: number; rendus_par_les_fils: number };

	it('renders uncached pages in its threads, not on the thread that answers cached ones', async () => {
		expect((await health(threaded)).fils_de_rendu).toBe(2);
		expect((await health(inline)).fils_de_rendu).toBe(0);
		const before = (await health(threaded)).rendus_par_les_fils;
		expect((await fetch(`${threaded.url}/territoires/departements/2A`)).status).toBe(200);
		expect((await fetch(`${threaded.url}/territoires/departements/2A`)).status).toBe(200); // cached: not rendered again
		expect((await health(threaded)).rendus_par_les_fils).toBe(before + 1);
	});

	it('the comparison API asked in another order shares the cache entry of the canonical order', async () => {
		const before = (await health(threaded)).rendus_par_les_fils;
		const [a, b] = [await fetch(`${threaded.url}/api/v1/comparaison.csv?territoires=R84,R93,D69`), await fetch(`${threaded.url}/api/v1/comparaison.csv?territoires=D69,R93,R84`)];
		expect([a.status, b.status]).toEqual([200, 200]);
		expect(await b.text()).toBe(await a.text());
		expect((await health(threaded)).rendus_par_les_fils).toBe(before + 1);
	});

	it('answers the same bytes, status and headers as a render on the main thread', async () => {
		const paths = [
			'/',
			'/comparer?t=R84,D69',
			'/indicateurs/IND-200/donnees.csv',
			'/api/v1/indicateurs/IND-200/valeurs.csv?maille=region',
			'/indicateurs/IND-200/__data.json?x-sveltekit-invalidated=01',
			'/indicateurs/PAS-UN-INDICATEUR',
			'/comparer?t=R84,D69&inconnu=1',
			'/politiques?vue=inconnue'
		];
		const same = (h: Headers) => [...h].filter(([k]) => !['date', 'keep-alive', 'connection'].includes(k));
		for (const path of paths) {
			const options = { headers: { 'accept-encoding': 'gzip' }, redirect: 'manual' as const };
			const [a, b] = await Promise.all([fetch(threaded.url + path, options), fetch(inline.url + path, options)]);
			expect(a.status, path).toBe(b.status);
			expect(same(a.headers), path).toEqual(same(b.headers));
			expect(Buffer.from(await a.arrayBuffer()).equals(Buffer.from(await b.arrayBuffer())), path).toBe(true);
		}
	});
});
