/**
 * Production server: SvelteKit's adapter-node handler behind a plain Node HTTP server whose first
 * step answers pages already rendered for the current data release (see src/hooks.server.ts).
 *   node scripts/serve.js [build-dir]     (PORT, HOST, ORIGIN, DATABASE_PATH from the environment)
 */
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] ?? 'build');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
// The public address (absolute URLs, adapter-node's request URL) is configured, never read from
// the Host header: cached answers are shared by every client.
process.env.ORIGIN ||= `http://localhost:${port}`;
const { handler } = await import(pathToFileURL(resolve(dir, 'handler.js')).href);

const server = createServer((req, res) => {
	const fast = globalThis.__barometreFastPath;
	if (typeof fast === 'function' && fast(req, res)) return;
	handler(req, res);
});
server.keepAliveTimeout = 5000;
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
