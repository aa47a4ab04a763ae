/**
 * A minimal Office Open XML workbook (.xlsx) writer: an xlsx is a zip of a few XML parts. Strings
 * are inline text cells (codes such as `01` keep their zero; nothing is ever a formula), finite
 * numbers are number cells, empty cells are left out. The first row of a sheet can be a bold,
 * frozen header. Pure: the same sheets and date give the same bytes.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export type XlsxCell = string | number | null | undefined;

export interface XlsxSheet {
	/** At most 31 characters, none of `[]:*?/\`. */
	name: string;
	rows: readonly (readonly XlsxCell[])[];
	/** First row in bold and frozen. */
	header?: boolean;
}

export interface XlsxOptions {
	title?: string;
	creator?: string;
	/** Creation date, also the zip entries' time (deterministic output). */
	date?: Date;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// XML 1.0 forbids most control characters and unpaired surrogates.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
	return text
		.replace(INVALID_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/\r/g, '&#13;');
}

/** Cell text: XML-escaped, and literal `_x0041_` sequences protected from Excel's own unescaping. */
function cellText(text: string): string {
	return escapeXml(text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'));
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

function sheetXml(sheet: XlsxSheet, selected: boolean): string {
	const widths: number[] = [];
	let data = '';
	sheet.rows.forEach((row, r) => {
		const style = sheet.header && r === 0 ? ' s="1"' : '';
		let cells = '';
		row.forEach((cell, c) => {
			const ref = `${columnName(c)}${r + 1}`;
			if (typeof cell === 'number') {
				if (!Number.isFinite(cell)) return;
				cells += `<c r="${ref}"${style}><v>${cell}</v></c>`;
				widths[c] = Math.max(widths[c] ?? 0, String(cell).length);
			} else if (typeof cell === 'string' && cell !== '') {
				cells += `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${cellText(cell)}</t></is></c>`;
				widths[c] = Math.max(widths[c] ?? 0, cell.length);
			}
		});
		data += `<row r="${r + 1}">${cells}</row>`;
	});
	const cols = widths.length
		? `<cols>${Array.from(widths, (w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(8, (w ?? 0) + 2))}" customWidth="1"/>`).join('')}</cols>`
		: '';
	const pane = sheet.header ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' : '';
	const view = `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>${pane}</sheetView></sheetViews>`;
	return `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${view}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${data}</sheetData></worksheet>`;
}

const STYLES =
	`${XML_DECL}<styleSheet xmlns="${MAIN_NS}">` +
	'<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
	'<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
	'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
	'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
	'<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
	'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
	'</styleSheet>';

function checkSheetNames(sheets: readonly XlsxSheet[]): void {
	const seen = new Set<string>();
	for (const { name } of sheets) {
		if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || seen.has(name.toLowerCase())) {
			throw new Error(`Nom de feuille invalide ou en double : « ${name} »`);
		}
		seen.add(name.toLowerCase());
	}
}

export function writeXlsx(sheets: readonly XlsxSheet[], options: XlsxOptions = {}): Uint8Array {
	if (sheets.length === 0) throw new Error('Un classeur a au moins une feuille');
	checkSheetNames(sheets);
	const date = options.date ?? new Date();
	const n = sheets.length;
	const contentTypes =
		`${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
		'<Default Extension="xml" ContentType="application/xml"/>' +
		'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
		sheets
			.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
			.join('') +
		'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
		'<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
		'</Types>';
	const rootRels =
		`${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
		`<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
		'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
		'</Relationships>';
	const workbook =
		`${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
		sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
		'</sheets></workbook>';
	const workbookRels =
		`${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">` +
		sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
		`<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
		'</Relationships>';
	const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
	const core =
		`${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		(options.title ? `<dc:title>${escapeXml(options.title)}</dc:title>` : '') +
		(options.creator ? `<dc:creator>${escapeXml(options.creator)}</dc:creator>` : '') +
		`<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
		'</cp:coreProperties>';
	const files: Zippable = {
		'[Content_Types].xml': strToU8(contentTypes),
		'_rels/.rels': strToU8(rootRels),
		'docProps/core.xml': strToU8(core),
		'xl/workbook.xml': strToU8(workbook),
		'xl/_rels/workbook.xml.rels': strToU8(workbookRels),
		'xl/styles.xml': strToU8(STYLES)
	};
	sheets.forEach((sheet, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet, i === 0))));
	return zipSync(files, { level: 6, mtime: date });
}
