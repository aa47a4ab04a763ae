/**
 * GET /comparer/donnees.csv?t=…&famille=…&theme=…[&indicateur=IND-200]: what the comparison shows,
 * in the columns of `COMPARISON_CSV_COLUMNS` (the canonical value columns, then per 100 000
 * inhabitants and the population used, gap to France, rank, dated status, source and licence),
 * each chosen territory and France, indicator by indicator in the page's order. With `indicateur`,
 * that indicator's rows only (the « CSV » link beside it); 404 when the comparison does not show it.
 */
import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/csv/write';
import { getClient } from '$lib/server/db';
import { COMPARISON_CSV_COLUMNS, comparisonCsvRows, comparisonFileName, onlyIndicator } from '$lib/server/queries/compare';
import type { RequestHandler } from './$types';
import { comparedIndicator, IndicatorNotCompared, parseIndicatorParam } from '../../integrer/comparer/embed.server';
import { badRequest, readComparison } from '../request.server';

export const GET: RequestHandler = ({ url }) => {
	const { params, result } = readComparison(url);
	let shown = result;
	let filename = comparisonFileName(params);
	if (url.searchParams.has('indicateur')) {
		try {
			const indicator = comparedIndicator(getClient(), params, result, parseIndicatorParam(url.searchParams));
			shown = onlyIndicator(result, indicator.code)!;
			filename = comparisonFileName(params, indicator);
		} catch (cause) {
			if (cause instanceof IndicatorNotCompared) error(404, { message: cause.message, hint: cause.hint });
			badRequest(cause);
		}
	}
	return new Response(toCsv(COMPARISON_CSV_COLUMNS, comparisonCsvRows(shown)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`
		}
	});
};
