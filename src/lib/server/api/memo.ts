/**
 * Per-release memo for binary downloads (zip, xlsx), which the hooks' response cache does not
 * keep (it caches text types only). Entries live until the store changes: `PRAGMA data_version`
 * moves when an import commits through another connection. Keyed by connection too, so tests
 * with several stores never share entries.
 */
import type Database from 'better-sqlite3';
import { dataVersion } from './queries';

interface Slot {
	version: number;
	entries: Map<string, unknown>;
}

const slots = new WeakMap<Database.Database, Slot>();

export function memoise<T>(client: Database.Database, key: string, build: () => T, maxEntries = 64): T {
	const version = dataVersion(client);
	let slot = slots.get(client);
	if (!slot || slot.version !== version) slots.set(client, (slot = { version, entries: new Map() }));
	if (slot.entries.has(key)) {
		const hit = slot.entries.get(key) as T;
		// Map order as recency.
		slot.entries.delete(key);
		slot.entries.set(key, hit);
		return hit;
	}
	const value = build();
	slot.entries.set(key, value);
	while (slot.entries.size > maxEntries) slot.entries.delete(slot.entries.keys().next().value!);
	return value;
}
