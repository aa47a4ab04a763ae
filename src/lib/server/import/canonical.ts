/**
 * Parsing of the project's canonical CSV files (see db/README.md). The Table Schemas in
 * db/schemas/ say which columns exist and which are required; this module turns rows into drafts
 * and reports every problem with its line, column and fix.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CsvRow } from '../../csv/read';
import type { LoadedFile } from './read-files';
import { parseDate, parseNumber } from './parse-values';
import { parseLevel, publicTerritoryCode, type Level } from './territories';
import { addProblem, type Direction, type IndicatorField, type ReleaseDraft, type TargetKind } from './types';
import { isLicenceId, LICENCE_IDS } from '../../source-text';

interface TableSchema {
	fields: { name: string; constraints?: { required?: boolean; enum?: string[] } }[];
}

export type CanonicalKind = 'valeurs' | 'cibles' | 'indicateurs' | 'sources' | 'entites' | 'avancements';

const schemaCache = new Map<CanonicalKind, TableSchema>();
export function canonicalSchema(kind: CanonicalKind): TableSchema {
	let schema = schemaCache.get(kind);
	if (!schema) {
		const url = new URL(`../../../../db/schemas/${kind}.schema.json`, import.meta.url);
		schema = JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as TableSchema;
		schemaCache.set(kind, schema);
	}
	return schema;
}

/** Parsed forms of repeated cells (a release repeats the same dates and territories a million times). */
interface Caches {
	dates: Map<string, string>;
	/** Raw maille → raw code → public code. */
	territories: Map<string, Map<string, string>>;
	/** One string per indicator id rather than one per row. */
	ids: Map<string, string>;
}

const FORMULA_GUARD = /^'[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Reads one row's cells by column name, recording problems against the right column. One per file, reset per row. */
class RowReader {
	bad = false;
	row: CsvRow = { line: 0, fields: [] };
	constructor(
		private draft: ReleaseDraft,
		private fileIndex: number,
		readonly columns: Map<string, number>,
		private caches: Caches
	) {}

	reset(row: CsvRow): this {
		this.row = row;
		this.bad = false;
		return this;
	}

	col(name: string): number {
		return (this.columns.get(name) ?? -1) + 1;
	}

	problem(column: string | number, message: string, fix: string): void {
		this.bad = true;
		addProblem(this.draft, this.fileIndex, {
			line: this.row.line,
			column: typeof column === 'number' ? column : this.col(column),
			message,
			fix
		});
	}

	/** Trimmed text, '' when the column is absent or empty. */
	text(name: string): string {
		const i = this.columns.get(name);
		return i === undefined ? '' : (this.row.fields[i] ?? '').trim();
	}

	optional(name: string): string | null {
		return this.text(name) || null;
	}

	/** Like optional, but undefined when the column is absent: the stored annotation is then kept. */
	annotation(name: string): string | null | undefined {
		if (!this.columns.has(name)) return undefined;
		// Our downloads prefix text starting with = + - @ with ' (spreadsheet formula injection):
		// the prefix is removed here, so that a download imports back unchanged.
		const text = this.text(name);
		return (FORMULA_GUARD.test(text) ? text.slice(1) : text) || null;
	}

	/** An optional web address: only http(s), since pages render it as a link. */
	url(name: string): string | null {
		const text = this.text(name);
		if (!text) return null;
		let ok = false;
		try {
			const parsed = new URL(text);
			ok = (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
		} catch {
			ok = false;
		}
		if (!ok) {
			this.problem(name, `${name} « ${text} » n'est pas une adresse web http(s)`, 'écrivez une adresse complète commençant par https:// (ou http://), ou laissez la cellule vide');
			return null;
		}
		return text;
	}

	required(name: string, fix: string): string {
		const value = this.text(name);
		if (!value) this.problem(name, `${name} vide`, fix);
		return value;
	}

	/** A required identifier, shared across rows. */
	id(name: string, fix: string): string {
		const value = this.required(name, fix);
		let shared = this.caches.ids.get(value);
		if (shared === undefined) this.caches.ids.set(value, (shared = value));
		return shared;
	}

	number(name: string): number {
		const raw = this.text(name);
		if (PLAIN_NUMBER.test(raw)) return Number(raw);
		if (!raw) {
			this.problem(name, `${name} vide`, 'indiquez la valeur, ou retirez la ligne : une valeur manquante ne s\'écrit pas');
			return NaN;
		}
		const parsed = parseNumber(raw);
		if ('error' in parsed) {
			this.problem(name, `${name} : ${parsed.error}`, 'écrivez un nombre, par exemple 1234.5 ou 1234,5, sans unité');
			return NaN;
		}
		return parsed.value;
	}

	date(name: string, { allowEmpty }: { allowEmpty: boolean }): string {
		const raw = this.text(name);
		const cached = this.caches.dates.get(raw);
		if (cached !== undefined) return cached;
		if (!raw) {
			if (!allowEmpty) this.problem(name, `${name} vide`, 'indiquez une date AAAA, AAAA-MM ou AAAA-MM-JJ');
			return '';
		}
		const parsed = parseDate(raw);
		if ('error' in parsed) {
			this.problem(name, `${name} : ${parsed.error}`, 'écrivez la date au format AAAA, AAAA-MM ou AAAA-MM-JJ (ex. 2024-03-31)');
			return '';
		}
		this.caches.dates.set(raw, parsed.date);
		return parsed.date;
	}

	/** `maille` + `code_territoire` → public territory code (`FR`, `R84`, `D2A`). */
	territory(): string {
		const rawLevel = this.text('maille');
		const rawCodeKey = this.text('code_territoire');
		let byCode = this.caches.territories.get(rawLevel);
		if (!byCode) this.caches.territories.set(rawLevel, (byCode = new Map()));
		const cached = byCode.get(rawCodeKey);
		if (cached !== undefined) return cached;
		const level: Level | null = parseLevel(rawLevel);
		if (!level) {
			this.problem('maille', `maille « ${rawLevel} » inconnue`, 'écrivez national, region ou departement');
			return '';
		}
		const rawCode = this.text('code_territoire');
		const code = publicTerritoryCode(level, rawCode);
		if (!code) {
			this.problem(
				'code_territoire',
				`code « ${rawCode} » illisible pour la maille ${level}`,
				level === 'national' ? 'écrivez FR' : level === 'region' ? 'écrivez le code INSEE de la région, ex. 84' : 'écrivez le code INSEE du département, ex. 01, 2A ou 971'
			);
			return '';
		}
		byCode.set(rawCodeKey, code);
		return code;
	}
}

/** Checks the header against the schema; returns the column index map, or null when unusable. */
function readHeader(draft: ReleaseDraft, fileIndex: number, loaded: LoadedFile, kind: CanonicalKind): Map<string, number> | null {
	const schema = canonicalSchema(kind);
	const known = new Set(schema.fields.map((f) => f.name));
	const columns = new Map<string, number>();
	let ok = true;
	loaded.header.forEach((name, i) => {
		if (!known.has(name)) {
			ok = false;
			addProblem(draft, fileIndex, {
				line: 1,
				column: i + 1,
				message: `colonne « ${name} » inconnue dans un fichier ${kind}`,
				fix: `colonnes possibles : ${[...known].join(', ')}`
			});
		} else if (columns.has(name)) {
			ok = false;
			addProblem(draft, fileIndex, { line: 1, column: i + 1, message: `colonne « ${name} » en double`, fix: 'gardez une seule colonne de ce nom' });
		} else columns.set(name, i);
	});
	for (const field of schema.fields) {
		if (field.constraints?.required && !columns.has(field.name)) {
			ok = false;
			addProblem(draft, fileIndex, {
				line: 1,
				column: loaded.header.length + 1,
				message: `colonne obligatoire « ${field.name} » absente`,
				fix: `l'en-tête d'un fichier ${kind} comprend : ${schema.fields.filter((f) => f.constraints?.required).map((f) => f.name).join(', ')}`
			});
		}
	}
	// The schema lets a value be undated (empty cell), not a whole file: a missing column is a mistake.
	if (kind === 'valeurs' && !columns.has('date')) {
		ok = false;
		addProblem(draft, fileIndex, {
			line: 1,
			column: loaded.header.length + 1,
			message: 'colonne « date » absente : toutes les valeurs seraient non datées',
			fix: 'ajoutez la colonne date (AAAA, AAAA-MM ou AAAA-MM-JJ ; vide seulement pour une valeur que la source ne date pas)'
		});
	}
	return ok ? columns : null;
}

function forEachRow(draft: ReleaseDraft, fileIndex: number, loaded: LoadedFile, kind: CanonicalKind, fn: (r: RowReader) => void): void {
	const columns = readHeader(draft, fileIndex, loaded, kind);
	if (!columns) return;
	const width = loaded.header.length;
	const reader = new RowReader(draft, fileIndex, columns, { dates: new Map(), territories: new Map(), ids: new Map() });
	const at = (name: string) => (columns.get(name) ?? -1) + 1;
	draft.columns[fileIndex] = { indicator: at('indicateur_id'), territory: at('code_territoire'), source: at('source_id') };
	for (const row of loaded.rows) {
		const r = reader.reset(row);
		if (row.fields.length !== width) {
			r.problem(Math.min(row.fields.length, width) + 1, `${row.fields.length} champs au lieu de ${width}`, 'vérifiez le séparateur et les guillemets de la ligne');
		} else fn(r);
		if (r.bad) draft.rejectedByFile[fileIndex] = (draft.rejectedByFile[fileIndex] ?? 0) + 1;
	}
}

/** Optional columns of indicateurs.csv and the fields they fill: a file without one keeps the stored field. */
const INDICATOR_OPTIONAL: [string, IndicatorField][] = [
	['famille', 'familyName'],
	['theme_id', 'themeId'],
	['theme', 'themeName'],
	['politique', 'policyName'],
	['axe', 'axis'],
	['description', 'description'],
	['unite_libelle', 'unitLabel'],
	['cumulatif', 'cumulative'],
	['frequence', 'frequency'],
	['url_source', 'sourceUrl'],
	['date_mise_a_jour', 'sourceUpdatedAt'],
	['source_id', 'sourceIds'],
	['note', 'note'],
	['ordre', 'sortOrder']
];
const SOURCE_OPTIONAL: [string, 'url' | 'licenceId' | 'licenceVerified' | 'updatedAt' | 'note'][] = [
	['url', 'url'],
	['licence_id', 'licenceId'],
	['licence_verifiee', 'licenceVerified'],
	['date_mise_a_jour', 'updatedAt'],
	['note', 'note']
];

const DIRECTIONS: Record<string, Direction> = { hausse: 'hausse', baisse: 'baisse', neutre: 'neutre' };

export function parseCanonical(draft: ReleaseDraft, fileIndex: number, loaded: LoadedFile, kind: CanonicalKind): void {
	switch (kind) {
		case 'valeurs':
			return forEachRow(draft, fileIndex, loaded, kind, (r) => {
				const indicator = r.id('indicateur_id', "indiquez l'identifiant de l'indicateur");
				const territory = r.territory();
				const date = r.date('date', { allowEmpty: true });
				const value = r.number('valeur');
				if (r.bad) return;
				draft.values.add(draft, fileIndex, r.row.line, indicator, territory, date, value, r.annotation('qualificatif'), r.annotation('source_id'), r.annotation('note'));
			});
		case 'cibles':
			return forEachRow(draft, fileIndex, loaded, kind, (r) => {
				const indicator = r.id('indicateur_id', "indiquez l'identifiant de l'indicateur");
				const territory = r.territory();
				const type = r.text('type');
				if (type !== 'initiale' && type !== 'cible') r.problem('type', `type « ${type} » inconnu`, 'écrivez initiale ou cible');
				const date = r.date('date', { allowEmpty: false });
				const value = r.number('valeur');
				if (r.bad) return;
				draft.targets[type as TargetKind].add(draft, fileIndex, r.row.line, indicator, territory, date, value, r.annotation('qualificatif'), r.annotation('source_id'), r.annotation('note'));
			});
		case 'avancements':
			return forEachRow(draft, fileIndex, loaded, kind, (r) => {
				const indicator = r.id('indicateur_id', "indiquez l'identifiant de l'indicateur");
				const territory = r.territory();
				const date = r.date('date', { allowEmpty: false });
				const rate = r.number('taux');
				if (!r.bad && (rate < 0 || rate > 100)) r.problem('taux', `taux ${rate} hors de 0–100`, 'un taux d\'avancement est un pourcentage entre 0 et 100');
				if (r.bad) return;
				draft.rates.add(draft, fileIndex, r.row.line, indicator, territory, date, rate, null, null, null);
			});
		case 'indicateurs':
			return forEachRow(draft, fileIndex, loaded, kind, (r) => {
				const code = r.required('indicateur_id', "donnez un identifiant stable à l'indicateur");
				const familyId = r.required('famille_id', 'indiquez la famille (ex. politiques-prioritaires)');
				const policyId = r.required('politique_id', 'indiquez la politique ou le chantier');
				const name = r.required('nom', "donnez le nom de l'indicateur");
				const unit = r.required('unite', "indiquez l'unité (%, nombre, EUR…)");
				const producer = r.required('producteur', 'indiquez le producteur de la donnée');
				const licence = r.required('licence', 'indiquez la licence (ex. Licence Ouverte / Etalab 2.0)');
				const sens = r.text('sens');
				const direction = DIRECTIONS[sens];
				if (!direction) r.problem('sens', `sens « ${sens} » inconnu`, 'écrivez hausse, baisse ou neutre');
				const cumul = r.text('cumulatif');
				if (cumul !== '' && cumul !== 'oui' && cumul !== 'non') r.problem('cumulatif', `cumulatif « ${cumul} » inconnu`, 'écrivez oui ou non');
				const updated = r.date('date_mise_a_jour', { allowEmpty: true });
				const sourceUrl = r.url('url_source');
				const orderText = r.text('ordre');
				const order = orderText === '' ? 0 : Number(orderText);
				if (!Number.isInteger(order)) r.problem('ordre', `ordre « ${orderText} » n'est pas un entier`, 'écrivez un entier (1 = indicateur principal)');
				if (r.bad) return;
				if (draft.indicators.has(code)) {
					r.problem('indicateur_id', `indicateur ${code} décrit deux fois dans la livraison`, 'gardez une seule ligne par indicateur');
					return;
				}
				draft.indicators.set(code, {
					file: fileIndex,
					line: r.row.line,
					code,
					familyId,
					familyName: r.optional('famille'),
					themeId: r.optional('theme_id'),
					themeName: r.optional('theme'),
					policyId,
					policyName: r.optional('politique'),
					axis: r.optional('axe'),
					name,
					description: r.optional('description'),
					unit,
					unitLabel: r.optional('unite_libelle'),
					direction,
					cumulative: cumul === 'oui',
					frequency: r.optional('frequence'),
					producer,
					licence,
					sourceUrl,
					sourceUpdatedAt: updated || null,
					sourceIds: r.optional('source_id'),
					note: r.optional('note'),
					sortOrder: order,
					absent: INDICATOR_OPTIONAL.filter(([column]) => !r.columns.has(column)).map(([, field]) => field)
				});
			});
		case 'sources':
			return forEachRow(draft, fileIndex, loaded, kind, (r) => {
				const id = r.required('source_id', 'donnez un identifiant à la source');
				const producer = r.required('producteur', 'indiquez le producteur');
				const title = r.required('titre', 'indiquez le titre du document');
				const licence = r.required('licence', 'indiquez la licence ou les conditions de réutilisation');
				const updated = r.date('date_mise_a_jour', { allowEmpty: true });
				const url = r.url('url');
				const licenceId = r.text('licence_id');
				if (licenceId !== '' && !isLicenceId(licenceId)) r.problem('licence_id', `licence_id « ${licenceId} » inconnu`, `écrivez ${LICENCE_IDS.join(', ')}, ou laissez la cellule vide`);
				const verified = r.text('licence_verifiee');
				if (verified !== '' && verified !== 'oui' && verified !== 'non') r.problem('licence_verifiee', `licence_verifiee « ${verified} » inconnu`, 'écrivez oui ou non, ou laissez la cellule vide');
				if (r.bad) return;
				if (draft.sources.has(id)) {
					r.problem('source_id', `source ${id} décrite deux fois`, 'gardez une seule ligne par source');
					return;
				}
				draft.sources.set(id, { file: fileIndex, line: r.row.line, id, producer, title, url, licence, licenceId: licenceId || null,
					licenceVerified: verified === '' ? null : verified === 'oui', updatedAt: updated || null, note: r.optional('note'),
					absent: SOURCE_OPTIONAL.filter(([column]) => !r.columns.has(column)).map(([, field]) => field)
				});
			});
		case 'entites':
			return forEachRow(draft, fileIndex, loaded, kind, (r) => {
				const id = r.required('entite_id', "donnez un identifiant stable à l'entité");
				const type = r.required('type', "indiquez le type (laboratoire, projet-ftap…)");
				const name = r.required('nom', "donnez le nom de l'entité");
				const territory = r.text('maille') || r.text('code_territoire') ? r.territory() : null;
				const date = r.date('date', { allowEmpty: true });
				const attributes = r.text('attributs') || '{}';
				try {
					const parsed: unknown = JSON.parse(attributes);
					if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
				} catch {
					r.problem('attributs', 'attributs : JSON invalide', 'écrivez un objet JSON, ex. {"hote":"Préfecture"}');
				}
				if (r.bad) return;
				draft.entities.push({ file: fileIndex, line: r.row.line, id, kind: type, name, territory, date: date || null, attributes, sourceIds: r.optional('source_id') });
			});
	}
}
