/**
 * A fleet file through the planner: parse it, read `ipam.lock.yaml` beside it and plan. Turning
 * the plan into constructs is app.ts's job, so that planning loads neither cdk8s nor the
 * constructs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatLock, parseLock } from '../ipam/lock.js';
import { plan, type Lock, type PlanResult } from '../ipam/planner.js';
import { isProblemError, ProblemError } from '../problems.js';
import { readJsonnetFleet, type EvaluateOptions } from '../jsonnet/evaluate.js';
import type { FleetSpec } from './schema.js';
import { loadFleetFiles } from './files.js';
import { parseFleet } from './read.js';
import { planRequests } from './requests.js';
import { fleetFormat } from './source.js';

/** The name of the lock file, beside the fleet file. */
export const LOCK_FILE = 'ipam.lock.yaml';

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

/** Evaluates the fleet file into its value (Jsonnet evaluates first; YAML and JSON parse). */
async function readFleetFile(path: string, jsonnet: EvaluateOptions | undefined): Promise<FleetSpec> {
  const format = fleetFormat(path);
  const fleet = format === 'jsonnet' ? await readJsonnetFleet(path, jsonnet) : parseFleet(readFileSync(path, 'utf8'), basename(path));
  try {
    return loadFleetFiles(fleet, dirname(path));
  } catch (error) {
    if (isProblemError(error)) throw error.inFile(basename(path));
    throw error;
  }
}

/** Reads and plans the fleet file at `path`. Findings are in the result; nothing is thrown for them. */
export async function planFleet(path: string, flags: PlanFlags): Promise<PlannedFleet> {
  const fleet = await readFleetFile(path, flags.jsonnet);
  const lockPath = join(dirname(path), LOCK_FILE);
  const lockBefore = existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : undefined;
  let lock: Lock | undefined;
  try {
    lock = lockBefore === undefined ? undefined : parseLock(lockBefore);
  } catch (error) {
    if (isProblemError(error)) throw error.inFile(LOCK_FILE);
    throw error;
  }
  const result = plan({ ...planRequests(fleet), lock, prune: flags.prune, allowRenumber: flags.allowRenumber });
  return { fleet, result, lockPath, lockBefore, lockAfter: formatLock(result.lock) };
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
