/**
 * GET /comparer/donnees.csv?t=…&famille=…&theme=…: the latest values the comparison shows (each
 * chosen territory and France, indicator by indicator, in the page's order), in the canonical
 * value columns, so that the file can be imported back as is.
 */
import { toCsv } from '$lib/csv/write';
import { VALUE_EXPORT_COLUMNS } from '$lib/server/export';
import { comparisonCsvRows } from '$lib/server/queries/compare';
import type { RequestHandler } from './$types';
import { readComparison } from '../request.server';

export const GET: RequestHandler = ({ url }) => {
	const { params, result } = readComparison(url);
	return new Response(toCsv(VALUE_EXPORT_COLUMNS, comparisonCsvRows(result)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="comparaison-${params.codes.join('-')}.csv"`
		}
	});
};
