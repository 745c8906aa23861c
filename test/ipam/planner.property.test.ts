import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactPrefix, formatIp, formatRange, parseCidr, parseIp, type Family } from '../../src/ipam/ip.js';
import { validateLock } from '../../src/ipam/lock.js';
import {
  assertPlanOk, plan, type EndpointRequest, type LockEntry, type PlanInput, type PlanNetwork, type PlanResult, type PoolRequest,
} from '../../src/ipam/planner.js';
import { isProblemError } from '../../src/problems.js';
import { normalize, size, type Range } from '../../src/ipam/ranges.js';
import { parseRangeText } from '../../src/ipam/range-text.js';

// ---------------------------------------------------------------------------------------------
// Random fleets: a few small networks of both families (so fleets run out of room now and then),
// gateways, reserved ranges (adjacent, nested, partly outside), pool and endpoint requests.
// ---------------------------------------------------------------------------------------------

const CLUSTERS = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];

const networkArb = fc.record({
  family: fc.constantFrom<Family>(4, 6),
  hostBits: fc.integer({ min: 1, max: 9 }),
  slot: fc.integer({ min: 0, max: 3 }),
  at: fc.nat(),
  gateway: fc.option(fc.nat(), { nil: undefined }),
  reserved: fc.array(fc.record({ offset: fc.nat(), length: fc.integer({ min: 1, max: 40 }), asCidr: fc.boolean() }), { maxLength: 3 }),
  packed: fc.boolean(),
});

const requestArb = fc.record({
  cluster: fc.constantFrom(...CLUSTERS),
  network: fc.integer({ min: 0, max: 4 }), // 4 of 4 networks means "unknown" now and then
  peak: fc.integer({ min: 0, max: 40 }),
  size: fc.option(fc.integer({ min: 1, max: 70 }), { nil: undefined, freq: 3 }),
  shared: fc.boolean(),
  family: fc.option(fc.constantFrom<Family>(4, 6), { nil: undefined, freq: 2 }),
});

const fleetArb = fc.record({
  networks: fc.array(networkArb, { minLength: 1, maxLength: 4 }),
  requests: fc.array(requestArb, { maxLength: 14 }),
  endpoints: fc.array(fc.record({ cluster: fc.constantFrom(...CLUSTERS), network: fc.integer({ min: 0, max: 3 }) }), { maxLength: 4 }),
}).map(({ networks, requests, endpoints }): PlanInput => {
  const nets: PlanNetwork[] = networks.map((n, i) => {
    const total = 1n << BigInt(n.hostBits);
    // Networks sit in slots of 1024 addresses, so two networks overlap only when they share a slot.
    const slotBase = n.family === 4 ? parseIp('10.0.0.0')!.value + BigInt(n.slot) * 1024n : parseIp('fd00::')!.value + BigInt(n.slot) * 1024n;
    const start = slotBase + (BigInt(n.at) % (1024n / total)) * total;
    const prefix = (n.family === 4 ? 32 : 128) - n.hostBits;
    const text = (v: bigint): string => formatIp(v, n.family);
    const reserved = n.reserved.map((r) => {
      const first = start + (BigInt(r.offset) % total);
      if (r.asCidr) return `${text(first)}/${prefix + Math.min(n.hostBits, 2)}`; // host bits set on purpose: masked
      const last = first + BigInt(r.length) - 1n;
      return first === last ? text(first) : `${text(first)}-${text(last)}`; // may run past the end
    });
    return {
      name: `n${i}`, cidr: `${text(start)}/${prefix}`,
      ...(n.gateway === undefined ? {} : { gateway: text(start + (BigInt(n.gateway) % total)) }),
      reserved, allocation: n.packed ? 'packed' : 'aligned',
    };
  });
  const pools = new Map<string, PoolRequest>();
  for (const r of requests) {
    const network = r.network < nets.length ? nets[r.network]!.name : 'nx';
    const name = r.shared ? `shared-${network}` : `${r.cluster}-${network}`;
    if (pools.has(name)) continue;
    pools.set(name, {
      name, kind: r.shared ? 'GlobalInClusterIPPool' : 'InClusterIPPool', network, peak: r.peak,
      ...(r.shared ? {} : { namespace: r.cluster, cluster: r.cluster }),
      ...(r.size === undefined ? {} : { size: r.size }), ...(r.family === undefined ? {} : { family: r.family }),
    });
  }
  const eps = new Map<string, EndpointRequest>();
  for (const e of endpoints) if (!eps.has(e.cluster)) eps.set(e.cluster, { cluster: e.cluster, network: nets[e.network % nets.length]!.name });
  return { networks: nets, pools: [...pools.values()], endpoints: [...eps.values()] };
});

// ---------------------------------------------------------------------------------------------
// The invariants.
// ---------------------------------------------------------------------------------------------

interface NetFacts {
  family: Family;
  start: bigint;
  end: bigint;
  gateway?: bigint;
  reserved: Range[];
}

function facts(input: PlanInput): Map<string, NetFacts> {
  const out = new Map<string, NetFacts>();
  for (const n of input.networks) {
    const cidr = parseCidr(n.cidr)!;
    const gw = n.gateway === undefined ? undefined : parseIp(n.gateway);
    const reserved = (n.reserved ?? []).map((t) => parseRangeText(t)!).filter((r) => r.family === cidr.family);
    out.set(n.name, {
      family: cidr.family, start: cidr.start, end: cidr.end,
      ...(gw !== undefined && gw.family === cidr.family ? { gateway: gw.value } : {}),
      reserved: normalize(reserved),
    });
  }
  return out;
}

function hasFinding(result: PlanResult, path: string, codes: readonly string[]): boolean {
  return result.findings.some((f) => (f.path === path || f.path.startsWith(`${path}.`)) && codes.includes(f.code));
}

function strip(result: PlanResult): unknown {
  return { pools: result.pools, endpoints: result.endpoints, lock: result.lock };
}

/** Pools that the plan placed (not refused, not kept in conflict): the rules hold for them fully. */
function checkPlacement(input: PlanInput, result: PlanResult, exempt: (pool: string) => boolean = () => false): void {
  const nets = facts(input);
  const byNetwork = new Map<string, { owner: string; range: Range }[]>();
  for (const pool of result.pools) {
    const net = nets.get(pool.network)!;
    const capacityOk = pool.capacity >= BigInt(pool.required);
    if (!capacityOk) expect(hasFinding(result, `pools.${pool.name}`, ['pool-too-small', 'network-exhausted', 'renumber-refused'])).toBe(true);
    if (pool.ranges.length === 0) expect(hasFinding(result, `pools.${pool.name}`, ['network-exhausted'])).toBe(true);
    if (exempt(pool.name)) continue;
    expect(pool.capacity).toBe(size(normalize(pool.ranges)));
    expect(pool.addresses).toEqual(pool.ranges.map((r) => formatRange(r.start, r.end, net.family)));
    for (const range of pool.ranges) {
      expect(range.start >= net.start && range.end <= net.end).toBe(true);
      expect(range.start <= net.start && net.start <= range.end).toBe(false);
      if (net.family === 4) expect(range.start <= net.end && net.end <= range.end).toBe(false);
      if (net.gateway !== undefined) expect(range.start <= net.gateway && net.gateway <= range.end).toBe(false);
      for (const reserved of net.reserved) expect(reserved.start <= range.end && range.start <= reserved.end).toBe(false);
      if (input.networks.find((n) => n.name === pool.network)!.allocation === 'aligned' && pool.change !== 'unchanged') {
        expect(exactPrefix(range.start, range.end, net.family)).toBeDefined();
      }
      const list = byNetwork.get(pool.network) ?? [];
      list.push({ owner: pool.name, range });
      byNetwork.set(pool.network, list);
    }
  }
  for (const endpoint of result.endpoints) {
    const net = nets.get(endpoint.network)!;
    if (endpoint.address === undefined) {
      expect(hasFinding(result, `endpoints.${endpoint.cluster}`, ['network-exhausted'])).toBe(true);
      continue;
    }
    if (exempt(`endpoint:${endpoint.cluster}`)) continue;
    const value = parseIp(endpoint.address)!.value;
    expect(value > net.start && value <= net.end).toBe(true);
    if (net.family === 4) expect(value).not.toBe(net.end);
    expect(value).not.toBe(net.gateway);
    for (const reserved of net.reserved) expect(value >= reserved.start && value <= reserved.end).toBe(false);
    const list = byNetwork.get(endpoint.network) ?? [];
    list.push({ owner: `endpoint:${endpoint.cluster}`, range: { start: value, end: value } });
    byNetwork.set(endpoint.network, list);
  }
  // No two pools (or a pool and a VIP) in a network share an address.
  for (const list of byNetwork.values()) {
    list.sort((a, b) => (a.range.start < b.range.start ? -1 : 1));
    for (let i = 1; i < list.length; i++) expect(list[i]!.range.start > list[i - 1]!.range.end).toBe(true);
  }
  expect(validateLock(result.lock)).toEqual([]);
  // Every error is named when the plan is asserted.
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) expect(() => assertPlanOk(result)).not.toThrow();
  else {
    try {
      assertPlanOk(result);
      expect.unreachable();
    } catch (error) {
      expect(isProblemError(error)).toBe(true);
      for (const f of errors) expect((error as Error).message).toContain(`${f.path}: ${f.message}`);
    }
  }
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function shuffleInput(input: PlanInput, seed: number): PlanInput {
  return {
    ...input,
    networks: shuffled(input.networks, seed),
    pools: shuffled(input.pools, seed + 1),
    endpoints: shuffled(input.endpoints ?? [], seed + 2),
    ...(input.lock === undefined ? {} : { lock: { ranges: shuffled(input.lock.ranges, seed + 3) } }),
  };
}

/** A changed fleet: some pools gone, peaks and sizes changed, new reserved ranges, a moved gateway. */
const changeArb = fc.record({
  drop: fc.array(fc.boolean(), { maxLength: 14 }),
  peakDelta: fc.array(fc.integer({ min: -20, max: 40 }), { maxLength: 14 }),
  newSize: fc.array(fc.option(fc.integer({ min: 1, max: 70 }), { nil: undefined, freq: 2 }), { maxLength: 14 }),
  reserve: fc.array(fc.record({ network: fc.nat(3), offset: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }), { maxLength: 2 }),
  gateway: fc.option(fc.record({ network: fc.nat(3), offset: fc.nat() }), { nil: undefined }),
  dropEndpoints: fc.boolean(),
  prune: fc.boolean(),
  allowRenumber: fc.boolean(),
});

type Change = Parameters<Parameters<typeof changeArb.map>[0]>[0];

function applyChange(input: PlanInput, change: Change): PlanInput {
  const networks = input.networks.map((n) => ({ ...n, reserved: [...(n.reserved ?? [])] }));
  const nets = facts(input);
  for (const r of change.reserve) {
    const n = networks[r.network % networks.length]!;
    const f = nets.get(n.name)!;
    const first = f.start + (BigInt(r.offset) % (f.end - f.start + 1n));
    const last = first + BigInt(r.length) - 1n;
    n.reserved.push(`${formatIp(first, f.family)}-${formatIp(last, f.family)}`);
  }
  if (change.gateway !== undefined) {
    const n = networks[change.gateway.network % networks.length]!;
    const f = nets.get(n.name)!;
    n.gateway = formatIp(f.start + (BigInt(change.gateway.offset) % (f.end - f.start + 1n)), f.family);
  }
  const pools = input.pools.flatMap((p, i): PoolRequest[] => {
    if (change.drop[i] === true) return [];
    const peak = Math.max(0, p.peak + (change.peakDelta[i] ?? 0));
    const size = change.newSize[i];
    return [{ ...p, peak, ...(size === undefined ? {} : { size }) }];
  });
  return { networks, pools, endpoints: change.dropEndpoints ? [] : input.endpoints ?? [] };
}

function entryKey(e: LockEntry): string {
  const owner = e.purpose === 'pool' ? `pool:${e.pool}` : e.purpose === 'endpoint' ? `endpoint:${e.cluster}` : `retired:${e.pool ?? ''}:${e.cluster ?? ''}`;
  return `${e.network}|${e.family}|${e.start}|${e.end}|${owner}`;
}

describe('planner properties', () => {
  it('never overlaps pools, keeps them inside their network and off gateway, reserved ranges and VIPs, and sizes them for their peak', () => {
    fc.assert(fc.property(fleetArb, (input) => {
      checkPlacement(input, plan(input));
    }), { numRuns: 400 });
  });

  it('does not depend on the order of networks, pools, endpoints or lock entries', () => {
    fc.assert(fc.property(fleetArb, changeArb, fc.integer(), (input, change, seed) => {
      const first = plan(input);
      expect(strip(plan(shuffleInput(input, seed)))).toEqual(strip(first));
      expect(plan(shuffleInput(input, seed)).findings).toEqual(first.findings);
      const next: PlanInput = { ...applyChange(input, change), lock: first.lock, prune: change.prune, allowRenumber: change.allowRenumber };
      const a = plan(next);
      const b = plan(shuffleInput(next, seed ^ 0x5bd1e995));
      expect(strip(b)).toEqual(strip(a));
      expect(b.findings).toEqual(a.findings);
    }), { numRuns: 250 });
  });

  it('changes nothing when re-planned with the lock it produced', () => {
    fc.assert(fc.property(fleetArb, (input) => {
      const first = plan(input);
      const second = plan({ ...input, lock: first.lock });
      expect(second.lock).toEqual(first.lock);
      expect(second.pools.map((p) => [p.name, p.addresses])).toEqual(first.pools.map((p) => [p.name, p.addresses]));
      expect(second.endpoints.map((e) => [e.cluster, e.address])).toEqual(first.endpoints.map((e) => [e.cluster, e.address]));
      expect(second.findings).toEqual(first.findings);
    }), { numRuns: 300 });
  });

  it('changes no existing range when a cluster is added', () => {
    const newcomerArb = fc.record({
      pools: fc.array(fc.record({ network: fc.nat(3), peak: fc.integer({ min: 0, max: 60 }), size: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
      endpoint: fc.option(fc.nat(3), { nil: undefined }),
    });
    fc.assert(fc.property(fleetArb, newcomerArb, (input, newcomer) => {
      const first = plan(input);
      const pools = new Map<string, PoolRequest>();
      for (const p of newcomer.pools) {
        const network = input.networks[p.network % input.networks.length]!.name;
        pools.set(`new-${network}`, { name: `new-${network}`, kind: 'InClusterIPPool', namespace: 'new', cluster: 'new', network, peak: p.peak, ...(p.size === undefined ? {} : { size: p.size }) });
      }
      const endpoints = [...(input.endpoints ?? []), ...(newcomer.endpoint === undefined ? [] : [{ cluster: 'new', network: input.networks[newcomer.endpoint % input.networks.length]!.name }])];
      const second = plan({ ...input, pools: [...input.pools, ...pools.values()], endpoints, lock: first.lock });
      const now = new Set(second.lock.ranges.map(entryKey));
      for (const entry of first.lock.ranges) expect(now.has(entryKey(entry))).toBe(true);
      for (const pool of first.pools) expect(second.pools.find((p) => p.name === pool.name)!.addresses).toEqual(pool.addresses);
      for (const endpoint of first.endpoints) expect(second.endpoints.find((e) => e.cluster === endpoint.cluster)!.address).toBe(endpoint.address);
      checkPlacement({ ...input, pools: [...input.pools, ...pools.values()], endpoints }, second);
    }), { numRuns: 300 });
  });

  it('keeps every locked range of a changed fleet, or says why not, and is stable from then on', () => {
    fc.assert(fc.property(fleetArb, changeArb, (input, change) => {
      const first = plan(input);
      const next: PlanInput = { ...applyChange(input, change), lock: first.lock, prune: change.prune, allowRenumber: change.allowRenumber };
      const second = plan(next);
      const now = new Set(second.lock.ranges.map(entryKey));
      for (const entry of first.lock.ranges) {
        if (now.has(entryKey(entry))) continue;
        const path = entry.purpose === 'pool' ? entry.pool : entry.purpose === 'endpoint' ? entry.cluster : entry.pool ?? entry.cluster!;
        expect(second.findings.some((f) => (f.code === 'released' || f.code === 'renumbered') && f.path.endsWith(`.${path}`))).toBe(true);
        if (!change.allowRenumber) expect(second.findings.some((f) => f.code === 'released' && f.path.endsWith(`.${path}`))).toBe(true);
      }
      // Pools kept in conflict (refused) are the only ones allowed to break the placement rules.
      const refused = new Set(second.findings.filter((f) => f.code === 'renumber-refused' || (f.code === 'network-exhausted' && f.message.includes('re-planned'))).map((f) => f.path.replace(/^pools\./, '').replace(/^endpoints\./, 'endpoint:')));
      checkPlacement(next, second, (name) => refused.has(name));
      // Re-planned with its own lock it changes nothing — unless addresses it released (prune)
      // were held back from a pool that found no room; the next plan may then place that pool.
      const third = plan({ ...next, lock: second.lock });
      if (!change.prune || !second.findings.some((f) => f.code === 'network-exhausted')) {
        expect(third.lock).toEqual(second.lock);
        expect(third.pools.map((p) => p.addresses)).toEqual(second.pools.map((p) => p.addresses));
      } else {
        const later = new Set(third.lock.ranges.map(entryKey));
        for (const entry of second.lock.ranges) {
          const owner = entry.purpose === 'pool' ? entry.pool : entry.purpose === 'endpoint' ? entry.cluster : entry.pool ?? entry.cluster!;
          expect(later.has(entryKey(entry)) || third.findings.some((f) => (f.code === 'renumbered' || f.code === 'released') && f.path.endsWith(`.${owner}`))).toBe(true);
        }
      }
    }), { numRuns: 300 });
  });

  it('fails an impossible fleet with a message naming every conflict', () => {
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 6 }), fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 12 }), fc.boolean(),
      (hostBits, peaks, v6) => {
        const networks: PlanNetwork[] = [{ name: 'tiny', cidr: v6 ? `fd00::/${128 - hostBits}` : `10.0.0.0/${32 - hostBits}` }];
        const pools: PoolRequest[] = peaks.map((peak, i) => ({ name: `p${i}`, kind: 'GlobalInClusterIPPool', network: 'tiny', peak }));
        const result = plan({ networks, pools });
        const failed = result.pools.filter((p) => p.ranges.length === 0).map((p) => p.name);
        const demanded = pools.reduce((sum, p) => sum + p.peak + Math.max(2, Math.ceil(p.peak / 4)), 0);
        if (demanded > 2 ** hostBits) expect(failed.length).toBeGreaterThan(0);
        const exhausted = result.findings.filter((f) => f.code === 'network-exhausted').map((f) => f.path);
        expect(exhausted).toEqual(failed.map((n) => `pools.${n}`));
        if (failed.length > 0) {
          let message = '';
          try {
            assertPlanOk(result);
          } catch (error) {
            message = (error as Error).message;
          }
          for (const name of failed) expect(message).toContain(`pools.${name}: network "tiny"`);
        }
      },
    ), { numRuns: 200 });
  });
});

describe('counterexamples found by the properties, kept as examples', () => {
  it('keeps an aligned pool off an IPv6 network whose anycast address sits in the only block', () => {
    const input: PlanInput = { networks: [{ name: 'n0', cidr: 'fd00::/126' }], pools: [{ name: 'a', kind: 'GlobalInClusterIPPool', network: 'n0', peak: 0 }] };
    const result = plan(input);
    // Free: fd00::1 - fd00::3; a /127 fits at fd00::2.
    expect(result.pools[0]!.addresses).toEqual(['fd00::2/127']);
    checkPlacement(input, result);
  });

  it('re-plans a refused lock the same way twice', () => {
    const base: PlanInput = { networks: [{ name: 'n0', cidr: '10.0.0.0/28' }], pools: [{ name: 'a', kind: 'GlobalInClusterIPPool', network: 'n0', peak: 1 }] };
    const first = plan(base);
    const moved: PlanInput = { ...base, networks: [{ name: 'n0', cidr: '10.0.0.0/28', gateway: first.pools[0]!.addresses[0]!.split('/')[0]! }], lock: first.lock };
    const second = plan(moved);
    expect(second.findings.map((f) => f.code)).toEqual(['renumber-refused']);
    expect(plan({ ...moved, lock: second.lock }).lock).toEqual(second.lock);
  });

  it('keeps a pool grown for an explicit size stable (2 + 16 addresses for size 11 is no shrink)', () => {
    const input: PlanInput = { networks: [{ name: 'n1', cidr: '10.0.0.0/26' }], pools: [{ name: 'c0-n1', kind: 'InClusterIPPool', namespace: 'c0', cluster: 'c0', network: 'n1', peak: 0 }] };
    const first = plan(input);
    const next: PlanInput = { ...input, pools: [{ ...input.pools[0]!, size: 11 }], lock: first.lock, allowRenumber: true };
    const second = plan(next);
    expect(second.pools[0]!.addresses).toEqual(['10.0.0.2/31', '10.0.0.16/28']);
    expect(second.findings).toEqual([]);
    expect(plan({ ...next, lock: second.lock }).lock).toEqual(second.lock);
  });

  it('fails to renumber an endpoint that finds no free address, and keeps the old VIP', () => {
    const input: PlanInput = { networks: [{ name: 'n0', cidr: '10.0.0.0/27', reserved: ['10.0.0.0-10.0.0.15', '10.0.0.16/29'] }], pools: [], endpoints: [{ cluster: 'c0', network: 'n0' }] };
    const first = plan(input);
    expect(first.endpoints[0]!.address).toBe('10.0.0.30');
    const next: PlanInput = { ...input, networks: [{ ...input.networks[0]!, reserved: ['10.0.0.0-10.0.0.15', '10.0.0.16/29', '10.0.0.20-10.0.0.30'] }], lock: first.lock, allowRenumber: true };
    const second = plan(next);
    expect(second.endpoints[0]).toMatchObject({ address: '10.0.0.30', change: 'unchanged' });
    expect(second.findings.map((f) => f.code)).toEqual(['network-exhausted']);
    expect(second.lock).toEqual(first.lock);
  });

  it('does not hand out pruned addresses in the plan that prunes them, but does in the next one', () => {
    const input: PlanInput = {
      networks: [{ name: 'n0', cidr: '10.0.0.0/25', allocation: 'packed' }],
      pools: [{ name: 'c0-n0', kind: 'InClusterIPPool', network: 'n0', peak: 0, size: 24 }, { name: 'c5-n0', kind: 'InClusterIPPool', network: 'n0', peak: 36 }],
    };
    const first = plan(input);
    expect(first.pools.map((p) => p.addresses)).toEqual([['10.0.0.46-10.0.0.69'], ['10.0.0.1-10.0.0.45']]);
    const next: PlanInput = { ...input, networks: [{ ...input.networks[0]!, gateway: '10.0.0.1' }], pools: [{ ...input.pools[1]!, peak: 46 }], lock: first.lock, prune: true, allowRenumber: true };
    const second = plan(next);
    expect(second.findings.map((f) => f.code)).toEqual(['network-exhausted', 'released']);
    const third = plan({ ...next, lock: second.lock });
    expect(third.pools[0]!.addresses).toEqual(['10.0.0.46-10.0.0.103']);
  });

  it('does not grow a pool whose lock is refused', () => {
    const base: PlanInput = { networks: [{ name: 'n0', cidr: '10.0.0.0/24' }], pools: [{ name: 'a', kind: 'GlobalInClusterIPPool', network: 'n0', peak: 1 }] };
    const first = plan(base);
    expect(first.pools[0]!.addresses).toEqual(['10.0.0.4/30']);
    const second = plan({ networks: [{ name: 'n0', cidr: '10.0.0.0/24', gateway: '10.0.0.5' }], pools: [{ ...base.pools[0]!, peak: 30 }], lock: first.lock });
    expect(second.pools[0]!.addresses).toEqual(['10.0.0.4/30']);
    expect(second.findings.map((f) => f.code)).toEqual(['pool-too-small', 'renumber-refused']);
  });
});

