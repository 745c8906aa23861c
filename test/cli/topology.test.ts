import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCidr } from '../../src/ipam/ip.js';
import { validateObjects } from '../../src/synth/validate.js';
import { readTree } from '../synth/tree.js';
import { ROOT } from './fleet-workspace.js';
import { run } from './run.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A scratch copy of examples/topology. */
function workspace(): string {
  mkdirSync(join(ROOT, '.test-tmp'), { recursive: true });
  const d = mkdtempSync(join(ROOT, '.test-tmp', 'topology-'));
  cpSync(join(ROOT, 'examples/topology'), d, { recursive: true });
  return d;
}

type Obj = { kind: string; metadata: { name: string; namespace?: string }; spec: Record<string, any> };

describe('capi-ionos synth in topology mode (examples/topology)', () => {
  it('synthesises byte for byte to the committed dist/ and leaves the lock as it is', async () => {
    dir = workspace();
    const before = readTree(dir);
    const result = await run(['synth', join(dir, 'fleet.yaml'), '--locked']);
    expect(result.code, result.stderr).toBe(0);
    expect(readTree(join(dir, 'dist'))).toEqual(readTree(join(ROOT, 'examples/topology/dist')));
    expect(readTree(dir)).toEqual(before);
  });

  it('holds a ClusterClass and topology Clusters that validate offline, each cluster with its own planned pools', () => {
    const tree = readTree(join(ROOT, 'examples/topology/dist'));
    const objects = Object.entries(tree).filter(([p]) => p.endsWith('.k8s.yaml')).map(([, text]) => parse(text) as Obj);
    expect(validateObjects(objects as unknown as Record<string, unknown>[]).problems).toEqual([]);
    expect(objects.filter((o) => o.kind === 'ClusterClass').map((o) => o.metadata.name)).toEqual(['standard']);
    expect(objects.map((o) => o.kind)).toEqual(expect.arrayContaining(['KubeadmControlPlaneTemplate', 'IonosCloudClusterTemplate', 'IonosCloudMachineTemplate', 'KubeadmConfigTemplate']));
    expect(objects.map((o) => o.kind)).not.toContain('KubeadmControlPlane');
    const clusters = objects.filter((o) => o.kind === 'Cluster');
    expect(clusters.map((c) => c.metadata.name).sort()).toEqual(['blue', 'green']);
    const variable = (c: Obj, name: string) => c.spec.topology.variables.find((v: { name: string }) => v.name === name).value;
    const pools = new Map(objects.filter((o) => o.kind === 'InClusterIPPool').map((p) => [p.metadata.name, p.spec.addresses as string[]]));
    for (const cluster of clusters) {
      expect(cluster.spec.topology.class).toBe('standard');
      const ref = variable(cluster, 'controlPlaneNetwork').ipv4PoolRef;
      expect(ref).toEqual({ apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPool', name: `${cluster.metadata.name}-nodes` });
      expect(pools.has(ref.name)).toBe(true);
      for (const md of cluster.spec.topology.workers.machineDeployments) {
        const network = md.variables.overrides.find((o: { name: string }) => o.name === 'workerNetwork').value;
        expect(network.ipv4PoolRef.name).toBe(`${cluster.metadata.name}-nodes`);
      }
    }
    const [blue, green] = [pools.get('blue-nodes')!, pools.get('green-nodes')!].map((a) => parseCidr(a[0]!)!);
    expect(blue.end < green.start || green.end < blue.start).toBe(true);
    expect(variable(clusters.find((c) => c.metadata.name === 'blue')!, 'controlPlaneEndpoint')).toEqual({ host: 'api.blue.example.org', port: 6443 });
  });

  it('simulates the machines the topology controller would create, with the pools of the variables', async () => {
    const result = await run(['simulate', join(ROOT, 'examples/topology/fleet.yaml'), '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { machines: number; nics: { machine: string; nic: string; pool: { name: string }; address: string }[] };
    expect(report.machines).toBe(3 + 3 + 2 + 1 + 2);
    const storage = report.nics.filter((n) => n.machine.startsWith('blue-md-storage-'));
    expect(storage.map((n) => n.pool.name).sort()).toEqual(['blue-nodes', 'blue-nodes', 'blue-storage', 'blue-storage']);
    expect(storage.filter((n) => n.pool.name === 'blue-storage').every((n) => n.address.startsWith('172.18.'))).toBe(true);
    expect(report.nics.filter((n) => n.machine.startsWith('green-')).every((n) => n.pool.name === 'green-nodes')).toBe(true);
  });

  it('adds a cluster of the class without changing a byte of the class or the other clusters', async () => {
    dir = workspace();
    const before = readTree(join(dir, 'dist'));
    const fleet = join(dir, 'fleet.yaml');
    writeFileSync(fleet, `${readFileSync(fleet, 'utf8')}  - name: red
    class: standard
    location: de/txl
    datacenterID: 0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00
    credentialsSecret: ionos-credentials
    kubernetesVersion: v1.31.2
    controlPlane: {replicas: 1, endpoint: auto, network: {ipv4: nodes}}
    nodePools: [{name: md-0, replicas: 1, network: {ipv4: nodes}}]
`);
    const result = await run(['synth', fleet]);
    expect(result.code, result.stderr).toBe(0);
    const after = readTree(join(dir, 'dist'));
    for (const [path, content] of Object.entries(before)) if (path !== 'kustomization.yaml') expect(after[path], path).toBe(content);
    expect(Object.keys(after).filter((p) => !(p in before)).every((p) => p.startsWith('red/'))).toBe(true);
  });

  it('rejects a machine on a topology cluster, an unknown class and an unknown worker class, with their paths', async () => {
    dir = workspace();
    const fleet = join(dir, 'fleet.yaml');
    const text = readFileSync(fleet, 'utf8')
      .replace('workerClass: general', 'workerClass: gpu')
      .replace('    class: standard\n    location: de/txl\n    datacenterID: 0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00\n    credentialsSecret: ionos-credentials\n    kubernetesVersion: v1.31.2\n    labels: {env: staging}',
        '    class: premium\n    location: de/txl\n    datacenterID: 0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00\n    credentialsSecret: ionos-credentials\n    kubernetesVersion: v1.31.2\n    labels: {env: staging}')
      .replace('      endpointHost: api.blue.example.org\n', '      endpointHost: api.blue.example.org\n      machine: {disk: {image: {id: x}}}\n');
    writeFileSync(fleet, text);
    const result = await run(['validate', fleet]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('clusters[0].controlPlane.machine');
    expect(result.stderr).toContain('comes from the cluster class "standard"');
    expect(result.stderr).toContain('clusters[0].nodePools[0].workerClass');
    expect(result.stderr).toContain('has no worker class "gpu"');
    expect(result.stderr).toContain('clusters[1].class');
    expect(result.stderr).toContain('unknown cluster class "premium"');
  });
});
