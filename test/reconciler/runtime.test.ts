import { describe, expect, it } from 'vitest';
import { ManualClock, MANUAL_CLOCK_EPOCH, settle, systemClock } from '../../src/reconciler/clock.js';
import { MemoryStore } from '../../src/reconciler/memory-store.js';
import { runController } from '../../src/reconciler/runtime/controller.js';
import { classifyFailure, PermanentError } from '../../src/reconciler/runtime/errors.js';
import { Informer } from '../../src/reconciler/runtime/informer.js';
import { defaultRateLimiter, exponentialBackoff, maxOfLimiters, tokenBucket } from '../../src/reconciler/runtime/rate-limit.js';
import { WorkQueue } from '../../src/reconciler/runtime/work-queue.js';
import { RESOURCES, StoreError, type KubeObject } from '../../src/reconciler/store.js';
import { claim } from './store-contract.js';

const NS = 'ns';

describe('ManualClock', () => {
  it('wakes sleepers in order of due time, ties in the order they slept, and runs what they set off', async () => {
    const clock = new ManualClock();
    const woke: string[] = [];
    void clock.sleep(30).then(() => woke.push(`a@${clock.now() - MANUAL_CLOCK_EPOCH}`));
    void clock.sleep(10).then(async () => {
      woke.push(`b@${clock.now() - MANUAL_CLOCK_EPOCH}`);
      await clock.sleep(5);
      woke.push(`b2@${clock.now() - MANUAL_CLOCK_EPOCH}`);
    });
    void clock.sleep(10).then(() => woke.push(`c@${clock.now() - MANUAL_CLOCK_EPOCH}`));
    await clock.advance(20);
    expect(woke).toEqual(['b@10', 'c@10', 'b2@15']);
    expect(clock.now()).toBe(MANUAL_CLOCK_EPOCH + 20);
    expect(clock.pending).toBe(1);
    await clock.advance(10);
    expect(woke[3]).toBe('a@30');
  });

  it('lets an aborted sleeper go at once and forgets it', async () => {
    const clock = new ManualClock();
    const abort = new AbortController();
    let done = false;
    void clock.sleep(1_000, abort.signal).then(() => (done = true));
    expect(clock.pending).toBe(1);
    abort.abort();
    await settle();
    expect(done).toBe(true);
    expect(clock.pending).toBe(0);
  });

  it('runs until a condition holds, moving from sleeper to sleeper, and gives up past maxMs', async () => {
    const clock = new ManualClock();
    let ticks = 0;
    void (async () => {
      for (;;) {
        await clock.sleep(1_000);
        ticks++;
      }
    })();
    expect(await clock.runUntil(() => ticks === 5)).toBe(true);
    expect(clock.now()).toBe(MANUAL_CLOCK_EPOCH + 5_000);
    expect(await clock.runUntil(() => ticks === 100, { maxMs: 3_500 })).toBe(false);
    expect(ticks).toBe(8);
  });

  it('has a system clock that sleeps in real time and stops early on abort', async () => {
    const start = Date.now();
    await systemClock.sleep(20);
    expect(Date.now() - start).toBeGreaterThanOrEqual(15);
    const abort = new AbortController();
    const slow = systemClock.sleep(60_000, abort.signal);
    abort.abort();
    await slow;
    expect(Math.abs(systemClock.now() - Date.now())).toBeLessThan(1_000);
  });
});

describe('rate limiters', () => {
  it('doubles the per-key delay from the base up to the cap, and forgets on success', () => {
    const limiter = exponentialBackoff({ baseMs: 5, maxMs: 100 });
    expect([1, 2, 3, 4, 5, 6, 7].map(() => limiter.when('k'))).toEqual([5, 10, 20, 40, 80, 100, 100]);
    expect(limiter.when('other')).toBe(5);
    expect(limiter.failures('k')).toBe(7);
    limiter.forget('k');
    expect(limiter.when('k')).toBe(5);
  });

  it('stays finite and capped after a thousand failures', () => {
    const limiter = exponentialBackoff({ baseMs: 5, maxMs: 300_000 });
    let last = 0;
    for (let i = 0; i < 1_000; i++) last = limiter.when('k');
    expect(last).toBe(300_000);
  });

  it('lets a burst through and then spaces retries by the rate, refilling with clock time', async () => {
    const clock = new ManualClock();
    const bucket = tokenBucket({ clock, qps: 10, burst: 2 });
    expect([bucket.when('a'), bucket.when('b'), bucket.when('c'), bucket.when('d')]).toEqual([0, 0, 100, 200]);
    await clock.advance(1_000);
    expect(bucket.when('e')).toBe(0);
  });

  it('takes the larger delay of several limiters', async () => {
    const clock = new ManualClock();
    const limiter = maxOfLimiters(exponentialBackoff({ baseMs: 5 }), tokenBucket({ clock, qps: 1, burst: 1 }));
    expect(limiter.when('a')).toBe(5);
    expect(limiter.when('b')).toBe(1_000);
    expect(limiter.failures('a')).toBe(1);
    expect(defaultRateLimiter(clock).when('x')).toBe(5);
  });
});

describe('WorkQueue', () => {
  const queue = (clock = new ManualClock()): WorkQueue => new WorkQueue({ clock, rateLimiter: exponentialBackoff({ baseMs: 100, maxMs: 1_000 }) });

  it('hands out keys first in, first out, each once however often it was added', async () => {
    const q = queue();
    for (const k of ['a', 'b', 'a', 'c', 'b']) q.add(k);
    expect(q.length).toBe(3);
    expect([await q.get(), await q.get(), await q.get()]).toEqual(['a', 'b', 'c']);
  });

  it('never hands a key to two workers: added while in process, it comes back after done', async () => {
    const q = queue();
    q.add('a');
    const key = await q.get();
    q.add('a');
    expect(q.length).toBe(0);
    let second: string | undefined;
    void q.get().then((k) => (second = k));
    await settle();
    expect(second).toBeUndefined();
    q.done(key!);
    await settle();
    expect(second).toBe('a');
  });

  it('adds after a delay on the clock, the earliest request winning', async () => {
    const clock = new ManualClock();
    const q = queue(clock);
    q.addAfter('a', 500);
    q.addAfter('a', 200);
    q.addAfter('a', 900);
    expect(q.waiting).toBe(1);
    expect(q.nextReadyAt()).toBe(clock.now() + 200);
    expect(q.isIdle()).toBe(false);
    await clock.advance(199);
    expect(q.length).toBe(0);
    await clock.advance(1);
    expect(q.length).toBe(1);
    await clock.advance(1_000);
    expect(q.length).toBe(1);
  });

  it('delays rate-limited adds by the limiter and resets them on forget', async () => {
    const clock = new ManualClock();
    const q = queue(clock);
    q.addRateLimited('a');
    q.addRateLimited('a');
    expect(q.failures('a')).toBe(2);
    expect(q.nextReadyAt()).toBe(clock.now() + 100);
    q.forget('a');
    expect(q.failures('a')).toBe(0);
  });

  it('answers waiting gets with undefined after shutdown and drops delayed keys', async () => {
    const clock = new ManualClock();
    const q = queue(clock);
    q.addAfter('later', 100);
    const waiting = q.get();
    q.shutDown();
    expect(await waiting).toBeUndefined();
    expect(clock.pending).toBe(0);
    q.add('x');
    expect(await q.get()).toBeUndefined();
  });
});

describe('failure classification', () => {
  it.each<[string, unknown, string]>([
    ['a 409 conflict', new StoreError('Conflict', 409, 'x'), 'transient'],
    ['a 410 gone', new StoreError('Gone', 410, 'x'), 'transient'],
    ['a time-out', new StoreError('Timeout', 504, 'x'), 'transient'],
    ['a not-found (the cache was behind)', new StoreError('NotFound', 404, 'x'), 'transient'],
    ['an unexpected error (retried, capped)', new Error('boom'), 'transient'],
    ['an invalid object', new StoreError('Invalid', 422, 'x'), 'permanent'],
    ['a forbidden call', new StoreError('Forbidden', 403, 'x'), 'permanent'],
    ['a PermanentError', new PermanentError('bad input'), 'permanent'],
  ])('treats %s as %s', (_name, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

describe('Informer', () => {
  function setup(resyncMs = 0): { store: MemoryStore; clock: ManualClock; informer: Informer; seen: string[] } {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock });
    const informer = new Informer({ store, clock, type: RESOURCES.ipAddressClaim, resyncMs, retry: { baseMs: 100, maxMs: 1_000 } });
    const seen: string[] = [];
    const label = (o: KubeObject): string => `${o.metadata.name}${o.metadata.labels?.v === undefined ? '' : `=${o.metadata.labels.v}`}`;
    informer.addHandlers({
      onAdd: (o) => seen.push(`add ${label(o)}`),
      onUpdate: (old, o) => seen.push(old === o ? `resync ${label(o)}` : `update ${label(o)}`),
      onDelete: (o) => seen.push(`delete ${label(o)}`),
    });
    return { store, clock, informer, seen };
  }

  const relabel = async (store: MemoryStore, name: string, v: string): Promise<void> => {
    const o = (await store.get(RESOURCES.ipAddressClaim, NS, name))!;
    await store.update({ ...o, metadata: { ...o.metadata, labels: { v } } });
  };

  it('lists, then follows the watch, keeping a cache that the handlers see change by change', async () => {
    const { store, informer, seen } = setup();
    await store.create(claim(NS, 'a'));
    informer.start();
    await informer.waitForSync();
    await store.create(claim(NS, 'b'));
    await relabel(store, 'a', '1');
    await store.delete(RESOURCES.ipAddressClaim, NS, 'b');
    await settle();
    expect(seen).toEqual(['add a', 'add b', 'update a=1', 'delete b']);
    expect(informer.list().map((o) => o.metadata.name)).toEqual(['a']);
    expect(informer.get(NS, 'a')?.metadata.labels).toEqual({ v: '1' });
    expect(informer.state).toBe('watching');
    expect(informer.resourceVersion).toBe(store.resourceVersion);
    informer.stop();
  });

  it('lists again after a 410 Gone and hands over every change it missed, deletions included', async () => {
    const { store, informer, seen } = setup();
    for (const n of ['a', 'b', 'c']) await store.create(claim(NS, n));
    informer.start();
    await informer.waitForSync();
    seen.length = 0;
    const lists = store.calls.list;
    // Changes land while the watch is broken and the history is compacted away.
    store.faults.failNextWatch('Gone');
    store.faults.failWatches('Gone');
    await relabel(store, 'a', '2');
    await store.delete(RESOURCES.ipAddressClaim, NS, 'b');
    await store.create(claim(NS, 'd'));
    store.faults.compact();
    await settle();
    await settle();
    expect(store.calls.list).toBeGreaterThan(lists);
    expect(seen.sort()).toEqual(['add d', 'delete b', 'update a=2']);
    expect(informer.list().map((o) => o.metadata.name)).toEqual(['a', 'c', 'd']);
    await store.create(claim(NS, 'e'));
    await settle();
    expect(seen).toContain('add e');
    informer.stop();
  });

  it('resumes a watch that failed otherwise from the last version, after a backoff on the clock', async () => {
    const { store, clock, informer, seen } = setup();
    informer.start();
    await informer.waitForSync();
    store.faults.failWatches('ServerError');
    await store.create(claim(NS, 'a'));
    await settle();
    expect(informer.state).toBe('waiting');
    const lists = store.calls.list;
    await clock.advance(100);
    expect(informer.state).toBe('watching');
    expect(store.calls.list).toBe(lists);
    expect(seen).toEqual(['add a']);
    informer.stop();
  });

  it('retries a failed list with backoff until it succeeds', async () => {
    const { store, clock, informer } = setup();
    store.faults.failNext('list', 'ServerError', 2);
    informer.start();
    await settle();
    expect(informer.synced).toBe(false);
    await clock.advance(100);
    expect(informer.synced).toBe(false);
    await clock.advance(200);
    expect(informer.synced).toBe(true);
    informer.stop();
  });

  it('hands every cached object over again each resync period', async () => {
    const { store, clock, informer, seen } = setup(60_000);
    await store.create(claim(NS, 'a'));
    informer.start();
    await informer.waitForSync();
    await clock.advance(60_000);
    await clock.advance(60_000);
    expect(seen).toEqual(['add a', 'resync a', 'resync a']);
    informer.stop();
  });

  it('resolves waitFor right after the change that makes it hold, and false on time-out', async () => {
    const { store, clock, informer } = setup();
    informer.start();
    await informer.waitForSync();
    const appears = informer.waitFor(() => informer.get(NS, 'a') !== undefined, 1_000);
    await store.create(claim(NS, 'a'));
    expect(await appears).toBe(true);
    const never = informer.waitFor(() => informer.get(NS, 'zzz') !== undefined, 1_000);
    await clock.advance(1_000);
    expect(await never).toBe(false);
    expect(clock.pending).toBe(0);
    informer.stop();
  });
});

describe('runController', () => {
  it('reconciles each queued key, folding repeated adds into one reconcile', async () => {
    const clock = new ManualClock();
    const seen: string[] = [];
    const controller = runController({ name: 't', clock, reconcile: async (key) => void seen.push(key) });
    for (const k of ['a', 'b', 'a', 'a']) controller.enqueue(k);
    await clock.runUntil(() => controller.isIdle());
    expect(seen).toEqual(['a', 'b']);
    expect(controller.stats.reconciles).toBe(2);
    await controller.stop();
  });

  it('retries transient failures with capped exponential backoff on the clock', async () => {
    const clock = new ManualClock();
    const times: number[] = [];
    const controller = runController({
      name: 't',
      clock,
      rateLimiter: exponentialBackoff({ baseMs: 100, maxMs: 400 }),
      reconcile: async () => {
        times.push(clock.now() - MANUAL_CLOCK_EPOCH);
        if (times.length < 6) throw new StoreError('Conflict', 409, 'stale');
      },
    });
    controller.enqueue('k');
    await clock.runUntil(() => controller.isIdle());
    expect(times).toEqual([0, 100, 300, 700, 1_100, 1_500]);
    expect(controller.stats.transientFailures).toBe(5);
    await controller.stop();
  });

  it('does not retry a permanent failure until the key is queued again', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const controller = runController({
      name: 't',
      clock,
      reconcile: async () => {
        calls++;
        throw new PermanentError('the pool spec is invalid');
      },
    });
    controller.enqueue('k');
    expect(await clock.runUntil(() => controller.isIdle())).toBe(true);
    await clock.advance(3_600_000);
    expect(calls).toBe(1);
    expect(controller.stats.permanentFailures).toBe(1);
    controller.enqueue('k');
    await clock.runUntil(() => controller.isIdle());
    expect(calls).toBe(2);
    await controller.stop();
  });

  it('reconciles again after the time a reconcile asks for, and is not idle until then', async () => {
    const clock = new ManualClock();
    const times: number[] = [];
    const controller = runController({
      name: 't',
      clock,
      reconcile: async () => {
        times.push(clock.now() - MANUAL_CLOCK_EPOCH);
        return times.length === 1 ? { requeueAfterMs: 30_000 } : {};
      },
    });
    controller.enqueue('k');
    await settle();
    expect(controller.isIdle()).toBe(false);
    expect(controller.nextDueAt()).toBe(MANUAL_CLOCK_EPOCH + 30_000);
    await clock.runUntil(() => controller.isIdle());
    expect(times).toEqual([0, 30_000]);
    await controller.stop();
  });

  it('waits for its informers before the first reconcile, and stops with an aborted signal', async () => {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock });
    await store.create(claim(NS, 'a'));
    store.faults.delayNext('list', 1_000);
    const informer = new Informer({ store, clock, type: RESOURCES.ipAddressClaim });
    let sawCache = -1;
    let signal: AbortSignal | undefined;
    const controller = runController({
      name: 't',
      clock,
      informers: [informer],
      reconcile: async (_key, s) => {
        sawCache = informer.size;
        signal = s;
      },
    });
    informer.start();
    controller.enqueue('k');
    await settle();
    expect(sawCache).toBe(-1);
    expect(controller.isIdle()).toBe(false);
    await clock.runUntil(() => controller.isIdle());
    expect(sawCache).toBe(1);
    await controller.stop();
    informer.stop();
    expect(signal?.aborted).toBe(true);
  });
});
