/**
 * Every response: security headers. GET pages and downloads: served from the per-release cache
 * (rendered and compressed once per data release), with ETag and 304 on revalidation.
 */
import type { Handle } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { pickEncoding, ResponseCache } from '$lib/server/response-cache';

const cache = new ResponseCache();
const CACHEABLE = /^(text\/html|text\/csv|application\/json)/;

function securityHeaders(headers: Headers, path: string): void {
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	// Only the embeddable views may be framed by other sites.
	if (!path.startsWith('/integrer/')) {
		headers.set('X-Frame-Options', 'DENY');
	}
}

export const handle: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	const cacheable = request.method === 'GET' && !url.pathname.startsWith('/_app/');
	if (!cacheable) {
		const response = await resolve(event);
		securityHeaders(response.headers, url.pathname);
		return response;
	}
	cache.sync(getClient().pragma('data_version', { simple: true }) as number);
	const key = url.pathname + url.search;
	let entry = cache.get(key);
	if (!entry) {
		const response = await resolve(event);
		const type = response.headers.get('content-type') ?? '';
		if (response.status !== 200 || !CACHEABLE.test(type) || response.headers.has('set-cookie')) {
			securityHeaders(response.headers, url.pathname);
			return response;
		}
		const body = Buffer.from(await response.arrayBuffer());
		const headers = [...response.headers.entries()].filter(([k]) => !['content-length', 'content-encoding', 'etag'].includes(k));
		entry = cache.set(key, response.status, headers, body);
	}
	const headers = new Headers(entry.headers);
	securityHeaders(headers, url.pathname);
	headers.set('ETag', entry.etag);
	headers.set('Vary', 'Accept-Encoding');
	if (request.headers.get('if-none-match') === entry.etag) return new Response(null, { status: 304, headers });
	const encoding = pickEncoding(request.headers.get('accept-encoding'));
	if (encoding) headers.set('Content-Encoding', encoding);
	const body = encoding === 'br' ? entry.brotli : encoding === 'gzip' ? entry.gzip : entry.body;
	headers.set('Content-Length', String(body.length));
	return new Response(new Uint8Array(body), { status: entry.status, headers });
};
