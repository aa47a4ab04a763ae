import { describe, expect, it } from 'vitest';
import { drawnHtml, HYDRATED_PLACEHOLDER, ServerDrawnHtml, serverDrawnTransport } from './server-drawn';

describe('server-drawn HTML', () => {
	it('travels to the browser as a placeholder, never as its HTML', () => {
		const table = new ServerDrawnHtml('<table><tr><td>1</td></tr></table>');
		expect(serverDrawnTransport.encode(table)).toBe(1);
		expect(serverDrawnTransport.encode('<table>')).toBe(false);
		expect(drawnHtml(serverDrawnTransport.decode())).toBe(HYDRATED_PLACEHOLDER);
		// Svelte adopts the server's nodes only for a non-empty client value.
		expect(HYDRATED_PLACEHOLDER).not.toBe('');
	});
	it('draws the server’s HTML, or the plain string of client navigation', () => {
		expect(drawnHtml(new ServerDrawnHtml('<p>a</p>'))).toBe('<p>a</p>');
		expect(drawnHtml('<p>b</p>')).toBe('<p>b</p>');
	});
});
