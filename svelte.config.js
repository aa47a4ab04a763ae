import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// BUILD_SUFFIX lets two builds run side by side (e.g. parallel test runs): build-x/, .svelte-kit-x/.
const suffix = process.env.BUILD_SUFFIX ? `-${process.env.BUILD_SUFFIX}` : '';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: `build${suffix}`, precompress: true }),
		outDir: `.svelte-kit${suffix}`
	}
};

export default config;
