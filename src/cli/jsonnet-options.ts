/**
 * The Jsonnet options every command that reads a fleet takes, spelled as the `jsonnet` command
 * spells them: `--ext-str`/`-V`, `--ext-code`, `--tla-str`/`-A`, `--tla-code` (each `NAME=VALUE`,
 * or `NAME` alone to take the value from the environment variable NAME) and `-J`/`--jpath DIR`,
 * all repeatable. `JSONNET_PATH` adds library directories as it does for `jsonnet`.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, delimiter, resolve } from 'node:path';
import type { EvaluateOptions } from '../jsonnet/evaluate.js';
import type { Parsed } from './args.js';
import { fleetFormat } from '../fleet/source.js';
import { UsageError, type Io } from './io.js';

/** The option definitions, to spread into a command's `parse(...)` options. */
export const JSONNET_OPTIONS = {
  'ext-str': { type: 'string', short: 'V', multiple: true },
  'ext-code': { type: 'string', multiple: true },
  'tla-str': { type: 'string', short: 'A', multiple: true },
  'tla-code': { type: 'string', multiple: true },
  jpath: { type: 'string', short: 'J', multiple: true },
} as const;

/** The options' help, for a command's `--help` text (it lives with the other help texts). */
export { JSONNET_HELP } from './help.js';

type Kind = 'ext-str' | 'ext-code' | 'tla-str' | 'tla-code';

/** `NAME=VALUE` pairs of one option; `NAME` alone reads the environment. */
function bindings(kind: Kind, values: readonly string[], env: Io['env']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of values) {
    const eq = raw.indexOf('=');
    const name = eq < 0 ? raw : raw.slice(0, eq);
    if (name === '') throw new UsageError(`--${kind} ${JSON.stringify(raw)}: the name is empty; write --${kind} NAME=VALUE`);
    let value: string;
    if (eq >= 0) {
      value = raw.slice(eq + 1);
    } else {
      const fromEnv = env[name];
      if (fromEnv === undefined) {
        throw new UsageError(`--${kind} ${name}: no '=VALUE' and no environment variable ${name}; write --${kind} ${name}=VALUE or set ${name}`);
      }
      value = fromEnv;
    }
    out[name] = value;
  }
  return out;
}

function list(value: Parsed['values'][string]): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** Fails when a name is bound twice among `groups` (e.g. by --ext-str and --ext-code). */
function noDuplicates(what: string, groups: readonly (readonly [Kind, readonly string[]])[]): void {
  const seen = new Map<string, Kind>();
  for (const [kind, values] of groups) {
    for (const raw of values) {
      const name = raw.includes('=') ? raw.slice(0, raw.indexOf('=')) : raw;
      const before = seen.get(name);
      if (before !== undefined) throw new UsageError(`${what} ${name} is given twice (--${before} and --${kind}); give it once`);
      seen.set(name, kind);
    }
  }
}

/**
 * Turns parsed Jsonnet options into evaluation options for the fleet at `fleet` (absolute).
 * Relative `-J` and `JSONNET_PATH` directories are resolved against `io.cwd`.
 *
 * @returns `undefined` when the fleet is not Jsonnet (and no Jsonnet option was given)
 * @throws UsageError for a Jsonnet option given with a fleet that is not Jsonnet, a missing
 *   `=VALUE` whose environment variable is unset, a name bound twice, or a `-J` directory that
 *   does not exist
 */
export function jsonnetOptions(values: Parsed['values'], io: Pick<Io, 'env' | 'cwd'>, fleet: string): EvaluateOptions | undefined {
  const given = (Object.keys(JSONNET_OPTIONS) as (keyof typeof JSONNET_OPTIONS)[]).filter((k) => list(values[k]).length > 0);
  if (fleetFormat(fleet) !== 'jsonnet') {
    if (given.length > 0) {
      throw new UsageError(`--${given[0]} applies to Jsonnet fleets only, and ${basename(fleet)} is not one; leave it out or use a .jsonnet fleet`);
    }
    return undefined;
  }
  const ext = { 'ext-str': list(values['ext-str']), 'ext-code': list(values['ext-code']) };
  const tla = { 'tla-str': list(values['tla-str']), 'tla-code': list(values['tla-code']) };
  noDuplicates('external variable', Object.entries(ext) as [Kind, string[]][]);
  noDuplicates('top-level argument', Object.entries(tla) as [Kind, string[]][]);
  // As with jsonnet: JSONNET_PATH's left-most directory wins over its others, every -J wins over
  // JSONNET_PATH, and the last -J wins. EvaluateOptions lists the winner last.
  // Directories of JSONNET_PATH that do not exist are skipped, as jsonnet skips them.
  const isDir = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();
  const envPath = (io.env.JSONNET_PATH ?? '').split(delimiter).filter((d) => d !== '').reverse()
    .map((dir) => resolve(io.cwd, dir)).filter(isDir);
  const jpath = [...envPath, ...list(values.jpath).map((dir) => {
    const path = resolve(io.cwd, dir);
    if (!isDir(path)) throw new UsageError(`-J ${dir}: no such directory`);
    return path;
  })];
  return {
    extStr: bindings('ext-str', ext['ext-str'], io.env),
    extCode: bindings('ext-code', ext['ext-code'], io.env),
    tlaStr: bindings('tla-str', tla['tla-str'], io.env),
    tlaCode: bindings('tla-code', tla['tla-code'], io.env),
    jpath,
  };
}
