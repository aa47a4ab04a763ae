/**
 * Territory search: which régions, départements and communes match what someone typed, best
 * first. Pure: the server builds the entries once (see `src/lib/server/queries/search.ts`) and
 * both the /recherche page and the suggestions endpoint rank with `rankEntries`.
 *
 * What a query can be:
 * - a name, accent- and case-insensitive, hyphens and apostrophes as spaces (« cote d'or »,
 *   « correze »); « st » / « ste » also read « saint » / « sainte »;
 * - a département number (« 2A », « 971 », « 01 », « 1 »);
 * - a postal code, whole or started (« 20000 », « 200 »), or a commune's INSEE code (« 2A004 »).
 *
 * Order: a département number first, then exact postal codes, then whole names; then partial
 * names, régions and départements before communes, each by how well they match (the name starts
 * with the query as whole words; the query is whole words inside the name; the name starts with
 * it; a word starts with it; anywhere; every word started); then postal code starts. So « corse »
 * gives Corse, Corse-du-Sud, Haute-Corse before Corsept, and « cote » lists Côtes-d'Armor before
 * Marsannay-la-Côte. Within a rank: régions, then départements, then communes; then the most
 * populous first; then French alphabetical order.
 */
import { compareFr, normalizeSearch } from '../format';

export type EntryKind = 'region' | 'departement' | 'commune';

export interface PickerEntry {
	kind: EntryKind;
	/** Display name: `Corse`, `Corse-du-Sud`, `Ajaccio`. */
	name: string;
	/** `normalizeSearch(name)`, computed once. */
	key: string;
	/** INSEE code of the entry itself: `94`, `2A`, `2A004`. */
	inseeCode: string;
	/** Public code of the territory page it leads to: `R94`, `D2A` (a commune leads to its département). */
	target: string;
	/** Communes: their postal codes, sorted. */
	postalCodes: readonly string[];
	population: number;
	/** Name of the enclosing territory: the région of a département, the département of a commune. */
	parentName: string | null;
}

export interface PickerMatch {
	kind: EntryKind;
	name: string;
	/** The postal code shown for a commune (the one typed, or its first). */
	postalCode: string | null;
	/** Public code of the territory page: `R94`, `D2A`. */
	target: string;
	/** The page: `/territoires/regions/94`, `/territoires/departements/2A`. */
	href: string;
	/** One line for lists and screen readers: `Ajaccio (20000) — Corse-du-Sud`. */
	label: string;
}

/** Ranks, best first. Exported for tests and documentation. */
export const RANK = {
	departementNumber: 0,
	postalCode: 1,
	inseeCode: 1,
	exactName: 2,
	leadingWords: 3,
	innerWords: 4,
	namePrefix: 5,
	wordPrefix: 6,
	substring: 7,
	allWords: 8,
	postalPrefix: 9
} as const;

const KIND_ORDER: Record<EntryKind, number> = { region: 0, departement: 1, commune: 2 };

/** The entry's search key: `normalizeSearch` plus the same abbreviations as queries. */
export function searchKey(text: string): string {
	return normalizeSearch(text)
		.split(' ')
		.map((word) => ABBREVIATIONS[word] ?? word)
		.join(' ');
}

const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte' };

/** `2a` → `2A`, `1` → `01`, `971` → `971`; null when the text cannot be a département number. */
export function departementNumber(text: string): string | null {
	const code = text.trim().toUpperCase();
	if (/^\d$/.test(code)) return `0${code}`;
	return /^(\d{2}|2A|2B|97\d)$/.test(code) ? code : null;
}

export function territoryHref(target: string): string {
	if (target === 'FR') return '/territoires/france';
	const kind = target.startsWith('R') ? 'regions' : 'departements';
	return `/territoires/${kind}/${target.slice(1)}`;
}

function labelOf(entry: PickerEntry, postalCode: string | null): string {
	if (entry.kind === 'region') return `${entry.name} — région`;
	if (entry.kind === 'departement') return `${entry.name} (${entry.inseeCode}) — département${entry.parentName ? `, ${entry.parentName}` : ''}`;
	return `${entry.name}${postalCode ? ` (${postalCode})` : ''}${entry.parentName ? ` — ${entry.parentName}` : ''}`;
}

export function toMatch(entry: PickerEntry, postalCode: string | null = null): PickerMatch {
	const shown = entry.kind === 'commune' ? (postalCode ?? entry.postalCodes[0] ?? null) : null;
	return {
		kind: entry.kind,
		name: entry.name,
		postalCode: shown,
		target: entry.target,
		href: territoryHref(entry.target),
		label: labelOf(entry, shown)
	};
}

interface Scored {
	entry: PickerEntry;
	rank: number;
	postalCode: string | null;
}

/** The best rank of one entry for a query, or null when it does not match. */
function score(entry: PickerEntry, key: string, words: string[], digits: string | null, depNumber: string | null): Scored | null {
	if (depNumber && entry.kind === 'departement' && entry.inseeCode === depNumber)
		return { entry, rank: RANK.departementNumber, postalCode: null };
	if (digits && entry.kind === 'commune') {
		if (entry.inseeCode === digits) return { entry, rank: RANK.inseeCode, postalCode: null };
		const exact = digits.length === 5 ? entry.postalCodes.find((p) => p === digits) : undefined;
		if (exact) return { entry, rank: RANK.postalCode, postalCode: exact };
		const started = digits.length >= 2 ? entry.postalCodes.find((p) => p.startsWith(digits)) : undefined;
		if (started) return { entry, rank: RANK.postalPrefix, postalCode: started };
	}
	if (key === '') return null;
	const name = entry.key;
	let rank: number | null = null;
	if (name === key) rank = RANK.exactName;
	else if (name.startsWith(`${key} `)) rank = RANK.leadingWords;
	else if (name.includes(` ${key} `) || name.endsWith(` ${key}`)) rank = RANK.innerWords;
	else if (name.startsWith(key)) rank = RANK.namePrefix;
	else if (name.includes(` ${key}`)) rank = RANK.wordPrefix;
	else if (name.includes(key)) rank = RANK.substring;
	else if (words.length > 1) {
		const nameWords = name.split(' ');
		if (words.every((w) => nameWords.some((n) => n.startsWith(w)))) rank = RANK.allWords;
	}
	return rank === null ? null : { entry, rank, postalCode: null };
}

/** Exact matches keep their rank; partial names: territories, then communes; postal code starts last. */
function tier(s: Scored): number {
	if (s.rank <= RANK.exactName) return s.rank;
	if (s.rank === RANK.postalPrefix) return 100;
	return (s.entry.kind === 'commune' ? 20 : 10) + s.rank;
}

function compareScored(a: Scored, b: Scored): number {
	return (
		tier(a) - tier(b) ||
		KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] ||
		b.entry.population - a.entry.population ||
		compareFr(a.entry.name, b.entry.name) ||
		compareFr(a.entry.parentName ?? '', b.entry.parentName ?? '')
	);
}

export interface RankResult {
	/** How many entries matched in all (the list is cut at `limit`). */
	total: number;
	matches: PickerMatch[];
}

/** The entries matching `query`, best first, at most `limit` of them. */
export function rankEntries(entries: readonly PickerEntry[], query: string, limit = 10): RankResult {
	const raw = query.trim();
	const key = searchKey(raw);
	const compact = raw.replace(/\s+/g, '');
	const digits = /^(\d{2,5}|2[AB]\d{3})$/i.test(compact) ? compact.toUpperCase() : null;
	const depNumber = departementNumber(compact);
	if (key === '' && !digits && !depNumber) return { total: 0, matches: [] };
	const words = key.split(' ').filter(Boolean);
	// Keep only the best `limit` (short queries match tens of thousands of communes: no full sort).
	const best: Scored[] = [];
	let total = 0;
	for (const entry of entries) {
		const s = score(entry, key, words, digits, depNumber);
		if (!s) continue;
		total++;
		if (best.length === limit && compareScored(s, best[limit - 1]) >= 0) continue;
		let at = best.length;
		while (at > 0 && compareScored(s, best[at - 1]) < 0) at--;
		best.splice(at, 0, s);
		if (best.length > limit) best.pop();
	}
	return { total, matches: best.map((s) => toMatch(s.entry, s.postalCode)) };
}
