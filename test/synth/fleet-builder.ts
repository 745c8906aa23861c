/**
 * Builds a small multi-cluster fleet with constructs in a chosen order, so tests can check that
 * the output does not depend on the order things were created in.
 */
import { App } from 'cdk8s';
import { Credentials, IonosCluster, IpPool, MachineImage, SharedObjects } from '../../src/constructs/index.js';

const IMAGE = MachineImage.fromId('3f1e2d4c-0000-4000-8000-000000000001');

export interface ClusterPlan {
  readonly name: string;
  readonly pools: readonly string[];
}

export const CLUSTERS: readonly ClusterPlan[] = [
  { name: 'alpha', pools: ['workers', 'db', 'gpu'] },
  { name: 'beta', pools: ['workers'] },
  { name: '10', pools: ['2', 'b', '10', 'a'] },
  { name: 'gamma', pools: ['edge', 'core'] },
];

/** Adds the fleet to `app`, creating clusters and pools in the order `order` gives. */
export function buildFleet(app: App, clusters: readonly ClusterPlan[] = CLUSTERS, order: <T>(items: readonly T[]) => T[] = (x) => [...x]): void {
  const shared = new SharedObjects(app);
  const storage = new IpPool(shared, 'storage', { family: 'IPv4', name: 'storage', scope: 'global', addresses: ['172.16.0.0/24'], prefix: 20 });
  for (const [i, plan] of order(clusters.map((c, i) => [i, c] as const))) {
    const cluster = new IonosCluster(app, plan.name, {
      namespace: `ns-${plan.name}`, location: 'de/txl', datacenterID: '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00',
      credentials: Credentials.fromSecretName('ionos-credentials'), kubernetesVersion: 'v1.31.2',
      controlPlane: { endpoint: { host: `10.${i}.0.10` }, machine: { disk: { image: IMAGE } } },
    });
    const nodes = new IpPool(cluster, 'nodes', { family: 'IPv4', name: `${plan.name}-nodes`, namespace: `ns-${plan.name}`, addresses: [`10.${i}.1.0/24`], prefix: 16 });
    for (const pool of order(plan.pools)) {
      cluster.addNodePool(pool, { replicas: 2, machine: { disk: { image: IMAGE } }, network: { ipv4Pool: nodes, additionalNetworks: [{ networkID: 3, ipv4Pool: storage }] } });
    }
  }
}
