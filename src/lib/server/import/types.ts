/** Shapes shared by the steps of an import: read → parse → validate → diff → apply. */
import type { ReleaseValues } from './release-values';
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
	/** `licence_id`: one of LICENCE_IDS (src/lib/source-text.ts); null when the file leaves it empty. */
	licenceId: string | null;
	/** `licence_verifiee`: oui → true, non → false, empty → null. */
	licenceVerified: boolean | null;
	updatedAt: string | null;
	note: string | null;
	/** Fields the file does not carry (kept from the store). */
	absent?: ('url' | 'licenceId' | 'licenceVerified' | 'updatedAt' | 'note')[];
}

/** Where a row came from, for errors and per-file counts. */
export interface Origin {
	file: number;
	line: number;
}

export type TargetKind = 'initiale' | 'cible';

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
	/** Dated values: checked as they are read and kept on disk (release-values.ts), not as objects. */
	values: ReleaseValues;
	/** Baselines and targets (one ReleaseValues per kind) and published rates, kept like the values. */
	targets: Record<TargetKind, ReleaseValues>;
	rates: ReleaseValues;
	entities: EntityDraft[];
	problems: Problem[];
	/** Printed, never blocking (e.g. unknown columns of the official format, which are ignored). */
	warnings: Problem[];
	/** Problems beyond the cap are counted, not kept. */
	problemCount: number;
	/** Per file: 1-based columns of the indicator, territory and source fields, for cross-check errors. */
	columns: { indicator: number; territory: number; source: number }[];
	/** Rows rejected (one or more problems) per file index. */
	rejectedByFile: number[];
	/** Rows that carry no measurement (DITP placeholder rows), skipped, per file index. */
	skippedByFile: number[];
}

export const MAX_PROBLEMS = 100;

export function addProblem(draft: ReleaseDraft, fileIndex: number, p: Omit<Problem, 'file'>): void {
	draft.problemCount++;
	if (draft.problems.length < MAX_PROBLEMS) draft.problems.push({ file: draft.files[fileIndex].display, ...p });
}

export function addWarning(draft: ReleaseDraft, fileIndex: number, p: Omit<Problem, 'file'>): void {
	if (draft.warnings.length < MAX_PROBLEMS) draft.warnings.push({ file: draft.files[fileIndex].display, ...p });
}

export type { Level };
