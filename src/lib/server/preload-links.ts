/**
 * SvelteKit lists a page's modules to preload only in its `Link` header (≈ 4 KB, uncompressed, on
 * every page). A cached page carries them in its <head> instead, as <link rel="modulepreload">: the
 * browser's preload scanner finds them as early, and they compress with the HTML.
 */

/** The `modulepreload` targets of a `Link` header, in order. */
export function modulePreloads(linkHeader: string): string[] {
	const targets: string[] = [];
	for (const match of linkHeader.matchAll(/<([^>]+)>\s*;([^,<]*)/g)) {
		if (/\brel="?modulepreload"?/.test(match[2])) targets.push(match[1]);
	}
	return targets;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `html` with the header's module preloads written just before `</head>` (unchanged without either). */
export function withPreloadsInHead(html: string, linkHeader: string | null): string {
	const targets = linkHeader ? modulePreloads(linkHeader) : [];
	const at = html.indexOf('</head>');
	if (targets.length === 0 || at < 0) return html;
	const tags = targets.map((href) => `<link rel="modulepreload" href="${escapeAttribute(href)}">`).join('\n\t\t');
	return `${html.slice(0, at)}\t${tags}\n\t${html.slice(at)}`;
}
