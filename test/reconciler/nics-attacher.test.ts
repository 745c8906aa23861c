/**
 * NIC attachment, acting side: the in-memory store (real MemoryStore), a manual clock, and a local
 * HTTP server speaking the Cloud API shape on 127.0.0.1, started and stopped by each test.
 *
 * The acceptance list: a missing NIC is created, a wrong IP is patched, 5xx are retried with
 * backoff, a FAILED request surfaces as an event, observe mode changes nothing. The safety list:
 * two concurrent passes create one NIC, nothing is done on a server that is not AVAILABLE or a
 * machine the provider still works on, a Retry-After (120 s too) is a requeue and never a sleep,
 * a request is followed by later passes without holding a worker, and attach mode runs only as
 * the Lease holder.
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
  // Requests move on the test's clock: QUEUED for 1 s, RUNNING for 2 s.
  api = new FakeCloudApi({ clock });
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

function pass(mode: NicMode, more: Partial<NicAttacherOptions> = {}, name = 'm1'): Promise<NicPassResult> {
  return drive(reconcileMachineNics(options(mode, more), NS, name));
}

/**
 * Runs passes as the work queue would, moving the clock by each pass's requeue, until one ends
 * in sync, failed or drifting (at most 20 passes). Returns every outcome.
 */
async function converge(mode: NicMode, more: Partial<NicAttacherOptions> = {}): Promise<NicPassResult[]> {
  const results: NicPassResult[] = [];
  for (let i = 0; i < 20; i++) {
    const result = await pass(mode, more);
    results.push(result);
    if (result.outcome !== 'waiting' && result.outcome !== 'acted') return results;
    await clock.advance(Math.max(1, result.requeueAfterMs ?? 1));
  }
  throw new Error(`no end after 20 passes: ${results.map((r) => r.outcome).join(', ')}`);
}

/** Creates an object, then its status (the memory store ignores status on create for such kinds). */
async function put(object: KubeObject): Promise<KubeObject> {
  const created = await store.create(object);
  return object.status === undefined ? created : store.updateStatus({ ...created, status: object.status });
}

/**
 * Machine m1 with a server, a pool on the primary NIC and an additional network on LAN 3, which
 * the provider has finished provisioning (`status.ready`) unless `status` says otherwise.
 */
async function givenMachine(spec: Record<string, unknown> = {}, status: Record<string, unknown> = { ready: true }, name = 'm1', server = SERVER): Promise<KubeObject> {
  return put({
    apiVersion: RESOURCES.ionosCloudMachine.apiVersion, kind: 'IonosCloudMachine',
    metadata: { name, namespace: NS, labels: { 'cluster.x-k8s.io/cluster-name': 'c1' } },
    spec: {
      providerID: `ionos://${server}`, datacenterID: DC, disk: { image: { id: 'img' } },
      ipv4PoolRef: POOL, additionalNetworks: [{ networkID: 3, ipv4PoolRef: POOL }], ...spec,
    },
    status,
  });
}

/** A claim of machine `owner` bound to an IPAddress of the same name holding `address`. */
async function givenClaim(name: string, address: string, owner = 'm1'): Promise<void> {
  const uid = (await store.get(RESOURCES.ionosCloudMachine, NS, owner))!.metadata.uid!;
  await put({
    apiVersion: RESOURCES.ipAddressClaim.apiVersion, kind: 'IPAddressClaim',
    metadata: { name, namespace: NS, ownerReferences: [{ apiVersion: RESOURCES.ionosCloudMachine.apiVersion, kind: 'IonosCloudMachine', name: owner, uid, controller: true }] },
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
  it('creates a missing NIC on its LAN with the claimed address, and a later pass follows the request until DONE', async () => {
    // GIVEN a server without the NIC for additionalNetworks[0]
    await givenWorld();
    // WHEN a pass runs in attach mode
    const first = await pass('attach');
    // THEN one POST asked for the NIC nic-m1-3 on LAN 3 with the claimed address, and the pass did not wait for it
    expect(first).toMatchObject({ outcome: 'acted', requeueAfterMs: 5000 });
    expect(api.writes.map((w) => [w.method, w.path, w.body])).toEqual([
      ['POST', `/datacenters/${DC}/servers/${SERVER}/nics`, { properties: { name: 'nic-m1-3', lan: 3, ips: ['172.16.0.4'], ipv6Ips: null, dhcp: true } }],
    ]);
    expect(JSON.parse((await machine()).metadata.annotations![PENDING_REQUEST_ANNOTATION]!)).toMatchObject({ method: 'POST', requestPath: expect.stringMatching(/\/requests\/.+\/status$/) });
    // WHEN passes run as the work queue asks
    const rest = await converge('attach');
    // THEN the request was followed to DONE and forgotten, and the NIC is in place
    expect(rest.map((r) => r.outcome)).toEqual(['waiting', 'in-sync']);
    const nics = api.nicsOf(SERVER);
    expect(nics.map((n) => [n.properties.name, n.properties.lan, n.properties.ips, n.metadata.state])).toEqual([
      ['nic-m1', 1, ['10.0.0.5'], 'AVAILABLE'], ['nic-m1-3', 3, ['172.16.0.4'], 'AVAILABLE'],
    ]);
    expect((await machine()).metadata.annotations?.[PENDING_REQUEST_ANNOTATION]).toBeUndefined();
    expect(reasons()).toEqual(['NICCreated', 'NICCreating', 'NICMissing']);
    expect(((await machine()).status as { machineNetworkInfo: unknown }).machineNetworkInfo).toEqual({
      nicInfo: [{ ipv4Addresses: ['10.0.0.5'], networkID: 1, primary: true }, { ipv4Addresses: ['172.16.0.4'], networkID: 3, primary: false }],
    });
    expect(await condition()).toMatchObject({ status: 'True' });
    expect(api.writes).toHaveLength(1);
  });

  it('patches a NIC whose address is not its claim\'s, keeping the failover IP after it', async () => {
    // GIVEN the primary NIC holds 10.0.0.7 and a failover IP; the claim says 10.0.0.5
    await givenWorld(['10.0.0.7', '85.215.1.1'], true);
    // WHEN passes run in attach mode
    const results = await converge('attach');
    // THEN the primary NIC was patched with a bare {ips} body, claimed address first
    expect(results.map((r) => r.outcome)).toEqual(['acted', 'in-sync']);
    const primaryId = api.nicsOf(SERVER)[0]!.id;
    expect(api.writes.map((w) => [w.method, w.path, w.body])).toEqual([
      ['PATCH', `/datacenters/${DC}/servers/${SERVER}/nics/${primaryId}`, { ips: ['10.0.0.5', '85.215.1.1'] }],
    ]);
    expect(api.nicsOf(SERVER)[0]!.properties.ips).toEqual(['10.0.0.5', '85.215.1.1']);
    expect(reasons()).toEqual(['NICAddressMismatch', 'NICPatched', 'NICPatching']);
  });

  it('retries 503 (with backoff) inside a call and still attaches', async () => {
    await givenWorld();
    api.inject({ method: 'GET', path: `/servers/${SERVER}`, status: 503, times: 2 });
    const start = clock.now();
    const result = await pass('attach');
    expect(result.outcome).toBe('acted');
    expect(api.calls.filter((c) => c.status === 503).map((c) => [c.method, c.status])).toEqual([['GET', 503], ['GET', 503]]);
    // 100 ms + 200 ms backoff, on the injected clock
    expect(clock.now() - start).toBe(300);
    expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
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
    const results = await converge('attach');
    expect(results.map((r) => r.outcome)).toEqual(['acted', 'failed']);
    const failed = events().find((e) => e.reason === 'NICRequestFailed');
    expect(failed).toMatchObject({ type: 'Warning' });
    expect(failed!.message).toMatch(/^create NIC nic-m1-3 on LAN 3 for additionalNetworks\[0\] with ips \[172\.16\.0\.4\].*: Request [0-9a-f-]+ failed: NIC limit of the server reached$/);
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
    // The first pass sends the POST and records it; the next one finds it still queued.
    expect((await pass('attach')).outcome).toBe('acted');
    const second = await pass('attach');
    expect(second).toMatchObject({ outcome: 'waiting', requeueAfterMs: 5000 });
    expect(await condition()).toMatchObject({ reason: 'RequestPending', severity: 'Info' });
    const recorded = JSON.parse((await machine()).metadata.annotations![PENDING_REQUEST_ANNOTATION]!) as { method: string; requestPath: string };
    expect(recorded.method).toBe('POST');
    // A new process (a fresh pass) follows the same request to DONE, then finds all in place.
    api.progress = 'clock';
    expect((await converge('attach')).at(-1)!.outcome).toBe('in-sync');
    expect(reasons()).toEqual(['NICCreated', 'NICCreating', 'NICMissing']);
    expect((await machine()).metadata.annotations?.[PENDING_REQUEST_ANNOTATION]).toBeUndefined();
    expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
    expect(api.nicsOf(SERVER)).toHaveLength(2);
  });

  it('finds a running request in the request history when the record was lost, and does not send another', async () => {
    await givenWorld();
    // GIVEN another process sent the POST (with the NIC's deterministic name) and died before
    // recording it; neither the NIC list nor the server's state shows it
    api.listBusyNics = false;
    api.servers.busyWhileRequests = false;
    api.progress = 'manual';
    const sent = await drive(client.createNic(DC, SERVER, { properties: { name: 'nic-m1-3', lan: 3, ips: ['172.16.0.4'], ipv6Ips: null, dhcp: true } }));
    // WHEN a pass runs
    const result = await pass('attach');
    // THEN it followed that request instead of sending its own
    expect(result.outcome).toBe('acted');
    expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
    expect(events().find((e) => e.reason === 'NICCreating')!.message).toContain(`following the running request ${/requests\/([^/]+)/.exec(sent.location)![1]}`);
    api.progress = 'clock';
    await clock.advance(3000);
    expect((await converge('attach')).at(-1)!.outcome).toBe('in-sync');
    expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
  });

  it.each([true, false])('creates exactly one NIC when two passes run at once (NICs being created listed: %s)', async (listBusy) => {
    // GIVEN a missing NIC, and two passes (two replicas without a Lease, or a retry racing the first) started together
    await givenWorld();
    api.listBusyNics = listBusy;
    // WHEN both run to their end
    const results = await drive(Promise.all([reconcileMachineNics(options('attach'), NS, 'm1'), reconcileMachineNics(options('attach'), NS, 'm1')]));
    // THEN one POST was sent, and the other pass waits for it
    expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
    expect(results.map((r) => r.outcome).sort()).toEqual(['acted', 'waiting']);
    // AND the machine converges with two NICs
    await clock.advance(5000);
    expect((await converge('attach')).at(-1)!.outcome).toBe('in-sync');
    expect(api.nicsOf(SERVER).map((n) => n.properties.name)).toEqual(['nic-m1', 'nic-m1-3']);
    expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
  });

  it('decides again after a claim whose sender died without sending, once the claim is too old', async () => {
    // GIVEN a claim recorded by a pass that died before sending anything
    await givenWorld();
    const claimed = { method: 'POST', requestPath: '', url: `/datacenters/${DC}/servers/${SERVER}/nics`, name: 'nic-m1-3', since: clock.now(), action: 'x', nic: 'additionalNetworks[0]', description: 'create' };
    const m = await machine();
    await store.update({ ...m, metadata: { ...m.metadata, annotations: { [PENDING_REQUEST_ANNOTATION]: JSON.stringify(claimed) } } });
    // WHEN a pass runs before the claim times out, it waits for the claimer
    expect(await pass('attach')).toMatchObject({ outcome: 'waiting', requeueAfterMs: 5000 });
    expect(api.writes).toHaveLength(0);
    // WHEN the claim is older than claimTimeoutMs, and nothing is in the request history
    await clock.advance(120_000);
    const results = await converge('attach');
    // THEN the NIC is created once
    expect(results.at(-1)!.outcome).toBe('in-sync');
    expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
  });

  it('gives its claim up when the checks before sending fail, so that the next pass sends without waiting', async () => {
    await givenWorld();
    api.inject({ method: 'GET', path: '/requests', status: 503, times: 4 });
    const error = await pass('attach').then(() => undefined, (e: unknown) => e);
    expect(isCloudApiError(error) && error.transient).toBe(true);
    expect((await machine()).metadata.annotations?.[PENDING_REQUEST_ANNOTATION]).toBeUndefined();
    expect(api.writes).toHaveLength(0);
    expect((await pass('attach')).outcome).toBe('acted');
    expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
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
    expect((await converge('attach')).at(-1)!.outcome).toBe('in-sync');
    expect(await condition()).toMatchObject({ status: 'True' });
    expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
  });
});

describe('safety', () => {
  it('does nothing on a server that is not AVAILABLE, and looks again soon', async () => {
    await givenWorld();
    api.servers.setState(SERVER, { state: 'BUSY' });
    const result = await pass('attach');
    expect(result).toMatchObject({ outcome: 'waiting', requeueAfterMs: 5000 });
    expect(api.writes).toHaveLength(0);
    expect(await condition()).toMatchObject({ status: 'False', severity: 'Info', reason: 'ServerNotAvailable' });
    api.servers.setState(SERVER, { state: 'AVAILABLE' });
    expect((await pass('attach')).outcome).toBe('acted');
  });

  it.each<[string, Record<string, unknown>]>([
    ['not Ready yet', { ready: false }],
    ['following a request of its own', { ready: true, currentRequest: { method: 'PATCH', requestPath: 'https://api.ionos.com/cloudapi/v6/requests/r1/status', state: 'RUNNING' } }],
  ])('does nothing on a machine the IONOS provider is still working on (%s)', async (_name, status) => {
    await givenMachine({}, status);
    await givenClaim('nic-m1-ipv4', '10.0.0.5');
    await givenClaim('nic-m1-3-ipv4', '172.16.0.4');
    api.addServer(DC, SERVER, 'm1', [{ name: 'nic-m1', lan: 1, ips: ['10.0.0.5'] }]);
    const result = await pass('attach');
    expect(result).toMatchObject({ outcome: 'waiting', requeueAfterMs: 20_000 });
    expect(api.calls).toHaveLength(0);
    expect(await condition()).toMatchObject({ status: 'False', severity: 'Info', reason: 'WaitingForProvider' });
  });

  it('honours a Retry-After of 120 s by requeueing, without sleeping and without calling the API again before it', async () => {
    await givenWorld();
    api.inject({ method: 'GET', path: `/servers/${SERVER}`, status: 429, retryAfter: '120' });
    // A single pass ends at once, asking to come back in 120 s.
    const start = clock.now();
    const result = await pass('attach');
    expect(result).toMatchObject({ outcome: 'waiting', requeueAfterMs: 120_000 });
    expect(clock.now()).toBe(start);
    // The controller keeps to it: one call in the first 119 s, then it attaches.
    const attacher = runNicAttacher({ ...options('attach'), resyncMs: 3_600_000 });
    try {
      await drive(waitUntil(() => attacher.isLeader));
      const callsAt = (until: number) => api.calls.filter((c) => c.at < until).length;
      await drive(waitUntil(() => api.writes.length === 1));
      expect(callsAt(start + 119_000)).toBe(1);
      expect(api.writes[0]!.at).toBeGreaterThanOrEqual(start + 120_000);
    } finally {
      await attacher.stop();
    }
  });

  it('follows a request without holding a worker: another machine is attached meanwhile', async () => {
    // GIVEN two machines missing a NIC, one worker, and requests that stay QUEUED until told
    const SERVER2 = '5a1e2f3c-0000-4000-8000-0000000000bb';
    await givenWorld();
    await givenMachine({}, { ready: true }, 'm2', SERVER2);
    await givenClaim('nic-m2-ipv4', '10.0.0.6', 'm2');
    await givenClaim('nic-m2-3-ipv4', '172.16.0.5', 'm2');
    api.addServer(DC, SERVER2, 'm2', [{ name: 'nic-m2', lan: 1, ips: ['10.0.0.6'] }]);
    api.progress = 'manual';
    const attacher = runNicAttacher({ ...options('attach'), workers: 1, resyncMs: 3_600_000 });
    try {
      // WHEN the attacher runs for a while
      await drive(waitUntil(() => api.writes.length === 2));
      // THEN both POSTs went out while the first request was still QUEUED, one right after the other
      expect([...api.requests.values()].map((r) => r.status)).toEqual(['QUEUED', 'QUEUED']);
      expect(api.writes[1]!.at - api.writes[0]!.at).toBeLessThan(10_000);
      expect(api.writes.map((w) => w.path)).toEqual(expect.arrayContaining([`/datacenters/${DC}/servers/${SERVER}/nics`, `/datacenters/${DC}/servers/${SERVER2}/nics`]));
      // AND once the requests are done, both machines are in sync
      api.finishAll();
      await drive(waitUntil(async () => (await condition())?.['status'] === 'True'));
    } finally {
      await attacher.stop();
    }
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
  it('rejects attach mode without leader election', () => {
    expect(() => runNicAttacher({ ...options('attach'), leaderElection: false })).toThrow(/attach mode needs leader election/);
  });

  it('acts only as the Lease holder: two replicas create one NIC', async () => {
    // GIVEN two replicas of the attacher in attach mode over one store and one cloud
    await givenWorld();
    const replicas = ['a', 'b'].map((identity) => runNicAttacher({ ...options('attach'), identity, resyncMs: 3_600_000, leaderElection: { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 } }));
    try {
      // WHEN they run until the machine is in sync
      await drive(waitUntil(async () => (await condition())?.['status'] === 'True'));
      // THEN one of them leads, and one POST was sent
      expect(replicas.filter((r) => r.isLeader)).toHaveLength(1);
      expect(api.writes.filter((w) => w.method === 'POST')).toHaveLength(1);
      expect(store.dump(RESOURCES.lease).map((l) => (l['metadata'] as { name: string }).name)).toContain('capi-ionos-nic-attacher');
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
    }
  });

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
