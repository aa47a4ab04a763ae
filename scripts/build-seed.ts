/**
 * Dev-time: rebuilds the committed seed (db/seed/) from the read-only source data in ../shared/data.
 * The app and its tests never read ../shared; they read db/seed/.
 *   npm run data:build-seed -- [--from ../shared/data]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { importRelease } from '../src/lib/server/import/index';
import { formatReport } from '../src/lib/server/import/report';
import { indicatorsTable, ratesTable, tableCsv, targetsTable, valuesTable } from '../src/lib/server/export';
import { parseArgs } from './args';
import { buildBarometreSeed } from './seed-sources/barometre';

/** The DITP release of the priority policies that the seed bundles (commit 8b83f61, "data::29-06-2024"). */
const DITP_UPDATED_AT = '2024-06-29';

const args = parseArgs(process.argv.slice(2), { options: ['from'] });
const from = resolve(args.options.from ?? '../shared/data');
const seed = resolve('db/seed');

// 1. Priority policies: the official format goes through the import code, then out as canonical files.
const tmp = mkdtempSync(join(tmpdir(), 'barometre-seed-'));
try {
	const report = await importRelease([join(from, 'politiques-prioritaires')], { dbPath: join(tmp, 'ditp.sqlite'), sourceUpdatedAt: DITP_UPDATED_AT });
	if (!report.ok) {
		process.stderr.write(formatReport(report).text);
		process.exit(1);
	}
	const client = new Database(join(tmp, 'ditp.sqlite'), { readonly: true });
	const out = join(seed, 'politiques-prioritaires');
	mkdirSync(out, { recursive: true });
	const families = ['politiques-prioritaires'];
	const files = {
		'indicateurs.csv': indicatorsTable(client, families),
		'valeurs.csv': valuesTable(client, families),
		'cibles.csv': targetsTable(client, families),
		'avancements.csv': ratesTable(client, families)
	};
	for (const [name, table] of Object.entries(files)) writeFileSync(join(out, name), tableCsv(table));
	client.close();
	console.log('politiques-prioritaires:', Object.fromEntries(Object.entries(files).map(([k, t]) => [k, t.rows.length])));
} finally {
	rmSync(tmp, { recursive: true, force: true });
}

// 2. Baromètre 2017–2022: tidy CSV → canonical.
console.log('barometre-2017-2022:', buildBarometreSeed(join(from, 'barometre'), join(seed, 'barometre-2017-2022')));

// 3. Programmes (labs, budgets, complexity, Services Publics+).
execFileSync('npx', ['tsx', 'scripts/seed-sources/programmes.ts', '--from', join(from, 'programmes')], { stdio: 'inherit' });
