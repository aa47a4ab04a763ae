/**
 * A chart or map as a standalone file (SVG, PNG): the drawing with its computed colours written
 * on each element (no stylesheet, no `var(--…)` left), framed by its title, summary, legend and
 * source line, so the file says what it shows and where the figures come from.
 *
 * The pure parts (CSS variables, style declarations, text wrapping, the standalone document)
 * are plain string functions tested in node; `serialiseSvg` and `svgToPng` read the live DOM
 * and only run in the browser, from the « Télécharger » buttons.
 */

/** Presentation properties copied from the computed style to each exported element. */
export const EXPORTED_PROPERTIES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-linecap',
	'stroke-linejoin',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'text-anchor',
	'dominant-baseline',
	'paint-order',
	'visibility',
	'display'
] as const;

/** Values that equal SVG's initial values add nothing to a standalone file. */
const INITIAL: Partial<Record<(typeof EXPORTED_PROPERTIES)[number], string[]>> = {
	'fill-opacity': ['1'],
	'stroke-opacity': ['1'],
	opacity: ['1'],
	'stroke-dasharray': ['none'],
	'stroke-linecap': ['butt'],
	'stroke-linejoin': ['miter'],
	'text-anchor': ['start'],
	'dominant-baseline': ['auto'],
	'paint-order': ['normal'],
	visibility: ['visible'],
	display: ['inline', 'block']
};

/** Properties that only matter on text (left out elsewhere to keep files small). */
const TEXT_ONLY = new Set<string>(['font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline']);

/**
 * `var(--a, var(--b, #fff))` → the value of `--a`, else of `--b`, else `#fff`, for every
 * `var()` in `value` (nested ones too). `lookup` returns a variable's value or undefined; a
 * variable that resolves to nothing and has no fallback becomes `fallback` (default `none`).
 */
export function resolveCssVariables(value: string, lookup: (name: string) => string | undefined, fallback = 'none', depth = 0): string {
	if (depth > 10) return fallback;
	let out = '';
	let i = 0;
	while (i < value.length) {
		const start = value.indexOf('var(', i);
		if (start < 0) {
			out += value.slice(i);
			break;
		}
		out += value.slice(i, start);
		// Find the matching closing parenthesis.
		let level = 0;
		let end = start + 3;
		for (; end < value.length; end++) {
			if (value[end] === '(') level++;
			else if (value[end] === ')' && --level === 0) break;
		}
		const inner = value.slice(start + 4, end);
		const comma = inner.indexOf(',');
		const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
		const own = lookup(name)?.trim();
		const chosen = own ? own : comma < 0 ? fallback : inner.slice(comma + 1).trim();
		out += resolveCssVariables(chosen, lookup, fallback, depth + 1);
		i = end + 1;
	}
	return out;
}

/**
 * The `style` attribute for an exported element: the listed properties of its computed style,
 * minus SVG's initial values, with any `var()` left resolved through `lookup`; font properties
 * only when `text` (default true).
 */
export function styleDeclaration(
	computed: Record<string, string | undefined>,
	lookup: (name: string) => string | undefined = () => undefined,
	{ text = true }: { text?: boolean } = {}
): string {
	const parts: string[] = [];
	for (const property of EXPORTED_PROPERTIES) {
		if (!text && TEXT_ONLY.has(property)) continue;
		const raw = computed[property]?.trim();
		if (!raw) continue;
		const value = raw.includes('var(') ? resolveCssVariables(raw, lookup) : raw;
		if (INITIAL[property]?.includes(value)) continue;
		// Quotes in font families would end the attribute: the serialiser escapes them, but keep it simple.
		parts.push(`${property}:${value.replace(/"/g, "'")}`);
	}
	return parts.join(';');
}

export function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Splits `text` into lines of at most `maxChars` characters, at spaces (a longer word stays whole). */
export function wrapText(text: string, maxChars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > maxChars) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

// The small helpers every download bar needs at once live in embed-code.ts (this module is loaded on demand).
export { copyText, fileSlug, iframeSnippet } from './embed-code';

export interface LegendItem {
	/** A resolved CSS colour (`rgb(…)`, `#…`). */
	colour: string;
	label: string;
}

export interface StandaloneOptions {
	/** The chart's `<svg>` content (its children, serialised, styles inlined). */
	content: string;
	/** The chart's own width and height (its viewBox). */
	width: number;
	height: number;
	title: string;
	/** The one-sentence summary, under the title. */
	summary?: string;
	legend?: LegendItem[];
	/** « Source : … — Licence … », at the bottom. */
	source: string;
	/** Default: white text background, near-black text, system sans-serif. */
	background?: string;
	textColour?: string;
	fontFamily?: string;
}

const TITLE_SIZE = 18;
const TEXT_SIZE = 13;
const PAD = 16;

/**
 * A complete SVG document: title (and summary) above the drawing, legend and source below,
 * on a solid background, with `<title>`/`<desc>` for assistive technology. Text is wrapped
 * to the width (about 0.55 em per character).
 */
export function standaloneSvg(options: StandaloneOptions): string {
	const { content, title, summary, legend = [], source } = options;
	const background = options.background ?? '#ffffff';
	const ink = options.textColour ?? '#161616';
	const font = options.fontFamily ?? 'Marianne, Arial, sans-serif';
	const width = Math.max(Math.round(options.width), 320) + 2 * PAD;
	const chars = (size: number) => Math.max(20, Math.floor((width - 2 * PAD) / (size * 0.55)));

	const parts: string[] = [];
	let y = PAD;
	const text = (lines: string[], size: number, weight = 'normal') => {
		for (const line of lines) {
			y += size * 1.3;
			parts.push(`<text x="${PAD}" y="${y.toFixed(1)}" font-size="${size}" font-weight="${weight}" fill="${ink}">${escapeXml(line)}</text>`);
		}
	};
	text(wrapText(title, chars(TITLE_SIZE)), TITLE_SIZE, 'bold');
	if (summary) text(wrapText(summary, chars(TEXT_SIZE)), TEXT_SIZE);
	y += PAD / 2;
	parts.push(`<g transform="translate(${PAD} ${y.toFixed(1)})">${content}</g>`);
	y += options.height + PAD / 2;
	for (const item of legend) {
		const lines = wrapText(item.label, chars(TEXT_SIZE) - 4);
		parts.push(`<rect x="${PAD}" y="${(y + 4).toFixed(1)}" width="14" height="11" fill="${escapeXml(item.colour)}" stroke="${ink}" stroke-width="0.5"/>`);
		for (const line of lines) {
			y += TEXT_SIZE * 1.3;
			parts.push(`<text x="${PAD + 22}" y="${y.toFixed(1)}" font-size="${TEXT_SIZE}" fill="${ink}">${escapeXml(line)}</text>`);
		}
	}
	if (legend.length) y += PAD / 2;
	text(wrapText(source, chars(12)), 12);
	const height = Math.ceil(y + PAD);

	return (
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(font)}" role="img">` +
		`<title>${escapeXml(title)}</title>` +
		(summary ? `<desc>${escapeXml(summary)}</desc>` : '') +
		`<rect width="100%" height="100%" fill="${escapeXml(background)}"/>` +
		parts.join('') +
		'</svg>'
	);
}

// ---------------------------------------------------------------- browser only

/** Transient outlines (hover, keyboard focus) are not part of the picture. */
const DROPPED = '.contour-survol, .contour-focus, .contour-halo, title';

/**
 * The children of a live `<svg>`, serialised, each element carrying its computed presentation
 * style (colours resolved by the browser, `var()` included), without classes, links or ARIA.
 */
export function serialiseSvg(svg: SVGSVGElement): { content: string; width: number; height: number } {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const originals = [svg, ...svg.querySelectorAll('*')];
	const copies = [clone, ...clone.querySelectorAll('*')];
	const root = getComputedStyle(document.documentElement);
	const lookup = (name: string) => root.getPropertyValue(name) || undefined;
	originals.forEach((element, i) => {
		const copy = copies[i];
		const computed = getComputedStyle(element);
		const values: Record<string, string> = {};
		for (const property of EXPORTED_PROPERTIES) values[property] = computed.getPropertyValue(property);
		const style = styleDeclaration(values, lookup, { text: element instanceof SVGTextContentElement || element === svg });
		if (style) copy.setAttribute('style', style);
		else copy.removeAttribute('style');
		for (const name of [...copy.getAttributeNames()])
			if (name === 'class' || name === 'role' || name === 'tabindex' || name.startsWith('aria-') || name.startsWith('data-') || name.startsWith('on')) copy.removeAttribute(name);
	});
	for (const element of clone.querySelectorAll(DROPPED)) element.remove();
	// Links (map territories) become plain groups: a standalone picture does not navigate.
	for (const link of clone.querySelectorAll('a')) {
		const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
		group.append(...link.childNodes);
		link.replaceWith(group);
	}
	const box = svg.viewBox.baseVal;
	const width = box && box.width ? box.width : svg.clientWidth;
	const height = box && box.height ? box.height : svg.clientHeight;
	const serializer = new XMLSerializer();
	const content = [...clone.childNodes].map((node) => serializer.serializeToString(node)).join('');
	return { content, width, height };
}

/** PNG of an SVG document at `scale`× (drawn on a canvas from a `data:` URL, which the CSP allows). */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
	const image = new Image();
	image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(image.naturalWidth * scale);
	canvas.height = Math.round(image.naturalHeight * scale);
	const context = canvas.getContext('2d');
	if (!context) throw new Error('canvas 2d indisponible');
	context.scale(scale, scale);
	context.drawImage(image, 0, 0);
	return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG impossible'))), 'image/png'));
}

/** Saves a Blob under `filename` (a temporary `<a download>`). */
export function saveBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Legend lines of an HTML legend (`<li>` with an `<svg>` swatch and its text): the swatch's
 * computed fill, else its stroke (lines: their stroke; a hatched swatch: its hatching's colour).
 */
export function readLegend(container: Element): LegendItem[] {
	return [...container.querySelectorAll('li')].map((item) => {
		let colour = '#929292';
		for (const mark of item.querySelectorAll('svg rect, svg path, svg line')) {
			if (mark.closest('pattern')) continue;
			const style = getComputedStyle(mark);
			const fill = style.getPropertyValue('fill');
			const stroke = style.getPropertyValue('stroke');
			if (fill.startsWith('url(')) {
				const line = item.querySelector('pattern line');
				if (line) colour = getComputedStyle(line).getPropertyValue('stroke');
			} else if (mark.localName !== 'line' && fill && fill !== 'none') colour = fill;
			else if (stroke && stroke !== 'none') colour = stroke;
			break;
		}
		return { colour, label: (item.textContent ?? '').replace(/\s+/g, ' ').trim() };
	});
}
