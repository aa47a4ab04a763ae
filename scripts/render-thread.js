/**
 * A render thread (scripts/render-pool.js): SvelteKit's handler with its own store handle, fed
 * requests the main thread could not answer from its cache. Rendering and compressing here keeps
 * the main event loop free for cached pages, whatever a client asks for.
 */
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

// src/hooks.server.ts renders only (no cache, no gate) in a render thread.
globalThis.__barometreRenderThread = true;
const { handler } = await import(pathToFileURL(resolve(workerData.dir, 'handler.js')).href);

/** The parts of http.IncomingMessage that adapter-node reads for a GET. */
function incoming(url, headers, remoteAddress) {
	const req = new Readable({ read() { this.push(null); } });
	const socket = { remoteAddress };
	return Object.assign(req, { url, method: 'GET', headers: Object.fromEntries(headers), httpVersion: '1.1', httpVersionMajor: 1, httpVersionMinor: 1, socket, connection: socket });
}

/** The parts of http.ServerResponse that adapter-node writes, collecting the body. */
class CollectedResponse extends EventEmitter {
	statusCode = 200;
	destroyed = false;
	headersSent = false;
	#headers = new Map();
	#chunks = [];
	constructor(done) {
		super();
		this.done = done;
	}
	setHeader(name, value) { this.#headers.set(name.toLowerCase(), value); return this; }
	getHeader(name) { return this.#headers.get(name.toLowerCase()); }
	getHeaderNames() { return [...this.#headers.keys()]; }
	hasHeader(name) { return this.#headers.has(name.toLowerCase()); }
	removeHeader(name) { this.#headers.delete(name.toLowerCase()); }
	writeHead(status, headers) {
		this.statusCode = status;
		if (Array.isArray(headers)) for (let i = 0; i < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
		else if (headers) for (const [k, v] of Object.entries(headers)) this.setHeader(k, v);
		this.headersSent = true;
		return this;
	}
	write(chunk) {
		if (chunk != null) this.#chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
		return true;
	}
	end(chunk) {
		if (typeof chunk !== 'function') this.write(chunk);
		const headers = [];
		for (const [k, v] of this.#headers) for (const value of Array.isArray(v) ? v : [v]) headers.push([k, String(value)]);
		this.done({ status: this.statusCode, headers, body: Buffer.concat(this.#chunks) });
		this.emit('finish');
		this.emit('close');
		return this;
	}
}

parentPort.on('message', ({ id, url, headers, remoteAddress }) => {
	const res = new CollectedResponse((response) => {
		try {
			// Built by src/hooks.server.ts: the cache entry (compressed bodies) when the answer is cacheable.
			const entry = globalThis.__barometreCacheEntry?.(response.status, response.headers, response.body, new URL(url, 'http://x').pathname) ?? null;
			parentPort.postMessage(entry ? { id, entry } : { id, response });
		} catch (error) {
			parentPort.postMessage({ id, error: String(error?.stack ?? error) });
		}
	});
	try {
		handler(incoming(url, headers, remoteAddress), res, () => res.writeHead(404).end('Not found'));
	} catch (error) {
		parentPort.postMessage({ id, error: String(error?.stack ?? error) });
	}
});
parentPort.postMessage({ ready: true });
