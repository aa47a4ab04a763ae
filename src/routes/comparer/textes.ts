/**
 * The words of one indicator's comparison block, shared by /comparer and its embed
 * (/integrer/comparer): value labels, the gap to France, the rank rule, the spoken evolution of
 * each line, the chart's title, and the one-sentence summary of the latest values. Pure, on
 * `$lib/format`.
 */
import { formatPeriod, formatSignedChange, formatValue } from '$lib/format';
import { perCapitaText } from '$lib/per-capita';
import type { CompareCell, CompareIndicator } from '$lib/server/queries/compare';

/** What the words read of a cell (the page's cells carry no targets, the embed's do). */
type Cell = Pick<CompareCell, 'code' | 'date' | 'value' | 'qualifier' | 'perCapita' | 'series'>;
type Indicator = Pick<CompareIndicator, 'name' | 'unit' | 'direction' | 'perCapita'> & { cells: readonly Cell[] };
/** A territory's name by public code (undefined when unknown). */
export type NameOf = (code: string) => string | undefined;

/** The one per-100 000 text of the site (territory pages too). */
export { perCapitaText };

/** A value as the table shows it, with its qualifier (`< 5`). */
const valueText = (value: number, unit: string, qualifier: string | null) => `${qualifier ? `${qualifier} ` : ''}${formatValue(value, unit)}`;

/** The gap to France: in points for rates, per 100 000 inhabitants for amounts. */
export function gapText(i: Pick<CompareIndicator, 'unit' | 'perCapita'>, cell: Pick<CompareCell, 'gap'>): string {
	if (i.unit === '%') return formatSignedChange(cell.gap, { unit: 'pts' });
	const decimals = cell.gap !== null && i.perCapita && Math.abs(cell.gap) >= 100 ? 0 : undefined;
	return formatSignedChange(cell.gap, { unit: i.unit === 'nombre' ? undefined : i.unit, decimals });
}

/** What rank 1 means for this indicator. */
export const rankRule = (direction: CompareIndicator['direction']): string =>
	direction === 'hausse'
		? 'une valeur plus élevée est meilleure'
		: direction === 'baisse'
			? 'une valeur plus basse est meilleure'
			: 'sans sens défini, 1er = la valeur la plus élevée';

/** Spoken evolution of each line: first and last values with their dates. */
export function evolutionText(i: Indicator, nameOf: NameOf): string {
	const f = (v: number) => (i.perCapita ? perCapitaText(v, i.unit) : formatValue(v, i.unit));
	return i.cells
		.filter((cell) => cell.series.length > 0)
		.map((cell) => {
			const first = cell.series[0];
			const last = cell.series.at(-1)!;
			return `${nameOf(cell.code) ?? cell.code} : ${f(first.value)} en ${formatPeriod(first.date)}, ${f(last.value)} en ${formatPeriod(last.date)}`;
		})
		.join(' ; ');
}

/** First and last dates drawn: `janvier 2019 – mai 2024` (empty when nothing is drawn). */
export function periodSpan(i: { cells: readonly Pick<CompareCell, 'series'>[] }): string {
	const dates = i.cells.flatMap((cell) => cell.series.map((p) => p.date)).sort();
	return dates.length ? `${formatPeriod(dates[0])} – ${formatPeriod(dates.at(-1))}` : '';
}

/** The title written in the SVG/PNG files and the iframe: `Taux… — évolution comparée : A, B, C`. */
export const chartTitle = (i: Pick<CompareIndicator, 'name' | 'perCapita'>, names: readonly string[]): string =>
	`${i.name} — évolution comparée${i.perCapita ? ' pour 100 000 habitants' : ''} : ${names.join(', ')}`;

/** `A`, `A et B`, `A, B et C`. */
const joinNames = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} et ${names.at(-1)}`);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The latest values in one sentence, on the values compared (per 100 000 inhabitants for
 * amounts), the most favourable end named when the indicator has a direction:
 * « Mai 2024 : de 85 % (Corse-du-Sud) à 92,1 % (Auvergne-Rhône-Alpes, valeur la plus favorable) ; France : 90 %. »
 * Dates are given per territory when they differ. `reference` is France's code when it is shown
 * as the reference (not one of the chosen territories).
 */
export function comparisonSummary(i: Indicator, nameOf: NameOf, reference: string | null): string {
	const label = (cell: Cell) =>
		i.perCapita ? perCapitaText(cell.perCapita, i.unit) : valueText(cell.value!, i.unit, cell.qualifier);
	const compared = (cell: Cell) => (i.perCapita ? cell.perCapita : cell.value);
	const known = i.cells
		.filter((cell) => cell.code !== reference && compared(cell) !== null && cell.date !== null)
		.map((cell) => ({ cell, value: compared(cell)!, name: nameOf(cell.code) ?? cell.code }));
	const france = i.cells.find((cell) => cell.code === reference && compared(cell) !== null && cell.date !== null);
	const dates = new Set(known.map((k) => k.cell.date));
	const common = dates.size === 1 ? known[0].cell.date! : null;
	const when = (common ? capitalised(formatPeriod(common)) : 'Dernières valeurs') + (i.perCapita ? ', pour 100 000 habitants' : '');
	/** The period after a value, when the sentence has no single date. */
	const dated = (cell: Cell) => (common && cell.date === common ? '' : formatPeriod(cell.date));
	const who = (group: typeof known) => {
		const names = joinNames(group.map((k) => k.name));
		const periods = [...new Set(group.map((k) => dated(k.cell)))].filter(Boolean);
		return periods.length ? `${names}, ${periods.join(', ')}` : names;
	};
	const franceText = france
		? ` ; France : ${label(france)}${dated(france) ? ` (${dated(france)})` : ''}`
		: reference
			? ' ; pas de valeur pour la France'
			: '';
	if (known.length === 0) return `Aucune valeur comparable pour ces territoires${franceText}.`;

	const low = Math.min(...known.map((k) => k.value));
	const high = Math.max(...known.map((k) => k.value));
	const lows = known.filter((k) => k.value === low);
	const highs = known.filter((k) => k.value === high);
	if (low === high) {
		const everyone = known.length > 1 && known.length === i.cells.filter((c) => c.code !== reference).length && dates.size === 1;
		return `${when} : ${label(known[0].cell)} ${everyone ? 'pour chacun des territoires comparés' : `(${who(known)})`}${franceText}.`;
	}
	const best = i.direction === 'hausse' ? 'high' : i.direction === 'baisse' ? 'low' : null;
	const end = (group: typeof known, which: 'low' | 'high') =>
		`${label(group[0].cell)} (${who(group)}${best === which ? `, valeur la plus favorable` : ''})`;
	return `${when} : de ${end(lows, 'low')} à ${end(highs, 'high')}${franceText}.`;
}
