/**
 * Browser tests: build the site once, seed a store from db/seed/ in a temporary folder, start the
 * production server on a free port, and hand its URL and store path to the tests.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedStore } from '../../src/lib/server/import/seed';

const ROOT = join(import.meta.dirname, '..', '..');

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

async function waitFor(url: string, server: ChildProcess, timeoutMs = 30_000): Promise<void> {
	const start = Date.now();
	while (Date.now() - start < timeoutMs) {
		if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
		try {
			const res = await fetch(url);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server did not answer at ${url}`);
}

export default async function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), 'barometre-browser-'));
	const db = join(dir, 'store.sqlite');
	const report = await seedStore(db);
	if (!report.ok) throw new Error('seed refused');
	if (!process.env.BAROMETRE_SKIP_BUILD) execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: ROOT, stdio: 'ignore' });
	const buildDir = process.env.BUILD_SUFFIX ? `build-${process.env.BUILD_SUFFIX}` : 'build';
	const start = async (extraEnv: Record<string, string>) => {
		const port = await freePort();
		const server = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.js'), join(ROOT, buildDir)], {
			cwd: ROOT,
			env: { ...process.env, PORT: String(port), DATABASE_PATH: db, HOST: '0.0.0.0', ...extraEnv },
			stdio: ['ignore', 'ignore', 'inherit']
		});
		const url = `http://127.0.0.1:${port}`;
		await waitFor(url + '/', server);
		return { server, url };
	};
	// The site as `npm start` serves it, and the same build with the neutral theme.
	const site = await start({ PUBLIC_THEME: 'dsfr' });
	const neutral = await start({ PUBLIC_THEME: 'neutre' });
	project.provide('baseUrl', site.url);
	project.provide('neutralUrl', neutral.url);
	project.provide('dbPath', db);
	return () => {
		site.server.kill();
		neutral.server.kill();
		rmSync(dir, { recursive: true, force: true });
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		neutralUrl: string;
		dbPath: string;
	}
}
