/**
 * The gaps a programme page states (« Ce que les sources ne disent pas »): a sentence of the page,
 * or a gap recorded in the seed with the source that would fill it. Pure, no store.
 */
import type { SourceGap } from '$lib/server/queries/programmes';

export type Gap = string | { text: string; source: { title: string; url: string | null; producer: string } | null };

/** The seed's gaps of a page, shaped for `Lacunes`: the sentence and the source's title, address and producer. */
export function gapItems(gaps: SourceGap[]): Gap[] {
	return gaps.map((g) => ({ text: g.text, source: g.source ? { title: g.source.title, url: g.source.url, producer: g.source.producer } : null }));
}
