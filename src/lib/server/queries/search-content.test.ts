/** Full-text search of policies, indicators, themes and programme pages on a store built with the import (index built after apply). */
import { describe, expect, it } from 'vitest';
import { useReleaseStore } from '../../../../tests/helpers/tmp';
import { searchContent, searchEverything } from './search';

const INDICATORS = `indicateur_id,famille_id,famille,theme_id,theme,politique_id,politique,nom,description,unite,sens,producteur,licence
T-1,politiques-prioritaires,Politiques prioritaires,logement,Logement,P-1,Accélérer la production de logements sociaux,Nombre de logements sociaux financés,Logements locatifs sociaux agréés dans l'année,nombre,hausse,DHUP,Licence Ouverte / Etalab 2.0
T-2,politiques-prioritaires,Politiques prioritaires,culture,Culture,P-2,Poursuivre le déploiement du Pass Culture,Taux de couverture des +18 ans,Part des jeunes éligibles au pass Culture inscrits,%,hausse,DITP,Licence Ouverte / Etalab 2.0
`;
const VALUES = `indicateur_id,maille,code_territoire,date,valeur
T-1,national,FR,2023,80000
T-2,national,FR,2024-05,82
`;
const store = useReleaseStore({ 'indicateurs.csv': INDICATORS, 'valeurs.csv': VALUES });

const labels = (kind: string, q: string) => searchContent(store(), q, 5).find((g) => g.kind === kind)!.matches.map((m) => m.label);

describe('searchContent', () => {
	it('finds an indicator by words of its name in another form, accents and case ignored', () => {
		expect(labels('indicateur', 'LOGEMENT social')).toEqual(['Nombre de logements sociaux financés — Accélérer la production de logements sociaux']);
		expect(labels('indicateur', 'financé')).toHaveLength(1);
		expect(labels('politique', 'rénovation')).toEqual([]);
		expect(labels('politique', 'accelerer')).toEqual(['Accélérer la production de logements sociaux — Politiques prioritaires']);
	});
	it('finds a policy by its name and the last word as a prefix, with its page as href', () => {
		const [match] = searchContent(store(), 'pass cult', 5).find((g) => g.kind === 'politique')!.matches;
		expect(match).toMatchObject({ kind: 'politique', href: '/politiques/P-2' });
	});
	it('finds themes and programme pages, and never fails on operators typed by a person', () => {
		expect(searchContent(store(), 'culture', 5).find((g) => g.kind === 'theme')!.matches[0]).toMatchObject({ href: '/indicateurs?theme=culture' });
		expect(searchContent(store(), 'laboratoires innovation', 5).find((g) => g.kind === 'programme')!.matches[0]).toMatchObject({ href: '/programmes/laboratoires' });
		expect(() => searchContent(store(), 'NOT "OR ( * :', 5)).not.toThrow();
	});
	it('searchEverything puts territories first and counts every group', () => {
		const result = searchEverything(store(), 'corse', { territories: 5, perKind: 3 });
		expect(result.groups[0].kind).toBe('territoire');
		expect(result.groups[0].matches[0].label).toBe('Corse — région');
		const culture = searchEverything(store(), 'pass culture', { territories: 5, perKind: 3 });
		expect(culture.groups.map((g) => g.kind)).toEqual(['politique', 'indicateur']);
		expect(culture.total).toBe(2);
	});
});
