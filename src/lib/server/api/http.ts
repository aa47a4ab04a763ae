/**
 * HTTP side of the public API: JSON errors, caching headers (ETag, Last-Modified, 304),
 * read-only CORS, licence links. Handlers build a `Representation`; `represent` turns it into
 * the response for the request at hand.
 *
 * The ETag is the one `hooks.server.ts` computes for its per-release cache for the identity body
 * (SHA-1 of the body, base64url, quoted; the cache adds `-br`, `-gzip` for compressed bodies).
 */
import { createHash } from 'node:crypto';
import { cacheControl } from '../http-policy';

/** A refusal the client can fix: 400 names the parameter; 404, 405, 414 have none. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly parametre: string | null = null
	) {
		super(message);
	}
}

export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';
/** The site's caching policy (browsers, nginx, CDN): the API is cached like the pages. */
export const CACHE_CONTROL = cacheControl();

const CORS: Record<string, string> = {
	'access-control-allow-origin': '*',
	'access-control-expose-headers': 'ETag, Last-Modified, Link, Content-Disposition'
};

export interface Representation {
	body: string | Uint8Array;
	/** Full content type, e.g. `text/csv; charset=utf-8`. */
	contentType: string;
	/** Download name (`IND-200-valeurs.csv`): sent as `Content-Disposition: attachment`. */
	filename?: string;
	/** `Link: <…>; rel="license"`. */
	licenceUrl: string;
	/** Precomputed ETag (memoised bodies); computed from the body otherwise. */
	etag?: string;
}

export function etagOf(body: string | Uint8Array): string {
	return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** `imported_at` of the last release (ISO) → HTTP date; null for an empty store. */
export function httpDate(iso: string | null | undefined): string | null {
	if (!iso) return null;
	const time = Date.parse(iso);
	return Number.isNaN(time) ? null : new Date(time).toUTCString();
}

/**
 * RFC 9110 §13.1: If-None-Match (weak comparison) wins over If-Modified-Since; the latter is
 * compared to the second, since Last-Modified has no milliseconds.
 */
export function isNotModified(request: Request, etag: string, lastModified: string | null): boolean {
	const ifNoneMatch = request.headers.get('if-none-match');
	if (ifNoneMatch !== null) {
		if (ifNoneMatch.trim() === '*') return true;
		const bare = (tag: string) => tag.trim().replace(/^W\//, '');
		return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
	}
	const ifModifiedSince = request.headers.get('if-modified-since');
	if (ifModifiedSince !== null && lastModified !== null) {
		const since = Date.parse(ifModifiedSince);
		return !Number.isNaN(since) && Date.parse(lastModified) <= since;
	}
	return false;
}

function sanitiseFilename(name: string): string {
	return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** 200 with the representation, or 304 when the client's copy is current. */
export function represent(request: Request, rep: Representation, lastModified: string | null): Response {
	const etag = rep.etag ?? etagOf(rep.body);
	const headers = new Headers({
		...CORS,
		'cache-control': CACHE_CONTROL,
		etag,
		link: `<${rep.licenceUrl}>; rel="license"`
	});
	if (lastModified) headers.set('last-modified', lastModified);
	if (isNotModified(request, etag, lastModified)) return new Response(null, { status: 304, headers });
	headers.set('content-type', rep.contentType);
	if (rep.filename) headers.set('content-disposition', `attachment; filename="${sanitiseFilename(rep.filename)}"`);
	const body = typeof rep.body === 'string' ? rep.body : new Uint8Array(rep.body);
	return new Response(body, { status: 200, headers });
}

export function errorResponse(error: ApiError): Response {
	const body: { erreur: string; parametre?: string } = { erreur: error.message };
	if (error.parametre) body.parametre = error.parametre;
	const headers = new Headers({ ...CORS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
	if (error.status === 405) headers.set('allow', ALLOWED_METHODS);
	return new Response(JSON.stringify(body), { status: error.status, headers });
}

/** Runs a handler body; an `ApiError` becomes its JSON response. */
export function answer(run: () => Response): Response {
	try {
		return run();
	} catch (error) {
		if (error instanceof ApiError) return errorResponse(error);
		throw error;
	}
}

/** CORS preflight: the API is read-only; the conditional headers may be sent. */
export function OPTIONS(): Response {
	return new Response(null, {
		status: 204,
		headers: {
			...CORS,
			'access-control-allow-methods': ALLOWED_METHODS,
			'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
			'access-control-max-age': '86400',
			allow: ALLOWED_METHODS
		}
	});
}

/** Every other method (POST, PUT, DELETE…): 405, read-only API. */
export function fallback({ request }: { request: Request }): Response {
	return errorResponse(new ApiError(405, `Méthode ${request.method} non autorisée : l’API est en lecture seule (${ALLOWED_METHODS}).`));
}
