/**
 * Public territory codes (`FR`, `R84`, `D2A`, `D971`) and the one order of a list of them in a
 * URL: France first, then régions, then départements, each by its INSEE code as the COG sorts
 * them (`D29` < `D2A` < `D2B` < `D30` < `D971`). A comparison of the same territories in any
 * order has one address (`/comparer?t=…`), hence one cache entry. Pure, shared by the server
 * (canonical URLs, parameters) and the browser (links).
 */

/** A comparison holds 2 territories at least. */
export const MIN_TERRITORIES = 2;
/**
 * At most 13 territories besides France: the largest région (Occitanie) has 13 départements, so
 * « Comparer avec les départements de sa région » never drops one. France, the reference, is
 * never counted.
 */
export const MAX_TERRITORIES = 13;

export const TERRITORY_CODE = /^(FR|R\d{2}|D(\d{2,3}|2A|2B))$/;

const LEVEL_RANK: Record<string, number> = { F: 0, R: 1, D: 2 };

/** France, régions, départements; within a level by code (code points: `2A` falls between `29` and `30`). */
export function compareTerritoryCodes(a: string, b: string): number {
	return LEVEL_RANK[a[0]] - LEVEL_RANK[b[0]] || (a < b ? -1 : a > b ? 1 : 0);
}

/** The codes in the canonical order, without duplicates (codes assumed well-formed, upper case). */
export function sortTerritoryCodes(codes: readonly string[]): string[] {
	return [...new Set(codes)].sort(compareTerritoryCodes);
}

/**
 * The canonical spelling of a `t` list (`r93, R84,R84` → `R84,R93`), or null when a code is not
 * well-formed: such a list is left as written, for the page to refuse with its own message.
 */
export function canonicalCodeList(raw: string): string | null {
	const codes = raw
		.split(',')
		.map((c) => c.trim().toUpperCase())
		.filter(Boolean);
	if (!codes.every((c) => TERRITORY_CODE.test(c))) return null;
	return sortTerritoryCodes(codes).join(',');
}
