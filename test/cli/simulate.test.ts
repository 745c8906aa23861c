import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { allocatableSet } from '../../src/ipam/allocator.js';
import { parseAddressKey } from '../../src/ipam/pool-entries.js';
import { contains } from '../../src/ipam/ranges.js';
import { poolSpecOf } from '../../src/reconciler/claims/api.js';
import type { SimulationResult } from '../../src/reconciler/simulate/simulate.js';
import type { KubeObject } from '../../src/reconciler/store.js';
import { ROOT, fleetWorkspace } from './fleet-workspace.js';
import { run } from './run.js';

/** Every pool object under a dist/ directory, by `kind/namespace/name` as the report names pools. */
function distPools(dist: string): Map<string, KubeObject> {
  const pools = new Map<string, KubeObject>();
  for (const dir of readdirSync(dist, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    for (const file of readdirSync(join(dist, dir))) {
      if (!/inclusterippool/i.test(file)) continue;
      const pool = parseYaml(readFileSync(join(dist, dir, file), 'utf8')) as KubeObject;
      pools.set(`${pool.kind}/${pool.metadata.namespace === undefined ? '' : `${pool.metadata.namespace}/`}${pool.metadata.name}`, pool);
    }
  }
  return pools;
}

let work: string;
beforeAll(() => {
  mkdirSync(join(ROOT, '.test-tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.test-tmp', 'simulate-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('capi-ionos simulate', () => {
  it('gives every NIC of examples/fleet an address inside its pool, through a rollout of everything at once', async () => {
    const result = await run(['simulate', 'examples/fleet/fleet.yaml', '--format', 'json'], { cwd: ROOT });
    expect(result.stderr).toBe('simulated 21 machines and a rollout of 5 rounds: every claim was bound\n');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as SimulationResult & { passed: boolean };
    expect(report.passed).toBe(true);
    const pools = distPools(join(ROOT, 'examples/fleet/dist'));
    const seen = new Set<string>();
    for (const nic of report.nics) {
      const label = `${nic.pool.kind}/${nic.pool.namespace === undefined ? '' : `${nic.pool.namespace}/`}${nic.pool.name}`;
      const pool = pools.get(label);
      expect(pool, label).toBeDefined();
      const address = nic.address!.split('/')[0]!;
      expect(contains(allocatableSet(poolSpecOf(pool!)), parseAddressKey(address)!), `${nic.claim} ${address} in ${label}`).toBe(true);
      expect(seen.has(`${label} ${address}`), `${address} given twice`).toBe(false);
      seen.add(`${label} ${address}`);
    }
    expect(report.nics).toHaveLength(38);
    for (const use of report.pools) expect(use.peak).toBeLessThanOrEqual(Number(use.total));
  });

  it('prints the same simulation for the Jsonnet fleet, as a table by default', async () => {
    const yaml = await run(['simulate', 'examples/fleet/fleet.yaml'], { cwd: ROOT });
    const jsonnet = await run(['simulate', 'examples/fleet/fleet.jsonnet'], { cwd: ROOT });
    expect(jsonnet.code).toBe(0);
    expect(jsonnet.stdout).toBe(yaml.stdout);
    expect(yaml.stdout).toContain('  prod-a     prod-a-db-0             primary    nic-prod-a-db-0-ipv4');
    expect(yaml.stdout).toMatch(/GlobalInClusterIPPool\/shared-storage\s+64\s+5\s+7\s+57\s+rollout round 1/);
    expect(yaml.stdout.trimEnd().split('\n').at(-1)).toBe('every claim was bound at every moment');
  });

  it('fails before simulating, naming the pool, when a cdk8s app\'s pool is one address short for the rollout', async () => {
    const dir = mkdtempSync(join(work, 'short-'));
    writeFileSync(join(dir, 'main.ts'), `
import { Credentials, FleetApp, IonosCluster, IpPool, MachineImage, Network } from 'cdk8s-capi-ionos';
const app = new FleetApp();
const image = MachineImage.fromId('img-1');
const cluster = new IonosCluster(app, 'prod-a', {
  namespace: 'prod-a', location: 'de/txl', datacenterID: '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00',
  credentials: Credentials.fromSecretName('ionos'), kubernetesVersion: 'v1.31.2',
  controlPlane: { replicas: 1, endpoint: { host: '10.20.0.10' }, machine: { disk: { image } } },
});
const net = new Network(app, 'nodes', { family: 'IPv4', cidr: '10.20.0.0/16', gateway: '10.20.0.1' });
const nodes = new IpPool(cluster, 'nodes', { family: 'IPv4', name: 'nodes', namespace: 'prod-a', addresses: ['10.20.1.1-10.20.1.3'], network: net });
cluster.addNodePool('workers', { replicas: 3, maxSurge: 1, machine: { disk: { image } }, network: { ipv4Pool: nodes } });
app.synth();
`);
    const result = await run(['simulate', join(dir, 'main.ts')], { cwd: ROOT });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: main.ts: prod-a/nodes: addresses: pool "nodes" holds 3 addresses but its machines need 4 at their peak (replicas + surge); add addresses, or lower replicas or maxSurge [pool-too-small]\n'
      + '1 problem found; nothing was written.\n',
    );
    expect(result.stdout).toBe('');
  });

  it('fails naming the pool when a fleet file sizes a pool one address short', async () => {
    const ws = fleetWorkspace();
    rmSync(ws.lock);
    // Packed: the pool gets exactly the 5 addresses asked for, while prod-b needs 6 at its peak.
    ws.edit('    gateway: 10.20.0.1\n', '    gateway: 10.20.0.1\n    allocation: packed\n');
    ws.edit('poolSizes: {nodes: 32}', 'poolSizes: {nodes: 5}');
    const result = await run(['simulate', ws.fleet], { cwd: ROOT });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('prod-b-nodes');
    expect(result.stdout).toBe('');
    rmSync(ws.dir, { recursive: true, force: true });
  });

  it('simulates a cdk8s app (the commands of docs/simulate.md)', async () => {
    const result = await run(['simulate', 'examples/basic/main.ts', '--format', 'json'], { cwd: ROOT });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as SimulationResult;
    // Three control-plane machines without pool references, five workers with two NICs each.
    expect(report.machines).toBe(8);
    expect(report.nics.map((n) => n.claim).slice(0, 2)).toEqual(['nic-prod-a-workers-0-ipv4', 'nic-prod-a-workers-0-3-ipv4']);
    expect(report.pools.map((p) => [p.pool.name, p.steady, p.peak])).toEqual([['additional-node-ips', 5, 6], ['primary-node-ips', 5, 6]]);
  });

  it('rejects a bad --format or --round-seconds as a usage error', async () => {
    expect((await run(['simulate', 'examples/fleet/fleet.yaml', '--format', 'xml'], { cwd: ROOT })).code).toBe(2);
    const bad = await run(['simulate', 'examples/fleet/fleet.yaml', '--round-seconds', 'soon'], { cwd: ROOT });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--round-seconds must be a whole number');
  });
});
