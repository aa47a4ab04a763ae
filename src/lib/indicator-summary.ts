/**
 * Where one indicator stands in one territory: latest value, baseline, the targets and which one
 * the rate refers to, change since the baseline, progress rate and status. Pure: the home page,
 * indicator pages, territory pages, comparisons and the API all summarise the same way.
 */
import { changeSinceBaseline, pickTarget, progressRate, progressStatus, type Direction, type ProgressStatus } from './progress';

export interface Point {
	date: string;
	value: number;
	qualifier?: string | null;
}

export interface DatedValue {
	date: string;
	value: number;
}

export interface ProgressSummary {
	latest: Point | null;
	baseline: DatedValue | null;
	/** The latest-dated target: the one the published rate refers to. */
	finalTarget: DatedValue | null;
	/** The next milestone on or after the latest value's date (may equal the final target). */
	nextTarget: DatedValue | null;
	change: { absolute: number | null; percent: number | null } | null;
	/** 0–100, unrounded, towards `finalTarget`; null without baseline, target or direction. */
	rate: number | null;
	status: ProgressStatus | null;
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
}): ProgressSummary {
	const dated = input.series.filter((p) => p.date !== '');
	const latest = dated.reduce<Point | null>((best, p) => (!best || p.date > best.date ? p : best), null);
	const baseline = [...input.baselines].sort((a, b) => (a.date < b.date ? -1 : 1))[0] ?? null;
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
	return {
		latest,
		baseline,
		finalTarget,
		nextTarget,
		change: baseline && latest ? changeSinceBaseline(baseline.value, latest.value) : null,
		rate: progressRate(rateInput),
		status: progressStatus(rateInput)
	};
}
