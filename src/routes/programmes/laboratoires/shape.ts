/**
 * Labs page shaping: a lab's creation year as the sources give it (both years, with their
 * sources, when they disagree), whether it belongs to the State's network, and the labs by région.
 * Pure; tested in shape.test.ts.
 */
import { compareFr } from '$lib/format';
import type { Lab } from '$lib/server/queries/programmes';

export interface Creation {
	/** `2017`, `2021 ou 2022`, or « non trouvée ». */
	year: string;
	/** Every year given, with its source, when the sources disagree on the year. */
	bySource: { year: number; source: string }[];
	/** How the year is known, in words: « déduite : … », « créé en 2016 selon L12 ; inauguré mi-2017 selon L11 ». */
	detail: string | null;
	/** True when the sources disagree (on the year, or on creation versus opening). */
	conflict: boolean;
}

const BASIS: [RegExp, string][] = [
	[/^stated\b/i, 'indiquée'],
	[/^deduced\b/i, 'déduite'],
	[/^not stated\b/i, 'non indiquée'],
	[/^not found\b/i, 'non trouvée']
];

/** `deduced (premier anniversaire …)` → `déduite : premier anniversaire …`; `stated (L08)` → `indiquée : L08`. */
export function basisInWords(basis: string | null): string | null {
	if (!basis) return null;
	for (const [pattern, words] of BASIS) {
		if (pattern.test(basis)) {
			const rest = basis.replace(pattern, '').trim().replace(/^\((.*)\)$/, '$1').replace(/^\((.*?)\)\s*;?\s*/, '$1 ; ').trim();
			return rest ? `${words} : ${rest}` : words;
		}
	}
	return basis;
}

export function creation(lab: Pick<Lab, 'creationYear' | 'creationYearBasis' | 'creationYearsBySource' | 'creationConflictNote'>): Creation {
	const years = [...new Set(lab.creationYearsBySource.map((c) => c.year))].sort((a, b) => a - b);
	if (years.length > 1) {
		return {
			year: years.join(' ou '),
			bySource: lab.creationYearsBySource,
			detail: `les sources divergent : ${lab.creationYearsBySource.map((c) => `${c.year} selon ${c.source}`).join(', ')}`,
			conflict: true
		};
	}
	if (lab.creationConflictNote) {
		return { year: lab.creationYear !== null ? String(lab.creationYear) : 'non trouvée', bySource: [], detail: lab.creationConflictNote, conflict: true };
	}
	const detail = basisInWords(lab.creationYearBasis);
	return {
		year: lab.creationYear !== null ? String(lab.creationYear) : 'non trouvée',
		bySource: [],
		// « non trouvée » twice says nothing more.
		detail: lab.creationYear === null && detail === 'non trouvée' ? null : detail,
		conflict: false
	};
}

/** `yes (laureat …)` → `oui (laureat …)`; `no` → `non`; `unknown` → `inconnu` (the source's words kept in parentheses). */
export function yesNoInWords(text: string | null): string | null {
	if (!text) return null;
	return text.replace(/^yes\b/i, 'oui').replace(/^no\b/i, 'non').replace(/^unknown\b/i, 'inconnu');
}

/** Every creation year a source gives for the lab. */
export function creationYears(lab: Pick<Lab, 'creationYear' | 'creationYearsBySource'>): number[] {
	const years = lab.creationYearsBySource.map((c) => c.year);
	if (lab.creationYear !== null) years.push(lab.creationYear);
	return [...new Set(years)];
}

/** A lab of a local authority, outside the State's network (the source says so in its status note). */
export function outsideStateNetwork(lab: Pick<Lab, 'statusNote'>): boolean {
	return /hors r[ée]seau/i.test(lab.statusNote ?? '');
}

export interface RegionLabs {
	code: string;
	name: string;
	/** Labs of the State's network identified in the sources. */
	labs: string[];
	/** Other labs listed (a local authority's), with why they are apart. */
	others: { name: string; note: string }[];
}

/** Every région (those without any lab identified too), labs in French order, régions by name. */
export function labsByRegion(regions: { inseeCode: string; name: string }[], labs: Pick<Lab, 'name' | 'regionCode' | 'statusNote'>[]): RegionLabs[] {
	return regions
		.map((r) => {
			const here = labs.filter((l) => l.regionCode === r.inseeCode).sort((a, b) => compareFr(a.name, b.name));
			return {
				code: r.inseeCode,
				name: r.name,
				labs: here.filter((l) => !outsideStateNetwork(l)).map((l) => l.name),
				others: here.filter(outsideStateNetwork).map((l) => ({ name: l.name, note: l.statusNote ?? '' }))
			};
		})
		.sort((a, b) => compareFr(a.name, b.name));
}

/** « 2 laboratoires : Lab Zero, InSo Lab 83 », « aucun laboratoire de l'État identifié ». */
export function regionLabel(region: RegionLabs): string {
	const n = region.labs.length;
	const state = n === 0 ? "aucun laboratoire de l'État identifié" : `${n} laboratoire${n > 1 ? 's' : ''} : ${region.labs.join(', ')}`;
	const others = region.others.map((o) => `${o.name}, laboratoire hors réseau de l'État`);
	return [state, ...others].join(' ; ');
}
