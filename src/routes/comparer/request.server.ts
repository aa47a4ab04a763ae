/**
 * What the comparison page, its CSV and its embed share: the parameters checked (400 with a
 * French message and a hint otherwise), the comparison read with the same query function, and the
 * redirect of a non-canonical address (`t=D2A,R84` → `t=R84,D2A`). The server's hook redirects
 * pages and downloads before they are rendered; client navigation data (`__data.json`) reaches the
 * load, whose redirect SvelteKit hands to the browser, which then asks for the canonical address.
 */
import { error, redirect } from '@sveltejs/kit';
import { canonicalQuery } from '$lib/server/canonical-url';
import { getClient } from '$lib/server/db';
import { comparison, CompareParamError, parseCompareParams, type CompareParams, type Comparison } from '$lib/server/queries/compare';

export function badRequest(cause: unknown): never {
	if (cause instanceof CompareParamError) error(400, { message: cause.message, hint: cause.hint });
	throw cause;
}

/** 308 to the canonical address of this route's query, when it is not that already. */
export function redirectToCanonical(routeId: string | null, url: URL): void {
	const canonical = canonicalQuery(routeId, url.searchParams);
	if (canonical?.changed) redirect(308, url.pathname + canonical.search);
}

export function readComparison(url: URL): { params: CompareParams; result: Comparison } {
	try {
		const params = parseCompareParams(url.searchParams);
		return { params, result: comparison(getClient(), params) };
	} catch (cause) {
		badRequest(cause);
	}
}
