/**
 * The programme figures as the bundled seed gives them, read back from a store built with the
 * import (db/seed/ → SQLite): each corrected date, qualifier and count, the facts added from the
 * source documents (../shared/seeds, read only by scripts/seed-sources/programmes.ts), and the
 * pages' summaries checked against the values they summarise.
 */
import type Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededApiStore } from '../../../tests/api/helpers';
import { licenceSentence } from '$lib/source-text';
import { ftapProjects, labs, pageFigures, PROGRAMME_PAGES, sourceGaps, sourcesByIds, sppEngagements, surveyOfIndicator, surveyWaves, type ProgrammeValue } from '$lib/server/queries/programmes';

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

let client: Database.Database;
beforeAll(async () => {
	({ client } = await seededApiStore());
});

/** Every figure of the programme pages, once (a figure may be on two pages). */
const all = () => [...new Map(PROGRAMME_PAGES.flatMap((page) => pageFigures(client, page).values).map((v) => [`${v.indicator}|${v.territory}|${v.date}`, v])).values()];
function value(indicator: string, date?: string): ProgrammeValue {
	const found = all().filter((v) => v.indicator === indicator && v.level === 'national' && (date === undefined || v.date === date));
	expect(found, `${indicator} ${date ?? ''}`).toHaveLength(1);
	return found[0];
}

describe('dates as the source documents state them', () => {
	it('press-kit figures take the date of their document (November 2020 and 2021 kits, France Relance sheet, appel à défis)', () => {
		expect(value('labs-nb-actions-formation')).toMatchObject({ date: '2020-11', value: 500, sourceIds: ['DOC03'] });
		expect(value('labs-nb-projets-accompagnes')).toMatchObject({ date: '2020-11', value: 90 });
		expect(value('relance-innovation-publique-enveloppe')).toMatchObject({ date: '2021-11', value: 12_000_000, sourceIds: ['DOC04'] });
		expect(value('relance-labs-enveloppe')).toMatchObject({ date: '2021', value: 4_000_000, sourceIds: ['DOC05'] });
		expect(value('relance-appel-defis-enveloppe')).toMatchObject({ date: '2021', value: 3_000_000, sourceIds: ['DOC06'] });
	});

	it('a figure shown « non datée » has a source that gives no date at all', () => {
		const undated = all().filter((v) => v.date === '');
		expect(undated.length).toBeGreaterThan(0);
		const indicators = new Map(PROGRAMME_PAGES.flatMap((page) => pageFigures(client, page).indicators).map((i) => [i.code, i]));
		for (const v of undated) {
			const ids = v.sourceIds.length ? v.sourceIds : (indicators.get(v.indicator)?.sourceIds ?? []);
			const dated = sourcesByIds(client, ids).filter((s) => s.updatedAt);
			expect(dated.length === ids.length && ids.length > 0, `${v.indicator}: every source is dated (${ids.join(', ')})`).toBe(false);
		}
	});

	it('the FTAP’s 700 M€ keeps its announcement date (1 February 2018) and its five-year period', () => {
		const v = value('ftap-dotation-annoncee');
		expect(v).toMatchObject({ date: '2018-02-01', value: 700_000_000, qualifier: null });
		expect(v.note).toContain('2018-2022');
	});

	it('the first FTAP call’s figures are dated 19 June 2018, as the page F01 is published', () => {
		expect(value('ftap-nb-candidatures', '2018-06-19').value).toBe(122);
		expect(value('ftap-nb-laureats', '2018-06-19').value).toBe(17);
		expect(all().filter((v) => v.date === '2018-06-20' && v.sourceIds.includes('F01'))).toEqual([]);
	});
});

describe('qualifiers as the source words them', () => {
	it('« près de 500 actions de formation », « en ont accompagné 90 », « près de 149 projets »', () => {
		expect(value('labs-nb-actions-formation').qualifier).toBe('pres de');
		expect(value('labs-nb-projets-accompagnes').qualifier).toBeNull();
		expect(value('labs-nb-projets-menes').qualifier).toBe('approx.');
		expect(value('ftap-ccomptes-nb-projets-soutenus')).toMatchObject({ value: 149, qualifier: 'pres de', date: '2025-06' });
	});

	it('money keeps the source’s precision: Histologe’s 1,25 M€', async () => {
		expect(ftapProjects(client).find((p) => p.name.startsWith('Application Histologe'))).toMatchObject({ amountEur: 1_250_000 });
		const { budgetsPage } = await import('./budgets/page-data.server');
		const row = budgetsPage().projects.rows.find((p) => p.name.startsWith('Application Histologe'));
		expect(plain(row!.amount!)).toBe('1,25 M€');
	});
});

describe('facts of the source documents', () => {
	it('Lab Zéro is listed among the labs active in November 2021', () => {
		const lab = labs(client).find((l) => l.id === 'lab-zero')!;
		expect(lab.name).toBe('Lab Zéro');
		expect(lab.activeAccordingTo).toEqual({ date: '2021-11', source: 'DOC04' });
		expect(lab.sourceIds).toContain('DOC04');
		expect(labs(client).filter((l) => l.activeAccordingTo?.source === 'DOC04')).toHaveLength(9);
	});

	it('brings in the counts of the 2020 and 2021 kits, the France Relance sheet and the appel à défis, each dated and qualified', () => {
		expect(value('labs-nb-labs-etat-accompagnes-ditp')).toMatchObject({ value: 10, qualifier: 'approx. (une dizaine)', date: '2020-11', sourceIds: ['DOC03'] });
		expect(value('labs-nb-projets-menes-et-accompagnes')).toMatchObject({ value: 200, qualifier: 'pres de', date: '2020-11' });
		expect(value('labs-nb-evenements-mois-innovation')).toMatchObject({ value: 150, qualifier: '>', date: '2021-11', sourceIds: ['DOC04'] });
		expect(value('labs-nb-labs-journee-des-labs')).toMatchObject({ value: 50, qualifier: 'approx. (une cinquantaine)', date: '2021-11' });
		const occitanie = pageFigures(client, 'laboratoires').values.find((v) => v.indicator === 'labs-occitanie-nb-administrations-reseau-innovation');
		expect(occitanie).toMatchObject({ territory: 'R76', value: 260, date: '2021-11', qualifier: null });
		expect(value('labs-nb-projets-actions-accompagnes')).toMatchObject({ value: 200, qualifier: '>', date: '2021', sourceIds: ['DOC05'] });
		expect(value('relance-nb-projets-innovation-finances')).toMatchObject({ value: 100, qualifier: null, date: '2021', sourceIds: ['DOC06'] });
		expect(value('spp-programme-nb-engagements')).toMatchObject({ value: 9, date: '2021-11', sourceIds: ['DOC04'] });
	});

	it('brings in the 2017 companies results beyond the per-event rates', () => {
		expect(value('complexite-entreprises-nb-evenements-testes', '2017').value).toBe(20);
		expect(value('complexite-entreprises-nb-evenements-en-baisse-vs-2015', '2017').value).toBe(14);
		expect(value('complexite-entreprises-pct-situation-prise-en-compte', '2017').value).toBe(47);
		expect(value('complexite-entreprises-pct-manque-ecoute', '2017').value).toBe(55);
		expect(value('complexite-entreprises-pct-avis-positifs-ecoute', '2017').value).toBe(42);
		expect(value('complexite-entreprises-evol-pts-avis-positifs-ecoute-vs-2015', '2017').value).toBe(10);
	});
});

describe('summaries and lists against the values they summarise', () => {
	it('the complexity summary quotes the source’s count (14 of 20) and counts the published changes from all of them', async () => {
		const { complexityPage } = await import('./complexite/page-data.server');
		const changes = complexityPage().entreprisesChanges!;
		const published = pageFigures(client, 'complexite').values.filter((v) => /^complexite-entreprises-evol-pts-.+-vs-2015$/.test(v.indicator) && !v.indicator.includes('avis-positifs'));
		const down = published.filter((v) => v.value < 0).length;
		const up = published.filter((v) => v.value > 0).length;
		expect(changes.bars).toHaveLength(published.length);
		expect(plain(changes.summary)).toContain('sur les 20 événements de vie testés en 2017, 14 ont une complexité ressentie plus basse qu\'en 2015');
		expect(plain(changes.summary)).toContain(`pour ${published.length} événements de vie : la part jugeant les démarches complexes a baissé pour ${down}`);
		expect(plain(changes.summary)).toContain(`augmenté pour ${up}`);
	});

	it('the waves table lists every wave that has a value', async () => {
		const waves = surveyWaves(client);
		const present = new Set(
			pageFigures(client, 'complexite').values.filter((v) => v.date).map((v) => `${surveyOfIndicator(v.indicator)}|${v.date.slice(0, 4)}`)
		);
		for (const key of present) expect(waves.map((w) => `${w.survey}|${w.year}`), key).toContain(key);
		for (const key of ['entreprises|2008', 'entreprises|2013', 'entreprises|2015', 'particuliers|2010', 'particuliers|2012']) expect(present.has(key), key).toBe(true);
		const { complexityPage } = await import('./complexite/page-data.server');
		expect(complexityPage().waves.map((w) => `${w.survey}|${w.year}`)).toHaveLength(waves.length);
	});

	it('Services Publics+ says which régions have a transparency value instead of « non publiée par région »', async () => {
		const regional = pageFigures(client, 'services-publics-plus').values.filter((v) => v.indicator === 'tx-transparence-resultats' && v.level === 'region');
		expect(regional.length).toBe(5);
		const { servicesPublicsPlusPage } = await import('./services-publics-plus/page-data.server');
		const sentence = servicesPublicsPlusPage().transparency.regional;
		expect(sentence).toContain('5 régions');
		for (const v of regional) expect(sentence).toContain(v.territoryName);
		expect(servicesPublicsPlusPage().franceServices.regional).toBe('Données non publiées par région.');
	});
});

describe('licences in French, from the seed', () => {
	it('no source of a programme figure carries the curator’s English licence notes', () => {
		const ids = new Set(PROGRAMME_PAGES.flatMap((page) => pageFigures(client, page)).flatMap((d) => [...d.values.flatMap((v) => v.sourceIds), ...d.indicators.flatMap((i) => i.sourceIds)]));
		const sources = sourcesByIds(client, ids);
		expect(sources.length).toBeGreaterThan(50);
		for (const s of sources) expect(s.licence, s.id).not.toMatch(/\b(reuse|verify|licence file|not checked|page by page|French government|third-party|repo)\b/i);
		const s04 = sources.find((s) => s.id === 'S04')!;
		expect(s04).toMatchObject({ licenceId: 'inconnue', licenceVerified: false });
		expect(licenceSentence(s04)).toBe('Licence non précisée par la source ; licence non vérifiée : à confirmer auprès du producteur avant réutilisation');
		expect(sources.find((s) => s.id === 'F17')).toMatchObject({ licenceId: 'etalab-2.0', licenceVerified: false });
		expect(sources.find((s) => s.id === 'DOC01')).toMatchObject({ licenceId: 'etalab-2.0', licenceVerified: true });
		expect(sources.find((s) => s.id === 'L06')).toMatchObject({ licenceId: 'droit-auteur' });
		// The stored text is the same sentence the site words from the structured fields.
		for (const s of sources) expect(s.licence, s.id).toBe(licenceSentence(s));
	});
});

/** A source read with the search tool for issue 13, as the store holds it. */
function source(id: string) {
	const [s] = sourcesByIds(client, [id]);
	expect(s, id).toBeDefined();
	return s;
}

describe('public pages read for issue 13 (scripts/seed-sources/programmes-pages.ts)', () => {
	it('the Campus page of 21 November 2024: « le réseau des 135 labs » and « les 16 laboratoires d’innovation territoriale »', () => {
		expect(source('W01')).toMatchObject({
			url: 'https://www.modernisation.gouv.fr/campus-de-la-transformation-publique/catalogue-de-ressources/expert/le-reseau-des-laboratoires',
			title: 'Le réseau des laboratoires d’innovation publique',
			updatedAt: '2024-11-21'
		});
		const network = value('labs-nb-labs-innovation-publique-reseau-ditp', '2024-11-21');
		expect(network).toMatchObject({ value: 135, qualifier: null, sourceIds: ['W01'] });
		expect(network.note).toContain('La DITP anime le réseau des 135 labs');
		expect(network.note).toContain('Plus de 130');
		expect(value('labs-nb-labs-reseau', '2024-11-21')).toMatchObject({ value: 16, qualifier: null, sourceIds: ['W01'] });
	});

	it('the labs page shows both, dated, with their source', async () => {
		const { labsPage } = await import('./laboratoires/page-data.server');
		const { networkSize } = labsPage();
		expect(plain(networkSize.summary)).toContain('16 laboratoires au 21 novembre 2024');
		expect(networkSize.table.rows.find((r) => r.date === '2024-11-21')).toMatchObject({ display: '16', dateLabel: '21 novembre 2024', sources: ['W01'] });
		expect(networkSize.others.rows.find((r) => r.indicator === 'labs-nb-labs-innovation-publique-reseau-ditp')).toMatchObject({ display: '135', dateLabel: '21 novembre 2024', sources: ['W01'] });
		for (const t of [networkSize.table, networkSize.others])
			expect(t.sources.find((l) => l.id === 'W01')).toMatchObject({ title: 'Le réseau des laboratoires d’innovation publique', updatedAt: '2024-11-21' });
	});

	it('the 4th CITP page of 19 November 2019: 63 projects, 351 M€, 61 beneficiary entities, on the budgets page’s totals', async () => {
		expect(source('W06')).toMatchObject({ url: 'https://www.modernisation.gouv.fr/actualites/citp-rencontre-entre-le-premier-ministre-et-les-laureats-du-ftap', updatedAt: '2019-11-19' });
		expect(value('ftap-nb-projets-laureats-cumules', '2019-11-19')).toMatchObject({ value: 63, qualifier: null, sourceIds: ['W06'] });
		expect(value('ftap-montant-investi-cumule', '2019-11-19')).toMatchObject({ value: 351_000_000, qualifier: null, sourceIds: ['W06'] });
		const entities = value('ftap-nb-entites-beneficiaires', '2019-11-19');
		expect(entities).toMatchObject({ value: 61, qualifier: null, sourceIds: ['W06'] });
		expect(entities.note).toContain('dont 31 directions d\'administration centrales, 9 préfectures ou directions départementales, 21 opérateurs de l\'État dont 4 universités');
		const { budgetsPage } = await import('./budgets/page-data.server');
		const rows = budgetsPage().totals.rows.filter((r) => r.sources.includes('W06'));
		expect(rows.map((r) => [r.indicator, plain(r.display), r.dateLabel])).toEqual([
			['ftap-nb-projets-laureats-cumules', '63', '19 novembre 2019'],
			['ftap-montant-investi-cumule', '351 M€', '19 novembre 2019'],
			['ftap-nb-entites-beneficiaires', '61', '19 novembre 2019']
		]);
	});

	it('Services Publics+ engagements n° 1 to 5 in the words of the Val-de-Marne page (updated 23 January 2024)', () => {
		expect(source('W02')).toMatchObject({ url: 'https://www.val-de-marne.gouv.fr/index.php/Publications/Services-Publics', updatedAt: '2024-01-23' });
		const list = sppEngagements(client);
		expect(list.map((e) => e.number)).toEqual([1, 2, 3, 4, 5]);
		for (const e of list) expect(e).toMatchObject({ date: '2024-01-23', sourceIds: ['W02'] });
		expect(list[0].text).toBe('Dans le respect mutuel, vous êtes accueillis avec courtoisie et bienveillance et dans les conditions prévues par la loi, vous avez le droit à l’erreur');
		expect(list[1].text).toBe('Nous sommes joignables par téléphone ou sur place et nous facilitons vos démarches en ligne');
		expect(list[2].text).toBe('Vous bénéficiez d’un accompagnement adapté à votre situation personnelle');
		expect(list[3].text).toBe('Nous vous orientons vers la personne compétente pour traiter votre demande');
		expect(list[4].text).toBe('Vous recevez une réponse à vos demandes dans les délais annoncés et vous êtes informés sur l’avancement de votre dossier');
	});

	it('the Services Publics+ page lists them with the count of nine (November 2021) and their source; engagements.csv holds the same rows', async () => {
		const { servicesPublicsPlusPage } = await import('./services-publics-plus/page-data.server');
		const { engagementsCsv } = await import('./csv.server');
		const { engagements } = servicesPublicsPlusPage();
		expect(engagements.rows.map((r) => [r.number, r.text])).toEqual(sppEngagements(client).map((e) => [e.number, e.text]));
		expect(plain(engagements.summary)).toBe('Le programme compte 9 engagements communs à tous les services publics (en novembre 2021) ; les sources lues en nomment 5, les n° 1, 2, 3, 4, 5, dans une page mise à jour le 23 janvier 2024.');
		expect(engagements.sources.map((s) => s.id)).toEqual(['DOC04', 'W02']);
		const lines = engagementsCsv(sppEngagements(client)).trim().split(/\r?\n/);
		expect(lines[0]).toBe('entite_id,numero,engagement,date,source_id');
		expect(lines).toHaveLength(6);
		expect(lines[3]).toBe('engagement-services-publics-plus-3,3,Vous bénéficiez d’un accompagnement adapté à votre situation personnelle,2024-01-23,W02');
	});

	it('Services Publics+ open data as its pages describe it, undated as they are: « près de 15000 structures », « une trentaine de réseaux », « plus de 2.5 millions d’agents »', async () => {
		expect(source('W07')).toMatchObject({ url: 'https://api.gouv.fr/producteurs/ditp', updatedAt: null });
		expect(source('W09')).toMatchObject({ url: 'https://opendata.plus.transformation.gouv.fr/explore/dataset/export-indicateurs/', updatedAt: null });
		expect(value('spp-resultats-nb-structures', '')).toMatchObject({ value: 15000, qualifier: 'pres de', sourceIds: ['W07'] });
		expect(value('spp-resultats-nb-reseaux-transparents', '')).toMatchObject({ value: 30, qualifier: 'approx. (une trentaine)', sourceIds: ['W09'] });
		expect(value('spp-resultats-nb-agents-reseaux-transparents', '')).toMatchObject({ value: 2_500_000, qualifier: '>', sourceIds: ['W09'] });
		const { servicesPublicsPlusPage } = await import('./services-publics-plus/page-data.server');
		const shown = servicesPublicsPlusPage().others.rows.filter((r) => r.indicator.startsWith('spp-resultats-nb-'));
		expect(shown.map((r) => [r.indicator, plain(r.display), r.dateLabel]).sort()).toEqual([
			['spp-resultats-nb-agents-reseaux-transparents', 'plus de 2 500 000', 'non datée'],
			['spp-resultats-nb-reseaux-transparents', 'environ 30 (« une trentaine » selon la source)', 'non datée'],
			['spp-resultats-nb-structures', 'près de 15 000', 'non datée']
		]);
	});

	it('the 2020 confidence wave has the sample the Harris Interactive page states (2 028), citing it', () => {
		const wave = surveyWaves(client).find((w) => w.id === 'vague-complexite-confiance-particuliers-2020')!;
		expect(wave).toMatchObject({ sampleSize: 2028, fieldwork: '2020-11-26/2020-12-03', institute: 'Harris Interactive' });
		expect(wave.sourceIds).toEqual(['X11', 'W03']);
		expect(source('W03').url).toBe('https://harris-interactive.fr/opinion_polls/les-franc%CC%A7ais-et-le-droit-a-lerreur-vague-3/');
	});
});

describe('gaps of the pages read, each with the source that would fill it', () => {
	const expected: Record<string, [string, string][]> = {
		budgets: [
			['lacune-ftap-laureats-2018', 'https://www.modernisation.gouv.fr/actualites/investir-pour-transformer-decouvrez-les-17-laureats-du-premier-appel-projets-du-ftap'],
			['lacune-ftap-laureats-2021', 'https://www.modernisation.gouv.fr/appels-a-projets/ftap-2021-80-millions-deuros-investis-dans-12-projets-de-transformation-publique']
		],
		laboratoires: [['lacune-labs-liste-reseau', 'https://www.modernisation.gouv.fr/campus-de-la-transformation-publique/catalogue-de-ressources/expert/le-reseau-des-laboratoires']],
		complexite: [
			['lacune-complexite-2018-par-evenement', 'https://www.modernisation.gouv.fr/publications/la-complexite-administrative-vue-par-les-usagers-enquete-2018'],
			['lacune-complexite-2022-par-evenement', 'https://www.modernisation.gouv.fr/publications/barometre-2022-de-la-complexite-administrative-et-de-la-confiance-en-ladministration'],
			['lacune-confiance-2020-par-evenement', 'https://www.modernisation.gouv.fr/publications/barometres-confiance-2020-le-niveau-de-confiance-des-particuliers-et-des-entreprises']
		],
		'services-publics-plus': [
			['lacune-spp-engagements-6-9', 'https://www.modernisation.gouv.fr/ameliorer-lexperience-usagers/services-publics'],
			['lacune-spp-resultats-open-data', 'https://opendata.plus.transformation.gouv.fr/explore/dataset/export-indicateurs/']
		]
	};

	it.each(PROGRAMME_PAGES.map((p) => [p]))('%s: the store’s gaps name their filling source, and the page data carries them', async (page) => {
		const gaps = sourceGaps(client, page);
		expect(gaps.map((g) => [g.id, g.source?.url])).toEqual(expected[page]);
		const loaders: Record<string, () => Promise<{ gaps: unknown[] }>> = {
			budgets: async () => (await import('./budgets/page-data.server')).budgetsPage(),
			laboratoires: async () => (await import('./laboratoires/page-data.server')).labsPage(),
			complexite: async () => (await import('./complexite/page-data.server')).complexityPage(),
			'services-publics-plus': async () => (await import('./services-publics-plus/page-data.server')).servicesPublicsPlusPage()
		};
		const shown = (await loaders[page]()).gaps as { text: string; source: { url: string } }[];
		expect(shown.map((g) => [g.text, g.source.url])).toEqual(gaps.map((g) => [g.text, g.source!.url]));
	});

	it('no gap quotes a figure its page could not be read for (the 2020 per-event changes stay out)', () => {
		const text = sourceGaps(client, 'complexite').map((g) => g.text).join(' ');
		expect(text).not.toMatch(/\d+\s*points/);
		expect(pageFigures(client, 'complexite').values.filter((v) => /confiance-particuliers.*(naissance|emploi|precarite)/.test(v.indicator))).toEqual([]);
	});
});

describe('notes on values are written for readers', () => {
	it('no curator shorthand in any value note of the store (folder paths, column names, « period = », raw commits)', () => {
		const notes = (client.prepare(`SELECT DISTINCT note FROM observations WHERE note IS NOT NULL AND note <> ''`).all() as { note: string }[]).map((r) => r.note);
		expect(notes.length).toBeGreaterThan(20);
		for (const note of notes) expect(note, note).not.toMatch(/db\/seed|dossier programmes|indic_v[a-z]|\bperiod =|\bcommit [0-9a-f]{7}|\(([0-9a-f]{7})\)/);
		// IND-246's values taken from Services Publics+ say where they come from, in French.
		const spp = client
			.prepare(`SELECT o.note FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN territories t ON t.id = o.territory_id WHERE i.code = 'IND-246' AND t.code = 'D01' AND o.date = '2024-07-01'`)
			.get() as { note: string };
		expect(spp.note).toBe('question posée aux usagers : Satisfait de votre démarche dans votre France services aujourd’hui ?; valeur absente des données des politiques prioritaires, reprise de la source S04');
	});
});
