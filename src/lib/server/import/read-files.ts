/**
 * Turns the command's arguments into the list of files of a release: a folder in the official DITP
 * layout (`data/ind-*.csv`, `metadata/`, `config/config-viz.yml`) or any files and folders of CSVs.
 * Each file is read once, checksummed, decoded and classified by its header.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { csvRows, decodeBytes, detectSeparator, firstLine, type CsvProblem, type CsvRow } from '../../csv/read';
import type { FileKind, InputFile } from './types';

export interface LoadedFile {
	file: InputFile;
	header: string[];
	/** Data rows, parsed while iterated (a million rows never sit in memory at once); counts file.rows. */
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

export function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
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

export function loadFile(path: string, display: string): LoadedFile {
	const bytes = readFileSync(path);
	const file: InputFile = { display, path, sha256: sha256(bytes), bytes: bytes.length, kind: null, format: null, rows: 0 };
	const unreadable = unreadableAs(bytes);
	if (unreadable) {
		file.encoding = unreadable;
		return { file, header: [], rows: [], syntaxProblems: [], text: '', unreadable };
	}
	const decoded = decodeBytes(bytes);
	file.encoding = decoded.encoding + (decoded.hadBom ? ' (BOM)' : '');
	if (basename(path) === 'config-viz.yml') {
		file.kind = 'ditp-config';
		file.format = 'ditp';
		return { file, header: [], rows: [], syntaxProblems: [], text: decoded.text };
	}
	const text = decoded.text;
	const separator = detectSeparator(firstLine(text));
	file.separator = separator;
	const syntaxProblems: CsvProblem[] = [];
	const headerRow = csvRows(text, separator, syntaxProblems).next().value as CsvRow | undefined;
	const header = (headerRow?.fields ?? []).map((h) => h.trim().toLowerCase());
	const kind = headerRow ? classifyHeader(header) : null;
	if (kind) Object.assign(file, kind);
	const rows: Iterable<CsvRow> = {
		*[Symbol.iterator]() {
			syntaxProblems.length = 0;
			file.rows = 0;
			const all = csvRows(text, separator, syntaxProblems);
			all.next(); // header
			for (const row of all) {
				file.rows++;
				yield row;
			}
		}
	};
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
