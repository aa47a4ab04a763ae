/** A revised value says so: revisionsOf on a store with two releases, on the territory page and in its note. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONE_INDICATOR, tmpDir, writeFiles } from '../../../../tests/helpers/tmp';
import NoteRevision from '../../components/indicators/NoteRevision.svelte';
import { importRelease } from '../import/index';
import { undoLatestRelease } from '../import/rollback';
import { territoryPage } from './territory';
import { revisionKey, revisionsOf } from './vintages';

const HEADER = 'indicateur_id,maille,code_territoire,date,valeur\n';
let dir: string;
let client: Database.Database;

beforeAll(async () => {
	dir = tmpDir({ forFile: true });
	writeFiles(dir, {
		'v1/indicateurs.csv': ONE_INDICATOR,
		'v1/valeurs.csv': HEADER + 'T-1,national,FR,2024-01,60.82800000000001\nT-1,region,84,2024-01,9\n',
		'v2/valeurs.csv': HEADER + 'T-1,national,FR,2024-01,60.83\n'
	});
	const db = join(dir, 'store.sqlite');
	await importRelease([join(dir, 'v1')], { dbPath: db, sourceUpdatedAt: '2024-01-15' });
	await importRelease([join(dir, 'v2')], { dbPath: db, sourceUpdatedAt: '2024-06-29' });
	client = new Database(db, { readonly: true });
});
afterAll(() => client?.close());

const point = (territory: string) => {
	const ids = client.prepare("SELECT i.id AS indicatorId, t.id AS territoryId FROM indicators i, territories t WHERE i.code = 'T-1' AND t.code = ?").get(territory) as {
		indicatorId: number;
		territoryId: number;
	};
	return { ...ids, date: '2024-01' };
};

describe('revised values', () => {
	it('revisionsOf gives when a value was revised and what was first published; unrevised values are absent', () => {
		const fr = point('FR');
		const found = revisionsOf(client, [fr, point('R84')]);
		expect([...found.entries()]).toEqual([[revisionKey(fr), { revisedOn: '2024-06-29', releaseId: 2, first: 60.82800000000001 }]]);
	});

	it('the territory page carries the revision of the latest value, and the note reads it in French', () => {
		const page = territoryPage(client, 'national', 'FR')!;
		const line = page.groups[0].policies[0].indicators[0];
		expect(line.revision).toEqual({ revisedOn: '2024-06-29', releaseId: 2, first: 60.82800000000001 });
		expect(territoryPage(client, 'region', 'R84')!.groups[0].policies[0].indicators[0].revision).toBeNull();
		const { body } = render(NoteRevision, { props: { revision: line.revision!, value: line.latest!.value, unit: '%' } });
		const text = body.replace(/<[^>]+>/g, '').replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ').trim();
		expect(text).toBe('révisée le 29 juin 2024 ; publiée d’abord à 60,828 % (historique)');
		expect(body).toContain('href="/donnees/mises-a-jour#livraison-2"');
	});

	it('a value rolled back to the one first published is no longer shown as revised', async () => {
		const copy = join(dir, 'copy.sqlite');
		await client.backup(copy);
		await undoLatestRelease({ dbPath: copy });
		const rolled = new Database(copy, { readonly: true });
		const p = point('FR');
		expect(revisionsOf(rolled, [p]).size).toBe(0);
		rolled.close();
	});
});
