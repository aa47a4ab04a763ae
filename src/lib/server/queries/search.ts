/**
 * Territory search on the server: the régions and départements of the store plus every current
 * commune of the COG (@etalab/decoupage-administratif, ~35 000 with their postal codes), ranked by
 * the picker's pure `rankEntries`. The commune list never goes to the browser: the /recherche page
 * and the suggestions endpoint both call `searchTerritories`.
 *
 * The index is built once, on first use, and kept in memory for the life of the server.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { rankEntries, searchKey, type PickerEntry, type PickerMatch, type RankResult } from '../../picker/ranking';
import { matchExpression } from '../../search-words';
import { SEARCH_TABLE, type SearchKind } from '../import/search-index';
import { MAX_QUERY_LENGTH } from '../../picker/controller';
import { territoriesAt, type Territory } from './facts';

const require = createRequire(import.meta.url);

/** The fields of `communes.json` used here. */
export interface RawCommune {
	code: string;
	nom: string;
	type: string;
	departement?: string;
	codesPostaux?: string[];
	population?: number;
}

export interface SearchIndex {
	entries: PickerEntry[];
	/** Commune names by INSEE code (chef-lieu names on territory pages). */
	communeNames: Map<string, string>;
}

type IndexTerritory = Pick<Territory, 'code' | 'level' | 'inseeCode' | 'name' | 'parentCode' | 'population'>;

/** Builds the index from territories (régions, départements) and the COG communes. Pure. */
export function buildSearchIndex(territories: readonly IndexTerritory[], communes: readonly RawCommune[]): SearchIndex {
	const byCode = new Map(territories.map((t) => [t.code, t]));
	const entries: PickerEntry[] = [];
	for (const t of territories) {
		if (t.level === 'national') continue;
		entries.push({
			kind: t.level,
			name: t.name,
			key: searchKey(t.name),
			inseeCode: t.inseeCode,
			target: t.code,
			postalCodes: [],
			population: t.population ?? 0,
			parentName: t.level === 'departement' && t.parentCode ? (byCode.get(t.parentCode)?.name ?? null) : null
		});
	}
	const communeNames = new Map<string, string>();
	for (const c of communes) {
		if (c.type !== 'commune-actuelle' || !c.departement) continue;
		communeNames.set(c.code, c.nom);
		// Communes of the overseas collectivities (COM) have no territory page: left out.
		const departement = byCode.get(`D${c.departement}`);
		if (!departement) continue;
		entries.push({
			kind: 'commune',
			name: c.nom,
			key: searchKey(c.nom),
			inseeCode: c.code,
			target: departement.code,
			postalCodes: [...(c.codesPostaux ?? [])].sort(),
			population: c.population ?? 0,
			parentName: departement.name
		});
	}
	return { entries, communeNames };
}

/**
 * The COG communes shipped with @etalab/decoupage-administratif. Read with `readFileSync` rather
 * than `require` so that the parsed file (8,6 MB of JSON) is not kept in the module cache once indexed.
 */
export function loadCommunes(): RawCommune[] {
	const path = require.resolve('@etalab/decoupage-administratif/data/communes.json');
	return JSON.parse(readFileSync(path, 'utf8')) as RawCommune[];
}

let index: SearchIndex | null = null;

/** The index for this server, built on first use from the store's territories. */
export function searchIndex(client: Database.Database): SearchIndex {
	index ??= buildSearchIndex([...territoriesAt(client, 'region'), ...territoriesAt(client, 'departement')], loadCommunes());
	return index;
}

export class SearchQueryError extends Error {}

/**
 * The `q` parameter, checked: present, 1 to 60 characters, not only spaces. Throws a
 * `SearchQueryError` with a French message otherwise.
 */
export function parseSearchQuery(raw: string | null): string {
	if (raw === null) throw new SearchQueryError('Paramètre « q » manquant : indiquez un nom, un numéro de département ou un code postal.');
	if (raw.length > MAX_QUERY_LENGTH)
		throw new SearchQueryError(`Recherche trop longue : ${raw.length} caractères, ${MAX_QUERY_LENGTH} au plus.`);
	if (raw.trim() === '') throw new SearchQueryError('Recherche vide : indiquez un nom, un numéro de département ou un code postal.');
	return raw.trim();
}

export const SUGGESTION_LIMIT = 8;
export const RESULTS_LIMIT = 50;

export function searchTerritories(client: Database.Database, query: string, limit = SUGGESTION_LIMIT): RankResult {
	return rankEntries(searchIndex(client).entries, query, limit);
}

// ---------------------------------------------------------------- policies, indicators, themes, programmes

export type ContentKind = SearchKind;

export interface ContentMatch {
	kind: ContentKind;
	/** Name, then ` — ` and what it belongs to: the picker shows the name in bold. */
	label: string;
	href: string;
}

export const CONTENT_GROUPS: { kind: ContentKind; label: string }[] = [
	{ kind: 'politique', label: 'Politiques' },
	{ kind: 'indicateur', label: 'Indicateurs' },
	{ kind: 'theme', label: 'Thèmes' },
	{ kind: 'programme', label: 'Programmes' }
];

const contentHref = (kind: ContentKind, ref: string) =>
	kind === 'politique'
		? `/politiques/${encodeURIComponent(ref)}`
		: kind === 'indicateur'
			? `/indicateurs/${encodeURIComponent(ref)}`
			: kind === 'theme'
				? `/indicateurs?theme=${encodeURIComponent(ref)}`
				: `/programmes/${encodeURIComponent(ref)}`;

let warnedMissing = false;
function hasContentIndex(client: Database.Database): boolean {
	const found = client.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(SEARCH_TABLE) !== undefined;
	if (!found && !warnedMissing) {
		warnedMissing = true;
		console.warn(`Index de recherche absent (${SEARCH_TABLE}) : il est construit à chaque import ; relancez « npm run import » ou « npm run db:seed ».`);
	}
	return found;
}

/**
 * Policies, indicators, themes and programme pages whose names or descriptions hold every word of
 * `query` (French word forms, accents and case ignored; the last word as a prefix), best first
 * (BM25, the name weighing ten times the description), at most `perKind` of each kind.
 */
export function searchContent(client: Database.Database, query: string, perKind: number): { kind: ContentKind; total: number; matches: ContentMatch[] }[] {
	const expression = matchExpression(query);
	if (!expression || !hasContentIndex(client)) return CONTENT_GROUPS.map(({ kind }) => ({ kind, total: 0, matches: [] }));
	const rows = client
		.prepare(
			`SELECT kind, ref, label, detail FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ? ORDER BY bm25(${SEARCH_TABLE}, 0, 0, 0, 0, 10, 1), label`
		)
		.all(`{title body} : (${expression})`) as { kind: ContentKind; ref: string; label: string; detail: string | null }[];
	return CONTENT_GROUPS.map(({ kind }) => {
		const all = rows.filter((r) => r.kind === kind);
		return {
			kind,
			total: all.length,
			matches: all.slice(0, perKind).map((r) => ({ kind, label: r.detail ? `${r.label} — ${r.detail}` : r.label, href: contentHref(kind, r.ref) }))
		};
	});
}

export interface GroupedResults {
	total: number;
	groups: { kind: 'territoire' | ContentKind; label: string; total: number; matches: (PickerMatch | ContentMatch)[] }[];
}

/** Territories (ranked as the picker ranks them) then the other kinds, each group with its total. */
export function searchEverything(client: Database.Database, query: string, limits: { territories: number; perKind: number }): GroupedResults {
	const territories = searchTerritories(client, query, limits.territories);
	const content = searchContent(client, query, limits.perKind);
	const groups: GroupedResults['groups'] = [
		{ kind: 'territoire', label: 'Territoires', total: territories.total, matches: territories.matches },
		...content.map((c) => ({ kind: c.kind, label: CONTENT_GROUPS.find((g) => g.kind === c.kind)!.label, total: c.total, matches: c.matches }))
	];
	return { total: groups.reduce((n, g) => n + g.total, 0), groups: groups.filter((g) => g.matches.length > 0) };
}

/** Codes of every indicator matching `query` in the full-text index (the catalogue's text filter). */
export function searchIndicatorCodes(client: Database.Database, query: string): Set<string> {
	const expression = matchExpression(query);
	if (!expression || !hasContentIndex(client)) return new Set();
	const rows = client
		.prepare(`SELECT ref FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ? AND kind = 'indicateur'`)
		.all(`{title body} : (${expression})`) as { ref: string }[];
	return new Set(rows.map((r) => r.ref));
}
