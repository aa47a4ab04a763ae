/**
 * What every response of the site carries, in one place: the security headers (also set by
 * scripts/serve.js on static files and everything SvelteKit does not see), the caching policy a
 * browser, nginx or a CDN can honour, and the admission control of cold renders.
 */

/**
 * nosniff, no referrer beyond the origin, no framing except the embeddable views (/integrer/).
 * The build's own files (/_app/immutable/: scripts, styles, fonts) are never documents: framing and
 * referrer policies do nothing there, and a page loads some sixty of them.
 */
export function securityHeaders(path: string): [string, string][] {
	if (path.startsWith('/_app/immutable/')) return [['x-content-type-options', 'nosniff']];
	const headers: [string, string][] = [
		['x-content-type-options', 'nosniff'],
		['referrer-policy', 'strict-origin-when-cross-origin']
	];
	if (!path.startsWith('/integrer/')) headers.push(['x-frame-options', 'DENY']);
	return headers;
}

/** The site's CSP forbids framing; the embeddable views (/integrer/) may be framed by anyone. */
export function framePolicy(csp: string, path: string): string {
	return path.startsWith('/integrer/') ? csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *') : csp;
}

/**
 * Pages, downloads and API answers change only when a release is imported (or the day turns): a
 * browser keeps them a minute, a shared cache (nginx, CDN) `SHARED_CACHE_SECONDS` (default 300),
 * and may serve a stale copy for ten minutes while it revalidates (ETag → 304).
 */
export function cacheControl(sharedSeconds = Number(process.env.SHARED_CACHE_SECONDS ?? 300)): string {
	const shared = Number.isFinite(sharedSeconds) && sharedSeconds >= 0 ? Math.floor(sharedSeconds) : 300;
	return `public, max-age=${Math.min(60, shared)}, s-maxage=${shared}, stale-while-revalidate=600`;
}

/** Seconds a client is asked to wait when cold renders are saturated. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * Bounded cold renders: at most `concurrency` at a time, at most `queue` waiting; beyond that the
 * request is refused at once (503), so a flood of distinct uncached URLs costs a bounded amount of
 * work and never delays cached answers (which never come here). Each admitted render starts on a
 * fresh macrotask, so the answers already rendered and queued I/O get the event loop in between.
 */
export class RenderGate {
	private running = 0;
	private waiting: (() => void)[] = [];

	constructor(
		readonly concurrency = Number(process.env.RENDER_CONCURRENCY ?? 2),
		readonly queue = Number(process.env.RENDER_QUEUE ?? 16)
	) {}

	get load(): { running: number; waiting: number } {
		return { running: this.running, waiting: this.waiting.length };
	}

	/** Runs `render` when admitted; null (do not render) when the queue is full. */
	async run<T>(render: () => Promise<T>): Promise<T | null> {
		if (this.running >= this.concurrency) {
			if (this.waiting.length >= this.queue) return null;
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		} else {
			this.running++;
		}
		try {
			await new Promise((resolve) => setImmediate(resolve));
			return await render();
		} finally {
			const next = this.waiting.shift();
			if (next) next();
			else this.running--;
		}
	}
}
