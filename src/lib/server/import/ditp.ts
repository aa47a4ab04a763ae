/**
 * The official DITP open-data format of the priority policies (politiques prioritaires, 2023+):
 * `data/ind-*.csv` (indic_vi initial value, indic_va current value, indic_vc target, indic_ta
 * published progress rate), `metadata/meta_*.csv` and `config/config-viz.yml`.
 */
import { parse as parseYaml } from 'yaml';
import type { LoadedFile } from './read-files';
import type { ReleaseValues } from './release-values';
import { parseDate, parseNumber } from './parse-values';
import { publicTerritoryCode, type Level } from './territories';
import { addProblem, addWarning, type Direction, type FileKind, type IndicatorDraft, type IndicatorField, type ReleaseDraft } from './types';

export const DITP_FAMILY = { id: 'politiques-prioritaires', name: 'Politiques prioritaires (2023 et après)' };
export const DITP_PRODUCER = 'DITP — Baromètre des résultats de l\'action publique';
export const DITP_LICENCE = 'Licence Ouverte / Etalab 2.0';
export const DITP_SOURCE_URL = 'https://www.data.gouv.fr/fr/datasets/barometre-des-resultats-de-laction-publique/';

const MAILLES: Record<string, Level> = { NAT: 'national', REG: 'region', DEPT: 'departement' };

/** Metadata gathered from the metadata and config files of the same release. */
export interface DitpMetadata {
	engagements: Map<string, string>;
	chantiers: Map<string, { name: string; engagement: string }>;
	config: Map<string, Record<string, unknown>>;
	/** Index of config-viz.yml and meta_indicateurs.csv in the release, when given. */
	configFile: number | null;
	indicatorsFile: number | null;
	/** Every indicator listed by meta_indicateurs.csv (even one with a problem). */
	listed: Set<string>;
	/** `--sans-config`: the release may lack the companions that set units and directions. */
	withoutConfig: boolean;
}

export function emptyDitpMetadata(withoutConfig = false): DitpMetadata {
	return { engagements: new Map(), chantiers: new Map(), config: new Map(), configFile: null, indicatorsFile: null, listed: new Set(), withoutConfig };
}

/** The columns of the official files; any other is ignored with a warning. */
export const DITP_COLUMNS: Partial<Record<FileKind, string[]>> = {
	'ditp-valeurs': ['indic_id', 'enforce_zone_id', 'metric_enforce_date', 'maille', 'indic_vi', 'indic_va', 'indic_vc', 'indic_ta'],
	'ditp-indicateurs': ['indic_id', 'indic_parent_ch', 'indic_nom', 'indic_nom_baro', 'indic_descr', 'indic_descr_baro', 'tendance', 'indic_categorie_evolution'],
	'ditp-chantiers': ['chantier_id', 'ch_nom', 'engagement_short'],
	'ditp-engagements': ['engagement_id', 'engagement_short', 'engagement_name']
};

export function warnUnknownDitpColumns(draft: ReleaseDraft, fileIndex: number, loaded: LoadedFile): void {
	const known = DITP_COLUMNS[loaded.file.kind!];
	if (!known) return;
	loaded.header.forEach((name, i) => {
		if (!known.includes(name)) {
			addWarning(draft, fileIndex, {
				line: 1,
				column: i + 1,
				message: `colonne « ${name} » inconnue du format DITP, ignorée`,
				fix: `vérifiez qu'elle ne porte rien à importer (colonnes lues : ${known.join(', ')})`
			});
		}
	});
}

const WITHOUT_CONFIG_FIX = 'ou relancez avec --sans-config pour garder ceux que la base connaît';

/** After every file is read: the companions that set units and directions must come with the data. */
export function checkDitpCompanions(draft: ReleaseDraft, meta: DitpMetadata): void {
	if (meta.withoutConfig) return;
	const ditp = draft.files.findIndex((f) => f.kind === 'ditp-indicateurs' || f.kind === 'ditp-valeurs');
	if (ditp < 0) return;
	if (meta.configFile === null) {
		addProblem(draft, ditp, {
			line: 1,
			column: 1,
			message: "config/config-viz.yml absent de la livraison : l'unité, le libellé d'unité et l'ordre des indicateurs seraient perdus",
			fix: `ajoutez config/config-viz.yml de la même livraison, ${WITHOUT_CONFIG_FIX}`
		});
	}
	const data = draft.files.findIndex((f) => f.kind === 'ditp-valeurs');
	if (data >= 0 && meta.indicatorsFile === null) {
		addProblem(draft, data, {
			line: 1,
			column: 1,
			message: 'metadata/meta_indicateurs.csv absent de la livraison : le nom et le sens des indicateurs seraient inconnus',
			fix: `ajoutez metadata/meta_indicateurs.csv de la même livraison, ${WITHOUT_CONFIG_FIX}`
		});
	}
}

function columns(header: string[]): (row: string[], name: string) => string {
	const index = new Map(header.map((h, i) => [h, i]));
	return (row, name) => (row[index.get(name) ?? -1] ?? '').trim();
}

export function slugify(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

export function parseDitpEngagements(loaded: LoadedFile, meta: DitpMetadata): void {
	const get = columns(loaded.header);
	for (const row of loaded.rows) meta.engagements.set(get(row.fields, 'engagement_short'), get(row.fields, 'engagement_name'));
}

export function parseDitpChantiers(loaded: LoadedFile, meta: DitpMetadata): void {
	const get = columns(loaded.header);
	for (const row of loaded.rows) {
		meta.chantiers.set(get(row.fields, 'chantier_id'), { name: get(row.fields, 'ch_nom'), engagement: get(row.fields, 'engagement_short') });
	}
}

export function parseDitpConfig(draft: ReleaseDraft, fileIndex: number, loaded: LoadedFile, meta: DitpMetadata): void {
	try {
		// The official file repeats some keys (e.g. `graphs`): accept it, the last one wins, as in PyYAML.
		meta.configFile = fileIndex;
		const doc = parseYaml(loaded.text, { uniqueKeys: false }) as { indicateurs?: Record<string, unknown>[] };
		for (const entry of doc?.indicateurs ?? []) if (typeof entry.id === 'string') meta.config.set(entry.id, entry);
	} catch (error) {
		const line = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
		addProblem(draft, fileIndex, {
			line: line?.line ?? 1,
			column: line?.col ?? 1,
			message: `YAML illisible : ${(error as Error).message.split('\n')[0]}`,
			fix: 'corrigez la syntaxe YAML (indentation, guillemets)'
		});
	}
}

/** meta_indicateurs.csv → indicator drafts (needs chantiers, engagements and config parsed first). */
export function parseDitpIndicators(
	draft: ReleaseDraft,
	fileIndex: number,
	loaded: LoadedFile,
	meta: DitpMetadata,
	sourceUpdatedAt: string | null
): void {
	const get = columns(loaded.header);
	meta.indicatorsFile = fileIndex;
	const has = (name: string) => loaded.header.includes(name);
	for (const row of loaded.rows) {
		const f = row.fields;
		const code = get(f, 'indic_id');
		if (!code) continue;
		meta.listed.add(code);
		const chantierId = get(f, 'indic_parent_ch');
		const chantier = meta.chantiers.get(chantierId);
		const configured = meta.config.get(code);
		const config = configured ?? {};
		// Without its config entry, what it sets is unknown here: the store keeps what it knows (--sans-config).
		const absent: IndicatorField[] = [];
		if (!configured) {
			absent.push('themeId', 'themeName', 'unit', 'unitLabel', 'cumulative', 'sortOrder');
			if (!has('tendance')) absent.push('direction');
			if (!meta.withoutConfig && meta.configFile !== null) {
				addProblem(draft, fileIndex, {
					line: row.line,
					column: loaded.header.indexOf('indic_id') + 1,
					message: `indicateur ${code} absent de ${draft.files[meta.configFile].display} : son unité et son ordre seraient inconnus`,
					fix: `ajoutez son entrée (id: ${code}) dans ${draft.files[meta.configFile].display}, ${WITHOUT_CONFIG_FIX}`
				});
			}
		}
		if (!has('indic_descr') && !has('indic_descr_baro')) absent.push('description');
		if (!chantier) absent.push('policyName');
		if (!sourceUpdatedAt) absent.push('sourceUpdatedAt');
		const values = (config.values ?? {}) as Record<string, unknown>;
		const tendance = get(f, 'tendance') || String(config.tendance ?? '');
		const direction: Direction = tendance === 'hausse' ? 'hausse' : tendance === 'baisse' ? 'baisse' : 'neutre';
		const theme = typeof config.thematique === 'string' ? config.thematique.trim() : null;
		const unitShort = typeof config.unite_courte === 'string' ? config.unite_courte : null;
		const indicator: IndicatorDraft = {
			code,
			familyId: DITP_FAMILY.id,
			familyName: DITP_FAMILY.name,
			themeId: theme ? slugify(theme) : null,
			themeName: theme,
			policyId: chantierId,
			policyName: chantier?.name ?? null,
			axis: chantier ? (meta.engagements.get(chantier.engagement) ?? null) : null,
			name: get(f, 'indic_nom_baro') || get(f, 'indic_nom') || code,
			description: get(f, 'indic_descr_baro') || get(f, 'indic_descr') || null,
			unit: config.pourcentage === true ? '%' : typeof config.unite_va === 'string' ? config.unite_va : 'nombre',
			unitLabel: typeof config.unite === 'string' ? config.unite : unitShort,
			direction,
			cumulative: values.cumul === true,
			frequency: null,
			producer: DITP_PRODUCER,
			licence: DITP_LICENCE,
			sourceUrl: DITP_SOURCE_URL,
			sourceUpdatedAt,
			sourceIds: null,
			note: null,
			sortOrder: typeof config.order_id === 'number' ? config.order_id : 0,
			absent
		};
		if (!chantierId) {
			addProblem(draft, fileIndex, {
				line: row.line,
				column: loaded.header.indexOf('indic_parent_ch') + 1,
				message: `indicateur ${code} sans chantier`,
				fix: 'indiquez le chantier parent (CH-…) dans indic_parent_ch'
			});
			continue;
		}
		draft.indicators.set(code, { ...indicator, file: fileIndex, line: row.line });
	}
}

/** data/ind-*.csv → values (indic_va), baselines (indic_vi), targets (indic_vc) and published rates (indic_ta). */
export function parseDitpValues(draft: ReleaseDraft, fileIndex: number, loaded: LoadedFile, meta: DitpMetadata): void {
	const col = new Map(loaded.header.map((h, i) => [h, i]));
	const c = (name: string) => col.get(name)!;
	const [ID, ZONE, DATE, MAILLE, VI, VA, VC, TA] = [
		c('indic_id'),
		c('enforce_zone_id'),
		c('metric_enforce_date'),
		c('maille'),
		c('indic_vi'),
		c('indic_va'),
		c('indic_vc'),
		c('indic_ta')
	];
	const width = loaded.header.length;
	draft.columns[fileIndex] = { indicator: ID + 1, territory: ZONE + 1, source: 0 };
	const unlisted = new Set<string>();
	for (const row of loaded.rows) {
		const f = row.fields;
		let bad = false;
		const problem = (column: number, message: string, fix: string) => {
			bad = true;
			addProblem(draft, fileIndex, { line: row.line, column: column + 1, message, fix });
		};
		if (f.length !== width) {
			problem(Math.min(f.length, width), `${f.length} champs au lieu de ${width}`, 'vérifiez le séparateur et les guillemets de la ligne');
			draft.rejectedByFile[fileIndex] = (draft.rejectedByFile[fileIndex] ?? 0) + 1;
			continue;
		}
		// Official releases list zones with no date and no value (`IND-246,D90,,DEPT,,,,`): nothing was
		// measured there. Counted and skipped, never an error; a value without a date stays one.
		if (f[DATE].trim() === '' && f[VI].trim() === '' && f[VA].trim() === '' && f[VC].trim() === '' && f[TA].trim() === '') {
			draft.skippedByFile[fileIndex] = (draft.skippedByFile[fileIndex] ?? 0) + 1;
			continue;
		}
		const indicator = f[ID].trim();
		if (!indicator) problem(ID, 'indic_id vide', "indiquez l'identifiant de l'indicateur (IND-…)");
		else if (meta.indicatorsFile !== null && !meta.listed.has(indicator)) {
			// Once per file and indicator: the release's own metadata does not describe it.
			if (!unlisted.has(indicator)) {
				unlisted.add(indicator);
				const metaFile = draft.files[meta.indicatorsFile].display;
				problem(ID, `indicateur ${indicator} absent de ${metaFile}`, `ajoutez sa ligne dans ${metaFile}, ou retirez ${loaded.file.display} de la livraison`);
			}
			draft.rejectedByFile[fileIndex] = (draft.rejectedByFile[fileIndex] ?? 0) + 1;
			continue;
		}
		const level = MAILLES[f[MAILLE].trim().toUpperCase()];
		if (!level) problem(MAILLE, `maille « ${f[MAILLE]} » inconnue`, 'écrivez NAT, REG ou DEPT');
		const territory = level ? publicTerritoryCode(level, f[ZONE]) : null;
		if (level && !territory) {
			problem(ZONE, `zone « ${f[ZONE]} » incompatible avec la maille ${f[MAILLE]}`, 'écrivez FRANCE pour NAT, R84 pour REG, D2A pour DEPT');
		}
		const parsedDate = parseDate(f[DATE]);
		if (f[DATE].trim() === '') {
			problem(DATE, 'metric_enforce_date vide sur une ligne qui porte une valeur', 'indiquez la date de la mesure au format AAAA-MM-JJ');
		} else if ('error' in parsedDate) problem(DATE, `metric_enforce_date : ${parsedDate.error}`, 'écrivez la date au format AAAA-MM-JJ');
		const numbers: (number | null)[] = [VI, VA, VC, TA].map((i) => {
			const raw = f[i].trim();
			if (raw === '') return null;
			const parsed = parseNumber(raw);
			if ('error' in parsed) {
				problem(i, `${loaded.header[i]} : ${parsed.error}`, 'écrivez un nombre avec un point décimal, ou laissez vide');
				return null;
			}
			return parsed.value;
		});
		if (bad || !territory || 'error' in parsedDate) {
			draft.rejectedByFile[fileIndex] = (draft.rejectedByFile[fileIndex] ?? 0) + 1;
			continue;
		}
		const [vi, va, vc, ta] = numbers;
		if (ta !== null && (ta < 0 || ta > 100)) {
			problem(TA, `indic_ta ${ta} hors de 0–100`, "un taux d'avancement est un pourcentage entre 0 et 100");
			draft.rejectedByFile[fileIndex] = (draft.rejectedByFile[fileIndex] ?? 0) + 1;
			continue;
		}
		const date = parsedDate.date;
		// One row, one indicator and territory: once refused (and reported), its other figures are not added.
		const figures: [ReleaseValues, number | null][] = [
			[draft.values, va],
			[draft.targets.initiale, vi],
			[draft.targets.cible, vc],
			[draft.rates, ta]
		];
		for (const [kind, value] of figures) {
			if (value !== null && !kind.add(draft, fileIndex, row.line, indicator, territory, date, value, null, null, null)) break;
		}
	}
}
