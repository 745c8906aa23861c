/**
 * Finding the fleet: the FLEET argument, else the app named in ./cdk8s.yaml, else ./fleet.*.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, resolve } from 'node:path';
import { UsageError } from '../problems.js';

/** The kinds of fleet input. */
export type FleetFormat = 'app' | 'yaml' | 'json' | 'jsonnet';

const FORMATS: Readonly<Record<string, FleetFormat>> = {
  '.ts': 'app', '.mts': 'app', '.js': 'app', '.mjs': 'app',
  '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json', '.jsonnet': 'jsonnet',
};

/** The format of a fleet path, from its extension. */
export function fleetFormat(path: string): FleetFormat {
  const format = FORMATS[extname(path)];
  if (format === undefined) {
    throw new UsageError(`${path}: unknown fleet type ${JSON.stringify(extname(path))}; use a cdk8s app (.ts, .js) or a fleet file (.yaml, .yml, .json, .jsonnet)`);
  }
  return format;
}

/** The absolute path of the fleet to use. */
export function resolveFleetPath(argument: string | undefined, cwd: string): string {
  if (argument !== undefined) {
    const path = resolve(cwd, argument);
    if (!existsSync(path)) throw new UsageError(`${argument}: no such file`);
    fleetFormat(path);
    return path;
  }
  const config = resolve(cwd, 'cdk8s.yaml');
  if (existsSync(config)) {
    // The yaml package is loaded only here: a FLEET argument never needs it.
    const { parse: parseYaml } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
    const app = (parseYaml(readFileSync(config, 'utf8')) as { app?: unknown } | null)?.app;
    const token = typeof app === 'string' ? app.split(/\s+/).find((t) => FORMATS[extname(t)] !== undefined) : undefined;
    if (token !== undefined && existsSync(resolve(cwd, token))) return resolve(cwd, token);
  }
  for (const ext of ['.yaml', '.yml', '.json', '.jsonnet', '.ts']) {
    const path = resolve(cwd, `fleet${ext}`);
    if (existsSync(path)) return path;
  }
  throw new UsageError('no fleet given and none found: pass FLEET, name the app in ./cdk8s.yaml, or create ./fleet.yaml');
}
