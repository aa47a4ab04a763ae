/**
 * The contract between a programme page's figures and their embeddable views
 * (`/integrer/programmes/[programme]/[figure]`): each programme lists its figures in `figures.ts`
 * with the title the embed shows, the component (loaded on demand, so an embed carries only its
 * own figure), and the slice of the page's data it draws. The page itself uses the same
 * components with the same slices.
 */
import type { Component } from 'svelte';

export interface EmbeddableFigure<Page> {
	/** The embed's heading (`<h1>`), what the figure shows. */
	title: string;
	component: () => Promise<Component<Record<string, unknown>>>;
	/** The props the component takes, from the whole page's data (run on the server); null when the data has no such figure. */
	props: (page: Page) => Record<string, unknown> | null;
}

/** Ties a component's props to the slice the figure takes, so each entry type-checks. */
export function embeddable<Page>() {
	// Svelte's own bound for component props (interfaces qualify).
	return <Props extends Record<string, any>>(
		title: string,
		component: () => Promise<{ default: Component<Props> }>,
		props: (page: Page) => Props | null
	): EmbeddableFigure<Page> => ({
		title,
		component: async () => (await component()).default as unknown as Component<Record<string, unknown>>,
		props
	});
}
