/**
 * npm start: serves the site on http://localhost:3000 (PORT overrides) on the bundled real data.
 * Builds the store from db/seed/ when it does not exist, and the app when the build is missing
 * or older than its sources.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { databasePath, openWritableStore } from '../src/lib/server/store';

const db = databasePath();
if (!existsSync(db)) {
	console.log(`Base absente (${db}) : construction à partir de db/seed/…`);
	execFileSync('npx', ['tsx', 'scripts/seed.ts', '--db', db], { stdio: 'inherit' });
} else {
	// The site opens the store read-only: apply any migration a code update brought first.
	openWritableStore(db).$client.close();
}

function newest(path: string): number {
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), s.mtimeMs);
}
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];
const built = 'build/handler.js';
if (!existsSync(built) || newest(built) < Math.max(...sources.filter(existsSync).map(newest))) {
	console.log('Construction du site (vite build)…');
	execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
}

const port = process.env.PORT ?? '3000';
console.log(`Baromètre : http://localhost:${port}`);
const server = spawn(process.execPath, ['scripts/serve.js', 'build'], { stdio: 'inherit', env: { ...process.env, PORT: port, DATABASE_PATH: db } });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
