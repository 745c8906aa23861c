/**
 * Synthesis benchmark, whole process: `node bin/capi-ionos.js synth fleet.yaml -o DIR` for
 * generated fleets of 10, 100, 1,000 and 5,000 clusters, against, in the same run and on the same
 * fleets:
 *
 * - the floor: a process that gets the same objects as plain data and only serialises and writes
 *   them (bench/child/floor.ts), so that the ratio, not just seconds, is reported;
 * - the naive path: the same constructs synthesised by cdk8s's `App.synth()` with one folder per
 *   chart and one file per object (bench/child/naive.ts), whose bytes must equal ours;
 * - cdk8s's default output type, one file per chart (bench/child/naive-per-chart.ts), quadratic
 *   in the number of clusters; its documents must equal our files.
 *
 * Every measured run writes into a directory that does not exist yet (removed again outside the
 * timing), so each run does the same work; runs of the different ways are interleaved. The lock
 * file is written by an unmeasured first run. Peak RSS and CPU time come from `/usr/bin/time`.
 *
 *   npm run build && npx tsx bench/synth.ts [N ...]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateFleet } from './fleet-generator.js';
import { thousands, timingOf, type Timing } from './lib/measure.js';
import {
  childProgram, compareTrees, listFiles, mib, ROOT, runProcess, workBase, workDirectory, type ProcessRun, type TreeComparison,
} from './lib/process.js';

const CLI = join(ROOT, 'bin', 'capi-ionos.js');

/**
 * Fleet sizes and measured runs per size: of capi-ionos and the floor, of the naive path, and of
 * cdk8s's default output type (quadratic: about 40 s for 1,000 clusters here, so once).
 */
const SIZES: readonly { clusters: number; runs: number; naiveRuns: number; perChartRuns: number }[] = [
  { clusters: 10, runs: 7, naiveRuns: 3, perChartRuns: 3 },
  { clusters: 100, runs: 7, naiveRuns: 3, perChartRuns: 3 },
  { clusters: 1_000, runs: 5, naiveRuns: 3, perChartRuns: 1 },
  { clusters: 5_000, runs: 3, naiveRuns: 0, perChartRuns: 0 },
];

/** Wall time, CPU time and peak RSS of one way of synthesising, over its runs. */
interface Measured {
  readonly wall: Timing;
  /** Median CPU time (user + system) in ms, when `/usr/bin/time` is available. */
  readonly cpuMs: number | undefined;
  /** Largest peak RSS of the runs, in MiB. */
  readonly rssMiB: number | undefined;
}

/** What one fleet size measured. */
interface SizeResult {
  readonly clusters: number;
  readonly objects: number;
  readonly bytes: number;
  readonly fast: Measured;
  readonly floor: Measured;
  readonly naive?: Measured;
  /** Naive and fast output: files compared and differences found. */
  readonly naiveEqual?: TreeComparison;
  readonly perChart?: Measured;
  /** cdk8s's one-file-per-chart output and the fast output: documents compared, differences. */
  readonly perChartEqual?: TreeComparison;
  readonly floorEqual: TreeComparison;
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Collects the runs of one way of synthesising. */
class Runs {
  private readonly walls: number[] = [];
  private readonly cpus: number[] = [];
  private rss: number | undefined;

  public constructor(private readonly label: string) {}

  public add(run: ProcessRun): void {
    this.walls.push(run.ms);
    if (run.cpuMs !== undefined) this.cpus.push(run.cpuMs);
    if (run.maxRssMiB !== undefined) this.rss = Math.max(this.rss ?? 0, run.maxRssMiB);
  }

  public result(): Measured {
    return { wall: timingOf(this.label, this.walls), cpuMs: median(this.cpus), rssMiB: this.rss };
  }
}

function bytesOf(dir: string): number {
  return listFiles(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

async function measureSize(work: string, size: (typeof SIZES)[number], programs: Record<'dump' | 'floor' | 'naive' | 'perChart', string>): Promise<SizeResult> {
  const n = size.clusters;
  const dir = join(work, `fleet-${n}`);
  mkdirSync(dir, { recursive: true });
  const fleet = join(dir, 'fleet.yaml');
  writeFileSync(fleet, generateFleet({ clusters: n, seed: 1 }));

  // Unmeasured: plans and writes ipam.lock.yaml, warms the file cache, and keeps a reference tree.
  const reference = join(dir, 'reference');
  runProcess(process.execPath, [CLI, 'synth', fleet, '-o', reference]);
  const files = listFiles(reference);
  const objects = files.filter((f) => !f.endsWith('kustomization.yaml')).length;
  const bytes = bytesOf(reference);

  // The floor's input, and a check that the floor writes the same bytes.
  const objectsJson = join(dir, 'objects.json');
  runProcess(process.execPath, [programs.dump, ROOT, fleet, objectsJson]);
  const check = join(dir, 'check');
  runProcess(process.execPath, [programs.floor, ROOT, objectsJson, check]);
  const floorEqual = compareTrees(reference, check);
  rmSync(check, { recursive: true, force: true });

  // The naive path's bytes, mapped from cdk8s's folder names to chart ids.
  let naiveEqual: TreeComparison | undefined;
  if (size.naiveRuns > 0) {
    runProcess(process.execPath, [programs.naive, ROOT, fleet, check]);
    const folders = JSON.parse(readFileSync(`${check}.folders.json`, 'utf8')) as Record<string, string>;
    naiveEqual = compareTrees(check, reference, {
      mapPath: (p) => {
        const [folder, ...rest] = p.split('/');
        return [folders[folder!] ?? folder, ...rest].join('/');
      },
      onlyInActual: (p) => p.endsWith('kustomization.yaml'),
    });
    rmSync(check, { recursive: true, force: true });
    rmSync(`${check}.folders.json`, { force: true });
  }

  // The default output type's documents, chart by chart.
  let perChartEqual: TreeComparison | undefined;
  if (size.perChartRuns > 0) {
    runProcess(process.execPath, [programs.perChart, ROOT, fleet, check]);
    perChartEqual = compareChartFiles(check, reference, JSON.parse(readFileSync(`${check}.folders.json`, 'utf8')) as Record<string, string>);
    rmSync(check, { recursive: true, force: true });
    rmSync(`${check}.folders.json`, { force: true });
  }

  // Measured, interleaved so that changes in the machine's load hit every way alike. Each run
  // writes into a directory that does not exist yet; it is removed outside the timing.
  const fast = new Runs(`capi-ionos synth, ${thousands(n)} clusters`);
  const floor = new Runs(`floor, ${thousands(n)} clusters`);
  const naive = new Runs(`naive App.synth(), ${thousands(n)} clusters`);
  const perChart = new Runs(`App.synth(), default output (file per chart), ${thousands(n)} clusters`);
  const out = join(dir, 'out');
  for (let i = 0; i < size.runs; i++) {
    fast.add(runProcess(process.execPath, [CLI, 'synth', fleet, '-o', out], { rss: true }));
    rmSync(out, { recursive: true, force: true });
    floor.add(runProcess(process.execPath, [programs.floor, ROOT, objectsJson, out], { rss: true }));
    rmSync(out, { recursive: true, force: true });
    if (i < size.naiveRuns) {
      naive.add(runProcess(process.execPath, [programs.naive, ROOT, fleet, out], { rss: true }));
      rmSync(out, { recursive: true, force: true });
      rmSync(`${out}.folders.json`, { force: true });
    }
    if (i < size.perChartRuns) {
      perChart.add(runProcess(process.execPath, [programs.perChart, ROOT, fleet, out], { rss: true }));
      rmSync(out, { recursive: true, force: true });
      rmSync(`${out}.folders.json`, { force: true });
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    clusters: n, objects, bytes, fast: fast.result(), floor: floor.result(), floorEqual,
    ...(size.naiveRuns > 0 ? { naive: naive.result(), naiveEqual } : {}),
    ...(size.perChartRuns > 0 ? { perChart: perChart.result(), perChartEqual } : {}),
  };
}

/**
 * Compares cdk8s's one-file-per-chart output with the fast path's tree: each chart file's
 * documents (cdk8s joins them with `---`) must be exactly the object files of that chart's
 * directory, in any order.
 */
function compareChartFiles(naive: string, reference: string, folders: Record<string, string>): TreeComparison {
  const byDir = new Map<string, string[]>();
  for (const path of listFiles(reference)) {
    if (path.endsWith('kustomization.yaml')) continue;
    const [dir] = path.split('/');
    const list = byDir.get(dir!) ?? [];
    list.push(readFileSync(join(reference, path), 'utf8'));
    byDir.set(dir!, list);
  }
  const differences: string[] = [];
  let compared = 0;
  for (const file of listFiles(naive)) {
    const dir = folders[file.replace(/\.k8s\.yaml$/, '')];
    const expected = dir === undefined ? undefined : byDir.get(dir);
    byDir.delete(dir ?? '');
    const documents = readFileSync(join(naive, file), 'utf8').split(/^---\n/m);
    compared += documents.length;
    if (expected === undefined || JSON.stringify([...documents].sort()) !== JSON.stringify([...expected].sort())) differences.push(`differs ${file}`);
    if (differences.length >= 10) break;
  }
  for (const dir of byDir.keys()) if (differences.length < 10) differences.push(`missing ${dir}`);
  return { compared, differences };
}

function equality(result: { compared: number; differences: readonly string[] } | undefined): string {
  if (result === undefined) return '';
  return result.differences.length === 0 ? `identical (${thousands(result.compared)} files or documents)` : `DIFFERENT: ${result.differences.join(', ')}`;
}

/**
 * Runs the synthesis benchmark for the given fleet sizes (default 10, 100, 1,000, 5,000) and
 * returns its markdown report.
 */
export async function run(sizes: readonly number[] = SIZES.map((s) => s.clusters)): Promise<string> {
  const built = join(ROOT, 'lib', 'src', 'cli', 'main.js');
  if (!existsSync(built)) throw new Error('lib/ is missing: run `npm run build` first (npm run bench does)');
  const work = workDirectory();
  const programs = { dump: childProgram('dump'), floor: childProgram('floor'), naive: childProgram('naive'), perChart: childProgram('naive-per-chart') };
  const results: SizeResult[] = [];
  try {
    for (const size of SIZES.filter((s) => sizes.includes(s.clusters))) {
      process.stderr.write(`synth: ${thousands(size.clusters)} clusters…\n`);
      results.push(await measureSize(work, size, programs));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const rows: string[][] = [];
  const ms = (value: number | undefined) => (value === undefined ? 'n/a' : value.toFixed(0));
  const row = (m: Measured, note: string) => rows.push([
    m.wall.label, String(m.wall.runs), ms(m.wall.medianMs), ms(m.wall.minMs), ms(m.wall.maxMs), ms(m.cpuMs), mib(m.rssMiB), note,
  ]);
  const ratio = (a: Measured, b: Measured) => `${(a.wall.medianMs / b.wall.medianMs).toFixed(2)}× wall, `
    + `${a.cpuMs !== undefined && b.cpuMs !== undefined ? (a.cpuMs / b.cpuMs).toFixed(2) : 'n/a'}× CPU`;
  for (const r of results) {
    row(r.fast, `${thousands(r.objects)} objects, ${(r.bytes / 1e6).toFixed(1)} MB; ${ratio(r.fast, r.floor)} the floor`);
    row(r.floor, `output ${equality(r.floorEqual)}`);
    if (r.naive !== undefined) row(r.naive, `${ratio(r.naive, r.fast)} capi-ionos; output ${equality(r.naiveEqual)}`);
    if (r.perChart !== undefined) row(r.perChart, `${ratio(r.perChart, r.fast)} capi-ionos; documents ${equality(r.perChartEqual)}`);
  }
  const head = ['case', 'runs', 'median ms', 'min ms', 'max ms', 'CPU ms (median)', 'peak RSS', 'notes'];
  const table = [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');

  const at = (n: number) => results.find((r) => r.clusters === n);
  const goals: string[] = [];
  const r1k = at(1_000);
  const r5k = at(5_000);
  if (r1k !== undefined) {
    goals.push(`- synth of 1,000 clusters / floor: **${ratio(r1k.fast, r1k.floor)}** (goal ≤ 3×)`);
    if (r1k.naive !== undefined) {
      goals.push(`- naive App.synth() (folder per chart, file per object) / synth, 1,000 clusters: **${ratio(r1k.naive, r1k.fast)}** (goal ≥ 10×); bytes: ${equality(r1k.naiveEqual)}`);
    }
    if (r1k.perChart !== undefined) {
      goals.push(`- App.synth() with cdk8s's default output (file per chart) / synth, 1,000 clusters: **${ratio(r1k.perChart, r1k.fast)}** (goal ≥ 10×); documents: ${equality(r1k.perChartEqual)}`);
    }
  }
  if (r1k !== undefined && r5k !== undefined) {
    goals.push(`- synth of 5,000 / 1,000 clusters: **${ratio(r5k.fast, r1k.fast)}** (goal ≤ 5.5×; 5× is linear)`);
  }
  if (r5k !== undefined) goals.push(`- peak RSS of synth, 5,000 clusters: **${mib(r5k.fast.rssMiB)}** (goal < 1024 MiB)`);

  return [
    '## Synthesis (whole process: fleet file → directory)',
    '',
    'Generated fleets (bench/fleet-generator.ts, seed 1): 2–3 node pools per cluster, a primary and a storage network, every '
      + 'fourth cluster dual-stack. `capi-ionos synth` = `node bin/capi-ionos.js synth fleet.yaml -o DIR` with the lock already written; '
      + 'floor = a process that JSON.parses the same objects and only serialises (same emitter) and writes them; naive = the same '
      + 'constructs written by cdk8s `App.synth()` (FOLDER_PER_CHART_FILE_PER_RESOURCE, linear in cdk8s 2.70); default output = '
      + "`App.synth()` with cdk8s's default FILE_PER_CHART, whose `chart.toJson()` re-resolves and re-validates the whole app per "
      + 'chart (quadratic; its documents are compared with ours). Wall time measured by the parent, Node start '
      + `included; CPU time and peak RSS from /usr/bin/time. Runs of the three are interleaved. Output goes to ${workBase()}.`,
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
