import { describe, expect, it } from 'vitest';
import { isProblemError } from '../../src/problems.js';
import { ManualClock, MANUAL_CLOCK_EPOCH } from '../../src/reconciler/clock.js';
import { MemoryStore } from '../../src/reconciler/memory-store.js';
import { LeaderElector, type LeaderElectionOptions } from '../../src/reconciler/runtime/leader-election.js';
import { RESOURCES, StoreError, type Clock, type Store } from '../../src/reconciler/store.js';

interface Candidate {
  readonly elector: LeaderElector;
  readonly log: string[];
  /** The signal of each term as leader. */
  readonly signals: AbortSignal[];
}

function world(): { clock: ManualClock; store: MemoryStore; candidate: (identity: string, extra?: Partial<LeaderElectionOptions>) => Candidate } {
  const clock = new ManualClock();
  const store = new MemoryStore({ clock });
  const at = (): string => `${(clock.now() - MANUAL_CLOCK_EPOCH) / 1000}s`;
  return {
    clock,
    store,
    candidate: (identity, extra = {}) => {
      const elector = new LeaderElector({ store, clock, namespace: 'kube-system', name: 'binder', identity, ...extra });
      const candidate: Candidate = { elector, log: [], signals: [] };
      elector.run({
        onStartedLeading: (signal) => {
          candidate.signals.push(signal);
          candidate.log.push(`lead@${at()}`);
        },
        onStoppedLeading: () => candidate.log.push(`stop@${at()}`),
      });
      return candidate;
    },
  };
}

/** Runs the clock for `ms`, failing if two candidates ever lead at once. */
async function runExclusive(clock: ManualClock, candidates: readonly Candidate[], ms: number): Promise<void> {
  await clock.runUntil(() => {
    const leaders = candidates.filter((c) => c.elector.isLeader).length;
    expect(leaders).toBeLessThanOrEqual(1);
    return false;
  }, { maxMs: ms });
  await clock.advanceTo(clock.now());
}

async function lease(store: MemoryStore): Promise<Record<string, unknown>> {
  return ((await store.get(RESOURCES.lease, 'kube-system', 'binder'))?.spec ?? {}) as Record<string, unknown>;
}

describe('LeaderElector', () => {
  it('gives the Lease to the first candidate and keeps the second waiting while it is renewed', async () => {
    const { clock, store, candidate } = world();
    const a = candidate('a');
    await runExclusive(clock, [a], 1_000);
    const b = candidate('b');
    await runExclusive(clock, [a, b], 60_000);
    expect(a.log).toEqual(['lead@0s']);
    expect(b.log).toEqual([]);
    expect(await lease(store)).toMatchObject({ holderIdentity: 'a', leaseDurationSeconds: 15, leaseTransitions: 0, acquireTime: '2026-01-01T00:00:00.000000Z' });
    expect((await lease(store)).renewTime).toMatch(/^2026-01-01T00:01:0\d\.000000Z$/);
  });

  it('lets a second candidate take over a crashed leader\'s Lease only after the lease duration', async () => {
    const { clock, store, candidate } = world();
    const a = candidate('a');
    const b = candidate('b');
    await runExclusive(clock, [a, b], 10_000);
    await a.elector.stop({ release: false }); // a crash: no more renewals, Lease left as it is
    const lastRenew = Date.parse(String((await lease(store)).renewTime));
    await runExclusive(clock, [a, b], 30_000);
    expect(b.log).toHaveLength(1);
    const took = MANUAL_CLOCK_EPOCH + Number(b.log[0]!.slice('lead@'.length, -1)) * 1000;
    expect(took).toBeGreaterThanOrEqual(lastRenew + 15_000);
    expect(took).toBeLessThanOrEqual(lastRenew + 15_000 + 2_000);
    expect(await lease(store)).toMatchObject({ holderIdentity: 'b', leaseTransitions: 1 });
  });

  it('stops a leader whose renewals fail within the renew deadline, before anyone else may take the Lease', async () => {
    const { clock, store, candidate } = world();
    const a = candidate('a');
    const b = candidate('b');
    await runExclusive(clock, [a, b], 5_000);
    expect(a.elector.isLeader).toBe(true);
    store.faults.failNext('update', 'ServerError', 12, { kind: 'Lease' });
    await runExclusive(clock, [a, b], 60_000);
    expect(a.log[1]).toMatch(/^stop@/);
    const stoppedAt = Number(a.log[1]!.slice('stop@'.length, -1));
    expect(stoppedAt).toBeLessThanOrEqual(4 + 10 + 2);
    expect(a.signals[0]?.aborted).toBe(true);
    // Somebody leads again once the store answers.
    expect(a.elector.isLeader || b.elector.isLeader).toBe(true);
  });

  it('stops a leader whose renewal hangs when the renew deadline passes', async () => {
    const { clock, store, candidate } = world();
    const a = candidate('a');
    await runExclusive(clock, [a], 1_000);
    store.faults.delayNext('get', 120_000, 1, { kind: 'Lease' });
    await runExclusive(clock, [a], 12_000);
    expect(a.log).toEqual(['lead@0s', 'stop@10s', 'lead@12s']);
  });

  it('gives the Lease up on a graceful stop, so that a successor takes it at its next attempt', async () => {
    const { clock, store, candidate } = world();
    const a = candidate('a');
    const b = candidate('b');
    await runExclusive(clock, [a, b], 4_000);
    await a.elector.stop();
    expect((await lease(store)).holderIdentity).toBeUndefined();
    await runExclusive(clock, [a, b], 2_000);
    expect(b.log).toEqual(['lead@6s']);
    expect(a.log).toEqual(['lead@0s', 'stop@4s']);
  });

  it('lets exactly one of two candidates that start together create the Lease', async () => {
    const { clock, candidate } = world();
    const a = candidate('a');
    const b = candidate('b');
    await runExclusive(clock, [a, b], 20_000);
    expect([a.log.length, b.log.length].sort()).toEqual([0, 1]);
  });

  it('campaigns again after losing the lead and can lead again', async () => {
    const { clock, store, candidate } = world();
    const a = candidate('a');
    await runExclusive(clock, [a], 1_000);
    store.faults.failNext('update', 'ServerError', 6, { kind: 'Lease' });
    await runExclusive(clock, [a], 40_000);
    expect(a.log).toEqual(['lead@0s', 'stop@10s', 'lead@16s']);
  });

  it('keeps one leader when the leader\'s wall clock steps back 60 s while its renewals fail', async () => {
    // GIVEN a and b on one store; a sees the store through a link that can be cut, and its
    // wall clock can be stepped (its monotonic clock, like the real one, runs on)
    const { clock, store, candidate } = world();
    let offset = 0;
    const stepped: Clock = { now: () => clock.now() + offset, monotonic: () => clock.monotonic(), sleep: (ms, signal) => clock.sleep(ms, signal) };
    let cut = false;
    const link: Store = new Proxy(store, {
      get: (target, key) => {
        const value = Reflect.get(target, key, target) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (cut) return Promise.reject(new StoreError('ServerError', 0, 'connection refused'));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const a = candidate('a', { store: link, clock: stepped });
    await runExclusive(clock, [a], 3_000);
    const b = candidate('b');
    await runExclusive(clock, [a, b], 3_000);
    expect(a.elector.isLeader).toBe(true);
    // WHEN a loses the API server and its wall clock steps back a minute
    cut = true;
    offset = -60_000;
    // THEN a stops within its renew deadline, before b takes the Lease: never two leaders
    await runExclusive(clock, [a, b], 60_000);
    expect(a.log[1]).toMatch(/^stop@/);
    expect(Number(a.log[1]!.slice('stop@'.length, -1))).toBeLessThanOrEqual(6 + 10);
    expect(b.log).toHaveLength(1);
  });

  it.each<[string, Partial<LeaderElectionOptions>, string]>([
    ['rejects a renew deadline as long as the lease', { leaseDurationMs: 10_000, renewDeadlineMs: 10_000 }, 'leaseDurationMs'],
    ['rejects a retry period as long as the renew deadline', { renewDeadlineMs: 2_000, retryPeriodMs: 2_000 }, 'renewDeadlineMs'],
    ['rejects an empty identity', { identity: '' }, 'identity'],
  ])('%s', (_name, options, path) => {
    const clock = new ManualClock();
    try {
      new LeaderElector({ store: new MemoryStore({ clock }), clock, namespace: 'n', name: 'l', identity: 'a', ...options });
      expect.unreachable('the options were accepted');
    } catch (error) {
      expect(isProblemError(error) && error.problems.map((p) => p.path)).toEqual([path]);
    }
  });
});
