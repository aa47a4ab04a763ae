/**
 * The full export (/api/v1/export.zip) is a valid Frictionless data package whose CSV files match
 * their Table Schemas, and downloads go back into the store unchanged (canonical round trip).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv/read';
import { importRelease } from '../../src/lib/server/import/index';
import { currentBundle } from '../../src/lib/server/api/bundle';
import { FORMULA_TRIGGER } from '../../src/lib/server/api/serialise';
import { tmpDir } from '../helpers/tmp';
import { api, seededApiStore, unzipText } from './helpers';

let store: string;
let client: Database.Database;
let zip: Record<string, string>;
let zipBytes: Uint8Array;

beforeAll(async () => {
	({ path: store, client } = await seededApiStore());
	const r = await api('/api/v1/export.zip');
	expect(r.status).toBe(200);
	zipBytes = r.bytes;
	zip = unzipText(r.bytes);
}, 120_000);

const count = (table: string) => (client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const rows = (csv: string) => parseCsv(csv).rows.map((r) => r.fields);

// ---------------------------------------------------------------- a small Table Schema validator

interface Field {
	name: string;
	type: string;
	constraints?: { required?: boolean; enum?: string[]; pattern?: string; minimum?: number; maximum?: number };
}
interface Resource {
	name: string;
	path: string;
	bytes: number;
	hash: string;
	encoding: string;
	dialect: { delimiter: string; header: boolean };
	schema: { fields: Field[]; primaryKey: string[]; missingValues: string[]; foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[] };
}

/** Problems of one resource against its schema (at most `limit`), as `file:line: message`. */
function validateResource(resource: Resource, text: string, packageResources: Map<string, string[][]>, limit = 10): string[] {
	const problems: string[] = [];
	const add = (line: number, message: string) => problems.length < limit && problems.push(`${resource.path}:${line}: ${message}`);
	const table = rows(text);
	const [header, ...body] = table;
	const fields = resource.schema.fields;
	if (header.join(',') !== fields.map((f) => f.name).join(',')) add(1, `en-tête ${header.join(',')} ≠ schéma ${fields.map((f) => f.name).join(',')}`);
	const missing = new Set(resource.schema.missingValues);
	const keys = new Set<string>();
	const keyIndexes = resource.schema.primaryKey.map((k) => header.indexOf(k));
	body.forEach((row, i) => {
		const line = i + 2;
		if (row.length !== fields.length) return add(line, `${row.length} champs au lieu de ${fields.length}`);
		fields.forEach((field, c) => {
			const value = row[c];
			const c1 = field.constraints ?? {};
			if (missing.has(value)) {
				if (c1.required) add(line, `${field.name} obligatoire vide`);
				return;
			}
			if (field.type === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) add(line, `${field.name} « ${value} » n'est pas un nombre`);
			if (field.type === 'integer' && !/^-?\d+$/.test(value)) add(line, `${field.name} « ${value} » n'est pas un entier`);
			if (c1.enum && !c1.enum.includes(value)) add(line, `${field.name} « ${value} » hors de ${c1.enum.join('|')}`);
			if (c1.pattern && !new RegExp(`^(?:${c1.pattern})$`).test(value)) add(line, `${field.name} « ${value} » ne suit pas ${c1.pattern}`);
			if (c1.minimum !== undefined && Number(value) < c1.minimum) add(line, `${field.name} ${value} < ${c1.minimum}`);
			if (c1.maximum !== undefined && Number(value) > c1.maximum) add(line, `${field.name} ${value} > ${c1.maximum}`);
		});
		const key = keyIndexes.map((k) => row[k]).join('\u0000');
		if (keys.has(key)) add(line, `clé primaire en double : ${key.replace(/\u0000/g, ', ')}`);
		keys.add(key);
	});
	for (const fk of resource.schema.foreignKeys ?? []) {
		const target = packageResources.get(fk.reference.resource)!;
		const targetIndex = target[0].indexOf(fk.reference.fields);
		const known = new Set(target.slice(1).map((r) => r[targetIndex]));
		const index = header.indexOf(fk.fields);
		body.forEach((row, i) => known.has(row[index]) || add(i + 2, `${fk.fields} « ${row[index]} » absent de ${fk.reference.resource}`));
	}
	return problems;
}

// ---------------------------------------------------------------- tests

describe('export.zip', () => {
	it('holds the six canonical CSV files, datapackage.json and README.md', async () => {
		expect(Object.keys(zip).sort()).toEqual(['README.md', 'avancements.csv', 'cibles.csv', 'datapackage.json', 'entites.csv', 'indicateurs.csv', 'sources.csv', 'valeurs.csv']);
		const r = await api('/api/v1/export.zip');
		expect(r.headers.get('content-type')).toBe('application/zip');
		expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="barometre-donnees-\d{4}-\d{2}-\d{2}\.zip"$/);
		expect(r.headers.get('link')).toBe('<https://www.etalab.gouv.fr/licence-ouverte-open-licence/>; rel="license"');
		expect(r.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
	});

	it('has every row of the store', () => {
		expect(rows(zip['valeurs.csv'])).toHaveLength(count('observations') + 1);
		expect(rows(zip['cibles.csv'])).toHaveLength(count('targets') + 1);
		expect(rows(zip['indicateurs.csv'])).toHaveLength(count('indicators') + 1);
		expect(rows(zip['avancements.csv'])).toHaveLength(count('published_rates') + 1);
		expect(rows(zip['sources.csv'])).toHaveLength(count('sources') + 1);
		expect(rows(zip['entites.csv'])).toHaveLength(count('entities') + 1);
		expect(zip['valeurs.csv']).toContain('IND-200,Taux de couverture des +18 ans,national,FR,France,2024-05-01,82.02,%,,,\n');
		expect(zip['valeurs.csv']).toMatch(/\nftap-ccomptes-part-dossiers-numeriques,[^\n]*,2025-06,80,[^,\n]*,pres de,/);
	});

	it('is a data package whose files validate against their Table Schemas (from db/schemas)', () => {
		const pkg = JSON.parse(zip['datapackage.json']);
		expect(pkg.profile).toBe('tabular-data-package');
		expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
		expect(pkg.licenses).toEqual([{ name: 'etalab-2.0', path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/', title: 'Licence Ouverte / Etalab 2.0' }]);
		const resources = pkg.resources as Resource[];
		expect(resources.map((r) => r.path).sort()).toEqual(Object.keys(zip).filter((f) => f.endsWith('.csv')).sort());
		const tables = new Map(resources.map((r) => [r.name, rows(zip[r.path])]));
		for (const resource of resources) {
			const text = zip[resource.path];
			const bytes = new TextEncoder().encode(text);
			expect(resource.bytes, resource.path).toBe(bytes.length);
			expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
			expect(resource.encoding).toBe('utf-8');
			expect(resource.dialect).toMatchObject({ delimiter: ',', header: true });
			// The schema is the project's own Table Schema, column for column.
			const own = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'db', 'schemas', `${resource.name}.schema.json`), 'utf8'));
			expect(resource.schema.fields).toEqual(own.fields);
			expect(resource.schema.primaryKey).toEqual(own.primaryKey);
			expect(validateResource(resource, text, tables)).toEqual([]);
		}
	});

	it('the validator does catch bad files', () => {
		const pkg = JSON.parse(zip['datapackage.json']);
		const cibles = (pkg.resources as Resource[]).find((r) => r.name === 'cibles')!;
		const tables = new Map([['indicateurs', rows(zip['indicateurs.csv'])]]);
		const bad =
			'indicateur_id,maille,code_territoire,type,date,valeur,qualificatif,source_id,note\n' +
			'IND-200,commune,FR,cible,2024,1,,,\n' +
			'IND-200,national,FR,cible,2024,,,,\n' +
			'NOPE,national,FR,cible,24,1e3,,,\n' +
			'IND-200,national,FR,cible,2024,2,,,\n';
		expect(validateResource(cibles, bad, tables)).toEqual([
			'cibles.csv:2: maille « commune » hors de national|region|departement',
			'cibles.csv:3: valeur obligatoire vide',
			'cibles.csv:4: date « 24 » ne suit pas ^\\d{4}(-\\d{2}(-\\d{2})?)?$',
			'cibles.csv:4: valeur « 1e3 » n\'est pas un nombre',
			'cibles.csv:5: clé primaire en double : IND-200, national, FR, cible, 2024',
			'cibles.csv:4: indicateur_id « NOPE » absent de indicateurs'
		]);
	});

	it('has a French README with sources, licence, attribution and the release history', () => {
		const readme = zip['README.md'];
		const release = client.prepare('SELECT id, imported_at AS at FROM releases ORDER BY id DESC LIMIT 1').get() as { id: number; at: string };
		expect(readme).toContain('Licence Ouverte / Etalab 2.0 (https://www.etalab.gouv.fr/licence-ouverte-open-licence/)');
		expect(readme).toMatch(/Mention à reprendre : « .*données mises à jour le \d{1,2}(er)? \S+ \d{4} — Licence Ouverte \/ Etalab 2\.0 »/);
		expect(readme).toContain('## Sources');
		expect(readme).toContain('| DITP — Baromètre des résultats de l\'action publique | 106 | 2024-06-29 |');
		expect(readme).toContain('## Historique des livraisons');
		expect(readme).toContain(`| ${release.id} | ${release.at} |`);
		expect(readme).toContain('précédée d’une apostrophe');
	});

	it('is built once per release', async () => {
		// The handlers' connection: the same module instance as the routes'.
		const { getClient } = await import('../../src/lib/server/db');
		const bundle = currentBundle(getClient());
		expect(currentBundle(getClient())).toBe(bundle);
		expect(Buffer.from(bundle.bytes).equals(Buffer.from(zipBytes))).toBe(true);
	});
});

describe('round trip: a download imported back changes nothing', () => {
	async function reimport(files: Record<string, string>, dryRun = false) {
		const dir = tmpDir();
		for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
		const report = await importRelease([dir], { dbPath: store, dryRun });
		if (!report.ok) throw new Error(JSON.stringify(report.problems.slice(0, 3)));
		return report;
	}

	it.each([
		['IND-200', ''],
		['IND-200', '?maille=departement&depuis=2024-01-01'],
		['IND-334', ''], // negative values
		['nb-morts-routes', ''], // the largest series
		['ftap-ccomptes-part-dossiers-numeriques', ''], // qualified values: the annotation is kept
		['ftap-ccomptes-economies-hdh-annoncees', ''] // an undated value
	])('valeurs.csv of %s%s', async (code, query) => {
		const csv = (await api(`/api/v1/indicateurs/${code}/valeurs.csv${query}`)).text;
		const before = client.prepare('SELECT count(*) AS n, max(id) AS last FROM releases').get();
		const report = await reimport({ 'valeurs.csv': csv });
		expect(report.values.read).toBe(rows(csv).length - 1);
		expect(report.values).toMatchObject({ inserted: 0, revised: 0, rejected: 0 });
		expect(report.releaseId).toBeNull();
		expect(client.prepare('SELECT count(*) AS n, max(id) AS last FROM releases').get()).toEqual(before);
	});

	it('cibles.csv', async () => {
		const report = await reimport({ 'cibles.csv': (await api('/api/v1/indicateurs/IND-200/cibles.csv')).text });
		expect(report.targets.read).toBeGreaterThan(0);
		expect(report.targets).toMatchObject({ inserted: 0, revised: 0, rejected: 0 });
	});

	it('the whole archive imports back unchanged: the import removes the formula guard of neutralised text', async () => {
		const csvs = Object.fromEntries(Object.entries(zip).filter(([name]) => name.endsWith('.csv')));
		// Annotation cells the import stores, neutralised with a leading apostrophe.
		const [header, ...values] = rows(zip['valeurs.csv']);
		const annotations = ['qualificatif', 'source_id', 'note'].map((c) => header.indexOf(c));
		const neutralised = values.filter((row) => annotations.some((i) => row[i].startsWith("'") && FORMULA_TRIGGER.test(row[i].slice(1)))).length;
		expect(neutralised).toBeLessThanOrEqual(1); // the bundled data: one programme note starts with « = »
		const report = await reimport(csvs, true);
		expect(report.values).toMatchObject({ inserted: 0, revised: 0, rejected: 0 });
		for (const kind of ['targets', 'rates', 'entities'] as const) expect(report[kind], kind).toMatchObject({ inserted: 0, revised: 0, rejected: 0 });
		expect(report.metadata).toEqual({ indicatorsNew: 0, indicatorsUpdated: 0, sourcesNew: 0, sourcesUpdated: 0 });
	}, 60_000);
});
