/**
 * `capi-ionos <command> --help` is answered from the help texts without loading the command's
 * module, and prints exactly what the command's own `--help` prints.
 */
import { describe, expect, it, vi } from 'vitest';
import { COMMAND_HELP, MAIN_HELP } from '../../src/cli/help.js';
import type { Io } from '../../src/cli/io.js';
import { run } from './run.js';

/** Command modules imported through main.ts (mocked below: each records that it was loaded). */
const loaded = vi.hoisted(() => new Set<string>());

vi.mock('../../src/cli/commands/synth.js', async (original) => { loaded.add('synth'); return original(); });
vi.mock('../../src/cli/commands/plan.js', async (original) => { loaded.add('plan'); return original(); });
vi.mock('../../src/cli/commands/validate.js', async (original) => { loaded.add('validate'); return original(); });
vi.mock('../../src/cli/commands/reconcile.js', async (original) => { loaded.add('reconcile'); return original(); });
vi.mock('../../src/cli/commands/simulate.js', async (original) => { loaded.add('simulate'); return original(); });
vi.mock('../../src/cli/commands/diff.js', async (original) => { loaded.add('diff'); return original(); });
vi.mock('../../src/cli/commands/init.js', async (original) => { loaded.add('init'); return original(); });

type Command = (args: readonly string[], io: Io) => Promise<number>;

/** Each command's module and export, to call its own `--help` (not through main.ts). */
const MODULES: Readonly<Record<string, readonly [string, string]>> = {
  synth: ['../../src/cli/commands/synth.js', 'synth'],
  plan: ['../../src/cli/commands/plan.js', 'planCommand'],
  validate: ['../../src/cli/commands/validate.js', 'validate'],
  reconcile: ['../../src/cli/commands/reconcile.js', 'reconcile'],
  simulate: ['../../src/cli/commands/simulate.js', 'simulateCommand'],
  diff: ['../../src/cli/commands/diff.js', 'diffCommand'],
  init: ['../../src/cli/commands/init.js', 'init'],
};

/** The commands MAIN_HELP lists. */
const LISTED = [...MAIN_HELP.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);

/** What the command prints for `args` when called directly. */
async function ownOutput(command: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [path, name] = MODULES[command]!;
  const fn = (await vi.importActual<Record<string, Command>>(path))[name]!;
  let stdout = '';
  let stderr = '';
  const code = await fn(args, {
    stdout: { write: (s: string) => { stdout += s; return true; } },
    stderr: { write: (s: string) => { stderr += s; return true; } },
    env: {}, cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('capi-ionos <command> --help', () => {
  it('has a help text for every command the main help lists', () => {
    expect(LISTED).toEqual(Object.keys(MODULES));
    expect(Object.keys(COMMAND_HELP).sort()).toEqual([...LISTED].sort());
  });

  it.each(Object.keys(MODULES))('%s --help and -h print the help without loading the command', async (command) => {
    for (const args of [[command, '--help'], [command, '-h'], [command, 'fleet.yaml', '--help'], ['help', command], ['--debug', command, '--help']]) {
      const result = await run(args);
      expect(result, args.join(' ')).toEqual({ code: 0, stdout: COMMAND_HELP[command], stderr: '' });
    }
    expect(loaded.has(command)).toBe(false);
    expect(COMMAND_HELP[command]).toMatch(new RegExp(`^Usage: capi-ionos ${command} `));
  });

  it.each(Object.keys(MODULES))('%s --help prints what the command itself prints', async (command) => {
    expect(await ownOutput(command, ['--help'])).toEqual({ code: 0, stdout: COMMAND_HELP[command], stderr: '' });
  });

  it('leaves --help after -- to the command (a positional there)', async () => {
    const result = await run(['plan', '--', '--help']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: --help: no such file/);
    expect(loaded.has('plan')).toBe(true);
  });

  it('treats neither inherited names as commands nor help topics', async () => {
    expect(await run(['constructor'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "constructor"') });
    expect(await run(['help', 'toString'])).toEqual({ code: 2, stdout: '', stderr: 'error: no command "toString"; run \'capi-ionos --help\' for the list\n' });
  });

  it('rejects help for an unknown command with exit 2, suggesting the nearest one', async () => {
    expect(await run(['help', 'synt'])).toEqual({ code: 2, stdout: '', stderr: 'error: no command "synt"; did you mean \'synth\'?; run \'capi-ionos --help\' for the list\n' });
    expect(await run(['valdiate'])).toMatchObject({ code: 2, stderr: 'error: unknown command "valdiate"; did you mean \'validate\'?; run \'capi-ionos --help\' for the list\n' });
    expect(await run(['help', 'plan', 'synth'])).toMatchObject({ code: 2, stderr: expect.stringContaining('help takes one command, got 2') });
  });
});
