/**
 * Planning a generated fleet of 10,000 clusters (bench/fleet-generator.ts): the planner's input
 * from the fleet (`planRequests`) and `plan()` in process, from scratch and again with the lock it
 * wrote; reading the fleet file (YAML parsing and checking) on its own; and the whole
 * `capi-ionos plan` process for reference.
 *
 *   npm run build && npx tsx bench/fleet-plan.ts
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { plan } from '../src/ipam/planner.js';
import { planAddresses } from '../src/ipam/address-checks.js';
import { parseFleet } from '../src/fleet/read.js';
import { planRequests } from '../src/fleet/requests.js';
import { generateFleet } from './fleet-generator.js';
import { measure, table, thousands, timingOf, type Timing } from './lib/measure.js';
import { ROOT, runProcess, workDirectory } from './lib/process.js';

const CLUSTERS = 10_000;

/** Runs the benchmark; returns its markdown report. */
export async function run(): Promise<string> {
  const text = generateFleet({ clusters: CLUSTERS, seed: 1 });
  const fleet = parseFleet(text, 'fleet.yaml');
  const requests = planRequests(fleet);
  const first = plan(requests);
  const errors = first.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new Error(`the generated fleet does not plan: ${errors[0]!.message}`);
  const pools = requests.pools.length;
  const endpoints = requests.endpoints?.length ?? 0;

  const timings: Timing[] = [
    await measure('planRequests + plan, from scratch', () => plan(planRequests(fleet)), { runs: 9, warmup: 2 }),
    await measure('planRequests + planAddresses (plan and every address checked), from scratch', () => planAddresses(planRequests(fleet)), { runs: 9, warmup: 2 }),
    await measure('planRequests + plan, with the lock (nothing new)', () => plan({ ...planRequests(fleet), lock: first.lock }), { runs: 9, warmup: 2 }),
    await measure(`parseFleet (${(text.length / 1e6).toFixed(1)} MB of YAML)`, () => parseFleet(text, 'fleet.yaml'), { runs: 3, warmup: 1 }),
  ];

  const work = workDirectory();
  try {
    const path = join(work, 'fleet.yaml');
    writeFileSync(path, text);
    const cli = join(ROOT, 'bin', 'capi-ionos.js');
    runProcess(process.execPath, [cli, 'plan', path, '--write', '--format', 'json']);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(runProcess(process.execPath, [cli, 'plan', path, '--format', 'json']).ms);
    timings.push(timingOf('capi-ionos plan --format json (whole process, with the lock)', times));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  return [
    `## Planning a fleet of ${thousands(CLUSTERS)} clusters`,
    '',
    `Generated fleet: ${thousands(pools)} pools and ${thousands(endpoints)} endpoint VIPs `
      + 'in a /8 (IPv4 nodes), a /12 (storage) and an IPv6 /48.',
    '',
    table(timings),
    '',
    `- plan of this ${thousands(CLUSTERS)}-cluster fleet (planRequests + plan, from scratch): **${timings[0]!.medianMs.toFixed(0)} ms** `
      + `for ${thousands(pools)} pools and ${thousands(endpoints)} VIPs (the ≤ 100 ms goal is stated for 10,000 clusters `
      + 'with one pool each in a /8: see the IP planner table)',
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await run());
}
