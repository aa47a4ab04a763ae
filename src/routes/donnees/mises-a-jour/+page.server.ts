import { getClient } from '$lib/server/db';
import { allReleases } from '$lib/server/api/queries';
import { largestRevisions } from '$lib/server/queries/vintages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const client = getClient();
	return {
		releases: allReleases(client).map((r) => ({
			id: r.id,
			importedAt: r.importedAt,
			sourceUpdatedAt: r.sourceUpdatedAt,
			undoes: r.undoes,
			counts: { inserted: r.inserted, revised: r.revised, withdrawn: r.withdrawn, unchanged: r.unchanged, skipped: r.skipped },
			files: r.files.map((f) => ({ name: f.nom, rows: f.lignes })),
			largest: r.revised ? largestRevisions(client, r.id, 5) : []
		}))
	};
};
