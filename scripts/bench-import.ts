/**
 * npm run bench:import -- [--rows 1000000]
 * Generates a canonical release of N observations (real territory codes, synthetic indicators and
 * values: a load test, never bundled data), imports it into a fresh store with the real import
 * code in a process of its own, and prints validated-import throughput and peak memory. Then
 * re-imports it (everything compared, nothing written).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { importRelease } from '../src/lib/server/import/index';
import { territoryReference } from '../src/lib/server/import/territories';
import { parseArgs } from './args';

const args = parseArgs(process.argv.slice(2), { options: ['rows', 'measure'] });
const fmt = (n: number) => Math.round(n).toLocaleString('fr-FR').replace(/\u202f/g, ' ');

function peakRss(): number {
	const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
	return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 2 ** 20;
}

/** Child mode: import the release found in `dir` and print the measures as JSON. */
async function measure(dir: string): Promise<void> {
	const db = join(dir, 'bench.sqlite');
	const baseline = process.memoryUsage().rss / 2 ** 20;
	const timings: Record<string, number> = {};
	let t0 = performance.now();
	const report = await importRelease([dir], { dbPath: db, timings });
	const first = (performance.now() - t0) / 1000;
	if (!report.ok) throw new Error('bench import refused: ' + report.problems[0]?.message);
	const peak = peakRss();
	t0 = performance.now();
	const again = await importRelease([dir], { dbPath: db });
	const second = (performance.now() - t0) / 1000;
	if (!again.ok) throw new Error('re-import refused');
	console.log(JSON.stringify({ timings, first, second, inserted: report.values.inserted, unchanged: again.values.unchanged, baseline, peak }));
}

/** Writes indicateurs.csv and valeurs.csv with `target` values; returns the counts. */
function generate(dir: string, target: number): { rows: number; indicators: number; bytes: number } {
	const territories = territoryReference();
	const dates: string[] = [];
	for (let y = 2015; dates.length < 120; y++) for (let m = 1; m <= 12; m++) dates.push(`${y}-${String(m).padStart(2, '0')}-01`);
	const indicators = Math.ceil(target / (territories.length * dates.length));
	const ind = ['indicateur_id,famille_id,politique_id,nom,unite,sens,producteur,licence'];
	for (let i = 0; i < indicators; i++) ind.push(`BENCH-${i},bench,BENCH,Indicateur de charge ${i},nombre,hausse,banc d'essai,aucune`);
	writeFileSync(join(dir, 'indicateurs.csv'), ind.join('\n') + '\n');
	const fd = openSync(join(dir, 'valeurs.csv'), 'w');
	let csv = 'indicateur_id,maille,code_territoire,date,valeur\n';
	let rows = 0;
	outer: for (let i = 0; i < indicators; i++)
		for (const t of territories)
			for (const d of dates) {
				if (rows === target) break outer;
				csv += `BENCH-${i},${t.level},${t.inseeCode},${d},${((rows * 7919) % 100000) / 100}\n`;
				rows++;
				if (csv.length > 1 << 20) {
					writeSync(fd, csv);
					csv = '';
				}
			}
	writeSync(fd, csv);
	closeSync(fd);
	return { rows, indicators, bytes: readFileSync(join(dir, 'valeurs.csv')).length };
}

if (args.options.measure) {
	await measure(args.options.measure);
} else {
	const dir = mkdtempSync(join(tmpdir(), 'barometre-bench-'));
	try {
		const { rows, indicators, bytes } = generate(dir, Number(args.options.rows ?? 1_000_000));
		const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1], '--measure', dir], { encoding: 'utf8' });
		const m = JSON.parse(out.trim().split('\n').at(-1)!);
		console.log(`Machine : ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} Gio, Node ${process.version}`);
		console.log(`Fichier : ${fmt(rows)} valeurs, ${fmt(indicators)} indicateurs, ${(bytes / 2 ** 20).toFixed(1)} Mio`);
		console.log(`Import dans une base neuve (lecture + validation + écriture) : ${m.first.toFixed(2)} s → ${fmt(rows / m.first)} lignes/s (${fmt(m.inserted)} ajoutées)`);
		console.log(`  étapes : ${Object.entries(m.timings as Record<string, number>).map(([k, v]) => `${k} ${v.toFixed(2)} s`).join(', ')}`);
		console.log(`Ré-import identique (tout comparé, rien écrit) : ${m.second.toFixed(2)} s → ${fmt(rows / m.second)} lignes/s (${fmt(m.unchanged)} inchangées)`);
		console.log(`Mémoire du processus d'import : RSS au départ ${fmt(m.baseline)} Mio, pic ${fmt(m.peak)} Mio (VmHWM)`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
