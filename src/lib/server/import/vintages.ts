/**
 * Vintages of values (the ALFRED model): before a release revises or withdraws a current value,
 * the value as it stood is copied to `observation_history` with the release that replaced it.
 * The current vintage stays in `observations`, so reading current values costs what it did.
 */
import type Database from 'better-sqlite3';

const OBS_FIELDS = 'indicator_id, territory_id, date, value, qualifier, source_id, note, release_id';
const KEY = 'indicator_id = ? AND territory_id = ? AND date = ?';

export interface VintageWriter {
	/** Keeps the current vintage of a point in history, as replaced by `releaseId`. */
	archive(releaseId: number, indicatorId: number, territoryId: number, date: string): void;
	/** Archives the current vintage, then removes it from the current values. */
	withdraw(releaseId: number, indicatorId: number, territoryId: number, date: string): void;
}

export function vintageWriter(client: Database.Database): VintageWriter {
	const archive = client.prepare(
		`INSERT INTO observation_history (${OBS_FIELDS}, replaced_by) SELECT ${OBS_FIELDS}, ? FROM observations WHERE ${KEY}`
	);
	const remove = client.prepare(`DELETE FROM observations WHERE ${KEY}`);
	return {
		archive(releaseId, indicatorId, territoryId, date) {
			archive.run(releaseId, indicatorId, territoryId, date);
		},
		withdraw(releaseId, indicatorId, territoryId, date) {
			archive.run(releaseId, indicatorId, territoryId, date);
			remove.run(indicatorId, territoryId, date);
		}
	};
}
