/**
 * The Jsonnet path against the YAML path for a 1,000-cluster fleet: the same fleet written as
 * YAML (bench/fleet-generator.ts) and as Jsonnet with the `capi-ionos.libsonnet` builders (one
 * builder call per cluster, node pool, machine and NIC), each taken through the same in-process
 * steps as `capi-ionos synth`: load (parse or evaluate, read) → plan → constructs → render and
 * validate every object. Files are not written, so disk speed does not blur the ratio.
 *
 * Before timing, both fleets are checked to read to the same FleetSpec.
 *
 * Two more rows split the Jsonnet read into what the library can change and what it cannot: the
 * same fleet as plain data (JSON is Jsonnet: no builder calls, so what is left is C++ Jsonnet
 * parsing and manifesting the data), and evaluating `{}` (the fixed cost of every evaluation).
 *
 * Then the two as a user runs them, whole process: `capi-ionos synth fleet.yaml -o DIR` against
 * `capi-ionos synth fleet.jsonnet -o DIR` (lock files written by an unmeasured first run, which
 * also checks that both write the same tree). There the Jsonnet evaluation overlaps with the
 * synthesis worker loading cdk8s (src/synth/synthesis-worker.ts), as it does for users.
 *
 * Run: `npm run build && npx tsx bench/jsonnet.ts [clusters]` (default 1,000); `run()` returns
 * the markdown.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { loadFleet } from '../src/fleet/app.js';
import { evaluateFleet } from '../src/jsonnet/evaluate.js';
import { parseFleet, readJsonnetFleet } from '../src/fleet/read.js';
import { render } from '../src/synth/render.js';
import { generateFleet } from './fleet-generator.js';
import { measure, table, thousands, timingOf, type Timing } from './lib/measure.js';
import { compareTrees, ROOT, runProcess, workDirectory } from './lib/process.js';

type Json = Record<string, unknown>;

/** A Jsonnet literal for a JSON value (JSON is Jsonnet). */
function lit(value: unknown): string {
  return JSON.stringify(value);
}

/** `name=value` for the fields of `obj` named in `keys` that are present. */
function named(obj: Json, keys: readonly string[], rename: Readonly<Record<string, string>> = {}): string[] {
  return keys.filter((k) => obj[k] !== undefined).map((k) => `${rename[k] ?? k}=${lit(obj[k])}`);
}

function call(fn: string, args: readonly string[]): string {
  return `${fn}(${args.join(', ')})`;
}

/** An image through the shared locals when it is one of them. */
function image(value: Json, images: Map<string, string>): string {
  const key = lit(value);
  const local = images.get(key);
  if (local !== undefined) return local;
  return value.id !== undefined ? call('capi.image.id', [lit(value.id)]) : lit(value);
}

function machine(m: Json, images: Map<string, string>): string {
  const disk = (m.disk ?? {}) as Json;
  return call('capi.machine', [
    image(disk.image as Json, images),
    ...named(m, ['cores', 'memoryMB', 'type', 'cpuFamily', 'availabilityZone', 'failoverIP', 'networkID']),
    ...named(disk, ['sizeGB', 'type', 'availabilityZone'], { sizeGB: 'diskGB', type: 'diskType', availabilityZone: 'diskAvailabilityZone' }),
  ]);
}

function nic(n: Json | undefined): string[] {
  if (n === undefined) return [];
  if (n.ipv4 === 'nodes' && n.ipv6 === undefined) return ['ipv4'];
  if (n.ipv4 === 'nodes' && n.ipv6 === 'nodes-v6') return ['dualStack'];
  return [call('capi.nic', named(n, ['ipv4', 'ipv6']))];
}

function additional(list: unknown): string[] {
  if (list === undefined) return [];
  const items = (list as Json[]).map((a) => call('capi.additionalNetwork', [
    ...(a.network !== undefined ? [lit(a.network)] : []), ...named(a, ['ipv4', 'ipv6', 'ipv4Pool', 'ipv6Pool', 'dhcp']),
  ]));
  return [`additionalNetworks=[${items.join(', ')}]`];
}

/**
 * The fleet file's value as Jsonnet written with the library's builders, the way a person would
 * write it: shared images and NICs as locals, one builder call per object.
 */
export function toJsonnet(fleet: Json): string {
  const images = new Map<string, string>();
  const locals: string[] = ["local capi = import 'capi-ionos.libsonnet';"];
  const clusters = fleet.clusters as Json[];
  for (const c of clusters) {
    for (const m of [(c.controlPlane as Json).machine, ...(c.nodePools as Json[]).map((p) => p.machine)] as Json[]) {
      const value = (m.disk as Json).image as Json;
      const key = lit(value);
      if (images.has(key)) continue;
      const name = `image${images.size}`;
      images.set(key, name);
      const sel = value.selector as Json | undefined;
      locals.push(`local ${name} = ${value.id !== undefined ? call('capi.image.id', [lit(value.id)])
        : call('capi.image.selector', [lit(sel!.matchLabels), ...named(sel!, ['resolutionPolicy', 'useMachineVersion'])])};`);
    }
  }
  locals.push("local ipv4 = capi.nic(ipv4='nodes');", "local dualStack = capi.nic(ipv4='nodes', ipv6='nodes-v6');");
  const networks = (fleet.networks as Json[]).map((n) => call('capi.network', [lit(n.name), lit(n.cidr), ...named(n, ['gateway', 'reserved', 'lanID', 'allocation'])]));
  const shared = ((fleet.sharedPools ?? []) as Json[]).map((p) => call('capi.sharedPool', [lit(p.name), lit(p.network), lit(p.size)]));
  const clusterCalls = clusters.map((c) => {
    const cp = c.controlPlane as Json;
    const controlPlane = call('capi.controlPlane', [
      machine(cp.machine as Json, images), ...nic(cp.network as Json | undefined),
      ...named(cp, ['replicas', 'port', 'maxSurge']), ...(cp.endpoint === 'auto' ? [] : [`endpoint=${lit(cp.endpoint)}`]),
      ...additional(cp.additionalNetworks),
    ]);
    const pools = (c.nodePools as Json[]).map((p) => call('capi.nodePool', [
      lit(p.name), lit(p.replicas), machine(p.machine as Json, images), ...nic(p.network as Json | undefined),
      ...additional(p.additionalNetworks), ...named(p, ['maxSurge', 'maxUnavailable', 'healthCheck', 'labels']),
    ]));
    return `    ${call('capi.cluster', [
      lit(c.name), lit(c.location), lit(c.datacenterID), lit(c.kubernetesVersion), controlPlane, `[\n      ${pools.join(',\n      ')},\n    ]`,
      ...(c.namespace !== c.name ? [`namespace=${lit(c.namespace)}`] : []),
      ...(c.credentialsSecret !== 'ionos-credentials' ? [`credentialsSecret=${lit(c.credentialsSecret)}`] : []),
      ...named(c, ['sshAuthorizedKeys', 'podCidrBlocks', 'poolSizes']),
    ])}`;
  });
  return [
    '// Generated by bench/jsonnet.ts from the YAML fleet of bench/fleet-generator.ts.',
    ...locals,
    '',
    `capi.fleet(${lit((fleet.metadata as Json).name)},`,
    `  networks=[\n    ${networks.join(',\n    ')},\n  ],`,
    `  sharedPools=[${shared.join(', ')}],`,
    `  clusters=[\n${clusterCalls.join(',\n')},\n  ],`,
    ')',
    '',
  ].join('\n');
}

/** Runs the cases in turn, `runs` rounds after one warm-up round, and times each with `measure`. */
async function interleaved(cases: readonly (readonly [string, () => unknown])[], runs: number): Promise<Timing[]> {
  for (const [, fn] of cases) await fn();
  const times = cases.map(() => [] as number[]);
  for (let round = 0; round < runs; round++) {
    for (const [i, [label, fn]] of cases.entries()) times[i]!.push((await measure(label, fn, { runs: 1, warmup: 0 })).medianMs);
  }
  return cases.map(([label], i) => timingOf(label, times[i]!));
}

const CLI = join(ROOT, 'bin', 'capi-ionos.js');

/**
 * `capi-ionos synth` of each fleet, whole process, `runs` interleaved rounds after one unmeasured
 * run each (which writes the locks); every run writes a directory that does not exist yet.
 *
 * @throws Error when the two fleets do not synthesise to the same tree
 */
function wholeProcess(fleets: readonly (readonly [string, string])[], runs: number): Timing[] {
  const work = workDirectory();
  try {
    const outs = fleets.map((_, i) => join(work, `out-${i}`));
    for (const [i, [, fleet]] of fleets.entries()) runProcess(process.execPath, [CLI, 'synth', fleet, '-o', outs[i]!]);
    for (const out of outs.slice(1)) {
      const { differences } = compareTrees(outs[0]!, out);
      if (differences.length > 0) throw new Error(`the fleets synthesise differently: ${differences.join(', ')}`);
    }
    for (const out of outs) rmSync(out, { recursive: true, force: true });
    const times = fleets.map(() => [] as number[]);
    for (let round = 0; round < runs; round++) {
      for (const [i, [, fleet]] of fleets.entries()) {
        times[i]!.push(runProcess(process.execPath, [CLI, 'synth', fleet, '-o', outs[i]!]).ms);
        rmSync(outs[i]!, { recursive: true, force: true });
      }
    }
    return fleets.map(([label], i) => timingOf(label, times[i]!));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs the comparison for `clusters` clusters and returns the markdown report. */
export async function run(clusters = 1_000): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'capi-ionos-bench-jsonnet-'));
  try {
    const yamlText = generateFleet({ clusters });
    const value = parseYaml(yamlText) as Json;
    const jsonnetText = toJsonnet(value);
    // Separate directories: each path plans from scratch (no lock), and neither sees the other's files.
    mkdirSync(join(root, 'yaml'));
    mkdirSync(join(root, 'jsonnet'));
    const yamlPath = join(root, 'yaml', 'fleet.yaml');
    const jsonnetPath = join(root, 'jsonnet', 'fleet.jsonnet');
    const dataPath = join(root, 'jsonnet', 'data.jsonnet');
    const emptyPath = join(root, 'jsonnet', 'empty.jsonnet');
    writeFileSync(yamlPath, yamlText);
    writeFileSync(jsonnetPath, jsonnetText);
    writeFileSync(dataPath, JSON.stringify(value));
    writeFileSync(emptyPath, '{}\n');

    const fromYaml = parseFleet(readFileSync(yamlPath, 'utf8'), 'fleet.yaml');
    const fromJsonnet = await readJsonnetFleet(jsonnetPath);
    if (!isDeepStrictEqual(fromYaml, fromJsonnet)) throw new Error('the YAML and Jsonnet fleets read differently; the comparison would be unfair');
    if (!isDeepStrictEqual(fromYaml, await readJsonnetFleet(dataPath))) throw new Error('the plain-data Jsonnet fleet reads differently from the YAML fleet');

    const synth = async (path: string): Promise<number> => {
      const { app } = await loadFleet(path);
      return render(app, { env: {} }).objects.length;
    };
    const objects = await synth(yamlPath);
    if ((await synth(jsonnetPath)) !== objects) throw new Error('the YAML and Jsonnet fleets render different numbers of objects');

    // The two paths take turns, so that load from other processes and the heap's growth fall
    // on both alike; each case is warmed up once first.
    const timings = await interleaved([
      ['YAML: parse + read fleet', () => parseFleet(readFileSync(yamlPath, 'utf8'), 'fleet.yaml')],
      ['Jsonnet: evaluate + read fleet', () => readJsonnetFleet(jsonnetPath)],
      ['Jsonnet: evaluate + read, the fleet as plain data', () => readJsonnetFleet(dataPath)],
      ['Jsonnet: evaluate `{}`', () => evaluateFleet(emptyPath)],
    ], 7);
    timings.push(...await interleaved([
      ['YAML: load → plan → synth (render + validate)', () => synth(yamlPath)],
      ['Jsonnet: load → plan → synth (render + validate)', () => synth(jsonnetPath)],
    ], 5));
    timings.push(...wholeProcess([
      ['YAML: `capi-ionos synth fleet.yaml -o DIR` (whole process)', yamlPath],
      ['Jsonnet: `capi-ionos synth fleet.jsonnet -o DIR` (whole process)', jsonnetPath],
    ], 5));
    const [yamlRead, jsonnetRead, dataRead, empty, yamlAll, jsonnetAll, yamlCli, jsonnetCli] = timings as [Timing, Timing, Timing, Timing, Timing, Timing, Timing, Timing];
    const ratio = jsonnetAll.medianMs / yamlAll.medianMs;
    const cliRatio = jsonnetCli.medianMs / yamlCli.medianMs;
    const delta = jsonnetRead.medianMs - yamlRead.medianMs;
    return [
      '## Jsonnet fleet vs YAML fleet',
      '',
      `Node ${process.version}; ${thousands(clusters)} clusters, ${thousands(objects)} objects; `
        + `YAML ${(yamlText.length / 1024).toFixed(0)} KiB, Jsonnet ${(jsonnetText.length / 1024).toFixed(0)} KiB (library builders). `
        + 'In-process rows write no files; whole-process rows write dist/ (to /dev/shm where there is one).',
      '',
      table(timings),
      '',
      `- \`capi-ionos synth\`, whole process, Jsonnet / YAML: **${cliRatio.toFixed(2)}×** by median, `
        + `${(jsonnetCli.minMs / yamlCli.minMs).toFixed(2)}× by minimum (budget 1.5×); the same tree written.`,
      `- In-process, one thread (load → plan → render + validate), Jsonnet / YAML: **${ratio.toFixed(2)}×** by median, `
        + `${(jsonnetAll.minMs / yamlAll.minMs).toFixed(2)}× by minimum: without the overlap, the evaluation shows in full. `
        + `Reading alone: ${(jsonnetRead.medianMs / yamlRead.medianMs).toFixed(2)}× `
        + `(${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(0)} ms). `
        + `Of the Jsonnet read, ${empty.medianMs.toFixed(0)} ms is fixed per evaluation and the same fleet as plain data `
        + `(no builder calls) takes ${dataRead.medianMs.toFixed(0)} ms.`,
      '',
    ].join('\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run(process.argv[2] === undefined ? undefined : Number(process.argv[2])).then((report) => process.stdout.write(report), (error: unknown) => {
    process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    process.exitCode = 1;
  });
}
