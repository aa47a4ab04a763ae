/**
 * The site's connection to the store: read-only (an import never competes with a page for a write
 * lock, and a page can never change a figure). Two ways a release arrives, both noticed without a
 * restart: an import into this file moves `PRAGMA data_version`; a new file atomically renamed over
 * it (how a release is published to several machines) has a new inode, checked at most once a
 * second, and the connection is reopened on it.
 */
import { statSync } from 'node:fs';
import { env } from '$env/dynamic/private';
import { databasePath, openReadonlyStore, type Store } from './store';

// A render thread checks on every render: it must never render an older release than the main
// thread, which has just checked, will cache it under.
const CHECK_EVERY_MS = (globalThis as { __barometreRenderThread?: boolean }).__barometreRenderThread ? 0 : 1000;
let store: Store | null = null;
let opened: { path: string; ino: number; checkedAt: number } | null = null;

function open(path: string): Store {
	try {
		const ino = statSync(path).ino;
		const fresh = openReadonlyStore(path);
		opened = { path, ino, checkedAt: Date.now() };
		return fresh;
	} catch (cause) {
		throw new Error(`Base de données introuvable ou illisible : ${path}. Lancez « npm run db:seed ».`, { cause });
	}
}

export function getStore(): Store {
	const path = databasePath(env.DATABASE_PATH);
	if (!store || !opened || opened.path !== path) {
		store = open(path);
	} else if (Date.now() - opened.checkedAt >= CHECK_EVERY_MS) {
		opened.checkedAt = Date.now();
		let ino: number | null = null;
		try {
			ino = statSync(path).ino;
		} catch {
			// Mid-replacement or removed: keep serving the release already open.
		}
		if (ino !== null && ino !== opened.ino) {
			const previous = store;
			store = open(path);
			// Renders in flight may still hold the old connection: close it once they are done.
			setTimeout(() => previous.$client.close(), 30_000).unref();
		}
	}
	return store;
}

export function getClient() {
	return getStore().$client;
}

/** Changes whenever the figures served may have changed: file replaced or import committed. */
export function storeVersion(): string {
	const client = getClient();
	return `${opened?.ino}:${client.pragma('data_version', { simple: true })}`;
}
