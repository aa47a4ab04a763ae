/**
 * Turns the command's arguments into the list of files of a release: a folder in the official DITP
 * layout (`data/ind-*.csv`, `metadata/`, `config/config-viz.yml`) or any files and folders of CSVs.
 * A file is never held whole: it is first read through once in chunks (checksum, encoding), then
 * its rows are parsed from disk chunk by chunk each time they are iterated.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { chunkDecoder, CsvChunkParser, utf8Checker, decodeBytes, detectSeparator, firstLine, type CsvProblem, type CsvRow, type Encoding, type Separator } from '../../csv/read';
import type { FileKind, InputFile } from './types';

export interface LoadedFile {
	file: InputFile;
	header: string[];
	/** Data rows, read from disk and parsed while iterated (a file never sits in memory whole); counts file.rows. */
	rows: Iterable<CsvRow>;
	/** CSV syntax problems met while iterating (unclosed quotes). */
	syntaxProblems: CsvProblem[];
	/** Raw text, for YAML files. */
	text: string;
	/** Set when the bytes are not text the import reads (UTF-16, a spreadsheet): what they are. */
	unreadable?: string;
}

/** Encodings and formats that decode into garbage as UTF-8 or Windows-1252: named, not guessed. */
function unreadableAs(bytes: Uint8Array): string | null {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes[2] === 0 && bytes[3] === 0 ? 'UTF-32 (LE)' : 'UTF-16 (LE)';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 (BE)';
	if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'UTF-32 (BE)';
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'XLSX';
	// Without a BOM: UTF-16 text puts a NUL beside nearly every ASCII character.
	const sample = bytes.subarray(0, 4096);
	let evenNul = 0;
	let oddNul = 0;
	for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenNul++ : oddNul++);
	const half = sample.length / 2;
	if (half >= 4 && oddNul > half * 0.6) return 'UTF-16 (LE)';
	if (half >= 4 && evenNul > half * 0.6) return 'UTF-16 (BE)';
	if (evenNul + oddNul > 0) return 'binaire';
	return null;
}

const DITP_DATA_HEADER = ['indic_id', 'enforce_zone_id', 'metric_enforce_date', 'maille', 'indic_vi', 'indic_va', 'indic_vc', 'indic_ta'];

/** Expand arguments into file paths, in a stable order (metadata before data). */
export function expandInputs(args: string[]): { paths: { path: string; display: string }[]; missing: string[] } {
	const paths: { path: string; display: string }[] = [];
	const missing: string[] = [];
	for (const arg of args) {
		if (!existsSync(arg)) {
			missing.push(arg);
			continue;
		}
		if (!statSync(arg).isDirectory()) {
			paths.push({ path: arg, display: arg });
			continue;
		}
		for (const path of walk(arg)) paths.push({ path, display: join(arg, relative(arg, path)) });
	}
	return { paths, missing };
}

function walk(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...walk(path));
		else if (/\.csv$/i.test(entry.name) || entry.name === 'config-viz.yml') out.push(path);
	}
	return out;
}

/** Known canonical kinds by a column only they have (required columns are checked later). */
function classifyHeader(header: string[]): { kind: FileKind; format: 'canonique' | 'ditp' } | null {
	const has = (c: string) => header.includes(c);
	if (DITP_DATA_HEADER.every(has)) return { kind: 'ditp-valeurs', format: 'ditp' };
	if (has('indic_id') && has('indic_parent_ch')) return { kind: 'ditp-indicateurs', format: 'ditp' };
	if (has('chantier_id') && has('ch_nom')) return { kind: 'ditp-chantiers', format: 'ditp' };
	if (has('engagement_id') && has('engagement_short')) return { kind: 'ditp-engagements', format: 'ditp' };
	if (has('entite_id')) return { kind: 'entites', format: 'canonique' };
	if (has('famille_id') || (has('indicateur_id') && has('sens'))) return { kind: 'indicateurs', format: 'canonique' };
	if (has('indicateur_id') && has('taux')) return { kind: 'avancements', format: 'canonique' };
	if (has('indicateur_id') && has('type')) return { kind: 'cibles', format: 'canonique' };
	if (has('indicateur_id')) return { kind: 'valeurs', format: 'canonique' };
	if (has('source_id') && has('producteur')) return { kind: 'sources', format: 'canonique' };
	return null;
}

/** Bytes read at a time: enough that per-chunk costs vanish, few enough rows (~1,600) that they die young (less GC work, −55 MB peak). */
const CHUNK = 1 << 16;

/** Reads the file through once: checksum, size, and whether it is valid UTF-8. */
function sniff(path: string): { sha256: string; bytes: number; head: Uint8Array; utf8: boolean; bom: boolean } {
	const fd = openSync(path, 'r');
	try {
		const hash = createHash('sha256');
		const check = utf8Checker();
		let utf8 = true;
		let bytes = 0;
		let head: Uint8Array | null = null;
		const buf = Buffer.allocUnsafe(CHUNK);
		for (;;) {
			const n = readSync(fd, buf, 0, CHUNK, null);
			const chunk = buf.subarray(0, n);
			head ??= Uint8Array.from(chunk.subarray(0, 4096));
			hash.update(chunk);
			bytes += n;
			if (utf8) utf8 = check(chunk, n === 0);
			if (n === 0) break;
		}
		const bom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
		return { sha256: hash.digest('hex'), bytes, head, utf8, bom };
	} finally {
		closeSync(fd);
	}
}

/**
 * Every row of a CSV file, read and decoded one chunk at a time. With `data`, the header row is
 * skipped and the data rows are counted in `data.rows` (both reset when iteration starts, as are
 * `problems`). An iterator written out rather than a generator: a million rows cost a million
 * generator resumptions and result objects less (the result object is reused, as for…of allows).
 * The file is opened at the first `next()` and closed at its end, on `return()` (a loop left
 * early) or when reading fails.
 */
function streamRows(path: string, encoding: Encoding, separator: Separator, problems: CsvProblem[], data: InputFile | null = null): IterableIterator<CsvRow> {
	let fd: number | null = null;
	let finished = false;
	let buf: Buffer;
	let decode: (bytes: Uint8Array, final: boolean) => string;
	let parser: CsvChunkParser;
	let rows: CsvRow[] = [];
	let at = 0;
	let skip = data !== null;
	const result = { value: undefined as CsvRow | undefined, done: false } as IteratorResult<CsvRow>;
	const close = () => {
		finished = true;
		if (fd !== null) closeSync(fd);
		fd = null;
	};
	return {
		[Symbol.iterator]() {
			return this;
		},
		next() {
			for (;;) {
				while (at === rows.length) {
					if (finished) {
						result.done = true;
						result.value = undefined;
						return result;
					}
					try {
						if (fd === null) {
							fd = openSync(path, 'r');
							buf = Buffer.allocUnsafe(CHUNK);
							decode = chunkDecoder(encoding);
							parser = new CsvChunkParser(separator, problems);
							if (data) {
								problems.length = 0;
								data.rows = 0;
							}
						}
						const n = readSync(fd, buf, 0, CHUNK, null);
						rows = parser.push(decode(buf.subarray(0, n), n === 0), n === 0);
						if (n === 0) close();
					} catch (error) {
						close();
						throw error;
					}
					at = 0;
				}
				const row = rows[at++];
				if (skip) {
					skip = false; // the header
					continue;
				}
				if (data) data.rows++;
				result.value = row;
				return result;
			}
		},
		return() {
			close();
			result.done = true;
			result.value = undefined;
			return result;
		}
	};
}

export function loadFile(path: string, display: string): LoadedFile {
	const sniffed = sniff(path);
	const file: InputFile = { display, path, sha256: sniffed.sha256, bytes: sniffed.bytes, kind: null, format: null, rows: 0 };
	const unreadable = unreadableAs(sniffed.head);
	if (unreadable) {
		file.encoding = unreadable;
		return { file, header: [], rows: [], syntaxProblems: [], text: '', unreadable };
	}
	const encoding: Encoding = sniffed.utf8 ? 'utf-8' : 'windows-1252';
	file.encoding = encoding + (sniffed.bom ? ' (BOM)' : '');
	if (basename(path) === 'config-viz.yml') {
		file.kind = 'ditp-config';
		file.format = 'ditp';
		return { file, header: [], rows: [], syntaxProblems: [], text: decodeBytes(readFileSync(path)).text };
	}
	const separator = detectSeparator(firstLine(chunkDecoder(encoding)(sniffed.head, false)));
	file.separator = separator;
	const syntaxProblems: CsvProblem[] = [];
	let headerRow: CsvRow | undefined;
	for (const row of streamRows(path, encoding, separator, [])) {
		headerRow = row;
		break;
	}
	const header = (headerRow?.fields ?? []).map((h) => h.trim().toLowerCase());
	const kind = headerRow ? classifyHeader(header) : null;
	if (kind) Object.assign(file, kind);
	const rows: Iterable<CsvRow> = { [Symbol.iterator]: () => streamRows(path, encoding, separator, syntaxProblems, file) };
	return { file, header, rows, syntaxProblems, text: '' };
}

/** Metadata first, so that data rows can be checked against the indicators they introduce. */
const KIND_ORDER: Record<FileKind, number> = {
	sources: 0,
	'ditp-engagements': 1,
	'ditp-chantiers': 2,
	'ditp-config': 3,
	'ditp-indicateurs': 4,
	indicateurs: 5,
	entites: 6,
	cibles: 7,
	avancements: 8,
	valeurs: 9,
	'ditp-valeurs': 10
};

export function sortByKind(files: LoadedFile[]): LoadedFile[] {
	return [...files].sort((a, b) => (KIND_ORDER[a.file.kind!] ?? 99) - (KIND_ORDER[b.file.kind!] ?? 99));
}
