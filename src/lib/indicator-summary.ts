/**
 * Where one indicator stands in one territory: latest value, baseline, the targets and which one
 * the rate refers to, change since the baseline, progress rate and status. Pure: the home page,
 * indicator pages, territory pages, comparisons and the API all summarise the same way.
 */
import {
	changeSinceBaseline,
	degenerateTarget,
	outdatedReason,
	pickTarget,
	progressRate,
	progressStatus,
	rhythmMonths,
	statusAt,
	todayIso,
	type Direction,
	type StatusVerdict
} from './progress';

export interface Point {
	date: string;
	value: number;
	qualifier?: string | null;
}

export interface DatedValue {
	date: string;
	value: number;
}

export interface ProgressSummary extends StatusVerdict {
	latest: Point | null;
	/** null when the source gives none, or gives a placeholder (`baselineWithheld`). */
	baseline: DatedValue | null;
	/** A baseline the source publishes but that cannot be one (see `isPlaceholderBaseline`). */
	baselineWithheld: DatedValue | null;
	/** The latest-dated target: the one the published rate refers to. */
	finalTarget: DatedValue | null;
	/** The next milestone on or after the latest value's date (may equal the final target). */
	nextTarget: DatedValue | null;
	change: { absolute: number | null; percent: number | null } | null;
	/** 0–100, unrounded, towards `finalTarget`; null without baseline, target or direction. */
	rate: number | null;
}

/** Why a withheld baseline is not shown, for the indicator's notes. */
export const PLACEHOLDER_BASELINE_FR =
	'La source publie une valeur initiale de 0 pour ce taux, sans valeur observée de 0 à cette date : c’est une valeur de remplacement, pas une mesure. La valeur initiale est donc considérée comme non publiée, et ni l’évolution ni l’avancement ne sont calculés.';

/**
 * A placeholder baseline, as the official DITP files write them: exactly 0 for a rate (unit `%`)
 * while no observed value of 0 exists at its date (IND-246: baseline 0 dated January 2023, value
 * 95 % that month; IND-338 and IND-339: baseline 0 dated January 2024, values above 80 %).
 */
export function isPlaceholderBaseline(unit: string | null | undefined, baseline: DatedValue, series: readonly Point[]): boolean {
	return unit === '%' && baseline.value === 0 && !series.some((p) => p.date === baseline.date && p.value === 0);
}

/**
 * `series` sorted by date or not, undated points (date '') ignored for the latest value.
 * `baselines`: the `initiale` records (the earliest is used); `targets`: the `cible` records.
 */
export function summarizeProgress(input: {
	direction: Direction;
	series: readonly Point[];
	baselines: readonly DatedValue[];
	targets: readonly DatedValue[];
	/** Unit of the indicator, to detect placeholder baselines of rates. */
	unit?: string | null;
	/** Declared frequency (`mensuelle`…), else the rhythm is read from the series. */
	frequency?: string | null;
	/** The rhythm in months when the caller knows it better than `series` does (one point only). */
	rhythm?: number | null;
	/** The date statuses are aged against (today by default). */
	asOf?: string;
}): ProgressSummary {
	const dated = input.series.filter((p) => p.date !== '');
	const latest = dated.reduce<Point | null>((best, p) => (!best || p.date > best.date ? p : best), null);
	const published = [...input.baselines].sort((a, b) => (a.date < b.date ? -1 : 1))[0] ?? null;
	const withheld = published && isPlaceholderBaseline(input.unit, published, dated);
	const baseline = withheld ? null : published;
	const { final, next } = pickTarget(input.targets, latest?.date);
	const finalTarget = final && final.value !== null ? { date: final.date, value: final.value } : null;
	const nextTarget = next && next.value !== null ? { date: next.date, value: next.value } : null;
	const rateInput = {
		initial: baseline?.value,
		initialDate: baseline?.date,
		current: latest?.value,
		currentDate: latest?.date,
		target: finalTarget?.value,
		targetDate: finalTarget?.date,
		direction: input.direction
	};
	// A withheld baseline leaves nothing to judge: no rate, no status (« non calculable »).
	const judged = withheld ? null : progressStatus(rateInput);
	const outdated =
		judged && judged !== 'sans-cible' && judged !== 'non-significative' && judged !== 'atteinte'
			? outdatedReason({
					currentDate: latest?.date,
					targetDate: finalTarget?.date,
					rhythm: input.rhythm !== undefined ? input.rhythm : rhythmMonths(input.frequency, dated.map((p) => p.date)),
					asOf: input.asOf ?? todayIso()
				})
			: null;
	const degenerate = judged === 'non-significative' ? degenerateTarget(rateInput) : null;
	return {
		latest,
		baseline,
		baselineWithheld: withheld ? published : null,
		finalTarget,
		nextTarget,
		change: baseline && latest ? changeSinceBaseline(baseline.value, latest.value) : null,
		rate: degenerate ? null : progressRate(rateInput),
		status: statusAt(judged, outdated),
		judged,
		judgedAt: judged && judged !== 'sans-cible' ? (latest?.date ?? null) : null,
		outdated,
		degenerate,
		targetDate: finalTarget?.date ?? null
	};
}

const NO_VERDICT: StatusVerdict = { status: null, judged: null, judgedAt: null, outdated: null, degenerate: null, targetDate: null };

/** Just the status part of a summary (what StatusBadge and the API need). */
export function verdictOf(summary: ProgressSummary | null | undefined): StatusVerdict {
	if (!summary) return NO_VERDICT;
	const { status, judged, judgedAt, outdated, degenerate, targetDate } = summary;
	return { status, judged, judgedAt, outdated, degenerate, targetDate };
}
