/**
 * Every response: security headers. GET pages and downloads: served from the per-release cache
 * (rendered and compressed once per data release), with ETag and 304 on revalidation.
 * The production server (scripts/serve.js) also answers cache hits before SvelteKit's router,
 * through `globalThis.__barometreFastPath`: a cached page costs a Map lookup and one write.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handle } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { pickEncoding, ResponseCache, type CachedResponse } from '$lib/server/response-cache';

const cache = new ResponseCache();
const CACHEABLE = /^(text\/html|text\/csv|application\/json|application\/zip|application\/vnd\.openxmlformats)/;
/** Zip-based formats are compressed already. */
const PRECOMPRESSED = /^application\/(zip|vnd\.openxmlformats)/;

function securityHeaders(path: string): [string, string][] {
	const headers: [string, string][] = [
		['x-content-type-options', 'nosniff'],
		['referrer-policy', 'strict-origin-when-cross-origin']
	];
	// Only the embeddable views may be framed by other sites (CSP frame-ancestors is set per response below).
	if (!path.startsWith('/integrer/')) headers.push(['x-frame-options', 'DENY']);
	return headers;
}

/** The site's CSP forbids framing; the embeddable views (/integrer/) may be framed by anyone. */
function framePolicy(csp: string, path: string): string {
	return path.startsWith('/integrer/') ? csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *') : csp;
}

function lookup(key: string): CachedResponse | undefined {
	// A new import (data_version) or a new day (« donnée de … » age labels) starts a fresh cache.
	cache.sync(`${getClient().pragma('data_version', { simple: true })}|${new Date().toISOString().slice(0, 10)}`);
	return cache.get(key);
}

/** RFC 9110: If-None-Match (weak comparison, lists, `*`) wins; else If-Modified-Since against Last-Modified. */
function notModified(entry: CachedResponse, ifNoneMatch: string | null, ifModifiedSince: string | null): boolean {
	if (ifNoneMatch) {
		return ifNoneMatch.split(',').some((tag) => {
			const t = tag.trim().replace(/^W\//, '');
			return t === '*' || t === entry.etag;
		});
	}
	const lastModified = entry.headers.find(([k]) => k === 'last-modified')?.[1];
	if (!ifModifiedSince || !lastModified) return false;
	const since = Date.parse(ifModifiedSince);
	return Number.isFinite(since) && since >= Date.parse(lastModified);
}

/** Status, headers and body to send for a cache entry, given the request's headers. */
function cachedReply(entry: CachedResponse, path: string, acceptEncoding: string | null, ifNoneMatch: string | null, ifModifiedSince: string | null) {
	const headers: [string, string][] = [...entry.headers, ...securityHeaders(path), ['etag', entry.etag], ['vary', 'Accept-Encoding']];
	if (notModified(entry, ifNoneMatch, ifModifiedSince)) return { status: 304, headers, body: null };
	const encoding = entry.brotli && entry.gzip ? pickEncoding(acceptEncoding) : null;
	if (encoding) headers.push(['content-encoding', encoding]);
	const body = (encoding === 'br' ? entry.brotli : encoding === 'gzip' ? entry.gzip : null) ?? entry.body;
	headers.push(['content-length', String(body.length)]);
	return { status: entry.status, headers, body };
}

(globalThis as { __barometreFastPath?: unknown }).__barometreFastPath = (req: IncomingMessage, res: ServerResponse): boolean => {
	if (req.method !== 'GET' || !req.url || req.url.startsWith('/_app/') || req.url.includes('/__data.json')) return false;
	const entry = lookup(req.url);
	if (!entry) return false;
	const path = req.url.split('?')[0];
	const reply = cachedReply(entry, path, req.headers['accept-encoding'] ?? null, req.headers['if-none-match'] ?? null, req.headers['if-modified-since'] ?? null);
	res.writeHead(reply.status, reply.headers.flat());
	res.end(reply.body);
	return true;
};

export const handle: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	// Client-side navigation data (__data.json) varies with SvelteKit's own parameters and shares the
	// page's URL in `event.url`: never cached, so a page's key always holds its HTML.
	if (request.method !== 'GET' || url.pathname.startsWith('/_app/') || event.isDataRequest) {
		const response = await resolve(event);
		for (const [k, v] of securityHeaders(url.pathname)) response.headers.set(k, v);
		const csp = response.headers.get('content-security-policy');
		if (csp) response.headers.set('content-security-policy', framePolicy(csp, url.pathname));
		return response;
	}
	const key = url.pathname + url.search;
	let entry = lookup(key);
	if (!entry) {
		const response = await resolve(event);
		const type = response.headers.get('content-type') ?? '';
		if (response.status !== 200 || !CACHEABLE.test(type) || response.headers.has('set-cookie')) {
			for (const [k, v] of securityHeaders(url.pathname)) response.headers.set(k, v);
			const csp = response.headers.get('content-security-policy');
			if (csp) response.headers.set('content-security-policy', framePolicy(csp, url.pathname));
			return response;
		}
		const body = Buffer.from(await response.arrayBuffer());
		const headers = [...response.headers.entries()]
			.filter(([k]) => !['content-length', 'content-encoding', 'etag'].includes(k))
			.map(([k, v]): [string, string] => [k, k === 'content-security-policy' ? framePolicy(v, url.pathname) : v]);
		entry = cache.set(key, response.status, headers, body, { compress: !PRECOMPRESSED.test(type) });
	}
	const reply = cachedReply(
		entry,
		url.pathname,
		request.headers.get('accept-encoding'),
		request.headers.get('if-none-match'),
		request.headers.get('if-modified-since')
	);
	return new Response(reply.body ? new Uint8Array(reply.body) : null, { status: reply.status, headers: reply.headers });
};
