import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** `/territoires` has no page of its own: France lists the régions and départements. */
export const GET: RequestHandler = () => redirect(307, '/territoires/france');
