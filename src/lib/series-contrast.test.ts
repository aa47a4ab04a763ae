/**
 * Every chart series colour keeps at least 3:1 against the page background (WCAG 1.4.11, non-text
 * contrast) in the light and the dark scheme, with the DSFR's own token values: the stylesheets
 * the site loads are read as they are, and each `var()` resolved per scheme.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex } from './contrast';

const require = createRequire(import.meta.url);
const sheets = [
	require.resolve('@gouvfr/dsfr/dist/core/core.css'),
	require.resolve('@gouvfr/dsfr/dist/scheme/scheme.css'),
	new URL('./theme.css', import.meta.url),
	new URL('./components/programmes/programmes.css', import.meta.url)
].map((file) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''));

type Scheme = 'light' | 'dark';

/** Custom properties of `:root` (light) and `:root[data-fr-theme=dark]` (dark, over light), in load order. */
function customProperties(scheme: Scheme): Map<string, string> {
	const props = new Map<string, string>();
	const wanted = scheme === 'light' ? [':root'] : [':root', ":root[data-fr-theme='dark']"];
	for (const pass of wanted)
		for (const css of sheets)
			for (const [, selector, body] of css.matchAll(/([^{};]+)\{([^{}]*)\}/g)) {
				if (selector.trim().replace(/"/g, "'").replace("=dark]", "='dark']") !== pass) continue;
				for (const [, name, value] of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) props.set(name, value.trim());
			}
	return props;
}

/** `var(--a, var(--b, #fff))` → a hex colour, through the scheme's properties. */
function resolve(value: string, props: Map<string, string>, depth = 0): string {
	if (depth > 20) throw new Error(`var() loop at ${value}`);
	const match = /^var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)$/.exec(value.trim());
	if (!match) return value.trim();
	const [, name, fallback] = match;
	const own = props.get(name);
	if (own !== undefined) return resolve(own, props, depth + 1);
	if (fallback !== undefined) return resolve(fallback, props, depth + 1);
	throw new Error(`${name} is not defined`);
}

/** The colours that tell series apart: lines, dots, bars (not axes, grids nor text, which have their own rules). */
const SERIES = [
	'--graphique-territoire',
	'--graphique-region',
	'--graphique-france',
	'--graphique-cible',
	'--graphique-initiale',
	...Array.from({ length: 8 }, (_, i) => `--serie-${i}`),
	'--serie-france',
	'--prog-principal',
	'--prog-moyen',
	'--prog-fonce',
	'--prog-secondaire',
	'--prog-cible'
];

describe('chart series contrast', () => {
	it('reads the page backgrounds from the DSFR: white and near-black', () => {
		expect(parseHex(resolve('var(--background-default-grey)', customProperties('light')))).toEqual([255, 255, 255]);
		expect(parseHex(resolve('var(--background-default-grey)', customProperties('dark')))).toEqual([22, 22, 22]);
	});

	for (const scheme of ['light', 'dark'] as const) {
		it(`every series colour is at least 3:1 against the ${scheme} background`, () => {
			const props = customProperties(scheme);
			const background = resolve('var(--background-default-grey)', props);
			const ratios = Object.fromEntries(SERIES.map((name) => [name, Number(contrastRatio(resolve(`var(${name})`, props), background).toFixed(2))]));
			const low = Object.entries(ratios).filter(([, ratio]) => ratio < 3);
			expect(low, JSON.stringify(ratios)).toEqual([]);
		});
	}

	it('the first compared territory is not navy on near-black any more', () => {
		const dark = customProperties('dark');
		expect(resolve('var(--serie-0)', customProperties('light'))).toBe('#000091');
		expect(contrastRatio(resolve('var(--serie-0)', dark), resolve('var(--background-default-grey)', dark))).toBeGreaterThan(3);
	});
});

describe('contrastRatio', () => {
	it('follows WCAG: 21 for black on white, 1 for a colour on itself, symmetric', () => {
		expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#767676', '#767676')).toBe(1);
		// #767676 on white is the classic 4.54:1.
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
		expect(contrastRatio('#ffffff', '#767676')).toBe(contrastRatio('#767676', '#ffffff'));
	});

	it('refuses what is not a hex colour', () => {
		expect(() => parseHex('rgb(0, 0, 0)')).toThrow();
	});
});
