/**
 * Where a territory stands among its peers (the other territories of its level with a value at the
 * same date): « 12e sur 101 départements ». One rule for the comparison and the territory pages:
 * 1 = most favourable (highest for `hausse` and `neutre`, lowest for `baisse`), equal values share a
 * rank (1, 2, 2, 4), and an amount (a count, euros…) is ranked per 100 000 inhabitants only, since
 * its raw value follows population. A peer without a value (or, for an amount, without a
 * population) is not ranked and not counted. Pure.
 */
import { formatNumber, formatOrdinal } from './format';
import { perInhabitants } from './per-capita';
import type { Direction } from './progress';

/**
 * Ranks by `key` (see the module's rule); missing values get none. Returns new rows.
 */
export function rankRows<T extends { rank: number | null; value: number | null; perCapita: number | null }>(
	rows: readonly T[],
	key: 'value' | 'perCapita',
	direction: Direction
): T[] {
	const sign = direction === 'baisse' ? 1 : -1;
	const sorted = rows
		.map((r) => r[key])
		.filter((v): v is number => v !== null)
		.sort((a, b) => sign * (a - b));
	return rows.map((r) => {
		const v = r[key];
		return { ...r, rank: v === null ? null : sorted.indexOf(v) + 1 };
	});
}

export interface PeerValue {
	/** The territory's id. */
	id: number;
	value: number;
	population: number | null;
}

export interface Standing {
	/** 1 = most favourable. */
	rank: number;
	/** Peers ranked, the territory included. */
	of: number;
}

/**
 * The standing of territory `id` among `peers` (its own value included), by value, or per 100 000
 * inhabitants when `perCapita`; null when it has no rankable value there.
 */
export function standingAmong(peers: readonly PeerValue[], id: number, direction: Direction, perCapita: boolean): Standing | null {
	const rows = peers.map((p) => ({ id: p.id, rank: null as number | null, value: p.value, perCapita: perCapita ? perInhabitants(p.value, p.population) : null }));
	const ranked = rankRows(rows, perCapita ? 'perCapita' : 'value', direction);
	const own = ranked.find((r) => r.id === id)?.rank ?? null;
	return own === null ? null : { rank: own, of: ranked.filter((r) => r.rank !== null).length };
}

const PEERS = { region: ['région', 'régions'], departement: ['département', 'départements'] } as const;

/**
 * The standing in words: « 12e sur 101 départements », « 1er sur 18 régions »; for an indicator
 * without a favourable direction, what the rank orders: « 3e valeur la plus élevée sur 101 départements ».
 */
export function standingText(standing: Standing, level: 'region' | 'departement', direction: Direction): string {
	const [one, many] = PEERS[level];
	const peers = `${formatNumber(standing.of)} ${standing.of > 1 ? many : one}`;
	if (direction === 'neutre') return `${formatOrdinal(standing.rank, { feminine: true })} valeur la plus élevée sur ${peers}`;
	return `${formatOrdinal(standing.rank)} sur ${peers}`;
}
