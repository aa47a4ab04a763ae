/** The import command's printed summary, and its progress bar on a terminal. */
import type { ImportReport } from './index';
import { escapeControls } from './operator-errors';
import { MAX_PROBLEMS } from './types';

const n = (x: number) => x.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');

export function formatReport(report: ImportReport): { text: string; exitCode: number } {
	const lines: string[] = [];
	const warnings = report.warnings.map((p) => `Avertissement : ${p.file}:${p.line}:${p.column}: ${p.message} — ${p.fix}`);
	if (!report.ok) {
		lines.push(...warnings);
		for (const p of report.problems) lines.push(`${p.file}:${p.line}:${p.column}: ${p.message} — ${p.fix}`);
		if (report.problemCount > report.problems.length) {
			lines.push(`… et ${n(report.problemCount - report.problems.length)} autres problèmes (seuls les ${MAX_PROBLEMS} premiers sont listés).`);
		}
		lines.push(`Import refusé : ${n(report.problemCount)} problème(s). Rien n'a été écrit dans la base.`);
		return { text: lines.map(escapeControls).join('\n') + '\n', exitCode: 1 };
	}
	lines.push(
		report.dryRun
			? 'Essai à blanc (--dry-run) : rien ne sera écrit.'
			: report.releaseId === null
				? "Aucun changement : cette livraison est déjà dans la base, qui n'a pas été modifiée."
				: `Livraison n° ${report.releaseId} importée.`
	);
	if (report.backupPath) lines.push(`Sauvegarde préalable : ${report.backupPath}`);
	lines.push(...warnings);
	lines.push('', 'Par fichier :');
	lines.push(pad(['fichier', 'format', 'lues', 'ajoutées', 'révisées', 'inchangées', 'rejetées']));
	for (const f of report.files) {
		lines.push(pad([f.display, `${f.format ?? '?'}/${f.kind ?? '?'}`, n(f.read), n(f.inserted), n(f.revised), n(f.unchanged), n(f.rejected)]));
	}
	for (const f of report.files) {
		if (f.skipped > 0) lines.push(`${f.display} : ${n(f.skipped)} ligne${f.skipped > 1 ? 's' : ''} sans mesure ignorée${f.skipped > 1 ? 's' : ''} (ni date ni valeur)`);
	}
	if (report.indicators.length) {
		lines.push('', 'Par indicateur (valeurs) :');
		lines.push(pad(['indicateur', '', 'lues', 'ajoutées', 'révisées', 'inchangées', 'rejetées']));
		for (const s of report.indicators) {
			lines.push(pad([s.code, '', n(s.read), n(s.inserted), n(s.revised), n(s.unchanged), n(s.rejected)]));
			for (const e of s.examples) lines.push(`    révision ${e.territory} ${e.date || '(non datée)'} : ${e.old} → ${e.new}`);
			if (s.withdrawn) lines.push(`    ${n(s.withdrawn)} valeur(s) retirée(s) : absentes de cette livraison complète, gardées dans l'historique`);
			for (const e of s.withdrawnExamples) lines.push(`    retrait ${e.territory} ${e.date || '(non datée)'} : ${e.value}`);
		}
	}
	const c = (label: string, x: { read: number; inserted: number; revised: number; unchanged: number }) =>
		`${label} : ${n(x.read)} lues, ${n(x.inserted)} ajoutées, ${n(x.revised)} révisées, ${n(x.unchanged)} inchangées`;
	lines.push('', 'Total :');
	lines.push('  ' + c('valeurs', report.values));
	if (report.withdrawn) lines.push(`  valeurs retirées : ${n(report.withdrawn)} (absentes de la livraison complète ; gardées dans l'historique)`);
	lines.push('  ' + c('valeurs initiales et cibles', report.targets));
	lines.push('  ' + c('taux publiés', report.rates));
	lines.push('  ' + c('entités', report.entities));
	const m = report.metadata;
	lines.push(`  indicateurs : ${m.indicatorsNew} nouveaux, ${m.indicatorsUpdated} mis à jour ; sources : ${m.sourcesNew} nouvelles, ${m.sourcesUpdated} mises à jour`);
	return { text: lines.map(escapeControls).join('\n') + '\n', exitCode: 0 };
}

function pad(cells: string[]): string {
	const widths = [44, 22, 10, 10, 10, 11, 9];
	return cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
}

/** A one-line bar redrawn in place; only used when stderr is a terminal. */
export function progressBar(stream: NodeJS.WriteStream): (done: number, total: number) => void {
	return (done, total) => {
		if (total < 50_000) return;
		const width = 30;
		const filled = Math.round((done / total) * width);
		stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${n(done)} / ${n(total)} valeurs`);
		if (done === total) stream.write('\n');
	};
}
