/**
 * `capi-ionos reconcile`: the runtime reconciler as a long-running process.
 *
 * This file parses the flags and wires the I/O: the cluster connection (KubeStore), JSON log
 * lines on stderr, SIGTERM/SIGINT. The process itself (Lease, controllers, `/healthz`, `/readyz`,
 * `/metrics`) is `reconciler/runtime/manager.ts`. On SIGTERM or SIGINT it stops its controllers,
 * gives the Lease up and exits 0.
 */
import { randomBytes } from 'node:crypto';
import { hostname, homedir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../reconciler/clock.js';
import { credentialsFromEnv } from '../../reconciler/cloud/credentials.js';
import { KubeStore, type KubeStoreSource } from '../../reconciler/kube-store.js';
import { errorText, jsonLogger, LOG_LEVELS as LEVELS, type LogLevel } from '../../reconciler/runtime/log.js';
import { MANAGER_OK, runManager, type ManagerSettings } from '../../reconciler/runtime/manager.js';
import type { Clock } from '../../reconciler/store.js';
import { parse } from '../args.js';
import { RECONCILE_HELP } from '../help.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type Io } from '../io.js';
import { DNS1123_LABEL } from '../../vocabulary.js';

/** Everything `reconcile` was asked to do, resolved from flags and environment. */
export interface ReconcileConfig extends ManagerSettings {
  readonly source: KubeStoreSource;
  /** A human-readable name of `source`, for the log. */
  readonly sourceText: string;
  readonly logLevel: LogLevel;
}

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
  for (const name of ['namespace', 'lease-namespace', 'lease-name']) {
    const value = text(name);
    if (value !== undefined && !DNS1123_LABEL.test(value)) throw new UsageError(`--${name} ${JSON.stringify(value)} is not a valid name; use lower-case letters, digits and '-'`);
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
 * Runs the reconciler until `signal` aborts (then exits 0) or the Lease is lost (exits 1): the
 * cluster connection and the JSON log on stderr, around `runManager`. The clock is injected for
 * the log's timestamps and every wait of the controllers.
 */
export async function runReconciler(config: ReconcileConfig, io: Io, signal: AbortSignal, clock: Clock = systemClock): Promise<number> {
  const log = jsonLogger(io.stderr, () => clock.now(), config.logLevel);
  let kube: KubeStore;
  try {
    kube = new KubeStore(config.source, { userAgent: 'capi-ionos-reconciler' });
  } catch (error) {
    throw new UsageError(`cannot use the cluster connection from ${config.sourceText}: ${errorText(error)}`);
  }
  const code = await runManager(config, {
    store: kube,
    close: () => kube.close(),
    clock,
    log,
    describe: { server: kube.server, kubeconfig: config.sourceText },
  }, signal);
  return code === MANAGER_OK ? EXIT_OK : EXIT_FINDINGS;
}
