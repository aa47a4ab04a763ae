/**
 * French formatting — the ONE module every page, chart, table and export label goes through.
 *
 * Typography is fixed here rather than left to the runtime's `Intl` data (ICU versions and
 * d3-format's fr-FR locale disagree on spaces and minus signs):
 * - thousands: U+202F narrow no-break space (`1 234,5`), decimal comma;
 * - before a unit (`%`, `€`, `km`, `morts`…): U+00A0 no-break space;
 * - negative numbers: U+2212 minus sign (`−1,5`), never `-0`;
 * - missing values (null, undefined, NaN, ±Infinity): `—`, read as « donnée non disponible ».
 */

export const THOUSANDS_SEPARATOR = '\u202F';
export const DECIMAL_SEPARATOR = ',';
export const UNIT_SEPARATOR = '\u00A0';
export const MINUS = '\u2212';
/** Shown in place of a missing value. */
export const MISSING = '—';
/** Accessible text for a missing value (aria-label, screen-reader-only text, table title). */
export const MISSING_LABEL = 'donnée non disponible';

export type Maybe<T> = T | null | undefined;

/** True for a finite number: the only values the formatters print as numbers. */
export function isAvailable(value: Maybe<number>): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

// ---------------------------------------------------------------- numbers

export interface NumberOptions {
	/** Fixed number of decimals. Default: integers as integers, otherwise at most 2 decimals (82,02 % as published). */
	decimals?: number;
	/** Unit label appended after a no-break space (`km`, `morts`…). */
	unit?: string;
}

const plainFormatters = new Map<string, Intl.NumberFormat>();

/** `1234.5` → `"1234.5"`: rounding by Intl (decimal-correct, unlike toFixed), no grouping. */
function plainDigits(abs: number, decimals?: number): string {
	const [min, max] = decimals === undefined ? [0, 2] : [decimals, decimals];
	const key = `${min}:${max}`;
	let formatter = plainFormatters.get(key);
	if (!formatter) {
		formatter = new Intl.NumberFormat('en-US', {
			useGrouping: false,
			minimumFractionDigits: min,
			maximumFractionDigits: max
		});
		plainFormatters.set(key, formatter);
	}
	return formatter.format(abs);
}

/** Sign (−1, 0, 1) of the value as displayed, and its French digits without sign. */
function magnitude(value: number, decimals?: number): { sign: -1 | 0 | 1; digits: string } {
	const [integer, fraction] = plainDigits(Math.abs(value), decimals).split('.');
	const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR);
	const digits = fraction ? `${grouped}${DECIMAL_SEPARATOR}${fraction}` : grouped;
	const shownAsZero = !/[1-9]/.test(digits);
	return { sign: shownAsZero ? 0 : value < 0 ? -1 : 1, digits };
}

const withUnit = (text: string, unit?: string) => (unit ? `${text}${UNIT_SEPARATOR}${unit}` : text);

/**
 * A count with its noun agreed the French way (0 and 1 take the singular): `1 politique`,
 * `0 indicateur`, `2 politiques ou programmes`, `1 234 indicateurs`.
 */
export function formatCount(n: number, one: string, many: string): string {
	return `${formatNumber(n)} ${Math.abs(n) >= 2 ? many : one}`;
}

/** French ordinal as plain text: `1` → `1er` (`1re` with `{ feminine: true }`), `86` → `86e`. */
export function formatOrdinal(n: number, options: { feminine?: boolean } = {}): string {
	if (n === 1) return options.feminine ? '1re' : '1er';
	return `${formatNumber(n)}e`;
}

/** `1234.5` → `1 234,5`; `-1.5` → `−1,5`; `{ unit: 'km' }` → `12 km`; missing → `—`. */
export function formatNumber(value: Maybe<number>, options: NumberOptions = {}): string {
	if (!isAvailable(value)) return MISSING;
	const { sign, digits } = magnitude(value, options.decimals);
	return withUnit(sign < 0 ? `${MINUS}${digits}` : digits, options.unit);
}

/** A value already in percent (45.7, not 0.457) → `45,7 %`. */
export function formatPercent(value: Maybe<number>, options: { decimals?: number } = {}): string {
	return formatNumber(value, { decimals: options.decimals, unit: '%' });
}

export interface EuroOptions {
	/** Default true: millions and billions as `24,3 M€`, `1,2 Md€`; false: `24 300 000 €`. */
	compact?: boolean;
	decimals?: number;
	/** Always in millions (`0,45 M€`, `168,74 M€`; 2 decimals unless told): a table holds money in one unit. */
	millions?: boolean;
}

/** Amounts in euros: `24,3 M€`, `700 M€`, `1,2 Md€`, `12 000 €` (exact: cents when not whole). */
export function formatEuros(value: Maybe<number>, options: EuroOptions = {}): string {
	if (!isAvailable(value)) return MISSING;
	const { compact = true, decimals, millions } = options;
	if (millions) return formatNumber(value / 1e6, { decimals: decimals ?? 2, unit: 'M€' });
	if (compact && Math.abs(value) >= 1e6) {
		const millions = value / 1e6;
		// Decide on the rounded figure, so that 999 960 000 € reads 1 Md€, not 1 000 M€.
		// Compact amounts keep one decimal at most (24,3 M€), unless asked otherwise.
		const shown = decimals ?? undefined;
		const inMillions = Number(plainDigits(Math.abs(millions), shown ?? 1));
		const round1 = (v: number) => (shown === undefined ? Number(plainDigits(Math.abs(v), 1)) * Math.sign(v) : v);
		return inMillions >= 1000
			? formatNumber(round1(millions / 1000), { decimals: shown, unit: 'Md€' })
			: formatNumber(round1(millions), { decimals: shown, unit: 'M€' });
	}
	return formatNumber(value, { decimals: decimals ?? (Number.isInteger(value) ? 0 : 2), unit: '€' });
}

/** Unit codes printed without a label (a plain count). */
const COUNT_UNITS = new Set(['', 'nombre']);
const EURO_UNITS = new Set(['EUR', '€']);

export interface ValueOptions {
	decimals?: number;
	/** For euros: the exact amount instead of `M€` / `Md€`. */
	exact?: boolean;
	/** For euros: always in `M€` (`formatEuros`' `millions`), for a table in one unit. */
	millions?: boolean;
}

/**
 * Unit-aware value: `%` → `45,7 %`; `EUR` (or `€`) → `24,3 M€` / `12 000 €`; `nombre` or no
 * unit → `1 234`; any other unit is a label → `1 234 morts`, `12 km`. Missing → `—`.
 */
export function formatValue(value: Maybe<number>, unit?: string | null, options: ValueOptions = {}): string {
	const { decimals, exact, millions } = options;
	const code = (unit ?? '').trim();
	if (code === '%') return formatPercent(value, { decimals });
	if (EURO_UNITS.has(code)) return formatEuros(value, { compact: !exact, decimals, millions });
	return formatNumber(value, { decimals, unit: COUNT_UNITS.has(code) ? undefined : code });
}

/** Like `formatValue` but for speech: a missing value reads « donnée non disponible ». */
export function describeValue(value: Maybe<number>, unit?: string | null, options: ValueOptions = {}): string {
	return isAvailable(value) ? formatValue(value, unit, options) : MISSING_LABEL;
}

/**
 * A change with an explicit sign: `+3,2`, `−1,5`, `0` (no sign when it rounds to zero).
 * `unit` as in `formatValue`; `pts` (percentage points) follows French agreement:
 * `+3,2 pts`, `−1,5 pt` (singular below 2).
 */
export function formatSignedChange(
	value: Maybe<number>,
	options: { decimals?: number; unit?: string } = {}
): string {
	if (!isAvailable(value)) return MISSING;
	const { decimals, unit } = options;
	const { sign } = magnitude(value, decimals);
	const abs = Math.abs(value);
	const text =
		unit === 'pts'
			? formatNumber(abs, { decimals, unit: Number(plainDigits(abs, decimals)) < 2 ? 'pt' : 'pts' })
			: formatValue(abs, unit, { decimals });
	return sign > 0 ? `+${text}` : sign < 0 ? `${MINUS}${text}` : text;
}

// ---------------------------------------------------------------- dates

export const MONTHS_FR = [
	'janvier',
	'février',
	'mars',
	'avril',
	'mai',
	'juin',
	'juillet',
	'août',
	'septembre',
	'octobre',
	'novembre',
	'décembre'
] as const;

export interface DateParts {
	year: number;
	/** 1–12 when the string has a month. */
	month?: number;
	/** 1–31 when the string has a day. */
	day?: number;
	precision: 'year' | 'month' | 'day';
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; throws a RangeError on anything else. */
export function parseDate(date: string): DateParts {
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
	if (!match) throw new RangeError(`Date attendue AAAA, AAAA-MM ou AAAA-MM-JJ : « ${date} »`);
	const [year, month, day] = [match[1], match[2], match[3]].map((part) => (part ? Number(part) : undefined));
	if (month !== undefined && (month < 1 || month > 12)) throw new RangeError(`Mois invalide : « ${date} »`);
	if (day !== undefined && (day < 1 || day > daysInMonth(year!, month!)))
		throw new RangeError(`Jour invalide : « ${date} »`);
	return { year: year!, month, day, precision: day ? 'day' : month ? 'month' : 'year' };
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Days since 1970-01-01 (UTC) of the START of the period: `YYYY` is 1 January,
 * `YYYY-MM` the 1st of the month. Used for elapsed-time arithmetic.
 */
export function dayNumber(date: string): number {
	const { year, month = 1, day = 1 } = parseDate(date);
	return Date.UTC(year, month - 1, day) / 86_400_000;
}

/**
 * Days since 1970-01-01 (UTC) of the LAST day of the month `date` is shown as (`formatMonth`):
 * `2026-12-01` and `2026-12` → 31 December 2026; `2026` → 31 December 2026. A deadline shown as
 * « décembre 2026 » runs to the end of December.
 */
export function shownPeriodEnd(date: string): number {
	const { year, month } = parseDate(date);
	const last = month ?? 12;
	return Date.UTC(year, last - 1, daysInMonth(year, last)) / 86_400_000;
}

const isBlank = (date: Maybe<string>): date is null | undefined | '' => date == null || date.trim() === '';

/** `2024-03-15` → `mars 2024`; `2024` → `2024`. */
export function formatMonth(date: Maybe<string>): string {
	if (isBlank(date)) return MISSING;
	const { year, month } = parseDate(date);
	return month ? `${MONTHS_FR[month - 1]} ${year}` : String(year);
}

/** `2024-03-15` → `15 mars 2024`; `2024-03-01` → `1er mars 2024`; less precise → `formatMonth`. */
export function formatDay(date: Maybe<string>): string {
	if (isBlank(date)) return MISSING;
	const { day } = parseDate(date);
	if (!day) return formatMonth(date);
	return `${day === 1 ? '1er' : day} ${formatMonth(date)}`;
}

/**
 * « mise à jour le 29 juin 2024 », or at the source's own precision « mise à jour en novembre 2020 »,
 * « mise à jour en 2020 ».
 */
export function formatUpdated(date: string): string {
	return `mise à jour ${formatOn(date)}`;
}

/** A date after a verb, at its own precision: « le 29 juin 2024 », « en novembre 2020 », « en 2020 ». */
export function formatOn(date: string): string {
	return parseDate(date).day ? `le ${formatDay(date)}` : `en ${formatDay(date)}`;
}

/**
 * A date at the precision the site shows: `2024` → `2024`; `2024-03` → `mars 2024`;
 * `2024-03-15` → `mars 2024` (monthly data), or `15 mars 2024` with `{ day: true }`.
 */
export function formatPeriod(date: Maybe<string>, options: { day?: boolean } = {}): string {
	return options.day ? formatDay(date) : formatMonth(date);
}

/** « de » with elision: `de mars 2022`, `d’avril 2022`, `d’août 2022`, `d’octobre 2022`. */
function fromPeriod(period: string): string {
	return /^[aeiouyàâéèêîôû]/i.test(period) ? `d’${period}` : `de ${period}`;
}

function todayString(today: Date | string): string {
	if (typeof today === 'string') return today;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

/**
 * Age of a figure: `old` when its period ended more than a year before `today` (a yearly
 * figure `2023` is old after 2024-12-31; a monthly `2023-03` after 2024-03-31), and a label
 * `donnée de mars 2022` (`donnée d’avril 2022`, `donnée de 2022`) to show next to it.
 */
export function formatAge(date: string, today: Date | string = new Date()): { old: boolean; label: string } {
	const { year, month, day } = parseDate(date);
	// Last day of the period, one year later.
	const lastMonth = month ?? 12;
	const lastDay = day ?? daysInMonth(year, lastMonth);
	const limit = Date.UTC(year + 1, lastMonth - 1, Math.min(lastDay, daysInMonth(year + 1, lastMonth))) / 86_400_000;
	return { old: dayNumber(todayString(today)) > limit, label: `donnée ${fromPeriod(formatPeriod(date))}` };
}

// ---------------------------------------------------------------- sorting and search

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** French order for names: accents and case ignored, numbers by value. Use in `.sort()`. */
export function compareFr(a: string, b: string): number {
	return collator.compare(a, b);
}

/**
 * Search key: lower case, accents and ligatures removed, spaces / hyphens / apostrophes
 * collapsed to one space. `Côte-d'Or` and `cote d’or` both give `cote d or`.
 */
export function normalizeSearch(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.replace(/[\s'’‘`´\-‐‑–—_]+/g, ' ')
		.trim();
}

/** True when `query` (normalised) occurs in `text` (normalised); an empty query matches all. */
export function matchesSearch(text: string, query: string): boolean {
	return normalizeSearch(text).includes(normalizeSearch(query));
}

/**
 * Decimals that show both sides of a revision as published, read to 12 significant digits so a
 * floating-point artefact is not taken for data: `60.82800000000001` and `60.83` → 3. At most 6.
 */
export function revisionDecimals(...values: number[]): number {
	return Math.min(6, Math.max(0, ...values.map((v) => (String(Number(v.toPrecision(12))).split('.')[1] ?? '').length)));
}
