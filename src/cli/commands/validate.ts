import { formatProblem, isProblemError } from '../../problems.js';
import { findingJson } from '../plan-report.js';
import { problemJson, type ProblemJson } from '../problem-output.js';
import { render } from '../../synth/render.js';
import { onlyOne, parse } from '../args.js';
import { resolveFleetPath } from '../../fleet/source.js';
import { VALIDATE_HELP } from '../help.js';
import { EXIT_OK, UsageError, type Io } from '../io.js';
import { JSONNET_HELP, JSONNET_OPTIONS, jsonnetOptions } from '../jsonnet-options.js';
import { loadFleet } from '../../fleet/app.js';

/** `validate --format json`: `{valid, problems, findings}`. */
export interface ValidateReport {
  readonly valid: boolean;
  /** Every problem found (empty when valid), with `file`, `line`, `column`, `path`, `code`, `message`; `layer` says which check found it. */
  readonly problems: readonly ProblemJson[];
  /** The IP plan's warnings and notes (errors are problems), located as problems are; empty when not valid. */
  readonly findings: readonly Record<string, unknown>[];
}

function json(report: ValidateReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** `capi-ionos validate [FLEET] [--format text|json]`: everything synth and plan check; writes nothing. */
export async function validate(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('validate', args, { format: { type: 'string', default: 'text' }, 'allow-secrets': { type: 'boolean' }, ...JSONNET_OPTIONS });
  if (values.help) {
    io.stdout.write(VALIDATE_HELP + JSONNET_HELP);
    return EXIT_OK;
  }
  const format = values.format as string;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got ${JSON.stringify(format)}`);
  onlyOne('validate', 'FLEET', positionals);
  const fleet = resolveFleetPath(positionals[0], io.cwd);
  let loaded: Awaited<ReturnType<typeof loadFleet>>;
  let rendered: ReturnType<typeof render>;
  try {
    loaded = await loadFleet(fleet, { jsonnet: jsonnetOptions(values, io, fleet) });
    rendered = render(loaded.app, { env: io.env, allowSecrets: values['allow-secrets'] === true });
  } catch (error) {
    // The problems as JSON on stdout; the error itself goes on to main, which prints it on
    // stderr as text and turns it into the exit code, as without --format json.
    if (format === 'json' && isProblemError(error)) {
      const problems = error.problems.map((p) => problemJson(p, error.layer));
      io.stdout.write(json({ valid: false, problems, findings: [] }));
    }
    throw error;
  }
  const { planned } = loaded;
  const s = rendered.validation;
  const lock = planned === undefined ? '' : !planned.lockChanged ? '; lock file up to date' : '; the lock file would change (run capi-ionos plan --write)';
  const unchecked = s.unchecked.reduce((n, u) => n + u.count, 0);
  const findings = planned?.findings ?? [];
  if (format === 'json') io.stdout.write(json({ valid: true, problems: [], findings: findings.map(findingJson) }));
  io.stderr.write(`valid: ${s.objects} objects checked against the CRDs (${s.celEvaluated} CEL rules evaluated, ${s.celSkippedTransition} transition rules skipped${unchecked > 0 ? `, ${unchecked} objects without CRD` : ''})${lock}\n`);
  for (const f of findings) io.stderr.write(`${formatProblem(f, f.severity)}\n`);
  return EXIT_OK;
}
