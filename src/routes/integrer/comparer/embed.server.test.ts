/** The embed's request on a small store built with the real import: the indicator with its source, 400s and 404s. */
import { describe, expect, it } from 'vitest';
import { useReleaseStore } from '../../../../tests/helpers/tmp';
import { CompareParamError } from '$lib/server/queries/compare';
import { embeddedComparison, IndicatorNotCompared, parseIndicatorParam } from './embed.server';

const INDICATORS = `indicateur_id,famille_id,famille,politique_id,politique,nom,unite,sens,producteur,licence,date_mise_a_jour
T-1,politiques-prioritaires,Politiques prioritaires,P-1,Éducation,Taux de réussite,%,hausse,INSEE,Licence Ouverte / Etalab 2.0,2024-06-30
T-2,barometre-2017-2022,Baromètre 2017–2022,P-2,Routes,Nombre de morts,nombre,baisse,ONISR,Licence Ouverte / Etalab 2.0,
T-3,barometre-2017-2022,Baromètre 2017–2022,P-3,Aides,Aides versées,nombre,hausse,ASP,Licence Ouverte / Etalab 2.0,2024-06-30
`;
const VALUES = `indicateur_id,maille,code_territoire,date,valeur
T-1,departement,2A,2023-01,50
T-1,departement,2A,2024-01,60
T-1,departement,2B,2024-01,50
T-1,national,FR,2024-01,72
T-2,departement,2A,2023,12
T-2,departement,2B,2023,30
T-2,national,FR,2023,3200
T-3,departement,2B,2023,5
`;
const store = useReleaseStore({ 'indicateurs.csv': INDICATORS, 'valeurs.csv': VALUES });
const embed = (query: string) => embeddedComparison(store(), new URLSearchParams(query));
const thrown = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e as Error & { hint: string };
	}
	throw new Error('no error');
};

describe('parseIndicatorParam', () => {
	it('one well-formed code, trimmed', () => {
		expect(parseIndicatorParam(new URLSearchParams('indicateur=IND-200'))).toBe('IND-200');
		expect(parseIndicatorParam(new URLSearchParams('indicateur=+nb-morts_routes.v2+'))).toBe('nb-morts_routes.v2');
	});

	it('missing, empty, repeated or malformed: a French message and hint', () => {
		for (const [query, message] of [
			['', /« indicateur » manquant/],
			['indicateur=', /« indicateur » manquant/],
			['indicateur=A&indicateur=B', /« indicateur » ne peut être donné qu’une fois/],
			['indicateur=IND 200', /« indicateur » mal formé : « IND 200 »/],
			['indicateur=<script>', /mal formé/],
			[`indicateur=${'x'.repeat(129)}`, /mal formé/]
		] as const) {
			const e = thrown(() => parseIndicatorParam(new URLSearchParams(query)));
			expect(e, query).toBeInstanceOf(CompareParamError);
			expect(e.message, query).toMatch(message);
			expect(e.hint.length).toBeGreaterThan(10);
		}
	});
});

describe('embeddedComparison', () => {
	it('the one indicator, its cells for the territories and France, and its source', () => {
		const result = embed('t=D2A,D2B&indicateur=T-1&autre=ignoré');
		expect(result.params).toEqual({ codes: ['D2A', 'D2B'], famille: null, theme: null });
		expect(result.territories.map((t) => t.name)).toEqual(['Corse-du-Sud', 'Haute-Corse']);
		expect(result.france?.code).toBe('FR');
		expect(result.indicator).toMatchObject({ code: 'T-1', name: 'Taux de réussite', producer: 'INSEE', licence: 'Licence Ouverte / Etalab 2.0', sourceUpdatedAt: '2024-06-30' });
		expect(result.indicator.cells.map((c) => [c.code, c.value])).toEqual([
			['D2A', 60],
			['D2B', 50],
			['FR', 72]
		]);
		expect(embed('t=D2A,D2B&indicateur=T-2').indicator).toMatchObject({ producer: 'ONISR', sourceUpdatedAt: null, perCapita: true });
	});

	it('400 first: the parameters of /comparer are checked as there', () => {
		for (const [query, message] of [
			['indicateur=T-1', /« t » manquant/],
			['t=D2A&indicateur=T-1', /au moins 2 territoires/],
			['t=D2A,D99&indicateur=T-1', /Territoire inconnu : « D99 »/],
			['t=D2A,D2B&famille=inconnue&indicateur=T-1', /Famille inconnue/],
			['t=D2A,D2B', /« indicateur » manquant/]
		] as const) {
			const e = thrown(() => embed(query));
			expect(e, query).toBeInstanceOf(CompareParamError);
			expect(e.message, query).toMatch(message);
		}
	});

	it('404 for a well-formed code the comparison does not show, saying why', () => {
		for (const [query, message] of [
			['t=D2A,D2B&indicateur=T-3', /« T-3 » n’est pas publié pour chacun des territoires comparés \(Corse-du-Sud, Haute-Corse\)/],
			['t=D2A,D2B&indicateur=NOPE', /Indicateur introuvable : « NOPE »/],
			['t=D2A,D2B&famille=barometre-2017-2022&indicateur=T-1', /« T-1 » n’est pas dans la famille choisie/]
		] as const) {
			const e = thrown(() => embed(query));
			expect(e, query).toBeInstanceOf(IndicatorNotCompared);
			expect(e.message, query).toMatch(message);
			expect(e.hint.length).toBeGreaterThan(10);
		}
		expect(thrown(() => embed('t=D2A,D2B&indicateur=NOPE')).hint).toContain('/comparer?t=D2A,D2B');
	});
});
