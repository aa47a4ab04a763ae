/** The FTAP laureate projects found in the sources (not the complete list), one row per project. */
import { getClient } from '$lib/server/db';
import { ftapProjects } from '$lib/server/queries/programmes';
import { csvResponse, projectsCsv } from '../../csv.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => csvResponse(projectsCsv(ftapProjects(getClient())), 'programmes-ftap-projets.csv');
