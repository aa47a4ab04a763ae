/**
 * The bodies of the API's handlers: validate → query → serialise → `represent`. Each takes the
 * store's client and the request, so the tests call them on a temporary store; the `+server.ts`
 * files only pass `getClient()` and the route's parameters.
 */
import type Database from 'better-sqlite3';
import { VALUE_EXPORT_COLUMNS, targetsTable, valueRows } from '../export';
import { toCsv } from '../../csv/write';
import {
	COMPARISON_CSV_COLUMNS,
	comparison,
	comparisonCsvRows,
	comparisonFileName,
	CompareParamError,
	onlyIndicator,
	type CompareIndicator,
	type CompareParams,
	type Comparison
} from '../queries/compare';
import { allIndicators, allTerritories, findIndicator, findTerritory, progressIn, type IndicatorMeta, type Level } from '../queries/facts';
import { publicUrl } from '../origin';
import { lastRelease, type ReleaseInfo } from '../queries/releases';
import { CHANGE_COLUMNS, releaseChanges } from '../queries/vintages';
import { currentBundle } from './bundle';
import { answer, ApiError, httpDate, represent, type Representation } from './http';
import { memoise } from './memo';
import { OPENAPI_DOCUMENT } from './openapi';
import {
	INDICATOR_ID,
	parseComparisonParams,
	parseFamily,
	parseLevelParam,
	parseTargetParams,
	parseValueParams,
	parseVintageParams,
	readQuery,
	TERRITORY_CODE,
	type ValueParams
} from './params';
import { allReleases, indicatorIdsIn, indicatorSources, latestPublishedRate, valueRecords } from './queries';
import {
	comparisonJson,
	ETALAB,
	indicatorAttribution,
	indicatorJson,
	indicatorSource,
	jsonBody,
	licenceUrl,
	neutralise,
	neutraliseRow,
	releaseJson,
	safeCsv,
	safeTableCsv,
	siteSource,
	summaryJson,
	territoryJson,
	textColumns,
	valuesCsv
} from './serialise';
import { writeXlsx, type XlsxCell } from './xlsx';

const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LEVEL_ORDER: Record<Level, number> = { national: 0, region: 1, departement: 2 };
/** Representations of `valeurs.{format}` and `cibles.{format}`. */
export const VALUE_FORMATS = ['csv', 'json', 'xlsx'] as const;
export const TARGET_FORMATS = ['csv', 'json'] as const;

type Handler = (client: Database.Database, request: Request, params?: Record<string, string>) => Response;

/** Release-dated answer: Last-Modified is the last import. */
function reply(client: Database.Database, request: Request, make: (release: ReleaseInfo | null, url: URL) => Representation): Response {
	return answer(() => {
		const release = lastRelease(client);
		// Absolute addresses in a body come from the configured origin, never from the Host header.
		return represent(request, make(release, publicUrl(request.url)), httpDate(release?.importedAt));
	});
}

const json = (value: unknown, licence: string = ETALAB.url): Representation => ({ body: jsonBody(value), contentType: JSON_TYPE, licenceUrl: licence });

function indicatorOr404(client: Database.Database, id: string | undefined): IndicatorMeta {
	const found = id && INDICATOR_ID.test(id) ? findIndicator(client, id) : null;
	if (!found) throw new ApiError(404, `Indicateur « ${(id ?? '').slice(0, 80)} » introuvable (liste : /api/v1/indicateurs).`);
	return found;
}

function formatOr404<T extends string>(format: string | undefined, allowed: readonly T[]): T {
	if (!allowed.includes(format as T)) throw new ApiError(404, `Format « ${(format ?? '').slice(0, 20)} » inconnu : ${allowed.join(', ')}.`);
	return format as T;
}

// ---------------------------------------------------------------- indicators

export const indicatorsEndpoint: Handler = (client, request) =>
	reply(client, request, (release, url) => {
		const family = parseFamily(client, readQuery(url, 'indicateurs').famille);
		const indicators = allIndicators(client).filter((i) => !family || i.family.id === family);
		return json({ ...siteSource(release), nombre: indicators.length, indicateurs: indicators.map(indicatorJson) });
	});

export const indicatorEndpoint: Handler = (client, request, params = {}) =>
	reply(client, request, (release, url) => {
		const meta = indicatorOr404(client, params.id);
		readQuery(url, 'indicateur');
		const fr = findTerritory(client, 'FR');
		const summary = fr ? progressIn(client, meta, fr.id) : null;
		const national =
			fr && summary && (summary.latest || summary.baseline || summary.finalTarget) ? summaryJson(summary, latestPublishedRate(client, meta.id, fr.id)) : null;
		return json({ ...indicatorSource(meta, release), indicateur: indicatorJson(meta), national }, licenceUrl(meta.licence));
	});

/** The rows and information sheet of `valeurs.xlsx`. */
function valuesWorkbook(client: Database.Database, meta: IndicatorMeta, release: ReleaseInfo | null, params: ValueParams, filter: Parameters<typeof valueRows>[1], address: string): Uint8Array {
	const text = textColumns('valeurs', VALUE_EXPORT_COLUMNS);
	const rows: XlsxCell[][] = [[...VALUE_EXPORT_COLUMNS]];
	for (const row of valueRows(client, filter)) rows.push(neutraliseRow(row, text));
	const filters = [
		params.maille && `maille ${params.maille}`,
		params.territoires && `territoires ${params.territoires.join(', ')}`,
		params.depuis && `depuis le ${params.depuis}`,
		params.jusqu_a && `jusqu’au ${params.jusqu_a}`,
		params.au && `valeurs au ${params.au}`,
		params.livraison && `valeurs juste après la livraison n° ${params.livraison}`
	].filter(Boolean);
	const info: [string, XlsxCell][] = [
		['Indicateur', meta.name],
		['Identifiant', meta.code],
		['Unité', meta.unitLabel ? `${meta.unit} (${meta.unitLabel})` : meta.unit],
		['Source (producteur)', meta.producer],
		['Adresse de la source', meta.sourceUrl],
		['Date de dernière mise à jour de la source', meta.sourceUpdatedAt],
		['Licence', meta.licence],
		['Adresse de la licence', licenceUrl(meta.licence).startsWith('/') ? new URL(licenceUrl(meta.licence), address).href : licenceUrl(meta.licence)],
		['Mention à reprendre', indicatorAttribution(meta)],
		['Données importées dans Baromètre le', release?.importedAt ?? null],
		['Adresse de ce fichier', address],
		['Filtres', filters.length ? filters.join(' ; ') : 'aucun (toutes les valeurs en vigueur)'],
		['Nombre de lignes', rows.length - 1],
		['Note de lecture', meta.note],
		['Formules', 'Une cellule de texte commençant par =, +, -, @ est précédée d’une apostrophe ; les valeurs numériques ne sont jamais modifiées.']
	];
	return writeXlsx(
		[
			{ name: 'valeurs', rows, header: true },
			{ name: 'informations', rows: [['Information', 'Valeur'], ...info.map(([k, v]) => [k, neutralise(v)] as XlsxCell[])], header: true }
		],
		{ title: `${meta.name} — valeurs`, creator: 'Baromètre des résultats de l’action publique', date: release ? new Date(release.importedAt) : undefined }
	);
}

export const valuesEndpoint: Handler = (client, request, params = {}) =>
	reply(client, request, (release, url) => {
		const meta = indicatorOr404(client, params.id);
		const format = formatOr404(params.format, VALUE_FORMATS);
		const { params: filters, filter } = parseValueParams(client, url, meta.code);
		const licence = licenceUrl(meta.licence);
		if (format === 'csv') return { body: valuesCsv(client, filter), contentType: CSV_TYPE, filename: `${meta.code}-valeurs.csv`, licenceUrl: licence };
		if (format === 'xlsx') {
			const key = `xlsx ${meta.code} ${JSON.stringify(filters)}`;
			const body = memoise(client, key, () => valuesWorkbook(client, meta, release, filters, filter, url.href), 32);
			return { body, contentType: XLSX_TYPE, filename: `${meta.code}-valeurs.xlsx`, licenceUrl: licence };
		}
		const values = valueRecords(client, meta.id, filter);
		return json(
			{
				...indicatorSource(meta, release),
				indicateur: { id: meta.code, nom: meta.name, unite: meta.unit, sens: meta.direction },
				filtres: filters,
				nombre: values.length,
				valeurs: values
			},
			licence
		);
	});

export const targetsEndpoint: Handler = (client, request, params = {}) =>
	reply(client, request, (release, url) => {
		const meta = indicatorOr404(client, params.id);
		const format = formatOr404(params.format, TARGET_FORMATS);
		const { params: filters, territories } = parseTargetParams(client, url);
		const table = targetsTable(client, undefined, [meta.code]);
		const wanted = territories && new Set(territories.map((t) => `${t.level} ${t.inseeCode}`));
		const rows = table.rows.filter(([, level, code]) => (!filters.maille || level === filters.maille) && (!wanted || wanted.has(`${level} ${code}`)));
		const licence = licenceUrl(meta.licence);
		if (format === 'csv') {
			return { body: safeTableCsv('cibles', { header: table.header, rows }), contentType: CSV_TYPE, filename: `${meta.code}-cibles.csv`, licenceUrl: licence };
		}
		const publicCode = new Map(allTerritories(client).map((t) => [`${t.level} ${t.inseeCode}`, t.code]));
		const cibles = rows.map(([, maille, code, type, date, valeur, qualificatif, , note]) => ({
			maille,
			code_territoire: code,
			territoire_id: publicCode.get(`${maille} ${code}`) ?? null,
			type,
			date,
			valeur,
			qualificatif: qualificatif ?? null,
			note: note ?? null
		}));
		return json({ ...indicatorSource(meta, release), indicateur: { id: meta.code, nom: meta.name }, filtres: filters, nombre: cibles.length, cibles }, licence);
	});

// ---------------------------------------------------------------- territories

export const territoriesEndpoint: Handler = (client, request) =>
	reply(client, request, (release, url) => {
		const level = parseLevelParam(readQuery(url, 'territoires').maille);
		const territories = allTerritories(client)
			.filter((t) => !level || t.level === level)
			.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.inseeCode < b.inseeCode ? -1 : a.inseeCode > b.inseeCode ? 1 : 0));
		return json({ ...siteSource(release), nombre: territories.length, territoires: territories.map(territoryJson) });
	});

export const territoryEndpoint: Handler = (client, request, params = {}) =>
	reply(client, request, (release, url) => {
		const id = params.id ?? '';
		const territory = TERRITORY_CODE.test(id) ? findTerritory(client, id) : null;
		if (!territory) throw new ApiError(404, `Territoire « ${id.slice(0, 20)} » introuvable : écrivez FR, R84 (région) ou D2A (département).`);
		readQuery(url, 'territoire');
		const present = indicatorIdsIn(client, territory.id);
		const indicators = allIndicators(client)
			.filter((meta) => present.has(meta.id))
			.map((meta) => ({
				...indicatorJson(meta),
				resume: summaryJson(progressIn(client, meta, territory.id), latestPublishedRate(client, meta.id, territory.id))
			}));
		return json({ ...siteSource(release), territoire: territoryJson(territory), nombre: indicators.length, indicateurs: indicators });
	});

// ---------------------------------------------------------------- comparison

/**
 * The comparison page's query (`comparison()`) on validated parameters, narrowed to one indicator
 * with `indicateur` (404 when the comparison does not show it). The parameters were checked to
 * exist, so the query's own refusals should not happen here; if one does, it is still a 400.
 */
function compare(client: Database.Database, url: URL): { params: CompareParams; result: Comparison; indicator: CompareIndicator | null } {
	const { indicateur, ...params } = parseComparisonParams(client, url);
	let result: Comparison;
	try {
		result = comparison(client, params);
	} catch (cause) {
		if (!(cause instanceof CompareParamError)) throw cause;
		const parametre = /famille/i.test(cause.message) ? 'famille' : /th[eè]me/i.test(cause.message) ? 'theme' : 'territoires';
		throw new ApiError(400, `${cause.message} ${cause.hint}`, parametre);
	}
	if (indicateur === null) return { params, result, indicator: null };
	const one = onlyIndicator(result, indicateur);
	if (!one) throw new ApiError(404, `L’indicateur « ${indicateur} » n’est pas dans cette comparaison : il n’est pas publié pour chacun des territoires comparés, ou pas dans la famille ou le thème choisis.`, 'indicateur');
	return { params, result: one, indicator: one.indicators[0] };
}

/** `/comparaison`: the territories, France and every indicator common to them, cell by cell. */
export const comparisonEndpoint: Handler = (client, request) =>
	reply(client, request, (release, url) => {
		const { params, result } = compare(client, url);
		const sources = indicatorSources(client, result.indicators.map((i) => i.code));
		const filters = { territoires: params.codes, famille: params.famille, theme: params.theme };
		return json({ ...siteSource(release), ...comparisonJson(result, filters, sources) });
	});

/** `/comparaison.csv`: what /comparer shows, the bytes of /comparer/donnees.csv (one writer, one row function). */
export const comparisonCsvEndpoint: Handler = (client, request) =>
	reply(client, request, (_release, url) => {
		const { params, result, indicator } = compare(client, url);
		return {
			body: toCsv(COMPARISON_CSV_COLUMNS, comparisonCsvRows(result)),
			contentType: CSV_TYPE,
			filename: comparisonFileName(params, indicator ?? undefined),
			licenceUrl: ETALAB.url
		};
	});

// ---------------------------------------------------------------- data

export const releasesEndpoint: Handler = (client, request) =>
	reply(client, request, (release, url) => {
		readQuery(url, 'releases');
		const releases = allReleases(client);
		return json({ ...siteSource(release), nombre: releases.length, livraisons: releases.map(releaseJson) });
	});

/** `/releases/{n}/changements.csv`: what release n added, revised and withdrew. */
export const changesEndpoint: Handler = (client, request, params = {}) =>
	reply(client, request, (_release, url) => {
		const n = /^[1-9]\d{0,8}$/.test(params.n ?? '') ? Number(params.n) : 0;
		if (!n || !client.prepare('SELECT 1 FROM releases WHERE id = ?').get(n)) {
			throw new ApiError(404, `Livraison « ${(params.n ?? '').slice(0, 20)} » introuvable (liste : /api/v1/releases).`);
		}
		readQuery(url, 'changements');
		return {
			body: safeCsv(CHANGE_COLUMNS, releaseChanges(client, n), CHANGE_TEXT),
			contentType: CSV_TYPE,
			filename: `livraison-${n}-changements.csv`,
			licenceUrl: ETALAB.url
		};
	});

/** Text columns of changements.csv (neutralised against spreadsheet formulas); values stay numbers. */
const CHANGE_TEXT = CHANGE_COLUMNS.map((c) => !c.endsWith('valeur'));

export const openApiEndpoint: Handler = (client, request) =>
	reply(client, request, (_release, url) => {
		readQuery(url, 'openapi');
		return { body: JSON.stringify(OPENAPI_DOCUMENT, null, 2) + '\n', contentType: JSON_TYPE, licenceUrl: ETALAB.url };
	});

export const exportEndpoint: Handler = (client, request) =>
	reply(client, request, (_release, url) => {
		const vintage = parseVintageParams(client, readQuery(url, 'export'));
		const bundle = currentBundle(client, vintage);
		return { body: bundle.bytes, etag: bundle.etag, contentType: 'application/zip', filename: bundle.filename, licenceUrl: ETALAB.url };
	});

/** `/api/v1`: a small index; anything else under it: a JSON 404 (not the site's HTML page). */
export const indexEndpoint: Handler = (client, request, params = {}) =>
	reply(client, request, (release) => {
		if (params.rest) throw new ApiError(404, `Adresse inconnue : /api/v1/${params.rest.slice(0, 80)} (voir /api/v1/openapi.json).`);
		return json({
			...siteSource(release),
			nom: OPENAPI_DOCUMENT.info.title,
			documentation: '/donnees/api',
			openapi: '/api/v1/openapi.json',
			ressources: Object.entries(OPENAPI_DOCUMENT.paths).map(([path, item]) => ({ adresse: `/api/v1${path}`, resume: item.get.summary }))
		});
	});
