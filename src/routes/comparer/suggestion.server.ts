/** The one-click comparisons of territory pages: `/comparer/voisins/R84`, `/comparer/regions/D2A` redirect to `/comparer?t=…`. */
import { error, redirect } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { allTerritories } from '$lib/server/queries/facts';
import { suggestedComparison, type Suggestion } from '$lib/server/queries/compare';
import { compareHref } from './url';

export function redirectToSuggestion(code: string, kind: Suggestion): never {
	const codes = suggestedComparison(allTerritories(getClient()), code.toUpperCase(), kind);
	if (!codes)
		error(404, {
			message: `Aucune région ni aucun département n’a le code « ${code.slice(0, 12)} ».`,
			hint: 'Utilisez le code public du territoire : R84 pour une région, D2A pour un département.'
		});
	redirect(303, compareHref({ codes }));
}
