/**
 * The one-line state of a set of policies or indicators: « Sur 59 politiques prioritaires :
 * 12 cibles atteintes, 20 en bonne voie, 10 en retard, 17 sans cible. » Pure; the home page, the
 * policy list and the territory pages say it the same way.
 */
import { formatCount } from './format';
import { STATUS_LABELS_FR, type ProgressStatus } from './progress';

/** Singular and plural of what is counted: `['politique prioritaire', 'politiques prioritaires']`. */
export type Noun = readonly [string, string];

const plural = (n: number, [one, many]: Noun) => formatCount(n, one, many);

/** Fixed wording of the four usual statuses (agreement included); any other status uses its label. */
const PHRASES: Partial<Record<ProgressStatus, Noun>> = {
	atteinte: ['cible atteinte', 'cibles atteintes'],
	'en-bonne-voie': ['en bonne voie', 'en bonne voie'],
	'en-retard': ['en retard', 'en retard'],
	'sans-cible': ['sans cible', 'sans cible'],
	'non-evaluable': ['non évaluable aujourd’hui', 'non évaluables aujourd’hui'],
	'non-significative': ['cible non significative', 'cibles non significatives']
};
const ORDER: ProgressStatus[] = ['atteinte', 'en-bonne-voie', 'en-retard', 'sans-cible'];

/** Counts by status; a missing status (not computable) counts as « sans cible ». */
export function countStatuses(statuses: readonly (ProgressStatus | null)[]): Map<ProgressStatus, number> {
	const counts = new Map<ProgressStatus, number>(ORDER.map((s) => [s, 0]));
	for (const s of statuses) counts.set(s ?? 'sans-cible', (counts.get(s ?? 'sans-cible') ?? 0) + 1);
	return counts;
}

export function statusLine(statuses: readonly (ProgressStatus | null)[], noun: Noun): string {
	const counts = countStatuses(statuses);
	const parts = [...counts]
		.sort(([a], [b]) => rank(a) - rank(b))
		.filter(([status, n]) => n > 0 || ORDER.slice(0, 3).includes(status))
		.map(([status, n]) => plural(n, PHRASES[status] ?? [STATUS_LABELS_FR[status].toLowerCase(), STATUS_LABELS_FR[status].toLowerCase()]));
	return `Sur ${plural(statuses.length, noun)} : ${parts.join(', ')}.`;
}

const rank = (s: ProgressStatus) => (ORDER.includes(s) ? ORDER.indexOf(s) : ORDER.length - 1);
