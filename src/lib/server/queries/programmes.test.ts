/** Programme page queries on a small store built with the import: selections, qualifiers, sources, entities. */
import { describe, expect, it } from 'vitest';
import { useReleaseStore } from '../../../../tests/helpers/tmp';
import {
	ftapProjects,
	indicatorsByCode,
	isProgrammePage,
	labs,
	nationalTargets,
	pageFigures,
	selectedValues,
	sourcesByIds,
	splitSourceIds,
	surveyWaves
} from './programmes';

const SOURCES = `source_id,producteur,titre,url,licence,date_mise_a_jour,note
L01,DITP,Appel PIA,https://example.org/l01,Licence Ouverte / Etalab 2.0,2016-11-23,
L09,DITP,Lab du Centre,https://example.org/l09,page publique,,
DOC04,DITP,Dossier de presse,,government press kit,2021-11,
`;
const INDICATORS = `indicateur_id,famille_id,famille,politique_id,politique,nom,unite,sens,producteur,licence,source_id,note
labs-nb-labs-reseau,laboratoires,Laboratoires,reseau-labs,Réseau des labs,Laboratoires du réseau,nombre,neutre,DITP,Licence Ouverte,L01;L09,12 puis 14 puis 16
labs-siilab-nb-ateliers,laboratoires,Laboratoires,reseau-labs,Réseau des labs,SIILAB — ateliers,nombre,neutre,DITP,Licence Ouverte,L01,
ftap-montant-investi,budgets,Budgets,ftap,FTAP,FTAP — montant investi,EUR,neutre,DITP,Licence Ouverte,,
IND-246,politiques-prioritaires,Politiques prioritaires,CH-146,France services,Satisfaction France services,%,hausse,DITP,Licence Ouverte / Etalab 2.0,,
`;
const VALUES = `indicateur_id,maille,code_territoire,date,valeur,qualificatif,source_id,note
labs-nb-labs-reseau,national,FR,2021-11-24,12,,L01,
labs-nb-labs-reseau,national,FR,2022-03-29,14,,L09,
labs-nb-labs-reseau,national,FR,,16,,L09,page non datee
labs-siilab-nb-ateliers,region,32,,650,>,L01;DOC04,date non précisée
ftap-montant-investi,national,FR,,800000000,>,,
IND-246,national,FR,2024-02-01,96.5,,,
IND-246,departement,01,2023-07-01,95,,,
IND-246,departement,01,2024-07-01,99.11,,L01,
IND-246,departement,2A,2024-07-01,76.67,,L01,
IND-246,departement,02,2023-07-01,90,,,
`;
const TARGETS = `indicateur_id,maille,code_territoire,type,date,valeur
IND-246,national,FR,initiale,2023-01-01,0
IND-246,national,FR,cible,2026-12-01,95
IND-246,departement,01,cible,2026-12-01,95
`;
const ENTITIES = `entite_id,type,nom,maille,code_territoire,date,attributs,source_id
lab-l,laboratoire,LAB'L,region,24,2022,"{""host"":""SGAR Centre-Val de Loire"",""creation_year"":2022,""creation_year_basis"":""stated (L09)"",""pia_2016_laureate"":""no"",""annees_creation_sources"":[{""annee"":2022,""source"":""L09""},{""annee"":2021,""source"":""DOC04""}],""indicateurs"":[]}",L09;DOC04
lab-o,laboratoire,Lab-O,region,76,,"{""host"":null,""creation_year"":null,""creation_year_basis"":""not found"",""indicateurs"":[""labs-siilab-nb-ateliers""]}",L01
ftap-hdh,projet-ftap,Health Data Hub,,,,"{""round"":""FTAP 2018"",""carrier"":null,""amount_eur"":30000000,""amount_qualifier"":"">"",""note"":""montant exact non donne""}",L01
vague-2018,vague-complexite,Vague 2018,,,2018,"{""survey"":""particuliers"",""fieldwork"":""2018-12/2019-01"",""institute"":""BVA"",""sample_size"":7700,""sample_qualifier"":""approx. (article)"",""n_life_events"":25}",L01
`;

/** Built once for the file with the real import code. */
const store = useReleaseStore({ 'sources.csv': SOURCES, 'indicateurs.csv': INDICATORS, 'valeurs.csv': VALUES, 'cibles.csv': TARGETS, 'entites.csv': ENTITIES });

describe('selected values', () => {
	it('keeps each value with its qualifier, own sources and note; undated values have an empty date', () => {
		const values = selectedValues(store(), [{ policies: ['reseau-labs'] }]);
		expect(values.map((v) => [v.indicator, v.territory, v.date, v.value])).toEqual([
			['labs-nb-labs-reseau', 'FR', '', 16],
			['labs-nb-labs-reseau', 'FR', '2021-11-24', 12],
			['labs-nb-labs-reseau', 'FR', '2022-03-29', 14],
			['labs-siilab-nb-ateliers', 'R32', '', 650]
		]);
		expect(values[3]).toMatchObject({ level: 'region', inseeCode: '32', territoryName: 'Hauts-de-France', qualifier: '>', sourceIds: ['L01', 'DOC04'], note: 'date non précisée' });
	});

	it('selects by indicator code and level, and `latestOnly` keeps each indicator’s latest date at that level', () => {
		const latest = selectedValues(store(), [{ indicators: ['IND-246'], level: 'departement', latestOnly: true }]);
		expect(latest.map((v) => [v.inseeCode, v.date, v.value])).toEqual([
			['01', '2024-07-01', 99.11],
			['2A', '2024-07-01', 76.67]
		]);
		const national = selectedValues(store(), [{ indicators: ['IND-246'], level: 'national' }]);
		expect(national.map((v) => v.value)).toEqual([96.5]);
	});

	it('merges overlapping selections without repeating a value, and an empty selection selects nothing', () => {
		const both = selectedValues(store(), [{ indicators: ['labs-nb-labs-reseau'] }, { policies: ['reseau-labs'] }]);
		expect(both).toHaveLength(4);
		expect(selectedValues(store(), [{}])).toEqual([]);
		expect(selectedValues(store(), [])).toEqual([]);
	});
});

describe('indicators, targets, sources', () => {
	it('reads indicator metadata with its detailed sources split', () => {
		const [reseau] = indicatorsByCode(store(), ['labs-nb-labs-reseau']);
		expect(reseau).toMatchObject({ code: 'labs-nb-labs-reseau', unit: 'nombre', direction: 'neutre', sourceIds: ['L01', 'L09'], note: '12 puis 14 puis 16', policyId: 'reseau-labs' });
		expect(indicatorsByCode(store(), [])).toEqual([]);
	});

	it('reads national baselines and targets only', () => {
		expect(nationalTargets(store(), ['IND-246']).map((t) => [t.kind, t.date, t.value])).toEqual([
			['cible', '2026-12-01', 95],
			['initiale', '2023-01-01', 0]
		]);
	});

	it('reads the sources cited, skipping unknown ids', () => {
		expect(sourcesByIds(store(), ['L09', 'NOPE', 'L01', 'L09']).map((s) => [s.id, s.licence, s.updatedAt])).toEqual([
			['L01', 'Licence Ouverte / Etalab 2.0', '2016-11-23'],
			['L09', 'page publique', null]
		]);
		expect(splitSourceIds(' F13; F15 ;')).toEqual(['F13', 'F15']);
	});

	it('gathers a page’s figures with the metadata of every indicator they use', () => {
		expect(isProgrammePage('budgets')).toBe(true);
		expect(isProgrammePage('../etc')).toBe(false);
		const page = pageFigures(store(), 'services-publics-plus');
		expect(page.values.filter((v) => v.indicator === 'IND-246').map((v) => `${v.territory}@${v.date}`)).toEqual(['FR@2024-02-01', 'D01@2024-07-01', 'D2A@2024-07-01']);
		expect(page.indicators.map((i) => i.code)).toEqual(['IND-246']);
		expect(page.targets).toHaveLength(2);
	});
});

describe('list entities', () => {
	it('reads labs with both creation years when the sources disagree, and their own indicators', () => {
		const [labL, labO] = labs(store());
		expect(labL).toMatchObject({
			name: "LAB'L",
			regionCode: '24',
			regionName: 'Centre-Val de Loire',
			creationYear: 2022,
			creationYearsBySource: [
				{ year: 2022, source: 'L09' },
				{ year: 2021, source: 'DOC04' }
			],
			pia2016Laureate: 'no',
			sourceIds: ['L09', 'DOC04']
		});
		expect(labO).toMatchObject({ creationYear: null, host: null, indicators: ['labs-siilab-nb-ateliers'], creationYearsBySource: [] });
	});

	it('reads FTAP projects with the amount’s qualifier, and survey waves with their sample', () => {
		expect(ftapProjects(store())).toEqual([
			expect.objectContaining({ name: 'Health Data Hub', date: null, round: 'FTAP 2018', carrier: null, amountEur: 30_000_000, amountQualifier: '>', note: 'montant exact non donne' })
		]);
		expect(surveyWaves(store())).toEqual([
			expect.objectContaining({ survey: 'particuliers', year: '2018', fieldwork: '2018-12/2019-01', sampleSize: 7700, sampleQualifier: 'approx. (article)', lifeEvents: 25, publication: null })
		]);
	});
});
