import type { KubeObject } from '../../reconciler/store.js';
import { simulate } from '../../reconciler/simulate/simulate.js';
import { render } from '../../synth/render.js';
import { onlyOne, parse } from '../args.js';
import { resolveFleetPath } from '../../fleet/source.js';
import { SIMULATE_HELP } from '../help.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type Io } from '../io.js';
import { JSONNET_HELP, JSONNET_OPTIONS, jsonnetOptions } from '../jsonnet-options.js';
import { loadFleet } from '../../fleet/app.js';
import { Progress } from '../progress.js';
import { simulationFindings, simulationJson, simulationPassed, simulationTable } from '../simulate-report.js';

const FORMATS = { table: simulationTable, json: simulationJson } as const;

/** `capi-ionos simulate [FLEET] [--format table|json] [--round-seconds N]` */
export async function simulateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('simulate', args, {
    'allow-secrets': { type: 'boolean' },
    format: { type: 'string', default: 'table' },
    'round-seconds': { type: 'string', default: '60' },
    ...JSONNET_OPTIONS,
  });
  if (values.help) {
    io.stdout.write(SIMULATE_HELP + JSONNET_HELP);
    return EXIT_OK;
  }
  const format = values.format as string;
  if (!(format in FORMATS)) throw new UsageError(`--format must be table or json, got ${JSON.stringify(format)}`);
  const roundSeconds = Number(values['round-seconds']);
  if (!Number.isInteger(roundSeconds) || roundSeconds < 0) {
    throw new UsageError(`--round-seconds must be a whole number of seconds >= 0, got ${JSON.stringify(values['round-seconds'])}`);
  }
  onlyOne('simulate', 'FLEET', positionals);
  const fleet = resolveFleetPath(positionals[0], io.cwd);
  const { app } = await loadFleet(fleet, { jsonnet: jsonnetOptions(values, io, fleet) });
  const objects = render(app, { env: io.env, allowSecrets: values['allow-secrets'] === true }).objects.map((o) => o.object as unknown as KubeObject);
  const progress = Progress.for(io, 'simulating', 'rollout rounds');
  let result;
  try {
    // Round 0 is the initial binding of every machine's claims, often the longest part.
    result = await simulate(objects, { roundMs: roundSeconds * 1000, onMoment: (_, round, rounds) => progress.update(round + 1, rounds + 1) });
  } finally {
    progress.end();
  }
  io.stdout.write(FORMATS[format as keyof typeof FORMATS](result));
  if (simulationPassed(result)) {
    io.stderr.write(`simulated ${result.machines} machines and a rollout of ${result.rounds} rounds: every claim was bound\n`);
    return EXIT_OK;
  }
  for (const finding of simulationFindings(result)) io.stderr.write(`error: ${finding}\n`);
  return EXIT_FINDINGS;
}
