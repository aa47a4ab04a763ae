/**
 * Query parameters of the public API: one whitelist per endpoint, every value validated, and a
 * French 400 naming the parameter when something is wrong. The OpenAPI document is written from
 * the same definitions (`PARAMETERS`, `ENDPOINT_PARAMETERS`), so the doc never drifts from the code.
 */
import type Database from 'better-sqlite3';
import type { ValueFilter } from '../export';
import {
	CompareParamError,
	MAX_TERRITORIES as MAX_COMPARED,
	MIN_TERRITORIES as MIN_COMPARED,
	parseCodes,
	parseCompareParams,
	type CompareParams
} from '../queries/compare';
import type { Level } from '../queries/facts';
import { resolveVintage, VintageParamError, type Vintage } from '../queries/vintages';
import { ApiError } from './http';

export const MAX_QUERY_LENGTH = 2048;
export const MAX_TERRITORIES = 50;
export const LEVELS: readonly Level[] = ['national', 'region', 'departement'];
/** Public territory code: `FR`, `R` + région code, `D` + département code. */
export const TERRITORY_CODE = /^(FR|R\d{2}|D(\d{2,3}|2A|2B))$/;
/** `TERRITORY_CODE` without its anchors, for the documented patterns of code lists. */
const CODE_PATTERN = '(FR|R\\d{2}|D(\\d{2,3}|2A|2B))';
/** Family and theme ids as the comparison accepts them (`compare.ts`): lower case, digits, hyphens. */
const FILTER_ID_PATTERN = '^[a-z0-9-]{1,60}$';
export { MAX_COMPARED, MIN_COMPARED };
/** Public indicator id as found in URLs (the store's ids are letters, digits, `-` and `_`). */
export const INDICATOR_ID = /^[A-Za-z0-9_.-]{1,128}$/;

export type ParameterName = 'maille' | 'territoires' | 'depuis' | 'jusqu_a' | 'famille' | 'theme' | 'indicateur' | 'livraison' | 'au';

/** What the OpenAPI document and the documentation page say about each parameter. */
export const PARAMETERS: Record<ParameterName, { description: string; example: string; schema: Record<string, unknown> }> = {
	maille: {
		description: 'Maille territoriale : national, region ou departement.',
		example: 'region',
		schema: { type: 'string', enum: [...LEVELS] }
	},
	territoires: {
		description: `Territoires, codes publics séparés par des virgules (au plus ${MAX_TERRITORIES}) : FR, R suivi du code de région (R84), D suivi du code de département (D01, D2A, D971).`,
		example: 'FR,R84,D2A',
		schema: { type: 'string', pattern: `^${CODE_PATTERN}(,${CODE_PATTERN})*$` }
	},
	depuis: {
		description:
			'Première date incluse, AAAA-MM-JJ. Une valeur datée à l’année ou au mois compte pour son premier jour (2024 = 2024-01-01). Les valeurs non datées sont exclues.',
		example: '2023-01-01',
		schema: { type: 'string', format: 'date' }
	},
	jusqu_a: {
		description:
			'Dernière date incluse, AAAA-MM-JJ. Une valeur datée à l’année ou au mois compte pour son premier jour (2024-06 ≤ 2024-06-30). Les valeurs non datées sont gardées.',
		example: '2024-12-31',
		schema: { type: 'string', format: 'date' }
	},
	famille: {
		description: 'Famille de chiffres (ex. politiques-prioritaires, barometre-2017-2022).',
		example: 'politiques-prioritaires',
		schema: { type: 'string', pattern: FILTER_ID_PATTERN }
	},
	theme: {
		description: 'Thème (ex. education, sante-famille) : identifiant en minuscules, chiffres et tirets. Une comparaison liste les thèmes de ses indicateurs dans « themes ».',
		example: 'education',
		schema: { type: 'string', pattern: FILTER_ID_PATTERN }
	},
	indicateur: {
		description:
			'Identifiant d’un indicateur de la comparaison (ex. IND-200) : seules ses valeurs sont données, comme le lien « CSV » sous un indicateur de la page /comparer. Un indicateur qui n’est pas publié pour tous les territoires comparés est refusé (404).',
		example: 'IND-200',
		schema: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,128}$' }
	},
	livraison: {
		description:
			'Numéro de livraison (voir /api/v1/releases) : les valeurs telles qu’elles étaient juste après cette livraison, avant les révisions et retraits suivants. Sans ce paramètre ni « au », les valeurs en vigueur.',
		example: '1',
		schema: { type: 'string', pattern: '^[1-9][0-9]*$' }
	},
	au: {
		description:
			'Date AAAA-MM-JJ : les valeurs telles qu’elles étaient à cette date, c’est-à-dire juste après la dernière livraison publiée ce jour-là ou avant (date de mise à jour de la source enregistrée avec la livraison ; une livraison annulée ne compte pas). Avant toute livraison : aucune valeur. Ne se combine pas avec « livraison ».',
		example: '2024-06-30',
		schema: { type: 'string', format: 'date' }
	}
};

/** A parameter documented under its own component where one address gives it a narrower sense. */
export interface ParameterVariant {
	name: ParameterName;
	required: boolean;
	description: string;
	example: string;
	schema: Record<string, unknown>;
}

/** The variants (OpenAPI `components.parameters` keys): same query name, own rules. */
export const PARAMETER_VARIANTS = {
	territoires_compares: {
		name: 'territoires',
		required: true,
		description: `Territoires à comparer : de ${MIN_COMPARED} à ${MAX_COMPARED} codes (France en plus) publics séparés par des virgules (FR, R84, D2A…), dans n’importe quel ordre (la réponse les range : France, régions, départements, chacun par code) ; les doublons sont ignorés. Régions et départements peuvent se mêler ; la France sert de référence même si elle n’est pas demandée.`,
		example: 'R84,R93,D2A',
		// One more code than the cap: France is never counted (the validator refuses 14 without it).
		schema: { type: 'string', pattern: `^${CODE_PATTERN}(,${CODE_PATTERN}){${MIN_COMPARED - 1},${MAX_COMPARED}}$` }
	}
} as const satisfies Record<string, ParameterVariant>;

export type VariantName = keyof typeof PARAMETER_VARIANTS;

/** The parameters each endpoint accepts; anything else is a 400. */
export const ENDPOINT_PARAMETERS = {
	indicateurs: ['famille'],
	indicateur: [],
	valeurs: ['maille', 'territoires', 'depuis', 'jusqu_a', 'livraison', 'au'],
	cibles: ['maille', 'territoires'],
	territoires: ['maille'],
	territoire: [],
	releases: [],
	changements: [],
	openapi: [],
	export: ['livraison', 'au'],
	comparaison: ['territoires', 'famille', 'theme', 'indicateur']
} as const satisfies Record<string, readonly ParameterName[]>;

export type Endpoint = keyof typeof ENDPOINT_PARAMETERS;

/** Where an endpoint documents one of its parameters with a variant. */
export const ENDPOINT_VARIANTS: Partial<Record<Endpoint, Partial<Record<ParameterName, VariantName>>>> = {
	comparaison: { territoires: 'territoires_compares' }
};

/**
 * Checks length, names and repetitions; returns the raw values of the accepted parameters.
 * An empty value (`?maille=`) is refused like a bad one.
 */
export function readQuery(url: URL, endpoint: Endpoint): Partial<Record<ParameterName, string>> {
	if (url.search.length > MAX_QUERY_LENGTH) {
		throw new ApiError(414, `Requête trop longue : les paramètres dépassent ${MAX_QUERY_LENGTH.toLocaleString('fr-FR')} caractères.`);
	}
	const allowed: readonly ParameterName[] = ENDPOINT_PARAMETERS[endpoint];
	const out: Partial<Record<ParameterName, string>> = {};
	for (const [name, value] of url.searchParams) {
		if (!(allowed as readonly string[]).includes(name)) {
			const accepted = allowed.length ? `paramètres acceptés : ${allowed.join(', ')}` : 'cette adresse n’accepte aucun paramètre';
			throw new ApiError(400, `Paramètre inconnu « ${clip(name)} » (${accepted}).`, clip(name));
		}
		const key = name as ParameterName;
		if (key in out) throw new ApiError(400, `Paramètre « ${key} » donné plusieurs fois.`, key);
		if (value.trim() === '') throw new ApiError(400, `Paramètre « ${key} » vide.`, key);
		out[key] = value.trim();
	}
	return out;
}

export function parseLevelParam(raw: string | undefined): Level | undefined {
	if (raw === undefined) return undefined;
	if (!(LEVELS as readonly string[]).includes(raw)) {
		throw new ApiError(400, `Maille « ${clip(raw)} » inconnue : écrivez national, region ou departement.`, 'maille');
	}
	return raw as Level;
}

/** A real calendar day `YYYY-MM-DD`. */
export function parseDay(raw: string | undefined, name: 'depuis' | 'jusqu_a'): string | undefined {
	if (raw === undefined) return undefined;
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
	const valid = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().slice(0, 10) === raw;
	if (!valid) throw new ApiError(400, `Date « ${clip(raw)} » invalide : écrivez AAAA-MM-JJ, par exemple 2024-06-30.`, name);
	return raw;
}

/**
 * The `since` bound for the store's string comparison `date >= since`, where a value dated to the
 * year or month counts as its first day: `2024-01-01` → `2024`, `2024-03-01` → `2024-03`.
 */
export function sinceBound(day: string): string {
	return day.replace(/-01$/, '').replace(/^(\d{4})-01$/, '$1');
}

export interface TerritoryRef {
	code: string;
	level: Level;
	inseeCode: string;
}

/** `FR,R84,D2A` → known territories (deduplicated, in the given order). */
export function parseTerritories(client: Database.Database, raw: string | undefined, level: Level | undefined): TerritoryRef[] | undefined {
	if (raw === undefined) return undefined;
	const codes = [...new Set(raw.split(',').map((c) => c.trim()))];
	if (codes.length > MAX_TERRITORIES) {
		throw new ApiError(400, `Trop de territoires : ${codes.length} demandés, ${MAX_TERRITORIES} au plus par requête.`, 'territoires');
	}
	const lookup = client.prepare('SELECT code, level, insee_code AS inseeCode FROM territories WHERE code = ?');
	return codes.map((code) => {
		if (!TERRITORY_CODE.test(code)) {
			throw new ApiError(400, `Code de territoire « ${clip(code)} » illisible : écrivez FR, R84 (région) ou D2A (département).`, 'territoires');
		}
		const found = lookup.get(code) as TerritoryRef | undefined;
		if (!found) throw new ApiError(400, `Territoire « ${code} » inconnu.`, 'territoires');
		if (level && found.level !== level) {
			throw new ApiError(400, `Le territoire ${code} n’est pas de maille ${level} : retirez-le ou changez la maille.`, 'territoires');
		}
		return found;
	});
}

export function parseFamily(client: Database.Database, raw: string | undefined): string | undefined {
	if (raw === undefined) return undefined;
	if (!client.prepare('SELECT 1 FROM families WHERE id = ?').get(raw)) {
		throw new ApiError(400, `Famille « ${clip(raw)} » inconnue (voir /api/v1/indicateurs pour la liste).`, 'famille');
	}
	return raw;
}

export function parseTheme(client: Database.Database, raw: string | undefined): string | undefined {
	if (raw === undefined) return undefined;
	if (!client.prepare('SELECT 1 FROM themes WHERE id = ?').get(raw)) {
		throw new ApiError(400, `Thème « ${clip(raw)} » inconnu (voir le champ « theme » de /api/v1/indicateurs).`, 'theme');
	}
	return raw;
}

/** The public filters of a value download, as echoed in JSON and the xlsx information sheet. */
export interface ValueParams {
	maille: Level | null;
	territoires: string[] | null;
	depuis: string | null;
	jusqu_a: string | null;
	/** The release whose values are given (from `livraison`, or resolved from `au`); null: current values. */
	livraison: number | null;
	au: string | null;
}

/** `livraison` and `au` → the vintage read; a refusal is a 400 naming the parameter. */
export function parseVintageParams(client: Database.Database, raw: Partial<Record<ParameterName, string>>): Vintage {
	try {
		return resolveVintage(client, { livraison: raw.livraison, au: raw.au });
	} catch (cause) {
		if (cause instanceof VintageParamError) throw new ApiError(400, cause.message, cause.parameter);
		throw cause;
	}
}

/** Validated parameters of `valeurs.*` → the public filters and the export's `ValueFilter`. */
export function parseValueParams(client: Database.Database, url: URL, indicator: string): { params: ValueParams; filter: ValueFilter } {
	const raw = readQuery(url, 'valeurs');
	const level = parseLevelParam(raw.maille);
	const territories = parseTerritories(client, raw.territoires, level);
	const since = parseDay(raw.depuis, 'depuis');
	const until = parseDay(raw.jusqu_a, 'jusqu_a');
	if (since && until && since > until) throw new ApiError(400, `« jusqu_a » (${until}) est avant « depuis » (${since}).`, 'jusqu_a');
	const vintage = parseVintageParams(client, raw);
	return {
		params: {
			maille: level ?? null,
			territoires: territories?.map((t) => t.code) ?? null,
			depuis: since ?? null,
			jusqu_a: until ?? null,
			livraison: vintage.livraison,
			au: vintage.au
		},
		filter: {
			indicators: [indicator],
			level,
			territories: territories?.map((t) => t.code),
			since: since && sinceBound(since),
			until,
			asOf: vintage.asOf
		}
	};
}

/** Validated parameters of `cibles.*`: the public filters and the territories they name. */
export function parseTargetParams(client: Database.Database, url: URL): { params: Pick<ValueParams, 'maille' | 'territoires'>; territories: TerritoryRef[] | null } {
	const raw = readQuery(url, 'cibles');
	const level = parseLevelParam(raw.maille);
	const territories = parseTerritories(client, raw.territoires, level);
	return { params: { maille: level ?? null, territoires: territories?.map((t) => t.code) ?? null }, territories: territories ?? null };
}

const COMPARED_HINT = `Donnez de ${MIN_COMPARED} à ${MAX_COMPARED} codes (France en plus) séparés par des virgules, par exemple territoires=R84,R93,D2A.`;

/** Runs one of the comparison page's checks; its refusal becomes a 400 naming the parameter. */
function asParameter<T>(name: ParameterName, check: () => T, hint?: string): T {
	try {
		return check();
	} catch (cause) {
		if (cause instanceof CompareParamError) throw new ApiError(400, `${cause.message} ${hint ?? cause.hint}`, name);
		throw cause;
	}
}

/**
 * Validated parameters of `comparaison` and `comparaison.csv`, as `comparison()` takes them. The
 * form is checked by the comparison page's own functions (`parseCodes`: 2 to 13 codes besides France, trimmed,
 * upper-cased, duplicates dropped; `parseCompareParams`: family and theme ids), existence by the
 * API's (`parseTerritories`, `parseFamily`, `parseTheme`), so every refusal names its parameter.
 */
export function parseComparisonParams(client: Database.Database, url: URL): CompareParams & { indicateur: string | null } {
	const raw = readQuery(url, 'comparaison');
	if (raw.territoires === undefined) {
		throw new ApiError(400, `Paramètre « territoires » manquant : indiquez les territoires à comparer. ${COMPARED_HINT}`, 'territoires');
	}
	const codes = asParameter('territoires', () => parseCodes(raw.territoires!), COMPARED_HINT);
	parseTerritories(client, codes.join(','), undefined);
	const filter = (name: 'famille' | 'theme') =>
		asParameter(name, () => {
			const query = new URLSearchParams({ t: codes.join(',') });
			if (raw[name] !== undefined) query.set(name, raw[name]);
			return parseCompareParams(query)[name];
		});
	const famille = filter('famille');
	const theme = filter('theme');
	parseFamily(client, famille ?? undefined);
	parseTheme(client, theme ?? undefined);
	const indicateur = raw.indicateur ?? null;
	if (indicateur !== null && !INDICATOR_ID.test(indicateur)) throw new ApiError(400, `Paramètre « indicateur » mal formé : « ${clip(indicateur)} ».`, 'indicateur');
	return { codes, famille, theme, indicateur };
}

/** Echo of user input in messages, bounded. */
function clip(text: string): string {
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
