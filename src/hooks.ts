/** Hooks shared by the server and the browser: how custom values travel in page data. */
import type { Transport } from '@sveltejs/kit';
import { serverDrawnTransport } from '$lib/server-drawn';

export const transport: Transport = {
	ServerDrawnHtml: serverDrawnTransport
};
