import { describe, expect, it } from 'vitest';
import { purgeCss, requiredClasses, usedTokens } from './purge-css';

describe('purgeCss: DSFR rules the markup cannot match are dropped, the rest kept', () => {
	const used = usedTokens([`<div class="fr-card fr-mt-2w">`, `const kind = 'fr-badge--' + status;`]);

	it('drops rules whose every selector needs an unused fr- class', () => {
		const css = '.fr-card{color:red}.fr-tile{color:blue}.fr-mt-2w{margin:1rem}.fr-mt-3w{margin:1.5rem}';
		expect(purgeCss(css, used)).toBe('.fr-card{color:red}.fr-mt-2w{margin:1rem}');
	});

	it('keeps only the selectors of a list that can match', () => {
		expect(purgeCss('.fr-card,.fr-tile,h2{font-weight:700}', used)).toBe('.fr-card,h2{font-weight:700}');
	});

	it('keeps element styles, custom properties, the dark scheme and keyframes', () => {
		const css = ':root{--a:1}:root[data-fr-theme=dark]{--a:2}a:focus-visible{outline:2px solid}@keyframes spin{from{opacity:0}to{opacity:1}}';
		expect(purgeCss(css, used)).toBe(css);
	});

	it('a token ending in a dash (a class built in code) keeps every class it starts', () => {
		expect(purgeCss('.fr-badge--success{color:green}.fr-badge--error{color:red}.fr-tag--sm{x:1}', used)).toBe('.fr-badge--success{color:green}.fr-badge--error{color:red}');
	});

	it('ignores classes inside :not() and :is(), so such selectors stay', () => {
		expect(requiredClasses('.fr-card:not(.fr-card--horizontal) .fr-card__body')).toEqual(['fr-card', 'fr-card__body']);
		expect(purgeCss('.fr-card:not(.fr-card--horizontal){x:1}', used)).toBe('.fr-card:not(.fr-card--horizontal){x:1}');
	});

	it('removes media queries left empty, keeps those with rules', () => {
		expect(purgeCss('@media (min-width:48em){.fr-tile{x:1}}@media (min-width:62em){.fr-card{x:2}}', used)).toBe('@media (min-width:62em){.fr-card{x:2}}');
	});
});
