/**
 * Budgets page shaping: FTAP calls side by side (one row per call date), and the programme 349's
 * credits by year — voted, opened, consumed — for AE and CP, with the consumption rate computed
 * by Baromètre from the two published figures. Pure; tested in shape.test.ts.
 */
import type { ProgrammeValue } from '$lib/server/queries/programmes';

export interface CallCell {
	value: number;
	qualifier: string | null;
	indicator: string;
}

export interface CallRow {
	/** The earliest date of the call's figures. */
	date: string;
	/** The call as the source names it (« FTAP 2018 AAP1 »), from the values' notes. */
	call: string | null;
	cells: Record<string, CallCell | null>;
	/** Figures of the call dated otherwise than `date` (two sources of one call, each at its own date). */
	otherDates: { indicator: string; date: string }[];
	/** The rest of the notes (after the call's name), once each. */
	notes: string[];
	values: ProgrammeValue[];
}

/** First `;`-separated part of a note: the name of the call (`FTAP 2019 session 2; chiffre de …`). */
const callName = (note: string | null) => (note ? note.split(';')[0].trim() || null : null);

/**
 * One row per call, with a cell per indicator (null when not published for that call). A call is its
 * name in the notes when no indicator repeats under that name, else its date: the figures of one call
 * that two sources date a day apart stay on one row, each keeping its own date.
 */
export function callRows(values: ProgrammeValue[], codes: readonly string[]): CallRow[] {
	const mine = values.filter((v) => codes.includes(v.indicator));
	const byName = new Map<string, ProgrammeValue[]>();
	for (const v of mine) {
		const name = callName(v.note);
		if (name) byName.set(name, [...(byName.get(name) ?? []), v]);
	}
	const groupOf = (v: ProgrammeValue) => {
		const name = callName(v.note);
		const group = name ? byName.get(name)! : [];
		return name && new Set(group.map((x) => x.indicator)).size === group.length ? `appel:${name}` : `date:${v.date}`;
	};
	const groups = new Map<string, ProgrammeValue[]>();
	for (const v of mine) groups.set(groupOf(v), [...(groups.get(groupOf(v)) ?? []), v]);
	return [...groups.values()]
		.map((here) => {
			const date = here.map((v) => v.date).sort()[0];
			const notes = new Set<string>();
			for (const v of here) {
				for (const part of (v.note ?? '').split(';').slice(1)) if (part.trim()) notes.add(part.trim());
			}
			return {
				date,
				call: here.map((v) => callName(v.note)).find(Boolean) ?? null,
				cells: Object.fromEntries(
					codes.map((code) => {
						const v = here.find((x) => x.indicator === code);
						return [code, v ? { value: v.value, qualifier: v.qualifier, indicator: code } : null];
					})
				),
				otherDates: here.filter((v) => v.date !== date).map((v) => ({ indicator: v.indicator, date: v.date })),
				notes: [...notes],
				values: here
			};
		})
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export type CreditLine = 'ae' | 'cp';

export interface CreditYear {
	year: string;
	/** Which figures these are: the whole programme or its action 01 (the FTAP). */
	perimeter: 'programme' | 'action-01';
	voted: ProgrammeValue | null;
	opened: ProgrammeValue | null;
	consumed: ProgrammeValue | null;
	/** consumed ÷ opened × 100, computed by Baromètre; null unless both are published. */
	rate: number | null;
}

/**
 * Credits of the programme 349 by year for one line (AE or CP): the programme's totals where the
 * sources give them, else its action 01 (the only action until 2021). Year-to-date figures
 * (`…-a-date`) are not part of it: an unfinished year has no consumption rate.
 */
export function creditYears(values: ProgrammeValue[], line: CreditLine): CreditYear[] {
	const pick = (perimeter: 'total' | 'action-01', kind: 'lfi' | 'ouverts' | 'consommes') => `ftap-p349-${perimeter}-${kind}-${line}`;
	const codes = (['total', 'action-01'] as const).flatMap((p) => (['lfi', 'ouverts', 'consommes'] as const).map((k) => pick(p, k)));
	const years = [...new Set(values.filter((v) => codes.includes(v.indicator) && /^\d{4}$/.test(v.date)).map((v) => v.date))].sort();
	const find = (code: string, year: string) => values.find((v) => v.indicator === code && v.date === year) ?? null;
	return years.map((year) => {
		const hasTotal = (['lfi', 'ouverts', 'consommes'] as const).some((k) => find(pick('total', k), year));
		const perimeter = hasTotal ? 'total' : 'action-01';
		const voted = find(pick(perimeter, 'lfi'), year);
		const opened = find(pick(perimeter, 'ouverts'), year);
		const consumed = find(pick(perimeter, 'consommes'), year);
		return {
			year,
			perimeter: hasTotal ? 'programme' : 'action-01',
			voted,
			opened,
			consumed,
			rate: opened && consumed && opened.value > 0 ? (consumed.value / opened.value) * 100 : null
		};
	});
}
