/**
 * The embeddable view of one indicator's comparison (`/integrer/comparer?t=R84,R93,D2A&indicateur=IND-200`):
 * the parameters of /comparer (`t`, `famille`, `theme`, checked by the same code; other parameters
 * are ignored, as on /comparer) plus the required `indicateur`, then the same comparison query.
 * Errors, for the load to turn into HTTP statuses: `CompareParamError` (400: missing or malformed
 * parameter, unknown territory, family or theme) and `IndicatorNotCompared` (404: a well-formed
 * code that is not among the comparison's indicators), each with a French message and hint.
 */
import type Database from 'better-sqlite3';
import { INDICATOR_ID } from '$lib/server/api/params';
import {
	comparison,
	CompareParamError,
	parseCompareParams,
	type CompareIndicator,
	type CompareParams,
	type CompareTerritory,
	type Comparison
} from '$lib/server/queries/compare';
import { compareHref } from '../../comparer/url';

/** A well-formed indicator code that the comparison does not show: a 404. */
export class IndicatorNotCompared extends Error {
	constructor(
		message: string,
		readonly hint: string
	) {
		super(message);
	}
}

const INDICATOR_HINT =
	'Donnez le code de l’indicateur tel qu’il figure dans l’adresse de sa page, par exemple /integrer/comparer?t=R84,R93,D2A&indicateur=IND-200. La rubrique « Intégrer » de la page « Comparer » donne le code d’intégration de chaque indicateur.';

/** `indicateur`: required, once, letters, digits, `-`, `_` and `.` (as in the API). Trimmed. */
export function parseIndicatorParam(params: URLSearchParams): string {
	const values = params.getAll('indicateur');
	if (values.length > 1) throw new CompareParamError('Le paramètre « indicateur » ne peut être donné qu’une fois.', 'Retirez les doublons de l’adresse.');
	const value = (values[0] ?? '').trim();
	if (value === '') throw new CompareParamError('Paramètre « indicateur » manquant : indiquez l’indicateur dont la comparaison est intégrée.', INDICATOR_HINT);
	if (!INDICATOR_ID.test(value)) throw new CompareParamError(`Paramètre « indicateur » mal formé : « ${value.slice(0, 60)} ».`, INDICATOR_HINT);
	return value;
}

export interface EmbeddedComparison {
	params: CompareParams;
	/** The chosen territories, in order. */
	territories: CompareTerritory[];
	/** France as the reference (null when it is among the chosen territories). */
	france: CompareTerritory | null;
	indicator: CompareIndicator;
}

/** The comparison of one indicator; throws `CompareParamError` (400) or `IndicatorNotCompared` (404). */
export function embeddedComparison(client: Database.Database, search: URLSearchParams): EmbeddedComparison {
	const params = parseCompareParams(search);
	const code = parseIndicatorParam(search);
	const result = comparison(client, params);
	return { params, territories: result.territories, france: result.france, indicator: comparedIndicator(client, params, result, code) };
}

/** The indicator `code` of a comparison; throws `IndicatorNotCompared` (404), saying why, when it is not shown. */
export function comparedIndicator(client: Database.Database, params: CompareParams, result: Comparison, code: string): CompareIndicator {
	const indicator = result.indicators.find((i) => i.code === code);
	if (indicator) return indicator;

	const page = compareHref(params);
	const filtered = params.famille !== null || params.theme !== null;
	if (filtered && comparison(client, { ...params, famille: null, theme: null }).indicators.some((i) => i.code === code)) {
		const which = params.famille && params.theme ? 'la famille et le thème choisis' : params.famille ? 'la famille choisie' : 'le thème choisi';
		throw new IndicatorNotCompared(`L’indicateur « ${code} » n’est pas dans ${which}.`, 'Retirez le paramètre « famille » ou « theme » de l’adresse.');
	}
	if (!client.prepare('SELECT 1 FROM indicators WHERE code = ?').get(code))
		throw new IndicatorNotCompared(`Indicateur introuvable : « ${code} ».`, `Vérifiez le code de l’indicateur, ou repartez de la comparaison : ${page}.`);
	throw new IndicatorNotCompared(
		`L’indicateur « ${code} » n’est pas publié pour chacun des territoires comparés (${result.territories.map((t) => t.name).join(', ')}).`,
		`La page ${page} liste les indicateurs publiés pour tous, avec le lien de chacun vers sa vue à intégrer.`
	);
}
