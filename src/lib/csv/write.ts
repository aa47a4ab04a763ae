/** RFC 4180 CSV writing: comma separator, LF line ends, quotes only where needed. */

export type CsvCell = string | number | null | undefined;

/** Quote a cell when it holds a separator, a quote or a line break. */
export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'number' ? formatCsvNumber(value) : value;
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

export function csvLine(cells: readonly CsvCell[]): string {
	return cells.map(csvCell).join(',') + '\n';
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
	let out = csvLine(header);
	for (const row of rows) out += csvLine(row);
	return out;
}
