/** Reading a file's rows from disk: header skipped, rows counted, syntax problems reset per pass, the file closed however the loop ends. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFile } from './read-files';

const dir = mkdtempSync(join(tmpdir(), 'barometre-read-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const openFiles = () => readdirSync('/proc/self/fd').length;

describe('loadFile rows', () => {
	const path = join(dir, 'valeurs.csv');
	writeFileSync(path, 'indicateur_id,maille,code_territoire,date,valeur\r\nA,national,FR,2024,1\r\n\r\nB,region,84,2024,"2\r\nC,national,FR');
	const loaded = loadFile(path, 'valeurs.csv');

	it('skips the header, counts the data rows and keeps their line numbers, the same on every pass', () => {
		expect(loaded.header).toEqual(['indicateur_id', 'maille', 'code_territoire', 'date', 'valeur']);
		for (let pass = 0; pass < 2; pass++) {
			expect([...loaded.rows]).toEqual([
				{ line: 2, fields: ['A', 'national', 'FR', '2024', '1'] },
				{ line: 4, fields: ['B', 'region', '84', '2024', '2\r\nC,national,FR'] }
			]);
			expect(loaded.file.rows).toBe(2);
			expect(loaded.syntaxProblems).toEqual([{ line: 4, message: 'guillemet ouvert jamais refermé' }]);
		}
	});

	it('closes the file when a loop stops early or the body throws', () => {
		const before = openFiles();
		for (const row of loaded.rows) {
			expect(row.line).toBe(2);
			break;
		}
		expect(() => {
			for (const _ of loaded.rows) throw new Error('stop');
		}).toThrow('stop');
		expect(openFiles()).toBe(before);
		expect(loaded.file.rows).toBe(1);
	});
});
