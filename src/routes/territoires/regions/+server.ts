import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The list of régions is on the France page. */
export const GET: RequestHandler = () => redirect(307, '/territoires/france#regions');
