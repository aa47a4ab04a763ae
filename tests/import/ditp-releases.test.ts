/**
 * Shapes of the official DITP releases beyond the bundled snapshot, built from the project's own
 * fixture (tests/fixtures/ditp): placeholder rows (a zone listed with no date and no value).
 */
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importRelease } from '../../src/lib/server/import/index';
import { formatReport } from '../../src/lib/server/import/report';
import { query, storeState, tmpDir } from '../helpers/tmp';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE_DITP = join(ROOT, 'tests', 'fixtures', 'ditp');
const run = promisify(execFile);

/** A copy of the fixture release whose data files interleave placeholder rows with the real ones. */
function releaseWithPlaceholders(): { dir: string; placeholders: Record<string, number> } {
	const dir = join(tmpDir(), 'release');
	cpSync(FIXTURE_DITP, dir, { recursive: true });
	const placeholders: Record<string, number> = {};
	for (const name of ['ind-200.csv', 'ind-296.csv']) {
		const path = join(dir, 'data', name);
		const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
		const out = [header];
		let count = 0;
		for (const row of rows) {
			const [indicator, zone, , maille] = row.split(',');
			// The shape of the official rows: `IND-246,D90,,DEPT,,,,` (with and without spaces).
			out.push(`${indicator},${zone},,${maille},,,,`, row);
			count++;
			if (count % 3 === 0) {
				out.push(`${indicator},FRANCE,,NAT, , ,,`);
				count++;
			}
		}
		writeFileSync(path, out.join('\r\n') + '\r\n');
		placeholders[`data/${name}`] = count;
	}
	return { dir, placeholders };
}

const published = (db: string) => {
	const { observations, targets, published_rates, indicators } = storeState(db) as Record<string, Record<string, unknown>[]>;
	const strip = (rows: Record<string, unknown>[]) => rows.map(({ release_id: _r, ...rest }) => rest);
	return { observations: strip(observations), targets: strip(targets), rates: strip(published_rates), indicators };
};

describe('placeholder rows of official releases', () => {
	it('skips rows with no date and no value, imports every real value exactly and reports the count per file', async () => {
		const { dir, placeholders } = releaseWithPlaceholders();
		expect(placeholders['data/ind-200.csv']).toBeGreaterThan(2000);
		const work = tmpDir();
		const reference = join(work, 'reference.sqlite');
		const db = join(work, 'store.sqlite');
		expect((await importRelease([FIXTURE_DITP], { dbPath: reference, sourceUpdatedAt: '2024-06-29' })).ok).toBe(true);

		// The real command, as an operator runs it.
		const result = await run(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'import', '--db', db, '--date-mise-a-jour', '2024-06-29', dir], { cwd: ROOT });
		const lines = result.stdout.split('\n');
		for (const [file, count] of Object.entries(placeholders)) {
			expect(lines).toContain(`${join(dir, file)} : ${count.toLocaleString('fr-FR').replace(/\u202f/g, ' ')} lignes sans mesure ignorées (ni date ni valeur)`);
		}
		expect(lines.filter((l) => l.includes('sans mesure'))).toHaveLength(2);
		expect(published(db)).toEqual(published(reference));
		expect(query(db, 'SELECT count(*) AS n FROM observations')[0]).toEqual(query(reference, 'SELECT count(*) AS n FROM observations')[0]);
	}, 60_000);

	it('keeps a value without a date an error, and writes nothing', async () => {
		const { dir } = releaseWithPlaceholders();
		const path = join(dir, 'data', 'ind-296.csv');
		writeFileSync(path, readFileSync(path, 'utf8') + 'IND-296,D01,,DEPT,,2.5,,\r\n');
		const line = readFileSync(path, 'utf8').trimEnd().split('\n').length;
		const db = join(tmpDir(), 'store.sqlite');
		const report = await importRelease([dir], { dbPath: db });
		expect(report.ok).toBe(false);
		const { text, exitCode } = formatReport(report);
		expect(exitCode).toBe(1);
		expect(text.split('\n')[0]).toBe(
			`${path}:${line}:3: metric_enforce_date vide sur une ligne qui porte une valeur — indiquez la date de la mesure au format AAAA-MM-JJ`
		);
		expect(text).toContain('Import refusé : 1 problème(s).');
		expect(query(db, 'SELECT count(*) AS n FROM observations')).toEqual([{ n: 0 }]);
	});
});
