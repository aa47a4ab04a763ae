/**
 * WCAG 2.x contrast between two sRGB colours (`#rgb` or `#rrggbb`), for the checks that every
 * chart series stays readable (≥ 3:1 for graphical objects, WCAG 1.4.11) on both schemes. Pure.
 */

/** `#rgb` / `#rrggbb` → [r, g, b] in 0–255; throws on anything else (a check must not pass by accident). */
export function parseHex(colour: string): [number, number, number] {
	const hex = colour.trim().toLowerCase();
	const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(hex);
	const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(hex);
	const parts = short ? short.slice(1).map((c) => c + c) : long?.slice(1);
	if (!parts) throw new Error(`Not a hex colour: ${colour}`);
	return parts.map((p) => parseInt(p, 16)) as [number, number, number];
}

/** Relative luminance (WCAG 2.x definition). */
export function relativeLuminance(colour: string): number {
	const [r, g, b] = parseHex(colour).map((c) => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio, 1 (same colour) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}
