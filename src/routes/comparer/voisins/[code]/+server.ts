/** GET /comparer/voisins/{R84|D2A}: the territory and its neighbours (at most 8), as a comparison. */
import { redirectToSuggestion } from '../../suggestion.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => redirectToSuggestion(params.code, 'voisins');
