/**
 * The full-text index of the site's search (policies, indicators, themes, programme pages): an
 * SQLite FTS5 table rebuilt from the store after each applied release, inside its transaction,
 * so the index always describes the figures that are in the store. Derived data: not in
 * db/schema.ts (drizzle-kit does not know FTS5 tables) and rebuilt whole (a few hundred rows).
 *
 * Columns: `kind`, `ref` (id or code), `label` and `detail` (what a result shows) are stored, not
 * searched; `title` and `body` hold the stems of the name and of the descriptions
 * (`$lib/search-words`), tokenised by `unicode61 remove_diacritics 2`.
 */
import type Database from 'better-sqlite3';
import { PROGRAMME_PAGE_TEXTS } from '../../programme-pages';
import { stems } from '../../search-words';

export const SEARCH_TABLE = 'search_fts';

export type SearchKind = 'politique' | 'indicateur' | 'theme' | 'programme';

interface Entry {
	kind: SearchKind;
	ref: string;
	label: string;
	detail: string | null;
	title: string;
	body: string;
}

const words = (...texts: (string | null | undefined)[]) => stems(texts.filter(Boolean).join(' ')).join(' ');

export function rebuildSearchIndex(client: Database.Database): number {
	client.exec(`DROP TABLE IF EXISTS ${SEARCH_TABLE}`);
	client.exec(
		`CREATE VIRTUAL TABLE ${SEARCH_TABLE} USING fts5(kind UNINDEXED, ref UNINDEXED, label UNINDEXED, detail UNINDEXED, title, body, tokenize = "unicode61 remove_diacritics 2")`
	);
	const entries: Entry[] = [];
	const policies = client
		.prepare(
			`SELECT p.id, p.name, p.axis, f.name AS family, th.name AS theme,
			   (SELECT group_concat(i.name, ' ') FROM indicators i WHERE i.policy_id = p.id) AS indicators
			 FROM policies p JOIN families f ON f.id = p.family_id LEFT JOIN themes th ON th.id = p.theme_id
			 WHERE EXISTS (SELECT 1 FROM indicators i WHERE i.policy_id = p.id)`
		)
		.all() as { id: string; name: string; axis: string | null; family: string; theme: string | null; indicators: string | null }[];
	for (const p of policies)
		entries.push({ kind: 'politique', ref: p.id, label: p.name, detail: p.family, title: words(p.name), body: words(p.axis, p.theme, p.indicators) });
	const indicators = client
		.prepare(
			`SELECT i.code, i.name, i.description, i.unit_label AS unitLabel, p.name AS policy, th.name AS theme
			 FROM indicators i JOIN policies p ON p.id = i.policy_id LEFT JOIN themes th ON th.id = coalesce(i.theme_id, p.theme_id)`
		)
		.all() as { code: string; name: string; description: string | null; unitLabel: string | null; policy: string; theme: string | null }[];
	for (const i of indicators)
		entries.push({ kind: 'indicateur', ref: i.code, label: i.name, detail: i.policy, title: words(i.name), body: words(i.description, i.unitLabel, i.policy, i.theme) });
	const themes = client
		.prepare(
			`SELECT th.id, th.name, (SELECT count(*) FROM indicators i JOIN policies p ON p.id = i.policy_id WHERE coalesce(i.theme_id, p.theme_id) = th.id) AS n
			 FROM themes th`
		)
		.all() as { id: string; name: string; n: number }[];
	for (const t of themes.filter((t) => t.n > 0))
		entries.push({ kind: 'theme', ref: t.id, label: t.name, detail: `${t.n} indicateur${t.n > 1 ? 's' : ''}`, title: words(t.name), body: '' });
	for (const page of PROGRAMME_PAGE_TEXTS)
		entries.push({ kind: 'programme', ref: page.slug, label: page.title, detail: 'Programme de la DITP', title: words(page.title), body: words(page.text) });
	const insert = client.prepare(`INSERT INTO ${SEARCH_TABLE} (kind, ref, label, detail, title, body) VALUES (?, ?, ?, ?, ?, ?)`);
	for (const e of entries) insert.run(e.kind, e.ref, e.label, e.detail, e.title, e.body);
	return entries.length;
}
