/**
 * The reconciler as a long-running process, minus flags and I/O wiring (`cli/commands/reconcile.ts`):
 * it optionally campaigns for a Lease and, while it leads, runs the selected controllers (the
 * claim binder, the NIC attacher); it serves `/healthz`, `/readyz` and Prometheus `/metrics`; when
 * `signal` aborts it stops its controllers, gives the Lease up and returns 0; when it loses the
 * Lease it returns 1 (another replica may already be binding); when the claim binder finds the
 * In-Cluster IPAM provider installed it binds nothing and the process returns 1 too.
 */
import { runClaimBinder, type ClaimBinder } from '../claims/binder.js';
import { CloudClient } from '../cloud/client.js';
import type { CloudCredentials } from '../cloud/credentials.js';
import { runNicAttacher, secretCredentialsProvider, type NicAttacher } from '../nics/attacher.js';
import type { Clock, Store } from '../store.js';
import { serveEndpoints } from './endpoints.js';
import { LeaderElector } from './leader-election.js';
import type { Logger } from './log.js';
import { countingStore, Metrics, ProcessState } from './metrics.js';

/** What the process runs, and how. */
export interface ManagerSettings {
  readonly claims: boolean;
  readonly nics?: 'observe' | 'attach';
  /**
   * Bind claims and watch machines of this namespace only; IPAddresses (for global pools) and
   * GlobalInClusterIPPools are still watched cluster-wide. @default every namespace
   */
  readonly namespace?: string;
  readonly leaderElect: boolean;
  readonly leaseName: string;
  readonly leaseNamespace: string;
  /** Lease timing in milliseconds (client-go's defaults: 15 s, 10 s, 2 s). */
  readonly leaseDurationMs: number;
  readonly renewDeadlineMs: number;
  readonly retryPeriodMs: number;
  readonly identity: string;
  readonly bindAddress: string;
  readonly healthPort: number;
  readonly metricsPort: number;
  readonly workers: number;
  /** A Cloud API token for every machine, instead of each cluster's Secret. */
  readonly cloudToken?: CloudCredentials;
}

/** The process's connections, made by the caller. */
export interface ManagerWiring {
  /** The cluster (a KubeStore in a real run). */
  readonly store: Store;
  /** Called once at the end, after everything stopped (close the store's connections). */
  readonly close?: () => void;
  readonly clock: Clock;
  readonly log: Logger;
  /** Extra fields of the `starting` log line (where the cluster is). */
  readonly describe?: Readonly<Record<string, unknown>>;
}

/** Process exit codes the manager returns. */
export const MANAGER_OK = 0;
/** The Lease was lost, or the claim binder found the In-Cluster IPAM provider and refused to bind. */
export const MANAGER_LOST_LEASE = 1;

/** How long a shutdown waits for running reconciles. */
const SHUTDOWN_WAIT_MS = 15_000;

/**
 * Runs until `signal` aborts (then returns 0) or the Lease is lost (returns 1).
 * @throws UsageError when an endpoint's port cannot be bound
 */
export async function runManager(settings: ManagerSettings, wiring: ManagerWiring, signal: AbortSignal): Promise<number> {
  const { clock, log } = wiring;
  const metrics = new Metrics();
  const state = new ProcessState();
  const store = countingStore(wiring.store, metrics, state);

  const servers = await serveEndpoints(settings, state, metrics);
  log({ level: 'info', source: 'reconcile', message: 'starting', fields: {
    ...wiring.describe, identity: settings.identity, claims: settings.claims, nics: settings.nics ?? 'off',
    namespace: settings.namespace ?? '(all)', leaderElection: settings.leaderElect ? `${settings.leaseNamespace}/${settings.leaseName}` : 'off',
    health: servers.health, metrics: servers.metrics,
  } });

  let exitCode = MANAGER_OK;
  let stopReason = 'lost the lease';
  const finished = new AbortController();
  if (!/^(127\.|::1$|localhost$)/.test(settings.bindAddress)) {
    log({ level: 'warn', source: 'reconcile', message: `the endpoints listen on ${settings.bindAddress} without authentication; keep them on 127.0.0.1 or put an authenticating proxy in front`, fields: { health: servers.health, metrics: servers.metrics } });
  }
  const controllers = new Controllers(settings, store, clock, log, metrics, () => {
    stopReason = 'the In-Cluster IPAM provider is installed';
    // The binder has logged what it found; it binds nothing. Leave loudly (the pod restarts and
    // finds it again) rather than run on as if binding.
    exitCode = MANAGER_LOST_LEASE;
    finished.abort();
  });
  const onStop = (): void => finished.abort();
  signal.addEventListener('abort', onStop, { once: true });
  if (signal.aborted) finished.abort();

  let elector: LeaderElector | undefined;
  if (settings.leaderElect) {
    elector = new LeaderElector({
      store, clock, namespace: settings.leaseNamespace, name: settings.leaseName, identity: settings.identity, log,
      leaseDurationMs: settings.leaseDurationMs, renewDeadlineMs: settings.renewDeadlineMs, retryPeriodMs: settings.retryPeriodMs,
    });
    elector.run({
      onStartedLeading: () => {
        metrics.leader = 1;
        controllers.start();
      },
      onStoppedLeading: () => {
        metrics.leader = 0;
        void controllers.stop();
        if (!finished.signal.aborted) {
          // Another replica may take the Lease now: leave, and let the pod restart as a candidate.
          log({ level: 'error', source: 'reconcile', message: 'lost the lease; exiting so that only one replica binds', fields: { identity: settings.identity } });
          exitCode = MANAGER_LOST_LEASE;
          finished.abort();
        }
      },
      onNewLeader: (identity) => log({ level: 'info', source: 'leader-election', message: 'leader', fields: { leader: identity, self: identity === settings.identity } }),
    });
  } else {
    metrics.leader = 1;
    controllers.start();
  }
  state.started = true;

  await new Promise<void>((resolve) => {
    if (finished.signal.aborted) resolve();
    else finished.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  signal.removeEventListener('abort', onStop);
  state.stopping = true;
  log({ level: 'info', source: 'reconcile', message: 'shutting down', fields: { reason: signal.aborted ? String(signal.reason ?? 'signal') : stopReason } });
  // Kubernetes sends SIGKILL after terminationGracePeriodSeconds (30 s by default): give up waiting
  // for the controllers well before, so that the Lease is still given up.
  if (!(await withDeadline(controllers.stop(), SHUTDOWN_WAIT_MS, clock))) {
    log({ level: 'error', source: 'reconcile', message: `controllers did not stop within ${SHUTDOWN_WAIT_MS / 1000}s; going on with the shutdown` });
  }
  if (elector !== undefined) await elector.stop();
  metrics.leader = 0;
  await servers.close();
  wiring.close?.();
  log({ level: 'info', source: 'reconcile', message: 'stopped', fields: { exitCode } });
  return exitCode;
}

/** Whether `work` finished within `ms` of the clock. */
async function withDeadline(work: Promise<unknown>, ms: number, clock: Clock): Promise<boolean> {
  const timer = new AbortController();
  const done = await Promise.race([work.then(() => true), clock.sleep(ms, timer.signal).then(() => false)]);
  timer.abort();
  return done;
}

/** The controllers of one term as leader; started and stopped with the Lease. */
class Controllers {
  private binder: ClaimBinder | undefined;
  private attacher: NicAttacher | undefined;
  private stopping: Promise<void> | undefined;

  public constructor(
    private readonly settings: ManagerSettings,
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly metrics: Metrics,
    private readonly onProviderFound: () => void,
  ) {
    metrics.binder = () => this.binder;
    metrics.attacher = () => this.attacher;
  }

  public start(): void {
    const { settings, store, clock, log } = this;
    if (settings.claims) {
      this.binder = runClaimBinder({
        store, clock, identity: settings.identity, leaderElection: false, workers: settings.workers, log,
        onProviderFound: this.onProviderFound,
        ...(settings.namespace === undefined ? {} : { namespace: settings.namespace }),
      });
      log({ level: 'info', source: 'reconcile', message: 'claim binder started' });
    }
    if (settings.nics !== undefined) {
      const token = settings.cloudToken;
      const cloud = token !== undefined
        ? new CloudClient({ ...token, clock, userAgent: 'capi-ionos-reconciler' })
        : secretCredentialsProvider({ store, createClient: (credentials) => new CloudClient({ ...credentials, clock, userAgent: 'capi-ionos-reconciler' }) });
      this.attacher = runNicAttacher({
        store, clock, cloud, mode: settings.nics, workers: settings.workers, log, identity: settings.identity,
        // Attach mode acts only as the holder of a Lease of its own, with or without --leader-elect.
        leaderElection: settings.nics === 'attach'
          ? { namespace: settings.leaseNamespace, name: `${settings.leaseName}-nic-attacher`, leaseDurationMs: settings.leaseDurationMs, renewDeadlineMs: settings.renewDeadlineMs, retryPeriodMs: settings.retryPeriodMs }
          : false,
        ...(settings.namespace === undefined ? {} : { namespace: settings.namespace }),
      });
      log({ level: 'info', source: 'reconcile', message: 'NIC attacher started', fields: { mode: settings.nics } });
    }
  }

  public async stop(): Promise<void> {
    const binder = this.binder;
    const attacher = this.attacher;
    if (binder === undefined && attacher === undefined) return this.stopping;
    this.binder = undefined;
    this.attacher = undefined;
    this.stopping = (async () => {
      await Promise.all([binder?.stop(), attacher?.stop()]);
      if (binder !== undefined) this.metrics.addTerm(binder.stats);
      if (attacher !== undefined) this.metrics.addAttacherTerm(attacher.controller.stats);
      this.log({ level: 'info', source: 'reconcile', message: 'controllers stopped' });
    })();
    return this.stopping;
  }
}
