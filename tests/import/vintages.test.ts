/** Every vintage kept: revisions and withdrawals keep the old value in history, with its releases. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRelease } from '../../src/lib/server/import/index';
import { formatReport } from '../../src/lib/server/import/report';
import { ARTEFACT, RELEASE_DATES, REVISED, twoDitpReleases } from '../helpers/ditp-release';
import { ONE_INDICATOR, query, storeState, tmpDir, writeFiles } from '../helpers/tmp';

const HEADER = 'indicateur_id,maille,code_territoire,date,valeur\n';

async function twoReleases() {
	const dir = tmpDir();
	const releases = twoDitpReleases(dir);
	const db = join(dir, 'store.sqlite');
	const first = await importRelease([releases.first], { dbPath: db, sourceUpdatedAt: RELEASE_DATES[0] });
	expect(first.ok && first.releaseId).toBe(1);
	return { dir, db, ...releases };
}

const pointValue = (db: string, table: string, p: { indicator: string; code: string; level: string; date: string }, extra = '') =>
	query(
		db,
		`SELECT h.value, h.release_id ${table === 'observation_history' ? ', h.replaced_by' : ''} FROM ${table} h JOIN indicators i ON i.id = h.indicator_id
		 JOIN territories t ON t.id = h.territory_id WHERE i.code = ? AND t.level = ? AND t.insee_code = ? AND h.date = ? ${extra}`,
		p.indicator,
		p.level,
		p.code,
		p.date
	);

describe('vintages of values', () => {
	it('an official release revises, adds and withdraws; every replaced value stays in history with its releases', async () => {
		const { db, second, withdrawn } = await twoReleases();
		expect(query(db, 'SELECT count(*) AS n FROM observation_history')).toEqual([{ n: 0 }]);
		expect(pointValue(db, 'observations', ARTEFACT)).toEqual([{ value: 60.82800000000001, release_id: 1 }]);
		const before = query<{ n: number }>(db, 'SELECT count(*) AS n FROM observations')[0].n;

		const report = await importRelease([second], { dbPath: db, sourceUpdatedAt: RELEASE_DATES[1] });
		expect(report.ok).toBe(true);
		if (!report.ok) return;
		expect(report.releaseId).toBe(2);
		expect(report.values).toMatchObject({ inserted: 120, revised: 2 });
		expect(report.withdrawn).toBe(100);
		expect(report.indicators.find((s) => s.code === 'IND-200')).toMatchObject({ withdrawn: 100, revised: 1 });
		expect(report.indicators.find((s) => s.code === 'IND-296')).toMatchObject({ withdrawn: 0, revised: 1 });

		// Current values: the new vintage; the old one in history, published by 1, replaced by 2.
		expect(pointValue(db, 'observations', ARTEFACT)).toEqual([{ value: 60.83, release_id: 2 }]);
		expect(pointValue(db, 'observation_history', ARTEFACT)).toEqual([{ value: 60.82800000000001, release_id: 1, replaced_by: 2 }]);
		expect(pointValue(db, 'observations', REVISED)).toEqual([{ value: 4.4, release_id: 2 }]);
		expect(pointValue(db, 'observation_history', REVISED)).toEqual([{ value: 4.3, release_id: 1, replaced_by: 2 }]);
		// Withdrawn: no longer current, kept in history as release 1 published them.
		const gone = withdrawn[0];
		expect(pointValue(db, 'observations', gone)).toEqual([]);
		expect(pointValue(db, 'observation_history', gone)).toEqual([{ value: Number(gone.value), release_id: 1, replaced_by: 2 }]);
		expect(query(db, 'SELECT count(*) AS n FROM observation_history WHERE replaced_by = 2')).toEqual([{ n: 102 }]);
		expect(query(db, 'SELECT count(*) AS n FROM observations')).toEqual([{ n: before + 120 - 100 }]);
		expect(query(db, 'SELECT id, inserted, revised, withdrawn, skipped, source_updated_at FROM releases ORDER BY id')).toEqual([
			{ id: 1, inserted: before, revised: 0, withdrawn: 0, skipped: 0, source_updated_at: RELEASE_DATES[0] },
			{ id: 2, inserted: 120, revised: 2, withdrawn: 100, skipped: 1, source_updated_at: RELEASE_DATES[1] }
		]);

		// The summary lists the withdrawals.
		const { text } = formatReport(report);
		expect(text).toContain('valeurs retirées : 100 (absentes de la livraison complète');
		expect(text).toMatch(new RegExp(`retrait D\\w+ 2023-01-01 : `));
	});

	it('the store grows with revisions only: re-importing a release adds no vintage and no release', async () => {
		const { db, first, second } = await twoReleases();
		await importRelease([second], { dbPath: db, sourceUpdatedAt: RELEASE_DATES[1] });
		const state = storeState(db);
		const history = query(db, 'SELECT * FROM observation_history ORDER BY 1, 2, 3, 8');
		const again = await importRelease([second], { dbPath: db, sourceUpdatedAt: RELEASE_DATES[1] });
		expect(again.ok && again.releaseId).toBeNull();
		expect(again.ok && again.withdrawn).toBe(0);
		expect(storeState(db)).toEqual(state);
		expect(query(db, 'SELECT * FROM observation_history ORDER BY 1, 2, 3, 8')).toEqual(history);
		// Going back to the first release's files is a release of its own: the 2 revisions revert
		// (2 more vintages), the 120 added values are withdrawn, the 100 withdrawn ones come back.
		const back = await importRelease([first], { dbPath: db, sourceUpdatedAt: RELEASE_DATES[0] });
		expect(back.ok && [back.values.inserted, back.values.revised, back.withdrawn]).toEqual([100, 2, 120]);
		expect(query(db, 'SELECT count(*) AS n FROM observation_history')).toEqual([{ n: 102 + 122 }]);
		expect(pointValue(db, 'observations', ARTEFACT)).toEqual([{ value: 60.82800000000001, release_id: 3 }]);
	});

	it('a dry run reports the withdrawals and writes nothing', async () => {
		const { db, second } = await twoReleases();
		const state = storeState(db);
		const report = await importRelease([second], { dbPath: db, dryRun: true });
		expect(report.ok && report.withdrawn).toBe(100);
		expect(storeState(db)).toEqual(state);
		expect(query(db, 'SELECT count(*) AS n FROM observation_history')).toEqual([{ n: 0 }]);
	});

	it('canonical files are partial unless complete is asked (--complet)', async () => {
		const dir = tmpDir();
		writeFiles(dir, {
			'v1/indicateurs.csv': ONE_INDICATOR,
			'v1/valeurs.csv': HEADER + 'T-1,national,FR,2024-01,10\nT-1,national,FR,2024-02,11\nT-1,region,84,2024-01,9\n',
			'v2/valeurs.csv': HEADER + 'T-1,national,FR,2024-02,11.5\n'
		});
		const db = join(dir, 'store.sqlite');
		await importRelease([join(dir, 'v1')], { dbPath: db });
		const partial = await importRelease([join(dir, 'v2')], { dbPath: db, dryRun: true });
		expect(partial.ok && [partial.values.revised, partial.withdrawn]).toEqual([1, 0]);
		const complete = await importRelease([join(dir, 'v2')], { dbPath: db, complete: true });
		expect(complete.ok && [complete.values.revised, complete.withdrawn]).toEqual([1, 2]);
		expect(query(db, 'SELECT date, value, release_id FROM observations')).toEqual([{ date: '2024-02', value: 11.5, release_id: 2 }]);
		expect(query(db, 'SELECT territory_id, date, value, release_id, replaced_by FROM observation_history ORDER BY territory_id, date')).toEqual([
			{ territory_id: 1, date: '2024-01', value: 10, release_id: 1, replaced_by: 2 },
			{ territory_id: 1, date: '2024-02', value: 11, release_id: 1, replaced_by: 2 },
			{ territory_id: expect.any(Number), date: '2024-01', value: 9, release_id: 1, replaced_by: 2 }
		]);
	});
});
