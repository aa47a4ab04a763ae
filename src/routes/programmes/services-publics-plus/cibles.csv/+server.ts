/** The national baselines and targets the Services Publics+ page shows, in the canonical `cibles.csv` columns. */
import { getClient } from '$lib/server/db';
import { pageFigures } from '$lib/server/queries/programmes';
import { csvResponse, targetsCsv } from '../../csv.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	csvResponse(targetsCsv(pageFigures(getClient(), 'services-publics-plus').targets), 'programmes-services-publics-plus-cibles.csv');
