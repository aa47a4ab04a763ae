/** Starting the production server (scripts/serve.js) on a free loopback port, for tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

export async function waitFor(url: string, server: ChildProcess | null, timeoutMs = 30_000): Promise<void> {
	const start = Date.now();
	while (Date.now() - start < timeoutMs) {
		if (server && server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
		try {
			const res = await fetch(url);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server did not answer at ${url}`);
}

export interface RunningServer {
	server: ChildProcess;
	url: string;
	port: number;
	/** What the server printed on stdout so far (access log lines). */
	stdout: () => string;
}

/** serve.js on `buildDir` and the store `db`; stdout kept (access log), stderr shown. */
export async function startServer(buildDir: string, db: string, env: Record<string, string> = {}): Promise<RunningServer> {
	const port = await freePort();
	const server = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.js'), buildDir], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), DATABASE_PATH: db, HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	server.stdout!.on('data', (chunk) => (out += chunk));
	const url = `http://127.0.0.1:${port}`;
	await waitFor(url + '/sante', server);
	return { server, url, port, stdout: () => out };
}

/** SIGTERM, then resolves with the exit code. */
export function stopServer(server: ChildProcess): Promise<number | null> {
	if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve(server.exitCode);
	return new Promise((resolve) => {
		server.once('exit', (code) => resolve(code));
		server.kill('SIGTERM');
	});
}
