import { error } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { latestDepartementValues, mappableIndicators, nationalOverview } from '$lib/server/queries/overview';
import { findIndicator } from '$lib/server/queries/facts';
import type { PageServerLoad } from './$types';

/** The map's default: pass Culture coverage of 18-year-olds, a priority policy with départemental values. */
const DEFAULT_MAP_INDICATOR = 'IND-200';

export const load: PageServerLoad = ({ url }) => {
	const client = getClient();
	const choices = mappableIndicators(client);
	const requested = url.searchParams.get('carte');
	if (requested !== null && !/^[A-Za-z0-9_-]{1,80}$/.test(requested)) {
		error(400, { message: `Le paramètre « carte » doit être un identifiant d'indicateur (reçu : « ${requested.slice(0, 40)} »).` });
	}
	const code = requested ?? DEFAULT_MAP_INDICATOR;
	if (!choices.some((c) => c.code === code)) {
		error(404, { message: `L'indicateur « ${code} » n'existe pas ou n'a pas de valeurs par département.` });
	}
	const indicator = findIndicator(client, code)!;
	return {
		families: nationalOverview(client),
		map: {
			choices,
			indicator: { code, name: indicator.name, unit: indicator.unit, direction: indicator.direction, producer: indicator.producer, licence: indicator.licence, sourceUpdatedAt: indicator.sourceUpdatedAt },
			...latestDepartementValues(client, code)
		}
	};
};
