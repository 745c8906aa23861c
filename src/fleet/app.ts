/**
 * Loading a fleet into a cdk8s App, whatever its format, planned against its lock: a cdk8s
 * program is run and its construct tree planned; a fleet file is read, planned and translated
 * onto the same constructs.
 */
import { App } from 'cdk8s';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindPlan, findingPathsOf, planRequestsOf } from '../constructs/planning.js';
import { captureApps } from '../synth/capture.js';
import { addFleet } from './translate.js';
import { lockPathOf, planErrors, planFleetOrThrow, planWithLock, type Planned, type PlanFlags, type PlannedFleet } from './plan.js';
import { fleetFormat } from './source.js';
import { UsageError } from '../problems.js';

/** Runs a cdk8s app program and returns the app it synthesises (or exports as default), not yet planned. */
export async function loadProgram(path: string): Promise<App> {
  const apps: App[] = [];
  const module = await captureApps((app) => apps.push(app), async () => {
    const { tsImport } = await import('tsx/esm/api');
    return (await tsImport(pathToFileURL(path).href, import.meta.url)) as { default?: unknown };
  });
  if (apps.length === 0 && isApp(module.default)) apps.push(module.default);
  if (apps.length !== 1) {
    throw new UsageError(`${path}: expected the program to call synth() on one FleetApp (or export it as default), found ${apps.length}`);
  }
  return apps[0]!;
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
  addFleet(app, planned.fleet, planned.result);
  return app;
}

/**
 * Plans the app of the program at `path` against the lock beside it and, when the plan holds,
 * gives its planned pools and endpoints their addresses.
 */
export function planProgram(app: App, path: string, flags: PlanFlags): Planned {
  const planned = planWithLock(planRequestsOf(app), lockPathOf(path), flags);
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
  if (fleetFormat(path) === 'app') {
    const app = await loadProgram(path);
    const planned = planProgram(app, path, flags);
    const errors = planErrors(planned, basename(path), findingPathsOf(app));
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
