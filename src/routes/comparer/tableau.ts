/**
 * The comparison page's tables, shaped on the server: indicators grouped by family, then by theme
 * (each theme one collapsible table), each cell's words written once with `$lib/format` — the
 * latest value (per 100 000 inhabitants for amounts, the raw count beside it), its date when it
 * is not the row's, the gap to France and the rank among peers, the status dated by the value
 * shown. The page only draws them, and its data stays small: a comparison of 4 territories near
 * 100 KB of HTML. The evolution series, which only the small multiples draw, are kept for the
 * theme whose charts were asked for (`graphiques=…`). Pure.
 */
import { sourceLine } from '$lib/figure-text';
import { formatNumber, formatOrdinal, formatPeriod, formatUpdated, formatValue, MISSING } from '$lib/format';
import { statusPartsBeside, type ProgressStatus } from '$lib/progress';
import type { CompareCell, CompareIndicator, Comparison } from '$lib/server/queries/compare';
import { gapText, perCapitaText } from './textes';

/**
 * One cell: the value as shown, what follows it (its date when not the row's, the raw count of
 * an amount), the gap to France and the rank (`référence` for France), and the status (`none`:
 * no badge, for France and a missing value) with its words.
 */
export type CellText = [value: string, note: string, gap: string, status: ProgressStatus | null | 'none', label: string, detail: string];

export interface TableRow {
	code: string;
	name: string;
	/** Unit and which way is better: `%, plus haut = mieux`. */
	about: string;
	/** The period of every value, when they share one (`février 2024`); '' otherwise (each cell says its own). */
	period: string;
	perCapita: boolean;
	/** Which of its table's sources is this indicator's (1, 2…), when the table has several; 0 otherwise. */
	source: number;
	cells: CellText[];
}

export interface ThemeTable {
	/** Anchor of the group: `theme-<family>-<theme>`. */
	anchor: string;
	/** The theme's id (`autres` without one): what `graphiques=` names. */
	key: string;
	name: string;
	rows: TableRow[];
	/** The sources of its indicators (`tableSources`): each row says which (`source`) when there are several. */
	sources: string;
}

export interface FamilyTables {
	id: string;
	name: string;
	themes: ThemeTable[];
}

export const NO_THEME = 'autres';
export const themeKey = (i: Pick<CompareIndicator, 'theme'>): string => i.theme?.id ?? NO_THEME;

/** The theme keys a comparison shows: what `graphiques=` may name. */
export const shownThemes = (result: Pick<Comparison, 'indicators'>): Set<string> => new Set(result.indicators.map(themeKey));

const BETTER = { hausse: 'plus haut = mieux', baisse: 'plus bas = mieux', neutre: 'sans sens souhaité' } as const;

function cellText(i: CompareIndicator, c: CompareCell, period: string): CellText {
	if (c.value === null || c.date === null) return [MISSING, 'pas de valeur', '', 'none', '', ''];
	const shown = i.perCapita ? perCapitaText(c.perCapita, i.unit) : formatValue(c.value, i.unit);
	const value = `${c.qualifier ? `${c.qualifier} ` : ''}${shown}`;
	const note = [formatPeriod(c.date) === period ? '' : formatPeriod(c.date), i.perCapita ? `${formatNumber(c.value)} au total` : ''].filter(Boolean).join(', ');
	if (c.code === 'FR') return [value, note, 'référence', 'none', '', ''];
	const rank = c.rank !== null && c.peers !== null ? ` · ${formatOrdinal(c.rank)} sur ${c.peers}` : '';
	const gap = `écart ${gapText(i, c)}${c.gapDatesDiffer ? ' (autre date)' : ''}${rank}`;
	const { label, detail } = statusPartsBeside(c.verdict, c.date);
	return [value, note, gap, c.verdict.status, label, detail];
}

function row(i: CompareIndicator): TableRow {
	const periods = new Set(i.cells.filter((c) => c.value !== null).map((c) => formatPeriod(c.date)));
	const period = periods.size === 1 ? [...periods][0] : '';
	return {
		code: i.code,
		name: i.name,
		about: `${i.perCapita ? (i.unit === 'nombre' ? 'pour 100 000 hab.' : `${i.unit}, pour 100 000 hab.`) : i.unit} · ${BETTER[i.direction]}`,
		period,
		perCapita: i.perCapita,
		source: 0,
		cells: i.cells.map((c) => cellText(i, c, period))
	};
}

/**
 * The sources of a table's indicators in as few words as they allow: one line when they share it;
 * otherwise numbered producers (each row says its number), what all of them share said once —
 * the publisher that follows « ; » in every producer, the date of update and the licence.
 */
export function tableSources(indicators: readonly Pick<CompareIndicator, 'producer' | 'licence' | 'sourceUpdatedAt'>[]): { text: string; numbers: number[] } {
	const lines = [...new Set(indicators.map(sourceLine))];
	if (lines.length === 1) return { text: lines[0], numbers: indicators.map(() => 0) };
	const sameTail = new Set(indicators.map((i) => `${i.sourceUpdatedAt}|${i.licence}`)).size === 1;
	if (!sameTail) return { text: lines.map((line, n) => `Source ${n + 1} — ${line.replace(/^Source : /, '')}`).join(' '), numbers: indicators.map((i) => lines.indexOf(sourceLine(i)) + 1) };
	const producers = [...new Set(indicators.map((i) => i.producer))];
	// The longest ending every producer shares, from a « ; » on (« ; publié par : … »).
	let shared = producers.reduce((tail, p) => {
		while (tail && !p.endsWith(tail)) tail = tail.slice(1);
		return tail;
	}, producers[0]);
	shared = shared.includes(' ; ') ? shared.slice(shared.indexOf(' ; ')) : '';
	const own = producers.map((p, n) => `${n + 1} — ${shared ? p.slice(0, -shared.length) : p}`).join(' ; ');
	const [first] = indicators;
	const updated = first.sourceUpdatedAt ? `, ${formatUpdated(first.sourceUpdatedAt)}` : '';
	const common = shared ? ` ; pour toutes, ${shared.slice(3)}` : '';
	return { text: `Sources : ${own}${common}${updated}. Licence : ${first.licence}.`, numbers: indicators.map((i) => producers.indexOf(i.producer) + 1) };
}

function withSources(rows: TableRow[], indicators: readonly CompareIndicator[]): { rows: TableRow[]; sources: string } {
	const { text, numbers } = tableSources(indicators);
	return { rows: rows.map((r, n) => ({ ...r, source: numbers[n] })), sources: text };
}

/** Families in order, each with its themes in order (the query sorts indicators so), each one table. */
export function comparisonTables(indicators: readonly CompareIndicator[]): FamilyTables[] {
	const families: (FamilyTables & { members: CompareIndicator[][] })[] = [];
	for (const i of indicators) {
		if (families.at(-1)?.id !== i.family.id) families.push({ id: i.family.id, name: i.family.name, themes: [], members: [] });
		const family = families.at(-1)!;
		const key = themeKey(i);
		if (family.themes.at(-1)?.key !== key) {
			family.themes.push({ anchor: `theme-${i.family.id}-${key}`, key, name: i.theme?.name ?? 'Autres indicateurs', rows: [], sources: '' });
			family.members.push([]);
		}
		family.themes.at(-1)!.rows.push(row(i));
		family.members.at(-1)!.push(i);
	}
	return families.map(({ members, ...family }) => ({ ...family, themes: family.themes.map((t, n) => ({ ...t, ...withSources(t.rows, members[n]) })) }));
}

/** The indicators of the theme whose small multiples are drawn (none when `charted` is null). */
export function chartedIndicators(indicators: readonly CompareIndicator[], charted: string | null): CompareIndicator[] {
	return charted === null ? [] : indicators.filter((i) => themeKey(i) === charted);
}
