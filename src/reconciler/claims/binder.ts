/**
 * The claim binder: binds IPAddressClaims that name an InClusterIPPool or GlobalInClusterIPPool
 * to IPAddresses, keeps the pools' ProtectPool finalizer and `status.ipAddresses` counts, and
 * releases addresses when claims go — as the In-Cluster IPAM provider does
 * (kubernetes-sigs/cluster-api-ipam-provider-in-cluster v1.0, `pkg/ipamutil/`), over any `Store`.
 * § numbers refer to docs/in-cluster-provider-rules.md.
 *
 *   const binder = runClaimBinder({ store, clock, identity: 'binder-0' });
 *   await untilSettled(clock, [binder]);         // with a ManualClock: run to quiescence
 *   await binder.stop();
 *
 * Acting side of `decide.ts` / `pool-decide.ts`: each reconcile reads the informer caches,
 * decides, carries the decision out, waits until its own informer shows the write, and decides
 * again, until there is nothing left to do or something to wait for. Every write carries the
 * resourceVersion it was decided on; a 409 (or any transient failure) ends the reconcile and the
 * key is retried with capped exponential backoff, from the then current cache. Problems (pool not
 * found, exhausted, invalid) are reported with an Event and not retried until something changes:
 * the binder re-queues a pool's waiting claims when the pool is created, changes, unpauses, or
 * one of its IPAddresses goes, and a claim when its Cluster appears or unpauses.
 *
 * With leader election (the default) only the replica holding the Lease binds; the binding is
 * safe without it too (see `decide.ts`).
 */
import { kubeTimestamp, type ManualClock, type RunUntilOptions } from '../clock.js';
import { RESOURCES, isStoreError, type Clock, type KubeObject, type Store } from '../store.js';
import { runController, type Controller, type ReconcileResult } from '../runtime/controller.js';
import { EventRecorder } from '../runtime/events.js';
import { Informer, type InformerHandlers } from '../runtime/informer.js';
import { LeaderElector } from '../runtime/leader-election.js';
import { silentLogger, type Logger } from '../runtime/log.js';
import { defaultRateLimiter, type BackoffOptions } from '../runtime/rate-limit.js';
import {
  addressClaimName,
  addressPool,
  claimAddressRef,
  claimCluster,
  claimPool,
  compareText,
  groupOf,
  hasPausedAnnotation,
  IPAM_API_GROUP,
  isClusterPaused,
  objectKey,
  poolIdOf,
  poolKey,
  poolSpecOf,
  WATCH_FILTER_LABEL,
  type PoolId,
  type PoolKind,
} from './api.js';
import { decideClaim, type ClaimDecision, type ClaimFacts, type InUse, type ProblemReason } from './decide.js';
import { decidePool } from './pool-decide.js';
import { PoolIndex } from './pool-index.js';
import { poolWebhooks, providerFoundMessage } from './ownership.js';

/** Options of `runClaimBinder`. */
export interface ClaimBinderOptions {
  readonly store: Store;
  readonly clock: Clock;
  /**
   * This replica's name: the Lease's `holderIdentity` and the Events' `reportingInstance`.
   * @default 'capi-ionos-claim-binder'
   */
  readonly identity?: string;
  /**
   * Leader election through a Lease, or `false` to bind without (every replica binds; still safe).
   * @default { namespace: 'capi-ionos-system', name: 'capi-ionos-claim-binder' } with 15 s lease,
   * 10 s renew deadline, 2 s retry period
   */
  readonly leaderElection?: false | LeaseOptions;
  /**
   * Claims reconciled at once.
   * @default 1 (as the provider)
   */
  readonly workers?: number;
  /**
   * How often every cached object is reconciled again, as a safety net.
   * @default 600_000 (ten minutes)
   */
  readonly resyncMs?: number;
  /**
   * Backoff of keys that fail transiently.
   * @default { baseMs: 5, maxMs: 300_000 }
   */
  readonly backoff?: BackoffOptions;
  /**
   * How long to wait for the binder's own write to show in its informer cache before retrying.
   * @default 5_000 (the provider polls its cache for up to 5 s)
   */
  readonly cacheTimeoutMs?: number;
  /**
   * Only handle claims with the label `cluster.x-k8s.io/watch-filter=<value>` (the provider's
   * `--watch-filter`).
   * @default every claim
   */
  readonly watchFilter?: string;
  /**
   * Bind claims of this namespace only (with its InClusterIPPools and Clusters). IPAddresses are
   * always watched in every namespace: a GlobalInClusterIPPool's addresses live with its claims,
   * anywhere, and its free addresses, counts and ProtectPool finalizer depend on all of them.
   * @default every namespace
   */
  readonly namespace?: string;
  /**
   * Also write a `AddressAllocated` condition on claims (False with the problem's reason while
   * one is reported, True once bound). The provider writes no conditions (§7), so this is off
   * unless asked for.
   * @default false
   */
  readonly claimConditions?: boolean;
  /**
   * Bind nothing while the In-Cluster IPAM provider's admission webhooks are installed
   * (`ownership.ts`): one binder per cluster. `false` only where the caller knows better (tests).
   * @default true
   */
  readonly exclusive?: boolean;
  /** Called once per term when the provider is found (the binder then binds nothing). */
  readonly onProviderFound?: (found: readonly string[]) => void;
  /** @default silentLogger */
  readonly log?: Logger;
}

/** Where the Lease is and its timing. */
export interface LeaseOptions {
  /** @default 'capi-ionos-system' */
  readonly namespace?: string;
  /** @default 'capi-ionos-claim-binder' */
  readonly name?: string;
  /** @default 15_000 */
  readonly leaseDurationMs?: number;
  /** @default 10_000 */
  readonly renewDeadlineMs?: number;
  /** @default 2_000 */
  readonly retryPeriodMs?: number;
}

/** Counters over the binder's life (all its terms as leader). */
export interface ClaimBinderStats {
  readonly terms: number;
  readonly claimReconciles: number;
  readonly poolReconciles: number;
  readonly transientFailures: number;
  readonly permanentFailures: number;
}

/** A running claim binder. */
export interface ClaimBinder {
  readonly identity: string;
  /** Whether this replica binds now (always, without leader election, until stopped). */
  readonly isLeader: boolean;
  /** Nothing to do now or later in this replica (a follower or a stopped binder is idle). */
  isIdle(): boolean;
  readonly stats: ClaimBinderStats;
  /**
   * Stops. Graceful (the default): running reconciles are aborted between writes and awaited,
   * the Lease is given up. Not graceful: a simulated crash — everything is abandoned at once, the
   * Lease is left to expire and a store call under way still lands.
   */
  stop(options?: { readonly graceful?: boolean }): Promise<void>;
}

/** The condition type written when `claimConditions` is on. */
export const ADDRESS_ALLOCATED_CONDITION = 'AddressAllocated';

const COMPONENT = 'capi-ionos-claim-binder';
const MAX_STEPS = 12;
const DUPLICATE_WAIT_MS = 1_000;
/**
 * How long a pool's status write may wait for the claims being bound to settle: counts are
 * written once per pool per burst of claims, or at the latest when the pool is looked at again
 * this long after its first deferred write.
 */
const POOL_STATUS_BATCH_MS = 1_000;

/** Starts a claim binder. */
export function runClaimBinder(options: ClaimBinderOptions): ClaimBinder {
  const identity = options.identity ?? COMPONENT;
  const log = options.log ?? silentLogger;
  const totals = { terms: 0, claimReconciles: 0, poolReconciles: 0, transientFailures: 0, permanentFailures: 0 };
  let session: BindingSession | undefined;
  let stopped = false;

  const endSession = (graceful: boolean): Promise<void> => {
    const ending = session;
    session = undefined;
    if (ending === undefined) return Promise.resolve();
    return ending.stop(graceful).then(() => ending.addTo(totals));
  };

  const lease = options.leaderElection === false ? undefined : options.leaderElection ?? {};
  const elector =
    lease === undefined
      ? undefined
      : new LeaderElector({
          store: options.store,
          clock: options.clock,
          namespace: lease.namespace ?? 'capi-ionos-system',
          name: lease.name ?? COMPONENT,
          identity,
          leaseDurationMs: lease.leaseDurationMs,
          renewDeadlineMs: lease.renewDeadlineMs,
          retryPeriodMs: lease.retryPeriodMs,
          log,
        });
  if (elector === undefined) {
    totals.terms++;
    session = new BindingSession(options, identity, log);
  } else {
    elector.run({
      onStartedLeading: () => {
        if (stopped) return;
        totals.terms++;
        session = new BindingSession(options, identity, log);
      },
      onStoppedLeading: () => void endSession(true),
    });
  }

  return {
    identity,
    get isLeader() {
      return !stopped && session !== undefined && (elector === undefined || elector.isLeader);
    },
    isIdle: () => session === undefined || session.isIdle(),
    get stats() {
      const running = session?.stats();
      return running === undefined
        ? { ...totals }
        : {
            terms: totals.terms,
            claimReconciles: totals.claimReconciles + running.claimReconciles,
            poolReconciles: totals.poolReconciles + running.poolReconciles,
            transientFailures: totals.transientFailures + running.transientFailures,
            permanentFailures: totals.permanentFailures + running.permanentFailures,
          };
    },
    stop: async (stopOptions = {}) => {
      const graceful = stopOptions.graceful ?? true;
      stopped = true;
      const ending = endSession(graceful);
      const resigning = elector?.stop({ release: graceful });
      if (graceful) await Promise.all([ending, resigning]);
    },
  };
}

/**
 * Lets a set of binders run on a manual clock until they are quiet: one of them leads and none
 * has anything to do now or scheduled for later. Moves the clock from one sleeper to the next
 * (Lease renewals, backoffs, grace periods) as needed.
 *
 * @returns whether they got quiet within `maxMs` of clock time
 */
export function untilSettled(clock: ManualClock, binders: readonly ClaimBinder[], options: RunUntilOptions = {}): Promise<boolean> {
  return clock.runUntil(() => binders.some((b) => b.isLeader) && binders.every((b) => b.isIdle()), options);
}

/** A step finished and the claim should be looked at again at once. */
const CONTINUE = Symbol('continue');

/** One term of binding: informers, caches and controllers, from leading to stopping. */
class BindingSession {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly claims: Informer;
  private readonly addresses: Informer;
  private readonly pools: Readonly<Record<PoolKind, Informer>>;
  private readonly clusters: Informer;
  private readonly index = new PoolIndex();
  /** poolKey → claim keys naming it. */
  private readonly claimsByPool = new Map<string, Set<string>>();
  /** `namespace/cluster` → claim keys naming it. */
  private readonly claimsByCluster = new Map<string, Set<string>>();
  /** claim key → its pool key and cluster key, as indexed. */
  private readonly claimIndexKeys = new Map<string, { readonly pool?: string; readonly cluster?: string }>();
  private readonly claimController: Controller;
  private readonly poolController: Controller;
  private readonly events: EventRecorder;
  private readonly informers: readonly Informer[];
  /** The provider's webhooks found (`ownership.ts`); while any, nothing is bound. */
  private provider: readonly string[] = [];
  /** Pools whose status write waits for the claims to settle → when it was first deferred. */
  private readonly deferredPoolStatus = new Map<string, number>();

  public constructor(
    private readonly options: ClaimBinderOptions,
    identity: string,
    private readonly log: Logger,
  ) {
    this.store = options.store;
    this.clock = options.clock;
    const scoped = options.namespace === undefined ? {} : { selector: { namespace: options.namespace } };
    const informer = (type: (typeof RESOURCES)[keyof typeof RESOURCES], scope: { readonly selector?: { readonly namespace: string } }): Informer =>
      new Informer({ store: this.store, clock: this.clock, type, resyncMs: options.resyncMs ?? 600_000, log, ...scope });
    this.claims = informer(RESOURCES.ipAddressClaim, scoped);
    // Every namespace, whatever the claims' scope: global pools count addresses everywhere.
    this.addresses = informer(RESOURCES.ipAddress, {});
    this.pools = { InClusterIPPool: informer(RESOURCES.inClusterIPPool, scoped), GlobalInClusterIPPool: informer(RESOURCES.globalInClusterIPPool, {}) };
    this.clusters = new Informer({ store: this.store, clock: this.clock, type: RESOURCES.cluster, log, ...scoped });
    // The webhook configurations are listed before the first reconcile: no binding beside the provider.
    const webhooks = options.exclusive === false ? [] : [informer(RESOURCES.validatingWebhookConfiguration, {}), informer(RESOURCES.mutatingWebhookConfiguration, {})];
    this.informers = [this.claims, this.addresses, this.pools.InClusterIPPool, this.pools.GlobalInClusterIPPool, this.clusters, ...webhooks];
    const lookForProvider = (): void => {
      const before = this.provider.length;
      this.provider = poolWebhooks(webhooks.flatMap((w) => w.list()));
      if (before === 0 && this.provider.length > 0) {
        this.log({ level: 'error', source: COMPONENT, message: providerFoundMessage(this.provider) });
        options.onProviderFound?.(this.provider);
      }
    };
    for (const w of webhooks) w.addHandlers({ onAdd: lookForProvider, onUpdate: lookForProvider, onDelete: lookForProvider });
    this.events = new EventRecorder({ store: this.store, clock: this.clock, component: COMPONENT, instance: identity, log });
    const rateLimiter = (): ReturnType<typeof defaultRateLimiter> => defaultRateLimiter(this.clock, options.backoff);
    this.claimController = runController({
      name: `${COMPONENT}/claims`,
      clock: this.clock,
      informers: this.informers,
      workers: options.workers ?? 1,
      rateLimiter: rateLimiter(),
      log,
      reconcile: (key, signal) => this.reconcileClaim(key, signal),
      // The end of a burst of claims: the pools' counts are written, once each.
      onDrained: () => this.flushPoolStatus(),
    });
    this.poolController = runController({
      name: `${COMPONENT}/pools`,
      clock: this.clock,
      informers: this.informers,
      rateLimiter: rateLimiter(),
      log,
      reconcile: (key, signal) => this.reconcilePool(key, signal),
    });
    this.wire();
    for (const i of this.informers) i.start();
  }

  public isIdle(): boolean {
    return this.claimController.isIdle() && this.poolController.isIdle();
  }

  public stats(): Omit<ClaimBinderStats, 'terms'> {
    const c = this.claimController.stats;
    const p = this.poolController.stats;
    return {
      claimReconciles: c.reconciles,
      poolReconciles: p.reconciles,
      transientFailures: c.transientFailures + p.transientFailures,
      permanentFailures: c.permanentFailures + p.permanentFailures,
    };
  }

  public addTo(totals: { claimReconciles: number; poolReconciles: number; transientFailures: number; permanentFailures: number }): void {
    const s = this.stats();
    totals.claimReconciles += s.claimReconciles;
    totals.poolReconciles += s.poolReconciles;
    totals.transientFailures += s.transientFailures;
    totals.permanentFailures += s.permanentFailures;
  }

  public async stop(graceful: boolean): Promise<void> {
    for (const i of this.informers) i.stop();
    const stopping = Promise.all([this.claimController.stop(), this.poolController.stop()]);
    if (graceful) await stopping;
  }

  // --- wiring: which changes queue which keys ---------------------------------------------------

  private wire(): void {
    const claimHandlers: InformerHandlers = {
      onAdd: (claim) => this.onClaim(claim),
      onUpdate: (_old, claim) => this.onClaim(claim),
      onDelete: (claim) => {
        this.unindexClaim(objectKey(claim.metadata.namespace, claim.metadata.name));
        if (this.wanted(claim)) this.claimController.enqueue(objectKey(claim.metadata.namespace, claim.metadata.name));
      },
    };
    this.claims.addHandlers(claimHandlers);

    this.addresses.addHandlers({
      onAdd: (address) => {
        this.index.upsert(address);
        this.onAddress(address);
      },
      onUpdate: (old, address) => {
        if (old === address) return; // a resync: the claims' own resync covers them
        this.index.upsert(address);
        const oldPool = addressPool(old);
        if (oldPool !== undefined && (addressPool(address) === undefined || poolKey(oldPool) !== poolKey(addressPool(address)!))) {
          this.poolController.enqueue(poolKey(oldPool));
          this.enqueueWaitingClaims(oldPool);
        }
        this.onAddress(address);
      },
      onDelete: (address) => {
        this.index.remove(address);
        this.onAddress(address);
        const pool = addressPool(address);
        if (pool !== undefined) this.enqueueWaitingClaims(pool);
      },
    });

    for (const kind of ['InClusterIPPool', 'GlobalInClusterIPPool'] as const) {
      this.pools[kind].addHandlers({
        onAdd: (pool) => {
          this.poolController.enqueue(poolKey(poolIdOf(pool)));
          if (!hasPausedAnnotation(pool)) this.enqueueClaimsOf(poolIdOf(pool));
        },
        onUpdate: (old, pool) => {
          this.poolController.enqueue(poolKey(poolIdOf(pool)));
          if (old === pool) return;
          const unpaused = hasPausedAnnotation(old) && !hasPausedAnnotation(pool);
          const freed = freeCount(old) === 0 && freeCount(pool) > 0;
          const changed = JSON.stringify(old.spec) !== JSON.stringify(pool.spec) || old.metadata.deletionTimestamp !== pool.metadata.deletionTimestamp;
          if (unpaused || freed || (changed && !hasPausedAnnotation(pool))) this.enqueueClaimsOf(poolIdOf(pool));
        },
        onDelete: (pool) => this.enqueueClaimsOf(poolIdOf(pool)),
      });
    }

    this.clusters.addHandlers({
      onAdd: (cluster) => {
        if (!isClusterPaused(cluster)) this.enqueueClaimsOfCluster(cluster);
      },
      onUpdate: (old, cluster) => {
        if (isClusterPaused(old) && !isClusterPaused(cluster)) this.enqueueClaimsOfCluster(cluster);
      },
      onDelete: (cluster) => {
        if (!isClusterPaused(cluster)) this.enqueueClaimsOfCluster(cluster);
      },
    });
  }

  /** The provider's claim event filter (§9 step 1): our pool kinds, not paused, the watch filter. */
  private wanted(claim: KubeObject): boolean {
    if (claimPool(claim) === undefined || hasPausedAnnotation(claim)) return false;
    const filter = this.options.watchFilter;
    return filter === undefined || claim.metadata.labels?.[WATCH_FILTER_LABEL] === filter;
  }

  private onClaim(claim: KubeObject): void {
    const key = objectKey(claim.metadata.namespace, claim.metadata.name);
    this.unindexClaim(key);
    const pool = claimPool(claim);
    const cluster = claimCluster(claim);
    const keys = {
      pool: pool === undefined ? undefined : poolKey(pool),
      cluster: cluster.kind === 'named' ? objectKey(claim.metadata.namespace, cluster.name) : undefined,
    };
    this.claimIndexKeys.set(key, keys);
    if (keys.pool !== undefined) addTo(this.claimsByPool, keys.pool, key);
    if (keys.cluster !== undefined) addTo(this.claimsByCluster, keys.cluster, key);
    if (this.wanted(claim)) this.claimController.enqueue(key);
  }

  private unindexClaim(key: string): void {
    const keys = this.claimIndexKeys.get(key);
    if (keys === undefined) return;
    this.claimIndexKeys.delete(key);
    if (keys.pool !== undefined) removeFrom(this.claimsByPool, keys.pool, key);
    if (keys.cluster !== undefined) removeFrom(this.claimsByCluster, keys.cluster, key);
  }

  /**
   * An IPAddress changed: its controlling claim (and the claim it was made for, which may be gone)
   * and its pool's counts are looked at again.
   */
  private onAddress(address: KubeObject): void {
    const pool = addressPool(address);
    if (!this.inScope(address.metadata.namespace)) {
      // Another binder's claim: only a global pool of ours counts it.
      if (pool?.kind === 'GlobalInClusterIPPool') this.poolController.enqueue(poolKey(pool));
      return;
    }
    const controller = (address.metadata.ownerReferences ?? []).find((r) => r.controller === true);
    if (controller !== undefined && controller.kind === RESOURCES.ipAddressClaim.kind && groupOf(controller.apiVersion) === IPAM_API_GROUP) {
      this.claimController.enqueue(objectKey(address.metadata.namespace, controller.name));
    }
    const claimName = addressClaimName(address);
    if (claimName === address.metadata.name) this.claimController.enqueue(objectKey(address.metadata.namespace, claimName));
    if (pool !== undefined) this.poolController.enqueue(poolKey(pool));
  }

  /** Whether claims of `namespace` are this binder's to bind. */
  private inScope(namespace: string | undefined): boolean {
    return this.options.namespace === undefined || namespace === this.options.namespace;
  }

  private enqueueClaimsOf(pool: PoolId): void {
    for (const key of sorted(this.claimsByPool.get(poolKey(pool)))) this.claimController.enqueue(key);
  }

  /** Claims of the pool without an address yet: one may fit now. */
  private enqueueWaitingClaims(pool: PoolId): void {
    // Filtered before sorting: in a large pool nearly every claim is bound.
    const waiting = [...(this.claimsByPool.get(poolKey(pool)) ?? [])].filter((key) => {
      const [namespace, name] = splitKey(key);
      const claim = this.claims.get(namespace, name);
      return claim !== undefined && claimAddressRef(claim) === undefined && this.wanted(claim);
    });
    for (const key of waiting.sort(compareText)) this.claimController.enqueue(key);
  }

  private enqueueClaimsOfCluster(cluster: KubeObject): void {
    for (const key of sorted(this.claimsByCluster.get(objectKey(cluster.metadata.namespace, cluster.metadata.name)))) this.claimController.enqueue(key);
  }

  // --- claims ----------------------------------------------------------------------------------

  private facts(namespace: string, name: string): ClaimFacts {
    const claim = this.claims.get(namespace, name);
    const poolId = claim === undefined ? undefined : claimPool(claim);
    const pool = poolId === undefined ? undefined : this.pools[poolId.kind].get(poolId.namespace, poolId.name);
    const cluster = claim === undefined ? undefined : claimCluster(claim);
    return {
      namespace,
      name,
      claim,
      cluster: cluster?.kind === 'named' ? this.clusters.get(namespace, cluster.name) : undefined,
      pool,
      address: this.addresses.get(namespace, name),
      inUse: poolId !== undefined && pool !== undefined ? this.index.inUse(poolId, poolSpecOf(pool)) : NOTHING_IN_USE,
      now: this.clock.now(),
    };
  }

  private async reconcileClaim(key: string, signal: AbortSignal): Promise<ReconcileResult | void> {
    const [namespace, name] = splitKey(key);
    for (let step = 0; step < MAX_STEPS; step++) {
      if (signal.aborted || this.provider.length > 0) return;
      const facts = this.facts(namespace, name);
      const decision = decideClaim(facts);
      this.log({ level: 'debug', source: `${COMPONENT}/claims`, message: decision.action, fields: { claim: key } });
      const outcome = await this.actOnClaim(decision, facts, signal);
      if (outcome !== CONTINUE) return outcome;
    }
    throw new Error(`claim ${key} did not settle within ${MAX_STEPS} steps; retrying`);
  }

  private async actOnClaim(decision: ClaimDecision, facts: ClaimFacts, signal: AbortSignal): Promise<ReconcileResult | typeof CONTINUE> {
    const { namespace, name } = facts;
    switch (decision.action) {
      case 'none':
        return {};
      case 'bound':
        await this.setCondition(facts.claim!, undefined, signal);
        return {};
      case 'report':
        await this.report(facts, decision.reason, decision.message, signal);
        return {};
      case 'hold':
        return { requeueAfterMs: decision.remainingMs };
      case 'waitForDuplicates':
        return { requeueAfterMs: DUPLICATE_WAIT_MS };
      case 'addClaimFinalizer':
      case 'removeClaimFinalizer':
        guard(signal);
        await this.store.update(decision.claim);
        await this.seen(this.claims, namespace, name, facts.claim, signal);
        return CONTINUE;
      case 'setClaimStatus':
        guard(signal);
        await this.store.updateStatus(decision.claim);
        await this.seen(this.claims, namespace, name, facts.claim, signal);
        return CONTINUE;
      case 'createAddress':
        guard(signal);
        await this.store.create(decision.address);
        await this.seen(this.addresses, namespace, name, facts.address, signal);
        return CONTINUE;
      case 'commitAddress':
      case 'updateAddress':
      case 'unprotectAddress':
        guard(signal);
        await this.store.update(decision.address);
        await this.seen(this.addresses, namespace, name, facts.address, signal);
        return CONTINUE;
      case 'yieldAddress':
      case 'deleteAddress':
        guard(signal);
        try {
          await this.store.delete(RESOURCES.ipAddress, namespace, name, { resourceVersion: decision.address.metadata.resourceVersion });
        } catch (error) {
          if (!isStoreError(error, 'NotFound')) throw error;
        }
        await this.seen(this.addresses, namespace, name, facts.address, signal);
        return CONTINUE;
    }
  }

  /** Records a problem: an Event (and the condition, if asked for). */
  private async report(facts: ClaimFacts, reason: ProblemReason, message: string, signal: AbortSignal): Promise<void> {
    const claim = facts.claim;
    if (claim === undefined) return;
    this.log({ level: 'info', source: `${COMPONENT}/claims`, message, fields: { claim: objectKey(facts.namespace, facts.name), reason } });
    await this.events.record(claim, 'Warning', reason, message);
    await this.setCondition(claim, { reason, message }, signal);
  }

  /** Writes the `AddressAllocated` condition when `claimConditions` is on and it differs. */
  private async setCondition(claim: KubeObject, problem: { readonly reason: string; readonly message: string } | undefined, signal: AbortSignal): Promise<void> {
    if (this.options.claimConditions !== true) return;
    const status = (claim.status as { conditions?: Record<string, unknown>[] } | undefined) ?? {};
    const conditions = status.conditions ?? [];
    const current = conditions.find((c) => c.type === ADDRESS_ALLOCATED_CONDITION);
    const wanted = problem === undefined
      ? { type: ADDRESS_ALLOCATED_CONDITION, status: 'True' }
      : { type: ADDRESS_ALLOCATED_CONDITION, status: 'False', severity: 'Warning', reason: problem.reason, message: problem.message };
    if (current !== undefined && current.status === wanted.status && current.reason === (wanted as { reason?: string }).reason && current.message === (wanted as { message?: string }).message) return;
    const lastTransitionTime = current !== undefined && current.status === wanted.status ? current.lastTransitionTime : kubeTimestamp(this.clock.now());
    const next = [...conditions.filter((c) => c.type !== ADDRESS_ALLOCATED_CONDITION), { ...wanted, lastTransitionTime }];
    guard(signal);
    await this.store.updateStatus({ ...claim, status: { ...status, conditions: next } });
    await this.seen(this.claims, claim.metadata.namespace, claim.metadata.name, claim, signal);
  }

  /**
   * Waits until the informer shows a change of the object from `before` (created, changed,
   * deleted): what the binder decides next must rest on its own write (§4 step 6).
   */
  private async seen(informer: Informer, namespace: string | undefined, name: string, before: KubeObject | undefined, signal: AbortSignal): Promise<void> {
    const moved = (): boolean => {
      const now = informer.get(namespace, name);
      if (before === undefined) return now !== undefined;
      return now === undefined || now.metadata.uid !== before.metadata.uid || now.metadata.resourceVersion !== before.metadata.resourceVersion;
    };
    const timeout = this.options.cacheTimeoutMs ?? 5_000;
    if (!(await informer.waitFor(moved, timeout, signal)) && !signal.aborted) {
      throw new Error(`the cache did not show the write to ${objectKey(namespace, name)} within ${timeout} ms; retrying`);
    }
  }

  // --- pools -----------------------------------------------------------------------------------

  private flushPoolStatus(): void {
    const keys = [...this.deferredPoolStatus.keys()];
    // Kept until written, so that a pool looked at again keeps its first deferral time.
    for (const key of keys) this.poolController.enqueue(key);
  }

  private async reconcilePool(key: string, signal: AbortSignal): Promise<ReconcileResult | void> {
    const id = parsePoolKey(key);
    for (let step = 0; step < MAX_STEPS; step++) {
      if (signal.aborted || this.provider.length > 0) return;
      const informer = this.pools[id.kind];
      const pool = informer.get(id.namespace, id.name);
      const decision = pool === undefined ? undefined : decidePool({ pool, addresses: this.index.count(id), usage: () => this.index.usage(id, poolSpecOf(pool)) });
      if (decision?.action !== 'setPoolStatus') this.deferredPoolStatus.delete(key);
      if (pool === undefined || decision === undefined) return;
      switch (decision.action) {
        case 'none':
          return;
        case 'report':
          await this.events.record(pool, 'Warning', decision.reason, decision.message);
          return;
        case 'addPoolFinalizer':
        case 'removePoolFinalizer':
          guard(signal);
          await this.store.update(decision.pool);
          break;
        case 'setPoolStatus': {
          // While claims are being bound, the counts would change again at once: write them
          // once the claims settle (or once they have waited POOL_STATUS_BATCH_MS).
          const since = this.deferredPoolStatus.get(key) ?? this.clock.now();
          if (this.claimController.isBusy() && this.clock.now() - since < POOL_STATUS_BATCH_MS) {
            this.deferredPoolStatus.set(key, since);
            return;
          }
          this.deferredPoolStatus.delete(key);
          guard(signal);
          await this.store.updateStatus(decision.pool);
          break;
        }
      }
      await this.seen(informer, id.namespace, id.name, pool, signal);
    }
    throw new Error(`pool ${key} did not settle within ${MAX_STEPS} steps; retrying`);
  }
}

const NOTHING_IN_USE: InUse = { next: () => null, holders: () => [] };

/** Throws (ending the reconcile quietly) once the session is stopping: no write after that. */
function guard(signal: AbortSignal): void {
  if (signal.aborted) throw new Error('stopping');
}

function freeCount(pool: KubeObject): number {
  const free = (pool.status as { ipAddresses?: { free?: unknown } } | undefined)?.ipAddresses?.free;
  return typeof free === 'number' ? free : typeof free === 'bigint' ? Number(free) : Number.NaN;
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

function parsePoolKey(key: string): PoolId {
  const [kind, namespace, ...rest] = key.split('/');
  const name = rest.join('/');
  return kind === 'InClusterIPPool' ? { kind, namespace, name } : { kind: 'GlobalInClusterIPPool', name };
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (set === undefined) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  set?.delete(value);
  if (set?.size === 0) map.delete(key);
}

function sorted(keys: ReadonlySet<string> | undefined): string[] {
  return keys === undefined ? [] : [...keys].sort(compareText);
}
