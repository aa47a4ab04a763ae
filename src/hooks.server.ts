/**
 * Every response: security headers. GET pages, client-navigation data (__data.json) and
 * downloads: one canonical URL per state (others redirected), served from the per-release cache
 * (rendered and compressed once per data release) with Cache-Control for shared caches, one ETag
 * per encoding and 304 on revalidation. Cold renders pass a bounded gate (503 beyond it).
 * The production server (scripts/serve.js) also answers cache hits before SvelteKit's router,
 * through `globalThis.__barometreFastPath`: a cached page costs a Map lookup and one write, and
 * hands cold renders to its render threads (`globalThis.__barometreRenderPool`, scripts/render-pool.js),
 * where this module runs again in render-only mode.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { apiCacheSearch, canonicalQuery } from '$lib/server/canonical-url';
import { storeVersion } from '$lib/server/db';
import { cacheControl, framePolicy, RenderGate, RETRY_AFTER_SECONDS, securityHeaders } from '$lib/server/http-policy';
import { encodedEtag, encodeEntry, pickEncoding, ResponseCache, type CachedResponse } from '$lib/server/response-cache';

const cache = new ResponseCache();
const gate = new RenderGate();
const CACHE_CONTROL = cacheControl();
const CACHEABLE = /^(text\/html|text\/csv|application\/json|application\/zip|application\/vnd\.openxmlformats)/;
/** Zip-based formats are compressed already. */
const PRECOMPRESSED = /^application\/(zip|vnd\.openxmlformats)/;

/** For scripts/serve.js: the same headers on static files and everything SvelteKit never sees. */
(globalThis as { __barometreSecurityHeaders?: unknown }).__barometreSecurityHeaders = securityHeaders;

function lookup(key: string): CachedResponse | undefined {
	// A new release (import or replaced file) or a new day (« donnée de … » age labels) starts a fresh cache.
	cache.sync(`${storeVersion()}|${new Date().toISOString().slice(0, 10)}`);
	return cache.get(key);
}

/** RFC 9110: If-None-Match (weak comparison, lists, `*`) wins; else If-Modified-Since against Last-Modified. */
function notModified(entry: CachedResponse, etag: string, ifNoneMatch: string | null, ifModifiedSince: string | null): boolean {
	if (ifNoneMatch) {
		return ifNoneMatch.split(',').some((tag) => {
			const t = tag.trim().replace(/^W\//, '');
			return t === '*' || t === etag;
		});
	}
	const lastModified = entry.headers.find(([k]) => k === 'last-modified')?.[1];
	if (!ifModifiedSince || !lastModified) return false;
	const since = Date.parse(ifModifiedSince);
	return Number.isFinite(since) && since >= Date.parse(lastModified);
}

/** Status, headers and body to send for a cache entry, given the request's headers. */
function cachedReply(entry: CachedResponse, path: string, acceptEncoding: string | null, ifNoneMatch: string | null, ifModifiedSince: string | null) {
	const encoding = entry.brotli && entry.gzip ? pickEncoding(acceptEncoding) : null;
	const etag = encodedEtag(entry.etag, encoding);
	const headers: [string, string][] = [...entry.headers, ...securityHeaders(path), ['etag', etag], ['vary', 'Accept-Encoding']];
	if (notModified(entry, etag, ifNoneMatch, ifModifiedSince)) return { status: 304, headers, body: null };
	if (encoding) headers.push(['content-encoding', encoding]);
	const body = (encoding === 'br' ? entry.brotli : encoding === 'gzip' ? entry.gzip : null) ?? entry.body;
	headers.push(['content-length', String(body.length)]);
	return { status: entry.status, headers, body };
}

(globalThis as { __barometreFastPath?: unknown }).__barometreFastPath = (req: IncomingMessage, res: ServerResponse): boolean => {
	if (req.method !== 'GET' || !req.url || req.url.startsWith('/_app/')) return false;
	let entry: CachedResponse | undefined;
	try {
		entry = lookup(req.url);
	} catch {
		return false; // store unreadable: SvelteKit answers with its error page
	}
	if (!entry) return false;
	const path = req.url.split('?')[0];
	const reply = cachedReply(entry, path, req.headers['accept-encoding'] ?? null, req.headers['if-none-match'] ?? null, req.headers['if-modified-since'] ?? null);
	res.writeHead(reply.status, reply.headers.flat());
	res.end(reply.body);
	return true;
};

function withSecurityHeaders(response: Response, path: string): Response {
	for (const [k, v] of securityHeaders(path)) response.headers.set(k, v);
	const csp = response.headers.get('content-security-policy');
	if (csp) response.headers.set('content-security-policy', framePolicy(csp, path));
	return response;
}

function busy(path: string): Response {
	const headers = new Headers({ 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(RETRY_AFTER_SECONDS) });
	return withSecurityHeaders(new Response('Le site est très sollicité : réessayez dans quelques secondes.\n', { status: 503, headers }), path);
}

interface RenderPool {
	render(url: string, headers: [string, string][], remoteAddress?: string): Promise<
		{ entry: CachedResponse; response?: undefined } | { entry?: undefined; response: { status: number; headers: [string, string][]; body: Buffer } }
	>;
}
const renderThread = (globalThis as { __barometreRenderThread?: boolean }).__barometreRenderThread === true;
const renderPool = () => (globalThis as { __barometreRenderPool?: RenderPool }).__barometreRenderPool;

/** Whether an answer goes to the cache: a 200 of a cacheable type that sets no cookie. */
function cacheable(status: number, type: string, setsCookie: boolean): boolean {
	return status === 200 && CACHEABLE.test(type) && !setsCookie;
}

/** The cache entry for a rendered answer (headers cleaned, Cache-Control set, bodies compressed), or null. */
function cacheEntry(status: number, headers: [string, string][], body: Buffer, pathname: string): CachedResponse | null {
	const type = headers.find(([k]) => k === 'content-type')?.[1] ?? '';
	if (!cacheable(status, type, headers.some(([k]) => k === 'set-cookie'))) return null;
	// Keeps SvelteKit's `link` header: it is where SvelteKit lists the page's module preloads (about
	// 4 KB, uncompressed). Written into the <head> instead, they would push the largest pages past
	// their 150 KB HTML budget; dropped, browsers find the modules one import at a time.
	const kept = headers
		.filter(([k]) => !['content-length', 'content-encoding', 'etag', 'cache-control'].includes(k))
		.map(([k, v]): [string, string] => [k, k === 'content-security-policy' ? framePolicy(v, pathname) : v]);
	kept.push(['cache-control', CACHE_CONTROL]);
	return encodeEntry(status, kept, body, { compress: !PRECOMPRESSED.test(type) });
}
/** For scripts/render-thread.js: the same entry, built (and compressed) in the render thread. */
(globalThis as { __barometreCacheEntry?: unknown }).__barometreCacheEntry = cacheEntry;

const NULL_BODY = new Set([101, 204, 205, 304]);

/** Renders in a render thread when the server has them, else here. */
async function renderOnce(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve'], key: string | null): Promise<CachedResponse | Response> {
	const { request, url } = event;
	const pool = renderPool();
	if (pool) {
		const raw = new URL(request.url);
		const result = await pool.render(raw.pathname + raw.search, [...request.headers], event.getClientAddress());
		if (result.entry) return key ? cache.put(key, result.entry) : result.entry;
		const { status, headers, body } = result.response;
		return withSecurityHeaders(new Response(NULL_BODY.has(status) ? null : new Uint8Array(body), { status, headers }), url.pathname);
	}
	const response = await resolve(event);
	if (!key || !cacheable(response.status, response.headers.get('content-type') ?? '', response.headers.has('set-cookie'))) return withSecurityHeaders(response, url.pathname);
	const entry = cacheEntry(response.status, [...response.headers.entries()], Buffer.from(await response.arrayBuffer()), url.pathname)!;
	return cache.put(key, entry);
}

/** Renders under way, by cache key: a burst of requests for one uncached page waits for one render. */
const inflight = new Map<string, Promise<CachedResponse | Response | null>>();

/**
 * One render per key at a time: requests for a page being rendered share its cache entry instead
 * of each taking a place in the gate (a spike on a new page, or a process just started, would
 * otherwise be answered 503 beyond the queue). An answer that is not cacheable cannot be shared:
 * such a follower renders its own.
 */
async function renderShared(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve'], key: string): Promise<CachedResponse | Response | null> {
	const pending = inflight.get(key);
	if (pending) {
		const shared = await pending;
		return shared instanceof Response ? gate.run(() => renderOnce(event, resolve, key)) : shared;
	}
	const mine = gate.run(() => renderOnce(event, resolve, key));
	inflight.set(key, mine);
	try {
		return await mine;
	} finally {
		inflight.delete(key);
	}
}

/** A cold GET: rendered through the gate, kept in the cache when `key` is given. */
async function render(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve'], key: string | null): Promise<Response> {
	const { request, url } = event;
	let rendered: CachedResponse | Response | null;
	try {
		rendered = key ? await renderShared(event, resolve, key) : await gate.run(() => renderOnce(event, resolve, key));
	} catch (error) {
		// A render thread died under this request (it is replaced): the client may try again.
		console.error(error);
		return busy(url.pathname);
	}
	if (rendered === null) return busy(url.pathname);
	if (rendered instanceof Response) return rendered;
	const reply = cachedReply(rendered, url.pathname, request.headers.get('accept-encoding'), request.headers.get('if-none-match'), request.headers.get('if-modified-since'));
	return new Response(reply.body ? new Uint8Array(reply.body) : null, { status: reply.status, headers: reply.headers });
}

export const handle: Handle = async ({ event, resolve }) => {
	// In a render thread the main thread has routed, checked and cached already: render only.
	if (renderThread) return resolve(event);
	const { request, url } = event;
	// The health check answers at once, whatever the load: a load balancer must see the store.
	if (request.method !== 'GET' || url.pathname.startsWith('/_app/') || url.pathname === '/sante') return withSecurityHeaders(await resolve(event), url.pathname);
	// The query as the client wrote it (SvelteKit re-encodes event.url's for client navigation),
	// without SvelteKit's own parameters of client navigation, which stay in the key.
	const raw = new URL(request.url);
	const parts = raw.search.slice(1).split('&').filter(Boolean);
	const own = parts.filter((part) => part.startsWith('x-sveltekit-'));
	const canonical = canonicalQuery(event.route.id, new URLSearchParams(parts.filter((part) => !own.includes(part)).join('&')));
	if (canonical?.changed) {
		// A page under another spelling of its query: one redirect, then one cache entry per state.
		// Client navigation data is answered as is (its page was redirected already), never cached.
		if (event.isDataRequest) return render(event, resolve, null);
		const headers = { location: url.pathname + canonical.search, 'cache-control': CACHE_CONTROL };
		return withSecurityHeaders(new Response(null, { status: 308, headers }), url.pathname);
	}
	// One entry per state: `%20` and `+` share it; __data.json (with SvelteKit's own parameters) is
	// its own entry, never the page's. The common spelling is the raw URL, which the fast path finds.
	const search = canonical
		? canonical.search + (own.length ? (canonical.search ? '&' : '?') + own.join('&') : '')
		: (apiCacheSearch(event.route.id, new URLSearchParams(parts.join('&'))) ?? raw.search);
	const key = raw.pathname + search;
	const entry = lookup(key);
	if (!entry) return render(event, resolve, key);
	const reply = cachedReply(entry, url.pathname, request.headers.get('accept-encoding'), request.headers.get('if-none-match'), request.headers.get('if-modified-since'));
	return new Response(reply.body ? new Uint8Array(reply.body) : null, { status: reply.status, headers: reply.headers });
};
