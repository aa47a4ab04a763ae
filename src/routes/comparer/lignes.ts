/**
 * How each territory's line is drawn in the comparison's small multiples and keyed in its tables:
 * a colour and a dash pattern by position (never colour alone), France always dark and dashed.
 */
export interface LineStyle {
	color: string;
	dash: string;
	width: number;
}

const COLORS = ['#000091', '#c9191e', '#18753c', '#a558a0', '#b34000', '#0063cb', '#716043', '#009081'];
const DASHES = ['', '6 3', '2 2', '', '6 3', '2 2', '', '6 3'];
export const FRANCE_STYLE: LineStyle = { color: '#3a3a3a', dash: '1 3', width: 2.5 };

export function lineStyle(index: number, isFrance: boolean): LineStyle {
	if (isFrance) return FRANCE_STYLE;
	return { color: COLORS[index % COLORS.length], dash: DASHES[index % DASHES.length], width: 1.75 };
}
