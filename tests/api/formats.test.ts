/**
 * Download formats on a small store made for the edge cases: formula injection in text cells
 * (never in numbers), codes with leading zeros, the xlsx workbook, and the per-release memo of
 * binary downloads.
 */
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { importRelease } from '../../src/lib/server/import/index';
import { neutralise, neutraliseRow, textColumns } from '../../src/lib/server/api/serialise';
import { columnName, escapeXml, writeXlsx } from '../../src/lib/server/api/xlsx';
import { siteOrigin } from '../../src/lib/server/origin';
import { indicatorsCsv, tmpDir, writeFiles } from '../helpers/tmp';
import { api, unzipText } from './helpers';

let store: string;
const LICENCE = 'Licence Ouverte / Etalab 2.0';
const EVIL_NAME = '=HYPERLINK("http://x","clic")';

beforeAll(async () => {
	const dir = tmpDir({ forFile: true });
	writeFiles(dir, {
		'r/indicateurs.csv': indicatorsCsv(
			`T-1,test,Famille test,P-1,Politique test,"=HYPERLINK(""http://x"",""clic"")",%,hausse,INSEE,${LICENCE},2024-06-30`,
			`T-2,test,Famille test,P-1,Politique test,+33 appels,nombre,baisse,@producteur,${LICENCE},2024-06-30`,
			`T-3,test,Famille test,P-1,Politique test,Solde,-,neutre,DARES,${LICENCE},2024-06-30`
		),
		'r/valeurs.csv':
			'indicateur_id,maille,code_territoire,date,valeur,note\n' +
			['T-1,national,FR,2024,-3,', 'T-1,departement,01,2024,12.5,', 'T-1,departement,2A,2024,0,', 'T-2,region,84,2024-06,-0.5,=1+1', 'T-3,national,FR,2023,-1e-7,'].join('\n') +
			'\n',
		'r/cibles.csv': 'indicateur_id,maille,code_territoire,type,date,valeur,note\nT-1,national,FR,initiale,2020,-10,@cible\nT-1,national,FR,cible,2026,5,\n'
	});
	store = join(dir, 'store.sqlite');
	const report = await importRelease([join(dir, 'r')], { dbPath: store, now: () => new Date('2025-01-15T10:00:00Z') });
	expect(report.ok).toBe(true);
	process.env.DATABASE_PATH = store;
}, 60_000);

describe('formula injection', () => {
	it('neutralises text that starts with =, +, -, @, tab or CR, and nothing else', () => {
		for (const text of ['=1+1', '+33', '-x', '@a', '\tx', '\rx']) expect(neutralise(text)).toBe(`'${text}`);
		for (const cell of ['abc', '', ' =x', '−3', "'=x", null, undefined, -3, 0]) expect(neutralise(cell)).toBe(cell);
		// Only text columns: numbers keep their sign.
		const header = ['indicateur_id', 'indicateur', 'maille', 'code_territoire', 'territoire', 'date', 'valeur', 'unite'];
		expect(textColumns('valeurs', header)).toEqual([true, true, true, true, true, true, false, true]);
		expect(neutraliseRow(['T', '=x', 'national', 'FR', 'France', '2024', -3, '-'], textColumns('valeurs', header))).toEqual(['T', "'=x", 'national', 'FR', 'France', '2024', -3, "'-"]);
	});

	it('in valeurs.csv: names and units get an apostrophe, values never do', async () => {
		expect((await api('/api/v1/indicateurs/T-1/valeurs.csv')).text).toBe(
			'indicateur_id,indicateur,maille,code_territoire,territoire,date,valeur,unite\n' +
				`T-1,"'=HYPERLINK(""http://x"",""clic"")",national,FR,France,2024,-3,%\n` +
				`T-1,"'=HYPERLINK(""http://x"",""clic"")",departement,01,Ain,2024,12.5,%\n` +
				`T-1,"'=HYPERLINK(""http://x"",""clic"")",departement,2A,Corse-du-Sud,2024,0,%\n`
		);
		expect((await api('/api/v1/indicateurs/T-2/valeurs.csv')).text).toContain("T-2,'+33 appels,region,84,Auvergne-Rhône-Alpes,2024-06,-0.5,nombre\n");
		expect((await api('/api/v1/indicateurs/T-3/valeurs.csv')).text).toContain("T-3,Solde,national,FR,France,2023,-0.0000001,'-\n");
	});

	it('in cibles.csv: the note is neutralised, the negative baseline is not', async () => {
		expect((await api('/api/v1/indicateurs/T-1/cibles.csv')).text).toBe(
			'indicateur_id,maille,code_territoire,type,date,valeur,qualificatif,source_id,note\n' + 'T-1,national,FR,cible,2026,5,,,\n' + "T-1,national,FR,initiale,2020,-10,,,'@cible\n"
		);
	});

	it('in the archive: every text column, including indicateurs.csv and the notes', async () => {
		const zip = unzipText((await api('/api/v1/export.zip')).bytes);
		expect(zip['indicateurs.csv']).toContain(`T-1,test,Famille test,,,P-1,Politique test,,"'=HYPERLINK(""http://x"",""clic"")"`);
		expect(zip['indicateurs.csv']).toContain(",'@producteur,");
		expect(zip['valeurs.csv']).toContain("T-2,'+33 appels,region,84,Auvergne-Rhône-Alpes,2024-06,-0.5,nombre,,,'=1+1\n");
	});

	it('JSON keeps the text as published (no spreadsheet reads it)', async () => {
		const body = (await api('/api/v1/indicateurs/T-1/valeurs.json')).json();
		expect(body.indicateur.nom).toBe(EVIL_NAME);
		expect(body.valeurs[0]).toMatchObject({ code_territoire: 'FR', valeur: -3 });
	});

	it('a neutralised download still re-imports without changing a value (names are informational)', async () => {
		const dir = tmpDir();
		writeFiles(dir, { 'valeurs.csv': (await api('/api/v1/indicateurs/T-1/valeurs.csv')).text });
		const report = await importRelease([dir], { dbPath: store });
		expect(report.ok && report.values).toMatchObject({ read: 3, inserted: 0, revised: 0 });
	});
});

/** Cells of a worksheet: reference → type and text. */
function cells(xml: string): Map<string, { type: string | null; text: string }> {
	const out = new Map<string, { type: string | null; text: string }>();
	for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"( t="(\w+)")?[^>]*>(.*?)<\/c>/g)) {
		const text = (/<t[^>]*>(.*?)<\/t>/.exec(m[4]) ?? /<v>(.*?)<\/v>/.exec(m[4]))?.[1] ?? '';
		out.set(m[1], { type: m[3] ?? null, text: text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') });
	}
	return out;
}

describe('valeurs.xlsx', () => {
	it('is a workbook with the values (codes as text, values as numbers) and an information sheet', async () => {
		const r = await api('/api/v1/indicateurs/T-1/valeurs.xlsx?maille=departement');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(r.headers.get('content-disposition')).toBe('attachment; filename="T-1-valeurs.xlsx"');
		expect(r.headers.get('etag')).toMatch(/^".+"$/);
		const files = unzipText(r.bytes);
		expect(Object.keys(files).sort()).toEqual([
			'[Content_Types].xml',
			'_rels/.rels',
			'docProps/core.xml',
			'xl/_rels/workbook.xml.rels',
			'xl/styles.xml',
			'xl/workbook.xml',
			'xl/worksheets/sheet1.xml',
			'xl/worksheets/sheet2.xml'
		]);
		expect(files['xl/workbook.xml']).toContain('<sheet name="valeurs" sheetId="1" r:id="rId1"/><sheet name="informations" sheetId="2" r:id="rId2"/>');
		for (const xml of Object.values(files)) expect(xml).not.toMatch(/<f[ >]/); // never a formula

		const values = cells(files['xl/worksheets/sheet1.xml']);
		expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1'].map((ref) => values.get(ref)!.text)).toEqual([
			'indicateur_id',
			'indicateur',
			'maille',
			'code_territoire',
			'territoire',
			'date',
			'valeur',
			'unite'
		]);
		expect(values.get('B2')).toEqual({ type: 'inlineStr', text: `'${EVIL_NAME}` });
		expect(values.get('D2')).toEqual({ type: 'inlineStr', text: '01' });
		expect(values.get('E2')).toEqual({ type: 'inlineStr', text: 'Ain' });
		expect(values.get('F2')).toEqual({ type: 'inlineStr', text: '2024' });
		expect(values.get('G2')).toEqual({ type: null, text: '12.5' });
		expect(values.get('D3')).toEqual({ type: 'inlineStr', text: '2A' });
		expect(values.get('G3')).toEqual({ type: null, text: '0' });
		expect(values.has('A4')).toBe(false);

		const info = [...cells(files['xl/worksheets/sheet2.xml']).values()].map((c) => c.text);
		expect(info).toEqual(
			expect.arrayContaining([
				'Source (producteur)',
				'INSEE',
				LICENCE,
				'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
				'Date de dernière mise à jour de la source',
				'2024-06-30',
				'2025-01-15T10:00:00.000Z',
				`${siteOrigin()}/api/v1/indicateurs/T-1/valeurs.xlsx?maille=departement`,
				'maille departement',
				`'${EVIL_NAME}`
			])
		);
	});

	it('names its own address from the configured origin, never from the request’s host', async () => {
		const forged = await api('http://evil.example/api/v1/indicateurs/T-1/valeurs.xlsx?maille=region');
		const text = Object.values(unzipText(forged.bytes)).join('');
		expect(text).not.toContain('evil.example');
		expect(text).toContain(`${siteOrigin()}/api/v1/indicateurs/T-1/valeurs.xlsx?maille=region`);
	});

	it('keeps a negative value a number', async () => {
		const files = unzipText((await api('/api/v1/indicateurs/T-1/valeurs.xlsx?maille=national')).bytes);
		expect(cells(files['xl/worksheets/sheet1.xml']).get('G2')).toEqual({ type: null, text: '-3' });
	});

	it('writer: column names, XML escaping, invalid characters, sheet names', () => {
		expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
		expect(escapeXml('a<b>&"c"\u0001\u0008d\te\nf')).toBe('a&lt;b&gt;&amp;&quot;c&quot;d\te\nf');
		const bytes = writeXlsx([{ name: 'x', rows: [['_x0041_', Infinity, null, '', 1e21]] }], { date: new Date('2024-01-01T00:00:00Z') });
		const sheet = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
		expect(sheet).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">_x005F_x0041_</t></is></c><c r="E1"><v>1e+21</v></c>');
		// Deterministic: the same sheets and date give the same bytes.
		expect(writeXlsx([{ name: 'x', rows: [['_x0041_', Infinity, null, '', 1e21]] }], { date: new Date('2024-01-01T00:00:00Z') })).toEqual(bytes);
		expect(() => writeXlsx([{ name: 'a/b', rows: [] }])).toThrow();
		expect(() => writeXlsx([{ name: 'a', rows: [] }, { name: 'A', rows: [] }])).toThrow();
	});
});

describe('a new release', () => {
	it('rebuilds the archive and the workbooks, and moves Last-Modified', async () => {
		const zipBefore = await api('/api/v1/export.zip');
		const xlsxBefore = await api('/api/v1/indicateurs/T-3/valeurs.xlsx');
		const csvBefore = await api('/api/v1/indicateurs/T-3/valeurs.csv');
		const dir = tmpDir();
		writeFiles(dir, { 'valeurs.csv': 'indicateur_id,maille,code_territoire,date,valeur\nT-3,national,FR,2024,42\n' });
		const report = await importRelease([dir], { dbPath: store, now: () => new Date('2025-02-01T08:00:00Z') });
		expect(report.ok && report.values.inserted).toBe(1);

		const zipAfter = await api('/api/v1/export.zip');
		expect(zipAfter.headers.get('etag')).not.toBe(zipBefore.headers.get('etag'));
		expect(zipAfter.headers.get('last-modified')).toBe('Sat, 01 Feb 2025 08:00:00 GMT');
		expect(unzipText(zipAfter.bytes)['valeurs.csv']).toContain('T-3,Solde,national,FR,France,2024,42,');
		expect(unzipText(zipAfter.bytes)['README.md']).toContain('| 2 | 2025-02-01T08:00:00.000Z |');
		expect((await api('/api/v1/indicateurs/T-3/valeurs.xlsx')).headers.get('etag')).not.toBe(xlsxBefore.headers.get('etag'));
		// A client holding the old copy gets the new one.
		const revalidated = await api('/api/v1/indicateurs/T-3/valeurs.csv', {
			headers: { 'if-none-match': csvBefore.headers.get('etag')!, 'if-modified-since': csvBefore.headers.get('last-modified')! }
		});
		expect(revalidated.status).toBe(200);
		expect(revalidated.text).toContain(',2024,42,');
	});
});
