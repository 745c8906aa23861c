import { App, YamlOutputType } from 'cdk8s';
import { currentCapture } from './capture.js';
import { resolve } from 'node:path';
import { checkOutputDirectory } from './output-dir.js';
import { render } from './render.js';
import { writeDirectory } from './write.js';

/** Properties of a {@link FleetApp}. */
export interface FleetAppProps {
  /**
   * Where `synth()` writes the manifests.
   * @default the `CDK8S_OUTDIR` the cdk8s CLI sets, else 'dist'
   */
  readonly outdir?: string;
}

/**
 * The app of a fleet: a cdk8s App whose `synth()` renders deterministically, validates every
 * object against the CRDs and replaces the output directory atomically (one directory per
 * cluster, one file per object, a kustomization.yaml in each).
 *
 * ```ts
 * const app = new FleetApp();
 * new IonosCluster(app, 'prod-a', { ... });
 * app.synth();
 * ```
 */
export class FleetApp extends App {
  public constructor(props: FleetAppProps = {}) {
    super({ outdir: props.outdir, yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
  }

  /**
   * Writes the manifests to `outdir` (or hands the app to `capi-ionos` when it is loading the
   * app). This is the entry point of a fleet program, so it reads `process.env` here: cdk8s's own
   * rendering depends on two of its variables, which synthesis refuses.
   *
   * @throws ProblemError when any object is invalid; `outdir` is left untouched then
   * @throws UsageError when `outdir` is not synth's to replace (see `checkOutputDirectory`: the
   *   working directory, $HOME, a git work tree's root, a directory holding other files, ...)
   */
  public override synth(): void {
    const capture = currentCapture();
    if (capture !== undefined) {
      capture(this);
      return;
    }
    const outdir = resolve(this.outdir);
    checkOutputDirectory(outdir, {
      cwd: process.cwd(), home: process.env.HOME, shown: this.outdir,
      ...(process.argv[1] === undefined ? {} : { fleet: resolve(process.argv[1]) }),
    });
    const rendered = render(this, { env: process.env });
    writeDirectory(outdir, rendered.files, { token: String(process.pid) });
  }
}
