/**
 * Progress towards a target, following the official DITP baromètre rule (the `indic_ta`
 * « taux d'avancement » of the open data: checked to reproduce all 6 881 published rates of
 * the 2024-06-29 release), plus the status shown on cards and the target a rate refers to.
 *
 * Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` strings; `YYYY` counts as 1 January and
 * `YYYY-MM` as the 1st of the month for elapsed time.
 */
import { dayNumber, isAvailable, type Maybe } from './format';

/** Direction of progress: `hausse` (higher is better), `baisse`, `neutre` (no direction). */
export type Direction = 'hausse' | 'baisse' | 'neutre';

export interface RateInput {
	initial: Maybe<number>;
	current: Maybe<number>;
	target: Maybe<number>;
	direction: Direction;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Progress rate in % (0–100, unrounded; display rounds).
 * - `hausse`: if initial ≥ target, 100 when current ≥ target else 0; otherwise
 *   100 × (current − initial) / (target − initial), clamped to 0–100.
 * - `baisse`: mirrored (initial ≤ target: 100 when current ≤ target else 0; otherwise
 *   100 × (initial − current) / (initial − target), clamped).
 * - `null` when a value is missing or the direction is `neutre`.
 */
export function progressRate({ initial, current, target, direction }: RateInput): number | null {
	if (!isAvailable(initial) || !isAvailable(current) || !isAvailable(target)) return null;
	if (direction === 'hausse') {
		if (initial >= target) return current >= target ? 100 : 0;
		return clamp((100 * (current - initial)) / (target - initial), 0, 100);
	}
	if (direction === 'baisse') {
		if (initial <= target) return current <= target ? 100 : 0;
		return clamp((100 * (initial - current)) / (initial - target), 0, 100);
	}
	return null;
}

/**
 * Change since the baseline: `absolute` = current − initial; `percent` = that change as a %
 * of |initial| (null when initial is 0). Both null when a value is missing.
 */
export function changeSinceBaseline(
	initial: Maybe<number>,
	current: Maybe<number>
): { absolute: number | null; percent: number | null } {
	if (!isAvailable(initial) || !isAvailable(current)) return { absolute: null, percent: null };
	const absolute = current - initial;
	return { absolute, percent: initial === 0 ? null : (100 * absolute) / Math.abs(initial) };
}

export type ProgressStatus = 'atteinte' | 'en-bonne-voie' | 'en-retard' | 'sans-cible';

export const STATUS_LABELS_FR: Record<ProgressStatus, string> = {
	atteinte: 'Cible atteinte',
	'en-bonne-voie': 'En bonne voie',
	'en-retard': 'En retard',
	'sans-cible': 'Sans cible'
};

/** The status rule, in one sentence for the methodology note and tooltips. */
export const STATUS_RULE_FR =
	'Un indicateur est « en bonne voie » lorsque son taux d’avancement est au moins égal à la part du délai écoulée entre la date de la valeur initiale et l’échéance de la cible (progression en ligne droite), « en retard » sinon, et « cible atteinte » lorsque ce taux atteint 100 %.';

/** The rate rule, in one sentence. */
export const RATE_RULE_FR =
	'Le taux d’avancement mesure le chemin parcouru entre la valeur initiale et la cible, dans le sens attendu (hausse ou baisse), borné entre 0 et 100 %.';

export interface StatusInput extends RateInput {
	initialDate: Maybe<string>;
	currentDate: Maybe<string>;
	targetDate: Maybe<string>;
}

/**
 * Share of the time (0–100) elapsed at `currentDate` on a straight line from `initialDate`
 * to `targetDate`. A target dated on or before the baseline is due: 100.
 */
export function expectedRate(initialDate: string, currentDate: string, targetDate: string): number {
	const start = dayNumber(initialDate);
	const total = dayNumber(targetDate) - start;
	if (total <= 0) return 100;
	return clamp((100 * (dayNumber(currentDate) - start)) / total, 0, 100);
}

/**
 * `sans-cible` when there is no target (value or date), no baseline, or the direction is
 * `neutre`; `atteinte` when the rate is 100; `en-bonne-voie` when the rate is at least the
 * straight-line expectation at the current value's date; `en-retard` otherwise.
 * `null` when there is a target but no current value (nothing to judge yet).
 */
export function progressStatus(input: StatusInput): ProgressStatus | null {
	const { initial, initialDate, current, currentDate, target, targetDate, direction } = input;
	if (direction === 'neutre' || !isAvailable(target) || !targetDate || !isAvailable(initial) || !initialDate)
		return 'sans-cible';
	const rate = progressRate(input);
	if (rate === null || !currentDate) return null;
	if (rate >= 100) return 'atteinte';
	return rate >= expectedRate(initialDate, currentDate, targetDate) ? 'en-bonne-voie' : 'en-retard';
}

export interface Target {
	date: string;
	value: number | null;
}

/**
 * The targets a rate can refer to. `final`: the latest-dated target (the one the published
 * rate uses); `next`: the earliest target dated on or after `atDate` (the next milestone;
 * null when all are past), or `final` when no `atDate` is given. Targets without a value are
 * ignored; on equal dates the last one listed wins.
 */
export function pickTarget(
	targets: readonly Target[],
	atDate?: string
): { final: Target | null; next: Target | null } {
	const dated = targets
		.filter((t) => isAvailable(t.value))
		.map((t, order) => ({ t, day: dayNumber(t.date), order }))
		.sort((a, b) => a.day - b.day || a.order - b.order);
	if (dated.length === 0) return { final: null, next: null };
	const final = dated[dated.length - 1].t;
	if (atDate === undefined) return { final, next: final };
	const from = dayNumber(atDate);
	// Among the milestones at or after `atDate`, the earliest date; on a tie, the last listed.
	const upcoming = dated.filter((d) => d.day >= from);
	const next = upcoming.length ? upcoming.filter((d) => d.day === upcoming[0].day).at(-1)!.t : null;
	return { final, next };
}
