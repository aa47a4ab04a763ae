import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGIN, publicUrl, siteOrigin } from './origin';

describe('siteOrigin', () => {
	it('is the configured ORIGIN, reduced to its origin, with a local default', () => {
		expect(siteOrigin('https://barometre.example.fr/')).toBe('https://barometre.example.fr');
		expect(siteOrigin(undefined)).toBe(DEFAULT_ORIGIN);
		expect(() => siteOrigin('ftp://x')).toThrow(/ORIGIN/);
	});
	it('keeps the path and query of a request, never its host', () => {
		expect(publicUrl('http://evil.example/api/v1/x.xlsx?maille=region').href).toBe(`${siteOrigin()}/api/v1/x.xlsx?maille=region`);
	});
});
