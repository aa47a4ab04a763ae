/** Parsing of numbers and dates as they appear in real release files. */

/**
 * Accepts `1234.5`, `1234,5` (decimal comma), `1 234,5` (space or no-break space thousands),
 * a leading `+` or `-`/`−`. Returns null with a reason when the text is not one number.
 */
export function parseNumber(raw: string): { value: number } | { error: string } {
	let text = raw.trim();
	if (text === '') return { error: 'valeur vide' };
	text = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
	const hasComma = text.includes(',');
	if (hasComma) {
		if (text.includes('.') || text.indexOf(',') !== text.lastIndexOf(',')) {
			return { error: `« ${raw} » mêle virgule et point` };
		}
		text = text.replace(',', '.');
	}
	if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return { error: `« ${raw} » n'est pas un nombre` };
	const value = Number(text);
	if (!Number.isFinite(value)) return { error: `« ${raw} » n'est pas un nombre fini` };
	return { value };
}

const DATE_RE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/**
 * `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (zero-padded on output, precision kept: no day is invented).
 * ISO timestamps (`2024-05-01T00:00:00Z`) keep their date part.
 */
export function parseDate(raw: string): { date: string } | { error: string } {
	let text = raw.trim();
	const t = text.indexOf('T');
	if (t === 10) text = text.slice(0, 10);
	const m = DATE_RE.exec(text);
	if (!m) return { error: `« ${raw} » n'est pas une date AAAA, AAAA-MM ou AAAA-MM-JJ` };
	const year = Number(m[1]);
	if (year < 1900 || year > 2100) return { error: `année ${year} hors de 1900–2100` };
	if (m[2] === undefined) return { date: m[1] };
	const month = Number(m[2]);
	if (month < 1 || month > 12) return { error: `mois ${m[2]} invalide dans « ${raw} »` };
	const mm = String(month).padStart(2, '0');
	if (m[3] === undefined) return { date: `${m[1]}-${mm}` };
	const day = Number(m[3]);
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day < 1 || day > daysInMonth) return { error: `jour ${m[3]} invalide dans « ${raw} »` };
	return { date: `${m[1]}-${mm}-${String(day).padStart(2, '0')}` };
}
