/**
 * HTML a page draws once on the server, for the first load only: the long tables of /comparer
 * (hundreds of cells). Sent as data, such a table would travel twice — as HTML and again as the
 * data the browser hydrates it from. Wrapped in `ServerDrawnHtml`, it is drawn into the page on
 * the server (`{@html}`) and the transport hook (`src/hooks.ts`) sends the browser a placeholder
 * instead: Svelte keeps the server's HTML of an `{@html}` block when hydrating, whatever the
 * client's value. Client navigation data (`__data.json`) carries the HTML as a plain string,
 * which the browser then draws. Never for anything interactive: it is not hydrated.
 */
export class ServerDrawnHtml {
	constructor(readonly html: string) {}
}

/** What the browser gets on the first load: not empty, so that Svelte adopts the server's nodes. */
export const HYDRATED_PLACEHOLDER = ' ';

/**
 * `html` (rendered by `svelte/server`) as page data: a ServerDrawnHtml on the first load, the plain
 * string for client navigation (`__data.json`). Never hydrated, so Svelte's hydration markers
 * (comments) are dropped; text cannot hold `<!--`, Svelte escapes `<`.
 */
export function drawnOnce(html: string, isDataRequest: boolean): ServerDrawnHtml | string {
	const bare = html.replace(/<!--[\s\S]*?-->/g, '');
	return isDataRequest ? bare : new ServerDrawnHtml(bare);
}

/** The HTML to draw: the server's, or the plain string of client navigation. */
export const drawnHtml = (value: ServerDrawnHtml | string): string => (typeof value === 'string' ? value : value.html);

export const serverDrawnTransport = {
	encode: (value: unknown) => value instanceof ServerDrawnHtml && 1,
	decode: () => new ServerDrawnHtml(HYDRATED_PLACEHOLDER)
};
