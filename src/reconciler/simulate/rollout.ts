/**
 * The arithmetic of a rolling update as Cluster API runs it: create new machines while the total
 * stays within `replicas + maxSurge`, delete old ones while the ready machines stay at least
 * `replicas - maxUnavailable`. One step of each per round.
 */
import type { MachineGroup } from './fleet-machines.js';

/** Where a group's rollout stands. */
export interface RolloutCounts {
  /** Machines of the old generation still there. */
  readonly old: number;
  /** Machines of the new generation. */
  readonly fresh: number;
  /** New machines that are ready (every claim bound). */
  readonly freshReady: number;
}

type Limits = Pick<MachineGroup, 'replicas' | 'maxSurge' | 'maxUnavailable'>;

/** How many new machines the rollout creates now. */
export function machinesToCreate(group: Limits, counts: RolloutCounts): number {
  return Math.max(0, Math.min(group.replicas - counts.fresh, group.replicas + group.maxSurge - (counts.old + counts.fresh)));
}

/** How many old machines the rollout deletes now. */
export function machinesToDelete(group: Limits, counts: RolloutCounts): number {
  return Math.max(0, Math.min(counts.old, counts.old + counts.freshReady - (group.replicas - group.maxUnavailable)));
}

/** Whether the rollout is complete. */
export function rolledOut(group: Limits, counts: RolloutCounts): boolean {
  return counts.old === 0 && counts.fresh === group.replicas;
}

/** Rounds a rollout takes when every new machine is ready at once (the most a group can need). */
export function roundsToRollOut(group: Limits): number {
  let counts: RolloutCounts = { old: group.replicas, fresh: 0, freshReady: 0 };
  let rounds = 0;
  while (!rolledOut(group, counts)) {
    rounds++;
    const fresh = counts.fresh + machinesToCreate(group, counts);
    const ready = { ...counts, fresh, freshReady: fresh };
    counts = { old: counts.old - machinesToDelete(group, ready), fresh, freshReady: fresh };
  }
  return rounds;
}
