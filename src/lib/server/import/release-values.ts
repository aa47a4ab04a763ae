/**
 * The dated figures of a release while it is read (values; and, in their own instances, baselines,
 * targets and published rates): each valid row is checked against what the
 * release and the store know (indicator, territory, sources) as soon as it is parsed, then kept
 * as a compact record in the spool (spool.ts), never as an object per row. Only small tables stay
 * in memory: one entry per indicator, date and annotation text. Duplicate keys are checked after
 * reading, one indicator at a time (checkDuplicateValues).
 */
import { territoryCodes } from './territories';
import { ValueSpool, type SpooledValue } from './spool';
import { addProblem, type ReleaseDraft } from './types';

/** What the store already knows, for the checks made while reading. */
export interface StoreKeys {
	indicators: Map<string, number>;
	sources: Set<string>;
	/** Territory public code → store id (existing ids, or those the first import gives). */
	territories: Map<string, number>;
}

export interface ValueIndicator {
	code: string;
	/** Key of the indicator in the spool. */
	key: number;
	/** At least one of its values comes from an official DITP file (a complete snapshot). */
	fromDitp: boolean;
}

export const UNKNOWN_INDICATOR_FIX = "ajoutez l'indicateur dans un fichier indicateurs.csv de la même livraison, ou corrigez l'identifiant";
export const UNKNOWN_TERRITORY_FIX = 'utilisez un code du COG : FR, une région (84, 01…) ou un département (01…95, 2A, 2B, 971…976)';
export const UNKNOWN_SOURCE_FIX = 'décrivez la source dans un fichier sources.csv de la même livraison';

/** Told of each complete run of records, with the release's date and annotation texts by id so far. */
export type StageValues = (indicatorKey: number, bytes: Uint8Array, count: number, dates: readonly string[], texts: readonly (string | null)[]) => void;

export class ReleaseValues {
	readonly spool: ValueSpool;
	/** By indicator code, in the order of their first value. */
	readonly indicators = new Map<string, ValueIndicator>();
	/** Date texts by id, and ids by text. */
	readonly dates: string[] = [];
	private readonly dateIds = new Map<string, number>();
	/** Annotation texts by id (id 0 is the empty annotation), and ids by text. */
	readonly texts: (string | null)[] = [null];
	private readonly textIds = new Map<string, number>();
	private readonly referenceCodes = new Set(territoryCodes().map((t) => t.code));
	/** Unknown source ids in a `source_id` cell, by cell text. */
	private readonly sourceCheck = new Map<string, string[]>();
	private known: StoreKeys | null = null;

	/**
	 * `spoolDir`: where values go once they no longer fit in memory (the store's folder for a real
	 * import). `onSealed`: told of every record once its run is complete (the staging file, staging.ts).
	 */
	constructor(spoolDir?: string, onSealed?: StageValues) {
		this.spool = new ValueSpool(spoolDir, undefined, onSealed && ((key, bytes, count) => onSealed(key, bytes, count, this.dates, this.texts)));
	}

	/** Must be called before the first value: the store's indicators, sources and territory ids. */
	setStoreKeys(known: StoreKeys): void {
		this.known = known;
	}

	get count(): number {
		return this.spool.total;
	}

	dateId(date: string): number {
		let id = this.dateIds.get(date);
		if (id === undefined) {
			id = this.dates.push(date) - 1;
			this.dateIds.set(date, id);
		}
		return id;
	}

	private textId(text: string | null | undefined): number {
		if (text === undefined) return -1;
		if (text === null) return 0;
		let id = this.textIds.get(text);
		if (id === undefined) {
			id = this.texts.push(text) - 1;
			this.textIds.set(text, id);
		}
		return id;
	}

	/** The annotation of a record: undefined when the file had no such column. */
	text(id: number): string | null | undefined {
		return id < 0 ? undefined : this.texts[id];
	}

	/**
	 * One parsed row. Checks its references (the release's own metadata is read before its data);
	 * a row with an unknown indicator, territory or source is reported and rejected (returns false).
	 */
	add(
		draft: ReleaseDraft,
		file: number,
		line: number,
		indicator: string,
		territory: string,
		date: string,
		value: number,
		qualifier: string | null | undefined,
		sourceId: string | null | undefined,
		note: string | null | undefined
	): boolean {
		const known = this.known!;
		const columns = draft.columns[file] ?? { indicator: 0, territory: 0, source: 0 };
		let bad = false;
		let entry = this.indicators.get(indicator);
		if (!entry) {
			if (!draft.indicators.has(indicator) && !known.indicators.has(indicator)) {
				addProblem(draft, file, { line, column: columns.indicator, message: `indicateur inconnu « ${indicator} »`, fix: UNKNOWN_INDICATOR_FIX });
				bad = true;
			} else this.indicators.set(indicator, (entry = { code: indicator, key: this.indicators.size, fromDitp: false }));
		}
		const territoryId = this.referenceCodes.has(territory) ? known.territories.get(territory) : undefined;
		if (territoryId === undefined) {
			addProblem(draft, file, { line, column: columns.territory, message: `territoire inconnu « ${territory} »`, fix: UNKNOWN_TERRITORY_FIX });
			bad = true;
		}
		if (sourceId) {
			let unknown = this.sourceCheck.get(sourceId);
			if (!unknown) {
				unknown = sourceId
					.split(';')
					.map((s) => s.trim())
					.filter((id) => id && !draft.sources.has(id) && !known.sources.has(id));
				this.sourceCheck.set(sourceId, unknown);
			}
			for (const id of unknown) {
				addProblem(draft, file, { line, column: columns.source, message: `source inconnue « ${id} »`, fix: UNKNOWN_SOURCE_FIX });
				bad = true;
			}
		}
		if (bad || !entry) {
			draft.rejectedByFile[file] = (draft.rejectedByFile[file] ?? 0) + 1;
			return false;
		}
		if (draft.files[file].format === 'ditp') entry.fromDitp = true;
		this.spool.add(entry.key, territoryId!, this.dateId(date), value, file, line, this.textId(qualifier), this.textId(sourceId), this.textId(note));
		return true;
	}

	/** Each value of one indicator (the record object is reused: copy what you keep). */
	each(entry: ValueIndicator, fn: (v: SpooledValue) => void): void {
		this.spool.each(entry.key, fn);
	}

	/** After the last value: `onSealed` is told of the records not told yet. */
	sealAll(): void {
		this.spool.sealAll();
	}

	close(): void {
		this.spool.close();
	}
}

/** territory id × 2^16 + date id: a small integer (V8 Smi), so that Maps of a million keys stay fast. */
export function pointKey(territoryId: number, dateId: number): number {
	return territoryId * 65536 + dateId;
}

/**
 * One value per indicator, territory and date: checked one indicator at a time, so that memory
 * holds the keys of one indicator, not of the whole release. Problems come in file order.
 * The same check serves baselines, targets (one ReleaseValues per kind) and published rates.
 */
export function checkDuplicateValues(
	draft: ReleaseDraft,
	values: ReleaseValues = draft.values,
	what = 'valeur (indicateur × territoire × date)',
	fix = 'gardez une seule valeur par indicateur, territoire et date'
): void {
	// Only the first duplicates are kept to be listed (problems are capped anyway); all are counted.
	const found: { file: number; line: number; firstFile: number; firstLine: number }[] = [];
	let more = 0;
	for (const entry of values.indicators.values()) {
		const first = new Map<number, number>();
		const files: number[] = [];
		const lines: number[] = [];
		values.each(entry, (v) => {
			const key = pointKey(v.territoryId, v.dateId);
			const seen = first.get(key);
			if (seen === undefined) {
				first.set(key, files.length);
				files.push(v.file);
				lines.push(v.line);
			} else {
				draft.rejectedByFile[v.file] = (draft.rejectedByFile[v.file] ?? 0) + 1;
				if (found.length < 10_000) found.push({ file: v.file, line: v.line, firstFile: files[seen], firstLine: lines[seen] });
				else more++;
			}
		});
	}
	found.sort((a, b) => a.file - b.file || a.line - b.line);
	for (const d of found) {
		addProblem(draft, d.file, {
			line: d.line,
			column: 1,
			message: `${what} en double dans la livraison (déjà en ${draft.files[d.firstFile].display}:${d.firstLine})`,
			fix
		});
	}
	draft.problemCount += more;
}
