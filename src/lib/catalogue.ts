/**
 * The catalogue of indicators (`/indicateurs`): its GET filters (text, family, theme, level),
 * checked, and the indicators that pass them grouped family → theme → policy. Pure: the text
 * filter arrives as the set of codes the full-text index matched.
 */
import type { Level } from './server/queries/facts';

export const LEVELS: readonly Level[] = ['national', 'region', 'departement'];
export const LEVEL_LABELS: Record<Level, string> = { national: 'France', region: 'Régions', departement: 'Départements' };

export interface CatalogueFilters {
	q: string;
	famille: string | null;
	theme: string | null;
	maille: Level | null;
}

export class CatalogueParamError extends Error {
	constructor(
		message: string,
		readonly hint: string
	) {
		super(message);
	}
}

const single = (params: URLSearchParams, name: string): string | null => {
	const values = params.getAll(name).filter((v) => v !== '');
	if (values.length > 1) throw new CatalogueParamError(`Le paramètre « ${name} » ne peut être donné qu’une fois.`, 'Retirez les doublons de l’adresse.');
	return values[0] ?? null;
};

/** The filters of `params`; unknown values are refused (a 400 for the page). Empty values mean « all ». */
export function parseCatalogueFilters(params: URLSearchParams, known: { families: ReadonlySet<string>; themes: ReadonlySet<string> }): CatalogueFilters {
	const q = (single(params, 'q') ?? '').trim();
	if (q.length > 60) throw new CatalogueParamError(`Recherche trop longue : ${q.length} caractères, 60 au plus.`, 'Quelques mots du nom de l’indicateur suffisent.');
	const famille = single(params, 'famille');
	if (famille !== null && !known.families.has(famille))
		throw new CatalogueParamError(`Famille inconnue : « ${famille.slice(0, 40)} ».`, 'Choisissez une famille dans la liste du formulaire.');
	const theme = single(params, 'theme');
	if (theme !== null && !known.themes.has(theme)) throw new CatalogueParamError(`Thème inconnu : « ${theme.slice(0, 40)} ».`, 'Choisissez un thème dans la liste du formulaire.');
	const maille = single(params, 'maille');
	if (maille !== null && !(LEVELS as readonly string[]).includes(maille))
		throw new CatalogueParamError(`Échelle inconnue : « ${maille.slice(0, 20)} ».`, 'L’échelle vaut national, region ou departement.');
	return { q, famille, theme, maille: maille as Level | null };
}

/** The fields of a policy and its indicators the catalogue uses. */
export interface CataloguePolicy<I extends CatalogueIndicator = CatalogueIndicator> {
	id: string;
	name: string;
	family: { id: string; name: string };
	theme: { id: string; name: string } | null;
	indicators: I[];
}
export interface CatalogueIndicator {
	code: string;
	theme: { id: string; name: string } | null;
	levels: Level[];
}

export interface CatalogueGroup<I extends CatalogueIndicator> {
	family: { id: string; name: string };
	themes: { id: string; name: string; policies: { id: string; name: string; indicators: I[] }[] }[];
	count: number;
}

/**
 * Indicators passing every filter, grouped by family, then theme (the indicator's own, as on the
 * indicator pages), then policy, in the order of `policies`. `textMatches`: codes matched by the text (null: no text filter).
 */
export function filterCatalogue<I extends CatalogueIndicator>(
	policies: readonly CataloguePolicy<I>[],
	filters: CatalogueFilters,
	textMatches: ReadonlySet<string> | null
): CatalogueGroup<I>[] {
	const families = new Map<string, CatalogueGroup<I>>();
	for (const p of policies) {
		if (filters.famille && p.family.id !== filters.famille) continue;
		for (const i of p.indicators) {
			const theme = i.theme ?? p.theme;
			if (filters.theme && theme?.id !== filters.theme) continue;
			if (filters.maille && !i.levels.includes(filters.maille)) continue;
			if (textMatches && !textMatches.has(i.code)) continue;
			let family = families.get(p.family.id);
			if (!family) families.set(p.family.id, (family = { family: p.family, themes: [], count: 0 }));
			const themeId = theme?.id ?? 'sans-theme';
			let group = family.themes.find((t) => t.id === themeId);
			if (!group) family.themes.push((group = { id: themeId, name: theme?.name ?? 'Autres', policies: [] }));
			let policy = group.policies.find((x) => x.id === p.id);
			if (!policy) group.policies.push((policy = { id: p.id, name: p.name, indicators: [] }));
			policy.indicators.push(i);
			family.count++;
		}
	}
	return [...families.values()];
}
