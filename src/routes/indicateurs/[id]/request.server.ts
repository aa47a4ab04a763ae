/**
 * What the indicator page and its CSV download both start with: the indicator (404 when
 * unknown), its state context, and the URL state (400 with a French message when a parameter
 * is malformed or unknown). One place, so the download always matches the page.
 */
import { error } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { findIndicator, findTerritory } from '$lib/server/queries/facts';
import { indicatorContext } from '$lib/server/queries/indicator';
import { parseUrlState, STATE_KEYS, UrlStateError, type StateKey } from '$lib/url-state';

/**
 * The keys the server reads. Not `onglet`: switching tabs changes nothing the server computes,
 * and SvelteKit re-runs a server load only when a search parameter it read changes.
 */
export const SERVER_KEYS: readonly StateKey[] = STATE_KEYS.filter((key) => key !== 'onglet');

export function resolveRequest(id: string, url: URL) {
	const client = getClient();
	const indicator = findIndicator(client, id);
	if (!indicator)
		error(404, {
			message: `Indicateur introuvable : « ${id} ».`,
			hint: 'Vérifiez l’identifiant dans l’adresse (par exemple IND-200 ou nb-morts-routes).'
		});
	const context = indicatorContext(client, indicator);
	let state;
	try {
		state = parseUrlState(url.searchParams, context, SERVER_KEYS);
	} catch (cause) {
		if (cause instanceof UrlStateError) error(400, { message: cause.message, hint: cause.hint });
		throw cause;
	}
	const territory = findTerritory(client, state.territoire);
	if (!territory)
		error(400, {
			message: `Territoire introuvable : « ${state.territoire} ».`,
			hint: 'Codes attendus : FR, R suivi du code INSEE de la région (R84), D suivi de celui du département (D2A).'
		});
	return { client, indicator, context, state, territory };
}
