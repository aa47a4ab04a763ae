/**
 * npm run bench:api — builds the site, starts the production server on a store seeded from
 * db/seed/, then measures requests/s and latency (p50, p99) at 50 connections for ~10 s each
 * (autocannon) on public downloads: the CSV of one indicator for every département, the full
 * export (zip of every canonical CSV + datapackage.json) and the comparison of three territories
 * (JSON). Each URL's first answer (rendered, before the per-release cache) is timed too.
 * Loopback only; bounded in time.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { seedStore } from '../src/lib/server/import/seed';
import { parseArgs } from './args';

const args = parseArgs(process.argv.slice(2), { flags: ['no-build'], options: ['duration', 'connections'] });
const DURATION = Number(args.options.duration ?? 10);
const CONNECTIONS = Number(args.options.connections ?? 50);
const PORT = 4312;
const TARGETS = [
	['CSV d’un indicateur, tous les départements', '/api/v1/indicateurs/IND-200/valeurs.csv?maille=departement'],
	['export complet (zip)', '/api/v1/export.zip'],
	['comparaison de trois territoires (JSON)', '/api/v1/comparaison?territoires=R84,R93,D2A']
] as const;

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

const work = mkdtempSync(join(tmpdir(), 'barometre-bench-api-'));
let server: ChildProcess | undefined;
try {
	const db = join(work, 'store.sqlite');
	if (!(await seedStore(db)).ok) throw new Error('seed refused');
	if (!args.flags['no-build']) execFileSync('npx', ['vite', 'build'], { stdio: 'ignore' });
	const buildDir = process.env.BUILD_SUFFIX ? `build-${process.env.BUILD_SUFFIX}` : 'build';
	server = spawn(process.execPath, ['scripts/serve.js', buildDir], { env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_PATH: db }, stdio: 'ignore' });
	const base = `http://127.0.0.1:${PORT}`;
	await waitFor(base + '/', server);

	console.log(`Machine : ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} Gio, Node ${process.version} — ${new Date().toISOString().slice(0, 10)}`);
	console.log(`Charge : ${CONNECTIONS} connexions, ${DURATION} s par mesure, Accept-Encoding: br, gzip\n`);
	const headers = { 'accept-encoding': 'br, gzip' };
	for (const [name, path] of TARGETS) {
		// Warm-up (and sizes): the raw body, and what goes on the wire. The first answer is rendered.
		const started = performance.now();
		const plainRes = await fetch(base + path, { headers: { 'accept-encoding': 'identity' } });
		const first = performance.now() - started;
		const raw = (await plainRes.arrayBuffer()).byteLength;
		const wire = await fetch(base + path, { headers });
		await wire.arrayBuffer();
		const sent = Number(wire.headers.get('content-length')) || raw;
		const result = await autocannon({ url: base + path, connections: CONNECTIONS, duration: DURATION, headers });
		const errors = result.errors + result.timeouts + result.non2xx;
		console.log(
			`  ${name.padEnd(44)} ${path}\n` +
				`    ${kb(raw)} (${kb(sent)} transmis${wire.headers.get('content-encoding') ? `, ${wire.headers.get('content-encoding')}` : ''}) : ` +
				`${fmt(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, erreurs ${errors} ; ` +
				`première réponse (calculée) ${Math.round(first)} ms`
		);
	}
} finally {
	server?.kill();
	rmSync(work, { recursive: true, force: true });
}
