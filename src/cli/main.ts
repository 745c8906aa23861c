/**
 * The `capi-ionos` command: argument dispatch and error reporting. Commands are loaded only when
 * run, and `--help` (of the CLI or of a command) is answered from help.ts alone, so asking for
 * help costs no more than starting Node.
 */
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type Io } from './io.js';
import { COMMAND_HELP, MAIN_HELP } from './help.js';

type Command = (args: readonly string[], io: Io) => Promise<number>;

const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  synth: async () => (await import('./commands/synth.js')).synth,
  plan: async () => (await import('./commands/plan.js')).planCommand,
  validate: async () => (await import('./commands/validate.js')).validate,
  reconcile: async () => (await import('./commands/reconcile.js')).reconcile,
  simulate: async () => (await import('./commands/simulate.js')).simulateCommand,
  diff: async () => (await import('./commands/diff.js')).diffCommand,
  init: async () => (await import('./commands/init.js')).init,
};

/** Whether `error` carries problems (a ProblemError from any copy of this package). */
function problemsOf(error: unknown): { layer: string; problems: readonly { path: string; message: string; file?: string }[] } | undefined {
  const brand = Symbol.for('cdk8s-capi-ionos.ProblemError');
  if (typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true) {
    return error as { layer: string; problems: readonly { path: string; message: string; file?: string }[] };
  }
  return undefined;
}

/** Prints an error the user can act on, and returns the exit code it means. */
export function reportError(error: unknown, io: Io, debug: boolean): number {
  const found = problemsOf(error);
  if (found !== undefined) {
    for (const p of found.problems) {
      const where = [p.file, p.path].filter((x) => x !== undefined && x !== '').join(': ');
      io.stderr.write(`error: ${where === '' ? '' : `${where}: `}${p.message}\n`);
    }
    const count = found.problems.length;
    io.stderr.write(`${count} problem${count === 1 ? '' : 's'} found; nothing was written.\n`);
    return found.layer === 'spec' || found.layer === 'input' ? EXIT_USAGE : EXIT_FINDINGS;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`error: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`error: ${message}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write('(run with --debug for details)\n');
  return EXIT_USAGE;
}

/**
 * Whether a command's arguments ask for its help: `--help` or `-h` anywhere before `--` (as the
 * commands' own parsing reads them, but also next to options that parsing would reject).
 */
function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/** A command's help text, if help.ts has it. */
function helpOf(command: string): string | undefined {
  return Object.hasOwn(COMMAND_HELP, command) ? COMMAND_HELP[command] : undefined;
}

/** Runs the command line `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const name = args[0];
  const topic = args[1] === undefined ? undefined : helpOf(args[1]);
  if (name === 'help' && topic !== undefined) {
    io.stdout.write(topic);
    return EXIT_OK;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(MAIN_HELP);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version') {
    const { createRequire } = await import('node:module');
    io.stdout.write(`${(createRequire(import.meta.url)('../../../package.json') as { version: string }).version}\n`);
    return EXIT_OK;
  }
  // Own properties only: 'constructor' or 'toString' is not a command.
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load === undefined) {
    io.stderr.write(`error: unknown command ${JSON.stringify(name)}; run 'capi-ionos --help' for the list\n`);
    return EXIT_USAGE;
  }
  const help = helpOf(name);
  if (help !== undefined && asksForHelp(args.slice(1))) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  try {
    const command = await load();
    return await command(args.slice(1), io);
  } catch (error) {
    return reportError(error, io, debug);
  }
}
