/**
 * A fleet file through the planner: parse it, read `ipam.lock.yaml` beside it and plan. Turning
 * the plan into constructs is app.ts's job, so that planning loads neither cdk8s nor the
 * constructs.
 */
import { basename } from 'node:path';
import { formatLock } from '../ipam/lock.js';
import { plan, type PlanResult } from '../ipam/planner.js';
import { ProblemError } from '../problems.js';
import type { EvaluateOptions } from '../jsonnet/evaluate.js';
import type { FleetSpec } from './schema.js';
import { readFleetFile } from './read.js';
import { lockPathOf, readLockFile } from './lock-file.js';
import { planRequests } from './requests.js';

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
}

/** Reads and plans the fleet file at `path`. Findings are in the result; nothing is thrown for them. */
export async function planFleet(path: string, flags: PlanFlags): Promise<PlannedFleet> {
  const fleet = await readFleetFile(path, flags.jsonnet);
  const onDisk = readLockFile(lockPathOf(path));
  const result = plan({ ...planRequests(fleet), lock: onDisk.lock, prune: flags.prune, allowRenumber: flags.allowRenumber });
  return { fleet, result, lockPath: onDisk.path, lockBefore: onDisk.text, lockAfter: formatLock(result.lock) };
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

/** The plan's error findings as one ProblemError naming the fleet file, or nothing. */
export function planErrors(planned: PlannedFleet, file: string): ProblemError | undefined {
  const errors = planned.result.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return undefined;
  return new ProblemError('plan', errors.map((f) => ({ file, path: f.path, message: `${f.message} [${f.code}]` })));
}
