/**
 * Allocator benchmark: what the next address costs in a pool with 10,000 addresses in use
 * (incremental PoolAllocator vs the stateless call vs a naive "rebuild the used set each time"),
 * binding 100,000 claims over 1,000 pools with PoolAllocator, and the real thing: 100,000
 * IPAddressClaims over 1,000 InClusterIPPools bound by the claim binder over the in-memory store,
 * checked afterwards (every claim bound, no address twice in a pool).
 *
 *   npx tsx bench/allocate.ts
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { nextFreeAddress, PoolAllocator } from '../src/ipam/allocator.js';
import { formatIp, parseCidr, parseIp } from '../src/ipam/ip.js';
import { parseAddressKey } from '../src/ipam/pool-entries.js';
import type { PoolSpec } from '../src/ipam/pool-spec.js';
import { CLUSTER_NAME_LABEL, IPAM_API_GROUP, PROTECT_ADDRESS_FINALIZER, RELEASE_ADDRESS_FINALIZER } from '../src/reconciler/claims/api.js';
import { runClaimBinder, untilSettled, type ClaimBinderStats } from '../src/reconciler/claims/binder.js';
import { ManualClock } from '../src/reconciler/clock.js';
import { MemoryStore, type StoreCalls } from '../src/reconciler/memory-store.js';
import { RESOURCES, type KubeObject } from '../src/reconciler/store.js';
import { measure, table, thousands, timingOf, type Timing } from './lib/measure.js';

const USED = 10_000;
const BIG_POOL: PoolSpec = { addresses: ['10.0.0.0/16'], prefix: 16, gateway: '10.0.0.1' };

/**
 * 10,000 addresses in use after some churn: the lowest 10,100 allocatable addresses with every
 * 101st released again (so 100 holes the next claims fill), in a scrambled order.
 */
function usedAddresses(): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < USED; i++) {
    if (i % 101 !== 100) out.push(formatIp(0x0a000002n + BigInt(i), 4));
  }
  // A fixed scramble (multiplicative step coprime with the length): deterministic, no randomness.
  return out.map((_, i) => out[(i * 7919) % out.length]!);
}

/**
 * The naive way: on every call, rebuild the set of used addresses and walk the pool address by
 * address from its start. Handles the one spec shape of this benchmark (a CIDR and a gateway).
 */
function naiveNextFree(spec: PoolSpec, inUse: readonly string[]): string | null {
  const used = new Set<bigint>();
  for (const text of inUse) {
    // The allocator's own address parser, so that only the data structure differs.
    const key = parseAddressKey(text);
    if (key !== undefined) used.add(key);
  }
  const gateway = parseIp(spec.gateway!)!.value;
  const block = parseCidr(spec.addresses[0]!)!;
  for (let value = block.start + 1n; value < block.end; value++) {
    if (value !== gateway && !used.has(value)) return formatIp(value, 4);
  }
  return null;
}

/** 1 → "1 pool", 1000 → "1,000 pools". */
function count(value: number, noun: string): string {
  return `${thousands(value)} ${noun}${value === 1 ? '' : 's'}`;
}

function perCall(timing: Timing, calls: number): string {
  const micros = (timing.medianMs * 1000) / calls;
  return micros >= 100 ? `${micros.toFixed(0)} µs` : `${micros.toFixed(2)} µs`;
}

/** (a) The next address with 10,000 in use, three ways, in the same run. */
async function nextAddressCost(): Promise<string> {
  const inUse = usedAddresses();
  const allocator = PoolAllocator.fromSpec(BIG_POOL, inUse);
  const expected = nextFreeAddress(BIG_POOL, inUse);
  if (allocator.next() !== expected || naiveNextFree(BIG_POOL, inUse) !== expected) throw new Error('the three ways disagree');

  const calls = { incremental: 100_000, stateless: 200, naive: 200 };
  const timings: Timing[] = [];
  const notes: string[] = [];
  timings.push(await measure(`PoolAllocator.next() ×${thousands(calls.incremental)}`, () => {
    for (let i = 0; i < calls.incremental; i++) allocator.next();
  }));
  notes.push(perCall(timings[timings.length - 1]!, calls.incremental));
  timings.push(await measure(`nextFreeAddress(spec, inUse) ×${calls.stateless}`, () => {
    for (let i = 0; i < calls.stateless; i++) nextFreeAddress(BIG_POOL, inUse);
  }));
  notes.push(perCall(timings[timings.length - 1]!, calls.stateless));
  timings.push(await measure(`naive: rebuild used set + walk ×${calls.naive}`, () => {
    for (let i = 0; i < calls.naive; i++) naiveNextFree(BIG_POOL, inUse);
  }));
  notes.push(perCall(timings[timings.length - 1]!, calls.naive));

  // Binding more claims on top of the 10,000: each way must also record what it handed out.
  const claims = { incremental: 10_000, stateless: 200, naive: 200 };
  timings.push(await measure(`bind ${thousands(claims.incremental)} claims: PoolAllocator.allocateNext() (+ release to reset)`, () => {
    const taken: string[] = [];
    for (let i = 0; i < claims.incremental; i++) taken.push(allocator.allocateNext()!);
    for (const address of taken) allocator.release(address);
  }));
  notes.push(perCall(timings[timings.length - 1]!, claims.incremental));
  timings.push(await measure(`bind ${claims.stateless} claims: nextFreeAddress + push`, () => {
    const list = [...inUse];
    for (let i = 0; i < claims.stateless; i++) list.push(nextFreeAddress(BIG_POOL, list)!);
  }, { runs: 3 }));
  notes.push(perCall(timings[timings.length - 1]!, claims.stateless));
  timings.push(await measure(`bind ${claims.naive} claims: naive + push`, () => {
    const list = [...inUse];
    for (let i = 0; i < claims.naive; i++) list.push(naiveNextFree(BIG_POOL, list)!);
  }, { runs: 3 }));
  notes.push(perCall(timings[timings.length - 1]!, claims.naive));

  return table(timings, { header: 'per call', values: notes });
}

/** (b) 100,000 claims over 1,000 pools (100 each), claims arriving round-robin over the pools. */
async function manyPools(): Promise<string> {
  const poolCount = 1_000;
  const perPool = 100;
  const specs: PoolSpec[] = [];
  for (let i = 0; i < poolCount; i++) {
    const net = `10.${i >> 8}.${i & 255}`;
    specs.push({ addresses: [`${net}.0/24`], prefix: 24, gateway: `${net}.1` });
  }
  let last = '';
  const timing = await measure(`${thousands(poolCount * perPool)} claims over ${thousands(poolCount)} pools (build + allocateNext)`, () => {
    const allocators = specs.map((spec) => PoolAllocator.fromSpec(spec));
    for (let round = 0; round < perPool; round++) {
      for (const allocator of allocators) last = allocator.allocateNext()!;
    }
  });
  if (last !== '10.3.231.101') throw new Error(`unexpected last address ${last}`);
  const perSecond = ((poolCount * perPool) / timing.medianMs) * 1000;
  return table([timing], { header: 'claims/s', values: [thousands(Math.round(perSecond))] });
}

/** One pool of the binder runs: its name, spec, Cluster and how many claims it gets. */
interface BenchPool {
  readonly name: string;
  readonly cluster: string;
  readonly spec: PoolSpec;
  readonly claims: number;
}

/** What a binder run measured and counted. */
interface BinderRun {
  readonly populateMs: number;
  readonly bindMs: number;
  readonly claims: number;
  readonly stats: ClaimBinderStats;
  readonly calls: StoreCalls;
}

const NAMESPACE = 'fleet';

/**
 * Creates the pools, one Cluster per pool and the claims (round-robin over the pools, as
 * machines of many clusters come up together) in a fresh in-memory store, then starts one
 * claim binder (no leader election) and lets it run on the manual clock until it is settled.
 * The binder finds every claim in its first list. Afterwards checks, from the store, that every
 * claim is bound, that no address is held twice in a pool, that each pool handed out exactly
 * its lowest addresses and that each pool's status counts them; throws otherwise.
 */
async function bindWithBinder(pools: readonly BenchPool[]): Promise<BinderRun> {
  const clock = new ManualClock();
  const store = new MemoryStore({ clock });
  const started = performance.now();
  for (const pool of pools) {
    await store.create({ apiVersion: RESOURCES.cluster.apiVersion, kind: RESOURCES.cluster.kind, metadata: { name: pool.cluster, namespace: NAMESPACE }, spec: {} });
    await store.create({
      apiVersion: RESOURCES.inClusterIPPool.apiVersion,
      kind: RESOURCES.inClusterIPPool.kind,
      metadata: { name: pool.name, namespace: NAMESPACE },
      spec: { addresses: [...pool.spec.addresses], prefix: pool.spec.prefix, gateway: pool.spec.gateway },
    });
  }
  const most = Math.max(...pools.map((p) => p.claims));
  let claims = 0;
  for (let round = 0; round < most; round++) {
    for (const pool of pools) {
      if (round >= pool.claims) continue;
      await store.create({
        apiVersion: RESOURCES.ipAddressClaim.apiVersion,
        kind: RESOURCES.ipAddressClaim.kind,
        metadata: { name: `${pool.name}-${String(round).padStart(5, '0')}`, namespace: NAMESPACE, labels: { [CLUSTER_NAME_LABEL]: pool.cluster } },
        spec: { poolRef: { apiGroup: IPAM_API_GROUP, kind: RESOURCES.inClusterIPPool.kind, name: pool.name } },
      });
      claims++;
    }
  }
  const bindStart = performance.now();
  const binder = runClaimBinder({ store, clock, leaderElection: false });
  const settled = await untilSettled(clock, [binder]);
  const bindMs = performance.now() - bindStart;
  const stats = binder.stats;
  await binder.stop();
  if (!settled) throw new Error(`the binder did not settle (${JSON.stringify(stats)})`);
  verifyBindings(store, pools, claims);
  return { populateMs: bindStart - started, bindMs, claims, stats, calls: store.calls };
}

/** The checks of `bindWithBinder`; throws with the first few problems. */
function verifyBindings(store: MemoryStore, pools: readonly BenchPool[], claimCount: number): void {
  const problems: string[] = [];
  const problem = (text: string): void => {
    if (problems.length < 10) problems.push(text);
  };
  const addresses = new Map<string, KubeObject>(store.dump(RESOURCES.ipAddress).map((a) => [a.metadata.name, a]));
  const claims = store.dump(RESOURCES.ipAddressClaim);
  if (claims.length !== claimCount) problem(`${claims.length} claims in the store, ${claimCount} created`);
  if (addresses.size !== claimCount) problem(`${addresses.size} IPAddresses for ${claimCount} claims`);
  /** pool name → address → claim holding it. */
  const held = new Map<string, Map<string, string>>(pools.map((p) => [p.name, new Map()]));
  for (const claim of claims) {
    const name = claim.metadata.name;
    const poolName = (claim.spec as { poolRef: { name: string } }).poolRef.name;
    const ref = (claim.status as { addressRef?: { name?: string } } | undefined)?.addressRef?.name;
    const address = ref === undefined ? undefined : addresses.get(ref);
    if (address === undefined) {
      problem(`claim ${name} is not bound (status.addressRef: ${JSON.stringify(ref ?? null)})`);
      continue;
    }
    if (!(claim.metadata.finalizers ?? []).includes(RELEASE_ADDRESS_FINALIZER)) problem(`claim ${name} lacks its finalizer`);
    if (!(address.metadata.finalizers ?? []).includes(PROTECT_ADDRESS_FINALIZER)) problem(`IPAddress ${ref} is not committed`);
    const spec = address.spec as { address: string; poolRef: { name: string }; claimRef: { name: string } };
    if (spec.poolRef.name !== poolName || spec.claimRef.name !== name) problem(`IPAddress ${ref} names pool ${spec.poolRef.name} and claim ${spec.claimRef.name}, for claim ${name} of pool ${poolName}`);
    const inPool = held.get(spec.poolRef.name);
    const other = inPool?.get(spec.address);
    if (other !== undefined) problem(`${spec.address} of pool ${spec.poolRef.name} is held by claims ${other} and ${name}`);
    inPool?.set(spec.address, name);
  }
  const poolObjects = new Map(store.dump(RESOURCES.inClusterIPPool).map((p) => [p.metadata.name, p]));
  for (const pool of pools) {
    // Claims of one pool are bound one after another, each to the lowest free address: together
    // they hold exactly the pool's lowest addresses.
    const expected = PoolAllocator.fromSpec(pool.spec);
    const lowest = new Set(Array.from({ length: pool.claims }, () => expected.allocateNext()));
    const got = held.get(pool.name)!;
    if (got.size !== lowest.size || [...got.keys()].some((a) => !lowest.has(a))) problem(`pool ${pool.name} handed out other addresses than its lowest ${lowest.size}`);
    const status = (poolObjects.get(pool.name)?.status as { ipAddresses?: { used?: unknown } } | undefined)?.ipAddresses;
    if (status?.used !== pool.claims) problem(`pool ${pool.name} shows ${JSON.stringify(status ?? null)}, expected used ${pool.claims}`);
  }
  if (problems.length > 0) throw new Error(`the binder's result is wrong:\n  ${problems.join('\n  ')}`);
}

/**
 * (c) The real thing: 100,000 IPAddressClaims over 1,000 InClusterIPPools (/24s, 100 claims
 * each) bound by `runClaimBinder` over a MemoryStore on a ManualClock; and, to show that a
 * claim's cost does not grow with the addresses in use, 10,000 claims in one /16 pool.
 * One run each (the big one takes about a minute); the store is filled before the binder starts.
 */
async function realBinder(): Promise<{ table: string; notes: string[] }> {
  const many: BenchPool[] = Array.from({ length: 1_000 }, (_, i) => {
    const net = `10.${i >> 8}.${i & 255}`;
    const name = `pool-${String(i).padStart(4, '0')}`;
    return { name, cluster: `cluster-${String(i).padStart(4, '0')}`, spec: { addresses: [`${net}.0/24`], prefix: 24, gateway: `${net}.1` }, claims: 100 };
  });
  const one: BenchPool[] = [{ name: 'big', cluster: 'cluster-big', spec: BIG_POOL, claims: USED }];

  const timings: Timing[] = [];
  const rates: string[] = [];
  const notes: string[] = [];
  for (const [label, pools] of [
    [`${thousands(100_000)} claims over ${thousands(1_000)} pools (/24, 100 each)`, many],
    [`${thousands(USED)} claims in one /16 pool`, one],
  ] as const) {
    const result = await bindWithBinder(pools);
    const poolCount = pools.length;
    timings.push(timingOf(`store filled: ${count(poolCount, 'pool')}, ${count(poolCount, 'Cluster')}, ${count(result.claims, 'claim')}`, [result.populateMs]));
    rates.push('');
    timings.push(timingOf(`bind ${label}: runClaimBinder until untilSettled`, [result.bindMs]));
    rates.push(thousands(Math.round((result.claims / result.bindMs) * 1000)));
    const { stats, calls } = result;
    notes.push(
      `${label}: verified (every claim bound to a committed IPAddress of its pool, no address twice in a pool, each pool's lowest addresses, pool status counts); ` +
        `${thousands(stats.claimReconciles)} claim and ${thousands(stats.poolReconciles)} pool reconciles, ${stats.transientFailures} transient failures; ` +
        `store calls: ${thousands(calls.create)} create, ${thousands(calls.update)} update, ${thousands(calls.updateStatus)} updateStatus, ${thousands(calls.list)} list.`,
    );
  }
  return { table: table(timings, { header: 'claims/s', values: rates }), notes };
}

/** Runs the allocator benchmarks; returns their markdown. */
export async function run(): Promise<string> {
  const a = await nextAddressCost();
  const b = await manyPools();
  const c = await realBinder();
  return [
    '### Allocator',
    '',
    `(a) Next address in one /16 pool with ${thousands(USED)} addresses in use (Node ${process.version}):`,
    '',
    a,
    '',
    '(b) Binding claims with PoolAllocator:',
    '',
    b,
    '',
    '(c) Binding IPAddressClaims with the claim binder (runClaimBinder, no leader election, over MemoryStore on a ManualClock; one run each):',
    '',
    c.table,
    '',
    ...c.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await run());
}
