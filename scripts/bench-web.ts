/**
 * npm run bench:web — builds the site, starts the production server on a seeded store, then
 *  (a) loads one page of every type in Debian's Chromium (empty cache): HTML before compression,
 *      DOM elements, and the compressed bytes transferred by kind (HTML, JS, CSS, data, fonts, other);
 *  (b) measures requests/s and p50/p99 latency at 50 connections (autocannon) for a département
 *      page and an indicator page, next to nginx serving a static file of the same bytes;
 *  (c) hostile cases: a cached page alone, then beside one client requesting distinct uncached
 *      /comparer URLs as fast as it can; 50 connections of distinct cold URLs (timeouts, and the
 *      time `/` takes meanwhile);
 *  (d) the cached page through deploy/nginx.conf (TLS, nginx cache) in front of the app.
 * Loopback only; bounded in time. nginx comes from Debian (`apt-get install nginx`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import Database from 'better-sqlite3';
import { seedStore } from '../src/lib/server/import/seed';
import { startNginx } from './nginx-local';
import { parseArgs } from './args';
import { sortTerritoryCodes } from '../src/lib/territory-codes';

const args = parseArgs(process.argv.slice(2), { flags: ['no-build'], options: ['duration', 'connections'] });
const DURATION = Number(args.options.duration ?? 10);
const CONNECTIONS = Number(args.options.connections ?? 50);
const PORT = 4310;
const NGINX_PORT = 4311;
const PROXY_PORTS = [4312, 4313];
const PAGES = { home: '/', indicator: '/indicateurs/IND-200', departement: '/territoires/departements/2A' };

const kb = (n: number) => `${(n / 1024).toFixed(1)} Ko`;
const fmt = (n: number) => Math.round(n).toLocaleString('fr-FR').replace(/\u202f/g, ' ');

async function waitFor(url: string, child: ChildProcess): Promise<void> {
	for (let i = 0; i < 150; i++) {
		if (child.exitCode !== null) throw new Error(`${url}: process exited`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`no answer from ${url}`);
}

/** Every page type of the site, for the first-view figures (issue budgets: HTML, elements, JS). */
const PAGE_TYPES: [string, string][] = [
	['accueil', '/'],
	['politiques', '/politiques'],
	['politique', '/politiques/ftap'],
	['catalogue', '/indicateurs'],
	['indicateur (carte)', '/indicateurs/IND-200'],
	['indicateur (graphique)', '/indicateurs/IND-311?onglet=graphique&territoire=D93'],
	['territoires', '/territoires'],
	['département 2A', '/territoires/departements/2A'],
	['département 93', '/territoires/departements/93'],
	['département 93, baromètre 2017–2022', '/territoires/departements/93?famille=barometre-2017-2022'],
	['région 84', '/territoires/regions/84'],
	['France', '/territoires/france'],
	['France, Services Publics+ (sa plus grande famille)', '/territoires/france?famille=services-publics-plus'],
	['comparer (4)', '/comparer?t=R84,R93,D2A,D93'],
	['programmes', '/programmes'],
	['recherche', '/recherche?q=logement'],
	['données', '/donnees']
];

interface FirstView {
	sizes: Record<string, number>;
	/** HTML before compression, and DOM elements once loaded. */
	htmlBytes: number;
	elements: number;
}

/** Compressed bytes transferred for a first view (empty cache), by kind, with the page's raw HTML size and element count. */
async function firstViews(base: string, paths: string[]): Promise<FirstView[]> {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu']
	});
	const views: FirstView[] = [];
	try {
		for (const path of paths) {
			const context = await browser.newContext(); // empty cache each time
			const page = await context.newPage();
			const sizes: Record<string, number> = { HTML: 0, JS: 0, CSS: 0, 'données': 0, polices: 0, autres: 0 };
			const pending: Promise<void>[] = [];
			page.on('requestfinished', (request) => {
				pending.push(
					request.sizes().then((s) => {
						const type = request.resourceType();
						const kind =
							type === 'document' ? 'HTML' : type === 'script' ? 'JS' : type === 'stylesheet' ? 'CSS' : type === 'font' ? 'polices' : type === 'fetch' || type === 'xhr' ? 'données' : 'autres';
						sizes[kind] += s.responseBodySize + s.responseHeadersSize;
					})
				);
			});
			await page.goto(base + path, { waitUntil: 'networkidle' });
			await Promise.all(pending);
			const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
			const htmlBytes = (await (await fetch(base + path, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength;
			views.push({ sizes, htmlBytes, elements });
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return views;
}

async function load(url: string, headers: Record<string, string>, options: Partial<autocannon.Options> = {}) {
	const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers, ...options });
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts + result.non2xx,
		timeouts: result.timeouts,
		non2xx: result.non2xx,
		statuses: { '2xx': result['2xx'], '5xx': result['5xx'] }
	};
}

/** Distinct comparison URLs nobody asked for yet: pairs and triples of territories, in the canonical order (no redirect). */
function* coldComparisons(given: string[]): Generator<string> {
	const codes = sortTerritoryCodes(given);
	for (let i = 0; i < codes.length; i++)
		for (let j = i + 1; j < codes.length; j++) {
			yield `/comparer?t=${codes[i]},${codes[j]}`;
			for (let k = j + 1; k < codes.length; k++) yield `/comparer?t=${codes[i]},${codes[j]},${codes[k]}`;
		}
}

/** One client fetching distinct uncached URLs back to back until `stop()`; counts answers by status. */
function coldClient(base: string, urls: Iterator<string>) {
	const counts: Record<number, number> = {};
	let stopped = false;
	const done = (async () => {
		while (!stopped) {
			const next = urls.next();
			if (next.done) break;
			try {
				const res = await fetch(base + next.value, { headers: { 'accept-encoding': 'br' } });
				await res.arrayBuffer();
				counts[res.status] = (counts[res.status] ?? 0) + 1;
			} catch {
				counts[0] = (counts[0] ?? 0) + 1;
			}
		}
	})();
	return {
		stop: async () => {
			stopped = true;
			await done;
			return counts;
		}
	};
}

/** Times `/` every 250 ms until `stop()`: the worst and the 99th percentile, in ms. */
function probe(url: string) {
	const times: number[] = [];
	let failures = 0;
	let stopped = false;
	const done = (async () => {
		while (!stopped) {
			const start = performance.now();
			try {
				const res = await fetch(url, { headers: { 'accept-encoding': 'br' }, signal: AbortSignal.timeout(10_000) });
				await res.arrayBuffer();
				if (res.status !== 200) failures++;
			} catch {
				failures++;
			}
			times.push(performance.now() - start);
			await new Promise((r) => setTimeout(r, 250));
		}
	})();
	return {
		stop: async () => {
			stopped = true;
			await done;
			const sorted = [...times].sort((a, b) => a - b);
			return { max: sorted.at(-1) ?? 0, p99: sorted[Math.floor(0.99 * (sorted.length - 1))] ?? 0, count: times.length, failures };
		}
	};
}

const work = mkdtempSync(join(tmpdir(), 'barometre-bench-web-'));
chmodSync(work, 0o755); // nginx workers (www-data) read the static copies
const children: ChildProcess[] = [];
try {
	const db = join(work, 'store.sqlite');
	if (!(await seedStore(db)).ok) throw new Error('seed refused');
	if (!args.flags['no-build']) execFileSync('npx', ['vite', 'build'], { stdio: 'ignore' });
	const server = spawn(process.execPath, ['scripts/serve.js', 'build'], { env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_PATH: db }, stdio: 'ignore' });
	children.push(server);
	const base = `http://127.0.0.1:${PORT}`;
	await waitFor(base + '/', server);

	console.log(`Machine : ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} Gio, Node ${process.version} — ${new Date().toISOString().slice(0, 10)}`);
	console.log('\n(a) Première visite (cache vide) : HTML avant compression, éléments du DOM, octets transférés compressés par type');
	const views = await firstViews(base, PAGE_TYPES.map(([, path]) => path));
	PAGE_TYPES.forEach(([name, path], i) => {
		const { sizes, htmlBytes, elements } = views[i];
		const total = Object.values(sizes).reduce((a, b) => a + b, 0);
		console.log(
			`  ${(name + ' ' + path).padEnd(72)} HTML ${kb(htmlBytes).padStart(9)}, ${fmt(elements).padStart(6)} éléments ; transféré ${Object.entries(sizes).map(([k, v]) => `${k} ${kb(v)}`).join(', ')} ; hors polices ${kb(total - sizes.polices)}`
		);
	});
	// fetch() decompresses bodies: the compressed size is the Content-Length the server sent.
	const compressedSize = async (url: string) => {
		const res = await fetch(url, { headers: { 'accept-encoding': 'br' } });
		await res.arrayBuffer();
		return Number(res.headers.get('content-length'));
	};
	console.log(`  géométrie (france.topo.json, brotli) : ${kb(await compressedSize(base + '/geo/france.topo.json'))}`);

	// (b) Load: warm the per-release cache once, then 50 connections.
	const headers = { 'accept-encoding': 'br, gzip' };
	nginxSetup: {
		const root = join(work, 'www');
		mkdirSync(root);
		// The same bytes as the app sends: the page compressed with brotli, served as is.
		for (const [name, path] of Object.entries(PAGES)) {
			const res = await fetch(base + path, { headers: { 'accept-encoding': 'identity' } });
			writeFileSync(join(root, `${name}.html`), brotliCompressSync(Buffer.from(await res.arrayBuffer())));
		}
		if (!existsSync('/usr/sbin/nginx')) {
			console.log('\nnginx absent (apt-get install nginx) : pas de comparaison statique.');
			break nginxSetup;
		}
		const conf = join(work, 'nginx.conf');
		writeFileSync(
			conf,
			`worker_processes auto; pid ${work}/nginx.pid; error_log ${work}/nginx-error.log; daemon off;
events { worker_connections 1024; }
http { access_log off; sendfile on; keepalive_requests 100000; client_body_temp_path ${work}/t; proxy_temp_path ${work}/t; fastcgi_temp_path ${work}/t; uwsgi_temp_path ${work}/t; scgi_temp_path ${work}/t;
  server { listen 127.0.0.1:${NGINX_PORT}; root ${root}; default_type text/html; add_header Content-Encoding br; } }`
		);
		const nginx = spawn('/usr/sbin/nginx', ['-c', conf], { stdio: 'ignore' });
		children.push(nginx);
		await waitFor(`http://127.0.0.1:${NGINX_PORT}/home.html`, nginx);
	}
	console.log(`\n(b) Charge : ${CONNECTIONS} connexions, ${DURATION} s par mesure, réponses compressées (brotli) servies par le serveur Node`);
	for (const [name, path] of [['département ' + PAGES.departement, PAGES.departement], ['indicateur ' + PAGES.indicator, PAGES.indicator]]) {
		const size = await compressedSize(base + path);
		const app = await load(base + path, headers);
		const file = name.startsWith('département') ? 'departement.html' : 'indicator.html';
		const nginx = existsSync('/usr/sbin/nginx') ? await load(`http://127.0.0.1:${NGINX_PORT}/${file}`, headers) : null;
		console.log(
			`  ${name.padEnd(40)} ${kb(size).padStart(8)} : ${fmt(app.rps)} req/s, p50 ${app.p50} ms, p99 ${app.p99} ms, erreurs ${app.errors}` +
				(nginx ? ` | nginx même octets : ${fmt(nginx.rps)} req/s, p99 ${nginx.p99} ms → ${((100 * app.rps) / nginx.rps).toFixed(1)} %` : '')
		);
	}

	// (c) Hostile cases.
	const codes = (new Database(db, { readonly: true }).prepare("SELECT code FROM territories WHERE level = 'departement' ORDER BY code").pluck().all() as string[]).slice(0, 60);
	const cold = coldComparisons(codes);
	const cachedPath = PAGES.indicator;
	console.log(`\n(c) Cas hostiles (serveur Node, ${CONNECTIONS} connexions, ${DURATION} s) :`);
	const alone = await load(base + cachedPath, headers);
	const client = coldClient(base, cold);
	const beside = await load(base + cachedPath, headers);
	const coldCounts = await client.stop();
	console.log(`  page en cache ${cachedPath} seule : ${fmt(alone.rps)} req/s, p99 ${alone.p99} ms`);
	console.log(
		`  la même, à côté d’un client qui demande des /comparer jamais vus : ${fmt(beside.rps)} req/s (${((100 * beside.rps) / alone.rps).toFixed(0)} %), p99 ${beside.p99} ms, erreurs ${beside.errors} ; client froid : ${Object.entries(coldCounts).map(([k, v]) => `${k} × ${v}`).join(', ')}`
	);
	const home = probe(base + '/');
	const flood = await load(base + '/', headers, {
		timeout: 10,
		requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: cold.next().value ?? '/' }) }]
	} as Partial<autocannon.Options>);
	const homeTimes = await home.stop();
	console.log(
		`  ${CONNECTIONS} connexions d’adresses froides distinctes : ${fmt(flood.rps)} rép./s (${flood.statuses['2xx']} × 2xx, ${flood.statuses['5xx']} × 503 « réessayez »), ${flood.timeouts} expirations (10 s) ; pendant ce temps / : pire ${homeTimes.max.toFixed(0)} ms, p99 ${homeTimes.p99.toFixed(0)} ms sur ${homeTimes.count} requêtes, ${homeTimes.failures} échecs`
	);

	// (d) Through deploy/nginx.conf (TLS and nginx's cache) in front of the same server.
	if (existsSync('/usr/sbin/nginx')) {
		const proxyDir = join(work, 'proxy');
		mkdirSync(proxyDir);
		const proxy = startNginx(proxyDir, [PORT], PROXY_PORTS[0], PROXY_PORTS[1], { workers: 1 });
		children.push(proxy);
		await new Promise((r) => setTimeout(r, 1000));
		const via = await load(`https://127.0.0.1:${PROXY_PORTS[1]}${cachedPath}`, headers);
		console.log(`\n(d) ${cachedPath} par deploy/nginx.conf (TLS, cache nginx, 1 processus nginx) : ${fmt(via.rps)} req/s, p50 ${via.p50} ms, p99 ${via.p99} ms, erreurs ${via.errors}`);
	}
} finally {
	for (const c of children) c.kill();
	rmSync(work, { recursive: true, force: true });
}
