import { error } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { nationalOverview } from '$lib/server/queries/overview';
import { allPolicies } from '$lib/server/queries/policies';
import { overviewFamilies } from '$lib/policy-overview';
import type { PageServerLoad } from './$types';

/** `/politiques` (one compact item per policy) or `/politiques?vue=tableau` (the full table). */
export const load: PageServerLoad = ({ url }) => {
	const view = url.searchParams.get('vue') ?? 'liste';
	if (view !== 'liste' && view !== 'tableau')
		error(400, { message: `Vue inconnue : « ${view.slice(0, 30)} ».`, hint: 'Le paramètre « vue » vaut « liste » ou « tableau ».' });
	const client = getClient();
	return view === 'tableau'
		? { view, families: [], table: nationalOverview(client) }
		: { view, families: overviewFamilies(allPolicies(client)), table: [] };
};
