import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// BUILD_SUFFIX lets two builds run side by side (e.g. parallel test runs): build-x/, .svelte-kit-x/.
const suffix = process.env.BUILD_SUFFIX ? `-${process.env.BUILD_SUFFIX}` : '';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: `build${suffix}`, precompress: true }),
		outDir: `.svelte-kit${suffix}`,
		// Hashes, not nonces: a page is rendered once per data release and served from cache.
		// No inline script of ours (static/scheme.js is a file); SvelteKit's own bootstrap is hashed.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
