/**
 * Vintages of values, for the API, the export command and the pages: which release a
 * `livraison=N` or `au=AAAA-MM-JJ` names, what a release changed, and a value's earlier vintages.
 * The model is in db/schema.ts (`observation_history`).
 */
import type Database from 'better-sqlite3';
import { LEVEL_RANK } from '../export';

/** A refused `livraison` or `au`, with the parameter it names. */
export class VintageParamError extends Error {
	constructor(
		readonly parameter: 'livraison' | 'au',
		message: string
	) {
		super(message);
	}
}

export interface Vintage {
	/** The release whose values are read (resolved from `au` when given); null: the current values. */
	livraison: number | null;
	au: string | null;
	/** For `ValueFilter.asOf`: undefined for the current values, 0 for a date before any release. */
	asOf: number | undefined;
}

/** A release's publication date: the source's date of update recorded with it, else its import day. */
const PUBLISHED = 'coalesce(source_updated_at, substr(imported_at, 1, 10))';

function isDay(raw: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
	return !!m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().slice(0, 10) === raw;
}

/**
 * The latest release published on or before `day` that still stands: releases undone by a
 * rollback, and the rollbacks themselves, are not publications of the source. 0 when none.
 * Dates of lower precision (`2024-06`) count as their first day.
 */
export function releaseOnDay(client: Database.Database, day: string): number {
	const row = client
		.prepare(
			`SELECT max(id) AS id FROM releases WHERE ${PUBLISHED} <= ? AND undoes IS NULL
			   AND id NOT IN (SELECT undoes FROM releases WHERE undoes IS NOT NULL)`
		)
		.get(day) as { id: number | null };
	return row.id ?? 0;
}

/** Validates `livraison` (a release number of the store) and `au` (a calendar day); at most one. */
export function resolveVintage(client: Database.Database, raw: { livraison?: string; au?: string }): Vintage {
	if (raw.livraison !== undefined && raw.au !== undefined) {
		throw new VintageParamError('au', 'Donnez « livraison » ou « au », pas les deux.');
	}
	if (raw.livraison !== undefined) {
		const latest = (client.prepare('SELECT max(id) AS id FROM releases').get() as { id: number | null }).id ?? 0;
		if (!/^[1-9]\d{0,8}$/.test(raw.livraison)) {
			throw new VintageParamError('livraison', `Livraison « ${clip(raw.livraison)} » invalide : écrivez son numéro, de 1 à ${latest} (liste : /api/v1/releases).`);
		}
		const n = Number(raw.livraison);
		if (n > latest) throw new VintageParamError('livraison', `Livraison n° ${n} inconnue : ${latest ? `la dernière est la n° ${latest}` : 'aucune livraison importée'}.`);
		return { livraison: n, au: null, asOf: n };
	}
	if (raw.au !== undefined) {
		if (!isDay(raw.au)) throw new VintageParamError('au', `Date « ${clip(raw.au)} » invalide : écrivez AAAA-MM-JJ, par exemple 2024-06-30.`);
		const n = releaseOnDay(client, raw.au);
		return { livraison: n || null, au: raw.au, asOf: n };
	}
	return { livraison: null, au: null, asOf: undefined };
}

function clip(text: string): string {
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A current value that differs from the value first published for its point. */
export interface Revision {
	/** Publication date of the release that published the current value (source's date, else import day). */
	revisedOn: string;
	releaseId: number;
	/** The value as first published. */
	first: number;
}

/**
 * The revision of each current value asked for (indicator × territory × date), or nothing when
 * the value is the one first published (unrevised, or revised and then rolled back).
 */
export function revisionsOf(client: Database.Database, points: { indicatorId: number; territoryId: number; date: string }[]): Map<string, Revision> {
	const out = new Map<string, Revision>();
	if (points.length === 0 || !client.prepare('SELECT 1 FROM observation_history LIMIT 1').get()) return out;
	const statement = client.prepare(
		`SELECT o.value AS current, o.release_id AS releaseId, ${PUBLISHED} AS revisedOn,
		   (SELECT h.value FROM observation_history h WHERE h.indicator_id = o.indicator_id AND h.territory_id = o.territory_id AND h.date = o.date
		    ORDER BY h.release_id LIMIT 1) AS first
		 FROM observations o JOIN releases r ON r.id = o.release_id WHERE o.indicator_id = ? AND o.territory_id = ? AND o.date = ?`
	);
	for (const p of points) {
		const row = statement.get(p.indicatorId, p.territoryId, p.date) as { current: number; releaseId: number; revisedOn: string; first: number | null } | undefined;
		if (row && row.first !== null && row.first !== row.current) out.set(revisionKey(p), { revisedOn: row.revisedOn, releaseId: row.releaseId, first: row.first });
	}
	return out;
}

export const revisionKey = (p: { indicatorId: number; territoryId: number; date: string }) => `${p.indicatorId} ${p.territoryId} ${p.date}`;

export type ChangeKind = 'ajout' | 'revision' | 'retrait';

/** Columns of `/api/v1/releases/{n}/changements.csv`. */
export const CHANGE_COLUMNS = ['indicateur_id', 'indicateur', 'maille', 'code_territoire', 'territoire', 'date', 'ancienne_valeur', 'nouvelle_valeur', 'nature'] as const;

/** Every vintage (current or past) published by release `n`, and every vintage it replaced. */
function changeSql(n: number): { sql: string; params: number[] } {
	// published: vintages of release n; replaced: the vintages it revised or withdrew.
	const sql = `
		WITH published AS (
		  -- Its current vintages, and those a later release replaced (found through the replaced_by index).
		  SELECT indicator_id, territory_id, date, value FROM observations WHERE release_id = ?
		  UNION ALL SELECT indicator_id, territory_id, date, value FROM observation_history WHERE replaced_by > ? AND release_id = ?
		), replaced AS (
		  SELECT indicator_id, territory_id, date, value FROM observation_history WHERE replaced_by = ?
		), changes AS (
		  SELECT r.indicator_id, r.territory_id, r.date, r.value AS old, p.value AS new,
		         CASE WHEN p.indicator_id IS NULL THEN 'retrait' ELSE 'revision' END AS kind
		  FROM replaced r LEFT JOIN published p ON p.indicator_id = r.indicator_id AND p.territory_id = r.territory_id AND p.date = r.date
		  UNION ALL
		  SELECT p.indicator_id, p.territory_id, p.date, NULL, p.value, 'ajout' FROM published p
		  WHERE NOT EXISTS (SELECT 1 FROM replaced r WHERE r.indicator_id = p.indicator_id AND r.territory_id = p.territory_id AND r.date = p.date)
		)`;
	return { sql, params: [n, n, n, n] };
}

/** The rows of changements.csv: indicator, territory, date, old value, new value, kind. */
export function* releaseChanges(client: Database.Database, n: number): Generator<(string | number | null)[]> {
	const c = changeSql(n);
	const statement = client
		.prepare(
			`${c.sql}
			 SELECT i.code, i.name, t.level, t.insee_code, t.name, c.date, c.old, c.new, c.kind
			 FROM changes c JOIN indicators i ON i.id = c.indicator_id JOIN territories t ON t.id = c.territory_id
			 ORDER BY i.code, ${LEVEL_RANK}, t.insee_code, c.date`
		)
		.raw(true);
	for (const row of statement.iterate(...c.params) as Iterable<(string | number | null)[]>) yield row;
}

export interface LargestRevision {
	indicator: string;
	indicatorName: string;
	unit: string;
	territory: string;
	territoryName: string;
	date: string;
	old: number;
	new: number;
}

/** The revisions of release `n` that moved a value most, relative to the old value. */
export function largestRevisions(client: Database.Database, n: number, limit = 5): LargestRevision[] {
	return client
		.prepare(
			`SELECT i.code AS indicator, i.name AS indicatorName, i.unit, t.code AS territory, t.name AS territoryName, h.date, h.value AS old, o.value AS new
			 FROM observation_history h
			 JOIN (SELECT indicator_id, territory_id, date, value FROM observations WHERE release_id = ?
			       UNION ALL SELECT indicator_id, territory_id, date, value FROM observation_history WHERE replaced_by > ? AND release_id = ?) o
			   ON o.indicator_id = h.indicator_id AND o.territory_id = h.territory_id AND o.date = h.date
			 JOIN indicators i ON i.id = h.indicator_id JOIN territories t ON t.id = h.territory_id
			 WHERE h.replaced_by = ? AND o.value <> h.value
			 ORDER BY abs(o.value - h.value) / max(abs(h.value), 1e-9) DESC, i.code, t.code, h.date LIMIT ?`
		)
		.all(n, n, n, n, limit) as LargestRevision[];
}
