/**
 * The OpenAPI document describes exactly the routes that exist, with exactly the parameters the
 * handlers accept, and every reference in it resolves. (Its examples are called in endpoints.test.ts.)
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGET_FORMATS, VALUE_FORMATS } from '../../src/lib/server/api/endpoints';
import { apiReference, OPENAPI_DOCUMENT } from '../../src/lib/server/api/openapi';
import { ENDPOINT_PARAMETERS, PARAMETERS, TERRITORY_CODE } from '../../src/lib/server/api/params';

const ROUTES = join(import.meta.dirname, '..', '..', 'src', 'routes', 'api', 'v1');
const doc = JSON.parse(JSON.stringify(OPENAPI_DOCUMENT));

function serverRoutes(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return serverRoutes(path);
		return name === '+server.ts' ? [relative(ROUTES, dir).split(sep).join('/')] : [];
	});
}

/** Route folder → documented paths: `[id]` → `{id}`, `valeurs.[format]` → one path per format. */
function documentedPaths(route: string): string[] {
	const path = `/${route}`.replace(/\[id\]/g, '{id}');
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
	openapi: 'openapi',
	export: 'export'
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
			const query = op.parameters.filter((p) => p.$ref).map((p) => p.$ref.split('/').pop());
			expect(query, path).toEqual([...ENDPOINT_PARAMETERS[endpoint]]);
			const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
			expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(inPath);
		}
		expect(Object.keys(doc.components.parameters).sort()).toEqual(Object.keys(PARAMETERS).sort());
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

	it('is flattened for the documentation page, references resolved', () => {
		const reference = apiReference();
		expect(reference.map((e) => e.path)).toEqual(Object.keys(doc.paths).map((p) => `/api/v1${p}`));
		const values = reference.find((e) => e.path === '/api/v1/indicateurs/{id}/valeurs.csv')!;
		expect(values.parameters.map((p) => [p.name, p.where])).toEqual([
			['id', 'chemin'],
			['maille', 'requête'],
			['territoires', 'requête'],
			['depuis', 'requête'],
			['jusqu_a', 'requête']
		]);
		expect(values.parameters.every((p) => p.description && p.example)).toBe(true);
		expect(values.formats).toEqual(['text/csv; charset=utf-8']);
		expect(values.statuses).toEqual(['304', '400', '404', '405', '414']);
	});
});
