/** Dev-time helper: read a tidy source CSV into objects keyed by header. */
import { readFileSync } from 'node:fs';
import { decodeBytes, parseCsv } from '../../src/lib/csv/read';

export function readCsvObjects(path: string): Record<string, string>[] {
	const { rows } = parseCsv(decodeBytes(readFileSync(path)).text);
	const [header, ...data] = rows;
	return data.map((r) => Object.fromEntries(header.fields.map((h, i) => [h.trim(), r.fields[i] ?? ''])));
}
