import { error } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { policyPage } from '$lib/server/queries/policies';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	if (!/^[A-Za-z0-9_-]{1,80}$/.test(params.id))
		error(400, { message: `Identifiant de politique mal formé : « ${params.id.slice(0, 40)} ».`, hint: 'Un identifiant s’écrit en lettres, chiffres et tirets (par exemple CH-080).' });
	const page = policyPage(getClient(), params.id);
	if (!page)
		error(404, { message: `Aucune politique n’a l’identifiant « ${params.id} ».`, hint: 'La liste des politiques est sur la page Politiques.' });
	const { policy, indicators, map } = page;
	// Only what the page draws (no descriptions of territories, no series, no theme or baseline per
	// indicator): the largest policy (63 indicators) stays within its 150 KB of HTML.
	return {
		policy,
		indicators: indicators.map((i) => ({
			code: i.code,
			name: i.name,
			description: i.description,
			unit: i.unit,
			levels: i.levels,
			latest: i.latest,
			target: i.target,
			rate: i.rate,
			status: i.status,
			verdict: i.verdict,
			territorial: i.territorial
		})),
		map
	};
};
