/** Temporary folders and small release files for the store tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll } from 'vitest';

const made: string[] = [];
const madeForFile: string[] = [];
afterEach(() => {
	while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});
afterAll(() => {
	while (madeForFile.length) rmSync(madeForFile.pop()!, { recursive: true, force: true });
});

/** A folder removed after the current test (or, with `forFile`, after the test file). */
export function tmpDir({ forFile = false } = {}): string {
	const dir = mkdtempSync(join(tmpdir(), 'barometre-test-'));
	(forFile ? madeForFile : made).push(dir);
	return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): string {
	for (const [name, content] of Object.entries(files)) {
		const path = join(dir, name);
		mkdirSync(join(path, '..'), { recursive: true });
		writeFileSync(path, content);
	}
	return dir;
}

export const INDICATOR_HEADER = 'indicateur_id,famille_id,famille,politique_id,politique,nom,unite,sens,producteur,licence,date_mise_a_jour';
export const indicatorsCsv = (...rows: string[]) => [INDICATOR_HEADER, ...rows].join('\n') + '\n';
export const ONE_INDICATOR = indicatorsCsv('T-1,test,Famille test,P-1,Politique test,Taux de test,%,hausse,INSEE,Licence Ouverte / Etalab 2.0,2024-06-30');

/** Everything a test may want to compare before and after a refused import. */
export function storeState(path: string): Record<string, unknown> {
	const db = new Database(path, { readonly: true });
	try {
		const tables = ['territories', 'indicators', 'observations', 'targets', 'published_rates', 'entities', 'releases', 'revisions', 'observation_history', 'sources'];
		const state: Record<string, unknown> = {};
		for (const t of tables) state[t] = db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all();
		return state;
	} finally {
		db.close();
	}
}

export function query<T = Record<string, unknown>>(path: string, sql: string, ...params: unknown[]): T[] {
	const db = new Database(path, { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

/**
 * A read-only store built, for the test file, by importing the given release files with the real
 * import code. Returns a getter: the client exists once `beforeAll` has run.
 */
export function useReleaseStore(files: Record<string, string>): () => Database.Database {
	let client: Database.Database | undefined;
	let dir: string | undefined;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'barometre-release-'));
		writeFiles(join(dir, 'release'), files);
		const { importRelease } = await import('../../src/lib/server/import/index');
		const report = await importRelease([join(dir, 'release')], { dbPath: join(dir, 'store.sqlite') });
		if (!report.ok) throw new Error(JSON.stringify(report.problems));
		client = new Database(join(dir, 'store.sqlite'), { readonly: true });
	});
	afterAll(() => {
		client?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});
	return () => {
		if (!client) throw new Error('store not built yet (use it inside a test)');
		return client;
	};
}
