/**
 * Rendered responses cached per data release: the figures only change when an import runs, so a
 * page is rendered and compressed once, then served from memory until the store changes
 * (`PRAGMA data_version` moves when another connection — the import — commits).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

export interface CachedResponse {
	status: number;
	headers: [string, string][];
	body: Buffer;
	gzip: Buffer | null;
	brotli: Buffer | null;
	etag: string;
}

export class ResponseCache {
	private entries = new Map<string, CachedResponse>();
	private bytes = 0;
	private version: string | number | null = null;

	constructor(
		private readonly maxBytes = 64 * 2 ** 20,
		private readonly maxEntries = 5000
	) {}

	/** Drops everything when the version (store's data_version and the day) changed since the last call. */
	sync(version: string | number): void {
		if (this.version !== version) {
			this.entries.clear();
			this.bytes = 0;
			this.version = version;
		}
	}

	get(key: string): CachedResponse | undefined {
		const hit = this.entries.get(key);
		if (hit) {
			// Map order as recency: move to the end.
			this.entries.delete(key);
			this.entries.set(key, hit);
		}
		return hit;
	}

	/** `compress: false` for bodies already compressed (zip): served as they are. */
	set(key: string, status: number, headers: [string, string][], body: Buffer, { compress = true } = {}): CachedResponse {
		return this.put(key, encodeEntry(status, headers, body, { compress }));
	}

	/** Keeps an entry built elsewhere (a render thread): bodies already compressed. */
	put(key: string, entry: CachedResponse): CachedResponse {
		const { body } = entry;
		const size = body.length + (entry.gzip?.length ?? 0) + (entry.brotli?.length ?? 0);
		if (size > this.maxBytes / 8) return entry;
		const old = this.entries.get(key);
		if (old) this.bytes -= old.body.length + (old.gzip?.length ?? 0) + (old.brotli?.length ?? 0);
		this.entries.delete(key);
		this.entries.set(key, entry);
		this.bytes += size;
		for (const [k, old] of this.entries) {
			if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
			this.entries.delete(k);
			this.bytes -= old.body.length + (old.gzip?.length ?? 0) + (old.brotli?.length ?? 0);
		}
		return entry;
	}
}

/** Status, headers, body and its compressed forms and validator: the costly part, done once per release. */
export function encodeEntry(status: number, headers: [string, string][], body: Buffer, { compress = true } = {}): CachedResponse {
	// Bodies over 1 MB (a release's changes, a large indicator's values) compress at lower levels:
	// brotli 10 is about ten times slower than brotli 5 on such a body, for a few % of size.
	const large = body.length > 1 << 20;
	return {
		status,
		headers,
		body,
		gzip: compress ? gzipSync(body, { level: large ? 6 : 9 }) : null,
		brotli: compress ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: large ? 5 : 10 } }) : null,
		etag: `"${createHash('sha1').update(body).digest('base64url')}"`
	};
}

export type Encoding = 'br' | 'gzip';

/**
 * The best encoding the client accepts (RFC 9110 §12.5.3): brotli, then gzip, each unless its
 * q-value (or that of `*`) is 0; null for the identity body.
 */
export function pickEncoding(acceptEncoding: string | null): Encoding | null {
	const q = new Map<string, number>();
	for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
		const [coding, ...params] = part.split(';').map((p) => p.trim());
		if (!coding) continue;
		const qParam = params.find((p) => p.startsWith('q='));
		const value = qParam ? Number(qParam.slice(2)) : 1;
		q.set(coding === 'x-gzip' ? 'gzip' : coding, Number.isFinite(value) ? value : 0);
	}
	const accepts = (coding: Encoding) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
	if (accepts('br')) return 'br';
	if (accepts('gzip')) return 'gzip';
	return null;
}

/** Each encoding is its own representation with its own validator: `"…"`, `"…-br"`, `"…-gzip"`. */
export function encodedEtag(etag: string, encoding: Encoding | null): string {
	return encoding ? `${etag.slice(0, -1)}-${encoding}"` : etag;
}
