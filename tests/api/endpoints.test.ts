/**
 * Every endpoint of /api/v1 on the bundled data, checked against the store: values, headers
 * (source, licence, caching, CORS), conditional requests, and every refusal (400, 404, 405, 414).
 */
import type Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv/read';
import { VALUE_EXPORT_COLUMNS, writeValuesCsv, targetsTable, type ValueFilter } from '../../src/lib/server/export';
import { downloadCatalogue } from '../../src/lib/server/api/catalogue';
import { OPENAPI_DOCUMENT } from '../../src/lib/server/api/openapi';
import { ResponseCache } from '../../src/lib/server/response-cache';
import { api, seededApiStore } from './helpers';

const ETALAB_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';
let client: Database.Database;

beforeAll(async () => {
	({ client } = await seededApiStore());
}, 120_000);

const one = <T>(sql: string, ...params: unknown[]) => client.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => client.prepare(sql).all(...params) as T[];
const canonicalCsv = (filter: ValueFilter) => {
	let out = '';
	writeValuesCsv(client, (chunk) => (out += chunk), filter);
	return out;
};
const rowsOf = (csv: string) => parseCsv(csv).rows.map((r) => r.fields);
const importedAt = () => one<{ t: string }>('SELECT imported_at AS t FROM releases ORDER BY id DESC LIMIT 1').t;

function expectCommonHeaders(headers: Headers) {
	expect(headers.get('access-control-allow-origin')).toBe('*');
	expect(headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
	expect(headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
	expect(headers.get('last-modified')).toBe(new Date(importedAt()).toUTCString());
}

describe('indicators', () => {
	it('/indicateurs lists every indicator with its metadata, source and licence', async () => {
		const r = await api('/api/v1/indicateurs');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expectCommonHeaders(r.headers);
		expect(r.headers.get('link')).toBe(`<${ETALAB_URL}>; rel="license"`);
		const body = r.json();
		const total = one<{ n: number }>('SELECT count(*) AS n FROM indicators').n;
		expect(body.nombre).toBe(total);
		expect(body.indicateurs).toHaveLength(total);
		expect(new Set(body.indicateurs.map((i: { id: string }) => i.id))).toEqual(new Set(all<{ code: string }>('SELECT code FROM indicators').map((r) => r.code)));
		expect(body.licence.url).toBe(ETALAB_URL);
		expect(body.licence.attribution).toMatch(/données mises à jour le \d{1,2}(er)? \S+ \d{4} — Licence Ouverte \/ Etalab 2\.0$/);
		expect(body.source.donnees_importees_le).toBe(importedAt());
		const ind200 = body.indicateurs.find((i: { id: string }) => i.id === 'IND-200');
		const row = one<Record<string, string>>(
			`SELECT i.name, i.unit, i.producer, i.licence, i.direction, i.source_updated_at AS updated, p.family_id AS family, p.id AS policy
			 FROM indicators i JOIN policies p ON p.id = i.policy_id WHERE i.code = 'IND-200'`
		);
		expect(ind200).toMatchObject({
			nom: row.name,
			unite: row.unit,
			producteur: row.producer,
			licence: row.licence,
			sens: row.direction,
			date_mise_a_jour: row.updated,
			famille: { id: row.family },
			politique: { id: row.policy },
			mailles: ['national', 'region', 'departement'],
			liens: { valeurs_csv: '/api/v1/indicateurs/IND-200/valeurs.csv', cibles_csv: '/api/v1/indicateurs/IND-200/cibles.csv' }
		});
	});

	it('/indicateurs?famille= keeps one family', async () => {
		const body = (await api('/api/v1/indicateurs?famille=barometre-2017-2022')).json();
		expect(body.nombre).toBe(57);
		expect(body.indicateurs.every((i: { famille: { id: string } }) => i.famille.id === 'barometre-2017-2022')).toBe(true);
	});

	it('/indicateurs/{id} gives the metadata and the national summary', async () => {
		const r = await api('/api/v1/indicateurs/IND-200');
		expect(r.status).toBe(200);
		expectCommonHeaders(r.headers);
		const body = r.json();
		expect(body.indicateur.id).toBe('IND-200');
		expect(body.source.producteur).toBe(one<{ p: string }>("SELECT producer AS p FROM indicators WHERE code = 'IND-200'").p);
		expect(body.licence.nom).toBe('Licence Ouverte / Etalab 2.0');
		const latest = one<{ date: string; value: number }>(
			`SELECT o.date, o.value FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
			 WHERE i.code = 'IND-200' AND t.code = 'FR' ORDER BY o.date DESC LIMIT 1`
		);
		expect(body.national.derniere_valeur).toEqual({ date: latest.date, valeur: latest.value, qualificatif: null });
		const targets = all<{ kind: string; date: string; value: number }>(
			`SELECT g.kind, g.date, g.value FROM targets g JOIN indicators i ON i.id = g.indicator_id JOIN territories t ON t.id = g.territory_id
			 WHERE i.code = 'IND-200' AND t.code = 'FR' ORDER BY g.date`
		);
		const baseline = targets.find((t) => t.kind === 'initiale')!;
		const final = targets.filter((t) => t.kind === 'cible').at(-1)!;
		expect(body.national.valeur_initiale).toEqual({ date: baseline.date, valeur: baseline.value });
		expect(body.national.cible).toEqual({ date: final.date, valeur: final.value });
		// The DITP published its own rate for the same date: ours follows the same rule.
		const published = one<{ date: string; rate: number }>(
			`SELECT r.date, r.rate FROM published_rates r JOIN indicators i ON i.id = r.indicator_id JOIN territories t ON t.id = r.territory_id
			 WHERE i.code = 'IND-200' AND t.code = 'FR' ORDER BY r.date DESC LIMIT 1`
		);
		expect(body.national.taux_avancement_publie).toEqual({ date: published.date, taux: published.rate });
		expect(published.date).toBe(latest.date);
		expect(body.national.taux_avancement).toBeCloseTo(published.rate, 1);
		expect(['atteinte', 'en-bonne-voie', 'en-retard', 'sans-cible', 'non-evaluable']).toContain(body.national.statut);
		// The status says which value it was judged on.
		expect(body.national.statut_date).toBe(latest.date);
		expect(body.national.statut_libelle).toContain('au vu de la valeur');
	});

	it('an indicator without national values has no national summary', async () => {
		const code = one<{ code: string }>(
			`SELECT i.code FROM indicators i WHERE NOT EXISTS (SELECT 1 FROM observations o JOIN territories t ON t.id = o.territory_id WHERE o.indicator_id = i.id AND t.level = 'national')
			   AND NOT EXISTS (SELECT 1 FROM targets g JOIN territories t ON t.id = g.territory_id WHERE g.indicator_id = i.id AND t.level = 'national') LIMIT 1`
		)?.code;
		if (!code) return;
		expect((await api(`/api/v1/indicateurs/${code}`)).json().national).toBeNull();
	});
});

describe('values', () => {
	it('valeurs.csv is the canonical CSV of export.ts: columns, order, encoding, headers', async () => {
		const r = await api('/api/v1/indicateurs/IND-200/valeurs.csv');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(r.headers.get('content-disposition')).toBe('attachment; filename="IND-200-valeurs.csv"');
		expect(r.headers.get('link')).toBe(`<${ETALAB_URL}>; rel="license"`);
		expectCommonHeaders(r.headers);
		expect([...r.bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
		expect(r.text.split('\n')[0]).toBe(VALUE_EXPORT_COLUMNS.join(','));
		expect(r.text).toBe(canonicalCsv({ indicators: ['IND-200'] }));
		const n = one<{ n: number }>("SELECT count(*) AS n FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.code = 'IND-200'").n;
		expect(rowsOf(r.text)).toHaveLength(n + 1);
		expect(r.text).toContain('IND-200,Taux de couverture des +18 ans,national,FR,France,2024-05-01,82.02,%\n');
		expect(r.text).toContain(',departement,01,Ain,');
		expect(r.text).toContain(',departement,2A,Corse-du-Sud,');
	});

	it('filters by maille, territories and dates, like npm run export', async () => {
		const region = await api('/api/v1/indicateurs/IND-200/valeurs.csv?maille=region');
		expect(region.text).toBe(canonicalCsv({ indicators: ['IND-200'], level: 'region' }));
		expect(rowsOf(region.text).slice(1).every((r) => r[2] === 'region')).toBe(true);

		const some = rowsOf((await api('/api/v1/indicateurs/IND-200/valeurs.csv?territoires=FR,R84,D2A')).text).slice(1);
		expect(new Set(some.map((r) => `${r[2]} ${r[3]}`))).toEqual(new Set(['national FR', 'region 84', 'departement 2A']));

		const dated = rowsOf((await api('/api/v1/indicateurs/IND-200/valeurs.csv?depuis=2024-02-01&jusqu_a=2024-03-31')).text).slice(1);
		expect(dated.length).toBeGreaterThan(0);
		expect(dated.every((r) => r[5] >= '2024-02-01' && r[5] <= '2024-03-31')).toBe(true);
		const expected = one<{ n: number }>(
			"SELECT count(*) AS n FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.code = 'IND-200' AND o.date BETWEEN '2024-02-01' AND '2024-03-31'"
		).n;
		expect(dated).toHaveLength(expected);
	});

	it('a value dated to the year counts as its first day for depuis and jusqu_a', async () => {
		const code = 'complexite-confiance-entreprises-pct-confiance';
		const dates = (q: string) =>
			api(`/api/v1/indicateurs/${code}/valeurs.json${q}`).then((r) => r.json().valeurs.map((v: { date: string }) => v.date));
		expect(await dates('')).toContain('2021');
		expect(await dates('?depuis=2021-01-01')).toContain('2021');
		expect(await dates('?depuis=2021-01-02')).not.toContain('2021');
		expect(await dates('?jusqu_a=2021-01-01')).toContain('2021');
		expect(await dates('?jusqu_a=2020-12-31')).not.toContain('2021');
	});

	it('valeurs.json holds the same rows as the CSV, with the source’s qualifiers', async () => {
		const query = '?maille=departement&depuis=2024-01-01';
		const csv = rowsOf((await api(`/api/v1/indicateurs/IND-200/valeurs.csv${query}`)).text).slice(1);
		const r = await api(`/api/v1/indicateurs/IND-200/valeurs.json${query}`);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-disposition')).toBeNull();
		const body = r.json();
		expect(body.filtres).toEqual({ maille: 'departement', territoires: null, depuis: '2024-01-01', jusqu_a: null, livraison: null, au: null });
		expect(body.nombre).toBe(csv.length);
		expect(body.valeurs.map((v: Record<string, unknown>) => [v.maille, v.code_territoire, v.territoire, v.date, String(v.valeur)])).toEqual(
			csv.map((r) => [r[2], r[3], r[4], r[5], r[6]])
		);
		expect(body.valeurs[0]).toMatchObject({ territoire_id: expect.stringMatching(/^D/) });
		expect(body.source.producteur).toBeTruthy();
		expect(body.licence.nom).toBeTruthy();

		const qualified = (await api('/api/v1/indicateurs/ftap-ccomptes-part-dossiers-numeriques/valeurs.json')).json();
		expect(qualified.valeurs).toContainEqual(expect.objectContaining({ date: '2025-06', valeur: 80, qualificatif: 'pres de' }));
	});

	it('negative values stay negative', async () => {
		const text = (await api('/api/v1/indicateurs/IND-334/valeurs.csv?territoires=R32')).text;
		expect(text).toMatch(/,region,32,[^,\n]+,2022-12-01,-6,/);
		expect(text).toMatch(/,region,32,[^,\n]+,2023-12-01,-15,/);
	});

	it('cibles.csv and cibles.json hold the baselines and targets of targetsTable', async () => {
		const r = await api('/api/v1/indicateurs/IND-200/cibles.csv');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-disposition')).toBe('attachment; filename="IND-200-cibles.csv"');
		const table = targetsTable(client, undefined, ['IND-200']);
		expect(rowsOf(r.text)[0]).toEqual(table.header);
		expect(rowsOf(r.text)).toHaveLength(table.rows.length + 1);

		const national = (await api('/api/v1/indicateurs/IND-200/cibles.json?maille=national')).json();
		const expected = table.rows.filter((row) => row[1] === 'national');
		expect(national.nombre).toBe(expected.length);
		expect(national.cibles.map((c: Record<string, unknown>) => [c.type, c.date, c.valeur])).toEqual(expected.map((row) => [row[3], row[4], row[5]]));
		expect(national.cibles[0]).toMatchObject({ maille: 'national', code_territoire: 'FR', territoire_id: 'FR' });

		const r84 = (await api('/api/v1/indicateurs/IND-200/cibles.json?territoires=R84')).json();
		expect(r84.cibles.map((c: Record<string, unknown>) => [c.territoire_id, c.code_territoire, c.type])).toEqual([
			['R84', '84', 'cible'],
			['R84', '84', 'initiale']
		]);
	});
});

describe('territories', () => {
	it('/territoires lists France, 18 régions and 101 départements', async () => {
		const r = await api('/api/v1/territoires');
		expectCommonHeaders(r.headers);
		const body = r.json();
		expect(body.nombre).toBe(120);
		expect(body.territoires[0]).toMatchObject({ id: 'FR', maille: 'national', nom: 'France' });
		expect(body.territoires.find((t: { id: string }) => t.id === 'D2A')).toMatchObject({ maille: 'departement', code_insee: '2A', nom: 'Corse-du-Sud', parent: 'R94' });
		expect((await api('/api/v1/territoires?maille=region')).json().nombre).toBe(18);
	});

	it('/territoires/{id} gives every indicator available there with its summary', async () => {
		const r = await api('/api/v1/territoires/D2A');
		expect(r.status).toBe(200);
		const body = r.json();
		expect(body.territoire).toMatchObject({ id: 'D2A', nom: 'Corse-du-Sud' });
		const expected = all<{ code: string }>(
			`SELECT i.code FROM indicators i, territories t WHERE t.code = 'D2A' AND (
			   EXISTS (SELECT 1 FROM observations o WHERE o.indicator_id = i.id AND o.territory_id = t.id) OR
			   EXISTS (SELECT 1 FROM targets g WHERE g.indicator_id = i.id AND g.territory_id = t.id))`
		).map((r) => r.code);
		expect(body.nombre).toBe(expected.length);
		expect(new Set(body.indicateurs.map((i: { id: string }) => i.id))).toEqual(new Set(expected));
		const latest = one<{ date: string; value: number }>(
			`SELECT o.date, o.value FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id
			 WHERE i.code = 'IND-200' AND t.code = 'D2A' ORDER BY o.date DESC LIMIT 1`
		);
		const ind200 = body.indicateurs.find((i: { id: string }) => i.id === 'IND-200');
		expect(ind200.resume.derniere_valeur).toEqual({ date: latest.date, valeur: latest.value, qualificatif: null });
	});
});

describe('releases, index, OpenAPI', () => {
	it('/releases gives the history without server paths', async () => {
		const body = (await api('/api/v1/releases')).json();
		const row = one<Record<string, number | string>>('SELECT * FROM releases ORDER BY id DESC LIMIT 1');
		expect(body.nombre).toBe(1);
		expect(body.livraisons[0]).toMatchObject({
			id: row.id,
			importee_le: row.imported_at,
			lignes_lues: row.rows_read,
			inserees: row.inserted,
			revisees: row.revised,
			inchangees: row.unchanged
		});
		expect(body.livraisons[0].fichiers.length).toBeGreaterThan(0);
		for (const f of body.livraisons[0].fichiers) expect(f.nom).toMatch(/^[^/]+\/[^/]+\.csv$/);
	});

	it('/openapi.json is the OpenAPI 3.1 document, and each of its examples answers 200', async () => {
		const r = await api('/api/v1/openapi.json');
		expect(r.status).toBe(200);
		const doc = r.json();
		expect(doc.openapi).toBe('3.1.0');
		expect(doc).toEqual(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));
		for (const [path, item] of Object.entries(doc.paths) as [string, { get: { 'x-exemple': string } }][]) {
			const example = item.get['x-exemple'];
			expect(example.split('?')[0].replace(/IND-200|D2A/g, '{id}').replace('/releases/1/', '/releases/{n}/')).toBe(`/api/v1${path}`);
			expect((await api(example)).status, example).toBe(200);
		}
	});

	it('/api/v1 is an index; unknown addresses under it are JSON 404s', async () => {
		const index = (await api('/api/v1')).json();
		expect(index.openapi).toBe('/api/v1/openapi.json');
		const unknown = await api('/api/v1/nimporte/quoi');
		expect(unknown.status).toBe(404);
		expect(unknown.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(unknown.json().erreur).toContain('/api/v1/nimporte/quoi');
	});
});

describe('refusals', () => {
	const cases: [string, number, string | null][] = [
		['/api/v1/indicateurs/IND-200/valeurs.csv?format=xml', 400, 'format'],
		['/api/v1/indicateurs/IND-200/valeurs.csv?maille=commune', 400, 'maille'],
		['/api/v1/indicateurs/IND-200/valeurs.csv?maille=region&maille=national', 400, 'maille'],
		['/api/v1/indicateurs/IND-200/valeurs.csv?maille=', 400, 'maille'],
		['/api/v1/indicateurs/IND-200/valeurs.json?territoires=R84,X1', 400, 'territoires'],
		['/api/v1/indicateurs/IND-200/valeurs.json?territoires=R99', 400, 'territoires'],
		['/api/v1/indicateurs/IND-200/valeurs.json?territoires=R84&maille=departement', 400, 'territoires'],
		[`/api/v1/indicateurs/IND-200/valeurs.json?territoires=${Array.from({ length: 51 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`).join(',')}`, 400, 'territoires'],
		['/api/v1/indicateurs/IND-200/valeurs.csv?depuis=2024-02-30', 400, 'depuis'],
		['/api/v1/indicateurs/IND-200/valeurs.csv?depuis=2024', 400, 'depuis'],
		['/api/v1/indicateurs/IND-200/valeurs.csv?jusqu_a=30/06/2024', 400, 'jusqu_a'],
		['/api/v1/indicateurs/IND-200/valeurs.csv?depuis=2024-06-01&jusqu_a=2024-01-01', 400, 'jusqu_a'],
		['/api/v1/indicateurs/IND-200/cibles.csv?depuis=2024-01-01', 400, 'depuis'],
		['/api/v1/indicateurs/IND-200?maille=region', 400, 'maille'],
		['/api/v1/indicateurs?famille=inconnue', 400, 'famille'],
		['/api/v1/territoires?maille=canton', 400, 'maille'],
		['/api/v1/releases?page=2', 400, 'page'],
		['/api/v1/export.zip?indicateur=IND-200', 400, 'indicateur'],
		['/api/v1/indicateurs/NOPE', 404, null],
		['/api/v1/indicateurs/NOPE/valeurs.csv', 404, null],
		['/api/v1/indicateurs/IND-200/valeurs.xml', 404, null],
		['/api/v1/indicateurs/IND-200/cibles.xlsx', 404, null],
		['/api/v1/territoires/R99', 404, null],
		['/api/v1/territoires/84', 404, null],
		[`/api/v1/indicateurs/IND-200/valeurs.csv?territoires=${'FR,'.repeat(700)}FR`, 414, null]
	];
	it.each(cases.map(([path, status, parametre]) => [path.length > 120 ? `${path.slice(0, 100)}… (${path.length} car.)` : path, status, parametre, path] as const))('%s → %i', async (_label, status, parametre, path) => {
		const r = await api(path);
		expect(r.status).toBe(status);
		expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(r.headers.get('access-control-allow-origin')).toBe('*');
		const body = r.json();
		expect(body.erreur).toEqual(expect.any(String));
		expect(body.erreur.length).toBeGreaterThan(10);
		if (parametre) expect(body.parametre).toBe(parametre);
		else expect(body.parametre).toBeUndefined();
	});

	it('other methods get 405 with Allow; OPTIONS is a CORS preflight', async () => {
		for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
			const r = await api('/api/v1/indicateurs', { method });
			expect(r.status).toBe(405);
			expect(r.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
			expect(r.json().erreur).toContain(method);
		}
		const preflight = await api('/api/v1/indicateurs/IND-200/valeurs.csv', { method: 'OPTIONS' });
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
		expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
		expect(preflight.headers.get('access-control-allow-headers')).toContain('If-None-Match');
	});
});

describe('conditional requests', () => {
	it('If-None-Match with the ETag gets 304 with no body; the ETag is the response cache’s', async () => {
		const first = await api('/api/v1/indicateurs/IND-200/valeurs.csv');
		const etag = first.headers.get('etag')!;
		// hooks.server.ts computes its ETag the same way: both layers agree.
		expect(new ResponseCache().set('k', 200, [], Buffer.from(first.bytes)).etag).toBe(etag);
		for (const tag of [etag, `W/${etag}`, `"autre", ${etag}`, '*']) {
			const again = await api('/api/v1/indicateurs/IND-200/valeurs.csv', { headers: { 'if-none-match': tag } });
			expect(again.status, tag).toBe(304);
			expect(again.bytes.length).toBe(0);
			expect(again.headers.get('etag')).toBe(etag);
			expect(again.headers.get('access-control-allow-origin')).toBe('*');
		}
		const changed = await api('/api/v1/indicateurs/IND-200/valeurs.csv', { headers: { 'if-none-match': '"autre"' } });
		expect(changed.status).toBe(200);
		// Another representation has another ETag.
		expect((await api('/api/v1/indicateurs/IND-200/valeurs.csv?maille=region')).headers.get('etag')).not.toBe(etag);
	});

	it('If-Modified-Since at or after the last import gets 304; before it, 200; If-None-Match wins', async () => {
		const lastModified = (await api('/api/v1/territoires')).headers.get('last-modified')!;
		expect((await api('/api/v1/territoires', { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
		const before = new Date(Date.parse(lastModified) - 1000).toUTCString();
		expect((await api('/api/v1/territoires', { headers: { 'if-modified-since': before } })).status).toBe(200);
		expect((await api('/api/v1/territoires', { headers: { 'if-modified-since': 'pas une date' } })).status).toBe(200);
		expect((await api('/api/v1/territoires', { headers: { 'if-modified-since': lastModified, 'if-none-match': '"autre"' } })).status).toBe(200);
	});

	it('the archive revalidates too', async () => {
		const zip = await api('/api/v1/export.zip');
		expect((await api('/api/v1/export.zip', { headers: { 'if-none-match': zip.headers.get('etag')! } })).status).toBe(304);
	}, 60_000);
});

describe('/donnees page data', () => {
	it('lists every indicator by family, in the site’s order, with working links', async () => {
		const catalogue = downloadCatalogue(client);
		const total = catalogue.families.reduce((n, f) => n + f.indicators.length, 0);
		expect(total).toBe(one<{ n: number }>('SELECT count(*) AS n FROM indicators').n);
		expect(catalogue.families[0].id).toBe('politiques-prioritaires');
		expect(catalogue.attribution).toContain('Licence Ouverte / Etalab 2.0');
		const ind = catalogue.families[0].indicators.find((i) => i.code === 'IND-200')!;
		expect(ind.values).toBe(one<{ n: number }>("SELECT count(*) AS n FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.code = 'IND-200'").n);
		for (const link of [ind.links.valeurs_csv, ind.links.valeurs_json, ind.links.cibles_csv, ind.links.cibles_json]) {
			expect((await api(link)).status, link).toBe(200);
		}
	});
});
