import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateFleet } from '../../bench/fleet-generator.js';
import { readTree } from '../synth/tree.js';
import { fleetWorkspace, FOURTH_CLUSTER, ROOT, type Workspace } from './fleet-workspace.js';
import { run } from './run.js';

let ws: Workspace | undefined;
afterEach(() => {
  if (ws) rmSync(ws.dir, { recursive: true, force: true });
  ws = undefined;
});

describe('capi-ionos synth fleet.yaml', () => {
  it('synthesises examples/fleet byte for byte to its committed dist/ and leaves the lock as it is', async () => {
    ws = fleetWorkspace();
    const before = readTree(ws.dir);
    const result = await run(['synth', ws.fleet, '--locked']);
    expect(result.code, result.stderr).toBe(0);
    expect(readTree(join(ws.dir, 'dist'))).toEqual(readTree(join(ROOT, 'examples/fleet/dist')));
    expect(readTree(ws.dir)).toEqual(before);
  });

  it('adds only new files and new lock lines when a fourth cluster joins', async () => {
    ws = fleetWorkspace();
    const before = readTree(join(ws.dir, 'dist'));
    const lockBefore = ws.read('ipam.lock.yaml').split('\n');
    ws.append(FOURTH_CLUSTER);
    const result = await run(['synth', ws.fleet]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('updated');
    const after = readTree(join(ws.dir, 'dist'));
    for (const [path, content] of Object.entries(before)) {
      if (path !== 'kustomization.yaml') expect(after[path], path).toBe(content);
    }
    const added = Object.keys(after).filter((p) => !(p in before));
    expect(added.length).toBeGreaterThan(5);
    expect(added.every((p) => p.startsWith('prod-c/'))).toBe(true);
    const lockAfter = ws.read('ipam.lock.yaml').split('\n');
    expect(lockAfter.filter((l) => !lockBefore.includes(l)).every((l) => l.includes('cluster: prod-c'))).toBe(true);
    expect(lockBefore.every((l) => lockAfter.includes(l))).toBe(true);
    expect(lockAfter.filter((l) => l.includes('cluster: prod-c')).length).toBe(3); // nodes, storage, VIP
  });

  it('adds the reconciler with Secrets readable only by name in the fleet\'s namespaces, and leaves the binder out beside the provider', async () => {
    ws = fleetWorkspace();
    const result = await run(['synth', ws.fleet, '--with-reconciler']);
    expect(result.code, result.stderr).toBe(0);
    const files = readTree(join(ws.dir, 'dist', '_reconciler'));
    const names = Object.keys(files).sort();
    expect(names.filter((n) => n.includes('credentials')).length).toBeGreaterThan(0);
    expect(names.some((n) => n.startsWith('ValidatingAdmissionPolicy.'))).toBe(true);
    const clusterRole = Object.entries(files).find(([n]) => n.startsWith('ClusterRole.'))![1];
    expect(clusterRole).not.toContain('secrets');
    // Every cluster's credentials Secret, by name, in its namespace.
    const fleet = ws.read('fleet.yaml');
    for (const namespace of [...fleet.matchAll(/^\s+namespace: (\S+)/gm)].map((m) => m[1]!)) {
      expect(Object.values(files).some((text) => text.includes(`namespace: ${namespace}`) && text.includes('resourceNames:')), namespace).toBe(true);
    }
    const deployment = Object.entries(files).find(([n]) => n.startsWith('Deployment.'))![1];
    expect(deployment).toContain('- 127.0.0.1');
    expect(deployment).not.toContain('0.0.0.0');

    const beside = await run(['synth', ws.fleet, '--with-reconciler', '--ipam-provider', 'in-cluster', '-o', join(ws.dir, 'beside'), '--force']);
    expect(beside.code, beside.stderr).toBe(0);
    const besideFiles = readTree(join(ws.dir, 'beside', '_reconciler'));
    expect(Object.keys(besideFiles).some((n) => n.startsWith('ValidatingAdmissionPolicy'))).toBe(false);
    expect(Object.entries(besideFiles).find(([n]) => n.startsWith('Deployment.'))![1]).not.toContain('--claims');
    expect(await run(['synth', ws.fleet, '--with-reconciler', '--ipam-provider', 'both'])).toMatchObject({ code: 2, stderr: expect.stringContaining("use 'reconciler'") });
  });

  it('fails with --locked when the lock would change, writing nothing', async () => {
    ws = fleetWorkspace();
    ws.append(FOURTH_CLUSTER);
    const before = readTree(ws.dir);
    const result = await run(['synth', ws.fleet, '--locked']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ipam.lock.yaml: error: not up to date with fleet.yaml; run 'capi-ionos plan --write'");
    expect(readTree(ws.dir)).toEqual(before);
  });

  it('fails on a fleet that does not fit, naming every conflict, and writes nothing', async () => {
    ws = fleetWorkspace();
    rmSync(ws.lock);
    ws.edit('cidr: 172.16.0.0/20', 'cidr: 172.16.0.0/27');
    const before = readTree(ws.dir);
    const result = await run(['synth', ws.fleet]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[network-exhausted]');
    expect(result.stderr).toMatch(/nothing was written/);
    expect(readTree(ws.dir)).toEqual(before);
  });

  it('rejects a broken lock file as an input error (exit 2), by name, line and column, without touching it', async () => {
    ws = fleetWorkspace();
    const broken = `${ws.read('ipam.lock.yaml')}<<<<<<< HEAD\n`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(ws.lock, broken);
    const result = await run(['synth', ws.fleet]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ipam\.lock\.yaml:\d+:\d+: error: /m);
    expect(readFileSync(ws.lock, 'utf8')).toBe(broken);
  });

  it('draws a progress line of charts on a terminal, clears it, and draws none when piped', async () => {
    // GIVEN a fleet large enough to take longer than the progress line's first 100 ms
    ws = fleetWorkspace();
    rmSync(ws.lock);
    writeFileSync(ws.fleet, generateFleet({ clusters: 150 }));
    // WHEN it is synthesised with stderr on a terminal, then piped
    const onTerminal = await run(['synth', ws.fleet], { tty: { stderr: true } });
    const piped = await run(['synth', ws.fleet]);
    // THEN the terminal saw the line redrawn and cleared before the summary; the pipe saw only the summary
    expect(onTerminal.code, onTerminal.stderr).toBe(0);
    const drawings = onTerminal.stderr.split('\r').filter((d) => d.startsWith('rendering'));
    expect(drawings.length).toBeGreaterThan(0);
    for (const d of drawings) expect(d).toMatch(/^rendering 151 charts… \d+%$/);
    expect(onTerminal.stderr).toMatch(/\r {10,}\rupdated [^\n]*ipam.lock.yaml\nwrote \d+ objects in 151 directories to /);
    expect(piped.code).toBe(0);
    expect(piped.stderr).not.toContain('\r');
    expect(piped.stderr).toMatch(/^wrote \d+ objects in 151 directories to /m);
  });
});
