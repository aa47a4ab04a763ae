import { describe, expect, it } from 'vitest';
import { escapeXml, fileSlug, resolveCssVariables, standaloneSvg, styleDeclaration, wrapText } from './chart-export';

const vars: Record<string, string> = { '--carte-classe-3': '#4262c6', '--a': 'var(--b)', '--b': ' rgb(1, 2, 3) ' };
const lookup = (name: string) => vars[name];

describe('resolveCssVariables', () => {
	it('replaces variables by their values, nested and with fallbacks', () => {
		expect(resolveCssVariables('var(--carte-classe-3)', lookup)).toBe('#4262c6');
		expect(resolveCssVariables('var(--a)', lookup)).toBe('rgb(1, 2, 3)');
		expect(resolveCssVariables('var(--inconnue, var(--carte-classe-3))', lookup)).toBe('#4262c6');
		expect(resolveCssVariables('var(--inconnue, rgb(0, 0, 145))', lookup)).toBe('rgb(0, 0, 145)');
		expect(resolveCssVariables('1px solid var(--carte-classe-3)', lookup)).toBe('1px solid #4262c6');
		expect(resolveCssVariables('var(--inconnue)', lookup)).toBe('none');
		expect(resolveCssVariables('#000091', lookup)).toBe('#000091');
	});

	it('stops on a variable that refers to itself', () => {
		expect(resolveCssVariables('var(--boucle)', (n) => (n === '--boucle' ? 'var(--boucle)' : undefined))).toBe('none');
	});
});

describe('styleDeclaration', () => {
	it('keeps what differs from SVG defaults, resolves variables, font only on text', () => {
		const computed = {
			fill: 'var(--carte-classe-3)',
			stroke: 'rgb(255, 255, 255)',
			'stroke-width': '0.5px',
			opacity: '1',
			'stroke-dasharray': 'none',
			'font-family': '"Marianne", arial',
			'font-size': '12px',
			display: 'inline'
		};
		expect(styleDeclaration(computed, lookup)).toBe("fill:#4262c6;stroke:rgb(255, 255, 255);stroke-width:0.5px;font-family:'Marianne', arial;font-size:12px");
		expect(styleDeclaration(computed, lookup, { text: false })).toBe('fill:#4262c6;stroke:rgb(255, 255, 255);stroke-width:0.5px');
		expect(styleDeclaration({}, lookup)).toBe('');
	});
});

describe('text helpers', () => {
	it('wraps at spaces within the width', () => {
		expect(wrapText('Taux de couverture des +18 ans par département', 20)).toEqual(['Taux de couverture', 'des +18 ans par', 'département']);
		expect(wrapText('  ', 10)).toEqual([]);
		expect(wrapText('anticonstitutionnellement court', 10)).toEqual(['anticonstitutionnellement', 'court']);
	});

	it('escapes XML and makes file names', () => {
		expect(escapeXml('R&D <"l’État"> \'a\'')).toBe('R&amp;D &lt;&quot;l’État&quot;&gt; &apos;a&apos;');
		expect(fileSlug('Taux de couverture des +18 ans — évolution : Corse-du-Sud')).toBe('taux-de-couverture-des-18-ans-evolution-corse-du-sud');
		expect(fileSlug('***')).toBe('graphique');
		// Long titles are cut between words, never inside one.
		expect(fileSlug('Nombre de logements rénovés grâce à MaPrimeRénov', 30)).toBe('nombre-de-logements-renoves');
		expect(fileSlug('Nombre de logements', 19)).toBe('nombre-de-logements');
	});
});

describe('standaloneSvg', () => {
	const svg = standaloneSvg({
		content: '<path d="M0,0L10,10" style="fill:#4262c6"/>',
		width: 400,
		height: 300,
		title: 'Taux de couverture des +18 ans par département, mai 2024',
		summary: 'France : 78,5 % en mai 2024 <au plus>.',
		legend: [{ colour: 'rgb(24, 48, 143)', label: 'de 80 à 95 %' }],
		source: 'Source : DITP. Licence Ouverte / Etalab 2.0.'
	});

	it('is a standalone SVG document with title, summary, chart, legend and source', () => {
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg.endsWith('</svg>')).toBe(true);
		expect(svg).toContain('<title>Taux de couverture des +18 ans par département, mai 2024</title>');
		expect(svg).toContain('<desc>France : 78,5 % en mai 2024 &lt;au plus&gt;.</desc>');
		expect(svg).toContain('<g transform="translate(16 ');
		expect(svg).toContain('<path d="M0,0L10,10" style="fill:#4262c6"/>');
		expect(svg).toContain('fill="rgb(24, 48, 143)"');
		expect(svg).toContain('>de 80 à 95 %</text>');
		expect(svg).toContain('>Source : DITP. Licence Ouverte / Etalab 2.0.</text>');
		expect(svg).not.toContain('var(');
	});

	it('grows to hold the chart and its text', () => {
		const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
		expect(Number(width)).toBe(432);
		expect(Number(height)).toBeGreaterThan(300 + 18 + 13 * 2 + 12);
	});
});
