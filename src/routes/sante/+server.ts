/**
 * GET /sante, for load balancers: 200 when the store answers (release number, uptime), 503 when
 * it cannot be read. Never cached, never queued behind cold renders (see hooks.server.ts).
 */
import { json } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import { lastRelease } from '$lib/server/queries/releases';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	const headers = { 'cache-control': 'no-store' };
	const uptime = Math.round(process.uptime());
	try {
		const release = lastRelease(getClient());
		const pool = (globalThis as { __barometreRenderPool?: { size: number; rendered: number } }).__barometreRenderPool;
		return json(
			{
				statut: 'ok',
				livraison: release?.id ?? null,
				importee_le: release?.importedAt ?? null,
				processus: process.pid,
				en_service_depuis_s: uptime,
				// Cold renders happen in these threads, never on the thread that answers cached pages.
				fils_de_rendu: pool?.size ?? 0,
				rendus_par_les_fils: pool?.rendered ?? 0
			},
			{ headers }
		);
	} catch (error) {
		return json({ statut: 'indisponible', erreur: error instanceof Error ? error.message : String(error), en_service_depuis_s: uptime }, { status: 503, headers });
	}
};
