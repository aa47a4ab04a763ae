/**
 * Each class of bad input: the exact message (file:line:column: what — fix), a non-zero outcome,
 * and a store proven unchanged.
 */
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { importRelease } from '../../src/lib/server/import/index';
import { formatReport } from '../../src/lib/server/import/report';
import { ONE_INDICATOR, storeState, tmpDir, writeFiles } from '../helpers/tmp';

let dir: string;
let db: string;
let before: Record<string, unknown>;

beforeEach(async () => {
	dir = tmpDir();
	db = join(dir, 'store.sqlite');
	writeFiles(dir, {
		'base/indicateurs.csv': ONE_INDICATOR,
		'base/valeurs.csv': 'indicateur_id,maille,code_territoire,date,valeur\nT-1,national,FR,2024-01,10\n'
	});
	const report = await importRelease([join(dir, 'base')], { dbPath: db });
	expect(report.ok).toBe(true);
	before = storeState(db);
});

/** Imports one bad file and returns the printed problem lines; asserts nothing was written. */
async function refused(name: string, content: string | Uint8Array): Promise<string[]> {
	writeFiles(dir, { [`bad/${name}`]: content });
	const report = await importRelease([join(dir, 'bad', name)], { dbPath: db });
	expect(report.ok).toBe(false);
	const { text, exitCode } = formatReport(report);
	expect(exitCode).toBe(1);
	expect(storeState(db)).toEqual(before);
	return text.trim().split('\n');
}

const HEADER = 'indicateur_id,maille,code_territoire,date,valeur\n';
const file = (name: string) => join(dir, 'bad', name);

describe('refused releases', () => {
	it('unknown indicator', async () => {
		const lines = await refused('v.csv', HEADER + 'T-9,national,FR,2024-01,1\n');
		expect(lines[0]).toBe(
			`${file('v.csv')}:2:1: indicateur inconnu « T-9 » — ajoutez l'indicateur dans un fichier indicateurs.csv de la même livraison, ou corrigez l'identifiant`
		);
		expect(lines.at(-1)).toBe("Import refusé : 1 problème(s). Rien n'a été écrit dans la base.");
	});

	it('baselines, targets and rates: unknown indicator or territory, and duplicate keys, with file:line:column', async () => {
		const CIBLES = 'indicateur_id,maille,code_territoire,type,date,valeur\n';
		expect(await refused('c.csv', CIBLES + 'T-9,national,FR,cible,2026,80\n')).toContain(
			`${file('c.csv')}:2:1: indicateur inconnu « T-9 » — ajoutez l'indicateur dans un fichier indicateurs.csv de la même livraison, ou corrigez l'identifiant`
		);
		expect((await refused('c2.csv', CIBLES + 'T-1,departement,99,initiale,2022,60\n'))[0]).toBe(
			`${file('c2.csv')}:2:3: territoire inconnu « D99 » — utilisez un code du COG : FR, une région (84, 01…) ou un département (01…95, 2A, 2B, 971…976)`
		);
		// The same kind twice is a duplicate; a baseline and a target on one date are not.
		expect(await refused('c3.csv', CIBLES + 'T-1,national,FR,cible,2026,80\nT-1,national,FR,initiale,2026,70\nT-1,national,FR,cible,2026,85\n')).toContain(
			`${file('c3.csv')}:4:1: cible (indicateur × territoire × type × date) en double dans la livraison (déjà en ${file('c3.csv')}:2) — gardez une seule ligne par indicateur, territoire, type et date`
		);
		expect(await refused('a.csv', 'indicateur_id,maille,code_territoire,date,taux\nT-1,national,FR,2024-05,40\nT-1,national,FR,2024-05,41\n')).toContain(
			`${file('a.csv')}:3:1: taux (indicateur × territoire × date) en double dans la livraison (déjà en ${file('a.csv')}:2) — gardez un seul taux par indicateur, territoire et date`
		);
	});

	it('unknown territory', async () => {
		const lines = await refused('v.csv', HEADER + 'T-1,departement,99,2024-01,1\n');
		expect(lines[0]).toBe(
			`${file('v.csv')}:2:3: territoire inconnu « D99 » — utilisez un code du COG : FR, une région (84, 01…) ou un département (01…95, 2A, 2B, 971…976)`
		);
	});

	it('territory code that does not fit the maille', async () => {
		const lines = await refused('v.csv', HEADER + 'T-1,region,2A,2024-01,1\n');
		expect(lines[0]).toBe(`${file('v.csv')}:2:3: code « 2A » illisible pour la maille region — écrivez le code INSEE de la région, ex. 84`);
	});

	it('malformed number', async () => {
		const lines = await refused('v.csv', HEADER + 'T-1,national,FR,2024-02,12 %\n');
		expect(lines[0]).toBe(
			`${file('v.csv')}:2:5: valeur : « 12 % » n'est pas un nombre — écrivez un nombre, par exemple 1234.5 ou 1234,5, sans unité`
		);
	});

	it('empty value', async () => {
		const lines = await refused('v.csv', HEADER + 'T-1,national,FR,2024-02,\n');
		expect(lines[0]).toBe(`${file('v.csv')}:2:5: valeur vide — indiquez la valeur, ou retirez la ligne : une valeur manquante ne s'écrit pas`);
	});

	it('malformed date', async () => {
		const lines = await refused('v.csv', HEADER + 'T-1,national,FR,31/03/2024,1\n');
		expect(lines[0]).toBe(
			`${file('v.csv')}:2:4: date : « 31/03/2024 » n'est pas une date AAAA, AAAA-MM ou AAAA-MM-JJ — écrivez la date au format AAAA, AAAA-MM ou AAAA-MM-JJ (ex. 2024-03-31)`
		);
	});

	it('duplicate key within a release', async () => {
		const lines = await refused('v.csv', HEADER + 'T-1,national,FR,2024-02,1\nT-1,national,FRANCE,2024-02,2\n');
		expect(lines[0]).toBe(
			`${file('v.csv')}:3:1: valeur (indicateur × territoire × date) en double dans la livraison (déjà en ${file('v.csv')}:2) — gardez une seule valeur par indicateur, territoire et date`
		);
	});

	it('wrong header: unknown column and missing required column', async () => {
		const lines = await refused('v.csv', 'indicateur_id,maille,code_territoire,date,valuer\nT-1,national,FR,2024-02,1\n');
		expect(lines[0]).toBe(
			`${file('v.csv')}:1:5: colonne « valuer » inconnue dans un fichier valeurs — colonnes possibles : indicateur_id, indicateur, maille, code_territoire, territoire, date, valeur, unite, qualificatif, source_id, note`
		);
		expect(lines[1]).toBe(
			`${file('v.csv')}:1:6: colonne obligatoire « valeur » absente — l'en-tête d'un fichier valeurs comprend : indicateur_id, maille, code_territoire, valeur`
		);
	});

	it('unrecognised header', async () => {
		const lines = await refused('v.csv', 'code,annee,montant\nA,2024,1\n');
		expect(lines[0]).toMatch(new RegExp(`^${file('v.csv').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: en-tête non reconnu : code,annee,montant — `));
	});

	it('empty file', async () => {
		const lines = await refused('v.csv', '');
		expect(lines[0]).toBe(`${file('v.csv')}:1:1: fichier vide — ajoutez une ligne d'en-tête et des données, ou retirez le fichier`);
	});

	it('header without data', async () => {
		const lines = await refused('v.csv', HEADER);
		expect(lines[0]).toBe(`${file('v.csv')}:2:1: fichier sans données (l'en-tête seul) — ajoutez des lignes ou retirez le fichier`);
	});

	it('a row with the wrong number of fields', async () => {
		const lines = await refused('v.csv', HEADER + 'T-1,national,FR,2024-02,1,5\n');
		expect(lines[0]).toBe(`${file('v.csv')}:2:6: 6 champs au lieu de 5 — vérifiez le séparateur et les guillemets de la ligne`);
	});

	it('reports every problem, capped at 100 with a count', async () => {
		const rows = Array.from({ length: 150 }, (_, i) => `T-1,national,FR,2024-02-${String((i % 28) + 1).padStart(2, '0')},x${i}`);
		const lines = await refused('v.csv', HEADER + rows.join('\n') + '\n');
		expect(lines.filter((l) => l.includes("n'est pas un nombre"))).toHaveLength(100);
		expect(lines.at(-2)).toBe('… et 50 autres problèmes (seuls les 100 premiers sont listés).');
		expect(lines.at(-1)).toBe("Import refusé : 150 problème(s). Rien n'a été écrit dans la base.");
	});

	it('one bad file refuses the whole release, good files included', async () => {
		writeFiles(dir, {
			'mixed/a.csv': HEADER + 'T-1,national,FR,2024-03,5\n',
			'mixed/b.csv': HEADER + 'T-1,national,FR,2024-04,cinq\n'
		});
		const report = await importRelease([join(dir, 'mixed')], { dbPath: db });
		expect(report.ok).toBe(false);
		expect(storeState(db)).toEqual(before);
	});

	it('missing input path', async () => {
		const report = await importRelease([join(dir, 'nope.csv')], { dbPath: db });
		expect(formatReport(report).text.split('\n')[0]).toBe(`${join(dir, 'nope.csv')}:0:0: fichier ou dossier introuvable — vérifiez le chemin`);
		expect(storeState(db)).toEqual(before);
	});
});
