/**
 * npm run bench:import -- [--rows 1000000] [--rows-memoire 5000000 (0: skipped)] [--rows-cibles 2000000 (0: skipped)]
 * Measures the import as operators run it: the real command (`npm run import`'s, read from package.json), into a
 * store already holding the bundled data (db/seed/), on canonical files laid out as releases are
 * (per indicator, one month of every territory after another; real territory codes, synthetic
 * indicators and values: a load test, never bundled data). Three cases:
 *   1. a new release of N values;
 *   2. a release revising those N values (every old vintage kept);
 *   3. a new release of M values (5,000,000 by default): peak memory does not grow with the file;
 *   4. a new release of K baselines, targets and published rates (2,000,000 by default; --rows-cibles):
 *      they are kept and compared like the values, so memory does not grow with them either.
 * Wall time of the whole command (start-up, read, validate, compare, backup, write), its CPU time
 * (user + system, both threads: the import stages values on a worker thread while reading), its
 * peak RSS (VmHWM), the seconds of each step (BAROMETRE_TIMINGS), and the machine's load average
 * when it ran (other work on a shared machine slows the wall time).
 * Targets (issue 11): ≥ 300,000 rows/s for case 1, ≥ 200,000 for case 2, ≤ 500 MB in every case.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { seedStore } from '../src/lib/server/import/seed';
import { territoryReference } from '../src/lib/server/import/territories';
import { parseArgs } from './args';

const args = parseArgs(process.argv.slice(2), { options: ['rows', 'rows-memoire', 'rows-cibles'] });
const fmt = (n: number) => Math.round(n).toLocaleString('fr-FR').replace(/\u202f/g, ' ');
const ROOT = join(import.meta.dirname, '..');

/** Writes indicateurs.csv and valeurs.csv with `target` values (`shift` changes every value); returns the counts. */
function generate(dir: string, target: number, shift: number): { rows: number; indicators: number; bytes: number } {
	const territories = territoryReference();
	const dates: string[] = [];
	for (let y = 2015; dates.length < 120; y++) for (let m = 1; m <= 12; m++) dates.push(`${y}-${String(m).padStart(2, '0')}-01`);
	const indicators = Math.ceil(target / (territories.length * dates.length));
	const ind = ['indicateur_id,famille_id,politique_id,nom,unite,sens,producteur,licence'];
	for (let i = 0; i < indicators; i++) ind.push(`BENCH-${i},bench,BENCH,Indicateur de charge ${i},nombre,hausse,banc d'essai,aucune`);
	writeFileSync(join(dir, 'indicateurs.csv'), ind.join('\n') + '\n');
	const path = join(dir, 'valeurs.csv');
	const fd = openSync(path, 'w');
	let csv = 'indicateur_id,maille,code_territoire,date,valeur\n';
	let rows = 0;
	outer: for (let i = 0; i < indicators; i++)
		for (const d of dates)
			for (const t of territories) {
				if (rows === target) break outer;
				csv += `BENCH-${i},${t.level},${t.inseeCode},${d},${((rows * 7919 + shift) % 100000) / 100}\n`;
				rows++;
				if (csv.length > 1 << 20) {
					writeSync(fd, csv);
					csv = '';
				}
			}
	writeSync(fd, csv);
	closeSync(fd);
	return { rows, indicators, bytes: statSync(path).size };
}

/** Writes indicateurs.csv, cibles.csv (a baseline and a target per territory and year) and avancements.csv: `target` rows in all. */
function generateTargets(dir: string, target: number): { rows: number; bytes: number } {
	const territories = territoryReference();
	const perIndicator = territories.length * 40 * 3;
	const indicators = Math.ceil(target / perIndicator);
	const ind = ['indicateur_id,famille_id,politique_id,nom,unite,sens,producteur,licence'];
	for (let i = 0; i < indicators; i++) ind.push(`BENCH-C${i},bench,BENCH,Indicateur de charge ${i},%,hausse,banc d'essai,aucune`);
	writeFileSync(join(dir, 'indicateurs.csv'), ind.join('\n') + '\n');
	const targets = openSync(join(dir, 'cibles.csv'), 'w');
	const rates = openSync(join(dir, 'avancements.csv'), 'w');
	const out = { [targets]: 'indicateur_id,maille,code_territoire,type,date,valeur\n', [rates]: 'indicateur_id,maille,code_territoire,date,taux\n' };
	const put = (fd: number, line: string) => {
		out[fd] += line;
		if (out[fd].length > 1 << 20) {
			writeSync(fd, out[fd]);
			out[fd] = '';
		}
	};
	let rows = 0;
	outer: for (let i = 0; i < indicators; i++)
		for (let year = 2000; year < 2040; year++)
			for (const t of territories)
				for (const kind of ['initiale', 'cible', 'taux']) {
					if (rows === target) break outer;
					const value = ((rows * 7919) % 10000) / 100;
					if (kind === 'taux') put(rates, `BENCH-C${i},${t.level},${t.inseeCode},${year},${value}\n`);
					else put(targets, `BENCH-C${i},${t.level},${t.inseeCode},${kind},${year},${value}\n`);
					rows++;
				}
	for (const fd of [targets, rates]) {
		writeSync(fd, out[fd]);
		closeSync(fd);
	}
	return { rows, bytes: statSync(join(dir, 'cibles.csv')).size + statSync(join(dir, 'avancements.csv')).size };
}

/** What `npm run import` runs (package.json), its `node` replaced by this Node with the memory probe preloaded. */
const IMPORT_COMMAND = (() => {
	const [node, ...rest] = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.import.split(' ');
	if (node !== 'node') throw new Error(`npm run import ne lance pas node : ${node}`);
	return rest;
})();

/** Runs `npm run import`'s command on `release` into `db`; wall and CPU seconds, peak RSS (MiB). */
function runImport(db: string, release: string): { seconds: number; cpu: number; peak: number; out: string; steps: string } {
	const peakFile = join(release, '..', 'peak.txt');
	// The generated files reach the disk first: their write-back must not be timed as the import's.
	execFileSync('sync');
	const t0 = performance.now();
	const run = spawnSync(process.execPath, ['--import', join(ROOT, 'scripts', 'bench-peak.mjs'), ...IMPORT_COMMAND, '--db', db, release], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, BENCH_PEAK_FILE: peakFile, BAROMETRE_TIMINGS: '1' },
		maxBuffer: 1 << 26
	});
	const seconds = (performance.now() - t0) / 1000;
	if (run.status !== 0) throw new Error(`import refusé (code ${run.status}) : ${run.stderr}`);
	const { peakKb, cpuUs } = JSON.parse(readFileSync(peakFile, 'utf8')) as { peakKb: number; cpuUs: number };
	// BAROMETRE_TIMINGS: the seconds of each step, as the command prints them.
	const steps = /^étapes : (.*)$/m.exec(run.stderr)?.[1] ?? '';
	return { seconds, cpu: cpuUs / 1e6, peak: peakKb / 1024, out: run.stdout, steps };
}

const load = () => `charge ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`;
const verdict = (ok: boolean) => (ok ? 'objectif atteint' : 'objectif NON atteint');
const timing = (r: { seconds: number; cpu: number; peak: number; steps: string }, n: number, target: number | null) =>
	`${r.seconds.toFixed(2)} s → ${fmt(n / r.seconds)} lignes/s (temps CPU, deux fils d'exécution : ${r.cpu.toFixed(2)} s)` +
	(target ? ` [≥ ${fmt(target)} lignes/s : ${verdict(n / r.seconds >= target)}]` : '') +
	` ; pic mémoire ${fmt(r.peak)} Mio [≤ 500 Mo : ${verdict(r.peak * 2 ** 20 <= 500e6)}] ; ${load()}\n   étapes : ${r.steps}`;

const work = mkdtempSync(join(tmpdir(), 'barometre-bench-'));
try {
	const rows = Number(args.options.rows ?? 1_000_000);
	const seeded = join(work, 'seeded.sqlite');
	const seed = await seedStore(seeded);
	if (!seed.ok) throw new Error('seed refused');
	const seedValues = seed.values.inserted;
	console.log(`Machine : ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} Gio, Node ${process.version} (machine partagée : les mesures varient d'une exécution à l'autre)`);
	console.log(`Au départ : ${load()} (moyennes sur 1, 5 et 15 min ; ${cpus().length} cœurs)`);
	console.log(`Base de départ : données fournies (db/seed/, ${fmt(seedValues)} valeurs)`);

	// The command is bundled on its first run after a change of code (scripts/cli.mjs): done here, untimed, as
	// operators' first run after an update does it once.
	execFileSync(process.execPath, [...IMPORT_COMMAND, '--help'], { cwd: ROOT, stdio: 'ignore' });
	const db = join(work, 'store.sqlite');
	copyFileSync(seeded, db);
	const first = join(work, 'first', 'release');
	execFileSync('mkdir', ['-p', first]);
	const f = generate(first, rows, 0);
	console.log(`Fichier : ${fmt(f.rows)} valeurs, ${fmt(f.indicators)} indicateurs, ${(f.bytes / 2 ** 20).toFixed(1)} Mio`);
	const a = runImport(db, first);
	console.log(`1. Nouvelle livraison (${fmt(f.rows)} valeurs ajoutées) : ${timing(a, f.rows, 300_000)}`);
	rmSync(join(work, 'first'), { recursive: true });

	const second = join(work, 'second', 'release');
	execFileSync('mkdir', ['-p', second]);
	generate(second, rows, 1);
	const b = runImport(db, second);
	const revised = /valeurs : [\d ]+ lues, [\d ]+ ajoutées, ([\d ]+) révisées/.exec(b.out)?.[1] ?? '?';
	console.log(`2. Livraison qui révise ces valeurs (${revised} révisées, anciennes versions gardées) : ${timing(b, f.rows, 200_000)}`);
	rmSync(join(work, 'second'), { recursive: true });

	const memoryRows = Number(args.options['rows-memoire'] ?? 5_000_000);
	if (memoryRows > 0) {
		const big = join(work, 'big', 'release');
		execFileSync('mkdir', ['-p', big]);
		const m = generate(big, memoryRows, 0);
		copyFileSync(seeded, db);
		for (const suffix of ['-wal', '-shm']) rmSync(db + suffix, { force: true });
		const c = runImport(db, big);
		console.log(`3. Nouvelle livraison de ${fmt(m.rows)} valeurs (${(m.bytes / 2 ** 20).toFixed(0)} Mio) : ${timing(c, m.rows, null)}`);
	}

	const targetRows = Number(args.options['rows-cibles'] ?? 2_000_000);
	if (targetRows > 0) {
		const dir = join(work, 'targets', 'release');
		execFileSync('mkdir', ['-p', dir]);
		const t = generateTargets(dir, targetRows);
		copyFileSync(seeded, db);
		for (const suffix of ['-wal', '-shm']) rmSync(db + suffix, { force: true });
		const d = runImport(db, dir);
		console.log(`4. Nouvelle livraison de ${fmt(t.rows)} valeurs initiales, cibles et taux publiés (${(t.bytes / 2 ** 20).toFixed(0)} Mio) : ${timing(d, t.rows, null)}`);
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
