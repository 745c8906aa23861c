/**
 * `capi-ionos synth`: the fleet's manifests into a directory (or to stdout).
 *
 * Written to a directory, the work is shared between two threads (see
 * synth/synthesis-worker.ts): a worker loads cdk8s and the constructs while this thread plans
 * the fleet file, then builds and renders the app, while this thread validates and writes the
 * charts. That is why this module loads the planner, cdk8s and the renderer only when needed,
 * and the worker first.
 */
import { basename, dirname, resolve } from 'node:path';
import { ProblemError } from '../../problems.js';
import { SynthesisWorker } from '../../synth/synthesis-worker.js';
import { checkOutputDirectory } from '../../synth/output-dir.js';
import { onlyOne, parse } from '../args.js';
import type { Planned, PlanFlags } from '../../fleet/plan.js';
import { fleetFormat, resolveFleetPath } from '../../fleet/source.js';
import { SYNTH_HELP } from '../help.js';
import { EXIT_OK, UsageError, type Io } from '../io.js';
import { JSONNET_HELP, JSONNET_OPTIONS, jsonnetOptions } from '../jsonnet-options.js';
import { Progress } from '../progress.js';
import type { AppInput } from '../../fleet/app.js';
import { BUILD_APP } from '../../fleet/app-builder.js';

/** `capi-ionos synth [FLEET] [-o DIR] [--stdout] [--locked]` */
export async function synth(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('synth', args, {
    output: { type: 'string', short: 'o' },
    stdout: { type: 'boolean' },
    locked: { type: 'boolean' },
    force: { type: 'boolean' },
    'allow-secrets': { type: 'boolean' },
    'with-reconciler': { type: 'boolean' },
    'reconciler-image': { type: 'string' },
    'ipam-provider': { type: 'string' },
    ...JSONNET_OPTIONS,
  });
  if (values.help) {
    io.stdout.write(SYNTH_HELP + JSONNET_HELP);
    return EXIT_OK;
  }
  const image = values['reconciler-image'] as string | undefined;
  if (image !== undefined && values['with-reconciler'] !== true) {
    throw new UsageError('--reconciler-image only applies with --with-reconciler');
  }
  const provider = values['ipam-provider'] as string | undefined;
  if (provider !== undefined && provider !== 'reconciler' && provider !== 'in-cluster') {
    throw new UsageError(`--ipam-provider ${JSON.stringify(provider)} is not a binder; use 'reconciler' (the reconciler binds claims) or 'in-cluster' (the In-Cluster IPAM provider does)`);
  }
  if (provider !== undefined && values['with-reconciler'] !== true) {
    throw new UsageError('--ipam-provider only applies with --with-reconciler');
  }
  onlyOne('synth', 'FLEET', positionals);
  const output = values.output as string | undefined;
  if (values.stdout === true && output !== undefined) throw new UsageError('--stdout prints the manifests and writes no directory; give either --stdout or -o DIR, not both');
  if (values.stdout === true && values.force === true) throw new UsageError('--force is about the output directory, and --stdout writes none; leave --force out');
  if (output === '') {
    throw new UsageError("-o was given an empty directory name (an unset variable?); nothing was written. Give the output directory, such as -o dist");
  }
  const fleet = resolveFleetPath(positionals[0], io.cwd);
  const flags: PlanFlags = { jsonnet: jsonnetOptions(values, io, fleet) };
  /** The app's input: the fleet file's plan is made here (the planner loads only for a fleet file). */
  const input = async (): Promise<AppInput> => ({
    path: fleet,
    ...(fleetFormat(fleet) === 'app' ? {} : { planned: await (await import('../../fleet/plan.js')).planFleetOrThrow(fleet, flags) }),
    ...(values['with-reconciler'] === true
      ? { reconciler: { ...(image === undefined ? {} : { image }), ...(provider === 'in-cluster' ? { claims: false } : {}) } }
      : {}),
  });
  /**
   * The plan whose lock file must be written, if its lock changed; with --locked, and with
   * --stdout (which writes no files), a changed lock is an error instead.
   */
  const lockToWrite = async (plan: Planned | undefined): Promise<Planned | undefined> => {
    if (plan === undefined || !plan.lockChanged) return undefined;
    if (values.locked || values.stdout) {
      const { LOCK_FILE } = await import('../../fleet/lock-file.js');
      throw new ProblemError('plan', [{
        file: LOCK_FILE, path: '',
        message: `not up to date with ${basename(fleet)}; run 'capi-ionos plan --write' and commit it`,
      }]);
    }
    return plan;
  };

  /** The output directory, checked (see synth/output-dir.ts). */
  const outputDirectory = (): string => {
    const dir = output === undefined ? resolve(dirname(fleet), 'dist') : resolve(io.cwd, output);
    checkOutputDirectory(dir, {
      fleet, cwd: io.cwd, home: io.env.HOME, force: values.force === true, shown: output === undefined ? dir : `-o ${output}`,
    });
    return dir;
  };
  const token = String(process.pid);
  if (values.stdout || fleetFormat(fleet) === 'app') {
    // One thread: for --stdout, and for a cdk8s program, whose plan comes from its construct
    // tree (so it is built here), with the lock checked before anything is written.
    const { addReconciler, buildApp, loadFleet } = await import('../../fleet/app.js');
    const { render, toStream } = await import('../../synth/render.js');
    let app;
    let lock;
    if (fleetFormat(fleet) === 'app') {
      const loaded = await loadFleet(fleet, flags);
      lock = await lockToWrite(loaded.planned);
      app = loaded.app;
      if (values['with-reconciler'] === true) {
        await addReconciler(app, { ...(image === undefined ? {} : { image }), ...(provider === 'in-cluster' ? { claims: false } : {}) });
      }
    } else {
      const appInput = await input();
      lock = await lockToWrite(appInput.planned);
      app = await buildApp(appInput);
    }
    const progress = Progress.for(io, 'rendering', 'charts');
    let rendered;
    try {
      rendered = render(app, { env: io.env, allowSecrets: values['allow-secrets'] === true, onProgress: (done, total) => progress.update(done, total) });
    } finally {
      progress.end();
    }
    if (values.stdout) {
      io.stdout.write(toStream(rendered));
      return EXIT_OK;
    }
    const outdir = outputDirectory();
    const { writeDirectory } = await import('../../synth/write.js');
    if (lock !== undefined) {
      const { writeLockFile } = await import('../../fleet/lock-file.js');
      writeLockFile(lock.lockPath, lock.lockAfter, { token });
      io.stderr.write(`updated ${lock.lockPath}\n`);
    }
    writeDirectory(outdir, rendered.files, { token });
    const dirs = rendered.files.filter((f) => f.path.endsWith('/kustomization.yaml')).length;
    io.stderr.write(`wrote ${rendered.objects.length} objects in ${dirs} ${dirs === 1 ? 'directory' : 'directories'} to ${outdir}\n`);
    return EXIT_OK;
  }

  const outdir = outputDirectory();
  // Started first: the worker loads cdk8s and the constructs while this thread plans.
  const synthesis = SynthesisWorker.start(BUILD_APP);
  try {
    const appInput = await input();
    // Checked before any work: with --locked a lock that would change is an error.
    const lock = await lockToWrite(appInput.planned);
    const progress = Progress.for(io, 'rendering', 'charts');
    let staged;
    try {
      staged = await synthesis.write(appInput, { dir: outdir, token, env: io.env, allowSecrets: values['allow-secrets'] === true, onProgress: (done, total) => progress.update(done, total) });
    } finally {
      progress.end();
    }
    const { output, written } = staged;
    try {
      // The lock first: if replacing dist/ then fails, the lock still explains every range in
      // use and the next run renders the same plan.
      if (lock !== undefined) {
        const { writeLockFile } = await import('../../fleet/lock-file.js');
        writeLockFile(lock.lockPath, lock.lockAfter, { token });
        io.stderr.write(`updated ${lock.lockPath}\n`);
      }
      output.commit();
    } catch (error) {
      output.discard();
      throw error;
    }
    io.stderr.write(`wrote ${written.objects} objects in ${written.dirs} ${written.dirs === 1 ? 'directory' : 'directories'} to ${outdir}\n`);
    return EXIT_OK;
  } finally {
    await synthesis.close();
  }
}
