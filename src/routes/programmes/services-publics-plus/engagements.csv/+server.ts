/** The Services Publics+ engagements the sources name, in their words, one row per engagement. */
import { getClient } from '$lib/server/db';
import { sppEngagements } from '$lib/server/queries/programmes';
import { csvResponse, engagementsCsv } from '../../csv.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => csvResponse(engagementsCsv(sppEngagements(getClient())), 'programmes-services-publics-plus-engagements.csv');
