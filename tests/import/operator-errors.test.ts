/**
 * When the store or the bytes of a file fail, the operator reads one French line with the fix:
 * no stack trace, no absolute path, nothing from a file sent raw to the terminal.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { importRelease } from '../../src/lib/server/import/index';
import { lockPath } from '../../src/lib/server/import/lock';
import { escapeControls, operatorError } from '../../src/lib/server/import/operator-errors';
import { formatReport } from '../../src/lib/server/import/report';
import { ONE_INDICATOR, INDICATOR_HEADER, storeState, tmpDir, writeFiles } from '../helpers/tmp';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE_DITP = join(ROOT, 'tests', 'fixtures', 'ditp');
const exec = promisify(execFile);
const HEADER = 'indicateur_id,maille,code_territoire,date,valeur\n';

/** The real command; `limitBlocks` runs it with a file-size limit (ulimit -f), a disk that fills up. */
function cli(args: string[], limitBlocks?: number) {
	const node = [process.execPath, join(ROOT, 'scripts', 'cli.mjs'), 'import', ...args].map((a) => `'${a}'`).join(' ');
	const command = limitBlocks ? `trap '' XFSZ; ulimit -f ${limitBlocks}; exec ${node}` : `exec ${node}`;
	return exec('sh', ['-c', command], { cwd: ROOT }).then(
		(r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
		(e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string })
	);
}

let dir: string;
let db: string;
beforeEach(async () => {
	dir = tmpDir();
	db = join(dir, 'store.sqlite');
	writeFiles(dir, { 'base/indicateurs.csv': ONE_INDICATOR, 'base/valeurs.csv': HEADER + 'T-1,national,FR,2024-01,10\n' });
	expect((await importRelease([join(dir, 'base')], { dbPath: db })).ok).toBe(true);
	writeFiles(dir, { 'next/valeurs.csv': HEADER + 'T-1,national,FR,2024-01,11\n' });
});

const backups = () => (existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')) : []);

describe('store failures', () => {
	it('store busy (SQLITE_BUSY): one line, store unchanged, no backup', async () => {
		const before = storeState(db);
		const other = new Database(db);
		other.exec('BEGIN IMMEDIATE');
		try {
			const result = await cli(['--db', db, join(dir, 'next')]);
			expect(result).toEqual({
				code: 1,
				stdout: '',
				stderr: "store.sqlite: base occupée, un autre programme y écrit (base inchangée) — attendez qu'il ait fini ou arrêtez-le, puis relancez l'import\n"
			});
		} finally {
			other.exec('ROLLBACK');
			other.close();
		}
		expect(storeState(db)).toEqual(before);
		expect(backups()).toEqual([]);
		expect(existsSync(lockPath(db))).toBe(false);
	}, 60_000);

	it('disk full while writing: one line, store unchanged, no backup kept', async () => {
		const rows = [HEADER.trimEnd()];
		for (let y = 1950; y < 2100; y++) for (let m = 1; m <= 12; m++) for (const d of ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15']) rows.push(`T-1,departement,${d},${y}-${String(m).padStart(2, '0')},${y + m}`);
		writeFiles(dir, { 'big/valeurs.csv': rows.join('\n') + '\n' });
		const before = storeState(db);
		// 1,000 blocks (512 kB): room for the small store and its backup, not for 27,000 new values.
		const result = await cli(['--db', db, join(dir, 'big')], 1000);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(
			"store.sqlite: disque plein (ou taille de fichier limitée), la livraison n'a pas pu être écrite (base inchangée, aucune sauvegarde gardée) — libérez de la place sur le disque de la base (il en faut environ deux fois sa taille : la base et sa sauvegarde), puis relancez l'import\n"
		);
		expect(storeState(db)).toEqual(before);
		expect(backups()).toEqual([]);
	}, 60_000);

	it('a real SQLITE_FULL is named as a full disk, the store shown relative to the working folder', () => {
		const full = new Database(':memory:');
		full.exec('CREATE TABLE t (x)');
		full.pragma('max_page_count = 3');
		let error: unknown;
		try {
			for (let i = 0; i < 10_000; i++) full.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(500));
		} catch (e) {
			error = e;
		}
		expect((error as { code: string }).code).toBe('SQLITE_FULL');
		expect(operatorError(error, join(ROOT, 'db', 'barometre.sqlite'), ROOT)).toMatch(/^db\/barometre\.sqlite: disque plein /);
	});

	it('a file that is not a store: one line with the fix', async () => {
		const notDb = join(dir, 'notes.sqlite');
		writeFileSync(notDb, 'ceci est un texte, pas une base SQLite '.repeat(200));
		const result = await cli(['--db', notDb, join(dir, 'next')]);
		expect(result).toEqual({
			code: 1,
			stdout: '',
			stderr: "notes.sqlite: ce fichier n'est pas une base Baromètre lisible (endommagé ou d'un autre type ; base inchangée) — restaurez une sauvegarde de backups/ à côté de la base, ou choisissez une autre base avec --db\n"
		});
	}, 60_000);

	it('any other failure: no absolute path, no stack', () => {
		const line = operatorError(new Error("EISDIR: illegal operation on a directory, read '/home/agent/secret/v.csv'\n    at readFileSync (node:fs:441:20)"), '/srv/data/b.sqlite', '/work');
		expect(line).toBe(
			"b.sqlite: import interrompu (EISDIR: illegal operation on a directory, read 'v.csv' ; base inchangée) — relancez l'import ; si l'erreur revient, relancez avec BAROMETRE_DEBUG=1 et signalez le détail affiché"
		);
	});
});

describe('unreadable bytes', () => {
	async function refused(name: string, bytes: Uint8Array): Promise<string[]> {
		const before = storeState(db);
		writeFiles(dir, { [`bad/${name}`]: bytes });
		const report = await importRelease([join(dir, 'bad')], { dbPath: db });
		expect(report.ok).toBe(false);
		expect(storeState(db)).toEqual(before);
		return formatReport(report).text.trim().split('\n');
	}
	const utf16 = (text: string, bom: boolean, be = false) => {
		const body = Buffer.from(text, 'utf16le');
		if (be) body.swap16();
		return bom ? Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), body]) : body;
	};
	const text = HEADER + 'T-1,national,FR,2024-02,12\n';

	it('names UTF-16 (with or without a byte-order mark)', async () => {
		const fix = "enregistrez-le en UTF-8 (dans un tableur : CSV UTF-8 ; ou iconv -f UTF-16 -t UTF-8)";
		expect((await refused('v.csv', utf16(text, true)))[0]).toBe(`${join(dir, 'bad', 'v.csv')}:1:1: fichier encodé en UTF-16 (LE), que l'import ne lit pas — ${fix}`);
		expect((await refused('v.csv', utf16(text, false)))[0]).toBe(`${join(dir, 'bad', 'v.csv')}:1:1: fichier encodé en UTF-16 (LE), que l'import ne lit pas — ${fix}`);
		expect((await refused('v.csv', utf16(text, true, true)))[0]).toBe(`${join(dir, 'bad', 'v.csv')}:1:1: fichier encodé en UTF-16 (BE), que l'import ne lit pas — ${fix}`);
	});

	it('names a spreadsheet saved as .csv', async () => {
		const lines = await refused('v.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
		expect(lines[0]).toBe(`${join(dir, 'bad', 'v.csv')}:1:1: classeur Excel (XLSX), pas un fichier CSV — enregistrez la feuille au format CSV UTF-8 (Fichier › Enregistrer sous › CSV UTF-8)`);
	});

	it('escapes terminal escape sequences and control characters from a file', async () => {
		const lines = await refused('v.csv', Buffer.from(HEADER + 'T-1,\u001b]0;pwned\u0007\u001b[2J,FR,2024-02,1\u202e2\n'));
		expect(lines[0]).toBe(`${join(dir, 'bad', 'v.csv')}:2:2: maille « \\x1b]0;pwned\\x07\\x1b[2J » inconnue — écrivez national, region ou departement`);
		expect(lines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
		expect(escapeControls('a\u009bb\u2066c\td')).toBe('a\\x9bb\\u2066c\td');
	});
});

describe('source addresses', () => {
	it('url_source accepts only http(s) addresses', async () => {
		const before = storeState(db);
		writeFiles(dir, { 'bad/indicateurs.csv': `${INDICATOR_HEADER},url_source\nT-1,test,Famille test,P-1,Politique test,Taux de test,%,hausse,INSEE,Licence Ouverte / Etalab 2.0,2024-06-30,javascript:alert(1)\n` });
		const report = await importRelease([join(dir, 'bad')], { dbPath: db });
		expect(formatReport(report).text.split('\n')[0]).toBe(
			`${join(dir, 'bad', 'indicateurs.csv')}:2:12: url_source « javascript:alert(1) » n'est pas une adresse web http(s) — écrivez une adresse complète commençant par https:// (ou http://), ou laissez la cellule vide`
		);
		expect(storeState(db)).toEqual(before);
	});

	it('a source url too', async () => {
		writeFiles(dir, { 'bad/sources.csv': 'source_id,producteur,titre,url,licence\nS-1,INSEE,Enquête,"data:text/html;base64,PHNjcmlwdD4=",Licence Ouverte / Etalab 2.0\n' });
		const report = await importRelease([join(dir, 'bad')], { dbPath: db });
		expect(formatReport(report).text.split('\n')[0]).toBe(
			`${join(dir, 'bad', 'sources.csv')}:2:4: url « data:text/html;base64,PHNjcmlwdD4= » n'est pas une adresse web http(s) — écrivez une adresse complète commençant par https:// (ou http://), ou laissez la cellule vide`
		);
		writeFiles(dir, { 'ok/sources.csv': 'source_id,producteur,titre,url,licence\nS-1,INSEE,Enquête,https://www.insee.fr/fr/statistiques?x=1,Licence Ouverte / Etalab 2.0\n' });
		expect((await importRelease([join(dir, 'ok')], { dbPath: db })).ok).toBe(true);
	});
});
