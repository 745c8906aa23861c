import { onlyOne, parse } from '../args.js';
import { writeLockFile } from '../../fleet/lock-file.js';
import { planFleet } from '../../fleet/plan.js';
import { fleetFormat, resolveFleetPath } from '../../fleet/source.js';
import { PLAN_HELP } from '../help.js';
import { EXIT_FINDINGS, EXIT_OK, styleFor, UsageError, type Io } from '../io.js';
import { JSONNET_HELP, JSONNET_OPTIONS, jsonnetOptions } from '../jsonnet-options.js';
import { jsonReport, markdownReport, tableReport } from '../plan-report.js';

const FORMATS = { table: tableReport, markdown: markdownReport, json: jsonReport } as const;

/** `capi-ionos plan [FLEET] [--write] [--format table|markdown|json] [--prune] [--allow-renumber]` */
export async function planCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('plan', args, {
    write: { type: 'boolean' },
    locked: { type: 'boolean' },
    format: { type: 'string', default: 'table' },
    prune: { type: 'boolean' },
    'allow-renumber': { type: 'boolean' },
    ...JSONNET_OPTIONS,
  });
  if (values.help) {
    io.stdout.write(PLAN_HELP + JSONNET_HELP);
    return EXIT_OK;
  }
  const format = values.format as string;
  if (!(format in FORMATS)) throw new UsageError(`--format must be table, markdown or json, got ${JSON.stringify(format)}`);
  if (values.locked && values.write) throw new UsageError('--locked checks the lock file and --write writes it; give one of them');
  onlyOne('plan', 'FLEET', positionals);
  const fleet = resolveFleetPath(positionals[0], io.cwd);
  const flags = { prune: values.prune === true, allowRenumber: values['allow-renumber'] === true, jsonnet: jsonnetOptions(values, io, fleet) };
  // A fleet file is planned without cdk8s; a cdk8s program is run, and its construct tree planned.
  const planned = fleetFormat(fleet) === 'app'
    ? await (async () => {
      const { loadProgram, planProgram } = await import('../../fleet/app.js');
      return planProgram(await loadProgram(fleet), fleet, flags);
    })()
    : await planFleet(fleet, flags);
  const failed = planned.result.findings.some((f) => f.severity === 'error');
  const lockChanged = planned.lockChanged;
  // Written before the report, so that the report can say what was written.
  const written = values.write === true && lockChanged && !failed;
  if (written) writeLockFile(planned.lockPath, planned.lockAfter, { token: String(process.pid) });
  const report = { result: planned.result, findings: planned.findings, networks: planned.requests.networks, lockChanged, written };
  io.stdout.write(format === 'table' ? tableReport(report, styleFor(io, io.stdout)) : FORMATS[format as keyof typeof FORMATS](report));
  if (values.locked && lockChanged) {
    io.stderr.write(`error: ${planned.lockPath} is not up to date with ${fleet}; run 'capi-ionos plan --write' and commit it\n`);
    return EXIT_FINDINGS;
  }
  if (values.write && lockChanged && failed) io.stderr.write('the plan has errors; the lock file was not written\n');
  if (written) io.stderr.write(`wrote ${planned.lockPath}\n`);
  if (values.write && !lockChanged) io.stderr.write(`${planned.lockPath} is up to date; nothing was written\n`);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
