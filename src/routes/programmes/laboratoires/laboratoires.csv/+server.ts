/** The territorial innovation labs listed in the sources, one row per lab. */
import { getClient } from '$lib/server/db';
import { labs } from '$lib/server/queries/programmes';
import { csvResponse, labsCsv } from '../../csv.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => csvResponse(labsCsv(labs(getClient())), 'programmes-laboratoires.csv');
