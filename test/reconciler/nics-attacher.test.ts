/**
 * NIC attachment, acting side: the in-memory store (real MemoryStore), a manual clock, and a local
 * HTTP server speaking the Cloud API shape on 127.0.0.1, started and stopped by each test.
 *
 * The acceptance list: a missing NIC is created, a wrong IP is patched, 429/5xx are retried with
 * backoff, a FAILED request surfaces as an event, observe mode changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/reconciler/clock.js';
import { CloudClient } from '../../src/reconciler/cloud/client.js';
import { isCloudApiError } from '../../src/reconciler/cloud/errors.js';
import { MemoryStore } from '../../src/reconciler/memory-store.js';
import { EventRecorder } from '../../src/reconciler/runtime/events.js';
import {
  FAILED_ACTION_ANNOTATION, NICS_CONDITION, PENDING_REQUEST_ANNOTATION, reconcileMachineNics, runNicAttacher, secretCredentialsProvider,
  type NicAttacherOptions, type NicMode, type NicPassResult,
} from '../../src/reconciler/nics/attacher.js';
import { RESOURCES, type KubeObject, type ResourceType } from '../../src/reconciler/store.js';
import { FakeCloudApi } from './cloud-api-server.js';

const NS = 'prod-a';
const DC = '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00';
const SERVER = '5a1e2f3c-0000-4000-8000-0000000000aa';
const POOL = { apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPool', name: 'nodes' };
const IONOS_CLOUD_CLUSTER: ResourceType = {
  apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1', kind: 'IonosCloudCluster', plural: 'ionoscloudclusters', namespaced: true,
};

let api: FakeCloudApi;
let clock: ManualClock;
let store: MemoryStore;
let client: CloudClient;
let recorder: EventRecorder;

beforeEach(async () => {
  clock = new ManualClock();
  store = new MemoryStore({ clock, types: [...Object.values(RESOURCES), IONOS_CLOUD_CLUSTER] });
  api = new FakeCloudApi({ now: () => clock.now() });
  await api.start();
  api.addLan(DC, 1, { name: `lan-${NS}-c1`, public: true });
  api.addLan(DC, 3, { name: 'storage' });
  // No per-attempt time-out: the tests drive the manual clock whenever the pass sleeps.
  client = new CloudClient({ token: api.token, apiURL: api.apiURL, clock, timeoutMs: 0 });
  // One recorder for every pass of a test, as the controller has.
  recorder = new EventRecorder({ store, clock, component: 'capi-ionos-nic-attacher', instance: 'test' });
});

afterEach(async () => {
  await api.stop();
});

/** Runs `promise` to its end, moving the manual clock whenever everything else is waiting on it. */
async function drive<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  promise.then(() => { done = true; }, () => { done = true; });
  // Bounded: 5000 turns of a few real milliseconds each.
  for (let turn = 0; turn < 5000 && !done; turn++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    if (!done && clock.pending > 0) await clock.advanceTo(clock.nextDue()!);
  }
  if (!done) throw new Error('the pass did not finish');
  return promise;
}

function options(mode: NicMode, more: Partial<NicAttacherOptions> = {}): NicAttacherOptions {
  return { store, clock, cloud: client, mode, events: recorder, ...more };
}

function pass(mode: NicMode, more: Partial<NicAttacherOptions> = {}): Promise<NicPassResult> {
  return drive(reconcileMachineNics(options(mode, more), NS, 'm1'));
}

/** Creates an object, then its status (the memory store ignores status on create for such kinds). */
async function put(object: KubeObject): Promise<KubeObject> {
  const created = await store.create(object);
  return object.status === undefined ? created : store.updateStatus({ ...created, status: object.status });
}

/** Machine m1 with a server, a pool on the primary NIC and an additional network on LAN 3. */
async function givenMachine(spec: Record<string, unknown> = {}): Promise<KubeObject> {
  return put({
    apiVersion: RESOURCES.ionosCloudMachine.apiVersion, kind: 'IonosCloudMachine',
    metadata: { name: 'm1', namespace: NS, labels: { 'cluster.x-k8s.io/cluster-name': 'c1' } },
    spec: {
      providerID: `ionos://${SERVER}`, datacenterID: DC, disk: { image: { id: 'img' } },
      ipv4PoolRef: POOL, additionalNetworks: [{ networkID: 3, ipv4PoolRef: POOL }], ...spec,
    },
  });
}

/** A claim bound to an IPAddress of the same name holding `address`. */
async function givenClaim(name: string, address: string): Promise<void> {
  const uid = (await machine()).metadata.uid!;
  await put({
    apiVersion: RESOURCES.ipAddressClaim.apiVersion, kind: 'IPAddressClaim',
    metadata: { name, namespace: NS, ownerReferences: [{ apiVersion: RESOURCES.ionosCloudMachine.apiVersion, kind: 'IonosCloudMachine', name: 'm1', uid, controller: true }] },
    spec: { poolRef: POOL }, status: { addressRef: { name } },
  });
  await store.create({
    apiVersion: RESOURCES.ipAddress.apiVersion, kind: 'IPAddress',
    metadata: { name, namespace: NS }, spec: { address, prefix: 24, claimRef: { name }, poolRef: POOL },
  });
}

/**
 * The usual world: claims bound (10.0.0.5 primary, 172.16.0.4 on LAN 3), a server with the
 * primary NIC holding `primaryIps` and, if `storageNic`, the LAN 3 NIC in place.
 */
async function givenWorld(primaryIps = ['10.0.0.5'], storageNic = false): Promise<void> {
  await givenMachine();
  await givenClaim('nic-m1-ipv4', '10.0.0.5');
  await givenClaim('nic-m1-3-ipv4', '172.16.0.4');
  api.addServer(DC, SERVER, 'm1', [{ name: 'nic-m1', lan: 1, ips: primaryIps }, ...(storageNic ? [{ lan: 3, ips: ['172.16.0.4'] }] : [])]);
}

async function machine(): Promise<KubeObject> {
  return (await store.get(RESOURCES.ionosCloudMachine, NS, 'm1'))!;
}

async function condition(): Promise<Record<string, unknown> | undefined> {
  const conditions = ((await machine()).status as { conditions?: Record<string, unknown>[] } | undefined)?.conditions ?? [];
  return conditions.find((c) => c['type'] === NICS_CONDITION);
}

function events(): { type: string; reason: string; message: string; count: number }[] {
  return store.dump(RESOURCES.event).map((e) => ({ type: String(e['type']), reason: String(e['reason']), message: String(e['message']), count: Number(e['count']) }));
}

function reasons(): string[] {
  return events().map((e) => e.reason).sort();
}

describe('acceptance', () => {
  it('creates a missing NIC on its LAN with the claimed address and follows the request until DONE', async () => {
    // GIVEN a server without the NIC for additionalNetworks[0]
    await givenWorld();
    // WHEN a pass runs in attach mode
    const first = await pass('attach');
    // THEN one POST created the NIC with the claimed address, unnamed, on LAN 3
    expect(first.outcome).toBe('acted');
    expect(api.writes.map((w) => [w.method, w.path, w.body])).toEqual([
      ['POST', `/datacenters/${DC}/servers/${SERVER}/nics`, { properties: { lan: 3, ips: ['172.16.0.4'], ipv6Ips: null, dhcp: true } }],
    ]);
    const nics = api.nicsOf(SERVER);
    expect(nics.map((n) => [n.properties.name, n.properties.lan, n.properties.ips, n.metadata.state])).toEqual([
      ['nic-m1', 1, ['10.0.0.5'], 'AVAILABLE'], [undefined, 3, ['172.16.0.4'], 'AVAILABLE'],
    ]);
    // AND the request was polled to DONE and forgotten
    expect((await machine()).metadata.annotations?.[PENDING_REQUEST_ANNOTATION]).toBeUndefined();
    expect(reasons()).toEqual(['NICCreated', 'NICCreating', 'NICMissing']);
    // WHEN the next pass runs
    const second = await pass('attach');
    // THEN it is in sync and reports the cloud view
    expect(second.outcome).toBe('in-sync');
    expect(((await machine()).status as { machineNetworkInfo: unknown }).machineNetworkInfo).toEqual({
      nicInfo: [{ ipv4Addresses: ['10.0.0.5'], networkID: 1, primary: true }, { ipv4Addresses: ['172.16.0.4'], networkID: 3, primary: false }],
    });
    expect(await condition()).toMatchObject({ status: 'True' });
    expect(api.writes).toHaveLength(1);
  });

  it('patches a NIC whose address is not its claim\'s, keeping the failover IP after it', async () => {
    // GIVEN the primary NIC holds 10.0.0.7 and a failover IP; the claim says 10.0.0.5
    await givenWorld(['10.0.0.7', '85.215.1.1'], true);
    const before = api.writes.length;
    // WHEN a pass runs in attach mode
    const result = await pass('attach');
    // THEN the primary NIC is patched with a bare {ips} body, claimed address first
    expect(result.outcome).toBe('acted');
    const primaryId = api.nicsOf(SERVER)[0]!.id;
    expect(api.writes.slice(before).map((w) => [w.method, w.path, w.body])).toEqual([
      ['PATCH', `/datacenters/${DC}/servers/${SERVER}/nics/${primaryId}`, { ips: ['10.0.0.5', '85.215.1.1'] }],
    ]);
    expect(api.nicsOf(SERVER)[0]!.properties.ips).toEqual(['10.0.0.5', '85.215.1.1']);
    expect(reasons()).toEqual(['NICAddressMismatch', 'NICPatched', 'NICPatching']);
    expect((await pass('attach')).outcome).toBe('in-sync');
  });

  it('retries 429 (after Retry-After) and 503 (with backoff) and still attaches', async () => {
    await givenWorld();
    api.inject({ method: 'GET', path: `/servers/${SERVER}`, status: 429, retryAfter: '2' });
    api.inject({ method: 'GET', path: '/requests/', status: 503, times: 2 });
    const start = clock.now();
    const result = await pass('attach');
    expect(result.outcome).toBe('acted');
    expect(api.calls.filter((c) => c.status === 429 || c.status === 503).map((c) => [c.method, c.status])).toEqual([['GET', 429], ['GET', 503], ['GET', 503]]);
    // 2 s Retry-After + 100 ms + 200 ms backoff + the request polls, all on the injected clock
    expect(clock.now() - start).toBeGreaterThanOrEqual(2300);
    expect(api.nicsOf(SERVER)).toHaveLength(2);
  });

  it('fails a pass transiently when 5xx outlast the client\'s retries, and the controller retries it with backoff', async () => {
    await givenWorld();
    api.inject({ method: 'GET', path: `/servers/${SERVER}`, status: 503, times: 10 });
    // A single pass gives up after 4 attempts with a transient error …
    const error = await pass('attach').then(() => undefined, (e: unknown) => e);
    expect(isCloudApiError(error) && error.transient).toBe(true);
    expect(api.writes).toHaveLength(0);
    // … and the controller retries it through the work queue until the API recovers.
    const attacher = runNicAttacher({ ...options('attach'), resyncMs: 3_600_000 });
    try {
      await drive(waitUntil(() => api.nicsOf(SERVER).length === 2 && api.nicsOf(SERVER)[1]!.metadata.state === 'AVAILABLE'));
      expect(attacher.controller.stats.transientFailures).toBeGreaterThanOrEqual(1);
      expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
    } finally {
      await attacher.stop();
    }
  });

  it('fails: a FAILED request surfaces as a Warning event and a condition, and is not sent again', async () => {
    await givenWorld();
    api.failNextRequest('NIC limit of the server reached');
    const result = await pass('attach');
    expect(result.outcome).toBe('failed');
    const failed = events().find((e) => e.reason === 'NICRequestFailed');
    expect(failed).toMatchObject({ type: 'Warning' });
    expect(failed!.message).toMatch(/^create NIC on LAN 3 for additionalNetworks\[0\] with ips \[172\.16\.0\.4\].*: Request [0-9a-f-]+ failed: NIC limit of the server reached$/);
    expect(await condition()).toMatchObject({ status: 'False', severity: 'Error', reason: 'NICRequestFailed' });
    expect((await machine()).metadata.annotations?.[FAILED_ACTION_ANNOTATION]).toContain('create lan=3');
    // No hot loop: the next pass does not send it again, and asks for no early requeue.
    const again = await pass('attach');
    expect(again.outcome).toBe('failed');
    expect(again.requeueAfterMs).toBeUndefined();
    expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
    expect(await condition()).toMatchObject({ status: 'False', reason: 'NICRequestFailed' });
    // When the declaration changes (another address), the new action is tried.
    const address = (await store.get(RESOURCES.ipAddress, NS, 'nic-m1-3-ipv4'))!;
    await store.update({ ...address, spec: { ...(address.spec as object), address: '172.16.0.9' } });
    expect((await pass('attach')).outcome).toBe('acted');
    expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(2);
  });

  it('changes nothing in observe mode and reports the drift in status and events', async () => {
    // GIVEN a wrong primary address and a missing additional NIC
    await givenWorld(['10.0.0.7']);
    // WHEN a pass runs in observe mode
    const result = await pass('observe');
    // THEN nothing was written to the cloud
    expect(result.outcome).toBe('drift');
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(api.nicsOf(SERVER).map((n) => n.properties.ips)).toEqual([['10.0.0.7']]);
    // AND the status shows the cloud view and the drift
    expect(((await machine()).status as { machineNetworkInfo: unknown }).machineNetworkInfo).toEqual({ nicInfo: [{ ipv4Addresses: ['10.0.0.7'], networkID: 1, primary: true }] });
    const c = await condition();
    expect(c).toMatchObject({ status: 'False', severity: 'Warning', reason: 'NICDrift' });
    expect(String(c!['message'])).toContain('IPAddressClaim nic-m1-ipv4 holds 10.0.0.5');
    expect(events().map((e) => [e.type, e.reason])).toEqual(expect.arrayContaining([['Warning', 'NICAddressMismatch'], ['Warning', 'NICMissing']]));
    // AND a second pass repeats nothing: same status, events not written again within the dedupe interval
    const version = (await machine()).metadata.resourceVersion;
    await pass('observe');
    expect((await machine()).metadata.resourceVersion).toBe(version);
    expect(events().every((e) => e.count === 1)).toBe(true);
  });
});

describe('idempotence', () => {
  it('follows a recorded request after a restart instead of sending it again', async () => {
    await givenWorld();
    api.progress = 'manual';
    // The first pass sends the POST, records it, and gives up waiting after 3 s.
    const first = await pass('attach', { requestWaitMs: 3000 });
    expect(first.outcome).toBe('waiting');
    expect(first.requeueAfterMs).toBe(20_000);
    expect(await condition()).toMatchObject({ reason: 'RequestPending', severity: 'Info' });
    const recorded = JSON.parse((await machine()).metadata.annotations![PENDING_REQUEST_ANNOTATION]!) as { method: string; requestPath: string };
    expect(recorded.method).toBe('POST');
    // A new process (a fresh pass) follows the same request to DONE, then finds all in place.
    api.progress = 'on-poll';
    expect((await pass('attach')).outcome).toBe('in-sync');
    expect(reasons()).toEqual(['NICCreated', 'NICCreating', 'NICMissing']);
    expect((await machine()).metadata.annotations?.[PENDING_REQUEST_ANNOTATION]).toBeUndefined();
    expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
    expect(api.nicsOf(SERVER)).toHaveLength(2);
  });

  it('finds a running request in the request history when the record was lost, and does not send another', async () => {
    await givenWorld();
    // GIVEN another process sent the POST and died before recording it; the API does not list the NIC yet
    api.listBusyNics = false;
    api.progress = 'manual';
    const sent = await drive(client.createNic(DC, SERVER, { properties: { lan: 3, ips: ['172.16.0.4'], ipv6Ips: null, dhcp: true } }));
    api.progress = 'on-poll';
    // WHEN a pass runs
    const result = await pass('attach');
    // THEN it followed that request instead of sending its own
    expect(result.outcome).toBe('acted');
    expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
    expect(events().find((e) => e.reason === 'NICCreating')!.message).toContain(`following the running request ${/requests\/([^/]+)/.exec(sent.location)![1]}`);
    expect((await pass('attach')).outcome).toBe('in-sync');
  });

  it('waits for an unbound claim before creating its NIC', async () => {
    await givenMachine();
    await givenClaim('nic-m1-ipv4', '10.0.0.5');
    await put({
      apiVersion: RESOURCES.ipAddressClaim.apiVersion, kind: 'IPAddressClaim', metadata: { name: 'nic-m1-3-ipv4', namespace: NS }, spec: { poolRef: POOL },
    });
    api.addServer(DC, SERVER, 'm1', [{ name: 'nic-m1', lan: 1, ips: ['10.0.0.5'] }]);
    const result = await pass('attach');
    expect(result).toMatchObject({ outcome: 'waiting', requeueAfterMs: 20_000 });
    expect(api.writes).toHaveLength(0);
    expect(await condition()).toMatchObject({ status: 'False', severity: 'Info', reason: 'WaitingForIPAddress' });
  });

  it('re-reads and retries status and annotation writes that meet a 409 Conflict', async () => {
    await givenWorld();
    store.faults.conflictOnNext('updateStatus', 2, { kind: 'IonosCloudMachine' });
    store.faults.conflictOnNext('update', 2, { kind: 'IonosCloudMachine' });
    expect((await pass('attach')).outcome).toBe('acted');
    expect((await pass('attach')).outcome).toBe('in-sync');
    expect(await condition()).toMatchObject({ status: 'True' });
  });
});

describe('permanent failures', () => {
  it('fails with a condition and an event on a 422 from the API, without retrying', async () => {
    await givenMachine({ additionalNetworks: [{ networkID: 9 }] });
    await givenClaim('nic-m1-ipv4', '10.0.0.5');
    api.addServer(DC, SERVER, 'm1', [{ name: 'nic-m1', lan: 1, ips: ['10.0.0.5'] }]);
    const result = await pass('attach');
    expect(result.outcome).toBe('failed');
    expect(result.requeueAfterMs).toBeUndefined();
    expect(await condition()).toMatchObject({ status: 'False', severity: 'Error', reason: 'NICCreateFailed' });
    expect(events().find((e) => e.reason === 'NICCreateFailed')!.message).toContain('LAN 9 does not exist');
    expect((await pass('attach')).outcome).toBe('failed');
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('fails with InvalidSpec for a providerID that is not ionos://<uuid>', async () => {
    await givenMachine({ providerID: 'ionos://not-a-uuid' });
    const result = await pass('observe');
    expect(result.outcome).toBe('failed');
    expect(await condition()).toMatchObject({ reason: 'InvalidSpec', severity: 'Error' });
    expect(api.calls).toHaveLength(0);
  });

  it('skips machines without a server yet', async () => {
    await givenMachine({ providerID: undefined });
    expect((await pass('attach')).outcome).toBe('skipped');
    expect(api.calls).toHaveLength(0);
  });
});

describe('credentials from the cluster\'s Secret', () => {
  async function givenCluster(secret: Record<string, string> | undefined): Promise<void> {
    await store.create({ apiVersion: RESOURCES.cluster.apiVersion, kind: 'Cluster', metadata: { name: 'c1', namespace: NS }, spec: { infrastructureRef: { kind: 'IonosCloudCluster', name: 'c1-infra' } } });
    await store.create({ apiVersion: IONOS_CLOUD_CLUSTER.apiVersion, kind: 'IonosCloudCluster', metadata: { name: 'c1-infra', namespace: NS }, spec: { credentialsRef: { name: 'c1-credentials' } } });
    if (secret !== undefined) {
      await store.create({
        apiVersion: 'v1', kind: 'Secret', metadata: { name: 'c1-credentials', namespace: NS }, type: 'Opaque',
        data: Object.fromEntries(Object.entries(secret).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
      });
    }
  }

  const provider = () => secretCredentialsProvider({ store, createClient: (c) => new CloudClient({ ...c, clock, timeoutMs: 0 }) });

  it('reads token and apiURL through Cluster → IonosCloudCluster → credentialsRef, and attaches', async () => {
    await givenWorld();
    await givenCluster({ token: api.token, apiURL: api.apiURL.replace('/cloudapi/v6', '') });
    const result = await pass('attach', { cloud: provider() });
    expect(result.outcome).toBe('acted');
    expect(api.calls.every((c) => c.authorization === `Bearer ${api.token}`)).toBe(true);
  });

  it('waits (CredentialsNotFound, 20 s) while the Secret is missing', async () => {
    await givenWorld();
    await givenCluster(undefined);
    const result = await pass('attach', { cloud: provider() });
    expect(result).toMatchObject({ outcome: 'waiting', requeueAfterMs: 20_000 });
    expect(await condition()).toMatchObject({ reason: 'CredentialsNotFound', severity: 'Warning' });
    expect(api.calls).toHaveLength(0);
  });

  it('fails with InvalidCredentials for a Secret without a token', async () => {
    await givenWorld();
    await givenCluster({ apiURL: api.apiURL });
    const result = await pass('attach', { cloud: provider() });
    expect(result.outcome).toBe('failed');
    expect(await condition()).toMatchObject({ reason: 'InvalidCredentials', severity: 'Error' });
    expect(String((await condition())!['message'])).toContain('token must be set');
  });
});

describe('the controller', () => {
  it('attaches every drifting machine, then goes quiet until its resync', async () => {
    await givenWorld(['10.0.0.7']);
    const attacher = runNicAttacher({ ...options('attach'), resyncMs: 3_600_000 });
    try {
      await drive(waitUntil(async () => (await condition())?.['status'] === 'True'));
      expect(api.nicsOf(SERVER).map((n) => [n.properties.lan, n.properties.ips])).toEqual([[1, ['10.0.0.5']], [3, ['172.16.0.4']]]);
      expect(api.writes.map((w) => w.method)).toEqual(['PATCH', 'POST']);
    } finally {
      await attacher.stop();
    }
  });
});

/** Resolves once `check` holds; polls between turns of the drive loop (bounded by `drive`). */
async function waitUntil(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 4000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error('condition never held');
}
