import { PROGRAMME_FIGURES } from '../../../../programmes/figures';
import type { PageLoad } from './$types';

/** Loads only the component of the figure shown (the server checked that it exists). */
export const load: PageLoad = async ({ data }) => ({
	...data,
	component: await PROGRAMME_FIGURES[data.programme].figures[data.figure].component()
});
