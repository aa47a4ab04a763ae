/**
 * The site's connection to the store: opened once, read-only (an import never competes with a
 * page for a write lock, and a page can never change a figure).
 */
import { env } from '$env/dynamic/private';
import { databasePath, openReadonlyStore, type Store } from './store';

let store: Store | null = null;

export function getStore(): Store {
	if (!store) {
		const path = databasePath(env.DATABASE_PATH);
		try {
			store = openReadonlyStore(path);
		} catch (cause) {
			throw new Error(`Base de données introuvable ou illisible : ${path}. Lancez « npm run db:seed ».`, { cause });
		}
	}
	return store;
}

export function getClient() {
	return getStore().$client;
}
