import { error } from '@sveltejs/kit';
import { getClient } from '$lib/server/db';
import type { PageServerLoad } from './$types';
import { badRequest } from '../../comparer/request.server';
import { embeddedComparison, IndicatorNotCompared } from './embed.server';

/** One indicator of /comparer's comparison: 400 for a bad parameter, 404 for an indicator it does not show. */
export const load: PageServerLoad = ({ url }) => {
	try {
		return embeddedComparison(getClient(), url.searchParams);
	} catch (cause) {
		if (cause instanceof IndicatorNotCompared) error(404, { message: cause.message, hint: cause.hint });
		badRequest(cause);
	}
};
