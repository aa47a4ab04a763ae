import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { openWritableStore } from '../../src/lib/server/store';
import { query, tmpDir } from '../helpers/tmp';

const MIGRATIONS = join(import.meta.dirname, '..', '..', 'db', 'migrations');

/** A store migrated up to (and including) migration `last`, as a store of that time was. */
function storeUpTo(last: string): string {
	const dir = tmpDir();
	const folder = join(dir, 'migrations');
	cpSync(MIGRATIONS, folder, { recursive: true });
	const journalPath = join(folder, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
	journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === last) + 1);
	writeFileSync(journalPath, JSON.stringify(journal));
	const path = join(dir, 'store.sqlite');
	const client = new Database(path);
	migrate(drizzle(client), { migrationsFolder: folder });
	client.close();
	return path;
}

/** Writes the rows a migration reads into a store of that time (their parents — policy, family… — left out). */
function withRows(path: string, sql: string): string {
	const client = new Database(path);
	client.pragma('foreign_keys = OFF');
	client.exec(sql);
	client.close();
	return path;
}

describe('migration 0005: old → new pairs from history', () => {
	it('removes the pairs history holds, keeps those logged before vintages, and leaves history as it was', () => {
		const path = withRows(
			storeUpTo('0004_peaceful_gorilla_man'),
			`
			INSERT INTO territories (id, code, level, insee_code, name, cog_year) VALUES (1, 'FR', 'national', 'FR', 'France', 2024);
			INSERT INTO indicators (id, code, policy_id, name, unit, direction, producer, licence) VALUES (1, 'T-1', 'P-1', 'Taux', '%', 'hausse', 'INSEE', 'Licence Ouverte');
			INSERT INTO releases (id, imported_at, files, rows_read, inserted, revised, unchanged) VALUES
			  (1, '2024-01-01', '[]', 2, 2, 0, 0), (2, '2024-02-01', '[]', 1, 0, 1, 0), (3, '2024-03-01', '[]', 1, 0, 1, 0);
			INSERT INTO observations (indicator_id, territory_id, date, value, release_id, revisions) VALUES (1, 1, '2023', 7, 2, 1), (1, 1, '2024', 12, 3, 1);
			-- Release 2 revised 2023 before vintages were kept: only its pair tells the old value.
			INSERT INTO revisions (release_id, indicator_id, territory_id, date, old_value, new_value) VALUES (2, 1, 1, '2023', 6, 7);
			-- Release 3 revised 2024 with vintages kept: the pair is also the history row.
			INSERT INTO observation_history (indicator_id, territory_id, date, value, release_id, replaced_by) VALUES (1, 1, '2024', 11, 1, 3);
			INSERT INTO revisions (release_id, indicator_id, territory_id, date, old_value, new_value) VALUES (3, 1, 1, '2024', 11, 12);
		`
		);
		openWritableStore(path).$client.close();
		expect(query(path, 'SELECT release_id, date, old_value, new_value FROM revisions')).toEqual([{ release_id: 2, date: '2023', old_value: 6, new_value: 7 }]);
		expect(query(path, 'SELECT date, value, release_id, replaced_by FROM observation_history')).toEqual([{ date: '2024', value: 11, release_id: 1, replaced_by: 3 }]);
	});
});

describe('migrations 0006–0007: history WITHOUT ROWID, one index', () => {
	it('rebuilds observation_history as its primary key, keeps every vintage and only the replaced_by index', () => {
		const path = withRows(
			storeUpTo('0005_revisions_from_history'),
			`
			INSERT INTO territories (id, code, level, insee_code, name, cog_year) VALUES (1, 'FR', 'national', 'FR', 'France', 2024), (5, 'R84', 'region', '84', 'Auvergne-Rhône-Alpes', 2024);
			INSERT INTO indicators (id, code, policy_id, name, unit, direction, producer, licence) VALUES
			  (1, 'T-1', 'P-1', 'Taux', '%', 'hausse', 'INSEE', 'Licence Ouverte'), (2, 'T-2', 'P-1', 'Nombre', 'nombre', 'hausse', 'INSEE', 'Licence Ouverte');
			INSERT INTO releases (id, imported_at, files, rows_read, inserted, revised, unchanged) VALUES
			  (1, '2024-01-01', '[]', 0, 0, 0, 0), (2, '2024-02-01', '[]', 0, 0, 0, 0), (3, '2024-03-01', '[]', 0, 0, 0, 0), (4, '2024-04-01', '[]', 0, 0, 0, 0);
			INSERT INTO observation_history (indicator_id, territory_id, date, value, qualifier, source_id, note, release_id, replaced_by) VALUES
			  (1, 1, '2024', 11, '>', 'S-1', 'une note', 1, 3), (1, 1, '2024', 11.5, NULL, NULL, NULL, 3, 4), (2, 5, '', 7, NULL, NULL, NULL, 2, 3);
		`
		);
		const before = query(path, 'SELECT * FROM observation_history ORDER BY 1, 2, 3, 8');
		openWritableStore(path).$client.close();
		expect(query(path, 'SELECT * FROM observation_history ORDER BY 1, 2, 3, 8')).toEqual(before);
		expect(query<{ sql: string }>(path, "SELECT sql FROM sqlite_master WHERE name = 'observation_history'")[0].sql).toMatch(/\) WITHOUT ROWID$/);
		// The primary key is the table itself: no separate key index.
		expect(query(path, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observation_history' ORDER BY name")).toEqual([
			{ name: 'observation_history_replaced_by' }
		]);
	});
});
