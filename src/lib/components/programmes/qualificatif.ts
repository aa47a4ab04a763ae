/**
 * A published figure with the source's own reservation, in words: `>` 800 M€ → « plus de 800 M€ »,
 * `approx.` 90 → « environ 90 », `pres de` 90 M€ → « près de 90 M€ ». The reservation is never
 * dropped: an unknown one is printed as the source wrote it. Numbers go through `format.ts`.
 */
import { formatSignedChange, formatValue, MISSING, type Maybe, type ValueOptions } from '../../format';

const WORDS: Record<string, string> = {
	'>': 'plus de',
	'>=': 'au moins',
	'<': 'moins de',
	'<=': 'au plus',
	'approx.': 'environ',
	'pres de': 'près de',
	'près de': 'près de'
};

export interface QualifierParts {
	/** Words before the number (`plus de`, `environ`), or '' when none. */
	before: string;
	/** The source's own wording kept after the number (`« une quinzaine » selon la source`), or ''. */
	after: string;
}

/**
 * `approx. (une quinzaine)` → before `environ`, after `« une quinzaine » selon la source`. A
 * parenthesis that only repeats the number (`approx. (1,1 Md)`) is not repeated.
 */
export function qualifierParts(qualifier: Maybe<string>): QualifierParts {
	const raw = (qualifier ?? '').trim();
	if (!raw) return { before: '', after: '' };
	const match = /^(.*?)\s*\((.+)\)\s*$/.exec(raw);
	const head = (match ? match[1] : raw).trim();
	const detail = match ? match[2].trim() : '';
	const before = WORDS[head.toLowerCase()] ?? head;
	const wordy = /\p{L}{3,}/u.test(detail);
	return { before, after: wordy ? `« ${detail} » selon la source` : '' };
}

/**
 * `formatValue` with the qualifier in words: « plus de 800 M€ », « environ 15 (« une quinzaine »
 * selon la source) ». A change in points (unit `points`) always carries its sign: « +9 pts », « −1 pt ».
 */
export function formatQualified(value: Maybe<number>, unit: Maybe<string>, qualifier: Maybe<string>, options: ValueOptions = {}): string {
	const number = unit === 'points' ? formatSignedChange(value, { unit: 'pts', decimals: options.decimals }) : formatValue(value, unit, options);
	if (number === MISSING) return number;
	const { before, after } = qualifierParts(qualifier);
	return [before, number].filter(Boolean).join(' ') + (after ? ` (${after})` : '');
}
