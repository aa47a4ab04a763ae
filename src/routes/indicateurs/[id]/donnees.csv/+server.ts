/**
 * `donnees.csv`: the rows the page's table shows (same parameters, same order), in the canonical
 * value columns, so a download can be imported back as is. Territories without a value at the
 * date are left out (a canonical row needs a value). With `par=100000` (the view per 100 000
 * inhabitants) each row also holds the population used, its year and the value per 100 000
 * inhabitants, what the map and table show; the import ignores those extra columns.
 */
import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/csv/write';
import { POPULATION_YEAR } from '$lib/per-capita';
import { VALUE_EXPORT_COLUMNS } from '$lib/server/export';
import { territoryTable } from '$lib/server/queries/indicator';
import type { RequestHandler } from './$types';
import { resolveRequest } from '../request.server';

export const GET: RequestHandler = ({ params, url }) => {
	const { client, indicator, state } = resolveRequest(params.id, url);
	const { maille, date, par, tri, ordre } = state;
	if (!maille || !date) error(404, { message: 'Cet indicateur n’est publié qu’au niveau national : pas de valeurs par territoire à télécharger.' });
	const rows = territoryTable(client, indicator, { maille, date, par, tri, ordre }).filter((row) => row.value !== null);
	const raw = (row: (typeof rows)[number]) => [indicator.code, indicator.name, maille, row.inseeCode, row.name, row.date, row.value, indicator.unit];
	const csv = par
		? toCsv(
				[...VALUE_EXPORT_COLUMNS, 'population', 'annee_population', `valeur_pour_${par}_habitants`],
				rows.map((row) => [...raw(row), row.population, row.population === null ? null : POPULATION_YEAR, row.perCapita])
			)
		: toCsv(VALUE_EXPORT_COLUMNS, rows.map(raw));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${indicator.code}-${maille}-${date}${par ? `-pour-${par}-habitants` : ''}.csv"`
		}
	});
};
