import { error } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { latestDepartementValues, mappableIndicators } from '$lib/server/queries/overview';
import { allPolicies } from '$lib/server/queries/policies';
import { findIndicator } from '$lib/server/queries/facts';
import { isCountUnit } from '$lib/server/queries/indicator';
import { PAR_HABITANTS } from '$lib/url-state';
import { overviewFamilies } from '$lib/policy-overview';
import { render } from 'svelte/server';
import Carte from '$lib/components/map/Carte.svg.svelte';
import type { FranceTopology } from '$lib/components/map/projection';
import { drawnOnce } from '$lib/server-drawn';
import { homeMapTitle, homeMapView } from './home-map';
import topologyJson from '../../static/geo/france.topo.json';
import type { PageServerLoad } from './$types';

/** The map's default: pass Culture coverage of 18-year-olds, a priority policy with départemental values. */
const DEFAULT_MAP_INDICATOR = 'IND-200';
/** Families whose policies are listed one by one on the home page; the DITP's programmes get their line and a link. */
const LISTED_FAMILIES = ['politiques-prioritaires', 'barometre-2017-2022'];

export const load: PageServerLoad = ({ url, isDataRequest }) => {
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
	const families = overviewFamilies(allPolicies(client));
	// Counts grow with the département: mapped per 100 000 inhabitants, as on the indicator page.
	const par = isCountUnit(indicator.unit) ? PAR_HABITANTS : null;
	const { values, date } = latestDepartementValues(client, code, par);
	// The map is drawn here, once: its links work without JavaScript, so the browser never needs the
	// boundaries or the projection (about 30 KB of compressed JavaScript). A new indicator chosen in
	// the select arrives drawn, in the navigation's data.
	const view = homeMapView(values, indicator.unit, indicator.direction, date, par);
	const svg = render(Carte, {
		props: {
			topology: topologyJson as unknown as FranceTopology,
			level: 'departements',
			values: view.byCode,
			colour: view.colour,
			title: homeMapTitle(indicator.name, par),
			href: (c: string) => `/territoires/departements/${c}`,
			width: 560
		}
	}).body;
	return {
		// Only what the page draws: listed families keep their policies, the others their line.
		families: families.map((f) => (LISTED_FAMILIES.includes(f.id) ? f : { ...f, themes: [] })),
		map: {
			choices,
			indicator: { code, name: indicator.name, unit: indicator.unit, direction: indicator.direction, producer: indicator.producer, licence: indicator.licence, sourceUpdatedAt: indicator.sourceUpdatedAt },
			par,
			values,
			date,
			svg: drawnOnce(svg, isDataRequest)
		}
	};
};
