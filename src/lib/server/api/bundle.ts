/**
 * `/api/v1/export.zip`: every canonical CSV file of the store (what `npm run import` reads), a
 * Frictionless `datapackage.json` with the Table Schema of each file (from db/schemas/), and a
 * French README (sources, licence, attribution, release history). Built once per data release.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { CsvCell } from '../../csv/write';
import { formatDay } from '../../format';
import { entitiesTable, indicatorsTable, ratesTable, sourcesTable, targetsTable, valueRows, valuesTable } from '../export';
import { lastRelease, type ReleaseInfo } from '../queries/releases';
import type { Vintage } from '../queries/vintages';
import { etagOf } from './http';
import { memoise } from './memo';
import { allReleases, type ReleaseRecord } from './queries';
import { ETALAB, isEtalab, safeTableCsv, siteAttribution, SITE_NAME, TABLE_SCHEMAS, type CanonicalFile, type TableSchemaField } from './serialise';

type Table = { header: string[]; rows: CsvCell[][] };

/** The files of the archive, in this order. */
export const BUNDLE_FILES: readonly CanonicalFile[] = ['valeurs', 'cibles', 'indicateurs', 'avancements', 'sources', 'entites'];

const DESCRIPTIONS: Record<CanonicalFile, string> = {
	valeurs: 'Valeurs des indicateurs : une ligne par indicateur × territoire × date',
	cibles: 'Valeurs initiales et cibles : une ligne par indicateur × territoire × type × date',
	indicateurs: 'Métadonnées des indicateurs : famille, politique, unité, sens, producteur, licence',
	avancements: 'Taux d’avancement publiés par la source (DITP)',
	sources: 'Sources détaillées citées par les indicateurs, les valeurs et les entités',
	entites: 'Entités hors séries : laboratoires, projets financés, vagues d’enquête'
};

/**
 * Every value with every column of the valeurs schema: the rows of `valueRows` (names, unit)
 * joined to those of `valuesTable` (qualifier, source, note). Both are sorted on the same key
 * (indicator, maille, code, date), so they align row by row.
 */
export function fullValuesTable(client: Database.Database, asOf?: number): Table {
	const annotated = valuesTable(client, undefined, asOf).rows;
	const rows: CsvCell[][] = [];
	let i = 0;
	for (const [id, name, level, code, territory, date, value, unit] of valueRows(client, { asOf })) {
		const a = annotated[i++];
		if (!a || a[0] !== id || a[1] !== level || a[2] !== code || a[3] !== date) throw new Error(`export : lignes désalignées à la ligne ${i}`);
		rows.push([id, name, level, code, territory, date, value, unit, a[5], a[6], a[7]]);
	}
	if (i !== annotated.length) throw new Error('export : nombres de lignes différents');
	return { header: TABLE_SCHEMAS.valeurs.fields.map((f) => f.name), rows };
}

export function bundleTables(client: Database.Database, asOf?: number): Record<CanonicalFile, Table> {
	return {
		valeurs: fullValuesTable(client, asOf),
		cibles: targetsTable(client),
		indicateurs: indicatorsTable(client),
		avancements: ratesTable(client),
		sources: sourcesTable(client),
		entites: entitiesTable(client)
	};
}

/** The Table Schema of a file as written: the schema's fields for the header's columns, in its order. */
export function schemaFor(kind: CanonicalFile, header: readonly string[]) {
	const schema = TABLE_SCHEMAS[kind];
	const byName = new Map(schema.fields.map((f) => [f.name, f]));
	const fields = header.map((name) => {
		const field = byName.get(name);
		if (!field) throw new Error(`colonne ${name} absente du schéma ${kind}`);
		return field;
	});
	const out: { fields: TableSchemaField[]; primaryKey: string[]; missingValues: string[]; foreignKeys?: unknown[] } = {
		fields,
		primaryKey: schema.primaryKey,
		missingValues: schema.missingValues
	};
	if (kind === 'valeurs' || kind === 'cibles' || kind === 'avancements') {
		out.foreignKeys = [{ fields: 'indicateur_id', reference: { resource: 'indicateurs', fields: 'indicateur_id' } }];
	}
	return out;
}

export function dataPackage(files: Record<CanonicalFile, { header: string[]; bytes: Uint8Array }>, release: ReleaseInfo | null) {
	return {
		profile: 'tabular-data-package',
		name: 'barometre-resultats-action-publique',
		title: SITE_NAME,
		description:
			'Résultats des politiques publiques publiés par la DITP et les producteurs qu’elle cite : valeurs nationales, régionales et départementales, valeurs initiales, cibles, métadonnées et sources.',
		...(release ? { created: release.importedAt } : {}),
		licenses: [{ name: 'etalab-2.0', path: ETALAB.url, title: ETALAB.nom }],
		sources: [{ title: 'DITP et producteurs cités : colonnes producteur et url_source de indicateurs.csv, et sources.csv' }],
		resources: BUNDLE_FILES.map((kind) => ({
			name: kind,
			path: `${kind}.csv`,
			profile: 'tabular-data-resource',
			title: TABLE_SCHEMAS[kind].title,
			description: TABLE_SCHEMAS[kind].description,
			format: 'csv',
			mediatype: 'text/csv',
			encoding: 'utf-8',
			bytes: files[kind].bytes.length,
			hash: `sha256:${createHash('sha256').update(files[kind].bytes).digest('hex')}`,
			dialect: { delimiter: ',', doubleQuote: true, header: true, lineTerminator: '\n', quoteChar: '"' },
			schema: schemaFor(kind, files[kind].header)
		}))
	};
}

const cell = (text: string | number | null | undefined) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export function readme(
	client: Database.Database,
	counts: Record<CanonicalFile, number>,
	release: ReleaseInfo | null,
	releases: ReleaseRecord[],
	vintage: Vintage = NO_VINTAGE
): string {
	const producers = client
		.prepare(
			`SELECT producer, count(*) AS n, max(source_updated_at) AS updated, group_concat(DISTINCT licence) AS licences
			 FROM indicators GROUP BY producer ORDER BY n DESC, producer`
		)
		.all() as { producer: string; n: number; updated: string | null; licences: string }[];
	const licences = client.prepare('SELECT licence FROM indicators').pluck().all() as string[];
	const otherLicences = licences.filter((l) => !isEtalab(l)).length;
	const lines = [
		`# ${SITE_NAME} — export complet des données`,
		'',
		release
			? `Export de la livraison n° ${release.id}, importée le ${formatDay(release.importedAt.slice(0, 10))}${release.sourceUpdatedAt ? ` (source la plus récente publiée le ${formatDay(release.sourceUpdatedAt)})` : ''}.`
			: 'Base vide : aucune livraison importée.',
		...(vintage.asOf === undefined
			? []
			: [
					'',
					`\`valeurs.csv\` donne les valeurs telles qu’elles étaient ${vintage.au ? `au ${formatDay(vintage.au)}` : ''}${vintage.au && vintage.livraison ? ', c’est-à-dire ' : ''}${vintage.livraison ? `juste après la livraison n° ${vintage.livraison}` : vintage.au ? ' : avant toute livraison, aucune valeur' : ''} ; les autres fichiers sont ceux d’aujourd’hui.`
				]),
		'',
		'## Fichiers',
		'',
		'| fichier | contenu | lignes |',
		'|---|---|---|',
		...BUNDLE_FILES.map((kind) => `| \`${kind}.csv\` | ${DESCRIPTIONS[kind]} | ${counts[kind].toLocaleString('fr-FR')} |`),
		'| `datapackage.json` | Description Frictionless Data : schéma de chaque fichier (colonnes, types, colonnes obligatoires, clés) | |',
		'',
		'Format : CSV en UTF-8 sans BOM, séparateur virgule, point décimal, dates ISO (`AAAA`, `AAAA-MM` ou `AAAA-MM-JJ`, à la précision de la source),',
		'codes de territoire en texte (`01`, `2A`, `971` : lisez-les comme du texte pour garder le zéro initial). Une valeur qualifiée par la source',
		'(`>`, `approx.`, `pres de`) garde son qualificatif dans la colonne `qualificatif`, jamais dans le nombre.',
		'',
		'Ces fichiers sont au format canonique de Baromètre : `npm run import -- dossier/` les relit tels quels.',
		'',
		'## Licence',
		'',
		`Sauf mention contraire, les données sont diffusées sous ${ETALAB.nom} (${ETALAB.url}).`,
		'',
		`Mention à reprendre : « ${siteAttribution(release)} ».`,
		'',
		otherLicences
			? `${otherLicences} indicateurs ont d’autres conditions de réutilisation, précisées dans la colonne \`licence\` de \`indicateurs.csv\` et de \`sources.csv\` : seuls les chiffres en sont repris.`
			: 'Tous les indicateurs sont sous Licence Ouverte.',
		'',
		'## Sources',
		'',
		'Chaque indicateur nomme son producteur, sa licence, l’adresse de la source et sa date de dernière mise à jour (`indicateurs.csv`) ;',
		`les chiffres repris de documents cités ont leur source propre (\`source_id\`, décrite dans \`sources.csv\` : ${counts.sources.toLocaleString('fr-FR')} sources).`,
		'',
		'| producteur | indicateurs | dernière mise à jour |',
		'|---|---|---|',
		...producers.map((p) => `| ${cell(p.producer)} | ${p.n} | ${p.updated ?? ''} |`),
		'',
		'Territoires : France, régions et départements du code officiel géographique de l’INSEE.',
		'',
		'## Cellules commençant par =, +, -, @',
		'',
		'Pour qu’un tableur n’exécute jamais une cellule comme une formule, une cellule de texte qui commence par `=`, `+`, `-`, `@`, une tabulation',
		'ou un retour chariot est précédée d’une apostrophe (`\'`). Les colonnes numériques (`valeur`, `taux`, `ordre`) ne sont jamais modifiées :',
		'une valeur négative reste `-3`. Seules les cellules de texte concernées (un nom ou une note qui commence par `=`…) reviendraient avec',
		'leur apostrophe si l’on réimportait ces fichiers.',
		'',
		'## Historique des livraisons',
		'',
		'| n° | importée le | mise à jour des sources | lignes lues | insérées | révisées | retirées | inchangées |',
		'|---|---|---|---|---|---|---|---|',
		...releases.map(
			(r) =>
				`| ${r.id} | ${r.importedAt} | ${r.sourceUpdatedAt ?? ''} | ${r.rowsRead} | ${r.inserted} | ${r.revised} | ${r.withdrawn} | ${r.unchanged} |${r.undoes ? ` annule la n° ${r.undoes}` : ''}`
		),
		''
	];
	return lines.join('\n');
}

export interface Bundle {
	bytes: Uint8Array;
	etag: string;
	filename: string;
}

const NO_VINTAGE: Vintage = { livraison: null, au: null, asOf: undefined };

export function buildBundle(client: Database.Database, vintage: Vintage = NO_VINTAGE): Bundle {
	const release = lastRelease(client);
	const tables = bundleTables(client, vintage.asOf);
	const files = {} as Record<CanonicalFile, { header: string[]; bytes: Uint8Array }>;
	for (const kind of BUNDLE_FILES) files[kind] = { header: tables[kind].header, bytes: strToU8(safeTableCsv(kind, tables[kind])) };
	const counts = Object.fromEntries(BUNDLE_FILES.map((k) => [k, tables[k].rows.length])) as Record<CanonicalFile, number>;
	const zippable: Zippable = {};
	for (const kind of BUNDLE_FILES) zippable[`${kind}.csv`] = files[kind].bytes;
	zippable['datapackage.json'] = strToU8(JSON.stringify(dataPackage(files, release), null, 2) + '\n');
	zippable['README.md'] = strToU8(readme(client, counts, release, allReleases(client), vintage));
	const date = release ? new Date(release.importedAt) : new Date(Date.UTC(2020, 0, 1));
	const bytes = zipSync(zippable, { level: 6, mtime: date });
	const day = release ? release.importedAt.slice(0, 10) : 'vide';
	const suffix = vintage.au ? `-au-${vintage.au}` : vintage.livraison ? `-livraison-${vintage.livraison}` : '';
	return { bytes, etag: etagOf(bytes), filename: `barometre-donnees-${day}${suffix}.zip` };
}

/** The archive of the current release (or of a vintage), built on first request. */
export function currentBundle(client: Database.Database, vintage: Vintage = NO_VINTAGE): Bundle {
	const key = vintage.asOf === undefined ? 'export.zip' : `export.zip ${vintage.au ?? ''} ${vintage.asOf}`;
	return memoise(client, key, () => buildBundle(client, vintage));
}
