import { getClient } from '$lib/server/db';
import { pageFigures, PROGRAMME_PAGES } from '$lib/server/queries/programmes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const client = getClient();
	return {
		counts: Object.fromEntries(
			PROGRAMME_PAGES.map((page) => {
				const { values, indicators } = pageFigures(client, page);
				return [page, { values: values.length, indicators: indicators.length }];
			})
		) as Record<(typeof PROGRAMME_PAGES)[number], { values: number; indicators: number }>
	};
};
