/** Policy queries on a small store built with the import: national standing, levels, territorial statuses, the map. */
import { describe, expect, it } from 'vitest';
import { useReleaseStore } from '../../../../tests/helpers/tmp';
import { allPolicies, policyPage } from './policies';

const INDICATORS = `indicateur_id,famille_id,famille,theme_id,theme,politique_id,politique,axe,nom,unite,sens,producteur,licence,date_mise_a_jour,ordre
T-2,politiques-prioritaires,Politiques prioritaires,sante,Santé,P-1,Soigner,Axe A,Second indicateur,nombre,hausse,DREES,Licence Ouverte / Etalab 2.0,2024-06-30,2
T-1,politiques-prioritaires,Politiques prioritaires,sante,Santé,P-1,Soigner,Axe A,Taux de réussite,%,hausse,INSEE,Licence Ouverte / Etalab 2.0,2024-06-30,1
T-3,barometre-2017-2022,Baromètre 2017–2022,,,P-2,Routes,,Nombre de morts,nombre,baisse,ONISR,Licence Ouverte / Etalab 2.0,2024-06-30,1
`;
const VALUES = `indicateur_id,maille,code_territoire,date,valeur
T-1,national,FR,2023-01,70
T-1,national,FR,2024-01,72
T-1,departement,2A,2024-01,60
T-1,departement,2B,2024-01,30
T-1,region,94,2024-01,55
T-2,departement,2A,2023,1200
T-3,national,FR,2023,3200
`;
const TARGETS = `indicateur_id,maille,code_territoire,type,date,valeur
T-1,national,FR,initiale,2022-01,60
T-1,national,FR,cible,2026-01,80
T-1,departement,2A,initiale,2022-01,40
T-1,departement,2A,cible,2024-01,60
T-1,departement,2B,initiale,2022-01,40
T-1,departement,2B,cible,2026-01,80
`;
const store = useReleaseStore({ 'indicateurs.csv': INDICATORS, 'valeurs.csv': VALUES, 'cibles.csv': TARGETS });

describe('allPolicies', () => {
	it('lists the priority policies first, each indicator once in the source order, with its national standing and levels', () => {
		const policies = allPolicies(store());
		expect(policies.map((p) => p.id)).toEqual(['P-1', 'P-2']);
		const [p1] = policies;
		expect(p1).toMatchObject({ name: 'Soigner', axis: 'Axe A', theme: { id: 'sante', name: 'Santé' } });
		expect(p1.indicators.map((i) => i.code)).toEqual(['T-1', 'T-2']);
		expect(p1.indicators[0]).toMatchObject({
			latest: { date: '2024-01', value: 72, qualifier: null },
			baseline: { date: '2022-01', value: 60 },
			target: { date: '2026-01', value: 80 },
			levels: ['national', 'region', 'departement']
		});
		expect(p1.indicators[0].rate).toBeCloseTo(60);
		expect(p1.indicators[1]).toMatchObject({ latest: null, status: null, levels: ['departement'], lastDate: '2023' });
		expect(p1.indicators[0].lastDate).toBe('2024-01');
	});
});

describe('policyPage', () => {
	it('counts the territories by status at the latest date of each level and maps the headline indicator', () => {
		const page = policyPage(store(), 'P-1')!;
		const t1 = page.indicators[0];
		const departements = t1.territorial.find((l) => l.maille === 'departement')!;
		expect(departements).toMatchObject({ date: '2024-01', withValue: 2, total: 101 });
		expect(departements.statuses.sort()).toEqual(['atteinte', 'en-retard']);
		expect(t1.territorial.find((l) => l.maille === 'region')).toMatchObject({ withValue: 1, total: 18 });
		expect(page.map).toMatchObject({ indicator: { code: 'T-1' }, maille: 'departement', date: '2024-01', perCapita: false });
		expect(page.map!.rows.find((r) => r.code === 'D2A')?.value).toBe(60);
		expect(page.map!.rows.filter((r) => r.value !== null)).toHaveLength(2);
	});
	it('a policy without territorial values has no map; an unknown policy is null', () => {
		const p2 = policyPage(store(), 'P-2')!;
		expect(p2.map).toBeNull();
		expect(policyPage(store(), 'P-9')).toBeNull();
	});
});
