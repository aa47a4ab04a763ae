/**
 * The values of every territory of a level at given (indicator, date) pairs, with populations:
 * what a rank among peers is computed from (`standingAmong`), for the comparison and the territory
 * pages. One query whatever the number of pairs.
 */
import type Database from 'better-sqlite3';
import { standingAmong, type PeerValue, type Standing } from '../../peer-rank';
import type { Direction } from '../../progress';
import type { Level } from './facts';

export interface PeerKey {
	indicatorId: number;
	level: Level;
	date: string;
}

const keyOf = (k: PeerKey) => `${k.indicatorId}:${k.level}:${k.date}`;

/** Peers' values at each wanted (indicator, level, date); a key with no value maps to nothing. */
export class PeerValues {
	private readonly values = new Map<string, PeerValue[]>();

	constructor(client: Database.Database, wanted: readonly PeerKey[]) {
		const unique = [...new Map(wanted.map((w) => [keyOf(w), [w.indicatorId, w.level, w.date]])).values()];
		if (unique.length === 0) return;
		const rows = client
			.prepare(
				`WITH wanted(i, level, date) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?))
				 SELECT o.indicator_id AS i, w.level, o.date, o.territory_id AS t, o.value, t.population
				 FROM wanted w JOIN observations o ON o.indicator_id = w.i AND o.date = w.date
				 JOIN territories t ON t.id = o.territory_id AND t.level = w.level`
			)
			.all(JSON.stringify(unique)) as { i: number; level: Level; date: string; t: number; value: number; population: number | null }[];
		for (const r of rows) {
			const key = keyOf({ indicatorId: r.i, level: r.level, date: r.date });
			let list = this.values.get(key);
			if (!list) this.values.set(key, (list = []));
			list.push({ id: r.t, value: r.value, population: r.population });
		}
	}

	/** Territory `territoryId`'s standing at `key` (see `standingAmong`). */
	standing(key: PeerKey, territoryId: number, direction: Direction, perCapita: boolean): Standing | null {
		return standingAmong(this.values.get(keyOf(key)) ?? [], territoryId, direction, perCapita);
	}
}
