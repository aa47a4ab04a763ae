/**
 * Opening the SQLite store. Writers (import, seed) open it read-write and migrate it; the web
 * server opens it read-only. WAL mode and foreign keys are always on.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from '../../../db/schema';

export type Store = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = 'db/barometre.sqlite';

export function databasePath(explicit?: string): string {
	return resolve(explicit ?? process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH);
}

const MIGRATIONS = fileURLToPath(new URL('../../../db/migrations', import.meta.url));

/** Read-write store, created and migrated when needed. */
export function openWritableStore(path: string): Store {
	mkdirSync(dirname(path), { recursive: true });
	const client = new Database(path);
	// A new store gets 16 KiB pages (SQLite's default is 4 KiB): a release revising a million values
	// writes its B-trees ≈ 10 % faster (bench:import, BENCHMARKS.md). No effect on an existing store,
	// whose page size only a VACUUM outside WAL mode changes; it must be set before WAL mode is.
	client.pragma('page_size = 16384');
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	client.pragma('synchronous = NORMAL');
	const db = drizzle(client, { schema }) as Store;
	migrate(db, { migrationsFolder: MIGRATIONS });
	return db;
}

/** Read-only store for the site: it never writes, and refuses to start on a missing file. */
export function openReadonlyStore(path: string): Store {
	const client = new Database(path, { readonly: true, fileMustExist: true });
	client.pragma('foreign_keys = ON');
	return drizzle(client, { schema }) as Store;
}
