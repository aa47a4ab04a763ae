/**
 * Values as they stood: `livraison=N` and `au=AAAA-MM-JJ` on valeurs.csv|json, export.zip and
 * `npm run export`, and each release's changements.csv, on two official releases built from the
 * seed (the second revises a decimal artefact, adds and withdraws values).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv/read';
import { writeValuesCsv } from '../../src/lib/server/export';
import { importRelease } from '../../src/lib/server/import/index';
import { largestRevisions } from '../../src/lib/server/queries/vintages';
import { ARTEFACT, RELEASE_DATES, REVISED, twoDitpReleases } from '../helpers/ditp-release';
import { tmpDir } from '../helpers/tmp';
import { api, unzipText } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
let store: string;
/** A store holding release 1 only: what `livraison=1` must reproduce. */
let firstOnly: string;
let releases: ReturnType<typeof twoDitpReleases>;

beforeAll(async () => {
	const dir = tmpDir({ forFile: true });
	releases = twoDitpReleases(dir);
	store = join(dir, 'store.sqlite');
	firstOnly = join(dir, 'first.sqlite');
	for (const [path, inputs] of [
		[store, [releases.first, releases.second]],
		[firstOnly, [releases.first]]
	] as const) {
		for (const [i, input] of inputs.entries()) {
			const report = await importRelease([input], { dbPath: path, sourceUpdatedAt: RELEASE_DATES[i] });
			if (!report.ok) throw new Error(JSON.stringify(report.problems));
		}
	}
	process.env.DATABASE_PATH = store;
}, 120_000);

function exportOf(path: string, filter = {}): string {
	const client = new Database(path, { readonly: true });
	let out = '';
	writeValuesCsv(client, (chunk) => (out += chunk), filter);
	client.close();
	return out;
}

const rows = (csv: string) => parseCsv(csv).rows.map((r) => r.fields);

describe('values as they stood', () => {
	it('livraison=1 and au= before the second release give the first release’s values, byte for byte', async () => {
		const first = exportOf(firstOnly, { indicators: ['IND-200'] });
		for (const query of ['livraison=1', 'au=2024-01-15', 'au=2024-06-28']) {
			const r = await api(`/api/v1/indicateurs/IND-200/valeurs.csv?${query}`);
			expect(r.status, query).toBe(200);
			expect(r.text, query).toBe(first);
		}
		expect(first).toContain(`IND-200,Taux de couverture des +18 ans,departement,01,Ain,2023-01-01,${ARTEFACT.first},%`);
		// From the second release's date on: the current values.
		const current = exportOf(store, { indicators: ['IND-200'] });
		expect(current).toContain(`departement,01,Ain,2023-01-01,${ARTEFACT.revised},%`);
		for (const query of ['livraison=2', 'au=2024-06-29', 'au=2030-01-01', '']) {
			expect((await api(`/api/v1/indicateurs/IND-200/valeurs.csv?${query}`)).text, query).toBe(current);
		}
		// Before any release: no values.
		expect(rows((await api('/api/v1/indicateurs/IND-200/valeurs.csv?au=2024-01-14')).text)).toHaveLength(1);
	});

	it('valeurs.json says which release it gives, with the same rows as the CSV', async () => {
		const body = (await api('/api/v1/indicateurs/IND-296/valeurs.json?au=2024-03-01&maille=national')).json();
		expect(body.filtres).toMatchObject({ livraison: 1, au: '2024-03-01', maille: 'national' });
		expect(body.valeurs.find((v: { date: string }) => v.date === REVISED.date).valeur).toBe(Number(REVISED.first));
		const now = (await api('/api/v1/indicateurs/IND-296/valeurs.json?maille=national')).json();
		expect(now.filtres).toMatchObject({ livraison: null, au: null });
		expect(now.valeurs.find((v: { date: string }) => v.date === REVISED.date).valeur).toBe(Number(REVISED.revised));
		const before = (await api('/api/v1/indicateurs/IND-296/valeurs.json?au=2020-01-01')).json();
		expect([before.filtres.livraison, before.nombre]).toEqual([null, 0]);
	});

	it('refuses bad livraison and au values with a 400 naming the parameter', async () => {
		const cases: [string, string, RegExp][] = [
			['livraison=0', 'livraison', /Livraison « 0 » invalide : écrivez son numéro, de 1 à 2/],
			['livraison=deux', 'livraison', /invalide/],
			['livraison=3', 'livraison', /Livraison n° 3 inconnue : la dernière est la n° 2/],
			['au=2024-02-30', 'au', /Date « 2024-02-30 » invalide : écrivez AAAA-MM-JJ/],
			['au=2024-06', 'au', /invalide/],
			['livraison=1&au=2024-01-01', 'au', /« livraison » ou « au », pas les deux/]
		];
		for (const [query, parametre, message] of cases) {
			for (const path of ['/api/v1/indicateurs/IND-200/valeurs.csv', '/api/v1/indicateurs/IND-200/valeurs.json', '/api/v1/export.zip']) {
				const r = await api(`${path}?${query}`);
				expect(r.status, `${path}?${query}`).toBe(400);
				expect(r.json().parametre).toBe(parametre);
				expect(r.json().erreur).toMatch(message);
			}
		}
	});

	it('export.zip?livraison=1 holds the first release’s values; without it, the current ones', async () => {
		const old = unzipText((await api('/api/v1/export.zip?livraison=1')).bytes);
		const fresh = unzipText((await api('/api/v1/export.zip')).bytes);
		const firstZip = rows(old['valeurs.csv']);
		expect(firstZip.length - 1).toBe(rows(exportOf(firstOnly)).length - 1);
		expect(old['valeurs.csv']).toContain(`IND-200,Taux de couverture des +18 ans,departement,01,Ain,2023-01-01,${ARTEFACT.first},%`);
		expect(fresh['valeurs.csv']).toContain(`departement,01,Ain,2023-01-01,${ARTEFACT.revised},%`);
		expect(old['README.md']).toContain('juste après la livraison n° 1');
		expect(old['valeurs.csv']).not.toBe(fresh['valeurs.csv']);
	});

	it('npm run export takes --livraison and --au, and refuses bad ones', async () => {
		const run = promisify(execFile);
		const tsx = (args: string[]) =>
			run(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), 'export', '--db', store, ...args], { cwd: ROOT, maxBuffer: 1 << 26 }).then(
				(r) => ({ code: 0, ...r }),
				(e: { code: number; stdout: string; stderr: string }) => e
			);
		expect((await tsx(['--au', '2024-03-01'])).stdout).toBe(exportOf(firstOnly));
		const bad = await tsx(['--livraison', '7']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--livraison : Livraison n° 7 inconnue : la dernière est la n° 2.');
	}, 60_000);
});

describe('changements.csv', () => {
	it('lists exactly what release 2 changed: 2 revisions, 120 additions, 100 withdrawals', async () => {
		const r = await api('/api/v1/releases/2/changements.csv');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-disposition')).toContain('livraison-2-changements.csv');
		const [header, ...body] = rows(r.text);
		expect(header).toEqual(['indicateur_id', 'indicateur', 'maille', 'code_territoire', 'territoire', 'date', 'ancienne_valeur', 'nouvelle_valeur', 'nature']);
		const revisions = body.filter((row) => row[8] === 'revision');
		expect(revisions.map((row) => [row[0], row[2], row[3], row[5], row[6], row[7]])).toEqual([
			[ARTEFACT.indicator, ARTEFACT.level, ARTEFACT.code, ARTEFACT.date, ARTEFACT.first, ARTEFACT.revised],
			[REVISED.indicator, REVISED.level, REVISED.code, REVISED.date, REVISED.first, REVISED.revised]
		]);
		const added = body.filter((row) => row[8] === 'ajout');
		expect(added.map((row) => `${row[2]} ${row[3]} ${row[5]} ${row[7]}`).sort()).toEqual(
			releases.added.map((a) => `${a.level} ${a.code} ${a.date} ${Number(a.value)}`).sort()
		);
		expect(added.every((row) => row[6] === '')).toBe(true);
		const withdrawn = body.filter((row) => row[8] === 'retrait');
		expect(withdrawn.map((row) => `${row[3]} ${row[5]} ${row[6]}`).sort()).toEqual(releases.withdrawn.map((w) => `${w.code} ${w.date} ${Number(w.value)}`).sort());
		expect(withdrawn.every((row) => row[7] === '')).toBe(true);
		expect(body).toHaveLength(2 + 120 + 100);
	});

	it('the first release’s changes are its additions; unknown releases are 404', async () => {
		const body = rows((await api('/api/v1/releases/1/changements.csv')).text).slice(1);
		expect(new Set(body.map((row) => row[8]))).toEqual(new Set(['ajout']));
		expect(body.length).toBe(rows(exportOf(firstOnly)).length - 1);
		for (const n of ['3', '0', 'x', '1e3']) {
			const r = await api(`/api/v1/releases/${n}/changements.csv`);
			expect(r.status, n).toBe(404);
			expect(r.json().erreur).toMatch(/Livraison « .* » introuvable/);
		}
		expect((await api('/api/v1/releases/2/changements.csv?x=1')).status).toBe(400);
	});

	it('the largest revisions of a release come first, relative to the old value (the page’s list)', () => {
		const client = new Database(store, { readonly: true });
		const largest = largestRevisions(client, 2);
		client.close();
		expect(largest.map((r) => [r.indicator, r.territory, r.date, r.old, r.new])).toEqual([
			[REVISED.indicator, 'FR', REVISED.date, Number(REVISED.first), Number(REVISED.revised)],
			[ARTEFACT.indicator, 'D01', ARTEFACT.date, Number(ARTEFACT.first), Number(ARTEFACT.revised)]
		]);
	});

	it('/releases gives each release’s counts and its changes’ address', async () => {
		const body = (await api('/api/v1/releases')).json();
		expect(body.livraisons[0]).toMatchObject({ id: 2, inserees: 120, revisees: 2, retirees: 100, ignorees: 1, annule: null, changements_csv: '/api/v1/releases/2/changements.csv' });
		expect(body.livraisons[0].date_mise_a_jour_sources).toBe(RELEASE_DATES[1]);
	});
});
