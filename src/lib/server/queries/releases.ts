/** Releases loaded into the store: the site's « données mises à jour le … ». */
import type Database from 'better-sqlite3';

export interface ReleaseInfo {
	id: number;
	/** When the store was written: a technical date, never shown as the date of the data. */
	importedAt: string;
	sourceUpdatedAt: string | null;
	/** The date of the data: the newest date of update of the store's sources and indicators (« Données mises à jour le … »). */
	dataUpdatedAt: string | null;
	inserted: number;
	revised: number;
}

export function lastRelease(client: Database.Database): ReleaseInfo | null {
	const row = client
		.prepare(
			// Dates are ISO at the source's precision: '2025-11-13' > '2025-11' > '2025' > '2024-12-31' as text, as in time.
			`SELECT id, imported_at AS importedAt, source_updated_at AS sourceUpdatedAt, inserted, revised,
			   (SELECT MAX(d) FROM (SELECT source_updated_at AS d FROM indicators UNION ALL SELECT updated_at FROM sources)
			    WHERE d IS NOT NULL AND d != '') AS dataUpdatedAt
			 FROM releases ORDER BY id DESC LIMIT 1`
		)
		.get() as ReleaseInfo | undefined;
	return row ?? null;
}
