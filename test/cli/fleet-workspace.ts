/** A scratch copy of examples/fleet that a test may edit. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Workspace {
  readonly dir: string;
  readonly fleet: string;
  readonly lock: string;
  read(name: string): string;
  /** Replaces `from` (which must occur) by `to` in the fleet file. */
  edit(from: string, to: string): void;
  append(text: string): void;
}

export function fleetWorkspace(): Workspace {
  mkdirSync(join(ROOT, '.test-tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.test-tmp', 'fleet-'));
  cpSync(join(ROOT, 'examples/fleet'), dir, { recursive: true });
  const fleet = join(dir, 'fleet.yaml');
  return {
    dir, fleet, lock: join(dir, 'ipam.lock.yaml'),
    read: (name) => readFileSync(join(dir, name), 'utf8'),
    edit: (from, to) => {
      const text = readFileSync(fleet, 'utf8');
      if (!text.includes(from)) throw new Error(`fleet.yaml has no ${JSON.stringify(from)}`);
      writeFileSync(fleet, text.replace(from, to));
    },
    append: (text) => writeFileSync(fleet, readFileSync(fleet, 'utf8') + text),
  };
}

/**
 * For a test file: a function that makes a fresh workspace, removed after each test (call once,
 * at the top of the file).
 */
export function workspacePerTest(): () => Workspace {
  let ws: Workspace | undefined;
  afterEach(() => {
    if (ws) rmSync(ws.dir, { recursive: true, force: true });
    ws = undefined;
  });
  return () => (ws = fleetWorkspace());
}

/** A fourth cluster, appended to the example's `clusters:` list (the file ends inside it). */
export const FOURTH_CLUSTER = `  - name: prod-c
    namespace: prod-c
    location: de/txl
    datacenterID: 0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00
    credentialsSecret: ionos-credentials
    kubernetesVersion: v1.31.2
    controlPlane:
      endpoint: auto
      machine: {disk: {image: {id: 3f1e2d4c-0000-4000-8000-000000000001}}}
      network: {ipv4: nodes}
    nodePools:
      - name: workers
        replicas: 6
        machine: {disk: {image: {id: 3f1e2d4c-0000-4000-8000-000000000001}}}
        network: {ipv4: nodes}
        additionalNetworks:
          - {network: storage}
`;
