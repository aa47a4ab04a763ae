/**
 * Releases in the official DITP open-data format, built from the project's own seed
 * (`db/seed/politiques-prioritaires/valeurs.csv`) with the official metadata and config excerpt
 * of `tests/fixtures/ditp/`. A test edits the rows to make a later release: revisions, decimal
 * artefacts, withdrawn rows.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFiles } from './tmp';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED_VALUES = join(ROOT, 'db', 'seed', 'politiques-prioritaires', 'valeurs.csv');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'ditp');
const HEADER = 'indic_id,enforce_zone_id,metric_enforce_date,maille,indic_vi,indic_va,indic_vc,indic_ta';
const MAILLE = { national: 'NAT', region: 'REG', departement: 'DEPT' } as const;

/** One value row as the official file writes it; `value` is the text of `indic_va`. */
export interface DitpRow {
	indicator: string;
	level: keyof typeof MAILLE;
	/** INSEE code as in the canonical files: FR, 84, 2A. */
	code: string;
	date: string;
	value: string;
}

/** The seed's values of the given indicators, in seed order. */
export function seedRows(indicators: string[]): DitpRow[] {
	const wanted = new Set(indicators);
	const rows: DitpRow[] = [];
	for (const line of readFileSync(SEED_VALUES, 'utf8').split('\n').slice(1)) {
		const [indicator, level, code, date, value] = line.split(',');
		if (wanted.has(indicator)) rows.push({ indicator, level: level as DitpRow['level'], code, date, value });
	}
	return rows;
}

function zone(row: DitpRow): string {
	return row.level === 'national' ? 'FRANCE' : `${row.level === 'region' ? 'R' : 'D'}${row.code}`;
}

/** Writes `dir` as an official release: `data/ind-*.csv` from the rows, metadata and config as published. */
export function writeDitpRelease(dir: string, rows: DitpRow[]): string {
	const files: Record<string, string> = {};
	for (const row of rows) {
		const name = `data/${row.indicator.toLowerCase()}.csv`;
		files[name] = (files[name] ?? HEADER + '\n') + `${row.indicator},${zone(row)},${row.date},${MAILLE[row.level]},,${row.value},,\n`;
	}
	writeFiles(dir, files);
	cpSync(join(FIXTURE, 'metadata'), join(dir, 'metadata'), { recursive: true });
	cpSync(join(FIXTURE, 'config'), join(dir, 'config'), { recursive: true });
	return dir;
}

/** The point release 1 publishes with a floating-point artefact and release 2 corrects. */
export const ARTEFACT = { indicator: 'IND-200', level: 'departement', code: '01', date: '2023-01-01', first: '60.82800000000001', revised: '60.83' } as const;
/** The second revision of release 2 (the seed says 4.3). */
export const REVISED = { indicator: 'IND-296', level: 'national', code: 'FR', date: '2022-06-01', first: '4.3', revised: '4.4' } as const;
export const RELEASE_DATES = ['2024-01-15', '2024-06-29'] as const;

const is = (row: DitpRow, p: { indicator: string; level: string; code: string; date: string }) =>
	row.indicator === p.indicator && row.level === p.level && row.code === p.code && row.date === p.date;

/**
 * Two official releases of IND-200 and IND-296 from the seed. Release 1 lacks IND-200's
 * 2024-05-01 values and carries `ARTEFACT.first`; release 2 adds those 120 values, revises
 * `ARTEFACT` and `REVISED`, and no longer carries IND-200's 2023-01-01 département values other
 * than D01 (100 withdrawn); it also carries one placeholder row (`IND-200,D90,,DEPT,,,,`).
 */
export function twoDitpReleases(dir: string): { first: string; second: string; withdrawn: DitpRow[]; added: DitpRow[] } {
	const rows = seedRows(['IND-200', 'IND-296']);
	const added = rows.filter((r) => r.indicator === 'IND-200' && r.date === '2024-05-01');
	const withdrawn = rows.filter((r) => r.indicator === 'IND-200' && r.level === 'departement' && r.date === '2023-01-01' && r.code !== '01');
	const first = rows.filter((r) => !added.includes(r)).map((r) => (is(r, ARTEFACT) ? { ...r, value: ARTEFACT.first } : r));
	const second = rows
		.filter((r) => !withdrawn.includes(r))
		.map((r) => (is(r, ARTEFACT) ? { ...r, value: ARTEFACT.revised } : is(r, REVISED) ? { ...r, value: REVISED.revised } : r));
	// A placeholder row as real releases carry thousands of: a zone with no date and no value.
	second.push({ indicator: 'IND-200', level: 'departement', code: '90', date: '', value: '' });
	return { first: writeDitpRelease(join(dir, 'livraison-1'), first), second: writeDitpRelease(join(dir, 'livraison-2'), second), withdrawn, added };
}
