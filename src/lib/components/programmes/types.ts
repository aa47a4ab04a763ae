/** Data shapes the programme marks draw: the pages' loads build them, the components only draw. */

/** One source line under a chart or table (from a value's own source, or its indicator). */
export interface SourceLine {
	/** Id in the sources table (`F17`), or null for an indicator's own producer line. */
	id: string | null;
	producer: string;
	title: string | null;
	url: string | null;
	/** The licence in words (`licenceSentence` of src/lib/source-text.ts). */
	licence: string;
	/** Date of last update (publication) of the source, when known. */
	updatedAt: string | null;
}

/** A bar of a horizontal bar chart. */
export interface Bar {
	key: string;
	label: string;
	/** null: drawn as « donnée non disponible ». */
	value: number | null;
	/** The value as the table prints it, qualifier included (« plus de 30 M€ »). */
	display: string;
	/** Drawn darker (e.g. the « ensemble » bar among the groups). */
	emphasis?: boolean;
}

/** A vertical reference line across a chart (an overall figure, a target). */
export interface Reference {
	value: number;
	label: string;
}

/** A dot of a dumbbell row or a point of a line. */
export interface Dot {
	/** Wave or year label (`2016`). */
	label: string;
	value: number;
	display: string;
}

export interface DumbbellRow {
	key: string;
	label: string;
	/** Chronological; the first is drawn hollow, the last filled. */
	dots: Dot[];
}

export interface YearPoint {
	year: number;
	value: number;
	display: string;
}

export interface YearSeries {
	key: string;
	label: string;
	/** `principale`: solid line, filled dots, labelled values; `secondaire`: dashed line, squares. */
	style: 'principale' | 'secondaire';
	/** Write each point's value above it (default: only for the `principale` style). */
	labelled?: boolean;
	points: YearPoint[];
}

export interface YearTarget {
	year: number;
	value: number;
	label: string;
}

/** Grouped vertical bars: one group per category (a year), one bar per series. */
export interface BarGroup {
	key: string;
	label: string;
	/** By series key: the value, or null when not published. */
	values: Record<string, number | null>;
}

export interface BarSeries {
	key: string;
	label: string;
	/** Fill style, in order of emphasis: outline, light, solid. */
	fill: 'contour' | 'clair' | 'plein';
}

/** A published figure as a table prints it. */
export interface FigureRow {
	key: string;
	indicator: string;
	/** The indicator's name. */
	name: string;
	territory: string;
	/** Value with its qualifier in words (« plus de 800 M€ »). */
	display: string;
	/** The source's date ('' when undated). */
	date: string;
	/** `24 novembre 2021`, `mars 2022`, `2021`, or « non datée ». */
	dateLabel: string;
	note: string | null;
	/** Ids of the sources of this figure (the value's own, else its indicator's). */
	sources: string[];
}

/** A table of figures with its source lines and its indicators' notes. */
export interface FigureTable {
	title: string;
	rows: FigureRow[];
	sources: SourceLine[];
	/** The indicators' own notes (« 2011 : 33 % selon Les Échos… »), as `name : note`. */
	notes: string[];
}

/** A figure of a programme page: the page (`budgets`) and the figure's id there (`appels`). */
export interface ProgrammeFigure {
	programme: string;
	id: string;
}

/** Path of a programme figure's embeddable view. */
export const figureEmbedHref = ({ programme, id }: ProgrammeFigure) => `/integrer/programmes/${programme}/${id}`;
