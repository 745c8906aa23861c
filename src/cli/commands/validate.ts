import { render } from '../../synth/render.js';
import { parse } from '../args.js';
import { resolveFleetPath } from '../fleet-path.js';
import { VALIDATE_HELP } from '../help.js';
import { EXIT_OK, type Io } from '../io.js';
import { JSONNET_HELP, JSONNET_OPTIONS, jsonnetOptions } from '../jsonnet-options.js';
import { loadFleet } from '../load-app.js';

/** `capi-ionos validate [FLEET]`: everything synth and plan check; writes nothing. */
export async function validate(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('validate', args, { ...JSONNET_OPTIONS });
  if (values.help) {
    io.stdout.write(VALIDATE_HELP + JSONNET_HELP);
    return EXIT_OK;
  }
  const fleet = resolveFleetPath(positionals[0], io.cwd);
  const { app, planned } = await loadFleet(fleet, { jsonnet: jsonnetOptions(values, io, fleet) });
  const rendered = render(app, { env: io.env });
  const s = rendered.validation;
  const lock = planned === undefined ? '' : planned.lockAfter === planned.lockBefore ? '; lock file up to date' : '; the lock file would change (run capi-ionos plan --write)';
  const unchecked = s.unchecked.reduce((n, u) => n + u.count, 0);
  io.stderr.write(`valid: ${s.objects} objects checked against the CRDs (${s.celEvaluated} CEL rules evaluated, ${s.celSkippedTransition} transition rules skipped${unchecked > 0 ? `, ${unchecked} objects without CRD` : ''})${lock}\n`);
  for (const f of planned?.result.findings ?? []) io.stderr.write(`${f.severity}: [${f.code}] ${f.path}: ${f.message}\n`);
  return EXIT_OK;
}
