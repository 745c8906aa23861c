import { App, YamlOutputType } from 'cdk8s';
import { basename, dirname, join, resolve } from 'node:path';
import { bindPlan, findingPathsOf, planRequestsOf } from '../constructs/planning.js';
import { currentCapture } from '../synth/capture.js';
import { checkOutputDirectory } from '../synth/output-dir.js';
import { render } from '../synth/render.js';
import { writeDirectory } from '../synth/write.js';
import { LOCK_FILE, writeLockFile } from './lock-file.js';
import { constructPlace, planErrors, planWithLock } from './plan.js';

/** Properties of a {@link FleetApp}. */
export interface FleetAppProps {
  /**
   * Where `synth()` writes the manifests.
   * @default the `CDK8S_OUTDIR` the cdk8s CLI sets, else 'dist'
   */
  readonly outdir?: string;
  /**
   * The lock file planned pools and endpoints are kept in.
   * @default 'ipam.lock.yaml' beside the program's main file (as `capi-ionos` finds it), else in the current directory
   */
  readonly lockFile?: string;
}

/**
 * The app of a fleet: a cdk8s App whose `synth()` plans its pools and endpoints (keeping what
 * `ipam.lock.yaml` holds), checks every address, renders deterministically, validates every
 * object against the CRDs and replaces the output directory atomically (one directory per
 * cluster, one file per object, a kustomization.yaml in each).
 *
 * ```ts
 * const app = new FleetApp();
 * const nodes = new Network(app, 'nodes', { family: 'IPv4', cidr: '10.20.0.0/16', gateway: '10.20.0.1' });
 * new IonosCluster(app, 'prod-a', { ... controlPlane: { endpoint: { network: nodes }, ... } });
 * app.synth();
 * ```
 */
export class FleetApp extends App {
  private readonly lockFile: string | undefined;

  public constructor(props: FleetAppProps = {}) {
    super({ outdir: props.outdir, yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
    this.lockFile = props.lockFile;
  }

  /**
   * Plans, then writes the manifests to `outdir` and the lock file (or hands the app to
   * `capi-ionos` when it is loading the app, which plans it itself). This is the entry point of
   * a fleet program, so it reads `process.env` and the current directory here.
   *
   * @throws ProblemError when the plan has errors or any object is invalid; `outdir` and the
   *   lock file are left untouched then
   * @throws UsageError when `outdir` is not synth's to replace (see `checkOutputDirectory`: the
   *   working directory, $HOME, a git work tree's root, a directory holding other files, ...)
   */
  public override synth(): void {
    const capture = currentCapture();
    if (capture !== undefined) {
      capture(this);
      return;
    }
    const main = process.argv[1];
    const outdir = resolve(this.outdir);
    checkOutputDirectory(outdir, {
      cwd: process.cwd(), home: process.env.HOME, shown: this.outdir,
      ...(main === undefined ? {} : { fleet: resolve(main) }),
    });
    const lockPath = resolve(this.lockFile ?? join(main === undefined ? process.cwd() : dirname(resolve(main)), LOCK_FILE));
    const planned = planWithLock(planRequestsOf(this), lockPath, {}, constructPlace(basename(main ?? 'app'), findingPathsOf(this)));
    const errors = planErrors(planned);
    if (errors !== undefined) throw errors;
    bindPlan(this, planned.result);
    const rendered = render(this, { env: process.env });
    const token = String(process.pid);
    if (planned.lockChanged) writeLockFile(lockPath, planned.lockAfter, { token });
    writeDirectory(outdir, rendered.files, { token });
  }
}
