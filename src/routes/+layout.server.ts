import { env } from '$env/dynamic/public';
import { getClient } from '$lib/server/db';
import { lastRelease } from '$lib/server/queries/releases';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = () => ({
	release: lastRelease(getClient()),
	// DSFR (State services only) by default; `neutre` for anyone else reusing the code.
	theme: env.PUBLIC_THEME === 'neutre' ? ('neutre' as const) : ('dsfr' as const)
});
