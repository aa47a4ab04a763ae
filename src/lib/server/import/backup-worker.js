// @ts-check
/**
 * The online backup of a store taken before an import writes (index.ts): SQLite's backup API,
 * through a read-only connection of its own. Plain JavaScript: this file is also a worker
 * thread's entry point, run by Node as it is, so that a large store is copied while the main
 * thread reads and validates the release (the import's write lock keeps the store as it was).
 */
import Database from 'better-sqlite3';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * Copies the committed state of `source` into `destination`.
 * @param {string} source @param {string} destination
 */
export async function backupStore(source, destination) {
	const reader = new Database(source, { readonly: true, fileMustExist: true });
	try {
		await reader.backup(destination);
	} finally {
		reader.close();
	}
}

// As a worker: workerData.barometreBackup = { source, destination }; answers { done } or { error }.
if (!isMainThread && workerData?.barometreBackup && parentPort) {
	const port = parentPort;
	const { source, destination } = workerData.barometreBackup;
	backupStore(source, destination).then(
		() => port.postMessage({ done: true }),
		(/** @type {any} */ error) => port.postMessage({ error: { message: String(error?.message ?? error), code: error?.code } })
	);
}
