/**
 * Loading a fleet into a cdk8s App, whatever its format, planned against its lock: a cdk8s
 * program is run and its construct tree planned; a fleet file is read, planned and translated
 * onto the same constructs.
 */
import { App } from 'cdk8s';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bindPlan, findingPathsOf, planRequestsOf } from '../constructs/planning.js';
import { captureApps } from '../synth/capture.js';
import { addFleet } from './translate.js';
import {
  constructPlace, constructProblemsInFleet, lockPathOf, planErrors, planFleetOrThrow, planWithLock,
  type Planned, type PlanFlags, type PlannedFleet,
} from './plan.js';
import { fleetFormat } from './source.js';
import { isProblemError, ProblemError, relativeTo, UsageError } from '../problems.js';

/**
 * Runs a cdk8s app program and returns the app it synthesises (or exports as default), not yet
 * planned.
 *
 * @throws ProblemError for a construct's bad props, located at the line of the program that
 *   created the construct
 */
export async function loadProgram(path: string): Promise<App> {
  const apps: App[] = [];
  let module: { default?: unknown };
  try {
    module = await captureApps((app) => apps.push(app), async () => {
      const { tsImport } = await import('tsx/esm/api');
      return (await tsImport(pathToFileURL(path).href, import.meta.url)) as { default?: unknown };
    });
  } catch (error) {
    throw relativeTo(locateInProgram(error, path), dirname(path));
  }
  if (apps.length === 0 && isApp(module.default)) apps.push(module.default);
  if (apps.length !== 1) {
    throw new UsageError(`${path}: expected the program to call synth() on one FleetApp (or export it as default), found ${apps.length}`);
  }
  return apps[0]!;
}

/**
 * The directories of this package's code, `src/` and `lib/` of its root (this module is in
 * `src/fleet/` or `lib/src/fleet/`): frames in them are not the user's. Both, as an app may import
 * the built package while the CLI runs from the sources.
 */
const PACKAGE_CODE = ((): string[] => {
  const code = dirname(dirname(fileURLToPath(import.meta.url)));
  const root = basename(dirname(code)) === 'lib' ? dirname(dirname(code)) : dirname(code);
  return [join(root, 'src'), join(root, 'lib')];
})();

/** `file:line:column` of each frame of a stack trace, innermost first (tsx maps them to the .ts sources). */
function stackFrames(stack: string): { file: string; line: number; column: number }[] {
  const frames: { file: string; line: number; column: number }[] = [];
  for (const match of stack.matchAll(/^\s+at (?:.*\()?((?:file:\/\/)?\/[^():?]*?)(?:\?[^:)]*)?:(\d+):(\d+)\)?$/gm)) {
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    frames.push({ file, line: Number(match[2]), column: Number(match[3]) });
  }
  return frames;
}

/**
 * A construct error thrown while the program at `path` ran, its problems located at the line of
 * the user's code that made the construct: the innermost frame of the error's stack outside this
 * package and outside node_modules. Other errors are returned as they are.
 */
export function locateInProgram(error: unknown, path: string): unknown {
  if (!isProblemError(error) || !(error instanceof Error) || error.stack === undefined) return error;
  const frame = stackFrames(error.stack).find((f) => PACKAGE_CODE.every((dir) => {
    const inPackage = relative(dir, f.file);
    return inPackage.startsWith('..') || isAbsolute(inPackage);
  }) && !f.file.split(sep).includes('node_modules'));
  if (frame === undefined) return error;
  const shown = relative(dirname(path), frame.file);
  const file = shown.startsWith('..') || isAbsolute(shown) ? frame.file : shown.split(sep).join('/');
  return new ProblemError(error.layer, error.problems.map((p) => (p.file === undefined ? { ...p, file, line: frame.line, column: frame.column } : p)));
}

function isApp(value: unknown): value is App {
  return typeof value === 'object' && value !== null && Array.isArray((value as App).charts);
}

/**
 * A new app holding the fleet's constructs, planned as `planned` says. It lives here, not in
 * plan.ts, so that `capi-ionos plan` loads neither cdk8s nor the constructs.
 */
export function fleetApp(planned: PlannedFleet): App {
  const app = new App();
  try {
    addFleet(app, planned.fleet, planned.result);
  } catch (error) {
    // A construct refusing a value of the fleet file is a mistake in the fleet file.
    if (isProblemError(error)) {
      throw new ProblemError(error.layer === 'construct' ? 'spec' : error.layer, constructProblemsInFleet(error.problems, planned));
    }
    throw error;
  }
  return app;
}

/**
 * Plans the app of the program at `path` against the lock beside it and, when the plan holds,
 * gives its planned pools and endpoints their addresses.
 */
export function planProgram(app: App, path: string, flags: PlanFlags): Planned {
  const planned = planWithLock(planRequestsOf(app), lockPathOf(path), flags, constructPlace(basename(path), findingPathsOf(app)));
  if (!planned.result.findings.some((f) => f.severity === 'error')) bindPlan(app, planned.result);
  return planned;
}

/** A loaded fleet: the app, and the plan behind it. */
export interface LoadedFleet {
  readonly app: App;
  readonly planned: Planned;
}

/**
 * Loads the fleet at `path` (absolute) into an app, planned.
 *
 * @throws ProblemError for input problems and for plan errors (nothing to synthesise then)
 */
export async function loadFleet(path: string, flags: PlanFlags = {}): Promise<LoadedFleet> {
  try {
    return await loadFleetOf(path, flags);
  } catch (error) {
    throw relativeTo(error, dirname(path));
  }
}

async function loadFleetOf(path: string, flags: PlanFlags): Promise<LoadedFleet> {
  if (fleetFormat(path) === 'app') {
    const app = await loadProgram(path);
    const planned = planProgram(app, path, flags);
    const errors = planErrors(planned);
    if (errors !== undefined) throw errors;
    return { app, planned };
  }
  const planned = await planFleetOrThrow(path, flags);
  return { app: fleetApp(planned), planned };
}

/** What {@link buildApp} builds an app from. */
export interface AppInput {
  /** The fleet (absolute): a cdk8s program or a fleet file. */
  readonly path: string;
  /** For a fleet file, its plan (without errors). */
  readonly planned?: PlannedFleet;
  /**
   * Adds the reconciler's Deployment (`--with-reconciler`), with this image if given; `claims`
   * false when the In-Cluster IPAM provider binds the claims (`--ipam-provider in-cluster`).
   */
  readonly reconciler?: { readonly image?: string; readonly claims?: boolean };
}

/**
 * The app of a fleet whose file is already planned: the program's app, or the fleet file's
 * constructs, with the reconciler's chart if asked for. `capi-ionos synth` runs it on its
 * synthesis worker (synth/synthesis-worker.ts), so its input is data that can cross threads.
 */
export async function buildApp(input: AppInput): Promise<App> {
  try {
    return await buildAppOf(input);
  } catch (error) {
    throw relativeTo(error, dirname(input.path));
  }
}

async function buildAppOf(input: AppInput): Promise<App> {
  let app: App;
  if (fleetFormat(input.path) === 'app') app = (await loadFleet(input.path)).app;
  else if (input.planned !== undefined) app = fleetApp(input.planned);
  else throw new TypeError(`buildApp(${JSON.stringify(input.path)}): a fleet file needs its plan`);
  if (input.reconciler !== undefined) await addReconciler(app, input.reconciler);
  return app;
}

/** Adds the reconciler's Deployment (`--with-reconciler`) to `app`. */
export async function addReconciler(app: App, reconciler: NonNullable<AppInput['reconciler']>): Promise<void> {
  const { ReconcilerChart, credentialsSecretsIn } = await import('../constructs/reconciler-deployment.js');
  const { image, claims } = reconciler;
  new ReconcilerChart(app, {
    ...(image === undefined ? {} : { image }),
    ...(claims === undefined ? {} : { claims }),
    // Before the chart exists: the fleet's own clusters.
    credentialsSecrets: credentialsSecretsIn(app),
  });
}
