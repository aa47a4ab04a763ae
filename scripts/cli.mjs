/**
 * node scripts/cli.mjs <script> [args…] — what `npm run import` and `npm run export` run.
 * Runs scripts/<script>.ts as one module bundled by esbuild rather than through tsx, which
 * compiles each of its ~30 source files at every start: 0.55 s of start-up → 0.1 s (measured),
 * a tenth of a million-row import. The bundle is kept in node_modules/.cache/barometre-cli/ and
 * rebuilt (≈ 0.1 s) when any file it was built from differs from the one it was built from, so an
 * edited source is never run stale. Packages stay imported from node_modules.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
	console.error('Usage : node scripts/cli.mjs <script> [arguments…] (scripts/<script>.ts)');
	process.exit(2);
}
const entry = join(ROOT, 'scripts', `${name}.ts`);
const cacheDir = join(ROOT, 'node_modules', '.cache', 'barometre-cli');
const bundlePath = join(cacheDir, `${name}.mjs`);
const inputsPath = join(cacheDir, `${name}.inputs.json`);

/** Size and modification time: a file that differs from the one bundled differs in one of them. */
const stamp = (path) => {
	const s = statSync(path);
	return `${s.size}:${s.mtimeMs}`;
};

function isFresh() {
	try {
		statSync(bundlePath);
		const inputs = JSON.parse(readFileSync(inputsPath, 'utf8'));
		return Object.entries(inputs).every(([path, was]) => stamp(join(ROOT, path)) === was);
	} catch {
		return false;
	}
}

async function bundle() {
	const { build } = await import('esbuild');
	const result = await build({
		entryPoints: [entry],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		write: false,
		metafile: true,
		logLevel: 'error',
		plugins: [
			{
				// Sources find their data (migrations, schemas, seed) relative to themselves: each keeps its own URL.
				name: 'source-url',
				setup(b) {
					b.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
						contents: (await readFile(path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
						loader: 'ts'
					}));
				}
			}
		]
	});
	const inputs = { [relative(ROOT, fileURLToPath(import.meta.url))]: '' };
	for (const path of Object.keys(result.metafile.inputs)) inputs[relative(ROOT, resolve(ROOT, path))] = '';
	for (const path of Object.keys(inputs)) inputs[path] = stamp(join(ROOT, path));
	mkdirSync(cacheDir, { recursive: true });
	// Written aside then renamed: two commands started at once never run half a bundle.
	const tmp = `.${process.pid}.tmp`;
	writeFileSync(bundlePath + tmp, result.outputFiles[0].contents);
	writeFileSync(inputsPath + tmp, JSON.stringify(inputs));
	renameSync(bundlePath + tmp, bundlePath);
	renameSync(inputsPath + tmp, inputsPath);
}

if (!isFresh()) await bundle();
// The script reads its arguments from process.argv, as when run directly.
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(bundlePath).href);
