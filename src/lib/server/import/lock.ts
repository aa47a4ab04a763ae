/**
 * One import at a time per store. A lock file next to the store (`<store>.import-lock`) names the
 * process that holds it, so that a second import can say whom it waits for; it is taken before the
 * store is opened (migrations included) and removed when the import ends. A lock left by a process
 * that no longer runs (crash, kill -9) is taken over. SQLite's write lock (BEGIN IMMEDIATE, in
 * importRelease) still guards the store itself.
 */
import { hostname } from 'node:os';
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';

export interface LockHolder {
	pid: number;
	host: string;
	startedAt: string;
}

export const lockPath = (dbPath: string) => `${dbPath}.import-lock`;

function readHolder(path: string): LockHolder | null {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
	} catch {
		return null;
	}
}

function alive(holder: LockHolder): boolean {
	if (holder.host !== hostname()) return true; // another machine: cannot tell, assume it runs
	try {
		process.kill(holder.pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the store is free, then holds it; returns the release function. */
export async function acquireImportLock(dbPath: string, onWait?: (holder: LockHolder) => void): Promise<() => void> {
	const path = lockPath(dbPath);
	const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
	let told = false;
	for (;;) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, JSON.stringify(me));
			closeSync(fd);
			return () => {
				if (readHolder(path)?.pid === me.pid) rmSync(path, { force: true });
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const holder = readHolder(path);
		if (holder && !alive(holder)) {
			// Stale: re-read just before removing, so that a lock just taken by a live process stays.
			if (readHolder(path)?.pid === holder.pid) rmSync(path, { force: true });
			continue;
		}
		if (holder && !told) {
			told = true;
			onWait?.(holder);
		}
		await sleep(200);
	}
}

/** The one French line the command prints while it waits. */
export function waitMessage(holder: LockHolder): string {
	const started = holder.startedAt.slice(0, 19).replace('T', ' à ');
	return `Un autre import écrit dans cette base (processus ${holder.pid}, commencé le ${started} UTC) : celui-ci attend qu'il se termine (Ctrl+C pour abandonner).`;
}
