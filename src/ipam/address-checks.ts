/**
 * The plan, and every address of the fleet checked: what `plan()` places and the addresses
 * written by hand (pools, control-plane endpoints, pod and service CIDRs) against each other and
 * against the declared networks. Both front ends (a cdk8s app and a fleet file) plan through
 * {@link planAddresses}; see docs/planner.md.
 */
import { formatIp, parseCidr, parseIp, type Family } from './ip.js';
import { compareText } from '../vocabulary.js';
import { poolUsage } from './allocator.js';
import type { ClusterCidrs, Finding, ManualPool, PlanInput, PlanResult } from './plan-model.js';
import { compareFindings, plan } from './planner.js';
import { parseRangeText } from './range-text.js';
import { normalize, overlaps, subtract, type Range } from './ranges.js';

const q = (text: string): string => JSON.stringify(text);

interface Block {
  readonly text: string;
  readonly family: Family;
  readonly range: Range;
}

interface NamedNet extends Block {
  readonly name: string;
  readonly gateway?: bigint;
}

function parseBlocks(texts: readonly string[] | undefined): Block[] {
  const out: Block[] = [];
  for (const text of texts ?? []) {
    const parsed = typeof text === 'string' ? parseRangeText(text) : undefined;
    if (parsed !== undefined) out.push({ text, family: parsed.family, range: { start: parsed.start, end: parsed.end } });
  }
  return out;
}

function inRange(value: bigint, range: Range): boolean {
  return range.start <= value && value <= range.end;
}

/** The declared networks that parse (malformed ones are `plan()`'s to report). */
function networksOf(input: PlanInput): NamedNet[] {
  const out: NamedNet[] = [];
  for (const n of input.networks) {
    const cidr = typeof n.cidr === 'string' ? parseCidr(n.cidr) : undefined;
    if (cidr === undefined) continue;
    const gw = typeof n.gateway === 'string' ? parseIp(n.gateway) : undefined;
    out.push({ name: n.name, text: n.cidr, family: cidr.family, range: { start: cidr.start, end: cidr.end }, ...(gw?.family === cidr.family ? { gateway: gw.value } : {}) });
  }
  return out.sort((a, b) => compareText(a.name, b.name));
}

/** Endpoints: outside every network, on a gateway, or shared by two clusters. */
function endpointFindings(input: PlanInput, result: PlanResult, nets: readonly NamedNet[]): Finding[] {
  const findings: Finding[] = [];
  const byAddress = new Map<string, string[]>();
  const note = (address: string, cluster: string): void => {
    const list = byAddress.get(address);
    if (list === undefined) byAddress.set(address, [cluster]);
    else list.push(cluster);
  };
  for (const e of result.endpoints) if (e.address !== undefined) note(e.address, e.cluster);
  for (const e of input.fixedEndpoints ?? []) {
    const ip = parseIp(e.address);
    if (ip === undefined) continue;
    const text = formatIp(ip.value, ip.family);
    note(text, e.cluster);
    const inside = nets.filter((n) => n.family === ip.family && inRange(ip.value, n.range));
    if (inside.length === 0 && nets.length > 0) {
      findings.push({
        severity: 'warning', code: 'endpoint-outside-networks', path: `endpoints.${e.cluster}`,
        message: `the control-plane endpoint ${text} of cluster ${q(e.cluster)} lies in no declared network (${nets.map((n) => `${n.name} ${n.text}`).join(', ')}); nothing keeps pools of other tools off it — declare its network, or check the address`,
      });
    }
    for (const n of inside) {
      if (n.gateway === ip.value) {
        findings.push({
          severity: 'error', code: 'endpoint-conflict', path: `endpoints.${e.cluster}`,
          message: `the control-plane endpoint ${text} of cluster ${q(e.cluster)} is the gateway of network ${q(n.name)}; kube-vip would take the gateway's address — use another address, or plan it (endpoint from the network)`,
        });
      }
    }
  }
  for (const [address, clusters] of [...byAddress].sort((a, b) => compareText(a[0], b[0]))) {
    if (clusters.length < 2) continue;
    const sorted = [...clusters].sort(compareText);
    findings.push({
      severity: 'error', code: 'endpoint-conflict', path: `endpoints.${sorted[0]!}`,
      message: `clusters ${sorted.map(q).join(' and ')} both use ${address} as their control-plane endpoint; two API servers cannot share an address — give each cluster its own`,
    });
  }
  return findings;
}

/** What the provider hands out from a hand-written pool, when its prefix is known. */
function capacityOf(pool: ManualPool): bigint | undefined {
  if (pool.prefix === undefined) return undefined;
  try {
    const total = poolUsage({ addresses: pool.addresses, prefix: pool.prefix, gateway: pool.gateway, excludedAddresses: pool.excludedAddresses }, []).total;
    return BigInt(total);
  } catch {
    return undefined;
  }
}

/** Hand-written pools: endpoints inside, outside every network, too small. */
function manualPoolFindings(input: PlanInput, nets: readonly NamedNet[]): Finding[] {
  const findings: Finding[] = [];
  const endpoints = (input.fixedEndpoints ?? []).flatMap((e) => {
    const ip = parseIp(e.address);
    return ip === undefined ? [] : [{ cluster: e.cluster, family: ip.family, value: ip.value }];
  });
  for (const pool of [...(input.manualPools ?? [])].sort((a, b) => compareText(a.name, b.name))) {
    const path = `manualPools.${pool.name}.addresses`;
    const entries = parseBlocks(pool.addresses);
    const excluded = parseBlocks(pool.excludedAddresses);
    for (const e of endpoints) {
      const held = entries.some((b) => b.family === e.family && inRange(e.value, b.range));
      const skipped = excluded.some((b) => b.family === e.family && inRange(e.value, b.range));
      if (held && !skipped) {
        findings.push({
          severity: 'error', code: 'endpoint-in-pool', path,
          message: `pool ${q(pool.name)} holds ${formatIp(e.value, e.family)}, the control-plane endpoint of cluster ${q(e.cluster)}; the pool would hand it to a machine — take it out of the pool's addresses (or list it in excludedAddresses)`,
        });
      }
    }
    if (pool.network === undefined) {
      const outside = entries.filter((b) => subtract([b.range], normalize(nets.filter((n) => n.family === b.family).map((n) => n.range))).length > 0);
      if (outside.length > 0 && pool.unmanaged === true) {
        findings.push({
          severity: 'warning', code: 'unmanaged-pool', path,
          message: `pool ${q(pool.name)} is marked unmanaged and ${outside.map((b) => q(b.text)).join(', ')} lie${outside.length === 1 ? 's' : ''} in no declared network; only its overlaps with other pools and endpoints are checked`,
        });
      } else if (outside.length > 0) {
        findings.push({
          severity: 'error', code: 'pool-outside-networks', path,
          message: `pool ${q(pool.name)} has ${outside.map((b) => q(b.text)).join(', ')} in no declared network${nets.length === 0 ? ' (none is declared)' : ''}; declare the network it belongs to (a Network, or networks: in the fleet file) so that its addresses are checked, or mark the pool unmanaged`,
        });
      }
    }
    if (pool.peak !== undefined) {
      const capacity = capacityOf(pool);
      if (capacity !== undefined && capacity < BigInt(pool.peak)) {
        findings.push({
          severity: 'error', code: 'pool-too-small', path,
          message: `pool ${q(pool.name)} holds ${capacity} address${capacity === 1n ? '' : 'es'} but its machines need ${pool.peak} at their peak (replicas + surge); add addresses, or lower replicas or maxSurge`,
        });
      }
    }
  }
  return findings;
}

/** Pod and service CIDRs: against each other, the networks and the hand-written pools; both families when dual-stack. */
function cidrFindings(clusters: readonly ClusterCidrs[], nets: readonly NamedNet[], input: PlanInput): Finding[] {
  const findings: Finding[] = [];
  const nodeBlocks: { what: string; block: Block }[] = [
    ...nets.map((n) => ({ what: `network ${q(n.name)} (${n.text})`, block: n as Block })),
    ...(input.manualPools ?? []).filter((p) => p.network === undefined)
      .flatMap((p) => parseBlocks(p.addresses).map((b) => ({ what: `pool ${q(p.name)} (${b.text})`, block: b }))),
  ];
  for (const c of [...clusters].sort((a, b) => compareText(a.cluster, b.cluster))) {
    const pods = parseBlocks(c.pods);
    const services = parseBlocks(c.services);
    const report = (field: string, message: string): void => {
      findings.push({ severity: 'error', code: 'cidr-overlap', path: `clusters.${c.cluster}.${field}`, message });
    };
    for (const p of pods) {
      for (const s of services) {
        if (p.family === s.family && overlaps(p.range, s.range)) {
          report('serviceCidrBlocks', `cluster ${q(c.cluster)}: service CIDR ${q(s.text)} overlaps pod CIDR ${q(p.text)}; pods and services need disjoint ranges — change one of them`);
        }
      }
    }
    for (const [field, blocks] of [['podCidrBlocks', pods], ['serviceCidrBlocks', services]] as const) {
      const hits = new Set<string>();
      for (const b of blocks) {
        for (const n of nodeBlocks) {
          if (n.block.family === b.family && overlaps(n.block.range, b.range)) hits.add(`${q(b.text)} overlaps ${n.what}`);
        }
      }
      const defaulted = field === 'podCidrBlocks' ? c.defaulted?.pods === true : c.defaulted?.services === true;
      if (hits.size > 0 && defaulted) {
        findings.push({
          severity: 'warning', code: 'cidr-overlap', path: `clusters.${c.cluster}.${field}`,
          message: `cluster ${q(c.cluster)}: the default ${field} ${[...hits].sort(compareText).join('; ')}; set ${field} to ranges outside the node networks`,
        });
      } else if (hits.size > 0) {
        report(field, `cluster ${q(c.cluster)}: ${[...hits].sort(compareText).join('; ')}; ${field === 'podCidrBlocks' ? 'pod' : 'service'} addresses must not overlap the node networks (routing would break) — choose ${field === 'podCidrBlocks' ? 'pod' : 'service'} CIDRs outside them`);
      }
      if (c.dualStack === true && blocks.length > 0 && !(blocks.some((b) => b.family === 4) && blocks.some((b) => b.family === 6))) {
        findings.push({
          severity: 'error', code: 'single-family-cidrs', path: `clusters.${c.cluster}.${field}`,
          message: `cluster ${q(c.cluster)} is dual-stack (its nodes have IPv4 and IPv6 addresses) but ${field} ${blocks.map((b) => q(b.text)).join(', ')} ${blocks.length === 1 ? 'is' : 'are'} one family; give one IPv4 and one IPv6 CIDR`,
        });
      }
    }
  }
  return findings;
}

/**
 * Plans the fleet (`plan()`) and checks every address of it: hand-written pools must lie in a
 * declared network (or be marked unmanaged: a warning), hold no control-plane endpoint and be
 * large enough for their machines; explicit endpoints must not be a gateway or shared, and lie
 * in a declared network (else a warning); pod and service CIDRs must not overlap each other or
 * the node networks, and have both families on a dual-stack cluster. Planned pools are kept off
 * explicit endpoints by `plan()` itself.
 *
 * @throws ProblemError (layer `plan`) for malformed input, as `plan()`
 */
export function planAddresses(input: PlanInput): PlanResult {
  const result = plan(input);
  const nets = networksOf(input);
  const extra = [
    ...endpointFindings(input, result, nets),
    ...manualPoolFindings(input, nets),
    ...cidrFindings(input.clusterCidrs ?? [], nets, input),
  ];
  if (extra.length === 0) return result;
  const findings = [...result.findings, ...extra].sort(compareFindings);
  return { ...result, findings: findings.filter((f, i) => i === 0 || compareFindings(f, findings[i - 1]!) !== 0) };
}
