/**
 * The progress rule reproduces every rate the DITP published (indic_ta of the official files,
 * kept in the seed as avancements.csv): same baseline, value at the rate's date, final target.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../src/lib/server/import/seed';
import { pickTarget, progressRate, type Direction } from '../../src/lib/progress';
import { query, tmpDir } from '../helpers/tmp';

describe('published progress rates (DITP indic_ta)', () => {
	let db: string;
	beforeAll(async () => {
		db = join(tmpDir({ forFile: true }), 'seed.sqlite');
		expect((await seedStore(db)).ok).toBe(true);
	}, 120_000);

	it('every published rate is reproduced within rounding', () => {
		const rates = query<{ ind: number; terr: number; date: string; rate: number; direction: Direction; code: string; territory: string }>(
			db,
			`SELECT r.indicator_id AS ind, r.territory_id AS terr, r.date, r.rate, i.direction, i.code, t.code AS territory
			 FROM published_rates r JOIN indicators i ON i.id = r.indicator_id JOIN territories t ON t.id = r.territory_id`
		);
		expect(rates.length).toBe(6881);
		const targets = new Map<string, { kind: string; date: string; value: number }[]>();
		for (const t of query<{ ind: number; terr: number; kind: string; date: string; value: number }>(db, 'SELECT indicator_id AS ind, territory_id AS terr, kind, date, value FROM targets')) {
			const key = `${t.ind}|${t.terr}`;
			if (!targets.has(key)) targets.set(key, []);
			targets.get(key)!.push(t);
		}
		const valueAt = new Map(
			query<{ ind: number; terr: number; date: string; value: number }>(db, 'SELECT indicator_id AS ind, territory_id AS terr, date, value FROM observations').map((o) => [
				`${o.ind}|${o.terr}|${o.date}`,
				o.value
			])
		);
		const mismatches: string[] = [];
		for (const r of rates) {
			const records = targets.get(`${r.ind}|${r.terr}`) ?? [];
			const baseline = records.filter((t) => t.kind === 'initiale').sort((a, b) => (a.date < b.date ? -1 : 1))[0];
			const { final } = pickTarget(records.filter((t) => t.kind === 'cible'));
			const computed = progressRate({ initial: baseline?.value, current: valueAt.get(`${r.ind}|${r.terr}|${r.date}`), target: final?.value, direction: r.direction });
			if (computed === null || Math.abs(computed - r.rate) > 0.006) mismatches.push(`${r.code} ${r.territory} ${r.date}: publié ${r.rate}, calculé ${computed}`);
		}
		expect(mismatches.slice(0, 10)).toEqual([]);
	});
});
