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
	const decimals = options.decimals ?? (unit === 'EUR' && !options.exact && typeof value === 'number' ? euroDecimals(value) : undefined);
	const number = unit === 'points' ? formatSignedChange(value, { unit: 'pts', decimals: options.decimals }) : formatValue(value, unit, { ...options, decimals });
	if (number === MISSING) return number;
	const { before, after } = qualifierParts(qualifier);
	return [before, number].filter(Boolean).join(' ') + (after ? ` (${after})` : '');
}

/**
 * Money keeps the source's precision: 1 250 000 € reads « 1,25 M€ », not « 1,3 M€ ». Amounts given to
 * the hundred thousand or coarser keep the usual format; exact amounts (419 854 003 €, from budget
 * documents) keep one decimal in M€ (their table can show them in full).
 */
export function euroDecimals(value: number): number | undefined {
	const abs = Math.abs(value);
	if (abs < 1e6) return undefined;
	const scaled = abs / (abs >= 999.95e6 ? 1e9 : 1e6);
	const exactAt = (d: number) => Math.abs(Math.round(scaled * 10 ** d) - scaled * 10 ** d) < 1e-6;
	return !exactAt(1) && exactAt(2) ? 2 : undefined;
}
