import { describe, expect, it } from 'vitest';
import { modulePreloads, withPreloadsInHead } from './preload-links';

const HEADER =
	'<./_app/immutable/assets/0.css>; rel="preload"; as="style"; nopush, <./_app/immutable/entry/start.js>; rel="modulepreload"; nopush, <./_app/immutable/chunks/a&b.js>; rel="modulepreload"; nopush';

describe('module preloads moved from the Link header into the head', () => {
	it('keeps the modulepreload targets only, in order (stylesheets are already <link> elements)', () => {
		expect(modulePreloads(HEADER)).toEqual(['./_app/immutable/entry/start.js', './_app/immutable/chunks/a&b.js']);
	});

	it('writes them just before </head>, escaped, and leaves a page without head or preloads as it is', () => {
		const html = '<html><head><title>x</title></head><body></body></html>';
		const out = withPreloadsInHead(html, HEADER);
		expect(out).toContain('<link rel="modulepreload" href="./_app/immutable/entry/start.js">');
		expect(out).toContain('href="./_app/immutable/chunks/a&amp;b.js"');
		expect(out.indexOf('modulepreload')).toBeLessThan(out.indexOf('</head>'));
		expect(out.replace(/\s*<link rel="modulepreload"[^>]*>/g, '').replace(/\s+<\/head>/, '</head>')).toBe(html);
		expect(withPreloadsInHead(html, null)).toBe(html);
		expect(withPreloadsInHead('<p>fragment</p>', HEADER)).toBe('<p>fragment</p>');
	});
});
