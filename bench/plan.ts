/**
 * Planner benchmark: cluster pools in a /8 (with a gateway and 1,500 reserved ranges), with and
 * without endpoint VIPs, re-planned with a lock, and IPv6 /64 pools; the lock's text round trip.
 *
 * `npx tsx bench/plan.ts` prints a markdown table; `run()` returns it. Per-pool cost is the
 * median divided by the number of pools, so linear growth shows as a flat column.
 */
import { pathToFileURL } from 'node:url';
import { formatLock, parseLock } from '../src/ipam/lock.js';
import { plan, type EndpointRequest, type PlanInput, type PlanNetwork, type PoolRequest } from '../src/ipam/planner.js';
import { measure, table, type Timing } from './lib/measure.js';

/** A /8 with a gateway and 1,500 reserved /28s spread through it (every 11,000th address). */
function bigNetwork(): PlanNetwork {
  const reserved: string[] = [];
  for (let i = 0; i < 1500; i++) {
    const value = 1 + i * 11_000;
    const base = value - (value % 16);
    reserved.push(`10.${(base >> 16) & 255}.${(base >> 8) & 255}.${base & 255}/28`);
  }
  return { name: 'nodes', cidr: '10.0.0.0/8', gateway: '10.0.0.1', reserved };
}

/** `count` cluster pools with peaks from 1 to 60 (blocks of /28 to /25), deterministic. */
function clusterPools(count: number, network: string, size?: bigint): PoolRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const cluster = `cluster-${String(i).padStart(6, '0')}`;
    return {
      name: `${cluster}-${network}`, kind: 'InClusterIPPool', namespace: cluster, cluster, network,
      peak: ((i * 7919) % 60) + 1, ...(size === undefined ? {} : { size }),
    };
  });
}

function endpointsFor(pools: readonly PoolRequest[]): EndpointRequest[] {
  return pools.map((p) => ({ cluster: p.cluster!, network: p.network }));
}

/** Runs every case and returns the markdown report. */
export async function run(): Promise<string> {
  const timings: Timing[] = [];
  const perPool: string[] = [];
  const add = (timing: Timing, pools: number): void => {
    timings.push(timing);
    perPool.push(pools === 0 ? '' : `${((timing.medianMs * 1000) / pools).toFixed(2)} µs`);
  };
  const network = bigNetwork();

  const empty: PlanInput = { networks: [network], pools: [] };
  add(await measure('0 pools (fixed cost: the /8 and its reserved ranges)', () => plan(empty), { runs: 15, warmup: 5 }), 0);
  for (const count of [1_000, 10_000, 50_000]) {
    const input: PlanInput = { networks: [network], pools: clusterPools(count, 'nodes') };
    const result = plan(input);
    const failed = result.findings.filter((f) => f.severity === 'error').length;
    if (failed > 0) throw new Error(`benchmark fleet of ${count} pools does not fit (${failed} errors)`);
    add(await measure(`${String(count).replace(/\B(?=(\d{3})+$)/g, ',')} pools in a /8 (IPv4, 1,500 reserved)`, () => plan(input), { runs: count >= 50_000 ? 7 : 15, warmup: count >= 50_000 ? 2 : 5 }), count);
  }

  const pools10k = clusterPools(10_000, 'nodes');
  const withVips: PlanInput = { networks: [network], pools: pools10k, endpoints: endpointsFor(pools10k) };
  add(await measure('10,000 pools + 10,000 endpoint VIPs', () => plan(withVips), { runs: 15, warmup: 5 }), 10_000);

  const locked = plan({ networks: [network], pools: pools10k }).lock;
  const grown: PlanInput = { networks: [network], pools: [...pools10k, ...clusterPools(10_100, 'nodes').slice(10_000)], lock: locked };
  add(await measure('10,000 locked + 100 new pools (re-plan with the lock)', () => plan(grown), { runs: 15, warmup: 5 }), 10_100);

  const packed: PlanInput = { networks: [{ ...network, allocation: 'packed' }], pools: pools10k };
  add(await measure('10,000 pools in a packed /8', () => plan(packed), { runs: 15, warmup: 5 }), 10_000);

  const v6: PlanInput = { networks: [{ name: 'v6', cidr: 'fd00::/48', gateway: 'fd00::1' }], pools: clusterPools(10_000, 'v6', 2n ** 64n) };
  add(await measure('10,000 /64 pools in an IPv6 /48', () => plan(v6), { runs: 15, warmup: 5 }), 10_000);

  const v6small: PlanInput = { networks: [{ name: 'v6', cidr: 'fd00::/96', gateway: 'fd00::1' }], pools: clusterPools(10_000, 'v6') };
  add(await measure('10,000 headroom-sized pools in an IPv6 /96', () => plan(v6small), { runs: 15, warmup: 5 }), 10_000);

  const text = formatLock(locked);
  add(await measure('formatLock, 10,000 ranges', () => formatLock(locked), { runs: 15, warmup: 5 }), 10_000);
  add(await measure('parseLock, 10,000 ranges', () => parseLock(text), { runs: 5, warmup: 1 }), 10_000);

  return [
    '## IP planner',
    '',
    `Node ${process.version}; each case planned from scratch unless it says otherwise. Per-pool cost = median / pools.`,
    '',
    table(timings, { header: 'per pool', values: perPool }),
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then((report) => process.stdout.write(report), (error: unknown) => {
    process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    process.exitCode = 1;
  });
}
