/**
 * Allocator benchmark: what the next address costs in a pool with 10,000 addresses in use
 * (incremental PoolAllocator vs the stateless call vs a naive "rebuild the used set each time"),
 * and binding 100,000 claims over 1,000 pools with PoolAllocator.
 *
 *   npx tsx bench/allocate.ts
 */
import { pathToFileURL } from 'node:url';
import { nextFreeAddress, PoolAllocator } from '../src/ipam/allocator.js';
import { formatIp, parseCidr, parseIp } from '../src/ipam/ip.js';
import { parseAddressKey } from '../src/ipam/pool-entries.js';
import type { PoolSpec } from '../src/ipam/pool-spec.js';
import { measure, table, type Timing } from './lib/measure.js';

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

/** 12345 → "12,345" (no locale involved). */
function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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

/** Runs the allocator benchmarks; returns their markdown. */
export async function run(): Promise<string> {
  const a = await nextAddressCost();
  const b = await manyPools();
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
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await run());
}
