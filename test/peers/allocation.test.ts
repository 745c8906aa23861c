/**
 * Differential allocation: the real In-Cluster IPAM provider (v1.0.3, with its webhooks) and our
 * claim binder (src/reconciler, in-process over KubeStore) bind the same random pools and claims,
 * each on its own fresh kube-apiserver, and must agree.
 *
 * Which claim gets which address depends on the order a binder sees the claims in, so bulk runs
 * (every claim created at once) compare what is independent of order: the set of addresses of
 * each pool, prefixes, gateways, how many claims were bound, the pools' status counts, no
 * duplicates. Runs that create the claims one at a time, waiting for each, compare the exact
 * claim → address mapping, including a release and a re-claim. Our side runs with the admission
 * that replaces the provider's webhooks (PoolAdmissionPolicy, a ValidatingAdmissionPolicy): every
 * pool the provider admits must be admitted by it, and every update or delete the provider's
 * webhook refuses must be refused by it too (it may refuse more: it cannot see the IPAddresses,
 * so while a pool is in use it only lets it grow). Verdicts on updates are also compared with
 * ipam.validatePoolUpdate, which must equal the provider's.
 *
 * Seeds: CAPI_IONOS_PEERS_SEED=<n> replays a run, CAPI_IONOS_PEERS_RUNS=<n> (default 20) sets the
 * number of scenarios per property. A failure prints fast-check's seed and shrunk counterexample
 * and the scenario as manifests to apply by hand.
 */
import { Chart, Testing } from 'cdk8s';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoolAdmissionPolicy } from '../../src/constructs/pool-admission-policy.js';
import { validatePoolSpec, validatePoolUpdate } from '../../src/ipam/index.js';
import { runClaimBinder, type ClaimBinder } from '../../src/reconciler/claims/binder.js';
import { systemClock } from '../../src/reconciler/clock.js';
import { KubeStore } from '../../src/reconciler/kube-store.js';
import { RESOURCES, type KubeObject } from '../../src/reconciler/store.js';
import { addressRef } from '../k8s/claims.js';
import { type ApiServer, type KubeObject as HarnessObject, applyErrors, applyServerSide, ensureNamespace, kubeRequest, resourcePath, sleep, startApiServer } from '../k8s/harness.js';
import { type Manager, installUpstreamCrds, peersAvailable, startManager } from './harness.js';
import { describeUnavailable } from './unavailable.js';
import { type PoolCase, type Scenario, claimName, claimObjectOf, poolName, poolObjectOf, reproduction, scenarioArb } from './scenario.js';

const availability = peersAvailable(['incluster']);
const RUNS = Number(process.env.CAPI_IONOS_PEERS_RUNS || 20);
const SEED = process.env.CAPI_IONOS_PEERS_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.CAPI_IONOS_PEERS_SEED);

/** One side of the comparison: a fresh API server and whatever binds claims on it. */
interface Side {
  readonly name: 'provider' | 'ours';
  readonly server: ApiServer;
  readonly store: KubeStore;
}

/** What a pool ended up with, independent of the order claims were bound in. */
interface PoolFacts {
  addresses: string[];
  prefixes: number[];
  gateways: string[];
  bound: number;
  unbound: number;
  status: unknown;
}

let runCounter = 0;

describe.skipIf(!availability.ok)('allocation: the In-Cluster IPAM provider and our binder agree (differential)', () => {
  let provider: Side;
  let ours: Side;
  let incluster: Manager | undefined;
  let binder: ClaimBinder | undefined;

  async function side(name: Side['name']): Promise<Side> {
    const server = await startApiServer();
    try {
      await installUpstreamCrds(server, ['capi-core', 'incluster']);
    } catch (e) {
      await server.stop();
      throw e;
    }
    return { name, server, store: new KubeStore({ kubeconfig: server.kubeconfigPath }, { userAgent: `capi-ionos-test/${name}` }) };
  }

  beforeAll(async () => {
    console.info(`[peers/allocation] fast-check seed ${SEED}, ${RUNS} runs per property (CAPI_IONOS_PEERS_SEED=${SEED} replays)`);
    [provider, ours] = await Promise.all([side('provider'), side('ours')]);
    incluster = await startManager(provider.server, 'incluster');
    binder = runClaimBinder({ store: ours.store, clock: systemClock, identity: 'differential', leaderElection: false, workers: 1 });
    // Our side's admission of pools, as `capi-ionos` synthesises it for the reconciler.
    const chart = new Chart(Testing.app(), 'admission');
    new PoolAdmissionPolicy(chart, 'Pools');
    expect(applyErrors(await applyServerSide(ours.server, Testing.synth(chart) as HarnessObject[]))).toEqual([]);
    await ensureNamespace(ours.server, 'probe');
    const probe = poolObjectOf('probe', 0, { kind: 'InClusterIPPool', spec: { addresses: ['10.0.0.300'], prefix: 24 }, claims: 0 });
    const probePath = (await resourcePath(ours.server, probe as HarnessObject)).replace(/\/[^/]+$/, '');
    // A policy takes a moment to be enforced after it is created.
    for (const deadline = Date.now() + 30_000; ;) {
      if ((await kubeRequest(ours.server, 'POST', `${probePath}?dryRun=All`, { body: probe })).status === 422) break;
      if (Date.now() > deadline) throw new Error('the PoolAdmissionPolicy is not enforced after 30 s');
      await sleep(200);
    }
  }, 300_000);

  afterAll(async () => {
    await binder?.stop();
    await incluster?.stop();
    for (const s of [provider, ours]) {
      s?.store.close();
      await s?.server.stop();
    }
  }, 120_000);

  /** A fresh namespace with the claims' Cluster, the same name on both sides. */
  async function freshNamespace(s: Side, ns: string): Promise<void> {
    await ensureNamespace(s.server, ns);
    await s.store.create({ apiVersion: RESOURCES.cluster.apiVersion, kind: 'Cluster', metadata: { name: 'prod-a', namespace: ns }, spec: {} });
  }

  async function claims(s: Side, ns: string): Promise<readonly KubeObject[]> {
    return (await s.store.list(RESOURCES.ipAddressClaim, { namespace: ns })).items;
  }

  async function addresses(s: Side, ns: string): Promise<Map<string, { address: string; prefix: number; gateway?: string }>> {
    const items = (await s.store.list(RESOURCES.ipAddress, { namespace: ns })).items;
    return new Map(items.map((a) => [a.metadata.name, a.spec as { address: string; prefix: number; gateway?: string }]));
  }

  async function poolStatus(s: Side, ns: string, index: number, pool: PoolCase): Promise<unknown> {
    const type = pool.kind === 'InClusterIPPool' ? RESOURCES.inClusterIPPool : RESOURCES.globalInClusterIPPool;
    return (await s.store.get(type, type.namespaced ? ns : undefined, poolName(ns, index, pool)))?.status;
  }

  /** Waits until every claim of `ns` is bound, or the number bound has not moved for `quietMs`. */
  async function settle(s: Side, ns: string, expected: number, quietMs = 3_000, timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = -1;
    let since = Date.now();
    for (;;) {
      const bound = (await claims(s, ns)).filter((c) => addressRef(c) !== undefined).length;
      if (bound === expected) return;
      if (bound !== last) [last, since] = [bound, Date.now()];
      else if (Date.now() - since > quietMs) return;
      if (Date.now() > deadline) throw new Error(`${s.name}: ${bound} of ${expected} claims bound after ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  /** Each pool's facts once its status counts what is bound (or 10 s passed). */
  async function facts(s: Side, ns: string, scenario: Scenario): Promise<PoolFacts[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const all = await claims(s, ns);
      const addrs = await addresses(s, ns);
      const result: PoolFacts[] = [];
      for (const [i, pool] of scenario.pools.entries()) {
        const mine = all.filter((c) => (c.spec as { poolRef: { name: string } }).poolRef.name === poolName(ns, i, pool));
        const bound = mine.filter((c) => addressRef(c) !== undefined).map((c) => addrs.get(addressRef(c)!)).filter((a) => a !== undefined);
        result.push({
          addresses: bound.map((a) => a.address).sort(),
          prefixes: [...new Set(bound.map((a) => a.prefix))].sort(),
          gateways: [...new Set(bound.map((a) => a.gateway ?? ''))].sort(),
          bound: bound.length,
          unbound: mine.length - bound.length,
          status: await poolStatus(s, ns, i, pool),
        });
      }
      const counted = result.every((f) => (f.status as { ipAddresses?: { used?: number } } | undefined)?.ipAddresses?.used === f.bound);
      if (counted || Date.now() > deadline) return result;
      await sleep(200);
    }
  }

  async function createPools(s: Side, ns: string, scenario: Scenario): Promise<void> {
    for (const [i, pool] of scenario.pools.entries()) await s.store.create(poolObjectOf(ns, i, pool));
  }

  function mismatch(what: string, scenario: Scenario, ns: string, a: unknown, b: unknown): Error {
    return new Error(
      `${what} differ.\n  In-Cluster provider: ${JSON.stringify(a)}\n  our binder:          ${JSON.stringify(b)}\n` +
        `Reproduce by applying to a cluster with the provider, then with our binder:\n${reproduction(scenario, ns)}`,
    );
  }

  it(`binds random bulk scenarios to the same addresses, prefixes, gateways and pool counts (${RUNS} seeds)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(12), async (scenario) => {
        const ns = `bulk-${++runCounter}`;
        const total = scenario.pools.reduce((n, p) => n + p.claims, 0);
        const run = async (s: Side) => {
          await freshNamespace(s, ns);
          await createPools(s, ns, scenario);
          const objects = scenario.pools.flatMap((pool, i) => Array.from({ length: pool.claims }, (_, n) => claimObjectOf(ns, i, pool, n)));
          for (let i = 0; i < objects.length; i += 8) await Promise.all(objects.slice(i, i + 8).map((o) => s.store.create(o)));
          await settle(s, ns, total);
          return facts(s, ns, scenario);
        };
        const [a, b] = await Promise.all([run(provider), run(ours)]);
        for (const [i, f] of a.entries()) {
          // The provider never hands one address out twice: the property's own sanity check.
          if (new Set(f.addresses).size !== f.addresses.length) throw mismatch(`pool ${i}: duplicate addresses of the provider`, scenario, ns, f.addresses, []);
          if (new Set(b[i]!.addresses).size !== b[i]!.addresses.length) throw mismatch(`pool ${i}: duplicate addresses of our binder`, scenario, ns, [], b[i]!.addresses);
        }
        if (JSON.stringify(a) !== JSON.stringify(b)) throw mismatch('the pools\' bindings and status', scenario, ns, a, b);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
  }, 900_000);

  it(`binds claims created one at a time to exactly the same addresses, also after a release (${RUNS} seeds)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(5, 2), async (scenario) => {
        const ns = `seq-${++runCounter}`;
        // Each step on both sides; a claim counts as unbound after 5 s without an address.
        const step = async (s: Side, claim: KubeObject): Promise<string | null> => {
          await s.store.create(claim);
          const deadline = Date.now() + 5_000;
          for (;;) {
            const got = await s.store.get(RESOURCES.ipAddressClaim, ns, claim.metadata.name);
            const ref = got && addressRef(got);
            if (ref) return ((await s.store.get(RESOURCES.ipAddress, ns, ref))?.spec as { address: string } | undefined)?.address ?? null;
            if (Date.now() > deadline) return null;
            await sleep(50);
          }
        };
        const release = async (s: Side, name: string): Promise<void> => {
          await s.store.delete(RESOURCES.ipAddressClaim, ns, name);
          const deadline = Date.now() + 20_000;
          while ((await s.store.get(RESOURCES.ipAddress, ns, name)) || (await s.store.get(RESOURCES.ipAddressClaim, ns, name))) {
            if (Date.now() > deadline) throw new Error(`${s.name}: claim ${name} not released after 20 s`);
            await sleep(50);
          }
        };
        await Promise.all([provider, ours].map(async (s) => {
          await freshNamespace(s, ns);
          await createPools(s, ns, scenario);
        }));
        const a: Record<string, string | null> = {};
        const b: Record<string, string | null> = {};
        for (const [i, pool] of scenario.pools.entries()) {
          for (let n = 0; n < pool.claims; n++) {
            const claim = claimObjectOf(ns, i, pool, n);
            [a[claim.metadata.name], b[claim.metadata.name]] = await Promise.all([step(provider, claim), step(ours, claim)]);
            if (a[claim.metadata.name] === null && b[claim.metadata.name] === null) break; // exhausted on both
          }
          // Release the first claim of a pool with two or more bound, then claim again: the
          // freed address (no grace period) is the lowest free one again.
          if (a[claimName(i, 0)] && a[claimName(i, 1)]) {
            await Promise.all([release(provider, claimName(i, 0)), release(ours, claimName(i, 0))]);
            const again = claimObjectOf(ns, i, pool, 99);
            [a[`${claimName(i, 0)} released, then ${claimName(i, 99)}`], b[`${claimName(i, 0)} released, then ${claimName(i, 99)}`]] =
              await Promise.all([step(provider, again), step(ours, again)]);
          }
        }
        if (JSON.stringify(a) !== JSON.stringify(b)) throw mismatch('claim → address', scenario, ns, a, b);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
  }, 900_000);

  it(`refuses a random pool update when the provider's webhook refuses it, as ipam.validatePoolUpdate does (${RUNS} seeds)`, async () => {
    let stricter = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb(4, 1), scenarioArb(0, 1), async (scenario, next) => {
        const ns = `upd-${++runCounter}`;
        const [pool] = scenario.pools;
        const type = pool!.kind === 'InClusterIPPool' ? RESOURCES.inClusterIPPool : RESOURCES.globalInClusterIPPool;
        const newSpec = next.pools[0]!.spec;
        // The update: the other scenario's pool spec (maybe another family or subnet) on this pool.
        const update = async (s: Side): Promise<{ inUse: string[]; refused: boolean; answer: string }> => {
          await freshNamespace(s, ns);
          await createPools(s, ns, scenario);
          for (let n = 0; n < pool!.claims; n++) await s.store.create(claimObjectOf(ns, 0, pool!, n));
          await settle(s, ns, pool!.claims);
          await facts(s, ns, scenario); // the pool's status counts what is bound (our policy reads it)
          const inUse = [...(await addresses(s, ns)).values()].map((a) => a.address).sort();
          // The binders write the pool too (finalizer, status): on a conflict, read it again.
          for (;;) {
            const stored = (await s.store.get(type, type.namespaced ? ns : undefined, poolName(ns, 0, pool!)))!;
            const res = await kubeRequest(s.server, 'PUT', await resourcePath(s.server, stored as HarnessObject), { body: { ...stored, spec: newSpec } });
            if (res.status === 409) continue;
            return { inUse, refused: res.status >= 400, answer: res.status >= 400 ? `refused ${res.status}: ${res.body?.message}` : 'allowed' };
          }
        };
        const [a, b] = await Promise.all([update(provider), update(ours)]);
        const ourErrors = [...validatePoolSpec(newSpec), ...validatePoolUpdate(pool!.spec, newSpec, a.inUse)];
        const what = `the verdicts on updating pool ${poolName(ns, 0, pool!)} (in use: ${a.inUse.join(', ')}) to ${JSON.stringify(newSpec)}`;
        if (a.refused !== ourErrors.length > 0) {
          throw mismatch(`${what} (ipam.validatePoolUpdate)`, scenario, ns, a.answer, ourErrors.length ? `refused: ${ourErrors.join('; ')}` : 'allowed');
        }
        if (JSON.stringify(a.inUse) !== JSON.stringify(b.inUse)) throw mismatch('addresses in use before the update', scenario, ns, a.inUse, b.inUse);
        if (a.refused && !b.refused) throw mismatch(`${what} (PoolAdmissionPolicy)`, scenario, ns, a.answer, b.answer);
        if (b.refused && !a.refused) stricter++;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
    console.info(`[peers/allocation] updates the policy refused and the provider allowed (only growing while in use): ${stricter} of ${RUNS}`);
  }, 900_000);

  it('refuses deleting a pool with addresses in use and creating an invalid pool, on both sides', async () => {
    const ns = `refuse-${++runCounter}`;
    const pool: PoolCase = { kind: 'InClusterIPPool', spec: { addresses: ['10.70.0.10-10.70.0.20'], prefix: 24, gateway: '10.70.0.1' }, claims: 1 };
    const scenario: Scenario = { pools: [pool] };
    const object = poolObjectOf(ns, 0, pool);
    const mixed = { ...object, metadata: { name: 'mixed', namespace: ns }, spec: { addresses: ['10.70.1.0/28', 'fd00::1'], prefix: 24 } };
    expect(validatePoolSpec(mixed.spec)).not.toEqual([]);
    await Promise.all([provider, ours].map(async (s) => {
      await freshNamespace(s, ns);
      await createPools(s, ns, scenario);
      await s.store.create(claimObjectOf(ns, 0, pool, 0));
      await settle(s, ns, 1);
      await facts(s, ns, scenario);
      const path = await resourcePath(s.server, object as HarnessObject);

      // GIVEN an address in use WHEN the pool is deleted THEN the provider's webhook refuses, and our policy.
      const del = await kubeRequest(s.server, 'DELETE', path);
      expect(del.status, `${s.name}: ${del.text}`).toBeGreaterThanOrEqual(400);
      expect(del.body?.message).toContain(s.name === 'provider' ? 'Pool has IPAddresses allocated' : 'IPAddresses allocated');
      // WHEN an invalid pool is created THEN it is refused.
      const created = await kubeRequest(s.server, 'POST', path.replace(/\/[^/]+$/, ''), { body: mixed });
      expect(created.status, `${s.name}: ${created.text}`).toBe(422);
      // WHEN the claim goes THEN the pool can be deleted.
      await s.store.delete(RESOURCES.ipAddressClaim, ns, claimName(0, 0));
      for (const deadline = Date.now() + 20_000; (await addresses(s, ns)).size > 0 && Date.now() < deadline;) await sleep(100);
      for (const deadline = Date.now() + 20_000; ;) {
        const again = await kubeRequest(s.server, 'DELETE', path);
        if (again.status === 200) break;
        // Our policy reads the count the binder keeps, which follows the release.
        if (Date.now() > deadline) throw new Error(`${s.name}: the released pool cannot be deleted: ${again.status} ${again.text}`);
        await sleep(200);
      }
    }));
  });
});

describeUnavailable('allocation: the In-Cluster IPAM provider and our binder agree (differential)', availability);
