/**
 * The OpenAPI document describes exactly the routes that exist, with exactly the parameters the
 * handlers accept, every reference in it resolves and its example bodies follow their schemas.
 * (Its example addresses are called in endpoints.test.ts, the comparison's refusals in comparaison.test.ts.)
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGET_FORMATS, VALUE_FORMATS } from '../../src/lib/server/api/endpoints';
import { apiReference, OPENAPI_DOCUMENT } from '../../src/lib/server/api/openapi';
import { ENDPOINT_PARAMETERS, PARAMETER_VARIANTS, PARAMETERS, TERRITORY_CODE } from '../../src/lib/server/api/params';
import { parseCodes } from '../../src/lib/server/queries/compare';
import { schemaErrors, undocumented } from './schema';

const ROUTES = join(import.meta.dirname, '..', '..', 'src', 'routes', 'api', 'v1');
const doc = JSON.parse(JSON.stringify(OPENAPI_DOCUMENT));

function serverRoutes(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return serverRoutes(path);
		return name === '+server.ts' ? [relative(ROUTES, dir).split(sep).join('/')] : [];
	});
}

/** Route folder → documented paths: `[id]` → `{id}`, `[n]` → `{n}`, `valeurs.[format]` → one path per format. */
function documentedPaths(route: string): string[] {
	const path = `/${route}`.replace(/\[id\]/g, '{id}').replace(/\[n\]/g, '{n}');
	if (path.endsWith('valeurs.[format]')) return VALUE_FORMATS.map((f) => path.replace('[format]', f));
	if (path.endsWith('cibles.[format]')) return TARGET_FORMATS.map((f) => path.replace('[format]', f));
	return [path];
}

const OPERATION_ENDPOINT: Record<string, keyof typeof ENDPOINT_PARAMETERS> = {
	listeIndicateurs: 'indicateurs',
	indicateur: 'indicateur',
	valeursCsv: 'valeurs',
	valeursJson: 'valeurs',
	valeursXlsx: 'valeurs',
	ciblesCsv: 'cibles',
	ciblesJson: 'cibles',
	listeTerritoires: 'territoires',
	territoire: 'territoire',
	livraisons: 'releases',
	changementsCsv: 'changements',
	openapi: 'openapi',
	export: 'export',
	comparaison: 'comparaison',
	comparaisonCsv: 'comparaison'
};

describe('OpenAPI document', () => {
	it('is OpenAPI 3.1 with a licence and a relative server', () => {
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.info.license).toEqual({ name: 'Licence Ouverte / Etalab 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' });
		expect(doc.servers).toEqual([{ url: '/api/v1' }]);
	});

	it('documents every route, and only those (the catch-all excepted)', () => {
		const routes = serverRoutes(ROUTES).filter((r) => r !== '[...rest]');
		expect(routes.length).toBeGreaterThanOrEqual(9);
		expect(routes.flatMap(documentedPaths).sort()).toEqual(Object.keys(doc.paths).sort());
	});

	it('lists exactly the query parameters each handler accepts; path parameters are declared', () => {
		for (const [path, item] of Object.entries(doc.paths) as [string, { get: { operationId: string; parameters: Record<string, string>[] } }][]) {
			const op = item.get;
			const endpoint = OPERATION_ENDPOINT[op.operationId];
			expect(endpoint, op.operationId).toBeDefined();
			// Query parameters are references to components; the component says the query name.
			const query = op.parameters.filter((p) => p.$ref).map((p) => doc.components.parameters[p.$ref.split('/').pop()!]);
			expect(query.every((p) => p.in === 'query')).toBe(true);
			expect(query.map((p) => p.name), path).toEqual([...ENDPOINT_PARAMETERS[endpoint]]);
			expect(op.parameters.filter((p) => !p.$ref).every((p) => p.in === 'path')).toBe(true);
			const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
			expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(inPath);
		}
		expect(Object.keys(doc.components.parameters).sort()).toEqual([...Object.keys(PARAMETERS), ...Object.keys(PARAMETER_VARIANTS)].sort());
		for (const [key, variant] of Object.entries(PARAMETER_VARIANTS)) expect(doc.components.parameters[key]).toMatchObject({ name: variant.name, in: 'query' });
	});

	it('resolves every $ref', () => {
		const refs: string[] = [];
		const walk = (node: unknown) => {
			if (Array.isArray(node)) node.forEach(walk);
			else if (node && typeof node === 'object') {
				for (const [k, v] of Object.entries(node)) (k === '$ref' ? refs.push(v as string) : walk(v));
			}
		};
		walk(doc);
		expect(refs.length).toBeGreaterThan(20);
		for (const ref of refs) {
			const target = ref
				.replace(/^#\//, '')
				.split('/')
				.reduce<Record<string, unknown> | undefined>((node, key) => node?.[key] as Record<string, unknown> | undefined, doc);
			expect(target, ref).toBeDefined();
		}
	});

	it('gives a territory pattern that agrees with the validator', () => {
		const pattern = new RegExp(PARAMETERS.territoires.schema.pattern as string);
		for (const ok of ['FR', 'R84', 'D2A', 'D971', 'FR,R84,D2A']) expect(pattern.test(ok), ok).toBe(true);
		for (const bad of ['84', 'r84', 'D2C', 'FR,', 'FR;R84']) expect(pattern.test(bad), bad).toBe(false);
		for (const code of ['FR', 'R84', 'D2A', 'D971']) expect(TERRITORY_CODE.test(code)).toBe(true);
	});

	it('gives the comparison’s territories (2 to 13 codes, France besides) a pattern that agrees with the page’s parseCodes', () => {
		const pattern = new RegExp(PARAMETER_VARIANTS.territoires_compares.schema.pattern);
		const codes = (n: number) => Array.from({ length: n }, (_, i) => `D${String(i + 1).padStart(2, '0')}`).join(',');
		for (const list of ['R84,R93', 'FR,R84,D2A', codes(13), `${codes(13)},FR`]) {
			expect(pattern.test(list), list).toBe(true);
			expect(() => parseCodes(list), list).not.toThrow();
		}
		for (const list of ['R84', codes(15), 'R84,X1', 'R84,,R93']) expect(pattern.test(list), list).toBe(false);
		for (const list of ['R84', codes(14), codes(15), 'R84,X1']) expect(() => parseCodes(list), list).toThrow();
	});

	it('documents the comparison: JSON and CSV, territoires required, refusals and an example that follow the schemas', () => {
		const json = doc.paths['/comparaison'].get;
		const csv = doc.paths['/comparaison.csv'].get;
		expect(json.parameters).toEqual(csv.parameters);
		expect(doc.components.parameters.territoires_compares).toMatchObject({ name: 'territoires', in: 'query', required: true });
		expect(json.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Comparaison' });
		expect(Object.keys(csv.responses['200'].content)).toEqual(['text/csv; charset=utf-8']);
		expect(csv.responses['200'].headers).toHaveProperty('Content-Disposition');
		for (const op of [json, csv]) {
			expect(Object.keys(op.responses)).toEqual(['200', '304', '400', '404', '405', '414']);
			const examples = Object.values(op.responses['400'].content['application/json'].examples) as { value: { parametre: string } }[];
			expect(examples.length).toBeGreaterThan(3);
			for (const { value } of examples) expect(schemaErrors(doc, doc.components.schemas.Erreur, value)).toEqual([]);
		}
		const example = doc.components.examples.Comparaison.value;
		expect(schemaErrors(doc, doc.components.schemas.Comparaison, example)).toEqual([]);
		expect(undocumented(doc, doc.components.schemas.Comparaison, example)).toEqual([]);
	});

	it('every schema is an object schema with its required keys among its properties', () => {
		const check = (name: string, schema: Record<string, any>) => {
			if (schema.allOf) return schema.allOf.forEach((part: Record<string, any>) => part.$ref || check(name, part));
			expect(schema.type, name).toBe('object');
			for (const key of schema.required ?? []) expect(schema.properties, `${name}.${key}`).toHaveProperty(key);
		};
		for (const [name, schema] of Object.entries(doc.components.schemas)) check(name, schema as Record<string, any>);
	});

	it('is flattened for the documentation page, references resolved', () => {
		const reference = apiReference();
		expect(reference.map((e) => e.path)).toEqual(Object.keys(doc.paths).map((p) => `/api/v1${p}`));
		const values = reference.find((e) => e.path === '/api/v1/indicateurs/{id}/valeurs.csv')!;
		expect(values.parameters.map((p) => [p.name, p.where, p.required])).toEqual([
			['id', 'chemin', true],
			['maille', 'requête', false],
			['territoires', 'requête', false],
			['depuis', 'requête', false],
			['jusqu_a', 'requête', false],
			['livraison', 'requête', false],
			['au', 'requête', false]
		]);
		expect(values.parameters.every((p) => p.description && p.example)).toBe(true);
		expect(values.formats).toEqual(['text/csv; charset=utf-8']);
		expect(values.statuses).toEqual(['304', '400', '404', '405', '414']);

		const compared = reference.find((e) => e.path === '/api/v1/comparaison')!;
		expect(compared.parameters.map((p) => [p.name, p.where, p.required])).toEqual([
			['territoires', 'requête', true],
			['famille', 'requête', false],
			['theme', 'requête', false],
			['indicateur', 'requête', false]
		]);
		expect(compared.parameters[0].description).toMatch(/de 2 à 13 codes \(France en plus\)/);
		expect(compared.parameters[0].example).toBe('R84,R93,D2A');
		expect(compared.formats).toEqual(['application/json']);
		expect(compared.statuses).toEqual(['304', '400', '404', '405', '414']);
		expect(reference.find((e) => e.path === '/api/v1/comparaison.csv')!.formats).toEqual(['text/csv; charset=utf-8']);
	});
});
