/**
 * The store: one generic model for every family of figures (reform baromètre, priority policies,
 * labs, budgets, complexity, Services Publics+), so that maps, charts, comparisons and downloads
 * work the same for all of them. Migrations are generated from this file by drizzle-kit.
 */
import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	text,
	integer,
	real,
	primaryKey,
	index,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';

/** Key/value facts about the store itself (COG year of the territories, schema notes). */
export const meta = sqliteTable('meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

/** France, the régions and the départements (INSEE COG), with population for per-inhabitant views. */
export const territories = sqliteTable(
	'territories',
	{
		id: integer('id').primaryKey(),
		/** Public id used in URLs and the API: `FR`, `R84`, `D2A`. */
		code: text('code').notNull().unique(),
		level: text('level', { enum: ['national', 'region', 'departement'] }).notNull(),
		/** INSEE code as published: `FR`, `84`, `2A`, `971`. */
		inseeCode: text('insee_code').notNull(),
		name: text('name').notNull(),
		/** Public id of the parent: the région of a département, `FR` for a région. */
		parentCode: text('parent_code'),
		population: integer('population'),
		/** Chef-lieu commune code (préfecture). */
		chefLieu: text('chef_lieu'),
		cogYear: integer('cog_year').notNull()
	},
	(t) => [uniqueIndex('territories_level_insee').on(t.level, t.inseeCode)]
);

/** Families of figures (baromètre 2017–2022, politiques prioritaires, laboratoires…). */
export const families = sqliteTable('families', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	sortOrder: integer('sort_order').notNull().default(0)
});

export const themes = sqliteTable('themes', {
	id: text('id').primaryKey(),
	name: text('name').notNull()
});

/** Policies (chantiers, OVQ) or programmes, each in one family. */
export const policies = sqliteTable(
	'policies',
	{
		id: text('id').primaryKey(),
		familyId: text('family_id')
			.notNull()
			.references(() => families.id),
		themeId: text('theme_id').references(() => themes.id),
		name: text('name').notNull(),
		/** Axis or engagement the policy belongs to, where the source gives one. */
		axis: text('axis')
	},
	(t) => [index('policies_family').on(t.familyId)]
);

/** Detailed sources cited by indicators, values and entities. */
export const sources = sqliteTable('sources', {
	id: text('id').primaryKey(),
	producer: text('producer').notNull(),
	title: text('title').notNull(),
	url: text('url'),
	/** Free text as the file gives it; shown only for a source without `licenceId` (older files). */
	licence: text('licence').notNull(),
	/** `etalab-2.0`, `droit-auteur`, `inconnue` (src/lib/source-text.ts words them); null when the file does not say. */
	licenceId: text('licence_id'),
	/** Whether the licence was read in the source itself; null when the file does not say. */
	licenceVerified: integer('licence_verified', { mode: 'boolean' }),
	/** Date of publication or last update; null: the source is undated. */
	updatedAt: text('updated_at'),
	note: text('note')
});

export const indicators = sqliteTable(
	'indicators',
	{
		id: integer('id').primaryKey(),
		/** Public id: `IND-200`, `nb-morts-routes`. */
		code: text('code').notNull().unique(),
		policyId: text('policy_id')
			.notNull()
			.references(() => policies.id),
		/** The indicator's own theme (a policy's indicators may span several); the policy's otherwise. */
		themeId: text('theme_id').references(() => themes.id),
		name: text('name').notNull(),
		description: text('description'),
		unit: text('unit').notNull(),
		unitLabel: text('unit_label'),
		/** Direction of progress: `hausse` (higher is better), `baisse`, `neutre`. */
		direction: text('direction', { enum: ['hausse', 'baisse', 'neutre'] }).notNull(),
		cumulative: integer('cumulative', { mode: 'boolean' }).notNull().default(false),
		frequency: text('frequency'),
		producer: text('producer').notNull(),
		licence: text('licence').notNull(),
		sourceUrl: text('source_url'),
		/** Date of last update of the source (not of our import). */
		sourceUpdatedAt: text('source_updated_at'),
		sourceIds: text('source_ids'),
		note: text('note'),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [index('indicators_policy').on(t.policyId)]
);

/** Each import of a release of figures. */
export const releases = sqliteTable('releases', {
	id: integer('id').primaryKey(),
	importedAt: text('imported_at').notNull(),
	/** JSON: [{ path, sha256, format, kind, rows }]. */
	files: text('files').notNull(),
	rowsRead: integer('rows_read').notNull(),
	inserted: integer('inserted').notNull(),
	revised: integer('revised').notNull(),
	unchanged: integer('unchanged').notNull(),
	/** Latest "date of last update" among the sources of this release, when known. */
	sourceUpdatedAt: text('source_updated_at'),
	note: text('note'),
	/** Values this release withdrew (a complete snapshot no longer carrying them, or a rollback). */
	withdrawn: integer('withdrawn').notNull().default(0),
	/** Rows read that carried no measurement and were skipped. */
	skipped: integer('skipped').notNull().default(0),
	/** Set on a rollback (`npm run import -- --annuler`): the release it undid. */
	undoes: integer('undoes')
});

/** indicator × territory × date → value. Revisions replace the value and are counted. */
export const observations = sqliteTable(
	'observations',
	{
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicators.id),
		territoryId: integer('territory_id')
			.notNull()
			.references(() => territories.id),
		/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` at the source's precision; '' when the source gives no date. */
		date: text('date').notNull(),
		value: real('value').notNull(),
		/** The source's own reservation on the figure: `>`, `approx.`, `pres de`… */
		qualifier: text('qualifier'),
		sourceId: text('source_id'),
		note: text('note'),
		releaseId: integer('release_id')
			.notNull()
			.references(() => releases.id),
		revisions: integer('revisions').notNull().default(0)
	},
	// Stored WITHOUT ROWID (custom migration 0001): the primary key is the table, one B-tree to write.
	// Per-territory reads use the key with skip-scan over the few hundred indicators.
	(t) => [primaryKey({ columns: [t.indicatorId, t.territoryId, t.date] })]
);

/**
 * Every superseded vintage of a value (the model of ALFRED, the archival FRED): the value as
 * `release_id` published it, until release `replaced_by` revised or withdrew it. The current
 * vintage stays in `observations`; a value as it stood right after release N is the current row
 * if `release_id <= N`, else the history row with `release_id <= N < replaced_by`.
 */
export const observationHistory = sqliteTable(
	'observation_history',
	{
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicators.id),
		territoryId: integer('territory_id')
			.notNull()
			.references(() => territories.id),
		date: text('date').notNull(),
		value: real('value').notNull(),
		qualifier: text('qualifier'),
		sourceId: text('source_id'),
		note: text('note'),
		/** The release that published this vintage. */
		releaseId: integer('release_id')
			.notNull()
			.references(() => releases.id),
		/** The release that revised or withdrew it. */
		replacedBy: integer('replaced_by')
			.notNull()
			.references(() => releases.id)
	},
	// Stored WITHOUT ROWID (custom migration 0007), like observations. The vintages a release
	// published and were later replaced are found through `replaced_by` (> that release), so no
	// index on `release_id`: each revision writes two B-trees, not four.
	(t) => [primaryKey({ columns: [t.indicatorId, t.territoryId, t.date, t.releaseId] }), index('observation_history_replaced_by').on(t.replacedBy)]
);

/**
 * Old → new pairs logged before vintages were kept (migration 0003), which history cannot give
 * back. No longer written: since 0003 a release's pairs are its `observation_history` rows
 * (`replaced_by`) and the values it published (queries/vintages.ts); migration 0005 removed the
 * copies. Kept so those early pairs are not lost.
 */
export const revisions = sqliteTable(
	'revisions',
	{
		id: integer('id').primaryKey(),
		releaseId: integer('release_id')
			.notNull()
			.references(() => releases.id),
		indicatorId: integer('indicator_id').notNull(),
		territoryId: integer('territory_id').notNull(),
		date: text('date').notNull(),
		oldValue: real('old_value').notNull(),
		newValue: real('new_value').notNull()
	},
	(t) => [index('revisions_release').on(t.releaseId)]
);

/** Baselines (`initiale`) and targets (`cible`, possibly several: annual milestones and a final one). */
export const targets = sqliteTable(
	'targets',
	{
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicators.id),
		territoryId: integer('territory_id')
			.notNull()
			.references(() => territories.id),
		kind: text('kind', { enum: ['initiale', 'cible'] }).notNull(),
		date: text('date').notNull(),
		value: real('value').notNull(),
		qualifier: text('qualifier'),
		sourceId: text('source_id'),
		note: text('note'),
		releaseId: integer('release_id')
			.notNull()
			.references(() => releases.id)
	},
	(t) => [primaryKey({ columns: [t.indicatorId, t.territoryId, t.kind, t.date] })]
);

/** Progress rates as published by the source (DITP `indic_ta`), kept to check our own computation. */
export const publishedRates = sqliteTable(
	'published_rates',
	{
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicators.id),
		territoryId: integer('territory_id')
			.notNull()
			.references(() => territories.id),
		date: text('date').notNull(),
		rate: real('rate').notNull(),
		releaseId: integer('release_id')
			.notNull()
			.references(() => releases.id)
	},
	(t) => [primaryKey({ columns: [t.indicatorId, t.territoryId, t.date] })]
);

/** List entities that are not time series: labs, funded projects, survey waves. */
export const entities = sqliteTable(
	'entities',
	{
		id: text('id').primaryKey(),
		kind: text('kind').notNull(),
		name: text('name').notNull(),
		territoryId: integer('territory_id').references(() => territories.id),
		date: text('date'),
		/** JSON object of the kind's own attributes, as published. */
		attributes: text('attributes').notNull().default(sql`'{}'`),
		sourceIds: text('source_ids'),
		releaseId: integer('release_id')
			.notNull()
			.references(() => releases.id)
	},
	(t) => [index('entities_kind').on(t.kind)]
);
