/**
 * How each territory's line is drawn in the comparison's small multiples and keyed in its tables:
 * a colour and a dash pattern by position (never colour alone), France always grey and dotted.
 * Colours are CSS variables (they switch with the scheme): draw them with `style:stroke`, not the
 * `stroke` attribute, which does not read variables.
 */
export interface LineStyle {
	color: string;
	dash: string;
	width: number;
}

/** `--serie-*` in theme.css: a light and a dark variant of each, ≥ 3:1 on either page. */
const COLORS = Array.from({ length: 8 }, (_, i) => `var(--serie-${i})`);
const DASHES = ['', '6 3', '2 2', '', '6 3', '2 2', '', '6 3'];
export const FRANCE_STYLE: LineStyle = { color: 'var(--serie-france)', dash: '1 3', width: 2.5 };

export function lineStyle(index: number, isFrance: boolean): LineStyle {
	if (isFrance) return FRANCE_STYLE;
	return { color: COLORS[index % COLORS.length], dash: DASHES[index % DASHES.length], width: 1.75 };
}
