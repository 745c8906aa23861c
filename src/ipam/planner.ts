/**
 * The IP planner: networks and pool requests in, non-overlapping pool ranges, control-plane VIPs,
 * findings and a new lock out. Pure: no I/O, no environment, no clock, and no dependence on the
 * order of anything in the input.
 *
 * How it works (docs/planner.md tells the same for users):
 *
 * 1. Malformed input (unparsable CIDRs, negative peaks, an inconsistent lock) throws a
 *    `ProblemError` naming every problem, with index paths (`networks[1].cidr`).
 * 2. Requests are checked (duplicate names, unknown networks, mixed families); what fails is a
 *    finding, with name paths (`pools.prod-a-nodes`), and is not planned.
 * 3. Every locked range stays. A locked pool that would have to move, shrink or be renumbered is
 *    refused (`renumber-refused`), or with `allowRenumber` placed afresh in free space; its old
 *    range becomes a `retired` lock entry, taken until a plan with `prune`. A pool that needs
 *    more than it holds gets one appended range. Locked ranges nobody asks for any more are kept
 *    (`orphaned`) or, with `prune`, released. Addresses released by a plan are never handed out
 *    by that same plan (machines may still hold them until it is applied).
 * 4. Per network, in name order: free space is the network without its network address
 *    (IPv4; the subnet-router anycast address for IPv6), its broadcast address (IPv4), the
 *    gateway, the reserved ranges, the hand-written pools and every kept range. New blocks are
 *    placed first fit, largest first, then by pool name (code-unit order), then by part; VIPs
 *    then take the highest free addresses, by cluster name.
 */
import { bits, formatCidr, formatIp, formatRange, parseCidr, parseIp, prefixForSize, type Family } from './ip.js';
import { compareLockEntries, formatLockRange, sortLock, validateLock } from './lock.js';
import { compareText } from '../vocabulary.js';
import { largestFreeBlock, placeAligned, placeFromTop, placePacked, type BlockRequest } from './placement.js';
import type {
  Allocation, EndpointRequest, Finding, LockEntry, LockedEndpoint, LockedPoolRange, ManualPool, PlanChange,
  PlanInput, PlannedEndpoint, PlannedPool, PlanNetwork, PlanResult, PoolRequest, Severity,
} from './plan-model.js';
import { ProblemError, showValue, type Problem } from '../problems.js';
import { familyName, parseRangeText } from './range-text.js';
import { normalize, overlaps, size, subtract, type Range } from './ranges.js';
import { askedSize, blockFor, growthFor, isShrink, poolCapacity } from './sizing.js';

/** The planner's data model (inputs, outputs, findings, the lock), re-exported. */
export type * from './plan-model.js';

/** A network, parsed. */
interface Net {
  readonly name: string;
  readonly cidr: string;
  readonly family: Family;
  readonly start: bigint;
  readonly end: bigint;
  readonly prefix: number;
  readonly allocation: Allocation;
  /** The gateway when it is inside the network. */
  readonly gateway?: bigint;
  /** The gateway as written in canonical text (even when it is outside). */
  readonly gatewayText?: string;
  /** Reserved entries inside the network (clipped), with their text. */
  readonly reserved: readonly { readonly text: string; readonly range: Range }[];
  /** The reserved entries as one normalised set (for binary search). */
  readonly reservedSet: readonly Range[];
  /** Explicit control-plane endpoints inside the network: never planned. */
  readonly fixedEndpoints: readonly { readonly cluster: string; readonly value: bigint }[];
  /** Never planned: network/anycast address, broadcast, gateway, reserved, fixed endpoints (normalised). */
  readonly excluded: readonly Range[];
}

/** A manual pool, parsed. */
interface Manual {
  readonly name: string;
  readonly network?: string;
  readonly entries: readonly { readonly text: string; readonly family: Family; readonly range: Range }[];
}

/** Everything known about one valid pool request while planning. */
interface PoolState {
  readonly request: PoolRequest;
  readonly net: Net;
  readonly asked: bigint;
  /** The explicit size, when the request has one. */
  readonly explicit: bigint | undefined;
  /** Ranges kept from the lock, in part order. */
  kept: LockedPoolRange[];
  /** Ranges placed now, in part order. */
  placed: Range[];
  change: PlanChange;
  /** The locked ranges must move but may not (a `renumber-refused` finding): no growth. */
  refused: boolean;
  /** Why the locked ranges are being re-planned (allowRenumber); they stay taken meanwhile. */
  renumberReasons?: readonly string[];
  exhausted: boolean;
}

interface EndpointState {
  readonly request: EndpointRequest;
  readonly net: Net;
  kept?: LockedEndpoint;
  placed?: bigint;
  change: PlanChange;
  /** The locked VIP being re-planned (allowRenumber); it stays taken meanwhile. */
  replacing?: LockedEndpoint;
  renumberReasons?: readonly string[];
}

/** One block to place in a network. */
interface Want {
  readonly pool: string;
  readonly part: number;
}

const q = (text: string): string => showValue(text);

function isName(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function cidrHint(text: string): string {
  return text.includes(':') ? 'use x:x::x/n with n <= 128' : 'use a.b.c.d/n with n <= 32';
}

function sizeText(value: bigint): string {
  return value === 1n ? '1 address' : `${value} addresses`;
}

function blockText(size: bigint, net: Net): string {
  return net.allocation === 'aligned'
    ? `block of ${sizeText(size)} (a /${prefixForSize(size, net.family)})`
    : `run of ${sizeText(size)}`;
}

function sizeValue(size: number | bigint): bigint | undefined {
  if (typeof size === 'bigint') return size >= 1n ? size : undefined;
  return typeof size === 'number' && Number.isInteger(size) && size >= 1 ? BigInt(size) : undefined;
}

/** Reads and checks the input; throws every malformed value at once. */
function readInput(input: PlanInput): { nets: Map<string, Net>; manuals: Manual[]; findings: Finding[] } {
  const problems: Problem[] = [];
  const fixed: { cluster: string; family: Family; value: bigint }[] = [];
  (input.fixedEndpoints ?? []).forEach((endpoint, i) => {
    const ip = typeof endpoint.address === 'string' ? parseIp(endpoint.address) : undefined;
    if (!isName(endpoint.cluster)) problems.push({ path: `fixedEndpoints[${i}].cluster`, message: 'an endpoint needs the name of its cluster' });
    if (ip === undefined) problems.push({ path: `fixedEndpoints[${i}].address`, message: `${q(String(endpoint.address))} is not an IP address` });
    else fixed.push({ cluster: endpoint.cluster, family: ip.family, value: ip.value });
  });
  const findings: Finding[] = [];
  const nets = new Map<string, Net>();
  const networks = Array.isArray(input.networks) ? input.networks : [];
  if (!Array.isArray(input.networks)) problems.push({ path: 'networks', message: 'networks must be a list' });
  if (!Array.isArray(input.pools)) problems.push({ path: 'pools', message: 'pools must be a list' });

  networks.forEach((network: PlanNetwork, i) => {
    const at = (field: string): string => `networks[${i}].${field}`;
    const before = problems.length;
    if (!isName(network.name)) problems.push({ path: at('name'), message: 'a network needs a non-empty name' });
    else if (nets.has(network.name)) problems.push({ path: at('name'), message: `network name ${q(network.name)} is used twice; give each network its own name` });
    const cidr = typeof network.cidr === 'string' ? parseCidr(network.cidr) : undefined;
    if (cidr === undefined) {
      problems.push({ path: at('cidr'), message: `${q(String(network.cidr))} is not a valid IPv4 or IPv6 prefix; ${cidrHint(String(network.cidr))}` });
    } else if (parseIp(network.cidr.slice(0, network.cidr.indexOf('/')))!.value !== cidr.start) {
      problems.push({ path: at('cidr'), message: `${q(network.cidr)} has host bits set; write the network itself, ${formatCidr(cidr.start, cidr.prefix, cidr.family)}` });
    }
    let gateway: bigint | undefined;
    let gatewayText: string | undefined;
    if (network.gateway !== undefined) {
      const ip = typeof network.gateway === 'string' ? parseIp(network.gateway) : undefined;
      if (ip === undefined) problems.push({ path: at('gateway'), message: `${q(String(network.gateway))} is not an IP address; write one address such as 10.20.0.1 or fd00::1` });
      else {
        gatewayText = formatIp(ip.value, ip.family);
        if (cidr !== undefined && (ip.family !== cidr.family || ip.value < cidr.start || ip.value > cidr.end)) {
          findings.push({
            severity: 'error', code: 'gateway-outside-network', path: `networks.${network.name}.gateway`,
            message: `gateway ${gatewayText} of network ${q(network.name)} is outside its cidr `
              + `${formatCidr(cidr.start, cidr.prefix, cidr.family)}; use an address inside the network (usually its `
              + `first host)`,
          });
        } else gateway = ip.value;
      }
    }
    const reserved: { text: string; range: Range }[] = [];
    if (network.reserved !== undefined && !Array.isArray(network.reserved)) problems.push({ path: at('reserved'), message: 'reserved must be a list of CIDRs, first-last ranges or addresses' });
    (Array.isArray(network.reserved) ? network.reserved : []).forEach((text: unknown, j) => {
      const parsed = typeof text === 'string' ? parseRangeText(text) : undefined;
      if (parsed === undefined) {
        problems.push({ path: `${at('reserved')}[${j}]`, message: `${q(String(text))} is not an address, a first-last range (first <= last) or a CIDR` });
        return;
      }
      if (cidr === undefined) return;
      const inside = parsed.family === cidr.family && parsed.start >= cidr.start && parsed.end <= cidr.end;
      if (!inside) {
        const partly = parsed.family === cidr.family && parsed.start <= cidr.end && cidr.start <= parsed.end;
        findings.push({
          severity: 'warning', code: 'reserved-outside-network', path: `networks.${network.name}.reserved`,
          message: `reserved ${q(text as string)} is ${partly ? 'partly outside' : 'outside'} network `
            + `${q(network.name)} (${formatCidr(cidr.start, cidr.prefix, cidr.family)}); `
            + `${partly ? 'only the part inside counts' : 'it has no effect'} — fix the entry or the network's cidr`,
        });
      }
      if (parsed.family !== cidr.family) return;
      const start = parsed.start > cidr.start ? parsed.start : cidr.start;
      const end = parsed.end < cidr.end ? parsed.end : cidr.end;
      if (start <= end) reserved.push({ text: text as string, range: { start, end } });
    });
    const allocation = network.allocation ?? 'aligned';
    if (allocation !== 'aligned' && allocation !== 'packed') problems.push({ path: at('allocation'), message: `${q(String(allocation))} is not aligned or packed` });
    if (problems.length === before && cidr !== undefined) {
      const special: Range[] = [{ start: cidr.start, end: cidr.start }];
      if (cidr.family === 4) special.push({ start: cidr.end, end: cidr.end });
      if (gateway !== undefined) special.push({ start: gateway, end: gateway });
      const fixedEndpoints = fixed.filter((e) => e.family === cidr.family && e.value >= cidr.start && e.value <= cidr.end)
        .map((e) => ({ cluster: e.cluster, value: e.value }));
      for (const e of fixedEndpoints) special.push({ start: e.value, end: e.value });
      nets.set(network.name, {
        name: network.name, cidr: formatCidr(cidr.start, cidr.prefix, cidr.family), family: cidr.family,
        start: cidr.start, end: cidr.end, prefix: cidr.prefix, allocation,
        ...(gateway === undefined ? {} : { gateway }), ...(gatewayText === undefined ? {} : { gatewayText }),
        reserved, reservedSet: normalize(reserved.map((r) => r.range)), fixedEndpoints, excluded: normalize([...special, ...reserved.map((r) => r.range)]),
      });
    }
  });

  (Array.isArray(input.pools) ? input.pools : []).forEach((pool: PoolRequest, i) => {
    const at = (field: string): string => `pools[${i}].${field}`;
    if (!isName(pool.name)) problems.push({ path: at('name'), message: 'a pool needs a non-empty name' });
    if (pool.kind !== 'InClusterIPPool' && pool.kind !== 'GlobalInClusterIPPool') problems.push({ path: at('kind'), message: `${q(String(pool.kind))} is not InClusterIPPool or GlobalInClusterIPPool` });
    if (pool.namespace !== undefined && !isName(pool.namespace)) problems.push({ path: at('namespace'), message: 'namespace must be a non-empty name when given' });
    if (pool.namespace !== undefined && pool.kind === 'GlobalInClusterIPPool') problems.push({ path: at('namespace'), message: 'a GlobalInClusterIPPool is cluster-scoped; leave namespace out' });
    if (pool.cluster !== undefined && !isName(pool.cluster)) problems.push({ path: at('cluster'), message: 'cluster must be a non-empty name when given' });
    if (!isName(pool.network)) problems.push({ path: at('network'), message: 'a pool needs the name of its network' });
    if (pool.family !== undefined && pool.family !== 4 && pool.family !== 6) problems.push({ path: at('family'), message: `family ${String(pool.family)} is not 4 or 6` });
    if (!Number.isSafeInteger(pool.peak) || pool.peak < 0) problems.push({ path: at('peak'), message: `peak ${String(pool.peak)} is not a whole number >= 0` });
    if (pool.size !== undefined && sizeValue(pool.size) === undefined) problems.push({ path: at('size'), message: `size ${String(pool.size)} is not a whole number >= 1; leave it out to size the pool from its peak` });
  });

  (input.endpoints ?? []).forEach((endpoint: EndpointRequest, i) => {
    if (!isName(endpoint.cluster)) problems.push({ path: `endpoints[${i}].cluster`, message: 'an endpoint needs the name of its cluster' });
    if (!isName(endpoint.network)) problems.push({ path: `endpoints[${i}].network`, message: 'an endpoint needs the name of its network' });
  });

  const manuals: Manual[] = [];
  (input.manualPools ?? []).forEach((manual: ManualPool, i) => {
    const at = (field: string): string => `manualPools[${i}].${field}`;
    const before = problems.length;
    if (!isName(manual.name)) problems.push({ path: at('name'), message: 'a hand-written pool needs its name' });
    if (manual.network !== undefined && !isName(manual.network)) problems.push({ path: at('network'), message: 'network must be a non-empty name when given' });
    const entries: { text: string; family: Family; range: Range }[] = [];
    if (!Array.isArray(manual.addresses) || manual.addresses.length === 0) {
      problems.push({ path: at('addresses'), message: 'addresses must be a non-empty list (the provider requires at least one entry)' });
    } else {
      manual.addresses.forEach((text: unknown, j) => {
        const parsed = typeof text === 'string' ? parseRangeText(text) : undefined;
        if (parsed === undefined) problems.push({ path: `${at('addresses')}[${j}]`, message: `${q(String(text))} is not an address, a first-last range (first <= last) or a CIDR` });
        else entries.push({ text: text as string, family: parsed.family, range: { start: parsed.start, end: parsed.end } });
      });
    }
    if (problems.length === before) manuals.push({ name: manual.name, ...(manual.network === undefined ? {} : { network: manual.network }), entries });
  });

  if (input.lock !== undefined) {
    if (!Array.isArray(input.lock.ranges)) problems.push({ path: 'lock.ranges', message: 'the lock\'s ranges must be a list' });
    else problems.push(...validateLock(input.lock, 'lock.'));
  }
  if (problems.length > 0) throw new ProblemError('input', problems);
  return { nets, manuals, findings };
}

/** Warnings for networks whose CIDRs overlap (sort by start, then each against those it reaches). */
function overlappingNetworks(nets: readonly Net[]): Finding[] {
  const findings: Finding[] = [];
  const sorted = [...nets].sort((a, b) => a.family - b.family || (a.start < b.start ? -1 : a.start > b.start ? 1 : compareText(a.name, b.name)));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.family === sorted[i]!.family && sorted[j]!.start <= sorted[i]!.end; j++) {
      const [first, second] = compareText(sorted[i]!.name, sorted[j]!.name) < 0 ? [sorted[i]!, sorted[j]!] : [sorted[j]!, sorted[i]!];
      findings.push({
        severity: 'warning', code: 'overlapping-networks', path: `networks.${first.name}`,
        message: `network ${q(first.name)} (${first.cidr}) overlaps network ${q(second.name)} (${second.cidr}); pools `
          + `are planned per network, so both can get the same addresses — give them disjoint cidrs unless they are `
          + `separate LANs that never meet`,
      });
    }
  }
  return findings;
}

/** Whether `range` shares an address with the normalised set (binary search). */
function touches(set: readonly Range[], range: Range): boolean {
  let lo = 0;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (set[mid]!.end < range.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < set.length && set[lo]!.start <= range.end;
}

/** Why a locked range can no longer stay where it is in `net` (empty: it can). */
function lockedRangeConflicts(range: Range, family: Family, net: Net): string[] {
  const text = (): string => formatRange(range.start, range.end, family);
  if (family !== net.family || range.start < net.start || range.end > net.end) {
    return [`the network is now ${net.cidr} and ${text()} lies outside it`];
  }
  const reasons: string[] = [];
  if (range.start <= net.start) reasons.push(`${text()} now holds the network's `
    + `${net.family === 4 ? 'network address' : 'subnet-router anycast address'} ${formatIp(net.start, net.family)}, `
    + `which the provider never hands out`);
  if (net.family === 4 && range.end >= net.end) reasons.push(`${text()} now holds the network's broadcast address `
    + `${formatIp(net.end, 4)}`);
  if (net.gateway !== undefined && range.start <= net.gateway && net.gateway <= range.end) reasons.push(`the gateway `
    + `${formatIp(net.gateway, net.family)} now lies inside ${text()}`);
  if (touches(net.reservedSet, range)) {
    const hit = net.reserved.filter((r) => overlaps(r.range, range)).map((r) => q(r.text));
    if (hit.length > 0) reasons.push(`reserved ${hit.join(', ')} now overlap${hit.length === 1 ? 's' : ''} ${text()}`);
  }
  for (const e of net.fixedEndpoints) {
    if (range.start <= e.value && e.value <= range.end) reasons.push(`the control-plane endpoint ${formatIp(e.value, net.family)} of cluster ${q(e.cluster)} now lies inside ${text()}`);
  }
  return reasons;
}

function severityRank(severity: Severity): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2;
}

/** The findings' order: errors first, then by path, code and message. */
export function compareFindings(a: Finding, b: Finding): number {
  return severityRank(a.severity) - severityRank(b.severity) || compareText(a.path, b.path) || compareText(a.code, b.code) || compareText(a.message, b.message);
}

/** What every phase of {@link plan} reads and adds to. */
interface Planning {
  readonly nets: ReadonlyMap<string, Net>;
  readonly manuals: readonly Manual[];
  /** Network names in code-unit order. */
  readonly networkNames: readonly string[];
  readonly prune: boolean;
  readonly allowRenumber: boolean;
  readonly findings: Finding[];
  /** Lock entries that stay. */
  readonly kept: LockEntry[];
  /**
   * Ranges released now (pruned, or left by a renumbered pool or VIP): taken while placing, so
   * that nothing lands on addresses machines may still hold; they are free from the next plan.
   */
  readonly held: LockEntry[];
  /** Lock entries this plan adds. */
  readonly fresh: LockEntry[];
  /** The valid pool requests by name, in name order, and the names of the rejected ones. */
  readonly pools: Map<string, PoolState>;
  readonly rejected: Set<string>;
  /** The valid endpoint requests by cluster, in cluster order, and the rejected clusters. */
  readonly endpoints: Map<string, EndpointState>;
  readonly rejectedEndpoints: Set<string>;
  /** The locked ranges of each pool, in part order. */
  readonly lockedPools: Map<string, LockedPoolRange[]>;
}

/**
 * Plans every pool and control-plane VIP of a fleet, keeping what the lock holds: the phases of
 * the module comment, one function each.
 *
 * @returns pools (sorted by network, then name), endpoints (by cluster), findings (errors
 *   first) and the new lock (sorted). Planning never throws for a fleet that does not fit: every
 *   conflict is a finding, and `assertPlanOk` turns the errors into one `ProblemError`.
 * @throws ProblemError (layer `input`) for malformed input, naming every problem
 */
export function plan(input: PlanInput): PlanResult {
  const { nets, manuals, findings } = readInput(input);
  const p: Planning = {
    nets, manuals, findings,
    networkNames: [...nets.keys()].sort(compareText),
    prune: input.prune === true,
    allowRenumber: input.allowRenumber === true,
    kept: [], held: [], fresh: [],
    pools: new Map(), rejected: new Set(), endpoints: new Map(), rejectedEndpoints: new Set(), lockedPools: new Map(),
  };
  findings.push(...overlappingNetworks([...nets.values()]));
  acceptPools(p, input.pools);
  acceptEndpoints(p, input.endpoints ?? []);
  keepLockedEntries(p, [...(input.lock?.ranges ?? [])].sort(compareLockEntries));
  keepLockedPools(p);
  const freeLeft = placeNew(p);
  const planned = finishPools(p, freeLeft);
  const plannedEndpoints = finishEndpoints(p);
  const lock = sortLock({ ranges: [...p.kept, ...p.fresh] });
  findings.push(...manualFindings(manuals, nets, lock.ranges));
  findings.sort(compareFindings);
  return { pools: planned, endpoints: plannedEndpoints, findings: dedupe(findings), lock };
}

/** The networks a finding can suggest. */
function knownNetworks(p: Planning): string {
  const names = p.networkNames;
  return names.length === 0 ? 'none are defined' : `defined: `
    + `${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''}`;
}

/** Pool requests: duplicates, unknown networks and mixed families are findings, not plans. */
function acceptPools(p: Planning, requested: readonly PoolRequest[]): void {
  const { nets, manuals, findings, rejected, pools } = p;
  const byName = new Map<string, PoolRequest[]>();
  for (const request of requested) {
    const list = byName.get(request.name);
    if (list === undefined) byName.set(request.name, [request]);
    else list.push(request);
  }
  const manualNames = new Map<string, number>();
  for (const manual of manuals) manualNames.set(manual.name, (manualNames.get(manual.name) ?? 0) + 1);
  for (const name of [...new Set([...byName.keys(), ...manualNames.keys()])].sort(compareText)) {
    const requests = byName.get(name) ?? [];
    const handWritten = manualNames.get(name) ?? 0;
    if (requests.length + handWritten > 1) {
      const what = [
        ...requests.map((r) => `${r.kind}${r.namespace === undefined ? '' : ` in namespace ${r.namespace}`}${r.cluster === undefined ? '' : ` of cluster ${r.cluster}`}`).sort(compareText),
        ...new Array<string>(handWritten).fill('a hand-written pool'),
      ];
      findings.push({
        severity: 'error', code: 'duplicate-pool', path: `pools.${name}`,
        message: `pool name ${q(name)} is used ${requests.length + handWritten} times (${what.join('; ')}); pool names `
          + `must be unique across the fleet — rename all but one`,
      });
      rejected.add(name);
      continue;
    }
    const request = requests[0];
    if (request === undefined) continue;
    const net = nets.get(request.network);
    if (net === undefined) {
      findings.push({
        severity: 'error', code: 'unknown-network', path: `pools.${name}.network`,
        message: `pool ${q(name)} asks for network ${q(request.network)}, which is not defined (${knownNetworks(p)}); `
          + `define it under networks or fix the name`,
      });
      rejected.add(name);
      continue;
    }
    if (request.family !== undefined && request.family !== net.family) {
      findings.push({
        severity: 'error', code: 'mixed-family', path: `pools.${name}.family`,
        message: `pool ${q(name)} asks for ${familyName(request.family)} from network ${q(net.name)}, which is `
          + `${familyName(net.family)} (${net.cidr}); use an ${familyName(request.family)} network or ask for `
          + `${familyName(net.family)}`,
      });
      rejected.add(name);
      continue;
    }
    const explicit = request.size === undefined ? undefined : sizeValue(request.size)!;
    pools.set(name, {
      request, net, asked: askedSize(BigInt(request.peak), explicit), explicit,
      kept: [], placed: [], change: 'added', refused: false, exhausted: false,
    });
  }
}

/** Endpoint requests: a cluster asking twice, or from an unknown network, is a finding. */
function acceptEndpoints(p: Planning, requested: readonly EndpointRequest[]): void {
  const { nets, findings, rejectedEndpoints, endpoints } = p;
  const endpointsByCluster = new Map<string, EndpointRequest[]>();
  for (const request of requested) endpointsByCluster.set(request.cluster, [...(endpointsByCluster.get(request.cluster) ?? []), request]);
  for (const cluster of [...endpointsByCluster.keys()].sort(compareText)) {
    const requests = endpointsByCluster.get(cluster)!;
    if (requests.length > 1) {
      findings.push({
        severity: 'error', code: 'duplicate-endpoint', path: `endpoints.${cluster}`,
        message: `cluster ${q(cluster)} asks for ${requests.length} control-plane endpoints (networks `
          + `${requests.map((r) => r.network).sort(compareText).join(', ')}); a cluster has one endpoint — keep one `
          + `request`,
      });
      rejectedEndpoints.add(cluster);
      continue;
    }
    const request = requests[0]!;
    const net = nets.get(request.network);
    if (net === undefined) {
      findings.push({
        severity: 'error', code: 'unknown-network', path: `endpoints.${cluster}.network`,
        message: `the control-plane endpoint of cluster ${q(cluster)} asks for network ${q(request.network)}, which is `
          + `not defined (${knownNetworks(p)}); define it under networks or fix the name`,
      });
      rejectedEndpoints.add(cluster);
      continue;
    }
    endpoints.set(cluster, { request, net, change: 'added' });
  }
}

/**
 * The lock's retired ranges and VIPs: keep, refuse, re-plan, orphan or release each; gathers the
 * pools' ranges for {@link keepLockedPools}.
 */
function keepLockedEntries(p: Planning, lockEntries: readonly LockEntry[]): void {
  const { findings, kept, held, lockedPools, endpoints, rejectedEndpoints, prune, allowRenumber } = p;
  for (const entry of lockEntries) {
    if (entry.purpose === 'pool') {
      const list = lockedPools.get(entry.pool);
      if (list === undefined) lockedPools.set(entry.pool, [entry]);
      else list.push(entry);
    } else if (entry.purpose === 'retired') {
      const path = entry.pool !== undefined ? `lock.pools.${entry.pool}` : `lock.endpoints.${entry.cluster!}`;
      const what = `${formatLockRange(entry)} in network ${q(entry.network)}, the old range of ${entry.pool !== undefined ? `pool ${q(entry.pool)}` : `the control-plane endpoint of cluster ${q(entry.cluster!)}`} before it was renumbered`;
      if (prune) {
        held.push(entry);
        findings.push({ severity: 'info', code: 'released', path, message: `released ${what}; no pool gets it in this plan` });
      } else {
        kept.push(entry);
        findings.push({ severity: 'warning', code: 'orphaned', path, message: `the lock holds ${what}; it stays reserved while machines may still use it — once they have moved, plan with prune (--prune) to release it` });
      }
    } else if (endpoints.has(entry.cluster)) {
      const state = endpoints.get(entry.cluster)!;
      const reasons = entry.network !== state.net.name
        ? [`it now asks for network ${q(state.net.name)} instead of ${q(entry.network)}`]
        : lockedRangeConflicts(entry, entry.family, state.net);
      if (reasons.length === 0) {
        kept.push(entry);
        state.kept = entry;
        state.change = 'unchanged';
      } else if (allowRenumber) {
        held.push(entry);
        state.replacing = entry;
        state.renumberReasons = reasons;
        state.change = 'renumbered';
      } else {
        kept.push(entry);
        state.kept = entry;
        state.change = 'unchanged';
        findings.push({
          severity: 'error', code: 'renumber-refused', path: `endpoints.${entry.cluster}`,
          message: `the control-plane endpoint of cluster ${q(entry.cluster)} is locked at ${formatLockRange(entry)} `
            + `in network ${q(entry.network)}, but ${reasons.join('; ')}; the planner does not move a locked endpoint `
            + `— undo that change, or re-plan with allowRenumber (--allow-renumber), which gives the cluster a new `
            + `endpoint address`,
        });
      }
    } else if (rejectedEndpoints.has(entry.cluster)) {
      kept.push(entry);
    } else if (prune) {
      held.push(entry);
      findings.push({ severity: 'info', code: 'released', path: `lock.endpoints.${entry.cluster}`, message: `released ${formatLockRange(entry)} in network ${q(entry.network)}, the control-plane endpoint of cluster ${q(entry.cluster)}, which no longer asks for one; no pool gets it in this plan` });
    } else {
      kept.push(entry);
      findings.push({ severity: 'warning', code: 'orphaned', path: `lock.endpoints.${entry.cluster}`, message: `the lock holds ${formatLockRange(entry)} in network ${q(entry.network)} as the control-plane endpoint of cluster ${q(entry.cluster)}, which no longer asks for one; it stays reserved — plan with prune (--prune) to release it` });
    }
  }
}

/** The lock's pools: keep, grow, refuse, re-plan, orphan or release each. */
function keepLockedPools(p: Planning): void {
  const { findings, kept, held, lockedPools, pools, rejected, prune, allowRenumber } = p;
  // (Map order: first seen in the sorted lock. Everything this loop produces is sorted later.)
  for (const [name, entries] of lockedPools) {
    entries.sort((a, b) => a.part - b.part);
    const state = pools.get(name);
    const where = (): string => `${entries.map(formatLockRange).join(', ')} in network ${q(entries[0]!.network)}`;
    if (state === undefined) {
      if (rejected.has(name)) kept.push(...entries);
      else if (prune) {
        held.push(...entries);
        findings.push({ severity: 'info', code: 'released', path: `lock.pools.${name}`, message: `released ${where()}, the ranges of pool ${q(name)}, which is no longer in the fleet; no pool gets them in this plan` });
      }
      else {
        kept.push(...entries);
        const owner = entries[0]!.cluster === undefined ? '' : ` (cluster ${q(entries[0]!.cluster)})`;
        findings.push({ severity: 'warning', code: 'orphaned', path: `lock.pools.${name}`, message: `the lock holds ${where()} for pool ${q(name)}${owner}, which is no longer in the fleet; the addresses stay reserved — plan with prune (--prune) to release them` });
      }
      continue;
    }
    const { net, request } = state;
    const reasons: string[] = [];
    if (entries[0]!.network !== net.name) reasons.push(`it now asks for network ${q(net.name)} instead of `
      + `${q(entries[0]!.network)}`);
    else for (const entry of entries) reasons.push(...lockedRangeConflicts(entry, entry.family, net));
    const holds = size(normalize(entries));
    if (isShrink(state.explicit, holds, net.allocation)) {
      reasons.push(`its size is now ${state.explicit}, which would shrink it from the ${holds} addresses it holds`);
    }
    if (reasons.length === 0) {
      const updated = entries.map((entry): LockedPoolRange => ({
        purpose: 'pool', network: entry.network, family: entry.family, start: entry.start, end: entry.end,
        pool: name, part: entry.part, kind: request.kind,
        ...(request.namespace === undefined ? {} : { namespace: request.namespace }),
        ...(request.cluster === undefined ? {} : { cluster: request.cluster }),
      }));
      kept.push(...updated);
      state.kept = updated;
      state.change = 'unchanged';
    } else if (allowRenumber) {
      held.push(...entries);
      state.renumberReasons = reasons;
      state.change = 'renumbered';
    } else {
      kept.push(...entries);
      state.kept = entries;
      state.refused = true;
      state.change = 'unchanged';
      findings.push({
        severity: 'error', code: 'renumber-refused', path: `pools.${name}`,
        message: `pool ${q(name)} is locked at ${where()}, but ${reasons.join('; ')}; the planner does not move, `
          + `shrink or renumber a locked pool — undo that change, or re-plan with allowRenumber (--allow-renumber), `
          + `which moves the pool and gives its machines new addresses`,
      });
    }
  }
}

/**
 * Places the new blocks and VIPs, network by network in name order; returns each network's free
 * space afterwards (for the findings).
 */
function placeNew(p: Planning): Map<string, Range[]> {
  const { nets, manuals, networkNames, kept, held, pools, endpoints } = p;
  const wants = new Map<string, { pools: BlockRequest<Want>[]; endpoints: string[] }>();
  const wantsOf = (network: string): { pools: BlockRequest<Want>[]; endpoints: string[] } => {
    let list = wants.get(network);
    if (list === undefined) wants.set(network, (list = { pools: [], endpoints: [] }));
    return list;
  };
  for (const [name, state] of pools) {
    if (state.kept.length === 0) {
      wantsOf(state.net.name).pools.push({ item: { pool: name, part: 1 }, size: blockFor(state.asked, state.net.allocation) });
    } else if (!state.refused) {
      const holds = poolCapacity(state.kept, state.net.prefix, state.net.family, state.net.gateway);
      const grow = growthFor(state.asked, holds, state.net.allocation);
      if (grow > 0n) wantsOf(state.net.name).pools.push({ item: { pool: name, part: state.kept.length + 1 }, size: grow });
    }
  }
  for (const [cluster, state] of endpoints) if (state.kept === undefined) wantsOf(state.net.name).endpoints.push(cluster);

  const manualIn = (net: Net): Range[] => {
    const out: Range[] = [];
    for (const manual of manuals) {
      if (manual.network !== undefined && manual.network !== net.name) continue;
      for (const entry of manual.entries) if (entry.family === net.family) out.push(entry.range);
    }
    return out;
  };

  const takenIn = new Map<string, LockEntry[]>();
  for (const entry of [...kept, ...held]) {
    const list = takenIn.get(entry.network);
    if (list === undefined) takenIn.set(entry.network, [entry]);
    else list.push(entry);
  }
  const freeLeft = new Map<string, Range[]>();
  for (const name of networkNames) {
    const net = nets.get(name)!;
    const want = wants.get(name);
    if (want === undefined) continue;
    const taken = (takenIn.get(name) ?? []).filter((entry) => entry.family === net.family);
    let free = subtract([{ start: net.start, end: net.end }], normalize([...net.excluded, ...taken, ...manualIn(net)]));
    // Largest first; equal sizes keep their order, which is by pool name (`pools` was filled in
    // name order and each pool asks for at most one block per plan). Array sort is stable.
    const order = [...want.pools].sort((a, b) => (a.size > b.size ? -1 : a.size < b.size ? 1 : 0));
    const result = net.allocation === 'aligned' ? placeAligned(free, order) : placePacked(free, order);
    for (const { item, range } of result.placed) pools.get(item.pool)!.placed.push(range);
    for (const item of result.failed) pools.get(item.pool)!.exhausted = true;
    free = result.free;
    const top = placeFromTop(free, [...want.endpoints].sort(compareText));
    for (const { item, range } of top.placed) endpoints.get(item)!.placed = range.start;
    freeLeft.set(name, top.free);
  }
  return freeLeft;
}

/** Pools: ranges, capacity, findings, lock entries. */
function finishPools(p: Planning, freeLeft: ReadonlyMap<string, Range[]>): PlannedPool[] {
  const { networkNames, findings, kept, fresh, pools, lockedPools, prune } = p;
  const planned: PlannedPool[] = [];
  const largestText = new Map<string, string>();
  const largest = (net: Net): string => {
    let text = largestText.get(net.name);
    if (text === undefined) {
      const block = largestFreeBlock(freeLeft.get(net.name) ?? [], net.allocation === 'aligned');
      text = block === undefined ? 'nothing is free' : `the largest free `
        + `${net.allocation === 'aligned' ? 'block' : 'run'} is ${formatRange(block.start, block.end, net.family)} `
        + `(${sizeText(block.end - block.start + 1n)})`;
      largestText.set(net.name, text);
    }
    return text;
  };
  const byNetwork = new Map<string, [string, PoolState][]>();
  for (const entry of pools) {
    const list = byNetwork.get(entry[1].net.name);
    if (list === undefined) byNetwork.set(entry[1].net.name, [entry]);
    else list.push(entry);
  }
  for (const [name, state] of networkNames.flatMap((network) => byNetwork.get(network) ?? [])) {
    const { net, request } = state;
    const renumbered = state.renumberReasons !== undefined;
    let ranges: Range[];
    let change = state.change;
    const fix = 'enlarge the network, free space (prune removed clusters, shrink reserved ranges, move hand-written pools) or lower the pool\'s size';
    if (renumbered && state.placed.length === 0) {
      // Could not re-plan: it keeps what it had.
      const entries = lockedPools.get(name)!;
      ranges = entries.map((e) => ({ start: e.start, end: e.end }));
      kept.push(...entries);
      change = 'unchanged';
      state.refused = true;
      findings.push({
        severity: 'error', code: 'network-exhausted', path: `pools.${name}`,
        message: `pool ${q(name)} must be re-planned because ${state.renumberReasons!.join('; ')}, but network `
          + `${q(net.name)} (${net.cidr}) has no free ${blockText(blockFor(state.asked, net.allocation), net)} for it; `
          + `${largest(net)}. It keeps ${entries.map(formatLockRange).join(', ')} for now — ${fix}`,
      });
    } else if (renumbered) {
      ranges = state.placed;
      const from = lockedPools.get(name)!;
      const range = ranges[0]!;
      fresh.push(poolEntry(request, net, range, 1));
      if (!prune) {
        for (const old of from) {
          fresh.push({ purpose: 'retired', network: old.network, family: old.family, start: old.start, end: old.end, pool: name, ...(old.cluster === undefined ? {} : { cluster: old.cluster }) });
        }
      }
      findings.push({
        severity: 'warning', code: 'renumbered', path: `pools.${name}`,
        message: `pool ${q(name)} was re-planned because ${state.renumberReasons!.join('; ')}: `
          + `${from.map(formatLockRange).join(', ')} in network ${q(from[0]!.network)} → `
          + `${formatRange(range.start, range.end, net.family)}; its machines get new addresses as they are replaced, `
          + `and ${retiredText(prune)}`,
      });
    } else {
      ranges = state.kept.length === 0 ? state.placed : [...state.kept.map((e) => ({ start: e.start, end: e.end })), ...state.placed];
      state.placed.forEach((range, i) => fresh.push(poolEntry(request, net, range, state.kept.length + i + 1)));
      if (state.kept.length > 0 && state.placed.length > 0) change = 'grown';
      if (state.exhausted) {
        const grow = state.kept.length > 0;
        const held = poolCapacity(state.kept, net.prefix, net.family, net.gateway);
        const need = grow ? growthFor(state.asked, held, net.allocation) : blockFor(state.asked, net.allocation);
        findings.push({
          severity: 'error', code: 'network-exhausted', path: `pools.${name}`,
          message: grow
            ? `pool ${q(name)} holds ${sizeText(held)} but asks for ${state.asked} (peak `
              + `${request.peak}${state.explicit === undefined ? ' plus headroom' : ', explicit size'}); network `
              + `${q(net.name)} (${net.cidr}) has no free ${blockText(need, net)} to append; ${largest(net)} — ${fix}`
            : `network ${q(net.name)} (${net.cidr}) has no free ${blockText(need, net)} for pool ${q(name)} (asks for `
              + `${state.asked}: peak `
              + `${request.peak}${state.explicit === undefined ? ' plus headroom' : ', explicit size'}); `
              + `${largest(net)} — ${fix}`,
        });
      }
    }
    const capacity = poolCapacity(ranges, net.prefix, net.family, net.gateway);
    if (!state.refused && capacity !== (ranges.length === 1 ? ranges[0]!.end - ranges[0]!.start + 1n : size(normalize(ranges)))) {
      throw new Error(`planner invariant broken: pool ${name} holds an address the provider never hands out `
        + `(${ranges.map((r) => formatRange(r.start, r.end, net.family)).join(', ')})`);
    }
    if (capacity < BigInt(request.peak) && !state.exhausted) {
      findings.push({
        severity: 'error', code: 'pool-too-small', path: state.explicit === undefined ? `pools.${name}` : `pools.${name}.size`,
        message: `pool ${q(name)} holds ${sizeText(capacity)} but its machines need ${request.peak} at their peak (replicas + surge); ${state.explicit === undefined ? 'it cannot grow while its locked ranges are refused (see renumber-refused) — resolve that first' : `raise its size to at least ${request.peak}`}, or lower replicas or maxSurge`,
      });
    }
    planned.push({
      name, kind: request.kind,
      ...(request.namespace === undefined ? {} : { namespace: request.namespace }),
      ...(request.cluster === undefined ? {} : { cluster: request.cluster }),
      network: net.name, family: net.family, ranges,
      addresses: ranges.map((r) => formatPlannedRange(r, net.family)),
      prefix: net.prefix, ...(net.gatewayText === undefined ? {} : { gateway: net.gatewayText }),
      capacity, required: request.peak, headroom: capacity - BigInt(request.peak), change,
    });
  }
  return planned;
}

/** Endpoints: their addresses, findings and lock entries. */
function finishEndpoints(p: Planning): PlannedEndpoint[] {
  const { findings, kept, fresh, endpoints, prune } = p;
  const plannedEndpoints: PlannedEndpoint[] = [];
  for (const [cluster, state] of [...endpoints].sort((a, b) => compareText(a[0], b[0]))) {
    const { net } = state;
    let address: bigint | undefined = state.kept?.start;
    let change = state.change;
    if (state.kept === undefined) {
      const old = state.replacing;
      if (state.placed !== undefined) {
        address = state.placed;
        fresh.push({ purpose: 'endpoint', network: net.name, family: net.family, start: address, end: address, cluster });
        if (old !== undefined) {
          if (!prune) fresh.push({ purpose: 'retired', network: old.network, family: old.family, start: old.start, end: old.end, cluster });
          findings.push({
            severity: 'warning', code: 'renumbered', path: `endpoints.${cluster}`,
            message: `the control-plane endpoint of cluster ${q(cluster)} was re-planned because `
              + `${state.renumberReasons!.join('; ')}: ${formatLockRange(old)} in network ${q(old.network)} → `
              + `${formatIp(address, net.family)}; the cluster's API server moves to the new address, and `
              + `${retiredText(prune)}`,
          });
        }
      } else {
        change = old === undefined ? 'added' : 'unchanged';
        if (old !== undefined) {
          address = old.start;
          kept.push(old);
        }
        findings.push({
          severity: 'error', code: 'network-exhausted', path: `endpoints.${cluster}`,
          message: `network ${q(net.name)} (${net.cidr}) has no free address for the control-plane endpoint of cluster ${q(cluster)}${old === undefined ? '' : ` (re-planned because ${state.renumberReasons!.join('; ')}; it keeps ${formatLockRange(old)} for now)`}; enlarge the network, free space (prune removed clusters, shrink reserved ranges or pools) or give the cluster an explicit endpoint address`,
        });
      }
    }
    plannedEndpoints.push({
      cluster, network: net.name, family: net.family,
      ...(address === undefined ? {} : { address: formatIp(address, (state.kept ?? state.replacing)?.family ?? net.family) }), change,
    });
  }
  return plannedEndpoints;
}

/** `formatRange`, with a cheaper test for a block (bit length instead of a loop). */
function formatPlannedRange(range: Range, family: Family): string {
  const count = range.end - range.start + 1n;
  if (count > 1n && (count & (count - 1n)) === 0n && range.start % count === 0n) {
    return formatCidr(range.start, bits(family) - (count.toString(2).length - 1), family);
  }
  return formatRange(range.start, range.end, family);
}

function retiredText(prune: boolean): string {
  return prune
    ? 'the old range is released (no pool gets it in this plan)'
    : 'the old range stays reserved in the lock (purpose retired) until a plan with prune (--prune) releases it, once no machine uses it';
}

function dedupe(findings: readonly Finding[]): Finding[] {
  return findings.filter((f, i) => i === 0 || compareFindings(f, findings[i - 1]!) !== 0);
}

function poolEntry(request: PoolRequest, net: Net, range: Range, part: number): LockedPoolRange {
  const entry: { -readonly [K in keyof LockedPoolRange]: LockedPoolRange[K] } = {
    purpose: 'pool', network: net.name, family: net.family, start: range.start, end: range.end,
    pool: request.name, part, kind: request.kind,
  };
  if (request.namespace !== undefined) entry.namespace = request.namespace;
  if (request.cluster !== undefined) entry.cluster = request.cluster;
  return entry;
}

/** Checks hand-written pools against networks, reserved ranges, gateways, the plan and each other. */
function manualFindings(manuals: readonly Manual[], nets: ReadonlyMap<string, Net>, planned: readonly LockEntry[]): Finding[] {
  const findings: Finding[] = [];
  const byNetwork = new Map<string, LockEntry[]>();
  if (manuals.length === 0) return findings;
  for (const entry of planned) {
    const list = byNetwork.get(entry.network);
    if (list === undefined) byNetwork.set(entry.network, [entry]);
    else list.push(entry);
  }
  const describeEntry = (entry: LockEntry): string => {
    if (entry.purpose === 'pool') return `planned pool ${q(entry.pool)} at ${formatLockRange(entry)}`;
    if (entry.purpose === 'endpoint') return `the control-plane endpoint of cluster ${q(entry.cluster)} at `
      + `${formatLockRange(entry)}`;
    return `the retired range ${formatLockRange(entry)} of `
      + `${entry.pool !== undefined ? `pool ${q(entry.pool)}` : `the endpoint of cluster ${q(entry.cluster!)}`}`;
  };
  const sortedNets = [...nets.values()].sort((a, b) => compareText(a.name, b.name));
  const networksOf = new Map<string, string[]>();
  for (const manual of [...manuals].sort((a, b) => compareText(a.name, b.name))) {
    const path = `manualPools.${manual.name}.addresses`;
    const name = q(manual.name);
    let targets: Net[];
    if (manual.network !== undefined) {
      const net = nets.get(manual.network);
      if (net === undefined) {
        findings.push({ severity: 'error', code: 'unknown-network', path: `manualPools.${manual.name}.network`, message: `hand-written pool ${name} names network ${q(manual.network)}, which is not defined; define it under networks or fix the name` });
        networksOf.set(manual.name, [manual.network]);
        continue;
      }
      const wrong = manual.entries.filter((e) => e.family !== net.family);
      if (wrong.length > 0) findings.push({ severity: 'error', code: 'mixed-family', path, message: `hand-written pool ${name} has ${familyName(wrong[0]!.family)} entries (${wrong.map((e) => q(e.text)).join(', ')}) in ${familyName(net.family)} network ${q(net.name)} (${net.cidr}); a pool holds one family — use that network's addresses` });
      const outside = manual.entries.filter((e) => e.family === net.family && (e.range.start < net.start || e.range.end > net.end));
      if (outside.length > 0) findings.push({ severity: 'error', code: 'outside-network', path, message: `hand-written pool ${name} has ${outside.map((e) => q(e.text)).join(', ')} outside network ${q(net.name)} (${net.cidr}); the provider rejects entries outside the pool's subnet — keep the addresses inside the network` });
      targets = [net];
    } else {
      targets = sortedNets.filter((net) => manual.entries.some((e) => e.family === net.family && e.range.start <= net.end && net.start <= e.range.end));
    }
    networksOf.set(manual.name, targets.map((net) => net.name));
    for (const net of targets) {
      const mine = normalize(manual.entries.filter((e) => e.family === net.family).map((e) => e.range));
      const inNet = (value: bigint): boolean => mine.some((r) => r.start <= value && value <= r.end);
      if (net.gateway !== undefined && inNet(net.gateway)) {
        findings.push({ severity: 'error', code: 'gateway-in-pool', path, message: `hand-written pool ${name} includes the gateway ${formatIp(net.gateway, net.family)} of network ${q(net.name)}; the provider never hands it out, so the pool holds one address less than it seems — leave it out of addresses` });
      }
      const special: string[] = [];
      if (inNet(net.start)) special.push(`the ${net.family === 4 ? 'network address' : 'subnet-router anycast address'} ${formatIp(net.start, net.family)}`);
      if (net.family === 4 && inNet(net.end)) special.push(`the broadcast address ${formatIp(net.end, 4)}`);
      if (special.length > 0) {
        findings.push({ severity: 'error', code: 'reserved-address-in-pool', path, message: `hand-written pool ${name} includes ${special.join(' and ')} of network ${q(net.name)} (${net.cidr}); the provider never hands ${special.length === 1 ? 'it' : 'them'} out, so the pool holds fewer addresses than it seems — leave ${special.length === 1 ? 'it' : 'them'} out of addresses` });
      }
      const reserved = net.reserved.filter((r) => mine.some((m) => overlaps(m, r.range)));
      if (reserved.length > 0) {
        findings.push({ severity: 'error', code: 'overlap', path, message: `hand-written pool ${name} overlaps reserved ${reserved.map((r) => q(r.text)).join(', ')} of network ${q(net.name)}; reserved addresses are never handed out by a pool — take them out of the pool or out of reserved` });
      }
      const entries = (byNetwork.get(net.name) ?? []).filter((e) => e.family === net.family);
      const hits: LockEntry[] = [];
      for (const range of mine) {
        // Lock entries of one network are disjoint and sorted: binary search for the first that ends at or after range.start.
        let lo = 0;
        let hi = entries.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (entries[mid]!.end < range.start) lo = mid + 1;
          else hi = mid;
        }
        for (let k = lo; k < entries.length && entries[k]!.start <= range.end; k++) {
          // A pool turned from planned into hand-written still has its old range in the lock
          // (orphaned until pruned); that is the same pool, not an overlap.
          const entry = entries[k]!;
          if (entry.purpose !== 'endpoint' && entry.pool === manual.name) continue;
          hits.push(entry);
        }
      }
      if (hits.length > 0) {
        findings.push({ severity: 'error', code: 'overlap', path, message: `hand-written pool ${name} overlaps ${hits.map(describeEntry).join(', ')} in network ${q(net.name)}; two pools never share an address — change the hand-written pool's addresses (planned ranges stay where the lock has them)` });
      }
    }
  }
  // Hand-written pools against each other (sort + sweep per family), when they can meet: in a
  // network they share, or both outside every network.
  const all = manuals.flatMap((m) => ([4, 6] as const).flatMap((family) =>
    normalize(m.entries.filter((e) => e.family === family).map((e) => e.range)).map((range) => ({ name: m.name, family, range }))));
  all.sort((a, b) => a.family - b.family || (a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : compareText(a.name, b.name)));
  const pairs = new Set<string>();
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length && all[j]!.family === all[i]!.family && all[j]!.range.start <= all[i]!.range.end; j++) {
      if (all[i]!.name === all[j]!.name) continue;
      const [a, b] = compareText(all[i]!.name, all[j]!.name) < 0 ? [all[i]!, all[j]!] : [all[j]!, all[i]!];
      const na = networksOf.get(a.name)!;
      const nb = networksOf.get(b.name)!;
      if ((na.length === 0 && nb.length === 0) || na.some((n) => nb.includes(n))) pairs.add(`${a.name}\u0000${b.name}\u0000${a.family}`);
    }
  }
  for (const key of [...pairs].sort(compareText)) {
    const [a, b, family] = key.split('\u0000') as [string, string, string];
    findings.push({ severity: 'error', code: 'overlap', path: `manualPools.${a}.addresses`, message: `hand-written pools ${q(a)} and ${q(b)} share ${familyName(Number(family) as Family)} addresses; two pools never share an address — change one of them` });
  }
  return findings;
}

/**
 * Throws when the plan has errors: one `ProblemError` (layer `plan`) naming every error finding
 * — every exhausted network, every refused renumbering, every overlap — not just the first.
 */
export function assertPlanOk(result: PlanResult): void {
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new ProblemError('plan', errors.map((f) => ({ path: f.path, code: f.code, message: f.message })));
}
