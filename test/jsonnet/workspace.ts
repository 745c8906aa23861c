/** A scratch directory of Jsonnet files for a test, under .test-tmp/ (removed by `remove()`). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Scratch {
  readonly dir: string;
  /** Writes `text` to `name` (relative; directories are created) and returns the absolute path. */
  write(name: string, text: string): string;
  remove(): void;
}

export function scratch(prefix = 'jsonnet-'): Scratch {
  mkdirSync(join(ROOT, '.test-tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.test-tmp', prefix));
  return {
    dir,
    write: (name, text) => {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A minimal valid fleet in Jsonnet with the library, with `extra` spliced into the fleet call. */
export function smallFleet(extra = ''): string {
  return `local capi = import 'capi-ionos.libsonnet';
capi.fleet('small',
  networks=[capi.network('nodes', '10.20.0.0/16', gateway='10.20.0.1')],
  clusters=[
    capi.cluster('alpha', 'de/txl', '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00', 'v1.31.2',
      capi.controlPlane(capi.machine('3f1e2d4c-0000-4000-8000-000000000001'), capi.nic(ipv4='nodes'), replicas=1),
      [capi.nodePool('workers', 2, capi.machine('3f1e2d4c-0000-4000-8000-000000000001'), capi.nic(ipv4='nodes'))]),
  ],${extra}
)
`;
}
