/**
 * Start-up benchmark: `capi-ionos --help` (and a few other cheap invocations) against
 * `node -e 0`, each a fresh process, interleaved so that load changes hit both alike.
 *
 *   npm run build && npx tsx bench/startup.ts
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { table, timingOf, type Timing } from './lib/measure.js';
import { ROOT, runProcess } from './lib/process.js';

const CLI = join(ROOT, 'bin', 'capi-ionos.js');

/** The commands, each `node <args>`; the first is the baseline. */
const CASES: readonly { label: string; args: readonly string[] }[] = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: 'capi-ionos --help', args: [CLI, '--help'] },
  { label: 'capi-ionos --version', args: [CLI, '--version'] },
  { label: 'capi-ionos synth --help', args: [CLI, 'synth', '--help'] },
  { label: 'capi-ionos plan --help', args: [CLI, 'plan', '--help'] },
];

const RUNS = 21;
const WARMUP = 3;

/** Runs the start-up benchmark; returns its markdown report. */
export async function run(): Promise<string> {
  const times = CASES.map(() => [] as number[]);
  for (let i = 0; i < WARMUP + RUNS; i++) {
    CASES.forEach((c, k) => {
      const { ms } = runProcess(process.execPath, c.args);
      if (i >= WARMUP) times[k]!.push(ms);
    });
  }
  const timings: Timing[] = CASES.map((c, k) => timingOf(c.label, times[k]!));
  const base = timings[0]!;
  const ratio = (t: Timing) => `${(t.medianMs / base.medianMs).toFixed(2)}× node -e 0 (+${(t.medianMs - base.medianMs).toFixed(0)} ms)`;
  return [
    '## Start-up (fresh process each)',
    '',
    `${RUNS} interleaved runs each after ${WARMUP} warm-up rounds; wall time measured by the parent.`,
    '',
    table(timings, { header: 'vs node -e 0', values: timings.map(ratio) }),
    '',
    `- capi-ionos --help / node -e 0: **${(timings[1]!.medianMs / base.medianMs).toFixed(2)}×** (goal ≤ 1.3×)`,
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await run());
}
