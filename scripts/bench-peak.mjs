// Preloaded by scripts/bench-import.ts into the import command it measures: writes the process's
// peak resident memory (VmHWM, kB) and CPU time (µs) to BENCH_PEAK_FILE when it exits. Not used otherwise.
import { readFileSync, writeFileSync } from 'node:fs';

process.on('exit', () => {
	const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
	const { userCPUTime, systemCPUTime } = process.resourceUsage();
	if (process.env.BENCH_PEAK_FILE) writeFileSync(process.env.BENCH_PEAK_FILE, JSON.stringify({ peakKb: m ? Number(m[1]) : 0, cpuUs: userCPUTime + systemCPUTime }));
});
