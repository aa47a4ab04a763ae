/**
 * The one CSV writer (RFC 4180: comma separator, LF line ends, quotes only where needed), for every
 * download and file the project writes.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@` (or tab, CR) as a
 * formula. Text cells (JS strings) that start that way get a leading `'`; numbers are never touched
 * (-3 stays -3). The import removes that guard, so a download still imports back unchanged. Only the
 * canonical files written for the importer itself (seed, `npm run export`) ask for `raw`.
 */

export type CsvCell = string | number | null | undefined;
export interface CsvOptions {
	/** Write text cells as they are (files for the importer, never a download). */
	raw?: boolean;
}

export const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** `=1+2` → `'=1+2`; other cells as they are. */
export function neutralise<T>(cell: T): T | string {
	return typeof cell === 'string' && FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell;
}

/** Neutralises text, then quotes a cell when it holds a separator, a quote or a line break. */
export function csvCell(value: CsvCell, { raw = false }: CsvOptions = {}): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'number' ? formatCsvNumber(value) : raw ? value : (neutralise(value) as string);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Plain decimal notation, never exponent notation (what pandas, R and spreadsheets read). */
export function formatCsvNumber(value: number): string {
	if (!Number.isFinite(value)) return '';
	const text = String(value);
	if (!/e/i.test(text)) return text;
	// Large or tiny magnitudes: expand without losing the shortest round-trip digits.
	return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

export function csvLine(cells: readonly CsvCell[], options: CsvOptions = {}): string {
	return cells.map((cell) => csvCell(cell, options)).join(',') + '\n';
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, options: CsvOptions = {}): string {
	let out = csvLine(header, options);
	for (const row of rows) out += csvLine(row, options);
	return out;
}
