/**
 * What every programme page's load does with the figures the queries return: find an indicator's
 * values, print them with their qualifier, turn sources into the lines shown under each chart
 * and table, and keep track of what the page shows so that nothing of the page's download is
 * left off the page (the rest goes to an « Autres chiffres publiés » table). Pure, no store.
 */
import { formatQualified } from '$lib/components/programmes/qualificatif';
import type { FigureRow, FigureTable, SourceLine } from '$lib/components/programmes/types';
import { licenceSentence } from '$lib/source-text';
import { compareFr, formatDay, formatMonth } from '$lib/format';
import type { Level, PageData, ProgrammeIndicator, ProgrammeSource, ProgrammeValue } from '$lib/server/queries/programmes';

export type { FigureRow, FigureTable };

/**
 * `2021-11-24` → `24 novembre 2021`; `2022-03` → `mars 2022`; '' → `non datée`. A monthly series
 * (the DITP's, dated on the 1st) reads `juillet 2024` with `{ monthly: true }`.
 */
export function dateLabel(date: string, options: { monthly?: boolean } = {}): string {
	if (!date) return 'non datée';
	return options.monthly ? formatMonth(date) : formatDay(date);
}

/** « au 24 novembre 2021 », « en mars 2022 », « en 2021 » (for sentences); '' → « à une date non précisée ». */
export function atDate(date: string, options: { monthly?: boolean } = {}): string {
	if (!date) return 'à une date non précisée';
	return /^\d{4}-\d{2}-\d{2}$/.test(date) && !options.monthly ? `au ${formatDay(date)}` : `en ${formatMonth(date)}`;
}

/** Dated figures first, oldest first; undated ones last (never placed on a time axis). */
export function byDate<T extends { date: string }>(a: T, b: T): number {
	if (!a.date || !b.date) return a.date ? -1 : b.date ? 1 : 0;
	return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

export interface RowOptions {
	/** Euros in full (`65 330 908 €`) rather than `65,3 M€`. */
	exact?: boolean;
	/** Euros always in M€ with 2 decimals (`0,45 M€`, `168,74 M€`): the table holds one unit. */
	millions?: boolean;
	/** A monthly series: `juillet 2024`, not `1er juillet 2024`. */
	monthly?: boolean;
}

export type Figures = ReturnType<typeof createFigures>;

export function createFigures(data: PageData, sources: ProgrammeSource[]) {
	const indicators = new Map(data.indicators.map((i) => [i.code, i]));
	const sourceById = new Map(sources.map((s) => [s.id, s]));
	const taken = new Set<ProgrammeValue>();

	const indicator = (code: string): ProgrammeIndicator | null => indicators.get(code) ?? null;

	/** Values matching `keep`, marked as shown. */
	function take(keep: (v: ProgrammeValue) => boolean): ProgrammeValue[] {
		const out = data.values.filter(keep);
		for (const v of out) taken.add(v);
		return out;
	}

	/** Values of one indicator (optionally at one level), marked as shown, oldest first, undated last. */
	function values(code: string, level?: Level): ProgrammeValue[] {
		return take((v) => v.indicator === code && (!level || v.level === level)).sort(byDate);
	}

	function idsOf(item: { indicator: string; sourceIds: string[] }): string[] {
		return item.sourceIds.length ? item.sourceIds : (indicator(item.indicator)?.sourceIds ?? []);
	}

	function display(v: Pick<ProgrammeValue, 'indicator' | 'value' | 'qualifier'>, options: { exact?: boolean; millions?: boolean } = {}): string {
		return formatQualified(v.value, indicator(v.indicator)?.unit, v.qualifier, options);
	}

	function row(v: ProgrammeValue, options: RowOptions = {}): FigureRow {
		return {
			key: `${v.indicator}|${v.territory}|${v.date}`,
			indicator: v.indicator,
			name: indicator(v.indicator)?.name ?? v.indicator,
			territory: v.territoryName,
			display: display(v, options),
			date: v.date,
			dateLabel: dateLabel(v.date, options),
			note: v.note,
			sources: idsOf(v)
		};
	}

	/**
	 * Source lines of some figures: each value's own sources, else its indicator's detailed
	 * sources, else the indicator's producer line (DITP series). In order of first use, once each.
	 */
	function sourceLines(items: { indicator: string; sourceIds: string[] }[]): SourceLine[] {
		const lines = new Map<string, SourceLine>();
		for (const item of items) {
			const ids = idsOf(item);
			for (const id of ids) {
				const s = sourceById.get(id);
				if (s && !lines.has(id)) lines.set(id, { id, producer: s.producer, title: s.title, url: s.url, licence: licenceSentence(s), updatedAt: s.updatedAt });
			}
			const ind = indicator(item.indicator);
			if (ids.length === 0 && ind) {
				const key = `indicateur:${ind.producer}|${ind.sourceUrl}`;
				if (!lines.has(key))
					lines.set(key, { id: null, producer: ind.producer, title: ind.sourceUrl ? 'données publiées' : null, url: ind.sourceUrl, licence: ind.licence, updatedAt: ind.sourceUpdatedAt });
			}
		}
		return [...lines.values()];
	}

	/** Source lines of entities (labs, projects, waves) by their source ids. */
	function sourceLinesOf(ids: Iterable<string>): SourceLine[] {
		const out: SourceLine[] = [];
		for (const id of [...new Set(ids)].sort(compareFr)) {
			const s = sourceById.get(id);
			if (s) out.push({ id, producer: s.producer, title: s.title, url: s.url, licence: licenceSentence(s), updatedAt: s.updatedAt });
		}
		return out;
	}

	/** Notes of these indicators, once each, as `name : note`. */
	function notesOf(codes: string[]): string[] {
		return [...new Set(codes)].flatMap((code) => {
			const ind = indicator(code);
			return ind?.note ? [`${ind.name} : ${ind.note}`] : [];
		});
	}

	/** A table of these figures (in the given order), with their source lines. */
	function table(title: string, list: ProgrammeValue[], options: RowOptions = {}): FigureTable {
		return { title, rows: list.map((v) => row(v, options)), sources: sourceLines(list), notes: notesOf(list.map((v) => v.indicator)) };
	}

	/** Figures of the page not shown by any section yet (marked as shown now). */
	function rest(): ProgrammeValue[] {
		return take((v) => !taken.has(v));
	}

	return { indicator, take, values, display, row, table, notesOf, sourceLines, sourceLinesOf, rest, all: data.values };
}
