/**
 * Runs every benchmark in sequence, prints each report as it finishes, and writes them all to
 * bench/RESULTS.md with a description of the machine. `npm run bench` builds first and runs this.
 *
 *   npx tsx bench/run.ts              all benchmarks, then bench/RESULTS.md is rewritten
 *   npx tsx bench/run.ts synth plan   only those (printed; RESULTS.md is left alone)
 *
 * Benchmarks print numbers and never assert on time. Other work on the machine changes absolute
 * times; the ratios within one run are what the goals are stated in.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The benchmark modules, in running order; the cheap and load-sensitive ones first. */
const MODULES = ['startup', 'plan', 'fleet-plan', 'allocate', 'yaml', 'validate', 'synth', 'simulate', 'jsonnet'] as const;

const BENCH = import.meta.dirname;

/** The first "model name" of /proc/cpuinfo, if there is one. */
function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown CPU';
  } catch {
    return 'unknown CPU';
  }
}

function load(): string {
  return loadavg().map((l) => l.toFixed(2)).join(', ');
}

/** The machine, the software and the date, as a markdown list. */
export function machineDescription(date: string): string {
  return [
    `- Date: ${date}`,
    `- CPU: ${cpuModel()}, ${availableParallelism()} cores available`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${process.platform} ${release()}`,
    `- Node: ${process.version}`,
  ].join('\n');
}

/** Runs the named benchmarks (all by default) and returns the reports, in order. */
async function runAll(names: readonly string[]): Promise<string[]> {
  const reports: string[] = [];
  for (const name of names) {
    const file = join(BENCH, `${name}.ts`);
    if (!existsSync(file)) {
      process.stderr.write(`bench: ${name}.ts is not there; skipped\n`);
      continue;
    }
    process.stderr.write(`bench: ${name} (load ${load()})…\n`);
    const started = performance.now();
    const module = (await import(pathToFileURL(file).href)) as { run?: () => Promise<string> };
    if (typeof module.run !== 'function') throw new Error(`bench/${name}.ts exports no run()`);
    const report = (await module.run()).trimEnd();
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const text = `${report}\n\n_${name}: ${seconds} s; load average after: ${load()}_\n`;
    process.stdout.write(`${text}\n`);
    reports.push(text);
  }
  return reports;
}

const requested = process.argv.slice(2);
const unknown = requested.filter((n) => !(MODULES as readonly string[]).includes(n));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')}; known: ${MODULES.join(', ')}\n`);
  process.exitCode = 2;
} else {
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const loadBefore = load();
  const reports = await runAll(requested.length > 0 ? requested : MODULES);
  if (requested.length === 0) {
    const results = [
      '# Benchmark results',
      '',
      'Regenerate with `npm run bench` (builds, runs bench/run.ts, rewrites this file). Times are medians with min/max of',
      'several runs; other work on the machine moves absolute times, so compare the ratios measured in the same run.',
      '',
      machineDescription(date),
      `- Load average (1, 5, 15 min) at start: ${loadBefore}; at end: ${load()}`,
      '',
      ...reports.map((r) => `${r}\n`),
    ].join('\n');
    writeFileSync(join(BENCH, 'RESULTS.md'), results.trimEnd() + '\n');
    process.stderr.write('bench: wrote bench/RESULTS.md\n');
  }
}
