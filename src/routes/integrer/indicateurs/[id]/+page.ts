import { error } from '@sveltejs/kit';
import type { FranceTopology } from '$lib/components/map/projection';
import { parseUrlState, UrlStateError } from '$lib/url-state';
import type { PageLoad } from './$types';

/** The embed shows a map or a chart (`onglet=carte|graphique`), never the table. */
export const load: PageLoad = async ({ data, url }) => {
	let onglet;
	try {
		onglet = parseUrlState(url.searchParams, data.context, ['onglet']).onglet;
	} catch (cause) {
		if (cause instanceof UrlStateError) error(400, { message: cause.message, hint: cause.hint });
		throw cause;
	}
	if (onglet === 'tableau')
		error(400, { message: 'La vue intégrable montre une carte ou un graphique.', hint: 'Valeurs acceptées pour « onglet » : carte, graphique.' });
	if (onglet === 'carte' && !data.state.maille)
		error(400, { message: 'Cet indicateur n’est publié qu’au niveau national : pas de carte.', hint: 'Utilisez onglet=graphique.' });
	return {
		...data,
		state: { ...data.state, onglet },
		// Same geometry module as the indicator page (one cached chunk, never inlined).
		topology: onglet === 'carte' ? ((await import('../../../../../static/geo/france.topo.json')).default as unknown as FranceTopology) : null
	};
};
