/**
 * The indicator page's sentences: direction and cumulation in words, qualified values, the
 * chart's one-sentence summary. Pure, built on `$lib/format` (the one formatting module).
 */
import { formatPeriod, formatSignedChange, formatValue, type Maybe } from '$lib/format';
import type { Direction } from '$lib/progress';

export const DIRECTION_LABELS: Record<Direction, string> = {
	hausse: 'plus haut est mieux',
	baisse: 'plus bas est mieux',
	neutre: 'ni hausse ni baisse attendue (indicateur de contexte)'
};

/** The source's qualifiers as read in French (`pres de` is stored without its accent). */
const QUALIFIERS: Record<string, string> = { '>': '>', '<': '<', '<=': '≤', '>=': '≥', 'approx.': 'environ', 'pres de': 'près de' };

/**
 * `82,02 %`; with the source's qualifier: `> 1 200`, `environ 40 M€`, `environ 10 (une dizaine)`;
 * a qualifier of another form follows the value in brackets.
 */
export function qualifiedValue(value: Maybe<number>, unit: string | null | undefined, qualifier?: string | null): string {
	const text = formatValue(value, unit);
	if (!qualifier) return text;
	const known = /^(approx\.|pres de|<=|>=|<|>)\s*(\(.*\))?$/.exec(qualifier.trim());
	if (!known) return `${text} (${qualifier})`;
	return `${QUALIFIERS[known[1]]} ${text}${known[2] ? ` ${known[2]}` : ''}`;
}

/** A change since the baseline: percentage points for shares (`+13,02 pts`), else the unit. */
export function formatChange(change: Maybe<number>, unit: string | null | undefined): string {
	return formatSignedChange(change, { unit: unit === '%' ? 'pts' : (unit ?? undefined) });
}

interface SummaryPoint {
	date: string;
	value: number;
	qualifier?: string | null;
}

export interface ChartSummaryInput {
	name: string;
	unit: string | null;
	points: readonly SummaryPoint[];
	baseline: { date: string; value: number } | null;
	finalTarget: { date: string; value: number } | null;
	/** France's series, to compare, when the territory is not France. */
	france?: readonly SummaryPoint[] | null;
}

/**
 * One sentence with the key numbers: « Corse-du-Sud : 69 % en mai 2022 (valeur initiale),
 * 82,02 % en mai 2024 ; la cible est 80 % en décembre 2026 ; France : 78 % en mai 2024. »
 */
export function chartSummary({ name, unit, points, baseline, finalTarget, france }: ChartSummaryInput): string {
	const at = (p: SummaryPoint) => `${qualifiedValue(p.value, unit, p.qualifier)} en ${formatPeriod(p.date)}`;
	const latest = points.at(-1);
	if (!latest) return `Aucune valeur publiée pour ${name}.`;
	const start = baseline ?? points[0];
	const parts = [
		start.date === latest.date && start.value === latest.value
			? `${name} : ${at(latest)}`
			: `${name} : ${at(start)}${baseline ? ' (valeur initiale)' : ''}, ${at(latest)}`
	];
	parts.push(finalTarget ? `la cible est ${formatValue(finalTarget.value, unit)} en ${formatPeriod(finalTarget.date)}` : 'pas de cible publiée pour ce territoire');
	const reference = france?.at(-1);
	if (reference) parts.push(`France : ${at(reference)}`);
	return parts.join(' ; ') + '.';
}
