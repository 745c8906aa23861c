/**
 * The `capi-ionos` command: argument dispatch and error reporting. Commands are loaded only when
 * run, and `--help` (of the CLI or of a command) is answered from help.ts alone, so asking for
 * help costs no more than starting Node.
 */
import { editDistance, formatProblem, isInputLayer, isProblemError } from '../problems.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type Io } from './io.js';
import { COMMAND_HELP, MAIN_HELP } from './help.js';
import { githubAnnotation, problemFormatOf, problemJson, type ProblemFormat } from './problem-output.js';

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

/**
 * Prints an error the user can act on, and returns the exit code it means: each problem as
 * `FILE:LINE:COL: error: PATH: message [code]` on stderr (and, as `format` says, as JSON
 * `{problems: [...]}` or as GitHub annotations on stdout); exit code 2 for mistakes in the
 * input, 1 for findings about it (see `isInputLayer`).
 */
export function reportError(error: unknown, io: Io, debug: boolean, format: ProblemFormat = 'text'): number {
  if (isProblemError(error)) {
    if (format === 'json') io.stdout.write(`${JSON.stringify({ problems: error.problems.map((p) => problemJson(p, error.layer)) }, null, 2)}\n`);
    if (format === 'github') {
      for (const p of error.problems) io.stdout.write(`${githubAnnotation(p, 'error', { ...(error.dir === undefined ? {} : { dir: error.dir }), io })}\n`);
    }
    for (const p of error.problems) io.stderr.write(`${formatProblem(p)}\n`);
    const count = error.problems.length;
    io.stderr.write(`${count} problem${count === 1 ? '' : 's'} found; nothing was written.\n`);
    return isInputLayer(error.layer) ? EXIT_USAGE : EXIT_FINDINGS;
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

/** `; did you mean 'synth'?` for the command nearest to `name`, if one is near. */
function nearest(name: string): string {
  const near = Object.keys(COMMANDS).map((c) => ({ c, d: editDistance(name.toLowerCase(), c) })).sort((a, b) => a.d - b.d)[0];
  return near !== undefined && near.d <= Math.max(2, Math.floor(name.length / 3)) ? `; did you mean '${near.c}'?` : '';
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
  if (name === 'help' && topic !== undefined && args.length === 2) {
    io.stdout.write(topic);
    return EXIT_OK;
  }
  if (name === 'help' && args.length > 1) {
    io.stderr.write(`error: ${args.length > 2 ? `help takes one command, got ${args.length - 1}` : `no command ${JSON.stringify(args[1])}`}${nearest(args[1]!)}; run 'capi-ionos --help' for the list\n`);
    return EXIT_USAGE;
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
    io.stderr.write(`error: unknown command ${JSON.stringify(name)}${nearest(name)}; run 'capi-ionos --help' for the list\n`);
    return EXIT_USAGE;
  }
  const help = helpOf(name);
  if (help !== undefined && asksForHelp(args.slice(1))) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  const { format, args: commandArgs } = problemFormatOf(name, args.slice(1), io.env);
  try {
    const command = await load();
    return await command(commandArgs, io);
  } catch (error) {
    // validate prints its problems as JSON itself, within its report.
    return reportError(error, io, debug, format === 'json' && name === 'validate' ? 'text' : format);
  }
}
