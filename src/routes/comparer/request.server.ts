/**
 * What the comparison page and its CSV share: the parameters checked (400 with a French message
 * and a hint otherwise) and the comparison read with the same query function.
 */
import { error } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { comparison, CompareParamError, parseCompareParams, type CompareParams, type Comparison } from '$lib/server/queries/compare';

export function badRequest(cause: unknown): never {
	if (cause instanceof CompareParamError) error(400, { message: cause.message, hint: cause.hint });
	throw cause;
}

export function readComparison(url: URL): { params: CompareParams; result: Comparison } {
	try {
		const params = parseCompareParams(url.searchParams);
		return { params, result: comparison(getClient(), params) };
	} catch (cause) {
		badRequest(cause);
	}
}
