/**
 * Leader election over a `coordination.k8s.io/v1` Lease, as client-go's leaderelection package:
 *
 * - A candidate reads the Lease every `retryPeriodMs`. It takes it when there is none (create),
 *   when it is its own, or when the holder has not renewed it for `leaseDurationSeconds` as seen
 *   on the candidate's own clock (the time it last saw the record change, not the renewTime
 *   written in it, so that clock skew between replicas does not matter). Every deadline is on
 *   the clock's monotonic reading, so a stepped wall clock moves none. Every write carries
 *   the resourceVersion read: of two candidates, one gets a 409 and stays a candidate.
 * - The leader renews every `retryPeriodMs`. When it has not renewed for `renewDeadlineMs`
 *   (renewals failing or hanging), it stops leading: `onStoppedLeading` runs and the signal
 *   given to `onStartedLeading` aborts. Since `renewDeadlineMs < leaseDurationMs`, it has
 *   stopped before any other candidate may take the Lease.
 * - A replica that stopped leading campaigns again after a retry period.
 * - On `stop()` a leader gives the Lease up (empty holder), so a successor need not wait.
 */
import { ProblemError } from '../../problems.js';
import { microTime } from '../clock.js';
import { isStoreError, RESOURCES, type Clock, type KubeObject, type Store } from '../store.js';
import { errorText, silentLogger, type Logger } from './log.js';

/** Options of a `LeaderElector`. */
export interface LeaderElectionOptions {
  readonly store: Store;
  readonly clock: Clock;
  /** The Lease's namespace. */
  readonly namespace: string;
  /** The Lease's name. */
  readonly name: string;
  /** This replica's name, written as `holderIdentity`; unique per replica. */
  readonly identity: string;
  /**
   * How long a Lease holds after its last renewal, as candidates see it.
   * @default 15_000
   */
  readonly leaseDurationMs?: number;
  /**
   * How long the leader keeps leading without a successful renewal.
   * @default 10_000
   */
  readonly renewDeadlineMs?: number;
  /**
   * The pause between attempts to take or renew the Lease.
   * @default 2_000
   */
  readonly retryPeriodMs?: number;
  /** @default silentLogger */
  readonly log?: Logger;
}

/** What happens on the transitions. */
export interface LeaderCallbacks {
  /** This replica leads until `signal` aborts. */
  onStartedLeading(signal: AbortSignal): void;
  /** This replica stopped leading (lost the Lease or was stopped). */
  onStoppedLeading?(): void;
  /** Another holder (or this one) was seen in the Lease. */
  onNewLeader?(identity: string): void;
}

/** The Lease spec as the API has it. */
interface LeaseSpec {
  readonly holderIdentity?: string;
  readonly leaseDurationSeconds?: number;
  readonly acquireTime?: string;
  readonly renewTime?: string;
  readonly leaseTransitions?: number;
}

/** Runs leader election for one replica. */
export class LeaderElector {
  private readonly leaseMs: number;
  private readonly renewDeadlineMs: number;
  private readonly retryMs: number;
  private readonly log: Logger;
  private readonly stopping = new AbortController();
  private leading: AbortController | undefined;
  private observed: { readonly spec: string; readonly at: number } | undefined;
  private loop: Promise<void> | undefined;
  private lastHolder: string | undefined;

  public constructor(private readonly options: LeaderElectionOptions) {
    this.leaseMs = options.leaseDurationMs ?? 15_000;
    this.renewDeadlineMs = options.renewDeadlineMs ?? 10_000;
    this.retryMs = options.retryPeriodMs ?? 2_000;
    this.log = options.log ?? silentLogger;
    const problems = [];
    if (!(this.leaseMs > this.renewDeadlineMs)) {
      problems.push({ path: 'leaseDurationMs', message: `${this.leaseMs} must be greater than renewDeadlineMs (${this.renewDeadlineMs}), or two leaders could overlap` });
    }
    if (!(this.renewDeadlineMs > this.retryMs)) {
      problems.push({ path: 'renewDeadlineMs', message: `${this.renewDeadlineMs} must be greater than retryPeriodMs (${this.retryMs}), or one failed renewal loses the lead` });
    }
    if (!(this.retryMs > 0)) problems.push({ path: 'retryPeriodMs', message: `${this.retryMs} must be positive` });
    if (options.identity === '') problems.push({ path: 'identity', message: 'the identity must not be empty; use the pod name' });
    if (problems.length > 0) throw new ProblemError('input', problems);
  }

  /** Whether this replica leads now. */
  public get isLeader(): boolean {
    return this.leading !== undefined && !this.leading.signal.aborted;
  }

  /** Starts campaigning (once). */
  public run(callbacks: LeaderCallbacks): void {
    this.loop ??= this.campaign(callbacks);
  }

  /**
   * Stops campaigning. A leader stops leading and, unless `release` is false (a simulated
   * crash), gives the Lease up.
   */
  public async stop(options: { readonly release?: boolean } = {}): Promise<void> {
    const wasLeading = this.isLeader;
    this.stopping.abort();
    if (options.release === false) return;
    await this.loop;
    if (wasLeading) await this.release();
  }

  private async campaign(callbacks: LeaderCallbacks): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      // Take the Lease.
      while (!signal.aborted && !(await this.tryAcquireOrRenew(callbacks))) {
        await this.options.clock.sleep(this.retryMs, signal);
      }
      if (signal.aborted) return;
      const leading = new AbortController();
      this.leading = leading;
      this.log({ level: 'info', source: 'leader-election', message: 'started leading', fields: { identity: this.options.identity } });
      callbacks.onStartedLeading(leading.signal);
      // Renew it until a renewal is overdue or we are stopped.
      let renewedAt = this.options.clock.monotonic();
      while (!signal.aborted) {
        await this.options.clock.sleep(this.retryMs, signal);
        if (signal.aborted) break;
        const left = renewedAt + this.renewDeadlineMs - this.options.clock.monotonic();
        const renewed = left > 0 && (await this.withDeadline(this.tryAcquireOrRenew(callbacks), left));
        if (renewed) {
          renewedAt = this.options.clock.monotonic();
        } else if (this.options.clock.monotonic() - renewedAt >= this.renewDeadlineMs) {
          this.log({ level: 'warn', source: 'leader-election', message: 'failed to renew the lease in time; stopped leading', fields: { identity: this.options.identity } });
          break;
        }
      }
      leading.abort();
      this.leading = undefined;
      callbacks.onStoppedLeading?.();
      // Campaign again, one retry period later (a lost lead is not taken back in the same instant).
      await this.options.clock.sleep(this.retryMs, signal);
    }
  }

  /** `attempt`'s answer, or `false` when it takes longer than `ms` of the clock. */
  private async withDeadline(attempt: Promise<boolean>, ms: number): Promise<boolean> {
    const timer = new AbortController();
    const result = await Promise.race([attempt, this.options.clock.sleep(ms, timer.signal).then(() => false)]);
    timer.abort();
    return result;
  }

  /** One attempt to take or renew the Lease; `true` when this replica holds it afterwards. */
  private async tryAcquireOrRenew(callbacks: LeaderCallbacks): Promise<boolean> {
    const { store, clock, namespace, name, identity } = this.options;
    // Deadlines on the monotonic clock; the wall clock only for the times written in the Lease.
    const now = clock.monotonic();
    const wall = clock.now();
    const mine: LeaseSpec = {
      holderIdentity: identity,
      leaseDurationSeconds: Math.ceil(this.leaseMs / 1000),
      acquireTime: microTime(wall),
      renewTime: microTime(wall),
      leaseTransitions: 0,
    };
    try {
      const lease = await store.get(RESOURCES.lease, namespace, name);
      if (this.stopping.signal.aborted) return false;
      if (lease === undefined) {
        await store.create({ apiVersion: RESOURCES.lease.apiVersion, kind: RESOURCES.lease.kind, metadata: { name, namespace }, spec: mine });
        this.observe(mine, clock.monotonic(), callbacks);
        return true;
      }
      const spec = (lease.spec ?? {}) as LeaseSpec;
      this.observe(spec, now, callbacks);
      const holder = spec.holderIdentity ?? '';
      const expires = this.observed!.at + (spec.leaseDurationSeconds ?? 0) * 1000;
      if (holder !== '' && holder !== identity && expires > now) return false;
      const next: LeaseSpec =
        holder === identity
          ? { ...spec, renewTime: microTime(wall), leaseDurationSeconds: mine.leaseDurationSeconds }
          : { ...mine, leaseTransitions: (spec.leaseTransitions ?? 0) + 1 };
      const updated: KubeObject = { ...lease, spec: next };
      await store.update(updated);
      this.observe(next, clock.monotonic(), callbacks);
      return true;
    } catch (error) {
      if (!isStoreError(error, 'Conflict', 'AlreadyExists')) {
        this.log({ level: 'warn', source: 'leader-election', message: 'lease call failed', fields: { identity, error: errorText(error) } });
      }
      return false;
    }
  }

  /** Notes when the record last changed, on our monotonic clock. */
  private observe(spec: LeaseSpec, at: number, callbacks: LeaderCallbacks): void {
    const text = JSON.stringify(spec);
    if (this.observed?.spec !== text) this.observed = { spec: text, at };
    const holder = spec.holderIdentity ?? '';
    if (holder !== '' && holder !== this.lastHolder) {
      this.lastHolder = holder;
      callbacks.onNewLeader?.(holder);
    }
  }

  /** Gives the Lease up if this replica still holds it. */
  private async release(): Promise<void> {
    const { store, clock, namespace, name, identity } = this.options;
    try {
      const lease = await store.get(RESOURCES.lease, namespace, name);
      const spec = (lease?.spec ?? {}) as LeaseSpec;
      if (lease === undefined || spec.holderIdentity !== identity) return;
      const now = microTime(clock.now());
      await store.update({ ...lease, spec: { leaseDurationSeconds: 1, acquireTime: now, renewTime: now, leaseTransitions: spec.leaseTransitions ?? 0 } });
    } catch (error) {
      this.log({ level: 'warn', source: 'leader-election', message: 'failed to release the lease', fields: { identity, error: errorText(error) } });
    }
  }
}
