/**
 * Manifests against a real kube-apiserver + etcd with the project's CRDs installed (see
 * harness.ts; binaries from test/k8s/setup.sh). Skipped, with the reason, where they are missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DEFAULT_CRDS_DIR,
  type ApiServer,
  type KubeObject,
  apiServerAvailable,
  applyErrors,
  applyServerSide,
  ensureNamespace,
  getObject,
  installCrds,
  kubeRequest,
  startApiServer,
} from './harness.js';

const availability = apiServerAvailable();
if (!availability.ok) {
  console.warn(`[test/k8s] kube-apiserver tests skipped: ${availability.reason}`);
}

const NS = 'capi-ionos-apiserver-test';
const IPAM = 'ipam.cluster.x-k8s.io';

const pool: KubeObject = {
  apiVersion: `${IPAM}/v1alpha2`,
  kind: 'InClusterIPPool',
  metadata: { name: 'nodes-ipv4', namespace: NS },
  spec: { addresses: ['10.20.1.10-10.20.1.200', '10.20.2.0/28'], prefix: 16, gateway: '10.20.0.1' },
};

function machineSpec(overrides: Record<string, unknown> = {}) {
  return {
    datacenterID: '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00',
    numCores: 2,
    memoryMB: 4096,
    disk: { image: { id: 'a1b2c3d4-0000-4000-8000-000000000001' } },
    ipv4PoolRef: { apiGroup: IPAM, kind: 'InClusterIPPool', name: 'nodes-ipv4' },
    ...overrides,
  };
}

function machine(name: string, overrides: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1',
    kind: 'IonosCloudMachine',
    metadata: { name, namespace: NS, labels: { 'cluster.x-k8s.io/cluster-name': 'prod-a' } },
    spec: machineSpec(overrides),
  };
}

function machineTemplate(name: string, overrides: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1',
    kind: 'IonosCloudMachineTemplate',
    metadata: { name, namespace: NS },
    spec: { template: { spec: machineSpec(overrides) } },
  };
}

/** The CRD's own CEL message for ipv4PoolRef's kind rule, read from the CRD file itself. */
function ipv4PoolRefKindMessage(): string {
  const crd = parse(readFileSync(join(DEFAULT_CRDS_DIR, 'infrastructure.cluster.x-k8s.io_ionoscloudmachines.yaml'), 'utf8'));
  const rules: { rule: string; message: string }[] =
    crd.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.ipv4PoolRef['x-kubernetes-validations'];
  const kindRule = rules.find((r) => r.rule.includes('self.kind'));
  if (!kindRule) throw new Error('the IonosCloudMachine CRD has no CEL rule on ipv4PoolRef.kind');
  return kindRule.message;
}

describe.skipIf(!availability.ok)('real kube-apiserver with the CRDs installed', () => {
  let server: ApiServer;

  beforeAll(async () => {
    server = await startApiServer();
    await installCrds(server);
    await ensureNamespace(server, NS);
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
  }, 60_000);

  it('serves the vendored CRDs of crds/', async () => {
    const res = await kubeRequest(server, 'GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions');
    expect(res.status).toBe(200);
    const names = res.body.items.map((c: KubeObject) => c.metadata.name);
    expect(names).toContain('ionoscloudmachines.infrastructure.cluster.x-k8s.io');
    expect(names).toContain('inclusterippools.ipam.cluster.x-k8s.io');
    const version = await kubeRequest(server, 'GET', '/version');
    expect(version.body.gitVersion).toMatch(/^v1\.\d+\.\d+/);
  });

  it('enforces RBAC and works with @kubernetes/client-node through its kubeconfig', async () => {
    // The admin token is in system:masters; an impersonated user with no bindings is forbidden.
    const denied = await kubeRequest(server, 'GET', `/apis/${IPAM}/v1alpha2/namespaces/${NS}/inclusterippools`, {
      headers: { 'impersonate-user': 'system:serviceaccount:capi-ionos-system:nobody' },
    });
    expect(denied.status).toBe(403);

    const k8s = await import('@kubernetes/client-node');
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(server.kubeconfigPath);
    const namespaces = await kc.makeApiClient(k8s.CoreV1Api).listNamespace();
    expect(namespaces.items.map((n) => n.metadata?.name)).toContain(NS);
  });

  it('accepts a valid pool, machine and machine template in a server-side dry run', async () => {
    const objs = [pool, machine('m1'), machineTemplate('workers')];
    const results = await applyServerSide(server, objs, { dryRun: true });
    expect(applyErrors(results)).toEqual([]);
    // The server really ran the CRD's schema: defaults were filled in...
    const m = results[1]!.object as any;
    expect(m.spec.disk.sizeGB).toBe(20);
    expect(m.spec.disk.diskType).toBe('HDD');
    // ...and a dry run stores nothing.
    expect(await getObject(server, machine('m1'))).toBeUndefined();
  });

  it('rejects an ipv4PoolRef of kind Foo with the CRD’s own message', async () => {
    const message = ipv4PoolRefKindMessage();
    expect(message).toBe('ipv4PoolRef allows either InClusterIPPool or GlobalInClusterIPPool');
    const bad = { apiGroup: IPAM, kind: 'Foo', name: 'nodes-ipv4' };
    const [m, t] = await applyServerSide(
      server,
      [machine('m-foo', { ipv4PoolRef: bad }), machineTemplate('t-foo', { ipv4PoolRef: bad })],
      { dryRun: true },
    );
    expect(m!.ok).toBe(false);
    expect(m!.status).toBe(422);
    expect(m!.reason).toBe('Invalid');
    expect(m!.message).toContain('spec.ipv4PoolRef');
    expect(m!.message).toContain(message);
    expect(t!.ok).toBe(false);
    expect(t!.message).toContain('spec.template.spec.ipv4PoolRef');
    expect(t!.message).toContain(message);
  });

  it('rejects memoryMB 1000 (minimum 2048, a multiple of 1024)', async () => {
    const [r] = await applyServerSide(server, [machine('m-small', { memoryMB: 1000 })], { dryRun: true });
    expect(r!.ok).toBe(false);
    expect(r!.status).toBe(422);
    expect(r!.message).toContain('spec.memoryMB');
    expect(r!.message).toMatch(/greater than or equal to 2048/);
  });

  it('rejects an unknown field (strict field validation)', async () => {
    const [r] = await applyServerSide(server, [machine('m-typo', { memoryMb: 4096 })], { dryRun: true });
    expect(r!.ok).toBe(false);
    expect(r!.message).toContain('.spec.memoryMb: field not declared in schema');
  });

  it('stores the objects for real and reads them back', async () => {
    const results = await applyServerSide(server, [pool, machine('m1'), machineTemplate('workers')]);
    expect(applyErrors(results)).toEqual([]);
    const stored = await getObject(server, machine('m1'));
    expect(stored?.metadata.uid).toBeTruthy();
    expect((stored!.spec as any).ipv4PoolRef).toEqual({ apiGroup: IPAM, kind: 'InClusterIPPool', name: 'nodes-ipv4' });
    expect(await getObject(server, pool)).toBeDefined();
    // datacenterID is immutable (a transition rule, checked against the stored object).
    const [r] = await applyServerSide(server, [machine('m1', { datacenterID: '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b01' })], {
      dryRun: true,
    });
    expect(r!.ok).toBe(false);
    expect(r!.message).toContain('datacenterID is immutable');
  });
});

if (!availability.ok) {
  describe('real kube-apiserver', () => {
    if (process.env.CAPI_IONOS_K8S_REQUIRED === '1') {
      // Where the binaries must be there (CAPI_IONOS_K8S_REQUIRED=1), a skip would hide a broken setup.
      it('is available (CAPI_IONOS_K8S_REQUIRED=1)', () => {
        throw new Error(availability.reason);
      });
    } else {
      it.skip(`skipped: ${availability.reason}`, () => {});
    }
  });
}
