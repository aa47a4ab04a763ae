/** Shapes shared by the steps of an import: read → parse → validate → diff → apply. */
import type { Level } from './territories';

/** One problem in an input, reported as `file:line:column: what — fix`. */
export interface Problem {
	file: string;
	line: number;
	column: number;
	message: string;
	fix: string;
}

export type Direction = 'hausse' | 'baisse' | 'neutre';

export interface IndicatorDraft {
	code: string;
	familyId: string;
	familyName: string | null;
	themeId: string | null;
	themeName: string | null;
	policyId: string;
	policyName: string | null;
	axis: string | null;
	name: string;
	description: string | null;
	unit: string;
	unitLabel: string | null;
	direction: Direction;
	cumulative: boolean;
	frequency: string | null;
	producer: string;
	licence: string;
	sourceUrl: string | null;
	sourceUpdatedAt: string | null;
	sourceIds: string | null;
	note: string | null;
	sortOrder: number;
	/** Fields the file does not carry: an indicator already in the store keeps its stored ones (see keepStored). */
	absent?: IndicatorField[];
}

/** The optional descriptive fields of an indicator, which a partial metadata file may leave out. */
export type IndicatorField =
	| 'familyName'
	| 'themeId'
	| 'themeName'
	| 'policyName'
	| 'axis'
	| 'description'
	| 'unit'
	| 'unitLabel'
	| 'direction'
	| 'cumulative'
	| 'frequency'
	| 'sourceUrl'
	| 'sourceUpdatedAt'
	| 'sourceIds'
	| 'note'
	| 'sortOrder';

export interface SourceDraft {
	id: string;
	producer: string;
	title: string;
	url: string | null;
	licence: string;
	updatedAt: string | null;
	note: string | null;
	/** Fields the file does not carry (kept from the store). */
	absent?: ('url' | 'updatedAt' | 'note')[];
}

/** Where a row came from, for errors and per-file counts. */
export interface Origin {
	file: number;
	line: number;
}

/** One dated value. Kept small: a release may hold millions. */
export interface ValueDraft extends Origin {
	/** Interned indicator id, and territory × date as one small integer (see pointKey): duplicate checks. */
	indicatorKey: number;
	key: number;
	indicator: string;
	territory: string;
	date: string;
	value: number;
	/** undefined: the file has no such column, and the stored annotation is kept. */
	qualifier: string | null | undefined;
	sourceId: string | null | undefined;
	note: string | null | undefined;
}

export interface TargetDraft extends Origin {
	indicator: string;
	territory: string;
	kind: 'initiale' | 'cible';
	date: string;
	value: number;
	qualifier: string | null | undefined;
	sourceId: string | null | undefined;
	note: string | null | undefined;
}

export interface RateDraft extends Origin {
	indicator: string;
	territory: string;
	date: string;
	rate: number;
}

export interface EntityDraft extends Origin {
	id: string;
	kind: string;
	name: string;
	territory: string | null;
	date: string | null;
	attributes: string;
	sourceIds: string | null;
}

export type FileKind =
	| 'valeurs'
	| 'cibles'
	| 'indicateurs'
	| 'sources'
	| 'entites'
	| 'avancements'
	| 'ditp-valeurs'
	| 'ditp-indicateurs'
	| 'ditp-chantiers'
	| 'ditp-engagements'
	| 'ditp-config';

export interface InputFile {
	/** Path as given on the command line (or relative to a given folder). */
	display: string;
	path: string;
	sha256: string;
	bytes: number;
	kind: FileKind | null;
	format: 'canonique' | 'ditp' | null;
	encoding?: string;
	separator?: string;
	rows: number;
}

/** Everything a release brings, parsed and validated, before it touches the store. */
export interface ReleaseDraft {
	files: InputFile[];
	indicators: Map<string, IndicatorDraft & Origin>;
	sources: Map<string, SourceDraft & Origin>;
	values: ValueDraft[];
	targets: TargetDraft[];
	rates: RateDraft[];
	entities: EntityDraft[];
	problems: Problem[];
	/** Printed, never blocking (e.g. unknown columns of the official format, which are ignored). */
	warnings: Problem[];
	/** Problems beyond the cap are counted, not kept. */
	problemCount: number;
	/** Small integer ids of indicators, territories and dates met in the release (see pointKey). */
	interned: { indicators: Map<string, number>; territories: Map<string, number>; dates: Map<string, number> };
	/** Per file: 1-based columns of the indicator, territory and source fields, for cross-check errors. */
	columns: { indicator: number; territory: number; source: number }[];
	/** Rows rejected (one or more problems) per file index. */
	rejectedByFile: number[];
	/** Rows that carry no measurement (DITP placeholder rows), skipped, per file index. */
	skippedByFile: number[];
}

export const MAX_PROBLEMS = 100;

export function internId(map: Map<string, number>, text: string): number {
	let id = map.get(text);
	if (id === undefined) map.set(text, (id = map.size));
	return id;
}

/**
 * territory × 2^16 + date: stays a small integer (V8 Smi) so that a Map of a million keys is fast;
 * the indicator is the first level of the lookup. Up to 2^14 territories and 2^16 dates.
 */
export function pointKey(territoryId: number, dateId: number): number {
	return territoryId * 65536 + dateId;
}

export function draftPointKey(draft: ReleaseDraft, indicator: string, territory: string, date: string): { indicatorKey: number; key: number } {
	const { indicators, territories, dates } = draft.interned;
	return { indicatorKey: internId(indicators, indicator), key: pointKey(internId(territories, territory), internId(dates, date)) };
}

export function addProblem(draft: ReleaseDraft, fileIndex: number, p: Omit<Problem, 'file'>): void {
	draft.problemCount++;
	if (draft.problems.length < MAX_PROBLEMS) draft.problems.push({ file: draft.files[fileIndex].display, ...p });
}

export function addWarning(draft: ReleaseDraft, fileIndex: number, p: Omit<Problem, 'file'>): void {
	if (draft.warnings.length < MAX_PROBLEMS) draft.warnings.push({ file: draft.files[fileIndex].display, ...p });
}

export type { Level };
