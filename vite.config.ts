import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { purgeDsfr } from './src/lib/vite/purge-css';

export default defineConfig({
	// The DSFR's stylesheets keep only the rules the site's markup can match (src/lib/vite/purge-css.ts).
	plugins: [purgeDsfr('src'), sveltekit()],
	// d3-composite-projections ships entry points that plain Node ESM cannot load: let Vite bundle it.
	ssr: { noExternal: ['d3-composite-projections'] },
	test: {
		testTimeout: 60_000,
		hookTimeout: 240_000,
		pool: 'forks',
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.test.ts', 'tests/import/**/*.test.ts', 'tests/api/**/*.test.ts'], environment: 'node' }
			},
			{
				// Real Chromium, and plain HTTP clients (tests/server), against the built site on the seeded
				// store (built once in global setup).
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts', 'tests/server/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/browser/global-setup.ts'],
					fileParallelism: false
				}
			}
		]
	}
});
