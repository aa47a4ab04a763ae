/**
 * What a download bar needs as soon as it is shown: the iframe code of a view, file names, copying.
 * The SVG and PNG export itself (chart-export.ts) is loaded only when a reader asks for a file.
 */

/** Copies text to the clipboard; where the browser refuses, selects it in its text box and copies that. */
export async function copyText(text: string, box: HTMLTextAreaElement | undefined): Promise<void> {
	try {
		await navigator.clipboard.writeText(text);
	} catch {
		box?.select();
		document.execCommand('copy');
	}
}

/** The `<iframe>` code that embeds a view of the site (`embedHref`, a path and query) on another site. */
export function iframeSnippet(origin: string, embedHref: string, title: string, height: number): string {
	return `<iframe src="${origin}${embedHref.replace(/&/g, '&amp;')}" width="720" height="${height}" title="${title.replace(/"/g, '&quot;')} (Baromètre)" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

/**
 * `Taux de couverture des +18 ans` → `taux-de-couverture-des-18-ans`, for file names: at most
 * `max` characters, cut between words, never inside one.
 */
export function fileSlug(text: string, max = 80): string {
	const slug = text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= max) return slug || 'graphique';
	const cut = slug.slice(0, max + 1).lastIndexOf('-');
	return (cut > 0 ? slug.slice(0, cut) : slug.slice(0, max)) || 'graphique';
}
