/**
 * Progress towards a target, following the official DITP baromètre rule (the `indic_ta`
 * « taux d'avancement » of the open data: checked to reproduce all 6 881 published rates of
 * the 2024-06-29 release), plus the status shown on cards and the target a rate refers to.
 *
 * Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` strings; `YYYY` counts as 1 January and
 * `YYYY-MM` as the 1st of the month for elapsed time.
 */
import { dayNumber, formatPeriod, isAvailable, shownPeriodEnd, type Maybe } from './format';

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

/**
 * `non-significative`: the target cannot measure progress (equal to the baseline, or 0 for a
 * « higher is better » indicator); `non-evaluable`: it was on track at its last value, but that
 * value is older than the indicator's rhythm allows, or the target's deadline has passed since.
 * Both are left out of the counts (`countStatuses`).
 */
export type ProgressStatus = 'atteinte' | 'en-bonne-voie' | 'en-retard' | 'sans-cible' | 'non-significative' | 'non-evaluable';

export const STATUS_LABELS_FR: Record<ProgressStatus, string> = {
	atteinte: 'Cible atteinte',
	'en-bonne-voie': 'En bonne voie',
	'en-retard': 'En retard',
	'sans-cible': 'Sans cible',
	'non-significative': 'Cible non significative',
	'non-evaluable': 'Non évaluable aujourd’hui'
};

/** The status rule, in one sentence for the methodology note and tooltips. */
export const STATUS_RULE_FR =
	'Un indicateur est « en bonne voie » lorsque son taux d’avancement est au moins égal à la part du délai écoulée entre la date de la valeur initiale et l’échéance de la cible (progression en ligne droite), « en retard » sinon, et « cible atteinte » lorsque ce taux atteint 100 %. L’état est jugé à la date de la dernière valeur : il est dit « non évaluable aujourd’hui » quand cette valeur est trop ancienne pour le rythme de l’indicateur ou que l’échéance est passée depuis, et « cible non significative » quand la cible est égale à la valeur initiale ou nulle pour un indicateur qui doit augmenter ; ces deux cas ne sont pas comptés.';

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
 * Why a target cannot measure progress: `egale` when it equals the baseline, `nulle` when it is 0
 * for a « higher is better » indicator (the source's way of saying « no target »); null otherwise.
 */
export function degenerateTarget({ initial, target, direction }: Pick<RateInput, 'initial' | 'target' | 'direction'>): 'egale' | 'nulle' | null {
	if (!isAvailable(target)) return null;
	if (direction === 'hausse' && target === 0) return 'nulle';
	if (isAvailable(initial) && initial === target && direction !== 'neutre') return 'egale';
	return null;
}

/**
 * `sans-cible` when there is no target (value or date), no baseline, or the direction is
 * `neutre`; `non-significative` for a degenerate target; `atteinte` when the rate is 100; `en-bonne-voie` when the rate is at least the
 * straight-line expectation at the current value's date; `en-retard` otherwise.
 * `null` when there is a target but no current value (nothing to judge yet).
 */
export function progressStatus(input: StatusInput): ProgressStatus | null {
	const { initial, initialDate, current, currentDate, target, targetDate, direction } = input;
	if (direction === 'neutre' || !isAvailable(target) || !targetDate || !isAvailable(initial) || !initialDate)
		return 'sans-cible';
	if (degenerateTarget(input)) return 'non-significative';
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

// ---------------------------------------------------------------- when the status was judged

/** Months between two values of a series published at this rhythm (`frequence` of the sheet). */
const FREQUENCY_MONTHS: Record<string, number> = { mensuelle: 1, trimestrielle: 3, semestrielle: 6, annuelle: 12 };

/**
 * The indicator's rhythm in months: from its declared frequency, else the median gap between
 * the series' dated values; null for irregular series (« irrégulière (vagues) ») or a single value.
 */
export function rhythmMonths(frequency: Maybe<string>, dates: readonly string[]): number | null {
	const declared = frequency?.trim().toLowerCase();
	if (declared) return FREQUENCY_MONTHS[declared] ?? null;
	const days = [...new Set(dates.filter((d) => d !== ''))].map(dayNumber).sort((a, b) => a - b);
	if (days.length < 2) return null;
	const gaps = days.slice(1).map((d, i) => d - days[i]).sort((a, b) => a - b);
	return Math.max(1, Math.round(gaps[Math.floor(gaps.length / 2)] / 30.44));
}

/**
 * Why a status judged at `currentDate` no longer says where things stand at `asOf`:
 * `echeance` when the target's deadline has passed since the last value (and it was not reached),
 * `frequence` when the last value is older than two periods of the indicator's rhythm, and at
 * least a year (figures are often published months after their period). null otherwise.
 */
export function outdatedReason(input: {
	currentDate: Maybe<string>;
	targetDate: Maybe<string>;
	rhythm: number | null;
	asOf: string;
}): 'echeance' | 'frequence' | null {
	const { currentDate, targetDate, rhythm, asOf } = input;
	if (!currentDate) return null;
	const today = dayNumber(asOf);
	// The deadline is the end of the month the target is shown for (« décembre 2026 » runs to the 31st).
	if (targetDate && shownPeriodEnd(targetDate) < today && dayNumber(currentDate) < dayNumber(targetDate)) return 'echeance';
	if (rhythm !== null && today - dayNumber(currentDate) > 30.44 * Math.max(12, 2 * rhythm)) return 'frequence';
	return null;
}

/** Everything a status needs to be said with its date and its reasons. */
export interface StatusVerdict {
	status: ProgressStatus | null;
	/** The status at the date of the last value, before any ageing (`en-bonne-voie` for a `non-evaluable`). */
	judged: ProgressStatus | null;
	/** Date of the value the status was judged on. */
	judgedAt: string | null;
	outdated: 'echeance' | 'frequence' | null;
	degenerate: 'egale' | 'nulle' | null;
	targetDate: string | null;
}

/** The status shown at `asOf`: an optimistic status on an outdated value becomes `non-evaluable`. */
export function statusAt(judged: ProgressStatus | null, outdated: 'echeance' | 'frequence' | null): ProgressStatus | null {
	return judged === 'en-bonne-voie' && outdated ? 'non-evaluable' : judged;
}

const valueOf = (date: string) => `au vu de la valeur ${/^[aeiouyàâéèêîôû]/i.test(formatPeriod(date)) ? 'd’' : 'de '}${formatPeriod(date)}`;

/** « de mai 2024 », « d’avril 2024 », « de 2023 ». */
const ofPeriod = (date: string) => {
	const period = formatPeriod(date);
	return /^[aeiouyàâéèêîôû]/i.test(period) ? `d’${period}` : `de ${period}`;
};

/**
 * The status in two parts: its label (shown as a badge) and what it was judged on (« au vu de la
 * valeur de mai 2024 »), or why it cannot be judged today; `detail` is empty only when there is
 * nothing to date (no target, nothing computable).
 */
export function statusParts(v: StatusVerdict): { label: string; detail: string } {
	const at = v.judgedAt ? `au vu de la valeur ${ofPeriod(v.judgedAt)}` : '';
	switch (v.status) {
		case null:
			return { label: 'Non calculable', detail: '' };
		case 'sans-cible':
			return { label: STATUS_LABELS_FR['sans-cible'], detail: '' };
		case 'non-significative':
			return {
				label: STATUS_LABELS_FR['non-significative'],
				detail: v.degenerate === 'nulle' ? 'cible nulle pour un indicateur qui doit augmenter' : 'cible égale à la valeur initiale'
			};
		case 'non-evaluable': {
			const why =
				v.outdated === 'echeance' && v.targetDate
					? `échéance ${ofPeriod(v.targetDate)} passée sans valeur publiée depuis`
					: 'dernière valeur trop ancienne pour le rythme de l’indicateur';
			return { label: STATUS_LABELS_FR['non-evaluable'], detail: `${why} (en bonne voie ${at})` };
		}
		default: {
			const old = v.outdated === 'frequence' ? ', valeur ancienne' : v.outdated === 'echeance' ? ', échéance passée depuis' : '';
			return { label: STATUS_LABELS_FR[v.status], detail: `${at}${old}` };
		}
	}
}

/**
 * The status in a table cell that prints the value's date beside it (the comparison): when the
 * status was judged at that date, « au vu de la valeur de … » is left to the date shown and only
 * what it adds is said (`échéance passée`, `valeur trop ancienne`); otherwise as `statusParts`.
 */
export function statusPartsBeside(v: StatusVerdict, shownDate: string | null): { label: string; detail: string } {
	if (!v.judgedAt || v.judgedAt !== shownDate) return statusParts(v);
	const deadline = v.targetDate ? `échéance ${ofPeriod(v.targetDate)} passée` : 'échéance passée';
	switch (v.status) {
		case 'non-evaluable':
			return { label: STATUS_LABELS_FR['non-evaluable'], detail: v.outdated === 'echeance' ? deadline : 'valeur trop ancienne' };
		case 'atteinte':
		case 'en-bonne-voie':
		case 'en-retard':
			return { label: STATUS_LABELS_FR[v.status], detail: v.outdated === 'frequence' ? 'valeur ancienne' : v.outdated === 'echeance' ? deadline : '' };
		default:
			return statusParts(v);
	}
}

/**
 * The status in one French phrase, always with the date it was judged at:
 * « En bonne voie au vu de la valeur de mai 2024 », « Non évaluable aujourd’hui : échéance de
 * décembre 2024 passée sans valeur publiée depuis (en bonne voie au vu de la valeur de mai 2024) ».
 */
export function statusPhrase(v: StatusVerdict): string {
	const { label, detail } = statusParts(v);
	if (!detail) return label;
	return v.status === 'non-evaluable' || v.status === 'non-significative' ? `${label} : ${detail}` : `${label} ${detail}`;
}

/** Today as `YYYY-MM-DD` (UTC): the date statuses are aged against. */
export function todayIso(now: Date = new Date()): string {
	return now.toISOString().slice(0, 10);
}
