/**
 * Production server: SvelteKit's adapter-node handler behind a plain Node HTTP server whose first
 * step answers pages already rendered for the current data release (see src/hooks.server.ts).
 *   node scripts/serve.js [build-dir]
 * Environment: PORT, HOST, ORIGIN (public address, default http://localhost:PORT), DATABASE_PATH,
 * WEB_CONCURRENCY (processes, default one per core), RENDER_THREADS (render threads per process,
 * default 1; 0 renders on the main thread), ACCESS_LOG=1 (one line per request on stdout).
 *
 * One process per core (node:cluster, the primary only supervises); each opens the store itself
 * and notices a new release on its own. SIGTERM/SIGINT: stop accepting, finish the requests in
 * flight, then exit (at most SHUTDOWN_TIMEOUT_MS, default 10 s).
 */
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startRenderPool } from './render-pool.js';

const dir = resolve(process.argv[2] ?? 'build');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY) || availableParallelism());
const shutdownTimeout = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);
// The public address (absolute URLs, adapter-node's request URL) is configured, never read from
// the Host header: cached answers are shared by every client.
process.env.ORIGIN ||= `http://localhost:${port}`;

if (workers > 1 && cluster.isPrimary) {
	let stopping = false;
	const fork = () => cluster.fork();
	for (let i = 0; i < workers; i++) fork();
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			return;
		}
		console.error(`Processus ${worker.process.pid} arrêté (${signal ?? code}) : relancé.`);
		fork();
	});
	let announced = 0;
	cluster.on('listening', () => {
		if (++announced === workers) console.log(`Listening on http://${host}:${port} (${workers} processus)`);
	});
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			stopping = true;
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
			setTimeout(() => process.exit(0), shutdownTimeout + 1000).unref();
		});
	}
} else {
	await serve();
}

async function serve() {
	const { handler } = await import(pathToFileURL(resolve(dir, 'handler.js')).href);
	// Cold renders (and their compression) run in threads; this thread answers cached pages.
	const renderThreads = Math.max(0, Number(process.env.RENDER_THREADS ?? 1) || 0);
	if (renderThreads > 0) globalThis.__barometreRenderPool = startRenderPool(dir, renderThreads);
	const accessLog = process.env.ACCESS_LOG === '1';
	const securityHeaders =
		globalThis.__barometreSecurityHeaders ??
		(() => [
			['x-content-type-options', 'nosniff'],
			['referrer-policy', 'strict-origin-when-cross-origin'],
			['x-frame-options', 'DENY']
		]);

	const server = createServer((req, res) => {
		if (accessLog) logWhenDone(req, res);
		// Static files (/_app/, /geo/) and anything answered outside the hooks get them too.
		const path = (req.url ?? '/').split('?')[0];
		for (const [name, value] of securityHeaders(path)) res.setHeader(name, value);
		if (path.startsWith('/_app/immutable/')) dropValidators(res);
		const fast = globalThis.__barometreFastPath;
		if (typeof fast === 'function' && fast(req, res)) return;
		handler(req, res);
	});
	server.keepAliveTimeout = 5000;
	server.listen(port, host, () => {
		if (!cluster.isWorker) console.log(`Listening on http://${host}:${port}`);
	});

	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		// Finish the requests in flight; idle keep-alive connections are closed now.
		server.close(() => process.exit(0));
		server.closeIdleConnections();
		setTimeout(() => process.exit(0), shutdownTimeout).unref();
	};
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);
	// A connection that becomes idle during shutdown is closed rather than kept alive.
	server.on('request', (_req, res) => res.on('finish', () => stopping && server.closeIdleConnections()));
}

/**
 * The build's immutable files are cached for a year and never revalidated (their names change with
 * their content): the static handler's Last-Modified and ETag would only add bytes to each of them.
 */
function dropValidators(res) {
	const writeHead = res.writeHead;
	res.writeHead = function (code, ...rest) {
		for (const headers of rest) {
			if (headers && typeof headers === 'object' && !Array.isArray(headers)) {
				delete headers['Last-Modified'];
				delete headers['ETag'];
			}
		}
		return writeHead.call(this, code, ...rest);
	};
}

/** Common Log Format, then the time taken: `ip - - [date] "GET /path HTTP/1.1" 200 1234 5.2ms`. */
function logWhenDone(req, res) {
	const start = process.hrtime.bigint();
	let bytes = 0;
	const write = res.write;
	const end = res.end;
	const count = (chunk, encoding) => {
		if (chunk && typeof chunk !== 'function') bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk.length;
	};
	res.write = function (chunk, encoding, cb) {
		count(chunk, encoding);
		return write.call(this, chunk, encoding, cb);
	};
	res.end = function (chunk, encoding, cb) {
		count(chunk, encoding);
		return end.call(this, chunk, encoding, cb);
	};
	res.on('finish', () => {
		const ms = Number(process.hrtime.bigint() - start) / 1e6;
		const date = clfDate(new Date());
		const path = JSON.stringify(req.url ?? '').slice(1, -1);
		process.stdout.write(`${req.socket.remoteAddress ?? '-'} - - [${date}] "${req.method} ${path} HTTP/${req.httpVersion}" ${res.statusCode} ${bytes} ${ms.toFixed(1)}ms\n`);
	});
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `02/Dec/2026:00:30:00 +0000` */
function clfDate(d) {
	const two = (n) => String(n).padStart(2, '0');
	return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
