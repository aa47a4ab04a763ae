/**
 * HTTP as a browser, nginx or a CDN sees it, against the production server of the test run
 * (scripts/serve.js on the built site): forged Host headers, content negotiation with q-values,
 * per-encoding validators, caching and security headers on every kind of response, canonical URLs.
 */
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';

const base = () => inject('baseUrl');

interface Raw {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** A GET with exactly these headers (fetch cannot forge Host nor leave Accept-Encoding alone). */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
	const url = new URL(path, base());
	return new Promise((resolve, reject) => {
		const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});
}

function decoded(r: Raw): Buffer {
	const encoding = r.headers['content-encoding'];
	return encoding === 'br' ? brotliDecompressSync(r.body) : encoding === 'gzip' ? gunzipSync(r.body) : r.body;
}

function text(r: Raw): string {
	const body = decoded(r);
	if (String(r.headers['content-type']).includes('openxmlformats') || String(r.headers['content-type']).includes('zip'))
		return Object.values(unzipSync(new Uint8Array(body)))
			.map((b) => new TextDecoder().decode(b))
			.join('\n');
	return body.toString('utf8');
}

const PAGES = ['/', '/indicateurs/IND-200', '/comparer?t=R84,R93,D2A', '/territoires/regions/84', '/programmes/budgets', '/donnees', '/donnees/api', '/recherche?q=lyon'];
const DOWNLOADS = [
	'/api/v1/indicateurs/IND-200/valeurs.xlsx',
	'/api/v1/indicateurs/IND-200/valeurs.csv',
	'/api/v1/indicateurs/IND-200/valeurs.json',
	'/api/v1/openapi.json',
	'/api/v1/export.zip',
	'/indicateurs/IND-200/donnees.csv',
	'/comparer/donnees.csv?t=R84,R93',
	'/integrer/indicateurs/IND-200'
];

describe('a forged Host header', () => {
	it('never appears in any body, before or after the answer is cached', async () => {
		for (const path of [...PAGES, ...DOWNLOADS]) {
			const forged = await get(path, { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'accept-encoding': 'identity' });
			expect(forged.status, path).toBe(200);
			expect(text(forged), path).not.toContain('evil.example');
			const after = await get(path, { 'accept-encoding': 'gzip' });
			expect(text(after), path).not.toContain('evil.example');
			expect(JSON.stringify(after.headers), path).not.toContain('evil.example');
		}
		// The xlsx names its own address from the configured origin.
		const xlsx = text(await get('/api/v1/indicateurs/IND-200/valeurs.xlsx?maille=region', { host: 'evil.example' }));
		expect(xlsx).toContain(`${base().replace('127.0.0.1', 'localhost')}/api/v1/indicateurs/IND-200/valeurs.xlsx?maille=region`);
	});
});

describe('Accept-Encoding', () => {
	it('honours q-values: a refused coding is never sent', async () => {
		const path = '/indicateurs/IND-200';
		expect((await get(path, { 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding']).toBeUndefined();
		expect((await get(path, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
		expect((await get(path, { 'accept-encoding': 'gzip, br' })).headers['content-encoding']).toBe('br');
		expect((await get(path, { 'accept-encoding': '*;q=0' })).headers['content-encoding']).toBeUndefined();
		expect((await get(path)).headers['content-encoding']).toBeUndefined();
	});

	it('gives each encoding its own ETag, and revalidates each one', async () => {
		const path = '/comparer?t=R84,R93';
		const [br, gzip, identity] = await Promise.all([get(path, { 'accept-encoding': 'br' }), get(path, { 'accept-encoding': 'gzip' }), get(path)]);
		const tags = [br, gzip, identity].map((r) => r.headers.etag as string);
		expect(new Set(tags).size).toBe(3);
		expect(decoded(br).equals(identity.body) && decoded(gzip).equals(identity.body)).toBe(true);
		expect((await get(path, { 'accept-encoding': 'br', 'if-none-match': tags[0] })).status).toBe(304);
		expect((await get(path, { 'accept-encoding': 'gzip', 'if-none-match': tags[1] })).status).toBe(304);
		// A gzip client holding the brotli body's tag gets the gzip body, not a 304.
		expect((await get(path, { 'accept-encoding': 'gzip', 'if-none-match': tags[0] })).status).toBe(200);
	});
});

describe('headers', () => {
	const SECURITY = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin', 'x-frame-options': 'DENY' };
	const asset = (dir: string) => readdirSync(join(inject('buildDir'), 'client', '_app', 'immutable', dir)).find((f) => f.endsWith('.js') || f.endsWith('.css'))!;

	it('security headers on pages, API, downloads, redirects, static files and errors', async () => {
		const paths = [
			...PAGES,
			...DOWNLOADS.filter((p) => !p.startsWith('/integrer/')),
			'/territoires', // redirect of the route
			'/comparer?zz=1&t=R84,R93', // canonical redirect
			'/geo/france.topo.json',
			'/favicon.svg',
			'/indicateurs/INCONNU',
			'/api/v1/inconnu',
			'/sante'
		];
		for (const path of paths) {
			const r = await get(path);
			expect(r.status, path).not.toBe(500);
			expect(r.headers, path).toMatchObject(SECURITY);
		}
		// The build's files are never documents: nosniff only, no framing or referrer policy to repeat sixty times a page.
		const script = await get(`/_app/immutable/entry/${asset('entry')}`);
		expect(script.headers['x-content-type-options']).toBe('nosniff');
		expect(script.headers['x-frame-options']).toBeUndefined();
		expect(script.headers['referrer-policy']).toBeUndefined();
		const embed = await get('/integrer/indicateurs/IND-200');
		expect(embed.headers['x-content-type-options']).toBe('nosniff');
		expect(embed.headers['x-frame-options']).toBeUndefined();
		expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
	});

	it('Cache-Control a shared cache can honour on every page and API answer, Vary: Accept-Encoding', async () => {
		for (const path of [...PAGES, ...DOWNLOADS, '/api/v1/indicateurs', '/api/v1/releases']) {
			const r = await get(path, { 'accept-encoding': 'br' });
			expect(r.headers['cache-control'], path).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
			expect(r.headers.vary, path).toContain('Accept-Encoding');
			expect(r.headers.etag, path).toMatch(/^"[\w-]+"$/);
		}
		expect((await get('/sante')).headers['cache-control']).toBe('no-store');
	});

	it('hashed assets are immutable', async () => {
		const r = await get(`/_app/immutable/entry/${asset('entry')}`);
		expect(r.status).toBe(200);
		expect(r.headers['cache-control']).toContain('immutable');
		expect(r.headers['cache-control']).toContain('max-age=31536000');
		// Never revalidated (a new build has new names): no validators to carry on each of them.
		expect(r.headers.etag).toBeUndefined();
		expect(r.headers['last-modified']).toBeUndefined();
	});

	it('pages keep their module preloads (SvelteKit lists them in the Link header only), cached or not', async () => {
		for (let i = 0; i < 2; i++) {
			const r = await get('/territoires/france');
			expect(r.status).toBe(200);
			expect(String(r.headers.link)).toMatch(/<[^>]*\/entry\/start\.[\w-]+\.js>; rel="modulepreload"/);
		}
	});
});

describe('canonical URLs', () => {
	it('reordered parameters and unknown ones redirect to one canonical URL', async () => {
		for (const [path, canonical] of [
			['/comparer?theme=sante&t=R84,R93', '/comparer?t=R84,R93&theme=sante'],
			['/comparer?t=R84,R93&utm_source=x', '/comparer?t=R84,R93'],
			['/indicateurs/IND-200?tri=valeur&maille=region', '/indicateurs/IND-200?maille=region&tri=valeur'],
			['/programmes/budgets?x=1', '/programmes/budgets'],
			['/?zz=1', '/'],
			['/indicateurs?zz=1&maille=region&q=emploi', '/indicateurs?q=emploi&maille=region']
		]) {
			const r = await get(path);
			expect(r.status, path).toBe(308);
			expect(r.headers.location, path).toBe(canonical);
		}
		// The pages' own filters are kept as they are.
		expect((await get('/indicateurs?q=emploi&maille=region')).status).toBe(200);
		expect((await get('/politiques?vue=tableau')).status).toBe(200);
		expect((await get('/recherche/suggestions.json?q=saint%20denis&portee=tout')).status).toBe(200);
		// The canonical URL is answered, and by the same cache entry each time (same validator).
		const [a, b] = [await get('/comparer?t=R84,R93&theme=sante'), await get('/comparer?t=R84,R93&theme=sante')];
		expect(a.status).toBe(200);
		expect(a.headers.etag).toBe(b.headers.etag);
	});

	it('the API refuses unknown parameters (400 naming it)', async () => {
		const r = await get('/api/v1/indicateurs/IND-200/valeurs.json?zz=1');
		expect(r.status).toBe(400);
		expect(JSON.parse(r.body.toString()).parametre).toBe('zz');
	});

	it('client-navigation data (__data.json) is cached and revalidated like pages', async () => {
		const path = '/comparer/__data.json?t=R84,R93,D2A&x-sveltekit-invalidated=11';
		const first = await get(path, { 'accept-encoding': 'br' });
		expect(first.status).toBe(200);
		expect(first.headers['cache-control']).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
		expect(decoded(first).toString()).toContain('"type":"data"');
		expect((await get(path, { 'accept-encoding': 'br', 'if-none-match': first.headers.etag as string })).status).toBe(304);
		// Never the page's entry: the page under the same query is still HTML.
		expect((await get('/comparer?t=R84,R93,D2A')).headers['content-type']).toContain('text/html');
	});
});

describe('GET /sante', () => {
	it('says the store answers, with the release number and uptime', async () => {
		const r = await get('/sante');
		expect(r.status).toBe(200);
		const body = JSON.parse(r.body.toString());
		expect(body).toMatchObject({ statut: 'ok', livraison: expect.any(Number) });
		expect(body.en_service_depuis_s).toBeGreaterThanOrEqual(0);
	});
});
