/**
 * Every response: security headers. GET pages, client-navigation data (__data.json) and
 * downloads: one canonical URL per state (others redirected), served from the per-release cache
 * (rendered and compressed once per data release) with Cache-Control for shared caches, one ETag
 * per encoding and 304 on revalidation. Cold renders pass a bounded gate (503 beyond it).
 * The production server (scripts/serve.js) also answers cache hits before SvelteKit's router,
 * through `globalThis.__barometreFastPath`: a cached page costs a Map lookup and one write.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { canonicalQuery } from '$lib/server/canonical-url';
import { storeVersion } from '$lib/server/db';
import { cacheControl, framePolicy, RenderGate, RETRY_AFTER_SECONDS, securityHeaders } from '$lib/server/http-policy';
import { encodedEtag, pickEncoding, ResponseCache, type CachedResponse } from '$lib/server/response-cache';

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

/** A cold GET: rendered through the gate, kept in the cache when `key` is given. */
async function render(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve'], key: string | null): Promise<Response> {
	const { request, url } = event;
	const rendered = await gate.run(async () => {
		const response = await resolve(event);
		const type = response.headers.get('content-type') ?? '';
		if (!key || response.status !== 200 || !CACHEABLE.test(type) || response.headers.has('set-cookie')) return withSecurityHeaders(response, url.pathname);
		const body = Buffer.from(await response.arrayBuffer());
		const headers = [...response.headers.entries()]
			.filter(([k]) => !['content-length', 'content-encoding', 'etag', 'cache-control'].includes(k))
			.map(([k, v]): [string, string] => [k, k === 'content-security-policy' ? framePolicy(v, url.pathname) : v]);
		headers.push(['cache-control', CACHE_CONTROL]);
		return cache.set(key, response.status, headers, body, { compress: !PRECOMPRESSED.test(type) });
	});
	if (rendered === null) return busy(url.pathname);
	if (rendered instanceof Response) return rendered;
	const reply = cachedReply(rendered, url.pathname, request.headers.get('accept-encoding'), request.headers.get('if-none-match'), request.headers.get('if-modified-since'));
	return new Response(reply.body ? new Uint8Array(reply.body) : null, { status: reply.status, headers: reply.headers });
}

export const handle: Handle = async ({ event, resolve }) => {
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
	const search = canonical ? canonical.search + (own.length ? (canonical.search ? '&' : '?') + own.join('&') : '') : raw.search;
	const key = raw.pathname + search;
	const entry = lookup(key);
	if (!entry) return render(event, resolve, key);
	const reply = cachedReply(entry, url.pathname, request.headers.get('accept-encoding'), request.headers.get('if-none-match'), request.headers.get('if-modified-since'));
	return new Response(reply.body ? new Uint8Array(reply.body) : null, { status: reply.status, headers: reply.headers });
};
