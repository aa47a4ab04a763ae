import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// d3-composite-projections ships entry points that plain Node ESM cannot load: let Vite bundle it.
	ssr: { noExternal: ['d3-composite-projections'] },
	test: {
		include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// The store tests write SQLite files: one worker per core is plenty on this machine.
		pool: 'forks'
	}
});
