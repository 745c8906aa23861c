import { basename, dirname, resolve } from 'node:path';
import { ProblemError } from '../../ipam/problems.js';
import { render, toStream } from '../../synth/render.js';
import { writeDirectory, writeFileAtomic } from '../../synth/write.js';
import { parse } from '../args.js';
import { LOCK_FILE } from '../fleet-plan.js';
import { resolveFleetPath } from '../fleet-path.js';
import { SYNTH_HELP } from '../help.js';
import { EXIT_OK, UsageError, type Io } from '../io.js';
import { JSONNET_HELP, JSONNET_OPTIONS, jsonnetOptions } from '../jsonnet-options.js';
import { loadFleet } from '../load-app.js';

/** `capi-ionos synth [FLEET] [-o DIR] [--stdout] [--locked]` */
export async function synth(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('synth', args, {
    output: { type: 'string', short: 'o' },
    stdout: { type: 'boolean' },
    locked: { type: 'boolean' },
    'with-reconciler': { type: 'boolean' },
    'reconciler-image': { type: 'string' },
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
  const fleet = resolveFleetPath(positionals[0], io.cwd);
  const { app, planned } = await loadFleet(fleet, { jsonnet: jsonnetOptions(values, io, fleet) });
  if (values['with-reconciler'] === true) {
    const { ReconcilerChart } = await import('../../constructs/reconciler-deployment.js');
    new ReconcilerChart(app, image === undefined ? {} : { image });
  }
  const rendered = render(app, { env: io.env });
  const lockChanged = planned !== undefined && planned.lockAfter !== planned.lockBefore;
  if (lockChanged && (values.locked || values.stdout)) {
    // --stdout writes no files, so it must not plan anything the lock does not hold yet.
    throw new ProblemError('plan', [{
      file: LOCK_FILE, path: '',
      message: `is not up to date with ${basename(fleet)}; run 'capi-ionos plan --write' and commit it`,
    }]);
  }
  if (values.stdout) {
    io.stdout.write(toStream(rendered));
    return EXIT_OK;
  }
  const token = String(process.pid);
  // The lock first: if writing dist/ then fails, the lock still explains every range in use and
  // the next run renders the same plan.
  if (lockChanged) {
    writeFileAtomic(planned.lockPath, planned.lockAfter, { token });
    io.stderr.write(`updated ${planned.lockPath}\n`);
  }
  const outdir = values.output === undefined ? resolve(dirname(fleet), 'dist') : resolve(io.cwd, values.output as string);
  writeDirectory(outdir, rendered.files, { token });
  const dirs = new Set(rendered.objects.map((o) => o.file.split('/')[0])).size;
  io.stderr.write(`wrote ${rendered.objects.length} objects in ${dirs} ${dirs === 1 ? 'directory' : 'directories'} to ${outdir}\n`);
  return EXIT_OK;
}
