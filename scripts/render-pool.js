/**
 * Cold renders off the main event loop: a few worker threads (RENDER_THREADS per process, default
 * 1), each running SvelteKit with its own read-only store handle. src/hooks.server.ts hands them
 * the GETs it cannot answer from its cache, through `globalThis.__barometreRenderPool`; the main
 * thread only routes, caches and writes bytes. A thread that dies is replaced, and the requests
 * it held fail (answered 503 « réessayez » by the hook).
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

const THREAD = fileURLToPath(new URL('./render-thread.js', import.meta.url));

const toBuffer = (u8) => (u8 ? Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength) : u8);

export function startRenderPool(dir, size) {
	let nextId = 1;
	let closed = false;
	const threads = [];
	let rendered = 0;

	function spawnThread(slot) {
		const worker = new Worker(THREAD, { workerData: { dir } });
		const thread = { worker, pending: new Map(), slot };
		worker.on('message', (message) => {
			if (message.ready) return;
			const job = thread.pending.get(message.id);
			if (!job) return;
			thread.pending.delete(message.id);
			rendered++;
			if (message.error) return job.reject(new Error(message.error));
			if (message.entry) {
				const e = message.entry;
				job.resolve({ entry: { ...e, body: toBuffer(e.body), gzip: toBuffer(e.gzip), brotli: toBuffer(e.brotli) } });
			} else job.resolve({ response: { ...message.response, body: toBuffer(message.response.body) } });
		});
		const fail = (error) => {
			for (const job of thread.pending.values()) job.reject(error);
			thread.pending.clear();
		};
		worker.on('error', fail);
		worker.on('exit', (code) => {
			fail(new Error(`render thread exited (${code})`));
			if (!closed) threads[slot] = spawnThread(slot);
		});
		worker.unref();
		return thread;
	}
	for (let i = 0; i < size; i++) threads.push(spawnThread(i));

	return {
		size,
		get rendered() {
			return rendered;
		},
		/** { entry } (cacheable, compressed) or { response } for one GET as the client sent it. */
		render(url, headers, remoteAddress) {
			const thread = threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
			const id = nextId++;
			return new Promise((resolve, reject) => {
				thread.pending.set(id, { resolve, reject });
				thread.worker.postMessage({ id, url, headers, remoteAddress });
			});
		},
		async close() {
			closed = true;
			await Promise.all(threads.map((t) => t.worker.terminate()));
		}
	};
}
