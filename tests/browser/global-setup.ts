/**
 * Browser tests: build the site once, seed a store from db/seed/ in a temporary folder, start the
 * production server on a free port, and hand its URL and store path to the tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedStore } from '../../src/lib/server/import/seed';
import { ROOT, startServer } from '../helpers/server';

export default async function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), 'barometre-browser-'));
	const db = join(dir, 'store.sqlite');
	const report = await seedStore(db);
	if (!report.ok) throw new Error('seed refused');
	if (!process.env.BAROMETRE_SKIP_BUILD) execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: ROOT, stdio: 'ignore' });
	const buildDir = process.env.BUILD_SUFFIX ? `build-${process.env.BUILD_SUFFIX}` : 'build';
	const start = (extraEnv: Record<string, string>) => startServer(join(ROOT, buildDir), db, extraEnv);
	// The site as `npm start` serves it (one process per core), and the same build with the neutral theme.
	const site = await start({ PUBLIC_THEME: 'dsfr' });
	const neutral = await start({ PUBLIC_THEME: 'neutre', WEB_CONCURRENCY: '1' });
	project.provide('baseUrl', site.url);
	project.provide('neutralUrl', neutral.url);
	project.provide('dbPath', db);
	project.provide('buildDir', join(ROOT, buildDir));
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
		buildDir: string;
	}
}
