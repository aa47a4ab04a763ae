/** The value spool gives back each indicator's records in the order they came, from memory or from its file. */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ValueSpool, type SpooledValue } from './spool';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Adds `n` records over three interleaved indicators; returns what each indicator should read back. */
function fill(spool: ValueSpool, n: number): Map<number, SpooledValue[]> {
	const expected = new Map<number, SpooledValue[]>();
	for (let i = 0; i < n; i++) {
		const indicator = i % 3;
		const v: SpooledValue = { territoryId: i % 120, dateId: i % 97, value: i / 7, file: i % 2, line: i + 2, qualifier: i % 5 === 0 ? -1 : 0, sourceId: i % 11, note: -1 };
		spool.add(indicator, v.territoryId, v.dateId, v.value, v.file, v.line, v.qualifier, v.sourceId, v.note);
		if (!expected.has(indicator)) expected.set(indicator, []);
		expected.get(indicator)!.push(v);
	}
	return expected;
}

function readBack(spool: ValueSpool, indicator: number): SpooledValue[] {
	const out: SpooledValue[] = [];
	spool.each(indicator, (v) => out.push({ ...v }));
	return out;
}

describe('ValueSpool', () => {
	it('keeps a small release in memory', () => {
		const dir = mkdtempSync(join(tmpdir(), 'spool-test-'));
		dirs.push(dir);
		const spool = new ValueSpool(dir);
		const expected = fill(spool, 5000);
		expect(spool.indicators()).toEqual([0, 1, 2]);
		expect(spool.total).toBe(5000);
		for (const [indicator, values] of expected) expect(readBack(spool, indicator)).toEqual(values);
		expect(spool.spillDir).toBeNull();
		expect(readdirSync(dir)).toEqual([]);
		spool.close();
	});

	it('past its memory bound, writes records to a file beside the store, reads them back in order, and removes the file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'spool-test-'));
		dirs.push(dir);
		// 100 kB in memory at most: 5,000 records of 40 bytes go to disk, in chunks of each indicator.
		const spool = new ValueSpool(dir, 100_000);
		const expected = fill(spool, 5000);
		expect(spool.spillDir).not.toBeNull();
		expect(spool.spillDir!.startsWith(join(dir, '.barometre-import-'))).toBe(true);
		for (const [indicator, values] of expected) expect(readBack(spool, indicator)).toEqual(values);
		expect(spool.count(1)).toBe(expected.get(1)!.length);
		const spilled = spool.spillDir!;
		spool.close();
		expect(existsSync(spilled)).toBe(false);
		expect(readdirSync(dir)).toEqual([]);
	});

	it('tells its listener of every record exactly once, in order, whether it stays in memory or spills to disk', () => {
		for (const maxMemory of [undefined, 100_000]) {
			const dir = mkdtempSync(join(tmpdir(), 'spool-test-'));
			dirs.push(dir);
			const told = new Map<number, number[]>();
			const spool = new ValueSpool(dir, maxMemory, (indicator, bytes, count) => {
				// A record's line is its int32 at offset 5 (spool.ts's layout).
				const i32 = new Int32Array(bytes.buffer, bytes.byteOffset, count * 10);
				const lines = told.get(indicator) ?? [];
				for (let r = 0; r < count; r++) lines.push(i32[r * 10 + 5]);
				told.set(indicator, lines);
			});
			const expected = fill(spool, 5000);
			spool.sealAll();
			for (const [indicator, values] of expected) expect(told.get(indicator)).toEqual(values.map((v) => v.line));
			// Sealed runs still read back.
			for (const [indicator, values] of expected) expect(readBack(spool, indicator)).toEqual(values);
			spool.close();
		}
	});
});
