/**
 * Argument parsing with `node:util`'s parseArgs, turning its errors into usage errors.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Parsed options: strings and booleans by name, plus the positional arguments. */
export interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}
import { UsageError } from './io.js';

/** Parses `args` for `command`; unknown options and missing values become usage errors. */
export function parse(command: string, args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): Parsed {
  try {
    return parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional.*$/s, '')}; run 'capi-ionos ${command} --help'`);
  }
}

/**
 * Fails when more than one positional argument is given to a command that takes at most one
 * (`what` names it in the message, e.g. `FLEET`): a second one would otherwise be ignored.
 */
export function onlyOne(command: string, what: string, positionals: readonly string[]): void {
  if (positionals.length <= 1) return;
  throw new UsageError(`${command} takes one ${what}, got ${positionals.length} (${positionals.map((p) => JSON.stringify(p)).join(', ')}); run 'capi-ionos ${command} --help'`);
}
