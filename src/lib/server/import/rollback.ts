/**
 * `npm run import -- --annuler`: undoes the latest release that still stands, as a release of
 * its own. Values return to the vintage they had before it (revised ones are revised back, added
 * ones withdrawn, withdrawn ones restored); every vintage stays in history, so the undone release
 * can still be read (`livraison=N`). Baselines, targets, rates and metadata are not versioned and
 * stay as they are.
 */
import { existsSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { openWritableStore } from '../store';
import { backup, rotateBackups } from './index';
import { acquireImportLock, type LockHolder } from './lock';
import { vintageWriter } from './vintages';

export type UndoReport =
	| { ok: false; message: string }
	| {
			ok: true;
			dryRun: boolean;
			/** The rollback's own release number (null in a dry run). */
			releaseId: number | null;
			undone: number;
			revised: number;
			restored: number;
			withdrawn: number;
			backupPath: string | null;
	  };

interface Vintage {
	indicator_id: number;
	territory_id: number;
	date: string;
	value: number;
	qualifier: string | null;
	source_id: string | null;
	note: string | null;
	release_id: number;
}

/** The latest import not undone yet (rollbacks themselves are not undone: they are undone by re-importing). */
export function releaseToUndo(client: Database.Database): number | null {
	const row = client
		.prepare(`SELECT max(id) AS id FROM releases WHERE undoes IS NULL AND id NOT IN (SELECT undoes FROM releases WHERE undoes IS NOT NULL)`)
		.get() as { id: number | null };
	return row.id;
}

const keyOf = (v: { indicator_id: number; territory_id: number; date: string }) => `${v.indicator_id} ${v.territory_id} ${v.date}`;
const sameVintage = (a: Vintage, b: Vintage) => a.value === b.value && a.qualifier === b.qualifier && a.source_id === b.source_id && a.note === b.note;

/**
 * The changes that bring the current values back to those right after release `target - 1`.
 * Releases after `target` are all undone or rollbacks, so the current values are those right
 * after `target`: only points that `target` or a later release touched can differ.
 */
function planUndo(client: Database.Database, target: number) {
	// Vintages that stood before `target` and were replaced since.
	const before = client.prepare('SELECT * FROM observation_history WHERE release_id < ? AND replaced_by >= ?').all(target, target) as (Vintage & { replaced_by: number })[];
	const current = new Map((client.prepare('SELECT * FROM observations WHERE release_id >= ?').all(target) as Vintage[]).map((v) => [keyOf(v), v]));
	const revise: Vintage[] = [];
	const restore: Vintage[] = [];
	for (const old of before) {
		const now = current.get(keyOf(old));
		current.delete(keyOf(old));
		if (!now) restore.push(old);
		else if (!sameVintage(now, old)) revise.push(old);
	}
	// What is left was published by `target` or later where nothing stood before: added values.
	return { revise, restore, withdraw: [...current.values()] };
}

export async function undoLatestRelease(options: {
	dbPath: string;
	dryRun?: boolean;
	now?: () => Date;
	keepBackups?: number;
	onWait?: (holder: LockHolder) => void;
}): Promise<UndoReport> {
	if (!existsSync(options.dbPath)) return { ok: false, message: `Rien à annuler : la base ${options.dbPath} n'existe pas.` };
	// Serialised with imports, and planned inside the write transaction, like an import (index.ts).
	const unlock = options.dryRun ? () => {} : await acquireImportLock(options.dbPath, options.onWait);
	let client: Database.Database;
	try {
		client = openWritableStore(options.dbPath).$client;
	} catch (error) {
		unlock();
		throw error;
	}
	let backupPath: string | null = null;
	let committed = false;
	try {
		client.exec(options.dryRun ? 'BEGIN' : 'BEGIN IMMEDIATE');
		const target = releaseToUndo(client);
		if (target === null) {
			const any = client.prepare('SELECT count(*) AS n FROM releases').get() as { n: number };
			return {
				ok: false,
				message: any.n
					? "Rien à annuler : toutes les livraisons de la base ont déjà été annulées. Pour revenir sur une annulation, réimportez la livraison."
					: 'Rien à annuler : la base ne contient aucune livraison.'
			};
		}
		const plan = planUndo(client, target);
		const counts = { undone: target, revised: plan.revise.length, restored: plan.restore.length, withdrawn: plan.withdraw.length };
		if (options.dryRun) return { ok: true, dryRun: true, releaseId: null, backupPath: null, ...counts };
		const now = (options.now ?? (() => new Date()))();
		backupPath = await backup(options.dbPath, now);
		const apply = () => {
			const release = client
				.prepare(
					`INSERT INTO releases (imported_at, files, rows_read, inserted, revised, unchanged, withdrawn, source_updated_at, note, undoes)
					 VALUES (?, '[]', 0, ?, ?, 0, ?, NULL, ?, ?)`
				)
				.run(now.toISOString(), counts.restored, counts.revised, counts.withdrawn, `Annulation de la livraison n° ${target}`, target);
			const releaseId = Number(release.lastInsertRowid);
			const vintages = vintageWriter(client);
			const revise = client.prepare(
				`UPDATE observations SET value = ?, qualifier = ?, source_id = ?, note = ?, release_id = ?, revisions = revisions + 1
				 WHERE indicator_id = ? AND territory_id = ? AND date = ?`
			);
			const insert = client.prepare(
				`INSERT INTO observations (indicator_id, territory_id, date, value, qualifier, source_id, note, release_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
			);
			for (const v of plan.revise) {
				vintages.archive(releaseId, v.indicator_id, v.territory_id, v.date);
				revise.run(v.value, v.qualifier, v.source_id, v.note, releaseId, v.indicator_id, v.territory_id, v.date);
			}
			for (const v of plan.restore) insert.run(v.indicator_id, v.territory_id, v.date, v.value, v.qualifier, v.source_id, v.note, releaseId);
			for (const v of plan.withdraw) vintages.withdraw(releaseId, v.indicator_id, v.territory_id, v.date);
			return releaseId;
		};
		const releaseId = apply();
		client.exec('COMMIT');
		committed = true;
		rotateBackups(options.dbPath, options.keepBackups ?? 5);
		return { ok: true, dryRun: false, releaseId, backupPath, ...counts };
	} catch (error) {
		if (backupPath && !committed) rmSync(backupPath, { force: true });
		throw error;
	} finally {
		if (client.inTransaction) client.exec('ROLLBACK');
		client.close();
		unlock();
	}
}

export function formatUndoReport(report: UndoReport): { text: string; exitCode: number } {
	if (!report.ok) return { text: `${report.message}\n`, exitCode: 1 };
	const n = (x: number) => x.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');
	const lines = [
		report.dryRun
			? `Essai à blanc (--dry-run) : l'annulation de la livraison n° ${report.undone} ne sera pas écrite.`
			: `Livraison n° ${report.undone} annulée, par la livraison n° ${report.releaseId}.`,
		...(report.backupPath ? [`Sauvegarde préalable : ${report.backupPath}`] : []),
		`  valeurs revenues à leur valeur précédente : ${n(report.revised)}`,
		`  valeurs retirées (ajoutées par la livraison n° ${report.undone}) : ${n(report.withdrawn)}`,
		`  valeurs rétablies (retirées par la livraison n° ${report.undone}) : ${n(report.restored)}`,
		"Les valeurs annulées restent dans l'historique. Les valeurs initiales, cibles, taux publiés et métadonnées ne sont pas versionnés : ils restent ceux d'aujourd'hui."
	];
	return { text: lines.join('\n') + '\n', exitCode: 0 };
}
