/**
 * What a release must carry to change what the store knows: the DITP companions (config-viz.yml,
 * meta_indicateurs.csv), the columns of partial metadata files, the date column of values.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRelease, type ImportReport } from '../../src/lib/server/import/index';
import { formatReport } from '../../src/lib/server/import/report';
import { query, storeState, tmpDir, writeFiles } from '../helpers/tmp';

const FIXTURE_DITP = join(import.meta.dirname, '..', 'fixtures', 'ditp');

function fixtureCopy(): string {
	const dir = join(tmpDir(), 'release');
	cpSync(FIXTURE_DITP, dir, { recursive: true });
	return dir;
}

function printed(report: ImportReport): string[] {
	return formatReport(report).text.trim().split('\n');
}

const units = (db: string) => query(db, 'SELECT code, unit, unit_label, sort_order, direction FROM indicators ORDER BY code');

describe('official DITP companions', () => {
	it('names unknown extra columns in a warning and imports the rest', async () => {
		const dir = fixtureCopy();
		const path = join(dir, 'data', 'ind-296.csv');
		const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
		writeFileSync(path, [`${header},indic_commentaire`, ...rows.map((r) => `${r},`)].join('\n') + '\n');
		const db = join(tmpDir(), 'store.sqlite');
		const report = await importRelease([dir], { dbPath: db });
		expect(report.ok).toBe(true);
		expect(printed(report)).toContain(
			`Avertissement : ${path}:1:9: colonne « indic_commentaire » inconnue du format DITP, ignorée — vérifiez qu'elle ne porte rien à importer (colonnes lues : indic_id, enforce_zone_id, metric_enforce_date, maille, indic_vi, indic_va, indic_vc, indic_ta)`
		);
		expect(formatReport(report).exitCode).toBe(0);
		expect(query(db, "SELECT count(*) AS n FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE i.code = 'IND-296'")[0]).toEqual({ n: rows.filter((r) => r.split(',')[5]).length });
	});

	it('refuses a data file whose indicator the release metadata does not describe, naming both files', async () => {
		const dir = fixtureCopy();
		const db = join(tmpDir(), 'store.sqlite');
		expect((await importRelease([FIXTURE_DITP], { dbPath: db })).ok).toBe(true);
		const before = storeState(db);
		const meta = join(dir, 'metadata', 'meta_indicateurs.csv');
		writeFileSync(meta, readFileSync(meta, 'utf8').split('\n').filter((l) => !l.startsWith('IND-296')).join('\n'));
		const report = await importRelease([dir], { dbPath: db });
		expect(report.ok).toBe(false);
		const lines = printed(report);
		expect(lines[0]).toBe(
			`${join(dir, 'data', 'ind-296.csv')}:2:1: indicateur IND-296 absent de ${meta} — ajoutez sa ligne dans ${meta}, ou retirez ${join(dir, 'data', 'ind-296.csv')} de la livraison`
		);
		expect(lines.at(-1)).toBe("Import refusé : 1 problème(s). Rien n'a été écrit dans la base.");
		expect(storeState(db)).toEqual(before);
	});

	it('refuses a release without config-viz.yml, and keeps the stored units', async () => {
		const dir = fixtureCopy();
		const db = join(tmpDir(), 'store.sqlite');
		expect((await importRelease([FIXTURE_DITP], { dbPath: db })).ok).toBe(true);
		const before = storeState(db);
		rmSync(join(dir, 'config'), { recursive: true });
		const report = await importRelease([dir], { dbPath: db });
		expect(report.ok).toBe(false);
		expect(printed(report)[0]).toBe(
			`${join(dir, 'metadata', 'meta_indicateurs.csv')}:1:1: config/config-viz.yml absent de la livraison : l'unité, le libellé d'unité et l'ordre des indicateurs seraient perdus — ajoutez config/config-viz.yml de la même livraison, ou relancez avec --sans-config pour garder ceux que la base connaît`
		);
		expect(storeState(db)).toEqual(before);
	});

	it('with --sans-config, imports the values and changes no unit, label, order or direction', async () => {
		const dir = fixtureCopy();
		const db = join(tmpDir(), 'store.sqlite');
		expect((await importRelease([FIXTURE_DITP], { dbPath: db, sourceUpdatedAt: '2024-06-29' })).ok).toBe(true);
		const before = units(db);
		expect(before.find((u) => u.code === 'IND-200')).toEqual({ code: 'IND-200', unit: '%', unit_label: '% de jeunes ayant le Pass culture', sort_order: 1, direction: 'hausse' });
		rmSync(join(dir, 'config'), { recursive: true });
		const path = join(dir, 'data', 'ind-200.csv');
		writeFileSync(path, readFileSync(path, 'utf8').replace('IND-200,FRANCE,2024-05-01,NAT,,82.02,,100.0', 'IND-200,FRANCE,2024-05-01,NAT,,82.5,,100.0'));
		const report = await importRelease([dir], { dbPath: db, withoutConfig: true });
		expect(report.ok).toBe(true);
		if (!report.ok) return;
		expect(report.values.revised).toBe(1);
		expect(report.metadata.indicatorsUpdated).toBe(0);
		expect(report.warnings).toEqual([]);
		expect(units(db)).toEqual(before);
		expect(query(db, "SELECT source_updated_at FROM indicators WHERE code = 'IND-200'")).toEqual([{ source_updated_at: '2024-06-29' }]);
	});

	it('with --sans-config into an empty store, says which defaults a new indicator gets', async () => {
		const dir = fixtureCopy();
		rmSync(join(dir, 'config'), { recursive: true });
		const db = join(tmpDir(), 'store.sqlite');
		const report = await importRelease([dir], { dbPath: db, withoutConfig: true });
		expect(report.ok).toBe(true);
		expect(printed(report)).toContain(
			`Avertissement : ${join(dir, 'metadata', 'meta_indicateurs.csv')}:2:1: nouvel indicateur IND-200 sans sa configuration : unité « nombre » et sens « hausse » par défaut — importez-le avec config/config-viz.yml de la même livraison pour les fixer`
		);
	});

	it('refuses data files without meta_indicateurs.csv unless --sans-config', async () => {
		const db = join(tmpDir(), 'store.sqlite');
		expect((await importRelease([FIXTURE_DITP], { dbPath: db })).ok).toBe(true);
		const before = storeState(db);
		const data = join(FIXTURE_DITP, 'data', 'ind-296.csv');
		const report = await importRelease([data, join(FIXTURE_DITP, 'config')], { dbPath: db });
		expect(printed(report)[0]).toBe(
			`${data}:1:1: metadata/meta_indicateurs.csv absent de la livraison : le nom et le sens des indicateurs seraient inconnus — ajoutez metadata/meta_indicateurs.csv de la même livraison, ou relancez avec --sans-config pour garder ceux que la base connaît`
		);
		expect(storeState(db)).toEqual(before);
		const again = await importRelease([data], { dbPath: db, withoutConfig: true });
		expect(again.ok && again.values.unchanged).toBeGreaterThan(500);
		expect(storeState(db)).toEqual(before);
	});

	it('refuses an indicator that config-viz.yml does not list', async () => {
		const dir = fixtureCopy();
		const config = join(dir, 'config', 'config-viz.yml');
		const text = readFileSync(config, 'utf8');
		writeFileSync(config, text.replace('- id: IND-296', '- id: IND-XXX'));
		const db = join(tmpDir(), 'store.sqlite');
		const report = await importRelease([dir], { dbPath: db });
		expect(report.ok).toBe(false);
		expect(printed(report)[0]).toBe(
			`${join(dir, 'metadata', 'meta_indicateurs.csv')}:3:1: indicateur IND-296 absent de ${config} : son unité et son ordre seraient inconnus — ajoutez son entrée (id: IND-296) dans ${config}, ou relancez avec --sans-config pour garder ceux que la base connaît`
		);
		expect(query(db, 'SELECT count(*) AS n FROM indicators')).toEqual([{ n: 0 }]);
	});
});

const FULL_HEADER = 'indicateur_id,famille_id,famille,theme_id,theme,politique_id,politique,axe,nom,description,unite,unite_libelle,sens,cumulatif,frequence,producteur,licence,url_source,date_mise_a_jour,source_id,note,ordre';
const FULL_ROW = 'T-1,test,Famille test,sante,Santé,P-1,Politique test,Axe 1,Taux de test,Une description,%,% des personnes,hausse,oui,annuelle,INSEE,Licence Ouverte / Etalab 2.0,https://example.org/t1,2024-06-30,,Une note,3';
const REQUIRED_HEADER = 'indicateur_id,famille_id,politique_id,nom,unite,sens,producteur,licence';

describe('partial canonical metadata', () => {
	async function storeWithFullIndicator() {
		const dir = tmpDir();
		const db = join(dir, 'store.sqlite');
		writeFiles(dir, {
			'full/indicateurs.csv': `${FULL_HEADER}\n${FULL_ROW}\n`,
			'full/valeurs.csv': 'indicateur_id,maille,code_territoire,date,valeur\nT-1,national,FR,2024,1\n',
			'full/sources.csv': 'source_id,producteur,titre,url,licence,date_mise_a_jour,note\nS-1,INSEE,Enquête,https://example.org/s1,Licence Ouverte / Etalab 2.0,2024-01-31,Une note\n'
		});
		expect((await importRelease([join(dir, 'full')], { dbPath: db })).ok).toBe(true);
		return { dir, db };
	}
	const described = (db: string) => ({
		indicators: query(db, 'SELECT * FROM indicators'),
		policies: query(db, 'SELECT * FROM policies'),
		families: query(db, 'SELECT * FROM families'),
		themes: query(db, 'SELECT * FROM themes'),
		sources: query(db, 'SELECT * FROM sources')
	});

	it('an indicateurs.csv with only the required columns changes nothing it does not carry', async () => {
		const { dir, db } = await storeWithFullIndicator();
		const before = described(db);
		const stateBefore = storeState(db);
		writeFiles(dir, { 'part/indicateurs.csv': `${REQUIRED_HEADER}\nT-1,test,P-1,Taux de test,%,hausse,INSEE,Licence Ouverte / Etalab 2.0\n` });
		const report = await importRelease([join(dir, 'part')], { dbPath: db });
		expect(report.ok && report.metadata).toEqual({ indicatorsNew: 0, indicatorsUpdated: 0, sourcesNew: 0, sourcesUpdated: 0 });
		expect(report.ok && report.releaseId).toBe(null);
		expect(storeState(db)).toEqual(stateBefore);
		expect(described(db)).toEqual(before);
	});

	it('updates only the columns it carries', async () => {
		const { dir, db } = await storeWithFullIndicator();
		const before = described(db);
		writeFiles(dir, {
			'part/indicateurs.csv': `${REQUIRED_HEADER},description\nT-1,test,P-1,Taux de test révisé,%,hausse,INSEE,Licence Ouverte / Etalab 2.0,\n`,
			'part/sources.csv': 'source_id,producteur,titre,licence\nS-1,INSEE,Enquête annuelle,Licence Ouverte / Etalab 2.0\n'
		});
		const report = await importRelease([join(dir, 'part')], { dbPath: db });
		expect(report.ok && report.metadata).toEqual({ indicatorsNew: 0, indicatorsUpdated: 1, sourcesNew: 0, sourcesUpdated: 1 });
		const after = described(db);
		// An empty cell in a present column clears it; absent columns keep the store's value.
		expect(after.indicators).toEqual([{ ...before.indicators[0], name: 'Taux de test révisé', description: null }]);
		expect(after.policies).toEqual(before.policies);
		expect(after.families).toEqual(before.families);
		expect(after.themes).toEqual(before.themes);
		expect(after.sources).toEqual([{ ...before.sources[0], title: 'Enquête annuelle' }]);
	});

	it('reads licence_id and licence_verifiee; a sources.csv without them keeps what the store holds', async () => {
		const { dir, db } = await storeWithFullIndicator();
		expect(query(db, 'SELECT licence_id, licence_verified FROM sources')).toEqual([{ licence_id: null, licence_verified: null }]);
		writeFiles(dir, {
			'terms/sources.csv': 'source_id,producteur,titre,licence,licence_id,licence_verifiee\nS-1,INSEE,Enquête,Page publique,etalab-2.0,non\n'
		});
		const structured = await importRelease([join(dir, 'terms')], { dbPath: db });
		expect(structured.ok && structured.metadata.sourcesUpdated).toBe(1);
		expect(query(db, 'SELECT licence, licence_id, licence_verified FROM sources')).toEqual([{ licence: 'Page publique', licence_id: 'etalab-2.0', licence_verified: 0 }]);
		writeFiles(dir, { 'old/sources.csv': 'source_id,producteur,titre,licence\nS-1,INSEE,Enquête,Page publique\n' });
		const old = await importRelease([join(dir, 'old')], { dbPath: db });
		expect(old.ok && old.metadata.sourcesUpdated).toBe(0);
		expect(query(db, 'SELECT licence_id, licence_verified FROM sources')).toEqual([{ licence_id: 'etalab-2.0', licence_verified: 0 }]);
	});

	it('refuses an unknown licence_id or licence_verifiee, naming the accepted values', async () => {
		const { dir, db } = await storeWithFullIndicator();
		const before = storeState(db);
		writeFiles(dir, { 'bad/sources.csv': 'source_id,producteur,titre,licence,licence_id,licence_verifiee\nS-1,INSEE,Enquête,Page publique,CC-BY,peut-être\n' });
		const report = await importRelease([join(dir, 'bad')], { dbPath: db });
		const lines = printed(report);
		expect(lines[0]).toBe(`${join(dir, 'bad', 'sources.csv')}:2:5: licence_id « CC-BY » inconnu — écrivez etalab-2.0, droit-auteur, inconnue, ou laissez la cellule vide`);
		expect(lines[1]).toBe(`${join(dir, 'bad', 'sources.csv')}:2:6: licence_verifiee « peut-être » inconnu — écrivez oui ou non, ou laissez la cellule vide`);
		expect(storeState(db)).toEqual(before);
	});

	it('refuses a valeurs.csv without a date column', async () => {
		const { dir, db } = await storeWithFullIndicator();
		const before = storeState(db);
		writeFiles(dir, { 'bad/valeurs.csv': 'indicateur_id,maille,code_territoire,valeur\nT-1,national,FR,2\n' });
		const report = await importRelease([join(dir, 'bad')], { dbPath: db });
		expect(printed(report)).toEqual([
			`${join(dir, 'bad', 'valeurs.csv')}:1:5: colonne « date » absente : toutes les valeurs seraient non datées — ajoutez la colonne date (AAAA, AAAA-MM ou AAAA-MM-JJ ; vide seulement pour une valeur que la source ne date pas)`,
			"Import refusé : 1 problème(s). Rien n'a été écrit dans la base."
		]);
		expect(storeState(db)).toEqual(before);
	});
});
