/**
 * The validated values of a release, kept on disk rather than in memory: a release of millions of
 * values is read and checked once, row by row, and each value goes here as a fixed-size binary
 * record (40 bytes), grouped by indicator. The comparison with the store and the write then read
 * the values back one indicator at a time, so that memory stays bounded whatever the file size.
 * Records stay in memory up to 32 MiB (most releases), then go to a temporary file in `dir`,
 * removed by `close()`.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One value as read back (the same object is reused from record to record: copy what you keep). */
export interface SpooledValue {
	/** Store id of the territory (see territoryIds). */
	territoryId: number;
	/** Release-wide id of the date text (see ValueSpool's user). */
	dateId: number;
	value: number;
	file: number;
	line: number;
	/** Annotations: -1 when the file has no such column (the stored one is kept), 0 empty, else a text id. */
	qualifier: number;
	sourceId: number;
	note: number;
}

const RECORD_BYTES = 40;
const F64_PER_RECORD = RECORD_BYTES / 8;
const I32_PER_RECORD = RECORD_BYTES / 4;
/** Records buffered per indicator before they are appended to the file. */
const BUFFER_RECORDS = 1024;
/** Past this many bytes held in memory, every chunk goes to the file. */
const MAX_MEMORY_BYTES = 32 << 20;

interface Buffered {
	bytes: Buffer;
	f64: Float64Array;
	i32: Int32Array;
	count: number;
}

/** A full buffer: still in memory (`bytes`), or written to the file at `offset`. */
interface Chunk {
	bytes: Buffer | null;
	offset: number;
	count: number;
}

interface IndicatorSpool {
	chunks: Chunk[];
	buffer: Buffered | null;
	total: number;
}

function view(bytes: Buffer): Buffered {
	return { bytes, f64: new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8), i32: new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4), count: 0 };
}

/** Not from Buffer's shared pool: typed-array views need an 8-byte-aligned offset of their own. */
const newBuffer = () => view(Buffer.alloc(BUFFER_RECORDS * RECORD_BYTES));

export class ValueSpool {
	private readonly byIndicator = new Map<number, IndicatorSpool>();
	private tempDir: string | null = null;
	private fd: number | null = null;
	private end = 0;
	/** Bytes of records held in memory (buffers and chunks not written out). */
	private held = 0;

	/**
	 * `onSealed`: told of each run of records once it is complete (the bytes stay the spool's: copy
	 * them to keep them). Every record is told exactly once: when its buffer fills, when the spool
	 * spills to disk, or at `sealAll()`.
	 */
	constructor(
		private readonly dir = tmpdir(),
		private readonly maxMemory = MAX_MEMORY_BYTES,
		private readonly onSealed?: (indicatorKey: number, bytes: Uint8Array, count: number) => void
	) {}

	/** The temporary folder, once records went to disk. */
	get spillDir(): string | null {
		return this.tempDir;
	}

	/** Indicator keys in the order their first value came. */
	indicators(): number[] {
		return [...this.byIndicator.keys()];
	}

	count(indicatorKey: number): number {
		return this.byIndicator.get(indicatorKey)?.total ?? 0;
	}

	get total(): number {
		let n = 0;
		for (const s of this.byIndicator.values()) n += s.total;
		return n;
	}

	add(indicatorKey: number, territoryId: number, dateId: number, value: number, file: number, line: number, qualifier: number, sourceId: number, note: number): void {
		let spool = this.byIndicator.get(indicatorKey);
		if (!spool) this.byIndicator.set(indicatorKey, (spool = { chunks: [], buffer: null, total: 0 }));
		let buffer = spool.buffer;
		if (!buffer) {
			buffer = spool.buffer = newBuffer();
			this.held += buffer.bytes.length;
		}
		const r = buffer.count++;
		buffer.f64[r * F64_PER_RECORD] = value;
		const o = r * I32_PER_RECORD;
		const i32 = buffer.i32;
		i32[o + 2] = territoryId;
		i32[o + 3] = dateId;
		i32[o + 4] = file;
		i32[o + 5] = line;
		i32[o + 6] = qualifier;
		i32[o + 7] = sourceId;
		i32[o + 8] = note;
		spool.total++;
		if (buffer.count === BUFFER_RECORDS) this.seal(indicatorKey, spool);
		if (this.held > this.maxMemory) this.writeOut();
	}

	/** The indicator's partial buffer becomes a chunk (its records are complete). */
	private seal(indicatorKey: number, spool: IndicatorSpool): void {
		const buffer = spool.buffer;
		if (!buffer) return;
		spool.chunks.push({ bytes: buffer.bytes, offset: 0, count: buffer.count });
		spool.buffer = null;
		this.onSealed?.(indicatorKey, buffer.bytes.subarray(0, buffer.count * RECORD_BYTES), buffer.count);
	}

	/** Seals every partial buffer: after the last `add`, so that `onSealed` has been told of every record. */
	sealAll(): void {
		for (const [key, spool] of this.byIndicator) this.seal(key, spool);
	}

	/** Moves every record held in memory to the file (partial buffers become chunks too). */
	private writeOut(): void {
		if (this.fd === null) {
			this.tempDir = mkdtempSync(join(this.dir, '.barometre-import-'));
			this.fd = openSync(join(this.tempDir, 'values.bin'), 'w+');
		}
		for (const [key, spool] of this.byIndicator) {
			this.seal(key, spool);
			for (const chunk of spool.chunks) {
				if (!chunk.bytes) continue;
				const length = chunk.count * RECORD_BYTES;
				writeSync(this.fd, chunk.bytes, 0, length, this.end);
				chunk.offset = this.end;
				chunk.bytes = null;
				this.end += length;
			}
		}
		this.held = 0;
	}

	/** Calls `fn` with each value of one indicator, in the order they were added. */
	each(indicatorKey: number, fn: (v: SpooledValue) => void): void {
		const spool = this.byIndicator.get(indicatorKey);
		if (!spool) return;
		const out: SpooledValue = { territoryId: 0, dateId: 0, value: 0, file: 0, line: 0, qualifier: 0, sourceId: 0, note: 0 };
		const emit = (b: Buffered, count: number) => {
			const { f64, i32 } = b;
			for (let r = 0; r < count; r++) {
				out.value = f64[r * F64_PER_RECORD];
				const o = r * I32_PER_RECORD;
				out.territoryId = i32[o + 2];
				out.dateId = i32[o + 3];
				out.file = i32[o + 4];
				out.line = i32[o + 5];
				out.qualifier = i32[o + 6];
				out.sourceId = i32[o + 7];
				out.note = i32[o + 8];
				fn(out);
			}
		};
		let read: Buffered | null = null;
		for (const chunk of spool.chunks) {
			if (chunk.bytes) {
				emit(view(chunk.bytes), chunk.count);
				continue;
			}
			read ??= newBuffer();
			readSync(this.fd!, read.bytes, 0, chunk.count * RECORD_BYTES, chunk.offset);
			emit(read, chunk.count);
		}
		if (spool.buffer) emit(spool.buffer, spool.buffer.count);
	}

	/** Removes the temporary file. */
	close(): void {
		if (this.fd !== null) closeSync(this.fd);
		if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
		this.fd = null;
		this.tempDir = null;
	}
}
