/** Temporary folders and small release files for the store tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach } from 'vitest';

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
		const tables = ['territories', 'indicators', 'observations', 'targets', 'published_rates', 'entities', 'releases', 'revisions', 'sources'];
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
