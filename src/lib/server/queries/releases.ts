/** Releases loaded into the store: the site's « données mises à jour le … ». */
import type Database from 'better-sqlite3';

export interface ReleaseInfo {
	id: number;
	importedAt: string;
	sourceUpdatedAt: string | null;
	inserted: number;
	revised: number;
}

export function lastRelease(client: Database.Database): ReleaseInfo | null {
	const row = client
		.prepare(
			'SELECT id, imported_at AS importedAt, source_updated_at AS sourceUpdatedAt, inserted, revised FROM releases ORDER BY id DESC LIMIT 1'
		)
		.get() as ReleaseInfo | undefined;
	return row ?? null;
}
