/**
 * Complexity page shaping: life events of each public with their values by wave, the changes the
 * sources publish, and which waves may be joined on a chart. Two waves of one event are joined
 * only when one source publishes both figures (the article on the 2018 wave quotes 2016): the
 * number and wording of life events change from wave to wave, so values taken from different
 * publications stay side by side in the table, unjoined. Pure; tested in shape.test.ts.
 */
import { formatDay, formatMonth } from '$lib/format';
import type { ProgrammeIndicator, ProgrammeValue } from '$lib/server/queries/programmes';

export type Public = 'particuliers' | 'entreprises';

export interface LifeEvent {
	slug: string;
	/** « Je suis handicapé », from the indicator name. */
	label: string;
	/** Share finding the procedures complex, oldest wave first. */
	complex: ProgrammeValue[];
	/** Share finding them simple (a different question, never mixed with `complex`). */
	simple: ProgrammeValue[];
	/** Changes in points the sources publish, with the wave they compare to. */
	changes: { since: string; value: ProgrammeValue }[];
}

const QUOTED = /«\s*(.+?)\s*»/;

/** Life events of one public: every `…-pct-complexe-{event}`, `…-pct-simple-{event}` and `…-evol-pts-{event}-vs-{wave}` indicator. */
export function lifeEvents(indicators: ProgrammeIndicator[], values: ProgrammeValue[], who: Public): LifeEvent[] {
	const prefix = `complexite-${who}-`;
	const events = new Map<string, LifeEvent>();
	const event = (slug: string, name: string) => {
		let e = events.get(slug);
		if (!e) events.set(slug, (e = { slug, label: QUOTED.exec(name)?.[1] ?? slug, complex: [], simple: [], changes: [] }));
		return e;
	};
	for (const indicator of indicators) {
		if (!indicator.code.startsWith(prefix) || !QUOTED.test(indicator.name)) continue;
		const rest = indicator.code.slice(prefix.length);
		const mine = values.filter((v) => v.indicator === indicator.code).sort((a, b) => (a.date < b.date ? -1 : 1));
		let m: RegExpExecArray | null;
		if ((m = /^pct-complexe-(.+)$/.exec(rest)) && m[1] !== 'moyenne') event(m[1], indicator.name).complex.push(...mine);
		else if ((m = /^pct-simple-(.+)$/.exec(rest))) event(m[1], indicator.name).simple.push(...mine);
		else if ((m = /^evol-pts-(.+)-vs-(\d{4})$/.exec(rest))) event(m[1], indicator.name).changes.push(...mine.map((value) => ({ since: m![2], value })));
	}
	return [...events.values()];
}

/**
 * The waves of an event the chart may join: the largest group of values published by the same
 * source(s) (ties: the most recent group). Fewer than two values: nothing to join.
 */
export function comparableWaves(values: ProgrammeValue[]): ProgrammeValue[] {
	const groups = new Map<string, ProgrammeValue[]>();
	for (const v of values) {
		const key = [...v.sourceIds].sort().join(';');
		if (!key) continue;
		groups.set(key, [...(groups.get(key) ?? []), v]);
	}
	let best: ProgrammeValue[] = [];
	for (const group of groups.values()) {
		const latest = (g: ProgrammeValue[]) => g.reduce((d, v) => (v.date > d ? v.date : d), '');
		if (group.length > best.length || (group.length === best.length && latest(group) > latest(best))) best = group;
	}
	return best.length >= 2 ? [...best].sort((a, b) => (a.date < b.date ? -1 : 1)) : [];
}

/**
 * Fieldwork dates in words: `2022-10-13/2022-11-26` → « du 13 octobre 2022 au 26 novembre 2022 »,
 * `2018-12/2019-01` → « de décembre 2018 à janvier 2019 », anything else as given.
 */
export function fieldworkText(fieldwork: string | null): string | null {
	if (!fieldwork) return null;
	const [from, to] = fieldwork.split('/');
	const day = /^\d{4}-\d{2}-\d{2}$/;
	const month = /^\d{4}-\d{2}$/;
	if (to && day.test(from) && day.test(to)) return `du ${formatDay(from)} au ${formatDay(to)}`;
	if (to && month.test(from) && month.test(to)) {
		const end = formatMonth(to);
		return `de ${formatMonth(from)} à ${end}`;
	}
	return fieldwork;
}

export const SURVEY_NAMES: Record<string, string> = {
	particuliers: 'Complexité administrative, particuliers',
	entreprises: 'Complexité administrative, entreprises',
	confiance_particuliers: 'Confiance et droit à l’erreur, particuliers',
	confiance_entreprises: 'Confiance des entreprises'
};
