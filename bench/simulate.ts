/**
 * Simulation benchmark, whole process: `node bin/capi-ionos.js simulate fleet.yaml --format json`
 * against `node bin/capi-ionos.js synth fleet.yaml -o DIR` of the same generated fleet, in the
 * same run, interleaved. `simulate` renders the fleet as synth does, then creates every machine
 * and claim in the in-memory store, binds them with the real claim binder and rolls every group,
 * so the ratio to synth is the cost of the reconciler in memory. Peak RSS and CPU time come from
 * `/usr/bin/time`.
 *
 *   npm run build && npx tsx bench/simulate.ts [N ...]     (default: 100 and 1,000 clusters)
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateFleet } from './fleet-generator.js';
import { thousands, timingOf, type Timing } from './lib/measure.js';
import { mib, ROOT, runProcess, workDirectory, type ProcessRun } from './lib/process.js';

const CLI = join(ROOT, 'bin', 'capi-ionos.js');

/** Fleet sizes and measured runs of each command per size. */
const SIZES: readonly { clusters: number; runs: number }[] = [
  { clusters: 100, runs: 3 },
  { clusters: 1_000, runs: 3 },
];

interface Measured {
  readonly wall: Timing;
  readonly cpuMs: number | undefined;
  readonly rssMiB: number | undefined;
}

interface SizeResult {
  readonly clusters: number;
  /** What the simulation reported: machines, NICs, pools, rounds. */
  readonly report: { machines: number; nics: number; pools: number; rounds: number; passed: boolean };
  readonly simulate: Measured;
  readonly synth: Measured;
}

function measured(label: string, runs: readonly ProcessRun[]): Measured {
  const cpus = runs.map((r) => r.cpuMs).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  const rss = runs.map((r) => r.maxRssMiB).filter((v): v is number => v !== undefined);
  return {
    wall: timingOf(label, runs.map((r) => r.ms)),
    cpuMs: cpus.length === 0 ? undefined : cpus[Math.floor(cpus.length / 2)],
    rssMiB: rss.length === 0 ? undefined : Math.max(...rss),
  };
}

function measureSize(work: string, size: (typeof SIZES)[number]): SizeResult {
  const n = size.clusters;
  const dir = join(work, `fleet-${n}`);
  mkdirSync(dir, { recursive: true });
  const fleet = join(dir, 'fleet.yaml');
  writeFileSync(fleet, generateFleet({ clusters: n, seed: 1 }));
  const out = join(dir, 'out');
  // Unmeasured: plans and writes ipam.lock.yaml and warms the file cache.
  runProcess(process.execPath, [CLI, 'synth', fleet, '-o', out]);
  rmSync(out, { recursive: true, force: true });
  const simulations: ProcessRun[] = [];
  const syntheses: ProcessRun[] = [];
  let report: SizeResult['report'] | undefined;
  for (let i = 0; i < size.runs; i++) {
    const simulated = runProcess(process.execPath, [CLI, 'simulate', fleet, '--format', 'json'], { rss: true });
    simulations.push(simulated);
    const json = JSON.parse(simulated.stdout) as { passed: boolean; nics: unknown[]; pools: unknown[]; rounds: number; machines: number };
    report = { machines: json.machines, nics: json.nics.length, pools: json.pools.length, rounds: json.rounds, passed: json.passed };
    syntheses.push(runProcess(process.execPath, [CLI, 'synth', fleet, '-o', out], { rss: true }));
    rmSync(out, { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    clusters: n, report: report!,
    simulate: measured(`capi-ionos simulate, ${thousands(n)} clusters`, simulations),
    synth: measured(`capi-ionos synth, ${thousands(n)} clusters`, syntheses),
  };
}

/** Runs the simulation benchmark for the given fleet sizes and returns its markdown report. */
export async function run(sizes: readonly number[] = SIZES.map((s) => s.clusters)): Promise<string> {
  if (!existsSync(join(ROOT, 'lib', 'src', 'cli', 'main.js'))) throw new Error('lib/ is missing: run `npm run build` first (npm run bench does)');
  const work = workDirectory();
  const results: SizeResult[] = [];
  try {
    for (const size of SIZES.filter((s) => sizes.includes(s.clusters))) {
      process.stderr.write(`simulate: ${thousands(size.clusters)} clusters…\n`);
      results.push(measureSize(work, size));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const ms = (value: number | undefined) => (value === undefined ? 'n/a' : value.toFixed(0));
  const rows: string[][] = [];
  for (const r of results) {
    const { report } = r;
    rows.push([r.simulate.wall.label, String(r.simulate.wall.runs), ms(r.simulate.wall.medianMs), ms(r.simulate.wall.minMs), ms(r.simulate.wall.maxMs), ms(r.simulate.cpuMs), mib(r.simulate.rssMiB),
      `${thousands(report.machines)} machines, ${thousands(report.nics)} NICs, ${thousands(report.pools)} pools, ${report.rounds} rounds, passed: ${report.passed}; `
      + `${(r.simulate.wall.medianMs / r.synth.wall.medianMs).toFixed(2)}× synth`]);
    rows.push([r.synth.wall.label, String(r.synth.wall.runs), ms(r.synth.wall.medianMs), ms(r.synth.wall.minMs), ms(r.synth.wall.maxMs), ms(r.synth.cpuMs), mib(r.synth.rssMiB), '']);
  }
  const head = ['case', 'runs', 'median ms', 'min ms', 'max ms', 'CPU ms (median)', 'peak RSS', 'notes'];
  const table = [head, head.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
  const goals: string[] = [];
  const r1k = results.find((r) => r.clusters === 1_000);
  if (r1k !== undefined) {
    goals.push(`- simulate / synth, 1,000 clusters: **${(r1k.simulate.wall.medianMs / r1k.synth.wall.medianMs).toFixed(2)}×** wall (goal ≤ 3×)`);
    goals.push(`- peak RSS of simulate, 1,000 clusters: **${mib(r1k.simulate.rssMiB)}** (goal < 600 MiB)`);
  }
  return [
    '## Simulation (whole process: fleet file → bound claims and rolled groups)',
    '',
    'Generated fleets (bench/fleet-generator.ts, seed 1). `simulate` = `node bin/capi-ionos.js simulate fleet.yaml --format json`, '
      + '`synth` = `node bin/capi-ionos.js synth fleet.yaml -o DIR`, both with the lock already written, interleaved. Wall time measured '
      + 'by the parent, Node start included; CPU time and peak RSS from /usr/bin/time.',
    '',
    table,
    '',
    ...goals,
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.slice(2).map(Number);
  console.log(await run(sizes.length > 0 ? sizes : undefined));
}
