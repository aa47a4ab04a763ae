/** Every input variant the import accepts, each checked in the database it produced. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRelease } from '../../src/lib/server/import/index';
import { ONE_INDICATOR, query, tmpDir, writeFiles } from '../helpers/tmp';

const FIXTURE_DITP = join(import.meta.dirname, '..', 'fixtures', 'ditp');

function valuesOf(db: string) {
	return query<{ code: string; date: string; value: number }>(
		db,
		'SELECT t.code, o.date, o.value FROM observations o JOIN territories t ON t.id = o.territory_id ORDER BY t.code, o.date'
	);
}

async function importOk(files: Record<string, string | Uint8Array>) {
	const dir = writeFiles(tmpDir(), { 'indicateurs.csv': ONE_INDICATOR, ...files });
	const db = join(dir, 'store.sqlite');
	const report = await importRelease([dir], { dbPath: db });
	if (!report.ok) throw new Error(report.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
	return { db, report };
}

describe('canonical CSV variants', () => {
	it('reads UTF-8 with a BOM and CRLF line ends', async () => {
		const { db } = await importOk({
			'v.csv': '\ufeffindicateur_id,maille,code_territoire,date,valeur\r\nT-1,national,FR,2024-01-31,12.5\r\nT-1,region,84,2024-01-31,13\r\n'
		});
		expect(valuesOf(db)).toEqual([
			{ code: 'FR', date: '2024-01-31', value: 12.5 },
			{ code: 'R84', date: '2024-01-31', value: 13 }
		]);
	});

	it('reads Windows-1252 with semicolons and decimal commas', async () => {
		const text = 'indicateur_id;territoire;maille;code_territoire;date;valeur\nT-1;Corrèze;departement;19;2023-06;45,7\nT-1;Côte-d’Or;departement;21;2023-06;1 234,5\n';
		const bytes = Uint8Array.from([...text].map((ch) => (ch === '’' ? 0x92 : ch.charCodeAt(0))));
		const { db, report } = await importOk({ 'v.csv': bytes });
		expect(valuesOf(db)).toEqual([
			{ code: 'D19', date: '2023-06', value: 45.7 },
			{ code: 'D21', date: '2023-06', value: 1234.5 }
		]);
		expect(report.ok && report.files.find((f) => f.display.endsWith('v.csv'))?.encoding).toBe('windows-1252');
	});

	it('reads quoted fields and ignores the informational columns of an export', async () => {
		const { db } = await importOk({
			'v.csv':
				'indicateur_id,indicateur,maille,code_territoire,territoire,date,valeur,unite\n' +
				'T-1,"Taux, de test",departement,2A,"Corse-du-Sud",2024-03-31,"3,5",%\n'
		});
		expect(valuesOf(db)).toEqual([{ code: 'D2A', date: '2024-03-31', value: 3.5 }]);
	});

	it('keeps dates at the precision given: YYYY, YYYY-MM, YYYY-MM-DD', async () => {
		const { db } = await importOk({
			'v.csv': 'indicateur_id,maille,code_territoire,date,valeur\nT-1,national,FR,2021,1\nT-1,national,FR,2022-07,2\nT-1,national,FR,2023-12-31,3\n'
		});
		expect(valuesOf(db).map((v) => v.date)).toEqual(['2021', '2022-07', '2023-12-31']);
	});

	it('resolves FRANCE/FR, D01/01/1 and R84/84', async () => {
		const { db } = await importOk({
			'v.csv':
				'indicateur_id,maille,code_territoire,date,valeur\n' +
				'T-1,national,FRANCE,2024-01,1\nT-1,departement,D01,2024-01,2\nT-1,departement,01,2024-02,3\n' +
				'T-1,departement,1,2024-03,4\nT-1,region,R84,2024-01,5\nT-1,region,84,2024-02,6\nT-1,departement,D971,2024-01,7\n'
		});
		expect(valuesOf(db).map((v) => `${v.code} ${v.date}`)).toEqual([
			'D01 2024-01',
			'D01 2024-02',
			'D01 2024-03',
			'D971 2024-01',
			'FR 2024-01',
			'R84 2024-01',
			'R84 2024-02'
		]);
	});

	it('stores qualifiers and sources with the figure', async () => {
		const { db } = await importOk({
			'sources.csv': 'source_id,producteur,titre,licence\nL07,DITP,Page du réseau des labs,Licence Ouverte / Etalab 2.0\n',
			'v.csv': 'indicateur_id,maille,code_territoire,date,valeur,qualificatif,source_id,note\nT-1,national,FR,,80,>,L07,page non datée\n'
		});
		expect(query(db, 'SELECT date, value, qualifier, source_id, note FROM observations')).toEqual([
			{ date: '', value: 80, qualifier: '>', source_id: 'L07', note: 'page non datée' }
		]);
	});
});

describe('official DITP format', () => {
	it('imports a release folder: values, baselines, targets, published rates and metadata', async () => {
		const db = join(tmpDir(), 'store.sqlite');
		const report = await importRelease([FIXTURE_DITP], { dbPath: db, sourceUpdatedAt: '2024-06-29' });
		expect(report.ok).toBe(true);
		const [ind200] = query(db, "SELECT i.name, i.unit, i.direction, i.source_updated_at, p.name AS policy, p.axis, th.name AS theme FROM indicators i JOIN policies p ON p.id = i.policy_id LEFT JOIN themes th ON th.id = p.theme_id WHERE i.code = 'IND-200'");
		expect(ind200).toEqual({
			name: 'Taux de couverture des +18 ans',
			unit: '%',
			direction: 'hausse',
			source_updated_at: '2024-06-29',
			policy: 'Poursuivre le déploiement du Pass Culture',
			axis: 'Bâtir de nouveaux progrès et refonder nos services publics',
			theme: 'Culture'
		});
		expect(query(db, "SELECT direction FROM indicators WHERE code = 'IND-296'")).toEqual([{ direction: 'baisse' }]);
		// Rows of the published file: IND-200,FRANCE,2022-05-01,NAT,69.0,,, / 2024-05-01 …82.02,,100.0 / 2026-12-01 …,80.0,
		const national = (sql: string) =>
			query(db, `${sql} AND territory_id = (SELECT id FROM territories WHERE code = 'FR') AND indicator_id = (SELECT id FROM indicators WHERE code = 'IND-200')`);
		expect(national("SELECT value FROM observations WHERE date = '2024-05-01'")).toEqual([{ value: 82.02 }]);
		expect(national("SELECT kind, date, value FROM targets WHERE 1")).toEqual([
			{ kind: 'cible', date: '2026-12-01', value: 80 },
			{ kind: 'initiale', date: '2022-05-01', value: 69 }
		]);
		expect(national("SELECT date, rate FROM published_rates WHERE 1")).toEqual([{ date: '2024-05-01', rate: 100 }]);
		expect(query(db, "SELECT count(*) AS n FROM observations o JOIN territories t ON t.id = o.territory_id WHERE t.level = 'departement' AND o.indicator_id = (SELECT id FROM indicators WHERE code = 'IND-200') AND o.date = '2024-05-01'")).toEqual([{ n: 101 }]);
	});

	it('accepts the DITP files given one by one', async () => {
		const db = join(tmpDir(), 'store.sqlite');
		const files = ['metadata/meta_engagement.csv', 'metadata/meta_chantiers.csv', 'metadata/meta_indicateurs.csv', 'config/config-viz.yml', 'data/ind-296.csv'].map((f) => join(FIXTURE_DITP, f));
		const report = await importRelease(files, { dbPath: db });
		expect(report.ok && report.values.inserted).toBeGreaterThan(500);
		expect(query(db, 'SELECT DISTINCT i.code FROM observations o JOIN indicators i ON i.id = o.indicator_id')).toEqual([{ code: 'IND-296' }]);
	});
});

describe('downloads import back', () => {
	it("removes the ' our downloads put before text starting with = + - @", async () => {
		const { db } = await importOk({
			'v.csv': "indicateur_id,maille,code_territoire,date,valeur,qualificatif,note\nT-1,national,FR,2024,5,,'=0+1 selon la source\nT-1,national,FR,2023,-3,,'-2 points\n"
		});
		expect(query(db, 'SELECT date, value, note FROM observations ORDER BY date')).toEqual([
			{ date: '2023', value: -3, note: '-2 points' },
			{ date: '2024', value: 5, note: '=0+1 selon la source' }
		]);
	});
});

describe('indicator themes', () => {
	it("keeps each indicator's own theme when a policy's indicators span several", async () => {
		const { db } = await importOk({
			'indicateurs.csv':
				'indicateur_id,famille_id,theme_id,theme,politique_id,nom,unite,sens,producteur,licence\n' +
				'T-1,test,reseau,Réseau,P-1,Nombre de labs,nombre,neutre,DITP,LO\n' +
				'T-2,test,activite,Activité des labs,P-1,Ateliers,nombre,neutre,DITP,LO\n',
			'v.csv': 'indicateur_id,maille,code_territoire,date,valeur\nT-1,national,FR,2024,16\n'
		});
		expect(query(db, 'SELECT i.code, th.name AS theme FROM indicators i JOIN themes th ON th.id = i.theme_id ORDER BY i.code')).toEqual([
			{ code: 'T-1', theme: 'Réseau' },
			{ code: 'T-2', theme: 'Activité des labs' }
		]);
	});
});
