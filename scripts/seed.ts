/**
 * npm run db:seed -- [--db PATH]
 * Builds a fresh store from the committed seed files (db/seed/) with the same import code as
 * `npm run import`. The new store is built beside the target and moved into place at the end.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { databasePath } from '../src/lib/server/store';
import { seedStore } from '../src/lib/server/import/seed';
import { formatReport } from '../src/lib/server/import/report';
import { parseArgs } from './args';

const args = parseArgs(process.argv.slice(2), { options: ['db'] });
if (args.error) {
	console.error(args.error);
	process.exit(2);
}
const target = databasePath(args.options.db);
const building = `${target}.building`;
for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
const report = await seedStore(building);
if (!report.ok) {
	process.stderr.write(formatReport(report).text);
	process.exit(1);
}
for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) rmSync(target + suffix);
renameSync(building, target);
console.log(`Base construite : ${target} — ${report.values.inserted.toLocaleString('fr-FR')} valeurs, ${report.targets.inserted.toLocaleString('fr-FR')} valeurs initiales et cibles, ${report.entities.inserted} entités.`);
