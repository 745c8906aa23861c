/**
 * The Kubernetes store against a real kube-apiserver + etcd (harness.ts): the Store contract
 * shared with the in-memory store, and what only a real server does (410 on a too-old watch,
 * bookmarks and resumed watches, the status subresource, optimistic concurrency, RBAC denials,
 * time-outs).
 */
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeStore } from '../../src/reconciler/kube-store.js';
import { describeStoreContract } from '../reconciler/store-contract.js';
import { RESOURCES, isStoreError, type KubeObject, type StoreError, type WatchEvent } from '../../src/reconciler/store.js';
import { type ApiServer, apiServerAvailable, ensureNamespace, installCrds, startApiServer } from './harness.js';

const availability = apiServerAvailable();

let nsCounter = 0;
/** A fresh namespace per test: namespaces never finish deleting here. */
async function freshNamespace(server: ApiServer, prefix = 'ks'): Promise<string> {
  const ns = `${prefix}-${process.pid}-${++nsCounter}`;
  await ensureNamespace(server, ns);
  return ns;
}

function pool(namespace: string, name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: RESOURCES.inClusterIPPool.apiVersion,
    kind: 'InClusterIPPool',
    metadata: { name, namespace, labels },
    spec: { addresses: ['10.20.1.0/24'], prefix: 24, gateway: '10.20.1.1' },
  };
}

async function failure(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    if (isStoreError(error)) return error;
    throw error;
  }
  throw new Error('expected a StoreError, but the call succeeded');
}

/** Collects a watch's events until `until` holds or it fails. */
function collect(store: KubeStore, namespace: string, resourceVersion: string, until: (events: WatchEvent[]) => boolean, timeoutMs = 20_000) {
  const events: WatchEvent[] = [];
  return new Promise<{ events: WatchEvent[]; error?: StoreError }>((resolve, reject) => {
    const timer = setTimeout(() => {
      watch.stop();
      reject(new Error(`watch: condition not met in ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.type))}`));
    }, timeoutMs);
    const watch = store.watch(RESOURCES.inClusterIPPool, { namespace, resourceVersion }, {
      onEvent: (event) => {
        events.push(event);
        if (until(events)) {
          clearTimeout(timer);
          watch.stop();
          resolve({ events });
        }
      },
      onError: (error) => {
        clearTimeout(timer);
        resolve({ events, error });
      },
    });
  });
}

describe.skipIf(!availability.ok)('KubeStore against a real kube-apiserver', () => {
  let server: ApiServer;
  let store: KubeStore;

  beforeAll(async () => {
    server = await startApiServer();
    await installCrds(server);
    store = new KubeStore({ kubeconfig: server.kubeconfigPath });
  }, 240_000);

  afterAll(async () => {
    store?.close();
    await server?.stop();
  }, 60_000);

  // The suite the in-memory store passes too, each test in a fresh namespace, with a store of its
  // own (its watches and connections closed after the test). No garbage collection: that is
  // kube-controller-manager's, which the harness does not run.
  describeStoreContract('KubeStore', async () => {
    const namespace = await freshNamespace(server, 'contract');
    const own = new KubeStore({ kubeconfig: server.kubeconfigPath });
    return { store: own, namespace, clusterPrefix: namespace, cleanup: () => own.close() };
  });

  it('creates, reads, lists (by namespace, label and across namespaces) and fills in server-managed metadata', async () => {
    const [a, b] = [await freshNamespace(server), await freshNamespace(server)];
    const created = await store.create({ ...pool(a, 'nodes', { tier: 'x' }), metadata: { ...pool(a, 'nodes').metadata, resourceVersion: '42', uid: 'mine', labels: { tier: 'x' } } });
    expect(created.metadata.uid).not.toBe('mine');
    expect(created.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(created.metadata.creationTimestamp).toBeTruthy();
    await store.create(pool(a, 'other'));
    await store.create(pool(b, 'nodes', { tier: 'x' }));

    expect((await store.get(RESOURCES.inClusterIPPool, a, 'nodes'))?.metadata.uid).toBe(created.metadata.uid);
    expect(await store.get(RESOURCES.inClusterIPPool, a, 'missing')).toBeUndefined();
    const inA = await store.list(RESOURCES.inClusterIPPool, { namespace: a });
    expect(inA.items.map((o) => o.metadata.name).sort()).toEqual(['nodes', 'other']);
    expect(inA.items.every((o) => o.kind === 'InClusterIPPool' && o.apiVersion === RESOURCES.inClusterIPPool.apiVersion)).toBe(true);
    expect(Number(inA.resourceVersion)).toBeGreaterThanOrEqual(Number(created.metadata.resourceVersion));
    const labelled = await store.list(RESOURCES.inClusterIPPool, { labels: { tier: 'x' } });
    expect(labelled.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`).filter((n) => n.startsWith(a) || n.startsWith(b)).sort())
      .toEqual([`${a}/nodes`, `${b}/nodes`]);

    const taken = await failure(store.create(pool(a, 'nodes')));
    expect(taken).toMatchObject({ reason: 'AlreadyExists', status: 409, transient: false });
  });

  it('lists in pages and returns the whole list with one resourceVersion', async () => {
    const ns = await freshNamespace(server);
    const paged = new KubeStore({ kubeconfig: server.kubeconfigPath }, { pageSize: 3 });
    try {
      for (let i = 0; i < 8; i++) await paged.create(pool(ns, `p${i}`));
      const all = await paged.list(RESOURCES.inClusterIPPool, { namespace: ns });
      expect(all.items.map((o) => o.metadata.name)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
      expect(all.resourceVersion).toMatch(/^\d+$/);
    } finally {
      paged.close();
    }
  });

  it('serves cluster-scoped kinds and the core group (secrets, events) through the same calls', async () => {
    const ns = await freshNamespace(server);
    const global = await store.create({
      apiVersion: RESOURCES.globalInClusterIPPool.apiVersion, kind: 'GlobalInClusterIPPool',
      metadata: { name: `shared-${ns}` }, spec: { addresses: ['172.16.0.0/24'], prefix: 24 },
    });
    expect(global.metadata.namespace).toBeUndefined();
    expect((await store.get(RESOURCES.globalInClusterIPPool, undefined, `shared-${ns}`))?.metadata.uid).toBe(global.metadata.uid);

    await store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: ns }, stringData: { token: 't0k3n' } });
    const secret = await store.get(RESOURCES.secret, ns, 'creds');
    expect(secret?.['data']).toEqual({ token: Buffer.from('t0k3n').toString('base64') });
    const secrets = await store.list(RESOURCES.secret, { namespace: ns });
    expect(secrets.items.map((s) => [s.kind, s.apiVersion, s.metadata.name])).toEqual([['Secret', 'v1', 'creds']]);
    const event = await store.create({
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'e1', namespace: ns },
      involvedObject: { kind: 'Secret', name: 'creds', namespace: ns }, reason: 'Test', message: 'hello', type: 'Normal',
      firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:00Z', count: 1,
    });
    const bumped = await store.update({ ...event, count: 2 });
    expect(bumped['count']).toBe(2);
  });

  it('fails a write with a stale resourceVersion with Conflict, and one without a resourceVersion with Invalid', async () => {
    const ns = await freshNamespace(server);
    const v1 = await store.create(pool(ns, 'p'));
    const v2 = await store.update({ ...v1, metadata: { ...v1.metadata, labels: { step: '2' } } });
    expect(Number(v2.metadata.resourceVersion)).toBeGreaterThan(Number(v1.metadata.resourceVersion));
    const stale = await failure(store.update({ ...v1, metadata: { ...v1.metadata, labels: { step: 'stale' } } }));
    expect(stale).toMatchObject({ reason: 'Conflict', status: 409, transient: true });
    expect(stale.message).toContain('InClusterIPPool');

    const { resourceVersion: _dropped, ...withoutVersion } = v1.metadata;
    // As the API server has it for custom resources: an update must say which version it replaces.
    const unversioned = await failure(store.update({ ...v1, metadata: { ...withoutVersion, labels: { step: 'blind' } } }));
    expect(unversioned).toMatchObject({ reason: 'Invalid', status: 422 });
    expect(unversioned.message).toContain('resourceVersion');

    const staleDelete = await failure(store.delete(RESOURCES.inClusterIPPool, ns, 'p', { resourceVersion: v1.metadata.resourceVersion! }));
    expect(staleDelete.reason).toBe('Conflict');
    expect(await failure(store.update(pool(ns, 'never-created')))).toMatchObject({ reason: 'NotFound' });
  });

  it('writes status only through the status subresource, and spec only through update', async () => {
    const ns = await freshNamespace(server);
    const created = await store.create(pool(ns, 'p'));
    const counts = { ipAddresses: { total: 253, used: 1, free: 252, outOfRange: 0 } };
    // A status in an update is ignored by the server: status is a subresource.
    const updated = await store.update({ ...created, status: counts });
    expect(updated.status).toBeUndefined();
    const withStatus = await store.updateStatus({ ...updated, status: counts, spec: { ...(updated.spec as object), prefix: 16 } });
    expect(withStatus.status).toEqual(counts);
    expect((withStatus.spec as { prefix: number }).prefix).toBe(24);
    const stale = await failure(store.updateStatus({ ...updated, status: { ipAddresses: { total: 1, used: 1, free: 0, outOfRange: 0 } } }));
    expect(stale.reason).toBe('Conflict');
    expect((await store.get(RESOURCES.inClusterIPPool, ns, 'p'))?.status).toEqual(counts);
  });

  it('keeps an object with finalizers until the last one is removed', async () => {
    const ns = await freshNamespace(server);
    const created = await store.create({ ...pool(ns, 'p'), metadata: { ...pool(ns, 'p').metadata, finalizers: ['capi-ionos.dev/test'] } });
    await store.delete(RESOURCES.inClusterIPPool, ns, 'p');
    const deleting = await store.get(RESOURCES.inClusterIPPool, ns, 'p');
    expect(deleting?.metadata.deletionTimestamp).toBeTruthy();
    expect(deleting?.metadata.uid).toBe(created.metadata.uid);
    await store.update({ ...deleting!, metadata: { ...deleting!.metadata, finalizers: [] } });
    expect(await store.get(RESOURCES.inClusterIPPool, ns, 'p')).toBeUndefined();
    expect(await failure(store.delete(RESOURCES.inClusterIPPool, ns, 'p'))).toMatchObject({ reason: 'NotFound', status: 404, transient: false });
  });

  it('rejects an invalid object and an unknown field with Invalid, and names what was wrong', async () => {
    const ns = await freshNamespace(server);
    const invalid = await failure(store.create({ ...pool(ns, 'bad'), spec: { addresses: '10.0.0.0/24', prefix: 24 } }));
    expect(invalid).toMatchObject({ reason: 'Invalid', status: 422, transient: false });
    expect(invalid.message).toContain('spec.addresses');
    const unknown = await failure(store.create({ ...pool(ns, 'typo'), spec: { addresses: ['10.0.0.0/24'], prefix: 24, gatway: '10.0.0.1' } }));
    expect(unknown).toMatchObject({ reason: 'Invalid' });
    expect(unknown.message).toContain('unknown field "spec.gatway"');
    const noNamespace = await failure(store.create({ ...pool(ns, 'x'), metadata: { name: 'x' } }));
    expect(noNamespace.reason).toBe('Invalid');
  });

  it('watches from a list in order, and stops calling back once stopped', async () => {
    const ns = await freshNamespace(server);
    const listed = await store.list(RESOURCES.inClusterIPPool, { namespace: ns });
    const done = collect(store, ns, listed.resourceVersion, (events) => events.some((e) => e.type === 'DELETED'));
    const a = await store.create(pool(ns, 'a'));
    await store.update({ ...a, metadata: { ...a.metadata, labels: { x: 'y' } } });
    await store.create(pool(ns, 'b'));
    await store.delete(RESOURCES.inClusterIPPool, ns, 'a');
    const { events, error } = await done;
    expect(error).toBeUndefined();
    const changes = events.flatMap((e) => (e.type === 'BOOKMARK' ? [] : [`${e.type} ${e.object.metadata.name}`]));
    expect(changes).toEqual(['ADDED a', 'MODIFIED a', 'ADDED b', 'DELETED a']);
    const versions = events.flatMap((e) => (e.type === 'BOOKMARK' ? [] : [Number(e.object.metadata.resourceVersion)]));
    expect([...versions].sort((x, y) => x - y)).toEqual(versions);

    // After stop(), nothing more arrives.
    const late: WatchEvent[] = [];
    const watch = store.watch(RESOURCES.inClusterIPPool, { namespace: ns, resourceVersion: listed.resourceVersion }, {
      onEvent: (e) => late.push(e),
      onError: (e) => late.push({ type: 'BOOKMARK', resourceVersion: `error ${e.reason}` }),
    });
    watch.stop();
    await store.create(pool(ns, 'c'));
    await new Promise((r) => setTimeout(r, 500));
    expect(late).toEqual([]);
  });

  it('filters a watch by label', async () => {
    const ns = await freshNamespace(server);
    const listed = await store.list(RESOURCES.inClusterIPPool, { namespace: ns });
    const events: string[] = [];
    const seen = new Promise<void>((resolve, reject) => {
      const watch = store.watch(RESOURCES.inClusterIPPool, { namespace: ns, labels: { pick: 'me' }, resourceVersion: listed.resourceVersion }, {
        onEvent: (e) => {
          if (e.type === 'BOOKMARK') return;
          events.push(e.object.metadata.name);
          if (e.object.metadata.name === 'last') {
            watch.stop();
            resolve();
          }
        },
        onError: reject,
      });
    });
    await store.create(pool(ns, 'skip'));
    await store.create(pool(ns, 'take', { pick: 'me' }));
    await store.create(pool(ns, 'last', { pick: 'me' }));
    await seen;
    expect(events).toEqual(['take', 'last']);
  });

  it('reports a watch from a compacted resourceVersion as Gone (410), so the caller lists again', async () => {
    const ns = await freshNamespace(server);
    await store.create(pool(ns, 'p'));
    // resourceVersion "1" is older than anything the watch cache still has.
    const { events, error } = await collect(store, ns, '1', () => false);
    expect(events).toEqual([]);
    expect(error).toMatchObject({ reason: 'Gone', status: 410, transient: true });
    expect(error!.message).toMatch(/too old resource version/);
    // The remedy works: list, then watch from the list.
    const listed = await store.list(RESOURCES.inClusterIPPool, { namespace: ns });
    const again = collect(store, ns, listed.resourceVersion, (evs) => evs.some((e) => e.type === 'ADDED'));
    await store.create(pool(ns, 'q'));
    expect((await again).error).toBeUndefined();
  });

  it('resumes a watch the server ends, from the last resourceVersion, with bookmarks in between', async () => {
    const ns = await freshNamespace(server);
    // The server ends each watch connection after 3 s and sends a bookmark before that.
    const short = new KubeStore({ kubeconfig: server.kubeconfigPath }, { watchTimeoutSeconds: 3 });
    try {
      const listed = await short.list(RESOURCES.inClusterIPPool, { namespace: ns });
      const names: string[] = [];
      let bookmarks = 0;
      let bookmarkVersion = 0;
      const done = new Promise<void>((resolve, reject) => {
        const watch = short.watch(RESOURCES.inClusterIPPool, { namespace: ns, resourceVersion: listed.resourceVersion }, {
          onEvent: (e) => {
            if (e.type === 'BOOKMARK') {
              bookmarks++;
              bookmarkVersion = Number(e.resourceVersion);
            }
            else names.push(e.object.metadata.name);
            // (The server sends bookmarks on its own schedule: wait for one too.)
            if (names.length === 2 && bookmarks > 0) {
              watch.stop();
              resolve();
            }
          },
          onError: reject,
        });
      });
      // The two creates land in different watch connections.
      await short.create(pool(ns, 'one'));
      await new Promise((r) => setTimeout(r, 3500));
      await short.create(pool(ns, 'two'));
      await done;
      expect(names).toEqual(['one', 'two']);
      expect(bookmarkVersion).toBeGreaterThanOrEqual(Number(listed.resourceVersion));
    } finally {
      short.close();
    }
  });

  it('turns an RBAC denial into Forbidden, for calls and for watches', async () => {
    const ns = await freshNamespace(server);
    const config = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(server.kubeconfigPath, 'utf8')));
    config.users[0].user.as = 'system:serviceaccount:nowhere:nobody';
    const path = join(server.dir, 'kubeconfig-nobody');
    writeFileSync(path, JSON.stringify(config), { mode: 0o600 });
    const nobody = new KubeStore({ kubeconfig: path });
    try {
      expect(await failure(nobody.get(RESOURCES.inClusterIPPool, ns, 'p'))).toMatchObject({ reason: 'Forbidden', status: 403, transient: false });
      expect(await failure(nobody.create(pool(ns, 'p')))).toMatchObject({ reason: 'Forbidden' });
      const watched = await new Promise<StoreError>((resolve) => {
        nobody.watch(RESOURCES.inClusterIPPool, { namespace: ns, resourceVersion: '0' }, { onEvent: () => {}, onError: resolve });
      });
      expect(watched).toMatchObject({ reason: 'Forbidden', status: 403 });
    } finally {
      nobody.close();
    }
  });

  it('fails with Timeout when the server does not answer in time, and with ServerError when nothing listens', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket)); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const configFor = (p: number) => {
      const path = join(server.dir, `kubeconfig-${p}`);
      writeFileSync(path, JSON.stringify({
        apiVersion: 'v1', kind: 'Config', 'current-context': 'c',
        clusters: [{ name: 'c', cluster: { server: `http://127.0.0.1:${p}`, 'insecure-skip-tls-verify': true } }],
        users: [{ name: 'u', user: { token: 'x' } }],
        contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
      }));
      return path;
    };
    const slow = new KubeStore({ kubeconfig: configFor(port) }, { requestTimeoutMs: 300 });
    try {
      const timedOut = await failure(slow.get(RESOURCES.inClusterIPPool, 'x', 'p'));
      expect(timedOut).toMatchObject({ reason: 'Timeout', transient: true });
      expect(timedOut.message).toContain('no answer in 300 ms');
    } finally {
      slow.close();
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
    const gone = new KubeStore({ kubeconfig: configFor(port) }, { requestTimeoutMs: 300 });
    try {
      const refused = await failure(gone.list(RESOURCES.inClusterIPPool));
      expect(refused).toMatchObject({ reason: 'ServerError', status: 0, transient: true });
      expect(refused.message).toContain('ECONNREFUSED');
    } finally {
      gone.close();
    }
  });
});
