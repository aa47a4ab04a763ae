/**
 * The staging file holds every spooled record as a row, each indicator's rows in key order
 * (territory, then date text), whether a worker thread wrote them (runs of 1,024 records and
 * more) or the main thread (small releases); and a failure of the worker reaches the import.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ValueSpool } from './spool';
import { ValueStaging } from './staging';
import { INDICATOR_ID_SPAN } from './staging-worker.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'staging-test-'));
	dirs.push(dir);
	return dir;
}

// Date ids in file order are not in date order: the rows must come out by date text.
const DATES = ['2024-03', '2023-12', '2024-01', '2023-06'];
// Annotation texts by id (0: empty).
const TEXTS = [null, '>'];

/** Spools `perIndicator` records for indicators 0 and 1, months first then territories (as releases list them). */
function stage(staging: ValueStaging, dir: string, perIndicator: number) {
	const spool = new ValueSpool(dir, undefined, (key, bytes, count) => staging.add(key, bytes, count, DATES, TEXTS));
	const expected: { key: number; territory: number; date: string; value: number; qualifier: string | null; keep: number; file: number }[] = [];
	for (const key of [0, 1]) {
		let n = 0;
		for (let d = 0; n < perIndicator; d++)
			for (let territory = 40; territory > 0 && n < perIndicator; territory--, n++) {
				const date = d % DATES.length;
				// Distinct keys: the territory runs over 40 values, then the date and an offset move on.
				const t = territory + 100 * Math.floor(d / DATES.length);
				const value = key * 1e6 + n;
				// No qualifier column (-1), an empty one (0), or '>' (1).
				const qualifierId = n % 7 === 0 ? -1 : n % 3 === 0 ? 1 : 0;
				spool.add(key, t, date, value, n % 2, n + 2, qualifierId, -1, -1);
				expected.push({ key, territory: t, date: DATES[date], value, qualifier: qualifierId > 0 ? TEXTS[qualifierId] : null, keep: (qualifierId < 0 ? 1 : 0) | 6, file: n % 2 });
			}
	}
	return { spool, expected };
}

function stagedRows(client: Database.Database) {
	return client
		.prepare(
			'SELECT s.id, s.territory_id AS territory, s.date, s.value, s.qualifier, s.source_id AS sourceId, s.note, s.keep, s.file FROM staging.staged s ORDER BY s.id'
		)
		.all() as { id: number; territory: number; date: string; value: number; qualifier: string | null; sourceId: null; note: null; keep: number; file: number }[];
}

async function run(perIndicator: number, maxInFlight?: number) {
	const dir = tempDir();
	const client = new Database(':memory:');
	const staging = new ValueStaging(dir, 'essai', maxInFlight);
	staging.attach(client);
	const { spool, expected } = stage(staging, dir, perIndicator);
	const threaded = staging.threaded;
	await staging.finish(client, () => spool.sealAll());
	const rows = stagedRows(client);
	const groups = staging.groups;
	await staging.close();
	spool.close();
	client.close();
	return { rows, expected, threaded, groups, left: readdirSync(dir) };
}

describe('ValueStaging', () => {
	for (const [size, perIndicator, threaded] of [
		['a small release (written by the main thread)', 300, false],
		['a large release (written by a worker thread while reading)', 5000, true]
	] as const) {
		it(`stages every record of ${size}, each indicator's in key order, and leaves no file behind`, async () => {
			const result = await run(perIndicator);
			expect(result.threaded).toBe(threaded);
			expect(result.rows).toHaveLength(2 * perIndicator);
			for (const key of [0, 1]) {
				const mine = result.rows.filter((r) => Math.floor(r.id / INDICATOR_ID_SPAN) === key);
				// One id range per indicator, ranks 0 … n − 1.
				expect(mine.map((r) => r.id - key * INDICATOR_ID_SPAN)).toEqual([...Array(perIndicator).keys()]);
				const byKey = (a: { territory: number; date: string }, b: { territory: number; date: string }) =>
					a.territory - b.territory || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
				const want = result.expected
					.filter((e) => e.key === key)
					.sort(byKey)
					.map(({ territory, date, value, qualifier, keep, file }) => ({ territory, date, value, qualifier, sourceId: null, note: null, keep, file }));
				const got = mine.map(({ id: _id, ...row }) => row);
				expect([...got].sort(byKey)).toEqual(want);
				// In key order, run by run: the full runs of 1,024 records as they came, then the last,
				// partial one, told at the end (one step back at most).
				const stepsBack = got.filter((r, i) => i > 0 && byKey(got[i - 1], r) > 0).length;
				expect(stepsBack).toBe(threaded ? 1 : 0);
				// Counted by annotation mask (bit 0: no qualifier column; source and note absent: bits 1, 2) and file.
				const counts = new Map<string, number>();
				for (const e of result.expected.filter((e) => e.key === key)) {
					const k = `${e.keep}/${e.file}`;
					counts.set(k, (counts.get(k) ?? 0) + 1);
				}
				const groups = new Map((result.groups.get(key) ?? []).map((g) => [`${g.keep}/${g.file}`, g.n]));
				expect(groups).toEqual(counts);
			}
			expect(result.left).toEqual([]);
		});
	}

	it('waits for the worker when it is behind (one run in flight at most): every record still staged once', async () => {
		const result = await run(5000, 1);
		expect(result.threaded).toBe(true);
		expect(result.rows).toHaveLength(10_000);
		expect(new Set(result.rows.map((r) => r.id)).size).toBe(10_000);
		expect(result.rows.map((r) => r.value).sort((a, b) => a - b)).toEqual(result.expected.map((e) => e.value).sort((a, b) => a - b));
	});

	it("reports the worker's failure when the rows are awaited", async () => {
		const dir = tempDir();
		const staging = new ValueStaging(dir);
		// The staging folder is gone: the worker cannot create its file.
		rmSync(staging.path.replace(/[\\/][^\\/]+$/, ''), { recursive: true });
		const spool = new ValueSpool(dir, undefined, (key, bytes, count) => staging.add(key, bytes, count, DATES, TEXTS));
		for (let i = 0; i < 3000; i++) spool.add(0, i, 0, i, 0, i + 2, -1, -1, -1);
		const client = new Database(':memory:');
		await expect(staging.finish(client, () => spool.sealAll())).rejects.toThrow(/directory does not exist/);
		await staging.close();
		spool.close();
		client.close();
	});
});
