/** The waves of the complexity and trust barometers (institute, fieldwork, sample), one row per wave. */
import { getClient } from '$lib/server/db';
import { surveyWaves } from '$lib/server/queries/programmes';
import { csvResponse, wavesCsv } from '../../csv.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => csvResponse(wavesCsv(surveyWaves(getClient())), 'programmes-complexite-vagues.csv');
