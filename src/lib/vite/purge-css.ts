/**
 * Build-time trimming of the DSFR's stylesheets: the core alone is 26 KB compressed, most of it
 * utility classes (`fr-m-3w`, `fr-col-md-4`…) and components the site never uses. A rule is
 * dropped when every one of its selectors names a `fr-` class that appears nowhere in the site's
 * sources; everything else (element styles, custom properties, dark scheme, selectors without
 * `fr-` classes) is kept as is. Conservative by construction: classes inside `:not()`/`:is()`
 * and friends are ignored, so such selectors are kept.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import postcss, { type Root, type Rule } from 'postcss';
import type { Plugin } from 'vite';

const FR_TOKEN = /fr-[A-Za-z0-9_-]+/g;

/** Every `fr-…` token written in the sources (markup, scripts), whatever the context. */
export function usedTokens(texts: Iterable<string>): Set<string> {
	const used = new Set<string>();
	for (const text of texts) for (const token of text.match(FR_TOKEN) ?? []) used.add(token);
	return used;
}

/** The `fr-` classes a selector needs to match, outside functional pseudo-classes. */
export function requiredClasses(selector: string): string[] {
	let depth = 0;
	let outside = '';
	for (const char of selector) {
		if (char === '(') depth++;
		if (depth === 0) outside += char;
		if (char === ')') depth--;
	}
	return [...outside.matchAll(/\.(fr-[A-Za-z0-9_-]+)/g)].map((m) => m[1].replace(/\\/g, ''));
}

/** A token ending in `-` (`'fr-badge--' + kind`) stands for every class it starts. */
function isUsed(name: string, used: Set<string>, prefixes: string[]): boolean {
	return used.has(name) || prefixes.some((p) => name.startsWith(p));
}

/** The stylesheet without the rules no page can match. */
export function purgeCss(css: string, used: Set<string>): string {
	const prefixes = [...used].filter((t) => t.endsWith('-'));
	const root: Root = postcss.parse(css);
	root.walkRules((rule: Rule) => {
		// Keyframe steps (`from`, `50%`) are not selectors.
		if (rule.parent?.type === 'atrule' && /keyframes$/i.test((rule.parent as { name: string }).name)) return;
		const kept = rule.selectors.filter((selector) => requiredClasses(selector).every((name) => isUsed(name, used, prefixes)));
		if (kept.length === 0) rule.remove();
		else if (kept.length < rule.selectors.length) rule.selectors = kept;
	});
	// At-rules left empty (a media query whose rules all went).
	let emptied = true;
	while (emptied) {
		emptied = false;
		root.walkAtRules((at) => {
			if (at.nodes && at.nodes.length === 0) {
				at.remove();
				emptied = true;
			}
		});
	}
	return root.toString();
}

function* sourceTexts(dir: string): Generator<string> {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) yield* sourceTexts(path);
		else if (/\.(svelte|ts|js|html)$/.test(name) && !/\.test\.ts$/.test(name)) yield readFileSync(path, 'utf8');
	}
}

/** Vite plugin (build only): trims `@gouvfr/dsfr/dist/**.css` to the classes `srcDir` uses. */
export function purgeDsfr(srcDir: string): Plugin {
	let used: Set<string> | null = null;
	return {
		name: 'barometre:purge-dsfr',
		apply: 'build',
		enforce: 'pre',
		transform(code, id) {
			if (!/@gouvfr[\\/]dsfr[\\/]dist[\\/].*\.css(\?.*)?$/.test(id)) return null;
			used ??= usedTokens(sourceTexts(srcDir));
			return { code: purgeCss(code, used), map: null };
		}
	};
}
