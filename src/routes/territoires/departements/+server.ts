import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The list of départements is on the France page. */
export const GET: RequestHandler = () => redirect(307, '/territoires/france#departements');
