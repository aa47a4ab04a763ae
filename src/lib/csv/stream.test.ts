/** The incremental parser and decoder: a file read in chunks gives the rows of the whole text, wherever the chunks split it. */
import { describe, expect, it } from 'vitest';
import { chunkDecoder, CsvChunkParser, parseCsv, utf8Checker, type CsvProblem, type CsvRow } from './read';

/** Parses `text` pushed in the given pieces. */
function inPieces(pieces: string[]): { rows: CsvRow[]; problems: CsvProblem[] } {
	const problems: CsvProblem[] = [];
	const parser = new CsvChunkParser(',', problems);
	const rows: CsvRow[] = [];
	pieces.forEach((piece, i) => rows.push(...parser.push(piece, i === pieces.length - 1)));
	return { rows, problems };
}

const TEXT = 'a,b\r\n"x, y","il dit ""oui"""\r\n\r\n"multi\r\nligne",2\r\nz,3\r\n"",4\n"fin"';

describe('CsvChunkParser', () => {
	it('gives the same rows and line numbers for every split of the text into two and three chunks', () => {
		const whole = parseCsv(TEXT, ',');
		expect(whole.rows).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['x, y', 'il dit "oui"'] },
			{ line: 4, fields: ['multi\r\nligne', '2'] },
			{ line: 6, fields: ['z', '3'] },
			{ line: 7, fields: ['', '4'] },
			{ line: 8, fields: ['fin'] }
		]);
		for (let i = 0; i <= TEXT.length; i++) {
			expect(inPieces([TEXT.slice(0, i), TEXT.slice(i)])).toEqual({ rows: whole.rows, problems: [] });
			for (let j = i; j <= TEXT.length; j += 3) {
				expect(inPieces([TEXT.slice(0, i), TEXT.slice(i, j), TEXT.slice(j)]).rows).toEqual(whole.rows);
			}
		}
	});

	it('reads unquoted lines around quoted ones alike, keeps a CR inside a line and drops one before the line end', () => {
		const text = 'a,b\rc\n"q"\nd,e\r\n\r\nf,"g\nh"\ni,j\r';
		const expected = [
			{ line: 1, fields: ['a', 'b\rc'] },
			{ line: 2, fields: ['q'] },
			{ line: 3, fields: ['d', 'e'] },
			{ line: 5, fields: ['f', 'g\nh'] },
			{ line: 7, fields: ['i', 'j'] }
		];
		for (let i = 0; i <= text.length; i++) expect(inPieces([text.slice(0, i), text.slice(i)])).toEqual({ rows: expected, problems: [] });
	});

	it('keeps a doubled quote split between two chunks as one quote', () => {
		expect(inPieces(['k,"a"', '"b"\n']).rows).toEqual([{ line: 1, fields: ['k', 'a"b'] }]);
	});

	it('does not leave a CR when CRLF is split between chunks', () => {
		expect(inPieces(['a,b\r', '\nc,d\r', '\n']).rows).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['c', 'd'] }
		]);
		expect(inPieces(['a,"b"\r', '\nc,d']).rows).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['c', 'd'] }
		]);
	});

	it('reports a quote never closed once, at the end, on the line where its row starts', () => {
		expect(inPieces(['a,b\n"x,1\n', 'y,2\n', ''])).toEqual({
			rows: [
				{ line: 1, fields: ['a', 'b'] },
				{ line: 2, fields: ['x,1\ny,2\n'] }
			],
			problems: [{ line: 2, message: 'guillemet ouvert jamais refermé' }]
		});
	});
});

describe('chunkDecoder', () => {
	const decodeAll = (encoding: 'utf-8' | 'windows-1252', bytes: number[], at: number[]) => {
		const decode = chunkDecoder(encoding);
		const cuts = [0, ...at, bytes.length];
		return cuts
			.slice(1)
			.map((end, i) => decode(new Uint8Array(bytes.slice(cuts[i], end)), i === cuts.length - 2))
			.join('');
	};
	// "é,€\n" in UTF-8 with a BOM: every split point, inside the BOM and inside each character.
	const utf8 = [0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0x2c, 0xe2, 0x82, 0xac, 0x0a];
	it('drops a UTF-8 BOM and completes characters split between chunks', () => {
		for (let i = 0; i <= utf8.length; i++) {
			expect(decodeAll('utf-8', utf8, [i])).toBe('é,€\n');
			for (let j = i; j <= utf8.length; j++) expect(decodeAll('utf-8', utf8, [i, j])).toBe('é,€\n');
		}
	});
	it('decodes Windows-1252 chunk by chunk, with the characters of 0x80–0x9F', () => {
		// "Corrèze € œ’" as a French spreadsheet saves it.
		const cp1252 = [0x43, 0x6f, 0x72, 0x72, 0xe8, 0x7a, 0x65, 0x20, 0x80, 0x20, 0x9c, 0x92];
		for (let i = 0; i <= cp1252.length; i++) expect(decodeAll('windows-1252', cp1252, [i])).toBe('Corrèze € œ’');
		expect(decodeAll('windows-1252', [0xef, 0xbb, 0xbf, 0xe8, 0x80], [4])).toBe('è€');
	});
});

describe('utf8Checker', () => {
	const check = (bytes: number[], at: number[]) => {
		const push = utf8Checker();
		const cuts = [0, ...at, bytes.length];
		let ok = true;
		for (let i = 1; i < cuts.length; i++) ok = push(new Uint8Array(bytes.slice(cuts[i - 1], cuts[i])), i === cuts.length - 1);
		return ok;
	};
	it('accepts UTF-8 cut anywhere, even inside a character', () => {
		const bytes = [0xc3, 0xa9, 0x2c, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x0a];
		for (let i = 0; i <= bytes.length; i++) for (let j = i; j <= bytes.length; j++) expect(check(bytes, [i, j])).toBe(true);
	});
	it('keeps the cut character when the caller reuses its read buffer (as the import does)', () => {
		const bytes = Buffer.from('aujourd’hui, démarche — « é »\n'.repeat(50));
		for (const size of [7, 64, 1000]) {
			const push = utf8Checker();
			const buffer = Buffer.alloc(size); // one buffer, refilled at each read
			let ok = true;
			for (let at = 0; at < bytes.length; at += size) {
				const n = bytes.copy(buffer, 0, at, Math.min(at + size, bytes.length));
				ok = push(buffer.subarray(0, n), at + size >= bytes.length);
			}
			expect(ok, `chunks of ${size}`).toBe(true);
		}
	});
	it('refuses Windows-1252 bytes and a character left unfinished at the end', () => {
		expect(check([0x43, 0x6f, 0x72, 0x72, 0xe8, 0x7a, 0x65], [3])).toBe(false);
		expect(check([0x61, 0xe2, 0x82], [2])).toBe(false);
	});
});
