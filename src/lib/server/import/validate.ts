/**
 * Reads every input of a release into one draft, then cross-checks it (unknown indicators,
 * territories and sources, duplicate keys). Dated values are checked while they are read and
 * kept on disk (release-values.ts). Nothing here writes to the store.
 */
import type Database from 'better-sqlite3';
import { territoryIds } from './apply';
import { parseCanonical, type CanonicalKind } from './canonical';
import {
	checkDitpCompanions,
	emptyDitpMetadata,
	parseDitpChantiers,
	parseDitpConfig,
	parseDitpEngagements,
	parseDitpIndicators,
	parseDitpValues,
	warnUnknownDitpColumns
} from './ditp';
import { expandInputs, loadFile, sortByKind, type LoadedFile } from './read-files';
import { checkDuplicateValues, ReleaseValues, UNKNOWN_SOURCE_FIX, type StageValues, type StoreKeys } from './release-values';
import { territoryCodes } from './territories';
import { addProblem, type ReleaseDraft } from './types';

export interface ReadOptions {
	/** Date of last update of the source, for formats that do not carry it (DITP). */
	sourceUpdatedAt?: string | null;
	/** `--sans-config`: a DITP release may come without config-viz.yml and meta_indicateurs.csv. */
	withoutConfig?: boolean;
	/** Where values that no longer fit in memory are kept while the import runs. */
	spoolDir?: string;
	/** Told of every validated value as it is kept (the import's staging file, staging.ts). */
	stageValues?: StageValues;
}

export function emptyDraft(spoolDir?: string, stageValues?: ReadOptions['stageValues']): ReleaseDraft {
	return {
		files: [],
		indicators: new Map(),
		sources: new Map(),
		values: new ReleaseValues(spoolDir, stageValues),
		targets: { initiale: new ReleaseValues(spoolDir), cible: new ReleaseValues(spoolDir) },
		rates: new ReleaseValues(spoolDir),
		entities: [],
		problems: [],
		warnings: [],
		problemCount: 0,
		columns: [],
		rejectedByFile: [],
		skippedByFile: []
	};
}

/** Reads and checks the release; `known` is what the store holds (read inside the import's transaction). */
export function readRelease(inputs: string[], known: StoreKeys, options: ReadOptions = {}): ReleaseDraft {
	const draft = emptyDraft(options.spoolDir, options.stageValues);
	for (const figures of spooled(draft)) figures.setStoreKeys(known);
	try {
		readInto(draft, inputs, options);
	} catch (error) {
		closeDraft(draft);
		throw error;
	}
	return draft;
}

/** Every kind of dated figure the draft keeps in a spool. */
const spooled = (draft: ReleaseDraft) => [draft.values, draft.targets.initiale, draft.targets.cible, draft.rates];

/** Removes the draft's spool files. */
export function closeDraft(draft: ReleaseDraft): void {
	for (const figures of spooled(draft)) figures.close();
}

function readInto(draft: ReleaseDraft, inputs: string[], options: ReadOptions): void {
	const { paths, missing } = expandInputs(inputs);
	for (const path of missing) {
		draft.files.push({ display: path, path, sha256: '', bytes: 0, kind: null, format: null, rows: 0 });
		addProblem(draft, draft.files.length - 1, { line: 0, column: 0, message: 'fichier ou dossier introuvable', fix: 'vérifiez le chemin' });
	}
	if (paths.length === 0 && missing.length === 0) {
		draft.files.push({ display: inputs.join(' '), path: '', sha256: '', bytes: 0, kind: null, format: null, rows: 0 });
		addProblem(draft, 0, { line: 0, column: 0, message: 'aucun fichier CSV trouvé', fix: 'donnez des fichiers .csv ou un dossier qui en contient' });
	}
	const loaded: LoadedFile[] = sortByKind(paths.map(({ path, display }) => loadFile(path, display)));
	const meta = emptyDitpMetadata(options.withoutConfig ?? false);
	const sourceUpdatedAt = options.sourceUpdatedAt ?? null;
	for (const item of loaded) {
		const index = draft.files.push(item.file) - 1;
		const { kind } = item.file;
		if (item.unreadable) {
			const fix =
				item.unreadable === 'XLSX'
					? 'enregistrez la feuille au format CSV UTF-8 (Fichier › Enregistrer sous › CSV UTF-8)'
					: item.unreadable === 'binaire'
						? 'donnez un fichier CSV (texte), ou retirez ce fichier de la livraison'
						: 'enregistrez-le en UTF-8 (dans un tableur : CSV UTF-8 ; ou iconv -f UTF-16 -t UTF-8)';
			const what =
				item.unreadable === 'XLSX' ? 'classeur Excel (XLSX), pas un fichier CSV' : item.unreadable === 'binaire' ? 'fichier binaire (octets nuls), pas un fichier CSV' : `fichier encodé en ${item.unreadable}, que l'import ne lit pas`;
			addProblem(draft, index, { line: 1, column: 1, message: what, fix });
			continue;
		}
		if (item.file.bytes === 0 || (kind !== 'ditp-config' && item.header.length === 0)) {
			addProblem(draft, index, { line: 1, column: 1, message: 'fichier vide', fix: "ajoutez une ligne d'en-tête et des données, ou retirez le fichier" });
			continue;
		}
		if (!kind) {
			addProblem(draft, index, {
				line: 1,
				column: 1,
				message: `en-tête non reconnu : ${item.header.slice(0, 6).join(',')}`,
				fix: 'en-tête canonique attendu, ex. indicateur_id,maille,code_territoire,date,valeur (voir db/README.md), ou un fichier ind-*.csv de la DITP'
			});
			continue;
		}
		const problemsBefore = draft.problemCount;
		warnUnknownDitpColumns(draft, index, item);
		switch (kind) {
			case 'ditp-engagements':
				parseDitpEngagements(item, meta);
				break;
			case 'ditp-chantiers':
				parseDitpChantiers(item, meta);
				break;
			case 'ditp-config':
				parseDitpConfig(draft, index, item, meta);
				break;
			case 'ditp-indicateurs':
				parseDitpIndicators(draft, index, item, meta, sourceUpdatedAt);
				break;
			case 'ditp-valeurs':
				parseDitpValues(draft, index, item, meta);
				break;
			default:
				parseCanonical(draft, index, item, kind as CanonicalKind);
		}
		for (const p of item.syntaxProblems) {
			addProblem(draft, index, { line: p.line, column: 1, message: p.message, fix: 'fermez le guillemet, ou doublez-le ("") à l\'intérieur d\'un champ' });
		}
		if (kind !== 'ditp-config' && item.file.rows === 0 && draft.problemCount === problemsBefore) {
			addProblem(draft, index, { line: 2, column: 1, message: "fichier sans données (l'en-tête seul)", fix: 'ajoutez des lignes ou retirez le fichier' });
		}
	}
	checkDitpCompanions(draft, meta);
}

export function storeKeys(client: Database.Database): StoreKeys {
	return {
		indicators: new Map(
			(client.prepare('SELECT code, id FROM indicators').all() as { code: string; id: number }[]).map((r) => [r.code, r.id])
		),
		sources: new Set((client.prepare('SELECT id FROM sources').all() as { id: string }[]).map((r) => r.id)),
		territories: territoryIds(client)
	};
}

/** Cross-checks references and key uniqueness of what is not checked while read; problems go into the draft. */
export function crossCheck(draft: ReleaseDraft, known: StoreKeys): void {
	const territories = new Set(territoryCodes().map((t) => t.code));
	const sourceKnown = (id: string) => draft.sources.has(id) || known.sources.has(id);
	const rejected = new Set<string>();
	const reject = (file: number, line: number) => {
		const key = `${file}:${line}`;
		if (!rejected.has(key)) {
			rejected.add(key);
			draft.rejectedByFile[file] = (draft.rejectedByFile[file] ?? 0) + 1;
		}
	};
	for (const indicator of draft.indicators.values()) {
		for (const id of (indicator.sourceIds ?? '').split(';').map((s) => s.trim()).filter(Boolean)) {
			if (!sourceKnown(id)) {
				addProblem(draft, indicator.file, { line: indicator.line, column: 0, message: `source inconnue « ${id} » pour ${indicator.code}`, fix: UNKNOWN_SOURCE_FIX });
			}
		}
	}
	for (const entity of draft.entities) {
		if (entity.territory && !territories.has(entity.territory)) {
			addProblem(draft, entity.file, { line: entity.line, column: 0, message: `territoire inconnu « ${entity.territory} »`, fix: 'utilisez un code du COG' });
		}
	}
	const duplicate = (what: string) => `${what} en double dans la livraison`;
	const firstSeen = <T extends { file: number; line: number }>(rows: T[], keyOf: (r: T) => { group: number | string; key: number | string }, what: string, fix: string) => {
		// Two levels (group, then key) keep keys small: Maps of small integers are fast.
		const groups = new Map<number | string, Map<number | string, number>>();
		rows.forEach((row, i) => {
			const { group, key } = keyOf(row);
			let seen = groups.get(group);
			if (!seen) groups.set(group, (seen = new Map()));
			const first = seen.get(key);
			if (first !== undefined) {
				const f = rows[first];
				addProblem(draft, row.file, {
					line: row.line,
					column: 1,
					message: `${duplicate(what)} (déjà en ${draft.files[f.file].display}:${f.line})`,
					fix
				});
				reject(row.file, row.line);
			} else seen.set(key, i);
		});
	};
	checkDuplicateValues(draft);
	for (const kind of ['initiale', 'cible'] as const) {
		checkDuplicateValues(draft, draft.targets[kind], 'cible (indicateur × territoire × type × date)', 'gardez une seule ligne par indicateur, territoire, type et date');
	}
	checkDuplicateValues(draft, draft.rates, 'taux (indicateur × territoire × date)', 'gardez un seul taux par indicateur, territoire et date');
	firstSeen(draft.entities, (e) => ({ group: 0, key: e.id }), 'entité', 'gardez une seule ligne par entite_id');
}
