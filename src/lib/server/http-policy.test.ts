import { describe, expect, it } from 'vitest';
import { cacheControl, framePolicy, RenderGate, securityHeaders } from './http-policy';

describe('securityHeaders', () => {
	it('forbids sniffing and framing, except for the embeddable views', () => {
		expect(securityHeaders('/comparer')).toEqual([
			['x-content-type-options', 'nosniff'],
			['referrer-policy', 'strict-origin-when-cross-origin'],
			['x-frame-options', 'DENY']
		]);
		expect(securityHeaders('/integrer/comparer').map(([k]) => k)).not.toContain('x-frame-options');
		expect(securityHeaders('/_app/immutable/chunks/a.js')).toEqual([['x-content-type-options', 'nosniff']]);
		expect(framePolicy("default-src 'self'; frame-ancestors 'none'", '/integrer/x')).toBe("default-src 'self'; frame-ancestors *");
	});
});

describe('cacheControl', () => {
	it('is public and short for browsers, longer for shared caches, with stale-while-revalidate', () => {
		expect(cacheControl(300)).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
		expect(cacheControl(1)).toBe('public, max-age=1, s-maxage=1, stale-while-revalidate=600');
		expect(cacheControl(Number.NaN)).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
	});
});

describe('RenderGate', () => {
	it('runs at most `concurrency` renders, queues `queue` more and refuses the rest', async () => {
		const gate = new RenderGate(2, 1);
		const releases: (() => void)[] = [];
		let active = 0;
		let maxActive = 0;
		const render = () =>
			new Promise<string>((resolve) => {
				active++;
				maxActive = Math.max(maxActive, active);
				releases.push(() => {
					active--;
					resolve('ok');
				});
			});
		const runs = [gate.run(render), gate.run(render), gate.run(render)];
		expect(await gate.run(render)).toBeNull(); // 2 running, 1 waiting: the fourth is refused
		expect(gate.load).toEqual({ running: 2, waiting: 1 });
		for (let released = 0; released < 3; ) {
			await new Promise((r) => setImmediate(r));
			const release = releases.shift();
			if (release) {
				release();
				released++;
			}
		}
		expect(await Promise.all(runs)).toEqual(['ok', 'ok', 'ok']);
		expect(maxActive).toBe(2);
		expect(gate.load).toEqual({ running: 0, waiting: 0 });
	});
});
