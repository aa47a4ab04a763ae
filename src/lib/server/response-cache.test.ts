import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodedEtag, pickEncoding, ResponseCache } from './response-cache';

describe('ResponseCache', () => {
	it('keeps compressed copies that decompress to the page, until the store version changes', () => {
		const cache = new ResponseCache();
		cache.sync(1);
		const body = Buffer.from('<p>82,02 %</p>'.repeat(100));
		const entry = cache.set('/?a=1', 200, [['content-type', 'text/html']], body);
		expect(gunzipSync(entry.gzip!).equals(body)).toBe(true);
		expect(brotliDecompressSync(entry.brotli!).equals(body)).toBe(true);
		expect(cache.get('/?a=1')?.etag).toBe(entry.etag);
		cache.sync(1);
		expect(cache.get('/?a=1')).toBeDefined();
		cache.sync(2); // an import committed
		expect(cache.get('/?a=1')).toBeUndefined();
	});

	it('keeps an already-compressed body (zip) as it is', () => {
		const cache = new ResponseCache();
		cache.sync(1);
		const entry = cache.set('/export.zip', 200, [['content-type', 'application/zip']], Buffer.from('PK\x03\x04'), { compress: false });
		expect(entry.gzip).toBeNull();
		expect(entry.brotli).toBeNull();
		expect(cache.get('/export.zip')?.body.toString('latin1')).toBe('PK\x03\x04');
	});

	it('evicts the least recently used entries beyond its budget', () => {
		const cache = new ResponseCache(1e9, 2);
		cache.sync(1);
		cache.set('/a', 200, [], Buffer.from('a'));
		cache.set('/b', 200, [], Buffer.from('b'));
		cache.get('/a');
		cache.set('/c', 200, [], Buffer.from('c'));
		expect(cache.get('/b')).toBeUndefined();
		expect(cache.get('/a')).toBeDefined();
		expect(cache.get('/c')).toBeDefined();
	});

	it('prefers brotli, then gzip', () => {
		expect(pickEncoding('gzip, deflate, br')).toBe('br');
		expect(pickEncoding('gzip')).toBe('gzip');
		expect(pickEncoding(null)).toBeNull();
	});

	it('honours q-values: a refused coding (q=0, or * at 0) is never sent', () => {
		expect(pickEncoding('br;q=0, gzip;q=0')).toBeNull();
		expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
		expect(pickEncoding('gzip;q=0.5, br;q=0.000')).toBe('gzip');
		expect(pickEncoding('*')).toBe('br');
		expect(pickEncoding('gzip, *;q=0')).toBe('gzip');
		expect(pickEncoding('identity')).toBeNull();
		expect(pickEncoding('BR;Q=1')).toBe('br');
		expect(pickEncoding('deflate, x-gzip')).toBe('gzip');
	});

	it('gives each encoding its own ETag', () => {
		expect(encodedEtag('"abc"', null)).toBe('"abc"');
		expect(encodedEtag('"abc"', 'br')).toBe('"abc-br"');
		expect(encodedEtag('"abc"', 'gzip')).toBe('"abc-gzip"');
	});
});
