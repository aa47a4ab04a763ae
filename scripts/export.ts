/**
 * npm run export -- [--db PATH] [--indicateur ID]... [--maille national|region|departement] [--livraison N | --au YYYY-MM-DD] [--out FILE]
 * Writes the canonical value CSV (stdout by default): the same code serves the site's downloads.
 * `--livraison N`: the values as they stood right after release N; `--au`: as they stood on that day.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { writeValuesCsv } from '../src/lib/server/export';
import { parseLevel } from '../src/lib/server/import/territories';
import { resolveVintage, VintageParamError, type Vintage } from '../src/lib/server/queries/vintages';
import { databasePath } from '../src/lib/server/store';
import { parseArgs } from './args';

const USAGE =
	'Usage : npm run export -- [--db CHEMIN] [--indicateur ID]... [--maille national|region|departement] [--livraison N | --au AAAA-MM-JJ] [--out FICHIER]';
const args = parseArgs(process.argv.slice(2), { options: ['db', 'maille', 'out', 'livraison', 'au'], lists: ['indicateur'] });
if (args.help || args.error || args.positional.length) {
	console.error(args.error ?? (args.positional.length ? `argument inattendu : ${args.positional[0]}` : ''));
	console.error(USAGE);
	process.exit(args.help ? 0 : 2);
}
const level = args.options.maille ? parseLevel(args.options.maille) : undefined;
if (level === null) {
	console.error(`maille inconnue : ${args.options.maille} (national, region ou departement)`);
	process.exit(2);
}
let client: Database.Database;
try {
	client = new Database(databasePath(args.options.db), { readonly: true, fileMustExist: true });
} catch {
	console.error(`base introuvable : ${databasePath(args.options.db)} (lancez npm run db:seed)`);
	process.exit(2);
}
const known = new Set((client.prepare('SELECT code FROM indicators').all() as { code: string }[]).map((r) => r.code));
const unknown = args.lists.indicateur.filter((c) => !known.has(c));
if (unknown.length) {
	console.error(`indicateur(s) inconnu(s) : ${unknown.join(', ')}`);
	process.exit(2);
}
let vintage: Vintage;
try {
	vintage = resolveVintage(client, { livraison: args.options.livraison, au: args.options.au });
} catch (error) {
	if (!(error instanceof VintageParamError)) throw error;
	console.error(`--${error.parameter} : ${error.message}`);
	process.exit(2);
}
const fd = args.options.out ? openSync(args.options.out, 'w') : 1;
const count = writeValuesCsv(client, (chunk) => writeSync(fd, chunk), { indicators: args.lists.indicateur, level: level ?? undefined, asOf: vintage.asOf });
if (fd !== 1) {
	closeSync(fd);
	console.error(`${count.toLocaleString('fr-FR')} lignes écrites dans ${args.options.out}`);
}
