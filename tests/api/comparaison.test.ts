/**
 * /api/v1/comparaison and /api/v1/comparaison.csv on the bundled data: values checked against the
 * store's rows, the same answer as the /comparer page's query function and CSV, every refusal
 * (400 naming the parameter), caching and conditional requests, and the answer as documented.
 */
import type Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv/read';
import { toCsv } from '../../src/lib/csv/write';
import { OPENAPI_DOCUMENT } from '../../src/lib/server/api/openapi';
import { VALUE_EXPORT_COLUMNS } from '../../src/lib/server/export';
import { POPULATION_YEAR } from '../../src/lib/per-capita';
import { COMPARISON_CSV_COLUMNS, comparison, comparisonCsvRows, type CompareParams } from '../../src/lib/server/queries/compare';
import { findIndicator, findTerritory, progressIn } from '../../src/lib/server/queries/facts';
import { api, seededApiStore } from './helpers';
import { schemaErrors, undocumented } from './schema';

const ETALAB_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';
const CODES = ['R84', 'R93', 'D2A'];
const QUERY = `territoires=${CODES.join(',')}`;
let client: Database.Database;

beforeAll(async () => {
	({ client } = await seededApiStore());
}, 120_000);

const one = <T>(sql: string, ...params: unknown[]) => client.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => client.prepare(sql).all(...params) as T[];
const importedAt = () => one<{ t: string }>('SELECT imported_at AS t FROM releases ORDER BY id DESC LIMIT 1').t;
const doc = JSON.parse(JSON.stringify(OPENAPI_DOCUMENT));

interface Cell {
	territoire_id: string;
	date: string | null;
	valeur: number | null;
	qualificatif: string | null;
	valeur_pour_100000_habitants: number | null;
	ecart_france: number | null;
	ecart_dates_differentes: boolean;
	cible: { date: string; valeur: number } | null;
	taux_avancement: number | null;
	statut: string | null;
	rang: number | null;
	territoires_classes: number | null;
}
interface Indicator {
	id: string;
	nom: string;
	unite: string;
	sens: 'hausse' | 'baisse' | 'neutre';
	pour_100000_habitants: boolean;
	famille: { id: string };
	theme: { id: string } | null;
	producteur: string;
	licence: string;
	valeurs: Cell[];
}

/** The latest dated value of an indicator in a territory, from the store. */
const latest = (indicator: string, territory: string) =>
	one<{ date: string; value: number; qualifier: string | null } | undefined>(
		`SELECT o.date, o.value, o.qualifier FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
		 WHERE i.code = ? AND t.code = ? AND o.date <> '' ORDER BY o.date DESC LIMIT 1`,
		indicator,
		territory
	);

/** The values of an indicator at a date in every territory of a level, with populations. */
const peers = (indicator: string, level: string, date: string) =>
	all<{ code: string; value: number; population: number | null }>(
		`SELECT t.code, o.value, t.population FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
		 WHERE i.code = ? AND t.level = ? AND o.date = ?`,
		indicator,
		level,
		date
	);

/** Competition rank: 1 + the number of strictly more favourable values. */
const rankOf = (mine: number, others: number[], direction: string) => 1 + others.filter((v) => (direction === 'baisse' ? v < mine : v > mine)).length;

function expectCommonHeaders(headers: Headers) {
	expect(headers.get('access-control-allow-origin')).toBe('*');
	expect(headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
	expect(headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
	expect(headers.get('last-modified')).toBe(new Date(importedAt()).toUTCString());
	expect(headers.get('link')).toBe(`<${ETALAB_URL}>; rel="license"`);
}

describe('GET /api/v1/comparaison', () => {
	it('gives the territories, France and every indicator common to all, with source and licence', async () => {
		const r = await api(`/api/v1/comparaison?${QUERY}`);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(r.headers.get('content-disposition')).toBeNull();
		expectCommonHeaders(r.headers);
		const body = r.json();
		expect(body.filtres).toEqual({ territoires: CODES, famille: null, theme: null });
		const territories = all<{ code: string; level: string; inseeCode: string; name: string; population: number }>(
			'SELECT code, level, insee_code AS inseeCode, name, population FROM territories WHERE code IN (?, ?, ?, ?)',
			...CODES,
			'FR'
		);
		const expected = (code: string) => {
			const t = territories.find((t) => t.code === code)!;
			return { id: t.code, maille: t.level, code_insee: t.inseeCode, nom: t.name, population: t.population };
		};
		expect(body.territoires).toHaveLength(3);
		CODES.forEach((code, i) => expect(body.territoires[i]).toMatchObject(expected(code)));
		expect(body.france).toMatchObject(expected('FR'));
		expect(body.france.liens).toEqual({ self: '/api/v1/territoires/FR', page: '/territoires/france' });

		// Indicators with a dated value in each of the three territories.
		const common = all<{ code: string }>(
			`SELECT i.code FROM indicators i WHERE i.id IN (
			   SELECT o.indicator_id FROM observations o JOIN territories t ON t.id = o.territory_id
			   WHERE t.code IN (?, ?, ?) AND o.date <> '' GROUP BY o.indicator_id HAVING count(DISTINCT o.territory_id) = 3)`,
			...CODES
		).map((r) => r.code);
		expect(common.length).toBeGreaterThan(10);
		expect(body.nombre_communs).toBe(common.length);
		expect(body.nombre).toBe(common.length);
		expect(body.indicateurs.map((i: Indicator) => i.id).sort()).toEqual([...common].sort());
		expect(body.familles.reduce((n: number, f: { nombre: number }) => n + f.nombre, 0)).toBe(common.length);
		for (const indicator of body.indicateurs as Indicator[]) {
			expect(indicator.valeurs.map((c) => c.territoire_id)).toEqual([...CODES, 'FR']);
			// Each indicator carries its own producer and licence (the site licence says « sauf mention contraire »).
			const row = one<{ producer: string; licence: string }>('SELECT producer, licence FROM indicators WHERE code = ?', indicator.id);
			expect([indicator.producteur, indicator.licence]).toEqual([row.producer, row.licence]);
		}
		expect(body.source.donnees_importees_le).toBe(importedAt());
		expect(body.licence.url).toBe(ETALAB_URL);
		expect(body.licence.attribution).toContain('Licence Ouverte / Etalab 2.0');
	});

	it('IND-200 in R84: latest value, gap to France, target, progress rate and rank, from the stored rows', async () => {
		const body = (await api(`/api/v1/comparaison?${QUERY}`)).json();
		const indicator = (body.indicateurs as Indicator[]).find((i) => i.id === 'IND-200')!;
		const meta = one<{ name: string; unit: string; direction: string }>("SELECT name, unit, direction FROM indicators WHERE code = 'IND-200'");
		expect(indicator).toMatchObject({ nom: meta.name, unite: meta.unit, sens: meta.direction, pour_100000_habitants: false });
		const [r84, , , fr] = indicator.valeurs;

		const here = latest('IND-200', 'R84')!;
		const france = latest('IND-200', 'FR')!;
		expect(r84).toMatchObject({ territoire_id: 'R84', date: here.date, valeur: here.value, qualificatif: here.qualifier, valeur_pour_100000_habitants: null });
		expect(r84.ecart_france).toBeCloseTo(here.value - france.value, 9);
		expect(r84.ecart_dates_differentes).toBe(here.date !== france.date);

		const target = one<{ date: string; value: number }>(
			`SELECT g.date, g.value FROM targets g JOIN indicators i ON i.id = g.indicator_id JOIN territories t ON t.id = g.territory_id
			 WHERE i.code = 'IND-200' AND t.code = 'R84' AND g.kind = 'cible' ORDER BY g.date DESC LIMIT 1`
		);
		expect(r84.cible).toEqual({ date: target.date, valeur: target.value });
		// The rate the indicator and territory pages compute (facts.ts), not a copy of the comparison's.
		const rate = progressIn(client, findIndicator(client, 'IND-200')!, findTerritory(client, 'R84')!.id).rate;
		expect(rate).not.toBeNull();
		expect(r84.taux_avancement).toBeCloseTo(rate!, 9);

		const regions = peers('IND-200', 'region', here.date);
		expect(r84.territoires_classes).toBe(regions.length);
		expect(r84.rang).toBe(rankOf(here.value, regions.map((p) => p.value), meta.direction));

		expect(fr).toMatchObject({ territoire_id: 'FR', date: france.date, valeur: france.value, ecart_france: null, rang: null, territoires_classes: null });
	});

	it('amounts are compared, gapped and ranked per 100 000 inhabitants', async () => {
		const body = (await api(`/api/v1/comparaison?${QUERY}`)).json();
		const indicator = (body.indicateurs as Indicator[]).find((i) => i.pour_100000_habitants)!;
		expect(indicator, 'an amount among the common indicators').toBeDefined();
		const population = (code: string) => one<{ p: number }>('SELECT population AS p FROM territories WHERE code = ?', code).p;
		const here = latest(indicator.id, 'R84')!;
		const france = latest(indicator.id, 'FR')!;
		const cell = indicator.valeurs[0];
		const perCapita = (here.value * 100_000) / population('R84');
		expect(cell.valeur).toBe(here.value);
		expect(cell.valeur_pour_100000_habitants).toBeCloseTo(perCapita, 6);
		expect(cell.ecart_france).toBeCloseTo(perCapita - (france.value * 100_000) / population('FR'), 6);
		const regions = peers(indicator.id, 'region', here.date).map((p) => (p.value * 100_000) / p.population!);
		expect(cell.rang).toBe(rankOf(perCapita, regions, indicator.sens));
	});

	it('is the /comparer page’s comparison: the same query function, every field carried', async () => {
		const params: CompareParams = { codes: CODES, famille: null, theme: null };
		const result = comparison(client, params);
		const body = (await api(`/api/v1/comparaison?${QUERY}`)).json();
		expect(body.nombre_communs).toBe(result.total);
		expect(body.familles).toEqual(result.families.map((f) => ({ id: f.id, nom: f.name, nombre: f.count })));
		expect(body.themes).toEqual(result.themes.map((t) => ({ id: t.id, nom: t.name, nombre: t.count })));
		expect(body.indicateurs.map((i: Indicator) => i.id)).toEqual(result.indicators.map((i) => i.code));
		result.indicators.forEach((indicator, n) => {
			const json = body.indicateurs[n];
			expect(json).toMatchObject({
				nom: indicator.name,
				unite: indicator.unit,
				sens: indicator.direction,
				famille: { id: indicator.family.id, nom: indicator.family.name },
				theme: indicator.theme && { id: indicator.theme.id, nom: indicator.theme.name },
				politique: { nom: indicator.policy },
				pour_100000_habitants: indicator.perCapita
			});
			expect(json.valeurs).toEqual(
				indicator.cells.map((c) => ({
					territoire_id: c.code,
					date: c.date,
					valeur: c.value,
					qualificatif: c.qualifier,
					valeur_pour_100000_habitants: c.perCapita,
					ecart_france: c.gap,
					ecart_dates_differentes: c.gapDatesDiffer,
					cible: c.target && { date: c.target.date, valeur: c.target.value },
					taux_avancement: c.rate,
					statut: c.status,
					statut_date: c.verdict.judgedAt,
					statut_libelle: expect.any(String),
					rang: c.rank,
					territoires_classes: c.peers
				}))
			);
		});
	});

	it('filters by famille and theme; a theme without common indicator is an empty list, not an error', async () => {
		const all = (await api(`/api/v1/comparaison?${QUERY}`)).json();
		const family = (await api(`/api/v1/comparaison?${QUERY}&famille=politiques-prioritaires`)).json();
		expect(family.filtres).toEqual({ territoires: CODES, famille: 'politiques-prioritaires', theme: null });
		expect(family.nombre_communs).toBe(all.nombre_communs);
		expect(family.nombre).toBe(all.familles.find((f: { id: string }) => f.id === 'politiques-prioritaires').nombre);
		expect(family.indicateurs.every((i: Indicator) => i.famille.id === 'politiques-prioritaires')).toBe(true);

		const theme = (await api(`/api/v1/comparaison?${QUERY}&famille=politiques-prioritaires&theme=culture`)).json();
		expect(theme.nombre).toBeGreaterThan(0);
		expect(theme.indicateurs.map((i: Indicator) => i.id)).toContain('IND-200');
		expect(theme.indicateurs.every((i: Indicator) => i.theme?.id === 'culture' && i.famille.id === 'politiques-prioritaires')).toBe(true);

		const none = await api(`/api/v1/comparaison?${QUERY}&theme=opinion`);
		expect(none.status).toBe(200);
		expect(none.json()).toMatchObject({ nombre: 0, indicateurs: [], nombre_communs: all.nombre_communs });
	});

	it('France may be one of the territories; codes are trimmed, deduplicated, put in the canonical order', async () => {
		const withFrance = (await api('/api/v1/comparaison?territoires=R84,FR')).json();
		expect(withFrance.france).toBeNull();
		expect(withFrance.territoires.map((t: { id: string }) => t.id)).toEqual(['FR', 'R84']);
		for (const indicator of withFrance.indicateurs as Indicator[]) {
			expect(indicator.valeurs.map((c) => c.territoire_id)).toEqual(['FR', 'R84']);
			expect(indicator.valeurs[0].ecart_france).toBeNull();
		}
		// Like /comparer?t=…, the page's `parseCodes`: upper-cased, duplicates dropped, France, régions, départements.
		expect((await api('/api/v1/comparaison?territoires=D2A,%20r84,D2A')).json().filtres.territoires).toEqual(['R84', 'D2A']);
	});

	it('HEAD answers like GET, without a body; OPTIONS is a CORS preflight; other methods get 405', async () => {
		const get = await api(`/api/v1/comparaison?${QUERY}`);
		const head = await api(`/api/v1/comparaison?${QUERY}`, { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
		const preflight = await api('/api/v1/comparaison.csv', { method: 'OPTIONS' });
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
		const post = await api(`/api/v1/comparaison?${QUERY}`, { method: 'POST' });
		expect(post.status).toBe(405);
		expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
	});
});

describe('GET /api/v1/comparaison.csv', () => {
	const rowsOf = (csv: string) => parseCsv(csv).rows.map((r) => r.fields);
	/** The page's download (/comparer/donnees.csv), called on the same store. */
	const pageCsv = async (query: string) => {
		const page = (await import('../../src/routes/comparer/donnees.csv/+server')) as unknown as {
			GET: (event: { url: URL }) => Response | Promise<Response>;
		};
		return (await page.GET({ url: new URL(`http://localhost/comparer/donnees.csv?${query}`) })).text();
	};

	it('is /comparer/donnees.csv: the canonical value columns, then what the page shows beside each value', async () => {
		const r = await api(`/api/v1/comparaison.csv?${QUERY}`);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(r.headers.get('content-disposition')).toBe('attachment; filename="comparaison-R84-R93-D2A.csv"');
		expectCommonHeaders(r.headers);
		expect([...r.bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
		expect(r.text.split('\n')[0]).toBe(COMPARISON_CSV_COLUMNS.join(','));
		expect(COMPARISON_CSV_COLUMNS.slice(0, VALUE_EXPORT_COLUMNS.length)).toEqual([...VALUE_EXPORT_COLUMNS]);

		// Byte for byte the page's download, and the rows of the shared query function, by the one writer.
		expect(r.text).toBe(await pageCsv(`t=${CODES.join(',')}`));
		expect(r.text).toBe(toCsv(COMPARISON_CSV_COLUMNS, comparisonCsvRows(comparison(client, { codes: CODES, famille: null, theme: null }))));

		// One row per value shown, France included.
		const json = (await api(`/api/v1/comparaison?${QUERY}`)).json();
		const shown = (json.indicateurs as Indicator[]).flatMap((i) => i.valeurs.filter((c) => c.valeur !== null).map((c) => `${i.id} ${c.territoire_id}`));
		const rows = rowsOf(r.text).slice(1);
		expect(rows).toHaveLength(shown.length);
		expect(rows.some((row) => row[2] === 'national' && row[3] === 'FR')).toBe(true);

		const here = latest('IND-200', 'R84')!;
		const name = one<{ name: string }>("SELECT name FROM indicators WHERE code = 'IND-200'").name;
		expect(rows.map((row) => row.slice(0, 8))).toContainEqual(['IND-200', name, 'region', '84', 'Auvergne-Rhône-Alpes', here.date, String(here.value), '%']);
	});

	it('the rank and gap columns are those computed from the store (a rate, and a count per 100 000 inhabitants)', async () => {
		const rows = rowsOf((await api(`/api/v1/comparaison.csv?${QUERY}`)).text);
		const header = rows[0];
		const cell = (row: string[], name: string) => row[header.indexOf(name)];
		const rowOf = (indicator: string, insee: string) => rows.find((row) => row[0] === indicator && row[3] === insee)!;

		// IND-200, a rate, in Auvergne-Rhône-Alpes: gap in points to France, rank among the régions at that date.
		const here = latest('IND-200', 'R84')!;
		const france = latest('IND-200', 'FR')!;
		const direction = one<{ d: string }>("SELECT direction AS d FROM indicators WHERE code = 'IND-200'").d;
		const regions = peers('IND-200', 'region', here.date);
		const r84 = rowOf('IND-200', '84');
		expect(Number(cell(r84, 'ecart_france'))).toBeCloseTo(here.value - france.value, 9);
		expect(cell(r84, 'ecart_dates_differentes')).toBe(here.date === france.date ? 'non' : 'oui');
		expect(Number(cell(r84, 'rang'))).toBe(rankOf(here.value, regions.map((p) => p.value), direction));
		expect(Number(cell(r84, 'territoires_classes'))).toBe(regions.length);
		expect(cell(r84, 'valeur_pour_100000_habitants')).toBe('');
		expect(cell(r84, 'population')).toBe('');
		expect(cell(r84, 'statut_date')).toBe(here.date);
		const source = one<{ producer: string; licence: string }>("SELECT producer, licence FROM indicators WHERE code = 'IND-200'");
		expect([cell(r84, 'source'), cell(r84, 'licence')]).toEqual([source.producer, source.licence]);
		// France is the reference: no gap, no rank.
		const fr = rowOf('IND-200', 'FR');
		expect([cell(fr, 'ecart_france'), cell(fr, 'rang')]).toEqual(['', '']);

		// A count in Corse-du-Sud: per 100 000 inhabitants, population and its source, gap and rank on those values.
		const json = (await api(`/api/v1/comparaison?${QUERY}`)).json();
		const count = (json.indicateurs as Indicator[]).find((i) => i.pour_100000_habitants)!;
		const population = (code: string) => one<{ p: number }>('SELECT population AS p FROM territories WHERE code = ?', code).p;
		const d2a = latest(count.id, 'D2A')!;
		const countFrance = latest(count.id, 'FR')!;
		const perCapita = (d2a.value * 100_000) / population('D2A');
		const row = rowOf(count.id, '2A');
		expect(Number(cell(row, 'valeur_pour_100000_habitants'))).toBeCloseTo(perCapita, 9);
		expect(Number(cell(row, 'population'))).toBe(population('D2A'));
		expect(cell(row, 'annee_population')).toBe(String(POPULATION_YEAR));
		expect(Number(cell(row, 'ecart_france'))).toBeCloseTo(perCapita - (countFrance.value * 100_000) / population('FR'), 9);
		const departements = peers(count.id, 'departement', d2a.date).map((p) => (p.value * 100_000) / p.population!);
		expect(Number(cell(row, 'rang'))).toBe(rankOf(perCapita, departements, count.sens));
		expect(Number(cell(row, 'territoires_classes'))).toBe(departements.length);
	});

	it('with « indicateur », only that indicator’s rows, in a file named after it; the page’s link gives the same bytes', async () => {
		const r = await api(`/api/v1/comparaison.csv?${QUERY}&indicateur=IND-200`);
		expect(r.status).toBe(200);
		const name = one<{ name: string }>("SELECT name FROM indicators WHERE code = 'IND-200'").name;
		expect(name).toBe('Taux de couverture des +18 ans');
		expect(r.headers.get('content-disposition')).toBe('attachment; filename="comparaison-R84-R93-D2A-IND-200-taux-de-couverture-des-18-ans.csv"');
		const rows = rowsOf(r.text).slice(1);
		expect(rows.map((row) => [row[0], row[3]])).toEqual([
			['IND-200', '84'],
			['IND-200', '93'],
			['IND-200', '2A'],
			['IND-200', 'FR']
		]);
		expect(r.text).toBe(await pageCsv(`t=${CODES.join(',')}&indicateur=IND-200`));
		// An indicator the comparison does not show: 404 on both.
		expect((await api(`/api/v1/comparaison.csv?${QUERY}&indicateur=IND-999999`)).status).toBe(404);
		await expect(pageCsv(`t=${CODES.join(',')}&indicateur=IND-999999`)).rejects.toMatchObject({ status: 404 });
	});

	it('filters like the JSON', async () => {
		const query = `${QUERY}&famille=politiques-prioritaires&theme=culture`;
		const ids = new Set((await api(`/api/v1/comparaison?${query}`)).json().indicateurs.map((i: Indicator) => i.id));
		const rows = rowsOf((await api(`/api/v1/comparaison.csv?${query}`)).text).slice(1);
		expect(rows.length).toBeGreaterThan(0);
		expect(new Set(rows.map((row) => row[0]))).toEqual(ids);
	});
});

describe('refusals', () => {
	const fourteen = 'D01,D02,D03,D04,D05,D06,D07,D08,D09,D10,D11,D12,D13,D14';
	const cases: [string, string, RegExp][] = [
		['', 'territoires', /« territoires » manquant/],
		['famille=politiques-prioritaires', 'territoires', /« territoires » manquant/],
		['territoires=R84', 'territoires', /au moins 2 territoires : seul « R84 »/],
		['territoires=R84,R84', 'territoires', /au moins 2 territoires/],
		[`territoires=${fourteen}`, 'territoires', /13 territoires au plus, France en plus : 14 sont donnés/],
		['territoires=R84,X1', 'territoires', /mal formé : « X1 »/],
		['territoires=R84,D1000', 'territoires', /mal formé/],
		['territoires=R84,R99', 'territoires', /Territoire « R99 » inconnu/],
		['territoires=', 'territoires', /« territoires » vide/],
		['territoires=R84,R93&territoires=D2A', 'territoires', /plusieurs fois/],
		['t=R84,R93', 't', /Paramètre inconnu « t » \(paramètres acceptés : territoires, famille, theme, indicateur\)/],
		[`${QUERY}&maille=region`, 'maille', /Paramètre inconnu « maille »/],
		[`${QUERY}&famille=Pas%20bien`, 'famille', /« famille » mal formé/],
		[`${QUERY}&famille=inconnue`, 'famille', /Famille « inconnue » inconnue/],
		[`${QUERY}&famille=politiques-prioritaires&famille=complexite`, 'famille', /plusieurs fois/],
		[`${QUERY}&theme=Sant%C3%A9`, 'theme', /« theme » mal formé/],
		[`${QUERY}&theme=inconnu`, 'theme', /Thème « inconnu » inconnu/]
	];
	it.each(cases.flatMap(([query, parametre, message]) => ['comparaison', 'comparaison.csv'].map((path) => [`/api/v1/${path}?${query}`, parametre, message] as const)))(
		'%s → 400 %s',
		async (address, parametre, message) => {
			const r = await api(address);
			expect(r.status).toBe(400);
			expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
			expect(r.headers.get('access-control-allow-origin')).toBe('*');
			expect(r.headers.get('cache-control')).toBe('no-store');
			const body = r.json();
			expect(body.parametre).toBe(parametre);
			expect(body.erreur).toMatch(message);
		}
	);

	it('too long a query is a 414', async () => {
		const r = await api(`/api/v1/comparaison?territoires=R84,R93&famille=${'a'.repeat(2100)}`);
		expect(r.status).toBe(414);
		expect(r.json().erreur).toContain('trop longue');
	});

	it('the refusals the OpenAPI document shows are the API’s own messages', async () => {
		const queries: Record<string, string> = {
			manquant: '',
			un_seul: 'territoires=R84',
			trop: `territoires=${fourteen}`,
			inconnu: 'territoires=R84,R99',
			famille: 'territoires=R84,R93&famille=inconnue',
			parametre: 't=R84,R93'
		};
		const examples = doc.paths['/comparaison'].get.responses['400'].content['application/json'].examples as Record<string, { value: unknown }>;
		expect(Object.keys(examples).sort()).toEqual(Object.keys(queries).sort());
		for (const [name, { value }] of Object.entries(examples)) {
			expect((await api(`/api/v1/comparaison?${queries[name]}`)).json(), name).toEqual(value);
		}
	});
});

describe('conditional requests', () => {
	it.each(['comparaison', 'comparaison.csv'])('/api/v1/%s: If-None-Match or If-Modified-Since gets 304; another comparison has another ETag', async (path) => {
		const first = await api(`/api/v1/${path}?${QUERY}`);
		const etag = first.headers.get('etag')!;
		const conditions: Record<string, string>[] = [{ 'if-none-match': etag }, { 'if-none-match': `W/${etag}` }, { 'if-modified-since': first.headers.get('last-modified')! }];
		for (const headers of conditions) {
			const again = await api(`/api/v1/${path}?${QUERY}`, { headers });
			expect(again.status, JSON.stringify(headers)).toBe(304);
			expect(again.bytes.length).toBe(0);
			expect(again.headers.get('etag')).toBe(etag);
			expect(again.headers.get('access-control-allow-origin')).toBe('*');
		}
		expect((await api(`/api/v1/${path}?${QUERY}`, { headers: { 'if-none-match': '"autre"' } })).status).toBe(200);
		expect((await api(`/api/v1/${path}?territoires=R84,R93`)).headers.get('etag')).not.toBe(etag);
		// Same answer, same ETag: a client revalidates across calls.
		expect((await api(`/api/v1/${path}?${QUERY}`)).headers.get('etag')).toBe(etag);
	});
});

describe('as documented', () => {
	it('the answers follow the Comparaison schema of the OpenAPI document, without undocumented fields', async () => {
		const schema = doc.components.schemas.Comparaison;
		for (const query of [QUERY, 'territoires=FR,D971', `${QUERY}&famille=politiques-prioritaires&theme=culture`, `${QUERY}&theme=opinion`]) {
			const body = (await api(`/api/v1/comparaison?${query}`)).json();
			expect(schemaErrors(doc, schema, body), query).toEqual([]);
			expect(undocumented(doc, schema, body), query).toEqual([]);
		}
	});

	it('its address and example are listed by the API index', async () => {
		const index = (await api('/api/v1')).json();
		expect(index.ressources.map((r: { adresse: string }) => r.adresse)).toEqual(expect.arrayContaining(['/api/v1/comparaison', '/api/v1/comparaison.csv']));
		expect((await api(doc.paths['/comparaison'].get['x-exemple'])).status).toBe(200);
		expect((await api(doc.paths['/comparaison.csv'].get['x-exemple'])).status).toBe(200);
	});
});
