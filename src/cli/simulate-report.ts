/**
 * A simulation as text: every NIC's address, the pools' use during the rollout and what could not
 * be bound (a table for terminals and pull-request logs), or JSON for tools.
 */
import { poolLabel, type SimulationResult } from '../reconciler/simulate/simulate.js';
import { formatTable } from './table.js';

/** Whether the simulation found nothing wrong. */
export function simulationPassed(result: SimulationResult): boolean {
  return result.problems.length === 0 && result.unbound.length === 0 && result.stuck.length === 0;
}

/** The result as JSON (pools named as `poolLabel` writes them). */
export function simulationJson(result: SimulationResult): string {
  const passed = simulationPassed(result);
  return `${JSON.stringify({ passed, ...result }, null, 2)}\n`;
}

/** One line per problem of the result, for stderr and for the end of the table. */
export function simulationFindings(result: SimulationResult): string[] {
  return [
    ...result.problems.map((p) => `${p.object}: ${p.path}: ${p.message}`),
    ...result.unbound.map((u) =>
      `pool ${poolLabel(u.pool)}: claim ${u.namespace}/${u.claim} of machine ${u.machine} was not bound (${u.moment})` +
      (u.reason === undefined ? '' : `: ${u.reason}: ${u.message}`)),
    ...result.stuck.map((s) => `rollout of ${s}`),
  ];
}

/** The result as tables. */
export function simulationTable(result: SimulationResult): string {
  const out: string[] = [];
  if (result.problems.length === 0) {
    out.push(`NIC addresses once the fleet is up (${result.machines} machines, ${result.nics.length} claims):`);
    out.push(...formatTable([
      ['NAMESPACE', 'MACHINE', 'NIC', 'CLAIM', 'POOL', 'ADDRESS', 'GATEWAY'],
      ...result.nics.map((n) => [n.namespace, n.machine, n.nic, n.claim, poolLabel(n.pool), n.address ?? 'UNBOUND', n.gateway ?? '']),
    ]));
    out.push('');
    out.push(result.rounds === 0
      ? 'Pools (nothing to roll):'
      : `Pools while every control plane and node pool rolls at once (${result.rounds} rounds, ${result.simulatedSeconds} s of simulated time):`);
    out.push(...formatTable([
      ['POOL', 'TOTAL', 'UP', 'PEAK', 'FREE AT PEAK', 'PEAK AT'],
      ...result.pools.map((p) => [poolLabel(p.pool), p.total, String(p.steady), String(p.peak), freeAt(p.total, p.peak), p.peakMoment]),
    ]));
    out.push('');
  }
  const findings = simulationFindings(result);
  out.push(findings.length === 0 ? 'every claim was bound at every moment' : `findings (${findings.length}):`);
  for (const f of findings) out.push(`  ${f}`);
  return `${out.join('\n')}\n`;
}

function freeAt(total: string, used: number): string {
  return (BigInt(total) - BigInt(used)).toString();
}
