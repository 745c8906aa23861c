/**
 * Loading a fleet into a cdk8s App, whatever its format: a cdk8s program is run; a fleet file is
 * read, planned against its lock and translated into constructs.
 */
import { App } from 'cdk8s';
import { pathToFileURL } from 'node:url';
import { captureApps } from '../synth/capture.js';
import { addFleet } from './translate.js';
import { planFleetOrThrow, type PlanFlags, type PlannedFleet } from './plan.js';
import { fleetFormat } from './source.js';
import { UsageError } from '../problems.js';

/** Runs a cdk8s app program and returns the app it synthesises (or exports as default). */
async function loadProgram(path: string): Promise<App> {
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

/** A loaded fleet: the app, and for fleet files the plan behind it. */
export interface LoadedFleet {
  readonly app: App;
  readonly planned?: PlannedFleet;
}

/**
 * Loads the fleet at `path` (absolute) into an app.
 *
 * @throws ProblemError for input problems and for plan errors (nothing to synthesise then)
 */
export async function loadFleet(path: string, flags: PlanFlags = {}): Promise<LoadedFleet> {
  if (fleetFormat(path) === 'app') return { app: await loadProgram(path) };
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
  if (fleetFormat(input.path) === 'app') app = await loadProgram(input.path);
  else if (input.planned !== undefined) app = fleetApp(input.planned);
  else throw new TypeError(`buildApp(${JSON.stringify(input.path)}): a fleet file needs its plan`);
  if (input.reconciler !== undefined) {
    const { ReconcilerChart, credentialsSecretsIn } = await import('../constructs/reconciler-deployment.js');
    const { image, claims } = input.reconciler;
    new ReconcilerChart(app, {
      ...(image === undefined ? {} : { image }),
      ...(claims === undefined ? {} : { claims }),
      // Before the chart exists: the fleet's own clusters.
      credentialsSecrets: credentialsSecretsIn(app),
    });
  }
  return app;
}
