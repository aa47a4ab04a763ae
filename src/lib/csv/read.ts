import { isUtf8 } from 'node:buffer';

/**
 * CSV reading that accepts what real files look like: UTF-8 with or without BOM or Windows-1252,
 * `,` `;` or tab separators, CRLF, quoted fields (with separators and line breaks inside).
 * Rows come with their 1-based line number so that errors can point at them.
 */

export type Encoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
	text: string;
	encoding: Encoding;
	hadBom: boolean;
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what French spreadsheets save). */
export function decodeBytes(bytes: Uint8Array): DecodedText {
	const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = hadBom ? bytes.subarray(3) : bytes;
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', hadBom };
	} catch {
		return { text: decodeWindows1252(body), encoding: 'windows-1252', hadBom };
	}
}

// Node's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control characters: map them (€, œ, ’…).
const CP1252_HIGH =
	'\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
	'\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/**
 * Decodes a file read chunk by chunk in an encoding chosen beforehand (see isUtf8Text): a UTF-8
 * character split between two chunks is completed by the next one; a UTF-8 BOM is dropped.
 */
export function chunkDecoder(encoding: Encoding): (bytes: Uint8Array, final: boolean) => string {
	if (encoding === 'windows-1252') {
		let first = true;
		return (bytes) => {
			// A BOM before bytes that are not UTF-8 is dropped too, as decodeBytes does.
			if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
			first = false;
			return decodeWindows1252(bytes);
		};
	}
	const decoder = new TextDecoder('utf-8');
	return (bytes, final) => decoder.decode(bytes, { stream: !final });
}

/**
 * Tells whether bytes read chunk by chunk are valid UTF-8, without decoding them: a character
 * cut by the end of a chunk is checked with the next one. `push` returns false from the first
 * invalid byte on.
 */
export function utf8Checker(): (bytes: Uint8Array, final: boolean) => boolean {
	let carry = new Uint8Array(0);
	let ok = true;
	return (bytes, final) => {
		if (!ok) return false;
		const data = carry.length ? Buffer.concat([carry, bytes]) : bytes;
		let cut = data.length;
		if (!final) {
			for (let i = data.length - 1; i >= Math.max(0, data.length - 3); i--) {
				const b = data[i];
				if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
				const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
				if (i + length > data.length) cut = i;
				break;
			}
		}
		// A copy: the caller reuses its buffer (and Buffer#slice, unlike Uint8Array#slice, is a view).
		carry = new Uint8Array(data.subarray(cut));
		ok = isUtf8(data.subarray(0, cut)) && !(final && carry.length > 0);
		return ok;
	};
}

export type Separator = ',' | ';' | '\t';

/** The separator is the candidate that appears most often, outside quotes, in the header line. */
export function detectSeparator(headerLine: string): Separator {
	const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
	let inQuotes = false;
	for (const ch of headerLine) {
		if (ch === '"') inQuotes = !inQuotes;
		else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
	}
	let best: Separator = ',';
	for (const sep of [';', '\t'] as const) if (counts[sep] > counts[best]) best = sep;
	return best;
}

export interface CsvRow {
	/** 1-based line number where the row starts. */
	line: number;
	fields: string[];
}

export interface CsvProblem {
	line: number;
	message: string;
}

/**
 * Parses the whole text (small files). Large files are read in chunks through CsvChunkParser.
 */
export function parseCsv(text: string, separator?: Separator): { rows: CsvRow[]; separator: Separator; problems: CsvProblem[] } {
	const sep = separator ?? detectSeparator(firstLine(text));
	const problems: CsvProblem[] = [];
	return { rows: [...csvRows(text, sep, problems)], separator: sep, problems };
}

export function firstLine(text: string): string {
	const end = text.indexOf('\n');
	return end === -1 ? text : text.slice(0, end);
}

/** Yields the rows of a whole text (one chunk: see CsvChunkParser for text read piece by piece). */
export function* csvRows(text: string, sep: Separator, problems: CsvProblem[]): Generator<CsvRow> {
	yield* new CsvChunkParser(sep, problems).push(text, true);
}

/**
 * Incremental CSV parser: text comes in chunks (a file read piece by piece, so that a release of
 * millions of rows is never held whole), and a row may straddle two chunks anywhere, inside a
 * quoted field or between the CR and LF of a line end. `push` returns the rows complete so far and
 * keeps the unfinished rest for the next chunk; the last chunk is pushed with `final`.
 * Unquoted lines take a fast path (a plain split); quoted fields may hold separators, doubled
 * quotes and line breaks. Blank lines are skipped; line numbers are 1-based and count every line.
 */
export class CsvChunkParser {
	/** Text not parsed yet: always starts at the beginning of a row. */
	private rest = '';
	/** Line number of the first line of `rest`. */
	private line = 1;

	constructor(
		private readonly sep: Separator,
		private readonly problems: CsvProblem[]
	) {}

	push(chunk: string, final = false): CsvRow[] {
		const text = this.rest + chunk;
		const rows: CsvRow[] = [];
		const sep = this.sep;
		const length = text.length;
		let pos = 0;
		let line = this.line;
		// Position of the next quote at or after `pos` (-1: none in the rest of the text), searched
		// again only once passed: one scan of the text, not one per line.
		let quote = text.indexOf('"');
		while (pos < length) {
			let end = text.indexOf('\n', pos);
			if (end === -1) {
				if (!final) break;
				end = length;
			}
			if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
			// The line without its line end (one CR before the LF, as Windows writes it).
			const stop = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
			if (quote === -1 || quote >= stop) {
				if (stop > pos) rows.push({ line, fields: text.slice(pos, stop).split(sep) });
				pos = end + 1;
				line++;
				continue;
			}
			// Quoted: parse character by character, possibly across line breaks.
			const startLine = line;
			const fields: string[] = [];
			let field = '';
			let i = pos;
			let inQuotes = false;
			let complete = false;
			for (; i < length; i++) {
				const ch = text.charCodeAt(i);
				if (inQuotes) {
					if (ch === 34 /* " */) {
						if (i + 1 === length && !final) break; // a doubled quote may continue in the next chunk
						if (text.charCodeAt(i + 1) === 34) {
							field += '"';
							i++;
						} else inQuotes = false;
					} else {
						if (ch === 10) line++;
						field += text[i];
					}
				} else if (ch === 34) {
					inQuotes = true;
				} else if (text[i] === sep) {
					fields.push(field);
					field = '';
				} else if (ch === 10) {
					complete = true;
					break;
				} else if (ch !== 13) {
					field += text[i];
				}
			}
			if (!complete && !final) {
				// The row goes on in the next chunk: parse it again from its start then.
				line = startLine;
				break;
			}
			if (inQuotes) this.problems.push({ line: startLine, message: 'guillemet ouvert jamais refermé' });
			fields.push(field);
			rows.push({ line: startLine, fields });
			pos = i + 1;
			line++;
		}
		this.rest = pos < length ? text.slice(pos) : '';
		this.line = line;
		return rows;
	}
}
