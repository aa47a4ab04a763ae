import { getClient } from '$lib/server/db';
import { territoriesAt } from '$lib/server/queries/facts';
import { compareFr } from '$lib/format';
import type { PageServerLoad } from './$types';

/** `/territoires`: France, its régions and, under each, its départements. */
export const load: PageServerLoad = () => {
	const client = getClient();
	const departements = territoriesAt(client, 'departement');
	const regions = territoriesAt(client, 'region')
		.sort((a, b) => compareFr(a.name, b.name))
		.map((r) => ({
			inseeCode: r.inseeCode,
			name: r.name,
			departements: departements.filter((d) => d.parentCode === r.code).map((d) => ({ inseeCode: d.inseeCode, name: d.name }))
		}));
	return { regions, departementCount: departements.length };
};
