/** The bundled seed builds a real store; the commands exit with the right codes. */
import { execFile } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv/read';
import { SEED_DIR, seedStore } from '../../src/lib/server/import/seed';
import { query, tmpDir, writeFiles } from '../helpers/tmp';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
/** The command as package.json runs it (`npm run import` → `node scripts/cli.mjs import`). */
const cli = (script: string, args: string[]) =>
	run(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), script, ...args], { cwd: ROOT }).then(
		(r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
		(e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string })
	);

const seedRows = (family: string, file: string) => parseCsv(readFileSync(join(SEED_DIR, family, file), 'utf8')).rows.slice(1);

describe('bundled seed', () => {
	let db: string;
	beforeAll(async () => {
		db = join(tmpDir({ forFile: true }), 'seed.sqlite');
		const report = await seedStore(db);
		expect(report.ok).toBe(true);
	}, 120_000);

	it('is a new store: 16 KiB pages, in WAL mode', () => {
		expect(query(db, 'PRAGMA page_size')).toEqual([{ page_size: 16384 }]);
		expect(query(db, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
	});

	it('holds France, 18 régions and 101 départements with their populations', () => {
		expect(query(db, 'SELECT level, count(*) AS n, count(population) AS p FROM territories GROUP BY level ORDER BY level')).toEqual([
			{ level: 'departement', n: 101, p: 101 },
			{ level: 'national', n: 1, p: 1 },
			{ level: 'region', n: 18, p: 18 }
		]);
		expect(query(db, "SELECT name, parent_code FROM territories WHERE code IN ('D2A', 'D976') ORDER BY code")).toEqual([
			{ name: 'Corse-du-Sud', parent_code: 'R94' },
			{ name: 'Mayotte', parent_code: 'R06' }
		]);
	});

	it('loads every row of every seed file, one release', () => {
		const folders = ['barometre-2017-2022', 'politiques-prioritaires', 'programmes'];
		const files = (name: string) => folders.reduce((n, folder) => n + seedRows(folder, name).length, 0);
		expect(query(db, 'SELECT count(*) AS n FROM observations')).toEqual([{ n: files('valeurs.csv') }]);
		expect(query(db, 'SELECT count(*) AS n FROM targets')).toEqual([{ n: files('cibles.csv') }]);
		expect(query(db, 'SELECT count(*) AS n FROM indicators')).toEqual([{ n: files('indicateurs.csv') }]);
		expect(query(db, 'SELECT count(*) AS n FROM entities')).toEqual([{ n: seedRows('programmes', 'entites.csv').length }]);
		expect(query(db, 'SELECT count(*) AS n FROM published_rates')).toEqual([{ n: seedRows('politiques-prioritaires', 'avancements.csv').length }]);
		expect(query(db, 'SELECT count(*) AS n FROM releases')).toEqual([{ n: 1 }]);
		expect(query(db, "SELECT count(*) AS n FROM indicators i JOIN policies p ON p.id = i.policy_id WHERE p.family_id = 'barometre-2017-2022'")).toEqual([{ n: 57 }]);
	});

	it('keeps the published figures: spot checks against the sources', () => {
		const value = (code: string, territory: string, date: string) =>
			query(db, 'SELECT o.value FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id WHERE i.code = ? AND t.code = ? AND o.date = ?', code, territory, date);
		// Spot checks of the baromètre extract README (read by hand from the raw JSON).
		expect(value('nb-morts-routes', 'FR', '2019-07-31')).toEqual([{ value: 328 }]);
		expect(value('taux-deploiement-fibre', 'D971', '2020-12-31')).toEqual([{ value: 22 }]);
		expect(value('tx-equipements-dentaire', 'R84', '2022-06-30')).toEqual([{ value: 51.71 }]);
		// DITP official file: IND-200,FRANCE,2024-05-01,NAT,,82.02,,100.0
		expect(value('IND-200', 'FR', '2024-05-01')).toEqual([{ value: 82.02 }]);
		expect(query(db, "SELECT licence, source_updated_at FROM indicators WHERE code IN ('IND-200', 'nb-maisons-sante') ORDER BY code")).toEqual([
			{ licence: 'Licence Ouverte / Etalab 2.0', source_updated_at: '2024-06-29' },
			{ licence: 'Licence Ouverte / Etalab 2.0', source_updated_at: '2023-01-19' }
		]);
	});
});

describe('commands', () => {
	it('import exits 1 on a bad release, with file:line:column on stderr, and 0 on a good one', async () => {
		const dir = writeFiles(tmpDir(), {
			'bad/v.csv': 'indicateur_id,maille,code_territoire,date,valeur\nX-1,national,FR,2024,1\n',
			'good/i.csv': 'indicateur_id,famille_id,politique_id,nom,unite,sens,producteur,licence\nX-1,f,p,Nom,%,hausse,INSEE,LO\n',
			'good/v.csv': 'indicateur_id,maille,code_territoire,date,valeur\nX-1,national,FR,2024,1\n'
		});
		const db = join(dir, 's.sqlite');
		const bad = await cli('import', ['--db', db, join(dir, 'bad')]);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain(`${join(dir, 'bad', 'v.csv')}:2:1: indicateur inconnu « X-1 »`);
		const good = await cli('import', ['--db', db, join(dir, 'good')]);
		expect(good.code).toBe(0);
		expect(good.stdout).toContain('Livraison n° 1 importée.');
		const exported = await cli('export', ['--db', db, '--indicateur', 'X-1']);
		expect(exported.code).toBe(0);
		expect(exported.stdout).toBe('indicateur_id,indicateur,maille,code_territoire,territoire,date,valeur,unite\nX-1,Nom,national,FR,France,2024,1,%\n');
		const unknown = await cli('export', ['--db', db, '--indicateur', 'NOPE']);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('indicateur(s) inconnu(s) : NOPE');
		const usage = await cli('import', []);
		expect(usage.code).toBe(2);
	}, 60_000);

	it('npm run import runs the bundled command, rebuilt as soon as a file it was built from differs', async () => {
		const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
		expect(scripts.import).toBe('node scripts/cli.mjs import');
		expect(scripts.export).toBe('node scripts/cli.mjs export');
		const cache = join(ROOT, 'node_modules', '.cache', 'barometre-cli');
		expect((await cli('import', ['--help'])).code).toBe(0);
		const inputs = JSON.parse(readFileSync(join(cache, 'import.inputs.json'), 'utf8')) as Record<string, string>;
		// Every source of the import is there, with the launcher itself.
		expect(Object.keys(inputs)).toEqual(expect.arrayContaining(['scripts/cli.mjs', 'scripts/import.ts', 'src/lib/server/import/apply-values.ts', 'db/schema.ts']));
		const built = statSync(join(cache, 'import.mjs')).mtimeMs;
		expect((await cli('import', ['--help'])).code).toBe(0);
		expect(statSync(join(cache, 'import.mjs')).mtimeMs).toBe(built);
		// A source that no longer matches its stamp (edited since): the next run rebuilds first.
		writeFileSync(join(cache, 'import.inputs.json'), JSON.stringify({ ...inputs, 'src/lib/server/import/apply-values.ts': '0:0' }));
		expect((await cli('import', ['--help'])).code).toBe(0);
		expect(statSync(join(cache, 'import.mjs')).mtimeMs).toBeGreaterThan(built);
		expect(JSON.parse(readFileSync(join(cache, 'import.inputs.json'), 'utf8'))).toEqual(inputs);
	}, 60_000);
});
