import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatableSet } from '../../src/ipam/allocator.js';
import { parseAddressKey } from '../../src/ipam/pool-entries.js';
import { contains } from '../../src/ipam/ranges.js';
import { poolSpecOf } from '../../src/reconciler/claims/api.js';
import { machineGroups, scaledValue } from '../../src/reconciler/simulate/fleet-machines.js';
import { machinesToCreate, machinesToDelete, rolledOut, roundsToRollOut } from '../../src/reconciler/simulate/rollout.js';
import { naturalCompare, simulate } from '../../src/reconciler/simulate/simulate.js';
import type { KubeObject } from '../../src/reconciler/store.js';

const NS = 'prod-a';
const POOL_REF = { apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPool', name: 'nodes' };

function pool(addresses: string[], extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'ipam.cluster.x-k8s.io/v1alpha2', kind: 'InClusterIPPool',
    metadata: { name: 'nodes', namespace: NS },
    spec: { addresses, prefix: 16, gateway: '10.20.0.1', ...extra },
  };
}

/** A cluster with one node pool (and a control plane when `controlPlane` is set), all on pool `nodes`. */
function fleet(options: { replicas: number; maxSurge?: number | string; maxUnavailable?: number | string; controlPlane?: number; pool: KubeObject }): KubeObject[] {
  const template = (name: string, spec: Record<string, unknown>): KubeObject => ({
    apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1', kind: 'IonosCloudMachineTemplate',
    metadata: { name, namespace: NS }, spec: { template: { spec } },
  });
  const objects: KubeObject[] = [
    { apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'Cluster', metadata: { name: 'prod-a', namespace: NS }, spec: {} },
    options.pool,
    template('prod-a-workers', { datacenterID: 'dc', ipv4PoolRef: POOL_REF, additionalNetworks: [{ networkID: 3, ipv4PoolRef: { ...POOL_REF, kind: 'GlobalInClusterIPPool', name: 'storage' } }] }),
    {
      apiVersion: 'ipam.cluster.x-k8s.io/v1alpha2', kind: 'GlobalInClusterIPPool',
      metadata: { name: 'storage' }, spec: { addresses: ['172.16.0.0/24'], prefix: 24 },
    },
    {
      apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'MachineDeployment',
      metadata: { name: 'prod-a-workers', namespace: NS, labels: { 'cluster.x-k8s.io/cluster-name': 'prod-a' } },
      spec: {
        clusterName: 'prod-a', replicas: options.replicas,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: options.maxSurge ?? 1, maxUnavailable: options.maxUnavailable ?? 0 } },
        template: { spec: { clusterName: 'prod-a', infrastructureRef: { kind: 'IonosCloudMachineTemplate', name: 'prod-a-workers' } } },
      },
    },
  ];
  if (options.controlPlane !== undefined) {
    objects.push(template('prod-a-control-plane', { datacenterID: 'dc', ipv4PoolRef: POOL_REF }), {
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1', kind: 'KubeadmControlPlane',
      metadata: { name: 'prod-a-control-plane', namespace: NS, labels: { 'cluster.x-k8s.io/cluster-name': 'prod-a' } },
      spec: { replicas: options.controlPlane, machineTemplate: { infrastructureRef: { kind: 'IonosCloudMachineTemplate', name: 'prod-a-control-plane' } } },
    });
  }
  return objects;
}

describe('simulate', () => {
  it('binds every claim from its own pool, without duplicates, and rolls everything at once', async () => {
    const nodes = pool(['10.20.1.1-10.20.1.10']);
    const result = await simulate(fleet({ replicas: 5, controlPlane: 3, pool: nodes }));
    expect(result.problems).toEqual([]);
    expect(result.unbound).toEqual([]);
    expect(result.stuck).toEqual([]);
    expect(result.machines).toBe(8);
    expect(result.nics).toHaveLength(8 + 5);
    const set = allocatableSet(poolSpecOf(nodes));
    const primary = result.nics.filter((n) => n.nic === 'primary');
    for (const nic of primary) {
      expect(nic.pool).toEqual({ kind: 'InClusterIPPool', namespace: NS, name: 'nodes' });
      expect(contains(set, parseAddressKey(nic.address!.split('/')[0]!)!)).toBe(true);
      expect(nic.gateway).toBe('10.20.0.1');
    }
    expect(new Set(primary.map((n) => n.address)).size).toBe(primary.length);
    // Claims are named as the IONOS provider names them, machines in natural order.
    expect(result.nics.slice(0, 2).map((n) => n.claim)).toEqual(['nic-prod-a-control-plane-0-ipv4', 'nic-prod-a-control-plane-1-ipv4']);
    expect(result.nics.find((n) => n.nic === 'network 3')?.claim).toBe('nic-prod-a-workers-0-3-ipv4');
    // Control plane (3 + 1 surge) and workers (5 + 1 surge) at the same moment.
    const use = result.pools.find((p) => p.pool.name === 'nodes')!;
    expect(use).toMatchObject({ total: '10', steady: 8, peak: 10, peakMoment: 'rollout round 1' });
    expect(result.rounds).toBe(5);
  });

  it('names the pool and the moment when the rollout needs one address more than the pool has', async () => {
    const result = await simulate(fleet({ replicas: 3, controlPlane: 1, pool: pool(['10.20.1.1-10.20.1.5']) }));
    expect(result.unbound).toHaveLength(1);
    expect(result.unbound[0]).toMatchObject({
      namespace: NS, pool: { kind: 'InClusterIPPool', namespace: NS, name: 'nodes' },
      moment: 'rollout round 1', reason: 'PoolExhausted',
    });
    expect(result.unbound[0]!.claim).toMatch(/^nic-prod-a-(workers|control-plane)-[34]-ipv4$/);
    // The control plane's old machine goes, its address frees, and the rollout goes on: the
    // shortage was a moment, which is what a real rollout would hit too.
    expect(result.stuck).toEqual([]);
    expect(result.pools.find((p) => p.pool.name === 'nodes')).toMatchObject({ total: '5', peak: 5 });
  });

  it('reports claims that cannot be bound even before the rollout', async () => {
    const result = await simulate(fleet({ replicas: 4, pool: pool(['10.20.1.1-10.20.1.3']) }));
    expect(result.unbound[0]).toMatchObject({ claim: 'nic-prod-a-workers-3-ipv4', moment: 'initial', reason: 'PoolExhausted' });
    expect(result.nics.filter((n) => n.address === undefined).map((n) => n.claim)).toEqual(['nic-prod-a-workers-3-ipv4']);
    // The surge machine of the rollout finds the pool full as well; the rollout cannot finish.
    expect(result.unbound[1]).toMatchObject({ claim: 'nic-prod-a-workers-4-ipv4', moment: 'rollout round 1' });
    expect(result.stuck).toHaveLength(1);
  });

  it('fits a pool of exactly replicas + surge, and without surge rolls by deleting first', async () => {
    expect((await simulate(fleet({ replicas: 4, maxSurge: 1, pool: pool(['10.20.1.1-10.20.1.5']) }))).unbound).toEqual([]);
    const noSurge = await simulate(fleet({ replicas: 4, maxSurge: 0, maxUnavailable: 1, pool: pool(['10.20.1.1-10.20.1.4']) }));
    expect(noSurge.unbound).toEqual([]);
    expect(noSurge.pools.find((p) => p.pool.name === 'nodes')!.peak).toBe(4);
  });

  it('waits out the reuse grace period of released addresses, as the provider would', async () => {
    const result = await simulate(fleet({ replicas: 3, pool: pool(['10.20.1.1-10.20.1.4'], { addressReuseGracePeriodSeconds: 600 }) }), { roundMs: 60_000 });
    expect(result.unbound).toEqual([]);
    expect(result.simulatedSeconds).toBeGreaterThanOrEqual(600);
  });

  it('reports manifests it cannot simulate, naming the object', async () => {
    const objects = fleet({ replicas: 1, pool: pool(['10.20.1.0/24']) }).filter((o) => o.kind !== 'IonosCloudMachineTemplate');
    const result = await simulate(objects);
    expect(result.problems).toEqual([{
      object: 'MachineDeployment prod-a/prod-a-workers',
      path: 'spec.template.spec.infrastructureRef',
      message: 'names IonosCloudMachineTemplate "prod-a-workers", which is not among the manifests',
    }]);
  });
});

describe('machineGroups', () => {
  it('resolves percentages as Cluster API does (surge up, unavailable down) and rejects 0/0', () => {
    expect(scaledValue('25%', 10, true, 1)).toBe(3);
    expect(scaledValue('25%', 10, false, 0)).toBe(2);
    expect(scaledValue(undefined, 10, true, 1)).toBe(1);
    expect(scaledValue('x', 10, true, 1)).toBeUndefined();
    const { problems } = machineGroups(fleet({ replicas: 2, maxSurge: 0, maxUnavailable: 0, pool: pool(['10.20.1.0/24']) }));
    expect(problems[0]!.message).toMatch(/both 0/);
  });
});

describe('naturalCompare', () => {
  it('orders digit runs as numbers', () => {
    expect(['w-10', 'w-2', 'w-1', 'v'].sort(naturalCompare)).toEqual(['v', 'w-1', 'w-2', 'w-10']);
  });
});

describe('rollout arithmetic (property)', () => {
  it('never exceeds replicas + maxSurge, never drops below replicas - maxUnavailable, and finishes', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }),
      (replicas, maxSurge, maxUnavailable) => {
        fc.pre(maxSurge + maxUnavailable > 0);
        const group = { replicas, maxSurge, maxUnavailable };
        let old = replicas;
        let fresh = 0;
        let rounds = 0;
        while (!rolledOut(group, { old, fresh, freshReady: fresh })) {
          rounds++;
          if (rounds > 2 * replicas + 2) return false;
          fresh += machinesToCreate(group, { old, fresh, freshReady: fresh });
          if (old + fresh > replicas + maxSurge) return false;
          old -= machinesToDelete(group, { old, fresh, freshReady: fresh });
          if (old + fresh < Math.min(replicas, replicas - maxUnavailable)) return false;
        }
        return old === 0 && fresh === replicas;
      },
    ));
  });

  it('stops deleting when new machines are not ready', () => {
    expect(machinesToDelete({ replicas: 3, maxSurge: 1, maxUnavailable: 0 }, { old: 3, fresh: 1, freshReady: 0 })).toBe(0);
    expect(machinesToCreate({ replicas: 3, maxSurge: 1, maxUnavailable: 0 }, { old: 3, fresh: 1, freshReady: 0 })).toBe(0);
  });
});

describe('roundsToRollOut', () => {
  it('counts the rounds of a rollout where every new machine is ready at once', () => {
    expect(roundsToRollOut({ replicas: 5, maxSurge: 1, maxUnavailable: 0 })).toBe(5);
    expect(roundsToRollOut({ replicas: 4, maxSurge: 2, maxUnavailable: 0 })).toBe(2);
    expect(roundsToRollOut({ replicas: 3, maxSurge: 0, maxUnavailable: 1 })).toBe(4);
    expect(roundsToRollOut({ replicas: 0, maxSurge: 1, maxUnavailable: 0 })).toBe(0);
  });
});
