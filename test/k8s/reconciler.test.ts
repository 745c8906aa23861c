/**
 * The claim binder through the Kubernetes store against a real kube-apiserver + etcd (issue 7):
 * pools and 100 claims bound, checked object by object; a binder crashed mid-run and another
 * one finishing the job; two replicas with a Lease; two replicas without one. Every binder runs
 * on the system clock against the real server; nothing is faked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Testing } from 'cdk8s';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReconcilerChart } from '../../src/constructs/reconciler-deployment.js';
import { runClaimBinder, type ClaimBinder, type ClaimBinderOptions } from '../../src/reconciler/claims/binder.js';
import { systemClock } from '../../src/reconciler/clock.js';
import { KubeStore } from '../../src/reconciler/kube-store.js';
import { runNicAttacher } from '../../src/reconciler/nics/attacher.js';
import { RESOURCES, isStoreError } from '../../src/reconciler/store.js';
import {
  type PoolRef,
  boundCount,
  claimObject,
  createClaims,
  expectConsistentBindings,
  freshNamespace,
  poolObject,
  poolStatus,
  waitUntil,
} from './claims.js';
import {
  type ApiServer,
  type KubeObject as HarnessObject,
  apiServerAvailable,
  applyErrors,
  applyServerSide,
  installCrds,
  kubeRequest,
  startApiServer,
} from './harness.js';

const availability = apiServerAvailable();
const IPAM = 'ipam.cluster.x-k8s.io';
/** Short Lease timings so that a take-over takes seconds, not the default 15 s. */
const FAST_LEASE = { leaseDurationMs: 3_000, renewDeadlineMs: 2_000, retryPeriodMs: 250 };

describe.skipIf(!availability.ok)('claim binder on the Kubernetes store, against a real kube-apiserver (issue 7)', () => {
  let server: ApiServer;
  let store: KubeStore;
  const running: ClaimBinder[] = [];
  const stores: KubeStore[] = [];
  /** What the binders logged (warnings and errors), shown when a test fails. */
  const logs: string[] = [];

  /** A binder with its own store (its own connections), as a separate replica would have. */
  function startBinder(options: Partial<ClaimBinderOptions> & { identity: string }, kubeconfig = server.kubeconfigPath): ClaimBinder {
    const own = new KubeStore({ kubeconfig }, { userAgent: `capi-ionos-test/${options.identity}` });
    stores.push(own);
    const log: ClaimBinderOptions['log'] = (e) => {
      if (e.level === 'warn' || e.level === 'error') logs.push(`${options.identity} ${e.level} ${e.source}: ${e.message} ${JSON.stringify(e.fields ?? {})}`);
    };
    const binder = runClaimBinder({ store: own, clock: systemClock, workers: 1, log, ...options });
    running.push(binder);
    return binder;
  }

  beforeAll(async () => {
    server = await startApiServer();
    await installCrds(server);
    store = new KubeStore({ kubeconfig: server.kubeconfigPath });
  }, 240_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') console.error(logs.join('\n'));
    logs.length = 0;
    await Promise.all(running.splice(0).map((b) => b.stop()));
    for (const s of stores.splice(0)) s.close();
  }, 60_000);

  afterAll(async () => {
    store?.close();
    await server?.stop();
  }, 60_000);

  it('binds 100 claims of a namespaced and a global pool, keeps the pools counted, and releases on deletion', async () => {
    const ns = await freshNamespace(server, store, 'bind');
    const nodes: PoolRef = { kind: 'InClusterIPPool', name: 'nodes' };
    const shared: PoolRef = { kind: 'GlobalInClusterIPPool', name: `shared-${ns}` };
    const pools = {
      [nodes.name]: await store.create(poolObject(nodes, ns, { addresses: ['10.60.0.0/24'], prefix: 24, gateway: '10.60.0.1' })),
      [shared.name]: await store.create(poolObject(shared, undefined, { addresses: ['172.20.0.10-172.20.0.60', '172.20.0.100'], prefix: 24, gateway: '172.20.0.1' })),
    };
    const nodeClaims = await createClaims(store, ns, 'node', 70, nodes);
    await createClaims(store, ns, 'storage', 30, shared);

    const started = Date.now();
    startBinder({ identity: 'binder-a', leaderElection: { namespace: ns, name: 'binder', ...FAST_LEASE } });
    await waitUntil('100 claims bound', async () => (await boundCount(store, ns)) === 100);
    const tookMs = Date.now() - started;

    const byPool = await expectConsistentBindings(store, ns, pools);
    expect(byPool.get('nodes')).toHaveLength(70);
    expect(byPool.get(shared.name)).toHaveLength(30);
    await waitUntil('pool counts', async () =>
      JSON.stringify(await poolStatus(store, nodes, ns)) === JSON.stringify({ ipAddresses: { free: 183, outOfRange: 0, total: 253, used: 70 } }));
    expect(await poolStatus(store, shared, undefined)).toEqual({ ipAddresses: { free: 22, outOfRange: 0, total: 52, used: 30 } });
    for (const pool of [await store.get(RESOURCES.inClusterIPPool, ns, 'nodes'), await store.get(RESOURCES.globalInClusterIPPool, undefined, shared.name)]) {
      expect(pool?.metadata.finalizers).toContain(`${IPAM}/ProtectPool`);
    }

    // Deleting ten claims releases their addresses: the IPAddresses go, then the claims.
    const gone = nodeClaims.slice(0, 10);
    await Promise.all(gone.map((name) => store.delete(RESOURCES.ipAddressClaim, ns, name)));
    await waitUntil('released claims gone', async () => {
      const left = (await store.list(RESOURCES.ipAddressClaim, { namespace: ns })).items.map((c) => c.metadata.name);
      return gone.every((name) => !left.includes(name));
    });
    const addresses = (await store.list(RESOURCES.ipAddress, { namespace: ns })).items.map((a) => a.metadata.name);
    expect(addresses.filter((name) => gone.includes(name))).toEqual([]);
    expect(addresses).toHaveLength(90);
    await waitUntil('pool counts after release', async () =>
      (await poolStatus(store, nodes, ns) as { ipAddresses: { used: number } }).ipAddresses.used === 60);
    console.info(`[reconciler.test] 100 claims bound in ${tookMs} ms`);
  });

  it('finishes the job after the binder crashes mid-run and another one takes the Lease', async () => {
    const ns = await freshNamespace(server, store, 'crash');
    const nodes: PoolRef = { kind: 'InClusterIPPool', name: 'nodes' };
    const pools = { nodes: await store.create(poolObject(nodes, ns, { addresses: ['10.61.0.0/24'], prefix: 24, gateway: '10.61.0.1' })) };
    await createClaims(store, ns, 'node', 60, nodes);

    const lease = { namespace: ns, name: 'binder', ...FAST_LEASE };
    const first = startBinder({ identity: 'binder-a', leaderElection: lease });
    await waitUntil('a quarter bound', async () => (await boundCount(store, ns)) >= 15);
    // A crash: everything abandoned at once, writes under way still land, the Lease is not given up.
    await first.stop({ graceful: false });
    const boundAtCrash = await boundCount(store, ns);
    expect(boundAtCrash).toBeLessThan(60);

    const crashedAt = Date.now();
    const second = startBinder({ identity: 'binder-b', leaderElection: lease });
    await waitUntil('binder-b leads', async () => second.isLeader);
    // binder-b had to wait for the abandoned Lease to expire.
    expect(Date.now() - crashedAt).toBeGreaterThanOrEqual(FAST_LEASE.leaseDurationMs - 500);
    await waitUntil('60 claims bound', async () => (await boundCount(store, ns)) === 60);
    await expectConsistentBindings(store, ns, pools);
    const leaseObject = await store.get(RESOURCES.lease, ns, 'binder');
    expect((leaseObject?.spec as { holderIdentity: string }).holderIdentity).toBe('binder-b');
  });

  it('with two replicas and a Lease, lets one bind at a time and never hands out an address twice', async () => {
    const ns = await freshNamespace(server, store, 'lease');
    const nodes: PoolRef = { kind: 'InClusterIPPool', name: 'nodes' };
    const pools = { nodes: await store.create(poolObject(nodes, ns, { addresses: ['10.62.0.0/24'], prefix: 24, gateway: '10.62.0.1' })) };
    const lease = { namespace: ns, name: 'binder', ...FAST_LEASE };
    const a = startBinder({ identity: 'binder-a', leaderElection: lease });
    const b = startBinder({ identity: 'binder-b', leaderElection: lease });
    // Both replicas check the Lease every 250 ms: at any time at most one leads.
    let bothLed = false;
    const sampler = setInterval(() => { if (a.isLeader && b.isLeader) bothLed = true; }, 20);
    try {
      await waitUntil('a leader', async () => a.isLeader || b.isLeader);
      await createClaims(store, ns, 'node', 60, nodes);
      await waitUntil('60 claims bound', async () => (await boundCount(store, ns)) === 60);
      const [leader, follower] = a.isLeader ? [a, b] : [b, a];
      expect(follower.stats.claimReconciles).toBe(0);
      expect(follower.stats.terms).toBe(0);

      // The leader steps down (a rolling update): it gives the Lease up, the other takes over at once.
      await leader.stop();
      await waitUntil('take-over', async () => follower.isLeader, 5_000);
      await createClaims(store, ns, 'late', 10, nodes);
      await waitUntil('70 claims bound', async () => (await boundCount(store, ns)) === 70);
      expect(follower.stats.claimReconciles).toBeGreaterThan(0);
    } finally {
      clearInterval(sampler);
    }
    expect(bothLed).toBe(false);
    const byPool = await expectConsistentBindings(store, ns, pools);
    expect(byPool.get('nodes')).toHaveLength(70);
  });

  it('with two replicas and no Lease, still never hands out an address twice (optimistic concurrency)', async () => {
    const ns = await freshNamespace(server, store, 'nolease');
    const nodes: PoolRef = { kind: 'InClusterIPPool', name: 'nodes' };
    const pools = { nodes: await store.create(poolObject(nodes, ns, { addresses: ['10.63.0.0/24'], prefix: 24, gateway: '10.63.0.1' })) };
    const a = startBinder({ identity: 'binder-a', leaderElection: false });
    const b = startBinder({ identity: 'binder-b', leaderElection: false });
    await createClaims(store, ns, 'node', 60, nodes);
    await waitUntil('60 claims bound', async () => (await boundCount(store, ns)) === 60);
    await waitUntil('both idle', async () => a.isIdle() && b.isIdle());
    // Both really worked on the claims.
    expect(a.stats.claimReconciles).toBeGreaterThan(0);
    expect(b.stats.claimReconciles).toBeGreaterThan(0);
    await expectConsistentBindings(store, ns, pools);
  });

  it('runs with exactly the RBAC of its synthesised deployment, which the server accepts, and is denied anything else', async () => {
    const ns = await freshNamespace(server, store, 'rbac');
    const chart = new ReconcilerChart(Testing.app(), {
      namespace: ns, createNamespace: false, nics: 'observe', credentialsSecrets: [{ namespace: ns, name: 'ionos-credentials' }],
    });
    const objects = Testing.synth(chart) as HarnessObject[];
    // Everything it synthesises passes the server's own validation and admission.
    expect(applyErrors(await applyServerSide(server, objects, { dryRun: true }))).toEqual([]);
    // The RBAC for real; the Deployment would need a kubelet.
    const rbacKinds = ['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
    expect(applyErrors(await applyServerSide(server, objects.filter((o) => rbacKinds.includes(o.kind))))).toEqual([]);

    // A kubeconfig that acts as the ServiceAccount.
    const user = chart.reconciler.serviceAccountUser;
    const config = JSON.parse(readFileSync(server.kubeconfigPath, 'utf8'));
    config.users[0].user.as = user;
    const asServiceAccount = join(server.dir, `kubeconfig-${ns}`);
    writeFileSync(asServiceAccount, JSON.stringify(config), { mode: 0o600 });

    const nodes: PoolRef = { kind: 'InClusterIPPool', name: 'nodes' };
    const pools = { nodes: await store.create(poolObject(nodes, ns, { addresses: ['10.64.0.0/28'], prefix: 24, gateway: '10.64.0.1' })) };
    const names = await createClaims(store, ns, 'node', 10, nodes);
    // A claim of a pool that does not exist: the binder reports it with an Event.
    await store.create(claimObject(ns, 'lost', { kind: 'InClusterIPPool', name: 'missing' }));
    const binder = startBinder({ identity: 'binder-sa', leaderElection: { namespace: ns, name: chart.reconciler.name, ...FAST_LEASE } }, asServiceAccount);
    await waitUntil('10 claims bound', async () => (await boundCount(store, ns)) === 10);
    await waitUntil('an event about the lost claim', async () =>
      (await store.list(RESOURCES.event, { namespace: ns })).items.some((e) => (e['involvedObject'] as { name: string }).name === 'lost' && e['reason'] === 'PoolNotFound'));
    await store.delete(RESOURCES.ipAddressClaim, ns, 'lost');
    await waitUntil('lost claim gone', async () => (await store.get(RESOURCES.ipAddressClaim, ns, 'lost')) === undefined);
    await expectConsistentBindings(store, ns, pools);
    // Release: the IPAddress goes, then the claim.
    await store.delete(RESOURCES.ipAddressClaim, ns, names[0]!);
    await waitUntil('claim released', async () => (await store.get(RESOURCES.ipAddressClaim, ns, names[0]!)) === undefined);
    expect(await store.get(RESOURCES.ipAddress, ns, names[0]!)).toBeUndefined();
    expect(binder.stats.permanentFailures).toBe(0);

    // The NIC controller's informers and reads work too (a machine without a server is skipped).
    const saStore = new KubeStore({ kubeconfig: asServiceAccount });
    stores.push(saStore);
    await store.create({
      apiVersion: RESOURCES.ionosCloudMachine.apiVersion, kind: 'IonosCloudMachine',
      metadata: { name: 'm1', namespace: ns, labels: { 'cluster.x-k8s.io/cluster-name': 'prod-a' } },
      spec: { datacenterID: '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00', numCores: 2, memoryMB: 4096, disk: { image: { id: 'a1b2c3d4-0000-4000-8000-000000000001' } } },
    });
    const nicLogs: string[] = [];
    const attacher = runNicAttacher({
      store: saStore, clock: systemClock, mode: 'observe', namespace: ns,
      cloud: async () => { throw new Error('no machine here has a server; the Cloud API must not be called'); },
      log: (e) => { if (e.level === 'warn' || e.level === 'error') nicLogs.push(`${e.message} ${JSON.stringify(e.fields ?? {})}`); },
    });
    try {
      await waitUntil('the machine looked at', async () => attacher.controller.stats.reconciles >= 1, 20_000);
      await waitUntil('attacher idle', async () => attacher.isIdle(), 20_000);
      expect(nicLogs).toEqual([]);
    } finally {
      await attacher.stop();
    }
    // Every call the NIC controller makes on a machine with a server is allowed as well.
    const asSa = { headers: { 'impersonate-user': user } };
    const base = `/apis/infrastructure.cluster.x-k8s.io/v1alpha1/namespaces/${ns}`;
    const machine = (await kubeRequest(server, 'GET', `${base}/ionoscloudmachines/m1`, asSa)).body;
    expect(machine?.metadata?.name).toBe('m1');
    // Observe mode writes the status (drift), never the machine itself.
    expect((await kubeRequest(server, 'PUT', `${base}/ionoscloudmachines/m1`, { ...asSa, body: machine })).status).toBe(403);
    expect((await kubeRequest(server, 'PUT', `${base}/ionoscloudmachines/m1/status`, { ...asSa, body: machine })).status).toBe(200);
    for (const path of [`${base}/ionoscloudclusters/prod-a`, `/apis/cluster.x-k8s.io/v1beta1/namespaces/${ns}/clusters/prod-a`, `/api/v1/namespaces/${ns}/secrets/ionos-credentials`]) {
      expect((await kubeRequest(server, 'GET', path, asSa)).status, path).not.toBe(403);
    }

    // Anything the controllers do not do is denied.
    const ipam = `/apis/ipam.cluster.x-k8s.io/v1beta1/namespaces/${ns}`;
    const denied: [string, string, unknown?][] = [
      ['DELETE', `${ipam}/ipaddressclaims/${names[1]}`],
      ['POST', `${ipam}/ipaddressclaims`, claimObject(ns, 'sneaky', nodes)],
      ['GET', `${ipam}/ipaddressclaims/${names[1]}/status`],
      ['POST', `/api/v1/namespaces/${ns}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } }],
      ['DELETE', `/apis/ipam.cluster.x-k8s.io/v1alpha2/namespaces/${ns}/inclusterippools/nodes`],
      ['GET', `/api/v1/namespaces/${ns}/secrets`],
      // Only the credentials Secret, by name: not the cluster's kubeconfig, not another namespace's.
      ['GET', `/api/v1/namespaces/${ns}/secrets/prod-a-kubeconfig`],
      ['GET', '/api/v1/namespaces/default/secrets/ionos-credentials'],
      ['DELETE', `${base}/ionoscloudmachines/m1`],
      ['GET', '/apis/coordination.k8s.io/v1/namespaces/default/leases'],
    ];
    for (const [method, path, body] of denied) {
      const res = await kubeRequest(server, method, path, { ...asSa, ...(body === undefined ? {} : { body }) });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const patch = await kubeRequest(server, 'PATCH', `${ipam}/ipaddressclaims/${names[1]}`, { ...asSa, body: { metadata: { labels: { x: 'y' } } }, contentType: 'application/merge-patch+json' });
    expect(patch.status).toBe(403);
    // And through the store, as a StoreError the reconciler treats as permanent.
    const forbidden = await saStore.delete(RESOURCES.ipAddressClaim, ns, names[1]!).then(() => undefined, (e: unknown) => e);
    expect(isStoreError(forbidden, 'Forbidden')).toBe(true);
  });
});
