/**
 * npm run import -- [--dry-run] [--complet] [--db PATH] [--date-mise-a-jour YYYY-MM-DD] <file-or-folder>...
 * npm run import -- --annuler [--dry-run] [--db PATH]
 * Loads a release of figures (official DITP format or canonical CSV) into the store, or undoes
 * the latest release (as a release of its own).
 */
import { databasePath } from '../src/lib/server/store';
import { importRelease } from '../src/lib/server/import/index';
import { waitMessage } from '../src/lib/server/import/lock';
import { escapeControls, operatorError } from '../src/lib/server/import/operator-errors';
import { formatReport, progressBar } from '../src/lib/server/import/report';
import { formatUndoReport, undoLatestRelease } from '../src/lib/server/import/rollback';
import { parseArgs } from './args';

/** The store failed (disk full, busy, unreadable): one line with the fix, not a stack trace. */
function storeFailed(dbPath: string): (error: unknown) => never {
	return (error) => {
		console.error(escapeControls(operatorError(error, dbPath)));
		if (process.env.BAROMETRE_DEBUG) console.error(error);
		process.exit(1);
	};
}

const USAGE = `Usage : npm run import -- [--dry-run] [--complet] [--sans-config] [--db CHEMIN] [--date-mise-a-jour AAAA-MM-JJ] <fichier-ou-dossier>...
        npm run import -- --annuler [--dry-run] [--db CHEMIN]   (annule la dernière livraison)`;

const args = parseArgs(process.argv.slice(2), { flags: ['dry-run', 'complet', 'sans-config', 'annuler', 'help'], options: ['db', 'date-mise-a-jour'] });
if (args.flags.annuler && !args.help && !args.error) {
	if (args.positional.length || args.flags.complet || args.flags['sans-config'] || args.options['date-mise-a-jour']) {
		console.error('--annuler ne prend ni fichier, ni --complet, --sans-config ou --date-mise-a-jour : il annule la dernière livraison de la base.');
		console.error(USAGE);
		process.exit(2);
	}
	const report = await undoLatestRelease({
		dbPath: databasePath(args.options.db),
		dryRun: args.flags['dry-run'],
		onWait: (holder) => console.error(waitMessage(holder))
	}).catch(storeFailed(databasePath(args.options.db)));
	const { text, exitCode } = formatUndoReport(report);
	(report.ok ? process.stdout : process.stderr).write(text);
	process.exit(exitCode);
}
if (args.help || args.positional.length === 0 || args.error) {
	if (args.error) console.error(args.error);
	console.error(USAGE);
	process.exit(args.help ? 0 : 2);
}
const dbPath = databasePath(args.options.db);
// BAROMETRE_TIMINGS=1: the seconds spent in each step, on stderr (npm run bench:import prints them).
const timings: Record<string, number> = {};
const report = await importRelease(args.positional, {
	timings,
	dbPath,
	dryRun: args.flags['dry-run'],
	complete: args.flags.complet,
	withoutConfig: args.flags['sans-config'],
	sourceUpdatedAt: args.options['date-mise-a-jour'] ?? null,
	onWait: (holder) => console.error(waitMessage(holder)),
	onProgress: process.stderr.isTTY ? progressBar(process.stderr) : undefined
}).catch(storeFailed(dbPath));
const { text, exitCode } = formatReport(report);
(report.ok ? process.stdout : process.stderr).write(text);
if (process.env.BAROMETRE_TIMINGS) {
	console.error(`étapes : ${Object.entries(timings).map(([step, s]) => `${step} ${s.toFixed(2)} s`).join(', ')}`);
}
process.exit(exitCode);
