/**
 * A fleet file through the planner: parse it, read `ipam.lock.yaml` beside it and plan. Turning
 * the plan into constructs is app.ts's job, so that planning loads neither cdk8s nor the
 * constructs.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { formatLock } from '../ipam/lock.js';
import { plan, type Finding, type PlanResult } from '../ipam/planner.js';
import { isProblemError, ProblemError, relativeTo, type Problem } from '../problems.js';
import type { EvaluateOptions } from '../jsonnet/evaluate.js';
import type { FleetSpec } from './schema.js';
import { readFleetFile } from './read.js';
import { LOCK_FILE, lockPathOf, readLockFile } from './lock-file.js';
import { yamlLocator, type Locator } from './locate.js';
import { clusterPoolName, planRequests } from './requests.js';
import { fleetFormat } from './source.js';

export { LOCK_FILE } from './lock-file.js';

/** Planning options from the command line. */
export interface PlanFlags {
  readonly prune?: boolean;
  readonly allowRenumber?: boolean;
  /** How to evaluate a Jsonnet fleet file (see `jsonnetOptions`). */
  readonly jsonnet?: EvaluateOptions;
}

/** A fleet file read and planned. */
export interface PlannedFleet {
  readonly fleet: FleetSpec;
  readonly result: PlanResult;
  /** Where the lock lives. */
  readonly lockPath: string;
  /** The lock file's text as it is now (`undefined` when there is none). */
  readonly lockBefore: string | undefined;
  /** The lock file's text after this plan. */
  readonly lockAfter: string;
  /**
   * The plan's findings as problems of the fleet file: the path the user wrote
   * (`sharedPools[0].size`, not the planner's `pools.shared-storage.size`), the file, and for a
   * YAML or JSON fleet the line and column; findings about the lock name the lock file.
   */
  readonly findings: readonly LocatedFinding[];
  /** The fleet file's name, as problems name it. */
  readonly file: string;
  /** The fleet file's text, for locating later problems (`undefined` for Jsonnet, whose output has no lines). */
  readonly text?: string;
}

/** A plan finding, located in the fleet file (or the lock file). */
export interface LocatedFinding extends Problem {
  readonly severity: Finding['severity'];
  readonly code: string;
}

/**
 * Reads and plans the fleet file at `path`. Findings are in the result; nothing is thrown for them.
 *
 * @throws ProblemError for mistakes in the fleet file or the lock, relative to the fleet's directory
 */
export async function planFleet(path: string, flags: PlanFlags): Promise<PlannedFleet> {
  try {
    return await planFleetFile(path, flags);
  } catch (error) {
    throw relativeTo(error, dirname(path));
  }
}

async function planFleetFile(path: string, flags: PlanFlags): Promise<PlannedFleet> {
  const fleet = await readFleetFile(path, flags.jsonnet);
  const onDisk = readLockFile(lockPathOf(path));
  const file = basename(path);
  // The text is read again only to locate problems; a Jsonnet fleet's value has no lines.
  const text = fleetFormat(path) === 'jsonnet' ? undefined : readFileSync(path, 'utf8');
  const locator = lazyLocator(text);
  let result: PlanResult;
  try {
    result = plan({ ...planRequests(fleet), lock: onDisk.lock, prune: flags.prune, allowRenumber: flags.allowRenumber });
  } catch (error) {
    if (isProblemError(error)) throw error.with((p) => inFleet(p, fleet, file, locator, onDisk.text));
    throw error;
  }
  const findings = result.findings.map((f) => ({ ...inFleet(f, fleet, file, locator, onDisk.text), severity: f.severity, code: f.code }));
  return {
    fleet, result, lockPath: onDisk.path, lockBefore: onDisk.text, lockAfter: formatLock(result.lock), findings, file,
    ...(text === undefined ? {} : { text }),
  };
}

/** A locator over `text`, made on first use (most plans have nothing to locate). */
function lazyLocator(text: string | undefined): () => Locator | undefined {
  let locator: Locator | undefined | null = null;
  return () => {
    if (locator === null) locator = text === undefined ? undefined : yamlLocator(text);
    return locator;
  };
}

/**
 * A problem raised while the fleet's constructs were made, located in the fleet file: at its
 * path when that is a fleet path (`clusters[0]`), else at the cluster its construct path starts
 * with (`prod-a/workers: machine.memoryMB`), else the whole file.
 */
export function constructProblemInFleet(problem: Problem, planned: PlannedFleet): Problem {
  const cluster = planned.fleet.clusters.findIndex((c) => problem.path === c.name || problem.path.startsWith(`${c.name}/`) || problem.path.startsWith(`${c.name}:`));
  const located = { ...problem, file: planned.file };
  const inFile = /^(clusters|sharedPools)\[/.test(problem.path) ? problem.path : cluster < 0 ? undefined : `clusters[${cluster}]`;
  if (inFile === undefined || planned.text === undefined) return located;
  const where = yamlLocator(planned.text)?.at(inFile);
  return where === undefined ? located : { ...located, line: where.line, column: where.column };
}

function locateOnce(problem: Problem, text: string): Problem {
  return yamlLocator(text)?.locate([problem])[0] ?? problem;
}

/**
 * A problem the planner found, as a problem of the fleet file: its path is the path in the
 * fleet file, and its line and column are found there. Problems about the lock (`lock.…`) name
 * the lock file instead.
 */
function inFleet(problem: Problem, fleet: FleetSpec, file: string, locator: () => Locator | undefined, lockText: string | undefined): Problem {
  const lockPath = /^lock\.(.*)$/.exec(problem.path);
  if (lockPath !== null) {
    const inLock = { ...problem, file: LOCK_FILE, path: lockPath[1]! };
    return lockText === undefined ? inLock : locateOnce(inLock, lockText);
  }
  const path = fleetPath(problem.path, fleet);
  const located = { ...problem, file, path };
  return locator()?.locate([located])[0] ?? located;
}

/**
 * The fleet-file path of a planner path: `networks.nodes.gateway` → `networks[0].gateway`,
 * `pools.shared-storage.size` → `sharedPools[0].size`, `pools.prod-a-nodes` → `clusters[0]`
 * (`.size` → `clusters[0].poolSizes.nodes`), `endpoints.prod-a` → `clusters[0].controlPlane.endpoint`,
 * `manualPools.legacy.addresses` → `manualPools[0].addresses`. The planner's own indices
 * (`networks[1].cidr`) are those of the fleet file for networks and hand-written pools.
 */
export function fleetPath(path: string, fleet: FleetSpec): string {
  const requests = planRequests(fleet);
  const named = /^(networks|pools|endpoints|manualPools)(?:\.([^.[\]]+)|\[(\d+)\])(.*)$/.exec(path);
  if (named === null) return path;
  const [, list, name, index, rest] = named as unknown as [string, string, string | undefined, string | undefined, string];
  const pick = (items: readonly { readonly name: string }[]): number => (name === undefined ? Number(index) : items.findIndex((i) => i.name === name));
  if (list === 'networks' || list === 'manualPools') {
    const i = pick(list === 'networks' ? fleet.networks : fleet.manualPools);
    return i < 0 ? path : `${list}[${i}]${rest}`;
  }
  const clusterOf = (cluster: string | undefined): number => fleet.clusters.findIndex((c) => c.name === cluster);
  if (list === 'endpoints') {
    const cluster = name ?? requests.endpoints?.[Number(index)]?.cluster;
    const i = clusterOf(cluster);
    return i < 0 ? path : `clusters[${i}].controlPlane.endpoint`;
  }
  const pool = name === undefined ? requests.pools?.[Number(index)] : requests.pools?.find((p) => p.name === name);
  if (pool === undefined) return path;
  if (pool.kind === 'GlobalInClusterIPPool') {
    const i = fleet.sharedPools.findIndex((p) => p.name === pool.name);
    return i < 0 ? path : `sharedPools[${i}]${rest === '.family' ? '.network' : rest}`;
  }
  const i = clusterOf(pool.cluster);
  if (i < 0 || clusterPoolName(pool.cluster!, pool.network) !== pool.name) return path;
  return rest === '.size' ? `clusters[${i}].poolSizes.${pool.network}` : `clusters[${i}]`;
}

/**
 * Reads and plans the fleet file at `path`, for commands that go on only with a plan that holds.
 *
 * @throws ProblemError for input problems, and for the plan's error findings
 */
export async function planFleetOrThrow(path: string, flags: PlanFlags): Promise<PlannedFleet> {
  const planned = await planFleet(path, flags);
  const errors = planErrors(planned);
  if (errors !== undefined) throw errors.relativeTo(dirname(path));
  return planned;
}

/** The plan's error findings as one ProblemError, located in the fleet file, or nothing. */
export function planErrors(planned: PlannedFleet): ProblemError | undefined {
  const errors = planned.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return undefined;
  return new ProblemError('plan', errors.map(({ severity: _, ...problem }) => problem));
}
