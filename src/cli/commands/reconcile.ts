/**
 * `capi-ionos reconcile`: the runtime reconciler as a long-running process.
 *
 * It connects to the management cluster (KubeStore), optionally campaigns for a Lease, and while
 * it leads runs the selected controllers (the claim binder, the NIC attacher). It logs JSON lines
 * to stderr, serves `/healthz`, `/readyz` and Prometheus `/metrics`, and on SIGTERM or SIGINT
 * stops its controllers, gives the Lease up and exits 0.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { hostname, homedir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { runClaimBinder, type ClaimBinder, type ClaimBinderStats } from '../../reconciler/claims/binder.js';
import { systemClock } from '../../reconciler/clock.js';
import { CloudClient } from '../../reconciler/cloud/client.js';
import { credentialsFromEnv } from '../../reconciler/cloud/credentials.js';
import { KubeStore, type KubeStoreSource } from '../../reconciler/kube-store.js';
import { runNicAttacher, secretCredentialsProvider, type NicAttacher } from '../../reconciler/nics/attacher.js';
import { LeaderElector } from '../../reconciler/runtime/leader-election.js';
import { errorText, type LogEntry, type Logger, type LogLevel } from '../../reconciler/runtime/log.js';
import { RESOURCES, isStoreError, type Clock, type KubeObject, type Store } from '../../reconciler/store.js';
import { parse } from '../args.js';
import { RECONCILE_HELP } from '../help.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type Io, type Output } from '../io.js';

/** Everything `reconcile` was asked to do, resolved from flags and environment. */
export interface ReconcileConfig {
  readonly source: KubeStoreSource;
  /** A human-readable name of `source`, for the log. */
  readonly sourceText: string;
  readonly claims: boolean;
  readonly nics?: 'observe' | 'attach';
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
  readonly logLevel: LogLevel;
  readonly workers: number;
  /** A Cloud API token for every machine (IONOS_TOKEN), instead of each cluster's Secret. */
  readonly cloudToken?: { readonly token: string; readonly apiURL: string };
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** `capi-ionos reconcile [options]` */
export async function reconcile(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('reconcile', args, {
    kubeconfig: { type: 'string' },
    context: { type: 'string' },
    claims: { type: 'boolean' },
    nics: { type: 'string' },
    namespace: { type: 'string', short: 'n' },
    'leader-elect': { type: 'boolean' },
    'lease-name': { type: 'string' },
    'lease-namespace': { type: 'string' },
    'lease-duration': { type: 'string' },
    'renew-deadline': { type: 'string' },
    'retry-period': { type: 'string' },
    identity: { type: 'string' },
    'bind-address': { type: 'string' },
    'health-port': { type: 'string' },
    'metrics-port': { type: 'string' },
    'log-level': { type: 'string' },
    workers: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`reconcile takes no arguments, got ${positionals.map((p) => JSON.stringify(p)).join(', ')}; run 'capi-ionos reconcile --help'`);
  if (values.help) {
    io.stdout.write(RECONCILE_HELP);
    return EXIT_OK;
  }
  const config = reconcileConfig(values as Record<string, string | boolean | undefined>, io.env);
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => stop.abort(signal);
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    return await runReconciler(config, io, stop.signal);
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}

/** Resolves flags and environment into a config; throws UsageError for bad input. */
export function reconcileConfig(values: Readonly<Record<string, string | boolean | undefined>>, env: Io['env']): ReconcileConfig {
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const port = (name: string, fallback: number): number => {
    const given = text(name);
    if (given === undefined) return fallback;
    const n = Number(given);
    if (!/^\d+$/.test(given) || n > 65535) throw new UsageError(`--${name} ${JSON.stringify(given)} is not a port; use 0-65535 (0 picks a free one)`);
    return n;
  };
  const nics = text('nics');
  if (nics !== undefined && nics !== 'observe' && nics !== 'attach') {
    throw new UsageError(`--nics ${JSON.stringify(nics)} is not a mode; use 'observe' (report drift) or 'attach' (also create and fix NICs)`);
  }
  const logLevel = text('log-level') ?? 'info';
  if (!LEVELS.includes(logLevel as LogLevel)) throw new UsageError(`--log-level ${JSON.stringify(logLevel)} is not a level; use ${LEVELS.join(', ')}`);
  const workersText = text('workers') ?? '1';
  const workers = Number(workersText);
  if (!/^\d+$/.test(workersText) || workers < 1 || workers > 64) throw new UsageError(`--workers ${JSON.stringify(workersText)} must be a whole number from 1 to 64`);
  const seconds = (name: string, fallback: number): number => {
    const given = text(name);
    if (given === undefined) return fallback;
    const match = /^(\d+(?:\.\d+)?)s?$/.exec(given);
    if (match === null || Number(match[1]) <= 0) throw new UsageError(`--${name} ${JSON.stringify(given)} is not a duration; use seconds, e.g. 15 or 15s`);
    return Math.round(Number(match[1]) * 1000);
  };
  const leaseDurationMs = seconds('lease-duration', 15_000);
  const renewDeadlineMs = seconds('renew-deadline', 10_000);
  const retryPeriodMs = seconds('retry-period', 2_000);
  if (!(leaseDurationMs > renewDeadlineMs && renewDeadlineMs > retryPeriodMs)) {
    throw new UsageError(`the lease timings must satisfy --lease-duration > --renew-deadline > --retry-period, got ${leaseDurationMs / 1000}s, ${renewDeadlineMs / 1000}s, ${retryPeriodMs / 1000}s`);
  }
  const healthPort = port('health-port', 8081);
  const metricsPort = port('metrics-port', 8080);
  const dns = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
  for (const name of ['namespace', 'lease-namespace', 'lease-name']) {
    const value = text(name);
    if (value !== undefined && !dns.test(value)) throw new UsageError(`--${name} ${JSON.stringify(value)} is not a valid name; use lower-case letters, digits and '-'`);
  }

  // Where the cluster is: the flag, $KUBECONFIG, the pod's service account, ~/.kube/config.
  const context = text('context');
  let source: KubeStoreSource;
  let sourceText: string;
  const flag = text('kubeconfig');
  const fromEnv = env['KUBECONFIG']?.split(process.platform === 'win32' ? ';' : ':').find((p) => p !== '');
  if (flag !== undefined || fromEnv !== undefined) {
    const path = (flag ?? fromEnv)!;
    source = { kubeconfig: path, ...(context === undefined ? {} : { context }) };
    sourceText = path;
  } else if (env['KUBERNETES_SERVICE_HOST'] !== undefined && env['KUBERNETES_SERVICE_PORT'] !== undefined) {
    source = { inCluster: { host: env['KUBERNETES_SERVICE_HOST'], port: env['KUBERNETES_SERVICE_PORT'] } };
    sourceText = 'in-cluster service account';
  } else {
    const path = join(env['HOME'] ?? homedir(), '.kube', 'config');
    source = { kubeconfig: path, ...(context === undefined ? {} : { context }) };
    sourceText = path;
  }

  const token = env['IONOS_TOKEN'];
  return {
    source,
    sourceText,
    claims: values['claims'] === true || nics === undefined,
    ...(nics === undefined ? {} : { nics }),
    ...(text('namespace') === undefined ? {} : { namespace: text('namespace') }),
    leaderElect: values['leader-elect'] === true,
    leaseName: text('lease-name') ?? 'capi-ionos-reconciler',
    leaseNamespace: text('lease-namespace') ?? env['POD_NAMESPACE'] ?? 'capi-ionos-system',
    leaseDurationMs,
    renewDeadlineMs,
    retryPeriodMs,
    identity: text('identity') ?? env['POD_NAME'] ?? `${hostname()}-${randomBytes(4).toString('hex')}`,
    bindAddress: text('bind-address') ?? '127.0.0.1',
    healthPort,
    metricsPort,
    logLevel: logLevel as LogLevel,
    workers,
    ...(token !== undefined && token.trim() !== '' ? { cloudToken: credentialsFromEnv(env) } : {}),
  };
}

/**
 * Runs the reconciler until `signal` aborts (then exits 0) or the Lease is lost (exits 1).
 * The clock is injected for the log's timestamps and every wait of the controllers.
 */
export async function runReconciler(config: ReconcileConfig, io: Io, signal: AbortSignal, clock: Clock = systemClock): Promise<number> {
  const log = jsonLogger(io.stderr, clock, config.logLevel);
  let kube: KubeStore;
  try {
    kube = new KubeStore(config.source, {
      userAgent: 'capi-ionos-reconciler',
      ...(config.namespace === undefined ? {} : { namespace: config.namespace }),
    });
  } catch (error) {
    throw new UsageError(`cannot use the cluster connection from ${config.sourceText}: ${errorText(error)}`);
  }
  const metrics = new Metrics();
  const state = new ProcessState();
  const store = countingStore(kube, metrics, state);

  const servers = await serve(config, state, metrics);
  log({ level: 'info', source: 'reconcile', message: 'starting', fields: {
    server: kube.server, kubeconfig: config.sourceText, identity: config.identity, claims: config.claims, nics: config.nics ?? 'off',
    namespace: config.namespace ?? '(all)', leaderElection: config.leaderElect ? `${config.leaseNamespace}/${config.leaseName}` : 'off',
    health: servers.health, metrics: servers.metrics,
  } });

  const controllers = new Controllers(config, store, clock, log, metrics);
  let exitCode = EXIT_OK;
  const finished = new AbortController();
  const onStop = (): void => finished.abort();
  signal.addEventListener('abort', onStop, { once: true });
  if (signal.aborted) finished.abort();

  let elector: LeaderElector | undefined;
  if (config.leaderElect) {
    elector = new LeaderElector({
      store, clock, namespace: config.leaseNamespace, name: config.leaseName, identity: config.identity, log,
      leaseDurationMs: config.leaseDurationMs, renewDeadlineMs: config.renewDeadlineMs, retryPeriodMs: config.retryPeriodMs,
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
          log({ level: 'error', source: 'reconcile', message: 'lost the lease; exiting so that only one replica binds', fields: { identity: config.identity } });
          exitCode = EXIT_FINDINGS;
          finished.abort();
        }
      },
      onNewLeader: (identity) => log({ level: 'info', source: 'leader-election', message: 'leader', fields: { leader: identity, self: identity === config.identity } }),
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
  log({ level: 'info', source: 'reconcile', message: 'shutting down', fields: { reason: signal.aborted ? String(signal.reason ?? 'signal') : 'lost the lease' } });
  // Kubernetes sends SIGKILL after terminationGracePeriodSeconds (30 s by default): give up waiting
  // for the controllers well before, so that the Lease is still given up.
  if (!(await withDeadline(controllers.stop(), SHUTDOWN_WAIT_MS, clock))) {
    log({ level: 'error', source: 'reconcile', message: `controllers did not stop within ${SHUTDOWN_WAIT_MS / 1000}s; going on with the shutdown` });
  }
  if (elector !== undefined) await elector.stop();
  metrics.leader = 0;
  await servers.close();
  kube.close();
  log({ level: 'info', source: 'reconcile', message: 'stopped', fields: { exitCode } });
  return exitCode;
}

/** How long a shutdown waits for running reconciles. */
const SHUTDOWN_WAIT_MS = 15_000;

/** Whether `work` finished within `ms` of the clock. */
async function withDeadline(work: Promise<unknown>, ms: number, clock: Clock): Promise<boolean> {
  const timer = new AbortController();
  const done = await Promise.race([work.then(() => true), clock.sleep(ms, timer.signal).then(() => false)]);
  timer.abort();
  return done;
}

// ---------------------------------------------------------------------------------------------
// Controllers
// ---------------------------------------------------------------------------------------------

/** The controllers of one term as leader; started and stopped with the Lease. */
class Controllers {
  private binder: ClaimBinder | undefined;
  private attacher: NicAttacher | undefined;
  private stopping: Promise<void> | undefined;

  public constructor(
    private readonly config: ReconcileConfig,
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly metrics: Metrics,
  ) {
    metrics.binder = () => this.binder;
    metrics.attacher = () => this.attacher;
  }

  public start(): void {
    const { config, store, clock, log } = this;
    if (config.claims) {
      this.binder = runClaimBinder({ store, clock, identity: config.identity, leaderElection: false, workers: config.workers, log });
      log({ level: 'info', source: 'reconcile', message: 'claim binder started' });
    }
    if (config.nics !== undefined) {
      const token = config.cloudToken;
      const cloud = token !== undefined
        ? new CloudClient({ ...token, clock, userAgent: 'capi-ionos-reconciler' })
        : secretCredentialsProvider({ store, createClient: (credentials) => new CloudClient({ ...credentials, clock, userAgent: 'capi-ionos-reconciler' }) });
      this.attacher = runNicAttacher({
        store, clock, cloud, mode: config.nics, workers: config.workers, log,
        ...(config.namespace === undefined ? {} : { namespace: config.namespace }),
      });
      log({ level: 'info', source: 'reconcile', message: 'NIC attacher started', fields: { mode: config.nics } });
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

// ---------------------------------------------------------------------------------------------
// Logging: JSON lines
// ---------------------------------------------------------------------------------------------

/** A Logger writing one JSON object per line: ts (from the clock), level, source, msg, fields. */
export function jsonLogger(out: Output, clock: Clock, minLevel: LogLevel): Logger {
  const min = LEVELS.indexOf(minLevel);
  return (entry: LogEntry) => {
    if (LEVELS.indexOf(entry.level) < min) return;
    const line: Record<string, unknown> = { ts: new Date(clock.now()).toISOString(), level: entry.level, source: entry.source, msg: entry.message };
    for (const [key, value] of Object.entries(entry.fields ?? {})) line[key in line ? `field.${key}` : key] = value;
    out.write(`${JSON.stringify(line)}\n`);
  };
}

// ---------------------------------------------------------------------------------------------
// Health, readiness and metrics
// ---------------------------------------------------------------------------------------------

class ProcessState {
  public started = false;
  public stopping = false;
  /** Whether the last store call got an answer from the API server (any HTTP status). */
  public reachable = false;
}

/** The numbers behind `/metrics`. */
class Metrics {
  public leader = 0;
  public claimsBound = 0;
  public readonly requests = new Map<string, number>();
  public binder: () => ClaimBinder | undefined = () => undefined;
  public attacher: () => NicAttacher | undefined = () => undefined;
  private readonly pastBinder = { claimReconciles: 0, poolReconciles: 0, transientFailures: 0, permanentFailures: 0 };
  private readonly pastAttacher = { reconciles: 0, transientFailures: 0, permanentFailures: 0 };

  public addTerm(stats: ClaimBinderStats): void {
    this.pastBinder.claimReconciles += stats.claimReconciles;
    this.pastBinder.poolReconciles += stats.poolReconciles;
    this.pastBinder.transientFailures += stats.transientFailures;
    this.pastBinder.permanentFailures += stats.permanentFailures;
  }

  public addAttacherTerm(stats: { readonly reconciles: number; readonly transientFailures: number; readonly permanentFailures: number }): void {
    this.pastAttacher.reconciles += stats.reconciles;
    this.pastAttacher.transientFailures += stats.transientFailures;
    this.pastAttacher.permanentFailures += stats.permanentFailures;
  }

  /** The Prometheus text exposition (version 0.0.4). */
  public render(): string {
    const binder = this.binder()?.stats;
    const attacher = this.attacher()?.controller.stats;
    const b = this.pastBinder;
    const a = this.pastAttacher;
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, samples: readonly (readonly [string, number])[]): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
    };
    metric('capi_ionos_leader', 'gauge', 'Whether this replica holds the Lease and runs the controllers (1) or waits (0).', [['', this.leader]]);
    metric('capi_ionos_claims_bound_total', 'counter', 'IPAddressClaims this process bound (set status.addressRef of).', [['', this.claimsBound]]);
    metric('capi_ionos_reconciles_total', 'counter', 'Reconciles run, by controller.', [
      ['{controller="claims"}', b.claimReconciles + (binder?.claimReconciles ?? 0)],
      ['{controller="pools"}', b.poolReconciles + (binder?.poolReconciles ?? 0)],
      ['{controller="nics"}', a.reconciles + (attacher?.reconciles ?? 0)],
    ]);
    metric('capi_ionos_reconcile_errors_total', 'counter', 'Failed reconciles, by controller and kind (transient: retried with backoff; permanent: reported, not retried).', [
      ['{controller="claims",kind="transient"}', b.transientFailures + (binder?.transientFailures ?? 0)],
      ['{controller="claims",kind="permanent"}', b.permanentFailures + (binder?.permanentFailures ?? 0)],
      ['{controller="nics",kind="transient"}', a.transientFailures + (attacher?.transientFailures ?? 0)],
      ['{controller="nics",kind="permanent"}', a.permanentFailures + (attacher?.permanentFailures ?? 0)],
    ]);
    const depth = (stats: unknown): number => {
      const value = (stats as { queueDepth?: unknown } | undefined)?.queueDepth;
      return typeof value === 'number' ? value : 0;
    };
    metric('capi_ionos_workqueue_depth', 'gauge', 'Keys waiting in the work queue, by controller (0 on a replica that does not lead).', [
      ['{controller="claims"}', depth(binder)],
      ['{controller="nics"}', depth(attacher)],
    ]);
    metric('capi_ionos_kube_requests_total', 'counter', 'Calls to the Kubernetes API, by verb, resource and answer (code 0: no answer).',
      [...this.requests.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    return `${lines.join('\n')}\n`;
  }
}

/**
 * The store with every call counted, and binds: a claim status write that carries
 * `status.addressRef` (the binder writes a claim's status only to bind it; the CLI does not turn
 * on its optional conditions).
 */
function countingStore(store: Store, metrics: Metrics, state: ProcessState): Store {
  const count = async <T>(verb: string, plural: string, call: () => Promise<T>): Promise<T> => {
    try {
      const result = await call();
      bump(verb, plural, 200);
      return result;
    } catch (error) {
      bump(verb, plural, isStoreError(error) ? error.status : 0);
      throw error;
    }
  };
  const bump = (verb: string, plural: string, code: number): void => {
    const key = `{verb="${verb}",resource="${plural}",code="${code}"}`;
    metrics.requests.set(key, (metrics.requests.get(key) ?? 0) + 1);
    state.reachable = code !== 0;
  };
  const pluralOf = (object: KubeObject): string =>
    Object.values(RESOURCES).find((t) => t.apiVersion === object.apiVersion && t.kind === object.kind)?.plural ?? object.kind.toLowerCase();
  return {
    get: (type, namespace, name) => count('get', type.plural, () => store.get(type, namespace, name)),
    list: (type, options) => count('list', type.plural, () => store.list(type, options)),
    create: (object) => count('create', pluralOf(object), () => store.create(object)),
    update: (object) => count('update', pluralOf(object), () => store.update(object)),
    updateStatus: async (object) => {
      const updated = await count('update', `${pluralOf(object)}/status`, () => store.updateStatus(object));
      if (object.kind === RESOURCES.ipAddressClaim.kind && (object.status as { addressRef?: { name?: string } } | undefined)?.addressRef?.name) {
        metrics.claimsBound++;
      }
      return updated;
    },
    delete: (type, namespace, name, options) => count('delete', type.plural, () => store.delete(type, namespace, name, options)),
    watch: (type, options, handlers) => {
      bump('watch', type.plural, 200);
      return store.watch(type, options, {
        onEvent: handlers.onEvent,
        onError: (error) => {
          bump('watch', type.plural, error.status);
          handlers.onError(error);
        },
      });
    },
  };
}

interface Servers {
  readonly health: string;
  readonly metrics: string;
  close(): Promise<void>;
}

/** Starts the health and metrics endpoints (one server when both ports are the same). */
async function serve(config: ReconcileConfig, state: ProcessState, metrics: Metrics): Promise<Servers> {
  const handler = (paths: readonly string[]) => (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0]!;
    const reply = (status: number, body: string, type = 'text/plain; charset=utf-8'): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'method not allowed\n');
    if (path === '/healthz' && paths.includes(path)) return state.stopping ? reply(503, 'stopping\n') : reply(200, 'ok\n');
    if (path === '/readyz' && paths.includes(path)) {
      if (state.stopping) return reply(503, 'stopping\n');
      if (!state.started) return reply(503, 'starting\n');
      return state.reachable ? reply(200, 'ok\n') : reply(503, 'the Kubernetes API has not answered the last call\n');
    }
    if (path === '/metrics' && paths.includes(path)) return reply(200, metrics.render(), 'text/plain; version=0.0.4; charset=utf-8');
    reply(404, 'not found\n');
  };
  const listen = (port: number, paths: readonly string[]): Promise<http.Server> =>
    new Promise((resolve, reject) => {
      const server = http.createServer(handler(paths));
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(new UsageError(`cannot serve ${paths.join(', ')} on ${config.bindAddress}:${port}: ${error.code ?? error.message}; pick another port with --health-port / --metrics-port`)));
      server.listen(port, config.bindAddress, () => resolve(server));
    });
  const address = (server: http.Server): string => {
    const a = server.address() as AddressInfo;
    return a.family === 'IPv6' ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
  };
  const shared = config.healthPort === config.metricsPort && config.healthPort !== 0;
  const health = await listen(config.healthPort, shared ? ['/healthz', '/readyz', '/metrics'] : ['/healthz', '/readyz']);
  let metricsServer: http.Server;
  try {
    metricsServer = shared ? health : await listen(config.metricsPort, ['/metrics']);
  } catch (error) {
    health.close();
    throw error;
  }
  const servers = shared ? [health] : [health, metricsServer];
  return {
    health: address(health),
    metrics: address(metricsServer),
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      })));
    },
  };
}
