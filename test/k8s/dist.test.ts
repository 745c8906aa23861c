/**
 * Every example's committed dist/ against a real kube-apiserver: server-side dry-run apply must
 * accept every object (the real schema and CEL check), a real apply must succeed, and every
 * reference between the objects must point at an object that exists.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REPO_ROOT, apiServerAvailable, applyDistDir, applyErrors, getObject, installCrds, readManifests, startApiServer,
  type ApiServer, type KubeObject,
} from './harness.js';

const availability = apiServerAvailable();
if (!availability.ok) console.warn(`[test/k8s] dist tests skipped: ${availability.reason}`);

const EXAMPLES = readdirSync(join(REPO_ROOT, 'examples')).filter((d) => existsSync(join(REPO_ROOT, 'examples', d, 'dist')));

type Ref = { apiVersion: string; kind: string; name: string; namespace?: string };

/** The references an object makes to other objects, as Cluster API and the providers follow them. */
function referencesOf(obj: KubeObject): Ref[] {
  const spec = (obj.spec ?? {}) as Record<string, any>;
  const ns = obj.metadata.namespace;
  const IPAM = 'ipam.cluster.x-k8s.io/v1alpha2';
  const poolRefs = (machine: Record<string, any> | undefined): Ref[] => {
    if (machine === undefined) return [];
    const refs = [machine.ipv4PoolRef, machine.ipv6PoolRef, ...(machine.additionalNetworks ?? []).flatMap((n: any) => [n.ipv4PoolRef, n.ipv6PoolRef])];
    return refs.filter((r) => r !== undefined).map((r) => ({
      apiVersion: IPAM, kind: r.kind, name: r.name, namespace: r.kind === 'InClusterIPPool' ? ns : undefined,
    }));
  };
  const objectRef = (r: any): Ref => ({ apiVersion: r.apiVersion, kind: r.kind, name: r.name, namespace: r.namespace ?? ns });
  switch (obj.kind) {
    case 'Cluster':
      if (spec.topology !== undefined) {
        // A topology Cluster: its class, and the pools its network variables name.
        const networks = [...spec.topology.variables, ...(spec.topology.workers?.machineDeployments ?? []).flatMap((md: any) => md.variables?.overrides ?? [])]
          .filter((v: any) => v.name === 'controlPlaneNetwork' || v.name === 'workerNetwork');
        return [
          { apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'ClusterClass', name: spec.topology.class, namespace: ns },
          ...networks.flatMap((v: any) => poolRefs(v.value)),
        ];
      }
      return [objectRef(spec.infrastructureRef), objectRef(spec.controlPlaneRef)];
    case 'ClusterClass':
      return [
        objectRef(spec.infrastructure.ref), objectRef(spec.controlPlane.ref), objectRef(spec.controlPlane.machineInfrastructure.ref),
        ...spec.workers.machineDeployments.flatMap((md: any) => [objectRef(md.template.bootstrap.ref), objectRef(md.template.infrastructure.ref)]),
      ];
    case 'ClusterResourceSet':
      return spec.resources.map((r: any) => ({ apiVersion: 'v1', kind: r.kind, name: r.name, namespace: ns }));
    case 'KubeadmControlPlane':
      return [objectRef(spec.machineTemplate.infrastructureRef)];
    case 'MachineDeployment':
      return [
        { apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'Cluster', name: spec.clusterName, namespace: ns },
        objectRef(spec.template.spec.bootstrap.configRef), objectRef(spec.template.spec.infrastructureRef),
      ];
    case 'MachineHealthCheck':
      return [{ apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'Cluster', name: spec.clusterName, namespace: ns }];
    case 'IonosCloudMachineTemplate':
      return poolRefs(spec.template.spec);
    case 'IonosCloudMachine':
      return poolRefs(spec);
    default:
      return [];
  }
}

describe.skipIf(!availability.ok)('examples against a real kube-apiserver', () => {
  let server: ApiServer;

  beforeAll(async () => {
    server = await startApiServer();
    await installCrds(server);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it.each(EXAMPLES)('accepts every object of examples/%s/dist in a server-side dry run', async (example) => {
    const results = await applyDistDir(server, join(REPO_ROOT, 'examples', example, 'dist'), { dryRun: true });
    expect(results.length).toBeGreaterThan(3);
    expect(applyErrors(results)).toEqual([]);
  });

  it.each(EXAMPLES)('applies examples/%s/dist for real, and every reference resolves', async (example) => {
    const dist = join(REPO_ROOT, 'examples', example, 'dist');
    expect(applyErrors(await applyDistDir(server, dist))).toEqual([]);
    const objects = readdirSync(dist, { recursive: true }).map(String)
      .filter((f) => f.endsWith('.k8s.yaml')).flatMap((f) => readManifests(join(dist, f)));
    const missing: string[] = [];
    let checked = 0;
    for (const obj of objects) {
      for (const ref of referencesOf(obj)) {
        checked++;
        const found = await getObject(server, { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } });
        if (found === undefined) missing.push(`${obj.kind} ${obj.metadata.name} -> ${ref.kind} ${ref.namespace ?? ''}/${ref.name}`);
      }
    }
    expect(checked).toBeGreaterThan(3);
    expect(missing).toEqual([]);
  });
});
