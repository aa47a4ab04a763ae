/**
 * Dev helper: screenshots of pages in Debian's Chromium, to look at what we built.
 *   npx tsx scripts/screenshot.ts http://localhost:3000/ out.png [--width 1280] [--full]
 */
import { chromium } from 'playwright-core';
import { parseArgs } from './args';

const args = parseArgs(process.argv.slice(2), { flags: ['full'], options: ['width', 'height'] });
const [url, out] = args.positional;
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu']
});
const page = await browser.newPage({ viewport: { width: Number(args.options.width ?? 1280), height: Number(args.options.height ?? 900) } });
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: out, fullPage: args.flags.full });
await browser.close();
