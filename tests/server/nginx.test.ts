/**
 * deploy/nginx.conf as shipped, run by Debian's nginx (non-root, temporary prefix, loopback ports,
 * a throwaway self-signed certificate) in front of two app instances: pages, API and downloads
 * through the proxy and its cache, a new release visible after revalidation, and one instance
 * killed without losing a request.
 */
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, renameSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importRelease } from '../../src/lib/server/import/index';
import { startNginx } from '../../scripts/nginx-local';
import { freePort, startServer, stopServer, type RunningServer } from '../helpers/server';
import { tmpDir, writeFiles } from '../helpers/tmp';

let dir: string;
let apps: RunningServer[] = [];
let nginx: ChildProcess;
let port: number;

interface Reply {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** HTTPS through nginx (the certificate is self-signed: not verified). */
function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, headers: { host: 'barometre.example.fr', ...headers }, rejectUnauthorized: false, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});
}

async function publishRelease(store: string): Promise<void> {
	const next = `${store}.next`;
	copyFileSync(store, next);
	const release = writeFiles(tmpDir(), {
		'valeurs.csv': 'indicateur_id,maille,code_territoire,date,valeur\nIND-200,national,FR,2099-01-01,42\n'
	});
	const report = await importRelease([release], { dbPath: next });
	if (!report.ok) throw new Error(JSON.stringify(report.problems));
	renameSync(next, store);
}

beforeAll(async () => {
	dir = tmpDir({ forFile: true });
	// Each instance holds its own copy of the store, as on separate machines.
	const env = { WEB_CONCURRENCY: '1', SHARED_CACHE_SECONDS: '1', ORIGIN: 'https://barometre.example.fr' };
	apps = await Promise.all(
		[0, 1].map((i) => {
			const store = join(dir, `store-${i}.sqlite`);
			copyFileSync(inject('dbPath'), store);
			return startServer(inject('buildDir'), store, env);
		})
	);
	port = await freePort();
	nginx = startNginx(dir, apps.map((a) => a.port), await freePort(), port);
	for (let i = 0; i < 50; i++) {
		try {
			if ((await get('/sante')).status === 200) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}, 120_000);

afterAll(async () => {
	if (nginx && nginx.exitCode === null) {
		const exited = new Promise((r) => nginx.once('exit', r));
		nginx.kill('SIGQUIT');
		await exited;
	}
	await Promise.all(apps.map((a) => stopServer(a.server)));
});

describe('behind deploy/nginx.conf', () => {
	it('serves pages, API and downloads over TLS, cached with the app’s validators', async () => {
		for (const path of ['/', '/indicateurs/IND-200', '/comparer?t=R84,R93', '/api/v1/indicateurs/IND-200/valeurs.json', '/indicateurs/IND-200/donnees.csv', '/api/v1/export.zip']) {
			const first = await get(path, { 'accept-encoding': 'br' });
			expect(first.status, path).toBe(200);
			expect(first.headers['x-content-type-options'], path).toBe('nosniff');
			expect(first.headers['strict-transport-security'], path).toBe('max-age=31536000');
			const second = await get(path, { 'accept-encoding': 'br' });
			expect(second.headers['x-cache-status'], path).toMatch(/HIT|STALE|REVALIDATED|UPDATING/);
			expect(second.body.equals(first.body), path).toBe(true);
		}
		const page = await get('/indicateurs/IND-200', { 'accept-encoding': 'br' });
		expect(page.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(page.body).toString()).toContain('<html lang="fr"');
		const csv = await get('/indicateurs/IND-200/donnees.csv');
		expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
		expect(csv.body.toString().split('\n')[0]).toMatch(/^indicateur_id,indicateur,maille,code_territoire,/);
		// Plain HTTP redirects to HTTPS; a redirect of the app keeps its headers through the proxy.
		const redirect = await get('/comparer?zz=1&t=R84,R93');
		expect(redirect.status).toBe(308);
		expect(redirect.headers.location).toBe('/comparer?t=R84,R93');
	});

	it('shows a new release once the cached copy is revalidated', async () => {
		const path = '/api/v1/indicateurs/IND-200/valeurs.json?maille=national';
		const before = JSON.parse((await get(path)).body.toString());
		expect((await get(path)).headers['x-cache-status']).toMatch(/HIT|STALE|UPDATING|REVALIDATED/);
		await Promise.all([0, 1].map((i) => publishRelease(join(dir, `store-${i}.sqlite`))));
		let after = before;
		for (let i = 0; i < 60 && JSON.stringify(after) === JSON.stringify(before); i++) {
			await new Promise((r) => setTimeout(r, 250));
			after = JSON.parse((await get(path)).body.toString());
		}
		expect(after.valeurs.at(-1)).toMatchObject({ date: '2099-01-01', valeur: 42 });
		expect(before.valeurs.some((v: { date: string }) => v.date === '2099-01-01')).toBe(false);
	});

	it('loses no request when one instance dies', async () => {
		apps[0].server.kill('SIGKILL');
		await new Promise((r) => apps[0].server.once('exit', r));
		// Uncached answers, so every one reaches an app instance.
		const statuses: number[] = [];
		for (let i = 0; i < 12; i++) statuses.push((await get('/sante')).status);
		const pages = await Promise.all(['R11', 'R24', 'R27', 'R28'].map((code) => get(`/api/v1/territoires/${code}`)));
		expect(statuses).toEqual(statuses.map(() => 200));
		expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
	});
});
