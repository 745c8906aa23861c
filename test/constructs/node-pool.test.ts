import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { IonosMachine, IpPool, MachineImage, SharedObjects } from '../../src/constructs/index.js';
import { DATACENTER, IMAGE, newCluster, problemsOf } from './fixtures.js';

function objects(chart: Parameters<typeof Testing.synth>[0]) {
  return Testing.synth(chart) as { kind: string; metadata: { name: string }; spec: Record<string, any> }[];
}

describe('NodePool', () => {
  it('creates a MachineDeployment, machine template and kubeadm template named <cluster>-<pool>', () => {
    // GIVEN a cluster
    const { cluster } = newCluster();
    // WHEN a pool is added
    cluster.addNodePool('workers', { replicas: 5, maxSurge: 2, machine: { disk: { image: IMAGE } } });
    // THEN
    const byKind = new Map(objects(cluster).map((o) => [`${o.kind}/${o.metadata.name}`, o]));
    const md = byKind.get('MachineDeployment/prod-a-workers')!;
    expect(md.spec.replicas).toBe(5);
    expect(md.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: 0 } });
    expect(md.spec.selector.matchLabels).toEqual({
      'cluster.x-k8s.io/cluster-name': 'prod-a',
      'cluster.x-k8s.io/deployment-name': 'prod-a-workers',
    });
    expect(md.spec.template.spec.infrastructureRef).toEqual({
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1', kind: 'IonosCloudMachineTemplate', name: 'prod-a-workers', namespace: 'prod-a',
    });
    expect(byKind.get('IonosCloudMachineTemplate/prod-a-workers')!.spec.template.spec).toMatchObject({
      datacenterID: DATACENTER, numCores: 2, memoryMB: 4096, type: 'VCPU',
    });
    expect(byKind.has('KubeadmConfigTemplate/prod-a-workers')).toBe(true);
    expect(byKind.has('MachineHealthCheck/prod-a-workers')).toBe(false);
  });

  it('adds a MachineHealthCheck selecting only its own machines when asked', () => {
    const { cluster } = newCluster();
    cluster.addNodePool('workers', { machine: { disk: { image: IMAGE } }, healthCheck: { unhealthyTimeout: '8m' } });
    const mhc = objects(cluster).find((o) => o.kind === 'MachineHealthCheck')!;
    expect(mhc.spec).toEqual({
      clusterName: 'prod-a',
      maxUnhealthy: '40%',
      nodeStartupTimeout: '10m',
      selector: { matchLabels: { 'cluster.x-k8s.io/cluster-name': 'prod-a', 'cluster.x-k8s.io/deployment-name': 'prod-a-workers' } },
      unhealthyConditions: [
        { status: 'False', timeout: '8m', type: 'Ready' },
        { status: 'Unknown', timeout: '8m', type: 'Ready' },
      ],
    });
  });

  it.each([
    [{ memoryMB: 1000 }, 'prod-a/workers: machine.memoryMB', 'must be >= 2048 and a multiple of 1024, got 1000; use 2048'],
    [{ memoryMB: 3000 }, 'prod-a/workers: machine.memoryMB', 'must be >= 2048 and a multiple of 1024, got 3000; use 3072'],
    [{ cores: 0 }, 'prod-a/workers: machine.cores', 'must be >= 1, got 0'],
    [{ type: 'VCPU' as const, cpuFamily: 'INTEL_SKYLAKE' }, 'prod-a/workers: machine.cpuFamily', 'a VCPU server has no CPU family'],
    [{ failoverIP: '10.0.0.300' }, 'prod-a/workers: machine.failoverIP', "must be 'AUTO' or an IPv4 address"],
    [{ disk: { image: IMAGE, sizeGB: 5 } }, 'prod-a/workers: machine.disk.sizeGB', 'must be >= 10, got 5'],
  ])('rejects machine settings %j', (settings, path, message) => {
    const { cluster } = newCluster();
    const problems = problemsOf(() => cluster.addNodePool('workers', { machine: { disk: { image: IMAGE }, ...settings } }));
    expect(problems).toEqual([expect.objectContaining({ path })]);
    expect(problems[0]!.message).toContain(message);
  });

  it('allows a CPU family on ENTERPRISE servers', () => {
    const { cluster } = newCluster();
    cluster.addNodePool('workers', { machine: { type: 'ENTERPRISE', cpuFamily: 'INTEL_SKYLAKE', disk: { image: IMAGE } } });
    const template = objects(cluster).find((o) => o.metadata.name === 'prod-a-workers' && o.kind === 'IonosCloudMachineTemplate')!;
    expect(template.spec.template.spec).toMatchObject({ type: 'ENTERPRISE', cpuFamily: 'INTEL_SKYLAKE' });
  });

  it('rejects replicas below zero and a rollout that can never progress', () => {
    const { cluster } = newCluster();
    const problems = problemsOf(() => cluster.addNodePool('workers', { replicas: -1, maxSurge: 0, machine: { disk: { image: IMAGE } } }));
    expect(problems.map((p) => p.path)).toEqual(['prod-a/workers: replicas', 'prod-a/workers: maxSurge']);
    expect(problems[0]!.message).toBe('must be >= 0, got -1; use 0');
  });

  it('rejects a pool name that is not a DNS label', () => {
    const { cluster } = newCluster();
    const problems = problemsOf(() => cluster.addNodePool('Workers_1', { machine: { disk: { image: IMAGE } } }));
    expect(problems[0]).toMatchObject({ path: 'prod-a/Workers_1: name' });
    expect(problems[0]!.message).toContain('not a DNS-1123 label');
  });

  it('rejects an InClusterIPPool of another namespace, naming both namespaces', () => {
    const { cluster } = newCluster();
    const foreign = IpPool.fromName('IPv4', 'nodes', { namespace: 'other' });
    const problems = problemsOf(() => cluster.addNodePool('workers', { machine: { disk: { image: IMAGE } }, network: { ipv4Pool: foreign } }));
    expect(problems).toEqual([{
      path: 'prod-a/workers: network.ipv4Pool',
      message: 'InClusterIPPool "nodes" lives in namespace "other" and cannot serve machines in "prod-a"; create the pool in "prod-a" or make it a GlobalInClusterIPPool (scope: \'global\')',
    }]);
  });

  it('accepts a GlobalInClusterIPPool from any namespace', () => {
    const { cluster } = newCluster();
    const global = IpPool.fromName('IPv4', 'shared', { scope: 'global' });
    cluster.addNodePool('workers', { machine: { disk: { image: IMAGE } }, network: { additionalNetworks: [{ networkID: 7, ipv4Pool: global }] } });
    const template = objects(cluster).find((o) => o.kind === 'IonosCloudMachineTemplate' && o.metadata.name === 'prod-a-workers')!;
    expect(template.spec.template.spec.additionalNetworks).toEqual([
      { networkID: 7, ipv4PoolRef: { apiGroup: 'ipam.cluster.x-k8s.io', kind: 'GlobalInClusterIPPool', name: 'shared' } },
    ]);
  });

  it('rejects a pool of the wrong family even when the types were bypassed', () => {
    const { cluster } = newCluster();
    const v6 = IpPool.fromName('IPv6', 'v6', { namespace: 'prod-a' });
    const problems = problemsOf(() => cluster.addNodePool('workers', { machine: { disk: { image: IMAGE } }, network: { ipv4Pool: v6 as never } }));
    expect(problems).toEqual([{ path: 'prod-a/workers: network.ipv4Pool', message: 'needs an IPv4 pool, got IPv6 pool "v6"' }]);
  });
});

describe('IonosMachine', () => {
  it('reproduces the seed IonosCloudMachine: primary IPv4 from an InClusterIPPool, LAN 3 from a global pool', () => {
    // GIVEN the two pools of the seed scenario
    const app = Testing.app();
    const shared = new SharedObjects(app);
    const primary = new IpPool(shared, 'primary-node-ips', { family: 'IPv4', name: 'primary-node-ips', namespace: 'default', addresses: ['10.0.0.10-10.0.0.20'], prefix: 24, gateway: '10.0.0.1' });
    const additional = new IpPool(shared, 'additional-node-ips', { family: 'IPv4', name: 'additional-node-ips', scope: 'global', addresses: ['192.168.3.0/24'], prefix: 24 });
    // WHEN a machine uses them
    new IonosMachine(shared, 'machine', {
      name: 'example-machine', namespace: 'default', clusterName: 'example', datacenterID: DATACENTER,
      machine: { type: 'ENTERPRISE', cores: 2, memoryMB: 4096, disk: { image: MachineImage.fromId('IMAGE-ID') } },
      network: { ipv4Pool: primary, additionalNetworks: [{ networkID: 3, ipv4Pool: additional }] },
    });
    // THEN the machine spec is exactly the seed's
    const machine = Testing.synth(shared).find((o: { kind: string }) => o.kind === 'IonosCloudMachine');
    expect(machine).toEqual({
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1',
      kind: 'IonosCloudMachine',
      metadata: { name: 'example-machine', namespace: 'default', labels: { 'cluster.x-k8s.io/cluster-name': 'example' } },
      spec: {
        datacenterID: DATACENTER,
        numCores: 2,
        memoryMB: 4096,
        type: 'ENTERPRISE',
        disk: { image: { id: 'IMAGE-ID' } },
        ipv4PoolRef: { apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPool', name: 'primary-node-ips' },
        additionalNetworks: [{
          networkID: 3,
          ipv4PoolRef: { apiGroup: 'ipam.cluster.x-k8s.io', kind: 'GlobalInClusterIPPool', name: 'additional-node-ips' },
        }],
      },
    });
  });
});
