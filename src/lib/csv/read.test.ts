import { describe, expect, it } from 'vitest';
import { decodeBytes, detectSeparator, parseCsv } from './read';

describe('decodeBytes', () => {
	it('strips a UTF-8 BOM', () => {
		const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9]));
		expect(d).toEqual({ text: 'aé', encoding: 'utf-8', hadBom: true });
	});
	it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
		// "Corrèze" and "€" as saved by a French spreadsheet.
		const d = decodeBytes(new Uint8Array([0x43, 0x6f, 0x72, 0x72, 0xe8, 0x7a, 0x65, 0x20, 0x80]));
		expect(d.text).toBe('Corrèze €');
		expect(d.encoding).toBe('windows-1252');
	});
});

describe('parseCsv', () => {
	it('detects the separator from the header', () => {
		expect(detectSeparator('a;b;"c,d"')).toBe(';');
		expect(detectSeparator('a,b,c')).toBe(',');
		expect(detectSeparator('a\tb')).toBe('\t');
	});
	it('reads quoted fields with separators, doubled quotes and line breaks, and keeps line numbers', () => {
		const { rows } = parseCsv('a,b\r\n"x, y","il dit ""oui"""\r\n\r\n"multi\nligne",2\r\nz,3\r\n');
		expect(rows).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['x, y', 'il dit "oui"'] },
			{ line: 4, fields: ['multi\nligne', '2'] },
			{ line: 6, fields: ['z', '3'] }
		]);
	});
	it('reports an unclosed quote', () => {
		expect(parseCsv('a,b\n"x,1\n').problems).toEqual([{ line: 2, message: 'guillemet ouvert jamais refermé' }]);
	});
});
