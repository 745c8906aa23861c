/**
 * The planner, for both front ends: {@link planWithLock} is the one place it runs, with
 * `ipam.lock.yaml` beside the fleet. A fleet file is parsed and its requests planned here; a
 * cdk8s app's requests are read from its construct tree (app.ts, `planRequestsOf`). Turning a
 * fleet file's plan into constructs is app.ts's job, so that planning a fleet file loads neither
 * cdk8s nor the constructs.
 */
import { basename } from 'node:path';
import { formatLock } from '../ipam/lock.js';
import { planAddresses } from '../ipam/address-checks.js';
import type { PlanResult } from '../ipam/planner.js';
import { ProblemError } from '../problems.js';
import type { EvaluateOptions } from '../jsonnet/evaluate.js';
import type { PlanRequests } from '../constructs/planning.js';
import type { FleetSpec } from './schema.js';
import { readFleetFile } from './read.js';
import { lockPathOf, readLockFile } from './lock-file.js';
import { planRequests } from './requests.js';

export { LOCK_FILE, lockPathOf } from './lock-file.js';

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
}

/** A fleet file read and planned. */
export interface PlannedFleet extends Planned {
  readonly fleet: FleetSpec;
}

/**
 * Plans `requests` against the lock at `lockPath`: the one place the planner runs, for
 * fleet files and cdk8s apps alike. Findings are in the result; nothing is thrown for them.
 *
 * @throws ProblemError for a malformed lock file (naming it) or malformed requests
 */
export function planWithLock(requests: PlanRequests, lockPath: string, flags: PlanFlags): Planned {
  const onDisk = readLockFile(lockPath);
  const lockBefore = onDisk.text;
  const result = planAddresses({ ...requests, lock: onDisk.lock, prune: flags.prune, allowRenumber: flags.allowRenumber });
  const lockAfter = formatLock(result.lock);
  const lockChanged = lockBefore === undefined ? result.lock.ranges.length > 0 : lockAfter !== lockBefore;
  return { requests, result, lockPath, lockBefore, lockAfter, lockChanged };
}

/** Reads and plans the fleet file at `path`. Findings are in the result; nothing is thrown for them. */
export async function planFleet(path: string, flags: PlanFlags): Promise<PlannedFleet> {
  const fleet = await readFleetFile(path, flags.jsonnet);
  return { fleet, ...planWithLock(planRequests(fleet), lockPathOf(path), flags) };
}

/**
 * Reads and plans the fleet file at `path`, for commands that go on only with a plan that holds.
 *
 * @throws ProblemError for input problems, and for the plan's error findings
 */
export async function planFleetOrThrow(path: string, flags: PlanFlags): Promise<PlannedFleet> {
  const planned = await planFleet(path, flags);
  const errors = planErrors(planned, basename(path));
  if (errors !== undefined) throw errors;
  return planned;
}

/**
 * The plan's error findings as one ProblemError naming the fleet file, or nothing.
 *
 * @param pathOf maps a finding's path to where the user wrote the object (a cdk8s app's
 *   construct path); by default the path is kept
 */
export function planErrors(planned: Planned, file: string, pathOf: (path: string) => string = (path) => path): ProblemError | undefined {
  const errors = planned.result.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return undefined;
  return new ProblemError('plan', errors.map((f) => ({ file, path: pathOf(f.path), message: `${f.message} [${f.code}]` })));
}
