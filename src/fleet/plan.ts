/**
 * The planner, for both front ends: {@link planWithLock} is the one place it runs, with
 * `ipam.lock.yaml` beside the fleet. A fleet file is parsed and its requests planned here; a
 * cdk8s app's requests are read from its construct tree (app.ts, `planRequestsOf`). Turning a
 * fleet file's plan into constructs is app.ts's job, so that planning a fleet file loads neither
 * cdk8s nor the constructs.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { formatLock } from '../ipam/lock.js';
import { planAddresses } from '../ipam/address-checks.js';
import type { Finding, PlanResult } from '../ipam/planner.js';
import { isProblemError, ProblemError, relativeTo, type Problem } from '../problems.js';
import type { EvaluateOptions } from '../jsonnet/evaluate.js';
import type { PlanRequests } from '../constructs/planning.js';
import type { FleetSpec } from './schema.js';
import { readFleetFile } from './read.js';
import { LOCK_FILE, lockPathOf, readLockFile } from './lock-file.js';
import { yamlLocator, type Locator } from './locate.js';
import { clusterPoolName, planRequests } from './requests.js';
import { fleetFormat } from './source.js';

export { LOCK_FILE, lockPathOf } from './lock-file.js';

/** Findings located at construct paths: `pathOf` maps a planner path to where the app made the object. */
export function constructPlace(file: string, pathOf: (path: string) => string): FindingPlace {
  return { file, locate: (problem) => ({ ...problem, file, path: pathOf(problem.path) }) };
}

/** Planning options from the command line. */
export interface PlanFlags {
  readonly prune?: boolean;
  readonly allowRenumber?: boolean;
  /** How to evaluate a Jsonnet fleet file (see `jsonnetOptions`). */
  readonly jsonnet?: EvaluateOptions;
}

/** A fleet planned against its lock: a fleet file's, or a cdk8s app's. */
export interface Planned {
  /** What was asked of the planner. */
  readonly requests: PlanRequests;
  readonly result: PlanResult;
  /** Where the lock lives. */
  readonly lockPath: string;
  /** The lock file's text as it is now (`undefined` when there is none). */
  readonly lockBefore: string | undefined;
  /** The lock file's text after this plan. */
  readonly lockAfter: string;
  /** Whether the lock file must be written: its text changes (a fleet that plans nothing needs none). */
  readonly lockChanged: boolean;
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

/** A fleet file read and planned. */
export interface PlannedFleet extends Planned {
  readonly fleet: FleetSpec;
}

/** Where the planner's findings are reported: the fleet's file, and how a planner path maps into it. */
export interface FindingPlace {
  /** The fleet's file name, as problems name it. */
  readonly file: string;
  /** The problem as the user wrote it (path, line, column); by default it only gains `file`. */
  readonly locate?: (problem: Problem) => Problem;
}

/**
 * Plans `requests` against the lock at `lockPath`: the one place the planner runs, for
 * fleet files and cdk8s apps alike. Findings are in the result, located through `place`
 * (findings about the lock name the lock file); nothing is thrown for them.
 *
 * @throws ProblemError for a malformed lock file (naming it) or malformed requests
 */
export function planWithLock(requests: PlanRequests, lockPath: string, flags: PlanFlags, place: FindingPlace): Planned {
  const onDisk = readLockFile(lockPath);
  const lockBefore = onDisk.text;
  const lockLocator = lazyLocator(lockBefore);
  const locate = (problem: Problem): Problem => {
    const inLockPath = /^lock\.(.*)$/.exec(problem.path);
    if (inLockPath !== null) {
      const inLock = { ...problem, file: LOCK_FILE, path: inLockPath[1]! };
      return lockLocator()?.locate([inLock])[0] ?? inLock;
    }
    return place.locate?.(problem) ?? { ...problem, file: place.file };
  };
  let result: PlanResult;
  try {
    result = planAddresses({ ...requests, lock: onDisk.lock, prune: flags.prune, allowRenumber: flags.allowRenumber });
  } catch (error) {
    if (isProblemError(error)) throw error.with(locate);
    throw error;
  }
  const findings = result.findings.map((f) => ({ ...locate(f), severity: f.severity, code: f.code }));
  const lockAfter = formatLock(result.lock);
  const lockChanged = lockBefore === undefined ? result.lock.ranges.length > 0 : lockAfter !== lockBefore;
  return { requests, result, lockPath, lockBefore, lockAfter, lockChanged, findings, file: place.file };
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
  const file = basename(path);
  // The text is read again only to locate problems; a Jsonnet fleet's value has no lines.
  const text = fleetFormat(path) === 'jsonnet' ? undefined : readFileSync(path, 'utf8');
  const locator = lazyLocator(text);
  const requests = planRequests(fleet);
  const locate = (problem: Problem): Problem => {
    const located = { ...problem, file, path: fleetPath(problem.path, fleet, requests) };
    return locator()?.locate([located])[0] ?? located;
  };
  const planned = planWithLock(requests, lockPathOf(path), flags, { file, locate });
  return { ...planned, fleet, ...(text === undefined ? {} : { text }) };
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
 * Problems raised while the fleet's constructs were made, located in the fleet file: each at its
 * path when that is a fleet path (`clusters[0]`), else at the cluster its construct path starts
 * with (`prod-a/workers: machine.memoryMB`), else the whole file. The file is parsed once.
 */
export function constructProblemsInFleet(problems: readonly Problem[], planned: PlannedFleet): Problem[] {
  const locator = lazyLocator(planned.text);
  return problems.map((problem) => {
    const cluster = planned.fleet.clusters.findIndex(
      (c) => problem.path === c.name || problem.path.startsWith(`${c.name}/`) || problem.path.startsWith(`${c.name}:`),
    );
    const located = { ...problem, file: planned.file };
    const inFile = /^(clusters|sharedPools)\[/.test(problem.path) ? problem.path : cluster < 0 ? undefined : `clusters[${cluster}]`;
    const where = inFile === undefined ? undefined : locator()?.at(inFile);
    return where === undefined ? located : { ...located, line: where.line, column: where.column };
  });
}

/**
 * The fleet-file path of a planner path: `networks.nodes.gateway` → `networks[0].gateway`,
 * `pools.shared-storage.size` → `sharedPools[0].size`, `pools.prod-a-nodes` → `clusters[0]`
 * (`.size` → `clusters[0].poolSizes.nodes`), `endpoints.prod-a` → `clusters[0].controlPlane.endpoint`,
 * `manualPools.legacy.addresses` → `manualPools[0].addresses`. The planner's own indices
 * (`networks[1].cidr`) are those of the fleet file for networks and hand-written pools.
 */
export function fleetPath(path: string, fleet: FleetSpec, requests: PlanRequests = planRequests(fleet)): string {
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

/** The plan's error findings as one ProblemError, located where the user wrote them, or nothing. */
export function planErrors(planned: Planned): ProblemError | undefined {
  const errors = planned.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return undefined;
  return new ProblemError('plan', errors.map(({ severity: _, ...problem }) => problem));
}
