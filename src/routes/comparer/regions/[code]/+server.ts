/**
 * GET /comparer/regions/{R84|D2A}: a région with its neighbouring régions and France; a
 * département with the départements of its région (its neighbours first, at most 8).
 */
import { redirectToSuggestion } from '../../suggestion.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => redirectToSuggestion(params.code, 'regions');
