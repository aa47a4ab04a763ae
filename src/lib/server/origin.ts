/**
 * The site's public address, for the few absolute URLs a body carries (the xlsx « Adresse de ce
 * fichier »). It comes from the configuration (`ORIGIN`, as adapter-node reads it), never from the
 * request's Host header: responses are cached and shared, so one forged Host would otherwise name
 * another site in every user's download.
 */
export const DEFAULT_ORIGIN = 'http://localhost:3000';

export function siteOrigin(value: string | undefined = process.env.ORIGIN): string {
	if (!value) return DEFAULT_ORIGIN;
	const url = new URL(value);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`ORIGIN doit être une adresse http(s) : ${value}`);
	return url.origin;
}

/** The request's path and query under the configured origin. */
export function publicUrl(requestUrl: string | URL): URL {
	const url = new URL(requestUrl);
	return new URL(url.pathname + url.search, siteOrigin());
}
