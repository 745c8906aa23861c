import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FOURTH_CLUSTER, workspacePerTest } from './fleet-workspace.js';
import { run } from './run.js';

const workspace = workspacePerTest();

describe('capi-ionos plan', () => {
  it('shows every pool and VIP of the example as unchanged, with exit code 0', async () => {
    const w = workspace();
    const result = await run(['plan', w.fleet]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^network nodes \(10\.20\.0\.0\/16, gateway 10\.20\.0\.1\)$/m);
    expect(result.stdout).toMatch(/^ {2}prod-a-nodes +prod-a +10\.20\.1\.0\/27 +32 +13 +40\.6% +19 +unchanged$/m);
    expect(result.stdout).toContain('the lock file is up to date');
  });

  it('prints JSON in the documented shape', async () => {
    const w = workspace();
    const report = JSON.parse((await run(['plan', w.fleet, '--format', 'json'])).stdout);
    expect(Object.keys(report)).toEqual(['pools', 'endpoints', 'findings', 'lockChanged', 'written']);
    expect(report.pools.find((p: { name: string }) => p.name === 'shared-storage')).toEqual({
      kind: 'GlobalInClusterIPPool', name: 'shared-storage', network: 'storage', family: 'IPv4', addresses: ['172.16.0.64/26'],
      prefix: 20, gateway: '172.16.0.1', capacity: 64, required: 7, headroom: 57, change: 'unchanged',
    });
    expect(report.findings).toEqual([]);
  });

  it('prints Markdown for a pull-request comment, changes marked', async () => {
    const w = workspace();
    w.append(FOURTH_CLUSTER);
    const md = (await run(['plan', w.fleet, '--format', 'markdown'])).stdout;
    expect(md).toMatch(/^### IP plan\n\nNo errors · 8 pools · 4 VIPs · 3 changed · `ipam.lock.yaml` changes/);
    expect(md).toMatch(/\| prod-c-nodes \| prod-c \| `10\.20\.[0-9.]+\/\d+` \| \d+ \| 11 \| .* \| \*\*added\*\* \|/);
  });

  it('writes the lock only with --write, atomically, and then reports it up to date', async () => {
    const w = workspace();
    w.append(FOURTH_CLUSTER);
    const before = w.read('ipam.lock.yaml');
    expect((await run(['plan', w.fleet])).stdout).toContain('the lock file changes');
    expect(w.read('ipam.lock.yaml')).toBe(before);
    const written = await run(['plan', w.fleet, '--write']);
    expect(written.stderr).toContain('wrote');
    expect(w.read('ipam.lock.yaml')).not.toBe(before);
    expect((await run(['plan', w.fleet])).stdout).toContain('the lock file is up to date');
  });

  it.each([
    ['overlap', ['manualPools:\n  - {name: legacy, network: nodes, addresses: [10.20.1.16/28]}\n'], 'manualPools.legacy', 'overlap'],
    ['gateway in a pool', ['manualPools:\n  - {name: legacy, network: nodes, addresses: [10.20.0.1-10.20.0.1]}\n'], '', 'gateway-in-pool'],
    ['broadcast address in a pool', ['manualPools:\n  - {name: legacy, network: nodes, addresses: [10.20.255.255]}\n'], '', 'reserved-address-in-pool'],
    ['mixed families', ['manualPools:\n  - {name: legacy, network: nodes, addresses: [fd00:20::99]}\n'], '', 'mixed-family'],
  ])('fails with exit code 1 on %s', async (_name, [appendix], _path, code) => {
    const w = workspace();
    w.edit('sharedPools:', `${appendix}sharedPools:`);
    const result = await run(['plan', w.fleet]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^  error \\[${code}\\] `, 'm'));
  });

  it('fails with exit code 1 on an exhausted network, naming every pool that did not fit', async () => {
    const w = workspace();
    rmSync(w.lock);
    w.edit('cidr: 10.20.0.0/16', 'cidr: 10.20.0.0/27');
    w.edit('reserved: [10.20.0.0/24]', 'reserved: []');
    const result = await run(['plan', w.fleet, '--format', 'json']);
    expect(result.code).toBe(1);
    const exhausted = JSON.parse(result.stdout).findings.filter((f: { code: string }) => f.code === 'network-exhausted');
    expect(exhausted.length).toBeGreaterThanOrEqual(2);
    for (const f of exhausted) expect(f.message).toContain('nodes');
  });

  it('fails with exit code 1 on a gateway outside its network', async () => {
    const w = workspace();
    w.edit('gateway: 172.16.0.1', 'gateway: 172.17.0.1');
    const result = await run(['plan', w.fleet]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {2}error \[gateway-outside-network\] networks\[2\]\.gateway \(fleet\.yaml:\d+:\d+\): /m);
  });

  it('fails with exit code 1 on a pool smaller than its peak', async () => {
    const w = workspace();
    w.edit('poolSizes: {nodes: 32}', 'poolSizes: {nodes: 2}');
    const result = await run(['plan', w.fleet]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error \[(pool-too-small|renumber-refused)\] clusters\[1\](\.poolSizes\.nodes)? \(fleet\.yaml:\d+:\d+\)/);
  });

  it('refuses to renumber a locked pool, and re-plans it with --allow-renumber', async () => {
    const w = workspace();
    // The lock holds prod-a-nodes at 10.20.1.0/27; reserving that range forces a move.
    w.edit('reserved: [10.20.0.0/24]', 'reserved: [10.20.0.0/24, 10.20.1.0/27]');
    const refused = await run(['plan', w.fleet]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/error \[renumber-refused\] clusters\[0\] \(fleet\.yaml:\d+:\d+\): /);
    const allowed = await run(['plan', w.fleet, '--allow-renumber', '--write']);
    expect(allowed.code, allowed.stdout).toBe(0);
    expect(allowed.stdout).toMatch(/prod-a-nodes .* renumbered/);
    expect(w.read('ipam.lock.yaml')).not.toMatch(/range: 10\.20\.1\.0\/27, purpose: pool, pool: prod-a-nodes/);
  });

  it('keeps the ranges of a removed cluster until --prune releases them', async () => {
    const w = workspace();
    w.append(FOURTH_CLUSTER);
    await run(['plan', w.fleet, '--write']);
    const withC = w.read('ipam.lock.yaml');
    // Remove prod-c again.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(w.fleet, readFileSync(w.fleet, 'utf8').replace(FOURTH_CLUSTER, ''));
    const kept = await run(['plan', w.fleet, '--write']);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(/warning \[orphaned\] pools\.prod-c-nodes \(ipam\.lock\.yaml\): /);
    expect(w.read('ipam.lock.yaml')).toBe(withC);
    const pruned = await run(['plan', w.fleet, '--prune', '--write']);
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toMatch(/\[released\] pools\.prod-c-nodes \(ipam\.lock\.yaml\)/);
    expect(w.read('ipam.lock.yaml')).not.toContain('prod-c');
  });

  it('plans a cdk8s app from its networks, against the lock beside it', async () => {
    // GIVEN examples/basic, whose pools and endpoint are planned from networks, and its lock
    const result = await run(['plan', 'examples/basic/main.ts', '--format', 'json']);
    // THEN the planned pools and the VIP are listed, unchanged against the committed lock
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { pools: { name: string; network: string; change: string; required: number }[]; endpoints: { cluster: string; change: string }[]; lockChanged: boolean };
    expect(report.pools.map((p) => [p.name, p.network, p.required, p.change])).toEqual([
      ['primary-node-ips', 'nodes', 6, 'unchanged'], ['additional-node-ips', 'storage', 6, 'unchanged'],
    ]);
    expect(report.endpoints).toMatchObject([{ cluster: 'prod-a', change: 'unchanged' }]);
    expect(report.lockChanged).toBe(false);
  });

  it('rejects an unknown format as a usage error', async () => {
    const w = workspace();
    expect(await run(['plan', w.fleet, '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be table, markdown or json') });
  });
});

describe('capi-ionos validate', () => {
  it('checks a fleet file and writes nothing', async () => {
    const w = workspace();
    w.append(FOURTH_CLUSTER);
    const before = w.read('ipam.lock.yaml');
    const result = await run(['validate', w.fleet]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^valid: \d+ objects checked against the CRDs \(\d+ CEL rules evaluated, \d+ transition rules skipped\); the lock file would change/);
    expect(w.read('ipam.lock.yaml')).toBe(before);
  });

  it('fails with exit code 2 on a fleet file with schema errors', async () => {
    const w = workspace();
    w.edit('replicas: 5', 'replicas: five');
    const result = await run(['validate', w.fleet]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^fleet\.yaml:35:19: error: clusters\[0\]\.nodePools\[0\]\.replicas: must be a whole number, got "five"$/m);
  });
});
