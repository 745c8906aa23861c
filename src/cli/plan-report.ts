/**
 * The IP plan as text: a table for terminals, Markdown for pull-request comments, JSON for tools.
 */
import type { PlanNetwork, PlannedEndpoint, PlannedPool, PlanResult } from '../ipam/planner.js';
import type { LocatedFinding } from '../fleet/plan.js';
import { problemLocation } from '../problems.js';
import { formatTable } from './table.js';
import { PLAIN, type Style } from './io.js';

/** What a report is made of. */
export interface PlanReportInput {
  readonly result: PlanResult;
  readonly networks: readonly PlanNetwork[];
  /** The plan's findings, located where the user wrote them. */
  readonly findings: readonly LocatedFinding[];
  /** Whether the lock file would change (or did, with --write). */
  readonly lockChanged: boolean;
  /** Whether the changed lock file was written (--write). */
  readonly written?: boolean;
}

/** A finding for JSON: every field, `null` where unknown. */
export function findingJson(f: LocatedFinding): Record<string, unknown> {
  return { severity: f.severity, code: f.code, file: f.file ?? null, line: f.line ?? null, column: f.column ?? null, path: f.path, message: f.message };
}

/** A count as JSON: a number when exact, else a decimal string (IPv6 capacities). */
function jsonCount(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

/** Thousands separators, fixed (not the machine's locale). */
function count(value: bigint): string {
  const digits = (value < 0n ? -value : value).toString();
  return (value < 0n ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function utilisation(pool: PlannedPool): string {
  if (pool.capacity === 0n) return pool.required > 0 ? '∞' : '-';
  const percent = Number((BigInt(pool.required) * 1000n) / pool.capacity) / 10;
  return `${percent}%`;
}

/** The JSON report: `{pools, endpoints, findings, lockChanged, written}`; each finding with `file`, `line`, `column`, `path`, `code`, `message`. */
export function jsonReport(input: PlanReportInput): string {
  const pools = input.result.pools.map((p) => ({
    kind: p.kind, name: p.name, namespace: p.namespace, cluster: p.cluster, network: p.network,
    family: p.family === 4 ? 'IPv4' : 'IPv6', addresses: p.addresses, prefix: p.prefix, gateway: p.gateway,
    capacity: jsonCount(p.capacity), required: p.required, headroom: jsonCount(p.headroom), change: p.change,
  }));
  const endpoints = input.result.endpoints.map((e) => ({ cluster: e.cluster, network: e.network, address: e.address ?? null, change: e.change }));
  return `${JSON.stringify({ pools, endpoints, findings: input.findings.map(findingJson), lockChanged: input.lockChanged, written: input.written === true }, null, 2)}\n`;
}

interface Row {
  readonly cells: readonly string[];
}

function rowsFor(pools: readonly PlannedPool[], endpoints: readonly PlannedEndpoint[]): Row[] {
  return [
    ...pools.map((p) => ({
      cells: [p.name, p.kind === 'GlobalInClusterIPPool' ? 'global' : p.namespace ?? '', p.addresses.join(' ') || '(none)',
        count(p.capacity), String(p.required), utilisation(p), count(p.headroom), p.change],
    })),
    ...endpoints.map((e) => ({ cells: [`VIP ${e.cluster}`, '', e.address ?? '(none)', '1', '1', '100%', '0', e.change] })),
  ];
}

const HEADERS = ['pool', 'namespace', 'addresses', 'capacity', 'peak', 'used', 'headroom', 'change'];

function byNetwork(input: PlanReportInput) {
  return input.networks.map((n) => ({
    network: n,
    pools: input.result.pools.filter((p) => p.network === n.name),
    endpoints: input.result.endpoints.filter((e) => e.network === n.name),
  })).filter((g) => g.pools.length + g.endpoints.length > 0);
}

function findingLine(f: LocatedFinding, style: Style = PLAIN): string {
  const severity = f.severity === 'error' ? style.red(f.severity) : f.severity === 'warning' ? style.yellow(f.severity) : f.severity;
  const location = problemLocation(f);
  return `${severity} [${f.code}] ${f.path}${location === '' ? '' : ` (${location})`}: ${f.message}`;
}

/** What the report says of the lock file. */
function lockLine(input: PlanReportInput): string {
  if (!input.lockChanged) return 'the lock file is up to date';
  return input.written ? 'the lock file changed: wrote ipam.lock.yaml; commit it' : 'the lock file changes: run with --write and commit ipam.lock.yaml';
}

/** The change column in colour: added green, grown yellow, renumbered red. */
function changeCell(change: string, style: Style): string {
  if (change === 'added') return style.green(change);
  if (change === 'grown') return style.yellow(change);
  if (change === 'renumbered') return style.red(change);
  return change;
}

/**
 * The terminal table: one block per network, then the findings. With a `style` (see
 * `styleFor` in io.ts), changes and finding severities are coloured.
 */
export function tableReport(input: PlanReportInput, style: Style = PLAIN): string {
  const out: string[] = [];
  for (const { network, pools, endpoints } of byNetwork(input)) {
    out.push(`network ${network.name} (${network.cidr}${network.gateway ? `, gateway ${network.gateway}` : ''}${network.lanID ? `, LAN ${network.lanID}` : ''})`);
    // The change column is the last, so colouring it moves no other column.
    const rows = rowsFor(pools, endpoints).map((r) => [...r.cells.slice(0, -1), changeCell(r.cells.at(-1)!, style)]);
    out.push(...formatTable([HEADERS, ...rows]));
    out.push('');
  }
  const findings = input.findings;
  out.push(findings.length === 0 ? 'no findings' : `findings (${findings.length}):`);
  for (const f of findings) out.push(`  ${findingLine(f, style)}`);
  out.push(lockLine(input));
  return `${out.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** Markdown for a pull-request comment: a summary line, changes first, a table per network. */
export function markdownReport(input: PlanReportInput): string {
  const { pools, endpoints } = input.result;
  const findings = input.findings;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const changed = [...pools, ...endpoints].filter((x) => x.change !== 'unchanged').length;
  const out: string[] = ['### IP plan', ''];
  out.push(`${errors > 0 ? `**${errors} error${errors === 1 ? '' : 's'}**` : 'No errors'} · ${pools.length} pools · ${endpoints.length} VIPs · ${changed} changed${input.lockChanged ? (input.written ? ' · `ipam.lock.yaml` written' : ' · `ipam.lock.yaml` changes') : ''}`);
  out.push('');
  if (findings.length > 0) {
    out.push('| severity | finding | where | what |', '| --- | --- | --- | --- |');
    for (const f of findings) {
      const location = problemLocation(f);
      out.push(`| ${f.severity} | ${f.code} | \`${escapeCell(f.path)}\`${location === '' ? '' : ` (${escapeCell(location)})`} | ${escapeCell(f.message)} |`);
    }
    out.push('');
  }
  for (const { network, pools: ps, endpoints: es } of byNetwork(input)) {
    out.push(`<details${ps.some((p) => p.change !== 'unchanged') || es.some((e) => e.change !== 'unchanged') ? ' open' : ''}><summary><code>${network.name}</code> ${network.cidr}</summary>`, '');
    out.push(`| ${HEADERS.join(' | ')} |`, `| ${HEADERS.map((h, i) => (i >= 3 && i <= 6 ? '---:' : '---')).join(' | ')} |`);
    for (const r of rowsFor(ps, es)) {
      const cells = r.cells.map((c, i) => (i === 2 ? `\`${escapeCell(c)}\`` : i === 7 && c !== 'unchanged' ? `**${c}**` : escapeCell(c)));
      out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('', '</details>', '');
  }
  return `${out.join('\n')}`;
}
