// @ts-check
/**
 * Writes a release's spooled value records (spool.ts: 40 bytes each) into the staging table,
 * `staged`, of a scratch SQLite file beside the store (staging.ts), as the rows the comparison
 * reads: date and annotation texts, not ids. Plain JavaScript: this file is also a worker
 * thread's entry point, run by Node as it is, while the main thread parses and validates the
 * files. Each record becomes one row whose id is `indicator key × 2^32 + its rank among that
 * indicator's rows`: one indicator's values are one id range.
 */
import Database from 'better-sqlite3';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * `keep`: bit i set when the file has no column for annotation i (qualifier, source_id, note):
 * the stored annotation stays and is not compared (apply-values.ts).
 */
export const STAGED_COLUMNS =
	'(id INTEGER PRIMARY KEY, territory_id INTEGER NOT NULL, date TEXT NOT NULL, value REAL NOT NULL, qualifier TEXT, source_id TEXT, note TEXT, file INTEGER NOT NULL, keep INTEGER NOT NULL)';
/** Ids of one indicator's rows: key × 2^32 + rank (keys < 2^20, so ids stay exact in a double). */
export const INDICATOR_ID_SPAN = 2 ** 32;

const WIDTH = 9;
const ROWS = 128;
const RECORD_BYTES = 40;
/** Records of one indicator sorted and written together (10 MiB). */
const RUN_RECORDS = 1 << 18;

/**
 * A writer into `table` (created if needed) through `db`. Records of one indicator are gathered
 * into a run, until another indicator's come or the run is full, and written in key order
 * (territory, then date): releases list one month of every territory after another, and the
 * comparison then reads and writes the store's B-trees in order. Counts the records by
 * annotation mask (`keep`, see apply-values.ts) and file, for the summary.
 * @param {import('better-sqlite3').Database} db
 * @param {string} table
 */
export function createStagedWriter(db, table) {
	db.exec(`CREATE TABLE IF NOT EXISTS ${table} ${STAGED_COLUMNS}`);
	const sql = (/** @type {number} */ rows) => `INSERT INTO ${table} VALUES ${Array(rows).fill(`(${Array(WIDTH).fill('?').join(',')})`).join(',')}`;
	const full = db.prepare(sql(ROWS));
	const params = new Array(WIDTH * ROWS);
	/** Rows written per indicator key (the next row's rank). */
	/** @type {Map<number, number>} */
	const ranks = new Map();
	/** @type {Map<number, Map<number, number>>} key → (keep × 2^24 + file) → records */
	const counts = new Map();
	/** @type {string[]} */
	const dates = [];
	/** @type {(string | null)[]} annotation texts by id (0: empty, as spool.ts numbers them) */
	const texts = [];
	/** @type {Int32Array | null} date id → rank of its text */
	let dateRank = null;
	const run = new Uint8Array(RUN_RECORDS * RECORD_BYTES);
	const runF64 = new Float64Array(run.buffer);
	const runI32 = new Int32Array(run.buffer);
	const order = new Float64Array(RUN_RECORDS);
	let runKey = -1;
	let runCount = 0;
	let pending = 0;

	function rankDates() {
		const ids = dates.map((_, id) => id).sort((a, b) => (dates[a] < dates[b] ? -1 : dates[a] > dates[b] ? 1 : 0));
		const rank = new Int32Array(dates.length);
		ids.forEach((id, r) => (rank[id] = r));
		return rank;
	}

	function writeRun() {
		const n = runCount;
		if (n === 0) return;
		dateRank ??= rankDates();
		const rank = dateRank;
		// (territory, date rank) × 2^18 + index: one number per record, sorted natively (exact below 2^53).
		let exact = true;
		for (let r = 0; r < n; r++) {
			const territory = runI32[r * 10 + 2];
			if (territory >= 1 << 14) exact = false;
			order[r] = (territory * 2 ** 20 + rank[runI32[r * 10 + 3]]) * RUN_RECORDS + r;
		}
		const sorted = order.subarray(0, n);
		if (exact) sorted.sort();
		let next = ranks.get(runKey) ?? 0;
		const base = runKey * INDICATOR_ID_SPAN;
		let byMask = counts.get(runKey);
		if (!byMask) counts.set(runKey, (byMask = new Map()));
		for (let k = 0; k < n; k++) {
			const r = exact ? sorted[k] % RUN_RECORDS : k;
			const o = r * 10;
			const p = pending * WIDTH;
			const qualifier = runI32[o + 6];
			const sourceId = runI32[o + 7];
			const note = runI32[o + 8];
			const file = runI32[o + 4];
			const keep = (qualifier < 0 ? 1 : 0) | (sourceId < 0 ? 2 : 0) | (note < 0 ? 4 : 0);
			params[p] = base + next++;
			params[p + 1] = runI32[o + 2];
			params[p + 2] = dates[runI32[o + 3]];
			params[p + 3] = runF64[r * 5];
			params[p + 4] = qualifier > 0 ? texts[qualifier] : null;
			params[p + 5] = sourceId > 0 ? texts[sourceId] : null;
			params[p + 6] = note > 0 ? texts[note] : null;
			params[p + 7] = file;
			params[p + 8] = keep;
			const group = keep * 2 ** 24 + file;
			byMask.set(group, (byMask.get(group) ?? 0) + 1);
			if (++pending === ROWS) {
				full.run(params);
				pending = 0;
			}
		}
		ranks.set(runKey, next);
		runCount = 0;
	}

	return {
		/**
		 * `count` records of one indicator, as the spool holds them; `newDates`, `newTexts`: date and
		 * annotation texts whose ids come after those already given.
		 * @param {number} key @param {Uint8Array} bytes @param {number} count
		 * @param {string[]} [newDates] @param {(string | null)[]} [newTexts]
		 */
		add(key, bytes, count, newDates, newTexts) {
			if (newDates?.length) {
				for (const d of newDates) dates.push(d);
				dateRank = null;
			}
			if (newTexts?.length) for (const t of newTexts) texts.push(t);
			if (key !== runKey || runCount + count > RUN_RECORDS) {
				writeRun();
				runKey = key;
			}
			run.set(bytes.subarray(0, count * RECORD_BYTES), runCount * RECORD_BYTES);
			runCount += count;
		},
		/** Writes what is left; returns [key, keep, file, records] for every group of records. */
		end() {
			writeRun();
			if (pending > 0) db.prepare(sql(pending)).run(params.slice(0, pending * WIDTH));
			pending = 0;
			/** @type {[number, number, number, number][]} */
			const out = [];
			for (const [key, byMask] of counts) for (const [group, n] of byMask) out.push([key, Math.floor(group / 2 ** 24), group % 2 ** 24, n]);
			return out;
		}
	};
}

// As a worker: { key, bytes, count, dates } messages, then { end: true }; answers { done, groups } or { error }.
// `done` (a shared counter) tells the main thread how many messages were written, so that it can
// wait when it runs ahead (memory holds a bounded number of records in flight).
if (!isMainThread && workerData?.barometreStaging && parentPort) {
	const port = parentPort;
	/** @type {{ path: string, done: Int32Array }} */
	const { path, done } = workerData.barometreStaging;
	try {
		const db = new Database(path);
		// A scratch file, removed after the import: nothing to recover after a crash.
		db.pragma('journal_mode = OFF');
		db.pragma('synchronous = OFF');
		db.exec('BEGIN');
		const writer = createStagedWriter(db, 'staged');
		port.on('message', (message) => {
			try {
				if (message.end) {
					const groups = writer.end();
					db.exec('COMMIT');
					db.close();
					port.postMessage({ done: true, groups });
				} else {
					writer.add(message.key, message.bytes, message.count, message.dates, message.texts);
					Atomics.add(done, 0, 1);
					Atomics.notify(done, 0);
				}
			} catch (error) {
				fail(error);
			}
		});
	} catch (error) {
		fail(error);
	}
	/** @param {any} error */
	function fail(error) {
		port.postMessage({ error: { message: String(error?.message ?? error), code: error?.code } });
		// The main thread may be waiting for room: wake it so that it reads the error.
		Atomics.store(done, 0, -1);
		Atomics.notify(done, 0);
		port.close();
	}
}
