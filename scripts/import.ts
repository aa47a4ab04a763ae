/**
 * npm run import -- [--dry-run] [--complet] [--db PATH] [--date-mise-a-jour YYYY-MM-DD] <file-or-folder>...
 * Loads a release of figures (official DITP format or canonical CSV) into the store.
 */
import { databasePath } from '../src/lib/server/store';
import { importRelease } from '../src/lib/server/import/index';
import { waitMessage } from '../src/lib/server/import/lock';
import { formatReport, progressBar } from '../src/lib/server/import/report';
import { parseArgs } from './args';

const USAGE = `Usage : npm run import -- [--dry-run] [--complet] [--sans-config] [--db CHEMIN] [--date-mise-a-jour AAAA-MM-JJ] <fichier-ou-dossier>...`;

const args = parseArgs(process.argv.slice(2), { flags: ['dry-run', 'complet', 'sans-config', 'help'], options: ['db', 'date-mise-a-jour'] });
if (args.help || args.positional.length === 0 || args.error) {
	if (args.error) console.error(args.error);
	console.error(USAGE);
	process.exit(args.help ? 0 : 2);
}
const report = await importRelease(args.positional, {
	dbPath: databasePath(args.options.db),
	dryRun: args.flags['dry-run'],
	complete: args.flags.complet,
	withoutConfig: args.flags['sans-config'],
	sourceUpdatedAt: args.options['date-mise-a-jour'] ?? null,
	onWait: (holder) => console.error(waitMessage(holder)),
	onProgress: process.stderr.isTTY ? progressBar(process.stderr) : undefined
});
const { text, exitCode } = formatReport(report);
(report.ok ? process.stdout : process.stderr).write(text);
process.exit(exitCode);
