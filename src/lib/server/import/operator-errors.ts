/**
 * What the import command prints when the store, not the input, fails: one French line with the
 * fix, naming the store relative to the working folder; never a stack trace or an absolute path.
 * Set BAROMETRE_DEBUG=1 to see the technical error as well.
 */
import { relative } from 'node:path';

/** Shown relative to the working folder when inside it (db/barometre.sqlite), else by its name only. */
export function shownPath(path: string, cwd = process.cwd()): string {
	if (path === ':memory:') return path;
	const rel = relative(cwd, path);
	return rel && !rel.startsWith('..') ? rel : (path.split(/[\\/]/).at(-1) ?? path);
}

/** Absolute paths inside a message become their shown form. */
function withoutAbsolutePaths(text: string, cwd = process.cwd()): string {
	return text.replace(/(?:[A-Za-z]:)?[\\/][^\s'"«»:,;()]+/g, (path) => (/^[\\/]/.test(path) || /^[A-Za-z]:/.test(path) ? shownPath(path, cwd) : path));
}

export function operatorError(error: unknown, dbPath: string, cwd = process.cwd()): string {
	const code = String((error as { code?: unknown })?.code ?? '');
	const store = shownPath(dbPath, cwd);
	const nothing = 'base inchangée';
	if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EFBIG' || code === 'SQLITE_IOERR_WRITE') {
		return `${store}: disque plein (ou taille de fichier limitée), la livraison n'a pas pu être écrite (${nothing}, aucune sauvegarde gardée) — libérez de la place sur le disque de la base (il en faut environ deux fois sa taille : la base et sa sauvegarde), puis relancez l'import`;
	}
	if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
		return `${store}: base occupée, un autre programme y écrit (${nothing}) — attendez qu'il ait fini ou arrêtez-le, puis relancez l'import`;
	}
	if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN') {
		return `${store}: écriture impossible dans la base ou son dossier (${nothing}) — vérifiez les droits d'écriture sur le fichier et son dossier, ou choisissez une autre base avec --db`;
	}
	if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
		return `${store}: ce fichier n'est pas une base Baromètre lisible (endommagé ou d'un autre type ; ${nothing}) — restaurez une sauvegarde de backups/ à côté de la base, ou choisissez une autre base avec --db`;
	}
	const message = withoutAbsolutePaths(((error as Error)?.message ?? String(error)).split('\n')[0], cwd);
	return `${store}: import interrompu (${message} ; ${nothing}) — relancez l'import ; si l'erreur revient, relancez avec BAROMETRE_DEBUG=1 et signalez le détail affiché`;
}

/**
 * Control characters from the files (terminal escape sequences, C1 controls, bidirectional
 * overrides) are shown escaped, never sent to the terminal.
 */
export function escapeControls(line: string): string {
	return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
		const hex = c.charCodeAt(0).toString(16).padStart(2, '0');
		return c.charCodeAt(0) < 0x100 ? `\\x${hex}` : `\\u${hex.padStart(4, '0')}`;
	});
}
