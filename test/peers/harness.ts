/**
 * The real consumers of our manifests, run against the test kube-apiserver of test/k8s/: the
 * Cluster API managers (core, kubeadm bootstrap, kubeadm control plane), the In-Cluster IPAM
 * provider and the IONOS provider (CAPIC), each with its admission webhooks registered for real.
 *
 * The binaries, the upstream CRDs and the upstream webhook configurations come from
 * test/peers/setup.sh (a cache outside the repository). Nothing here fakes a controller: when a
 * binary is missing, peersAvailable() says why and the tests skip.
 *
 *   const server = await startApiServer();
 *   await installUpstreamCrds(server);              // the full CRDs of all five projects
 *   const incluster = await startManager(server, 'incluster');   // webhooks registered, ready
 *   ...
 *   await incluster.stop();                        // webhook configurations removed, process ended
 *   await server.stop();
 *
 * Webhooks: one test CA (the API server's own), one serving certificate for 127.0.0.1 (the API
 * server's, whose SAN is IP 127.0.0.1), each manager on its own webhook port; the upstream
 * Mutating/ValidatingWebhookConfigurations (each project's config/webhook/manifests.yaml) are
 * registered with `clientConfig.url: https://127.0.0.1:PORT/<path>` and the CA as `caBundle`.
 */
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ApiServer,
  type ApplyResult,
  type KubeObject,
  REPO_ROOT,
  apiServerAvailable,
  applyErrors,
  applyServerSide,
  freePort,
  getObject,
  httpGetOk,
  kubeRequest,
  readManifests,
  resourcePath,
  sleep,
  startProcess,
  stopProcess,
  tail,
  waitFor,
} from '../k8s/harness.js';

/** The Cluster API release of the three CAPI managers, read from setup.sh. */
export const CAPI_VERSION = /^CAPI_VERSION=(v[\d.]+)/m.exec(readFileSync(join(REPO_ROOT, 'test/peers/setup.sh'), 'utf8'))![1]!;

/** The managers the harness can run. */
export type PeerName = 'cluster-api' | 'kubeadm-bootstrap' | 'kubeadm-control-plane' | 'incluster' | 'capic';

/** The upstream projects whose CRDs setup.sh collects (directories of <cache>/crds/). */
export const UPSTREAM_PROJECTS = ['capi-core', 'capi-kubeadm-bootstrap', 'capi-kubeadm-control-plane', 'incluster', 'capic'] as const;
export type UpstreamProject = (typeof UPSTREAM_PROJECTS)[number];

interface PeerSpec {
  readonly binary: string;
  /** The directory of <cache>/webhooks/ with its webhook configurations, if it serves webhooks. */
  readonly webhooks?: UpstreamProject;
  /** The flags for kubeconfig-independent wiring: ports and certificate directory. */
  args(p: { webhookPort: number; healthPort: number; metricsPort: number; certDir: string }): string[];
}

// The CAPI managers share one flag set (main.go of each, v1.10): --health-addr, --webhook-port,
// --webhook-cert-dir, and the diagnostics (metrics) flags of util/flags.
const capiArgs: PeerSpec['args'] = (p) => [
  `--webhook-port=${p.webhookPort}`,
  `--webhook-cert-dir=${p.certDir}`,
  `--health-addr=127.0.0.1:${p.healthPort}`,
  `--diagnostics-address=127.0.0.1:${p.metricsPort}`,
  '--insecure-diagnostics',
];

const PEERS: Readonly<Record<PeerName, PeerSpec>> = {
  'cluster-api': { binary: 'cluster-api-manager', webhooks: 'capi-core', args: capiArgs },
  'kubeadm-bootstrap': { binary: 'kubeadm-bootstrap-manager', webhooks: 'capi-kubeadm-bootstrap', args: capiArgs },
  'kubeadm-control-plane': { binary: 'kubeadm-control-plane-manager', webhooks: 'capi-kubeadm-control-plane', args: capiArgs },
  incluster: {
    binary: 'incluster-manager',
    webhooks: 'incluster',
    args: (p) => [
      `--webhook-port=${p.webhookPort}`,
      `--webhook-cert-dir=${p.certDir}`,
      `--health-probe-bind-address=127.0.0.1:${p.healthPort}`,
      `--metrics-bind-address=127.0.0.1:${p.metricsPort}`,
    ],
  },
  // CAPIC serves no admission webhooks (its validation is CEL in the CRDs) and has no cert-dir
  // flag; its TMPDIR is the manager's own directory all the same.
  capic: {
    binary: 'capic-manager',
    args: (p) => [
      `--health-probe-bind-address=127.0.0.1:${p.healthPort}`,
      `--diagnostics-address=127.0.0.1:${p.metricsPort}`,
      '--insecure-diagnostics',
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// Where the binaries are
// ---------------------------------------------------------------------------------------------

/** The cache setup.sh fills; the same rule as there. */
export function peersCacheDir(): string {
  return (
    process.env.CAPI_IONOS_PEERS_CACHE ||
    join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'cdk8s-capi-ionos', 'peers')
  );
}

function setupSaid(): string {
  const file = join(peersCacheDir(), 'unavailable.txt');
  return existsSync(file) ? ` test/peers/setup.sh said: ${readFileSync(file, 'utf8').trim().replace(/\n/g, '; ')}` : '';
}

function executable(path: string): boolean {
  try {
    return statSync(path).isFile() && (statSync(path).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

export type PeersAvailability = { ok: true } | { ok: false; reason: string };

/**
 * Whether the API server and the named managers can run here, and if not, why (cheap: decides
 * `describe.skipIf` at collection time). CAPI_IONOS_SKIP_PEERS=1 skips on purpose.
 */
export function peersAvailable(names: readonly PeerName[], also: { cloudInit?: boolean } = {}): PeersAvailability {
  if (process.env.CAPI_IONOS_SKIP_PEERS === '1') return { ok: false, reason: 'CAPI_IONOS_SKIP_PEERS=1 is set' };
  const api = apiServerAvailable();
  if (!api.ok) return api;
  const cache = peersCacheDir();
  const missing = names.map((n) => PEERS[n].binary).filter((b) => !executable(join(cache, 'bin', b)));
  if (missing.length) return { ok: false, reason: `no ${missing.join(', ')} in ${cache}/bin: run test/peers/setup.sh.${setupSaid()}` };
  const projects = new Set<string>(UPSTREAM_PROJECTS);
  const crds = [...projects].filter((p) => !existsSync(join(cache, 'crds', p)));
  if (crds.length) return { ok: false, reason: `no upstream CRDs of ${crds.join(', ')} in ${cache}/crds: run test/peers/setup.sh.${setupSaid()}` };
  if (also.cloudInit && cloudInitBinary() === undefined) {
    return { ok: false, reason: `no cloud-init on PATH (Debian package cloud-init): run test/peers/setup.sh.${setupSaid()}` };
  }
  return { ok: true };
}

/** `cloud-init` on PATH, if any. */
export function cloudInitBinary(): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/bin']) {
    if (dir && executable(join(dir, 'cloud-init'))) return join(dir, 'cloud-init');
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// CRDs
// ---------------------------------------------------------------------------------------------

const CONTRACT_LABEL = 'cluster.x-k8s.io/v1beta1';

/**
 * The upstream CRDs as each project's kustomization installs them: the bases plus the CAPI
 * contract label (`cluster.x-k8s.io/v1beta1: <served versions joined by _>`), which Cluster API
 * reads to resolve references. No conversion webhooks: every consumer here uses the storage
 * versions.
 */
export function upstreamCrds(projects: readonly UpstreamProject[] = UPSTREAM_PROJECTS): KubeObject[] {
  const crds: KubeObject[] = [];
  for (const project of projects) {
    const dir = join(peersCacheDir(), 'crds', project);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
      for (const crd of readManifests(join(dir, file))) {
        const served = (crd.spec as { versions: { name: string; served: boolean }[] }).versions.filter((v) => v.served).map((v) => v.name);
        const labels = { ...((crd.metadata.labels as Record<string, string> | undefined) ?? {}) };
        labels[CONTRACT_LABEL] ??= served.join('_');
        crds.push({ ...crd, metadata: { ...crd.metadata, labels } });
      }
    }
  }
  return crds;
}

/** Installs the full upstream CRDs (all five projects by default) and waits until each is served. */
export async function installUpstreamCrds(server: ApiServer, projects: readonly UpstreamProject[] = UPSTREAM_PROJECTS, timeoutMs = 90_000): Promise<string[]> {
  const crds = upstreamCrds(projects);
  const errors = applyErrors(await applyServerSide(server, crds, { fieldManager: 'capi-ionos-test-crds' }));
  if (errors.length) throw new Error(`upstream CRDs rejected:\n${errors.join('\n')}`);
  const deadline = Date.now() + timeoutMs;
  for (const crd of crds) {
    const spec = crd.spec as { group: string; names: { plural: string; kind: string }; versions: { name: string; served: boolean; storage: boolean }[] };
    const storage = spec.versions.find((v) => v.storage)!.name;
    for (;;) {
      const res = await kubeRequest(server, 'GET', `/apis/${spec.group}/${storage}`);
      if (res.status === 200 && res.body.resources.some((r: { name: string }) => r.name === spec.names.plural)) break;
      if (Date.now() > deadline) throw new Error(`CRD ${crd.metadata.name} not served after ${timeoutMs} ms`);
      await sleep(100);
    }
  }
  return crds.map((c) => c.metadata.name);
}

// ---------------------------------------------------------------------------------------------
// Managers
// ---------------------------------------------------------------------------------------------

export interface Manager {
  readonly name: PeerName;
  /** https://127.0.0.1:PORT of its webhook server (also when it registers none). */
  readonly webhookUrl: string;
  /** The webhook configurations registered for it ("Kind name"). */
  readonly webhookConfigurations: readonly string[];
  /** Its log file (klog/zap text). */
  readonly logFile: string;
  logTail(lines?: number): string;
  /** Removes its webhook configurations, then ends the process (SIGTERM, SIGKILL after 10 s). */
  stop(): Promise<void>;
}

export interface ManagerOptions {
  /** Extra flags, e.g. ['--feature-gates=ClusterTopology=true']. */
  readonly extraArgs?: readonly string[];
  /** Give up waiting for /readyz after this long. @default 120_000 */
  readonly readyTimeoutMs?: number;
}

const WEBHOOK_KINDS = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

/**
 * The project's webhook configurations rewritten for a manager on 127.0.0.1:`port`: every
 * `clientConfig.service` becomes `url: https://127.0.0.1:PORT<path>` with the test CA as
 * `caBundle`; the configurations are renamed `<manager>-<name>` (every project calls its own
 * `mutating-webhook-configuration`).
 */
export function rewrittenWebhookConfigurations(name: PeerName, port: number, caPem: string): KubeObject[] {
  const project = PEERS[name].webhooks;
  if (project === undefined) return [];
  const file = join(peersCacheDir(), 'webhooks', project, 'manifests.yaml');
  if (!existsSync(file)) return [];
  const caBundle = Buffer.from(caPem).toString('base64');
  return readManifests(file)
    .filter((o) => WEBHOOK_KINDS.includes(o.kind))
    .map((o) => ({
      ...o,
      metadata: { name: `${name}-${o.metadata.name}` },
      webhooks: (o.webhooks as { clientConfig: { service?: { path?: string } } }[]).map((w) => ({
        ...w,
        clientConfig: { url: `https://127.0.0.1:${port}${w.clientConfig.service?.path ?? '/'}`, caBundle },
      })),
    }));
}

const DIR_PREFIX = 'capi-ionos-peer-';

/**
 * Starts a manager against `server`, waits for its /readyz (which includes its webhook server),
 * then registers its webhook configurations. Its kubeconfig is the server's (system:masters).
 */
export async function startManager(server: ApiServer, name: PeerName, options: ManagerOptions = {}): Promise<Manager> {
  const avail = peersAvailable([name]);
  if (!avail.ok) throw new Error(`${name} is not available: ${avail.reason}`);
  const spec = PEERS[name];
  const dir = mkdtempSync(join(tmpdir(), `${DIR_PREFIX}${name}-`));
  // controller-runtime's default certificate directory is <TMPDIR>/k8s-webhook-server/serving-certs.
  const certDir = join(dir, 'k8s-webhook-server', 'serving-certs');
  mkdirSync(certDir, { recursive: true });
  copyFileSync(server.certFile, join(certDir, 'tls.crt'));
  copyFileSync(server.keyFile, join(certDir, 'tls.key'));
  const logFile = join(dir, `${name}.log`);
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, TMPDIR: dir, KUBECONFIG: server.kubeconfigPath };

  let child: ChildProcess | undefined;
  const registered: KubeObject[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const o of registered.reverse()) {
      await kubeRequest(server, 'DELETE', await resourcePath(server, o)).catch(() => undefined);
    }
    if (child) await stopProcess(child);
    if (process.env.CAPI_IONOS_K8S_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  };

  try {
    for (let attempt = 1; ; attempt++) {
      const [webhookPort, healthPort, metricsPort] = [await freePort(), await freePort(), await freePort()];
      child = startProcess(join(peersCacheDir(), 'bin', spec.binary), [...spec.args({ webhookPort, healthPort, metricsPort, certDir }), ...(options.extraArgs ?? [])], logFile, env);
      try {
        await waitFor(name, () => httpGetOk(`http://127.0.0.1:${healthPort}/readyz`), child, logFile, options.readyTimeoutMs ?? 120_000);
      } catch (e) {
        await stopProcess(child, 2000);
        if (attempt < 3 && /address already in use/.test(tail(logFile))) continue;
        throw e;
      }
      const configs = rewrittenWebhookConfigurations(name, webhookPort, server.caPem);
      const results = await applyServerSide(server, configs, { fieldManager: `capi-ionos-test-${name}` });
      registered.push(...configs.filter((_, i) => results[i]!.ok));
      const errors = applyErrors(results);
      if (errors.length) throw new Error(`${name}: webhook configurations rejected:\n${errors.join('\n')}`);
      for (const o of configs) {
        if (!(await getObject(server, o))) throw new Error(`${name}: ${o.kind} ${o.metadata.name} not stored`);
      }
      return {
        name,
        webhookUrl: `https://127.0.0.1:${webhookPort}`,
        webhookConfigurations: configs.map((o) => `${o.kind} ${o.metadata.name}`),
        logFile,
        logTail: (lines = 40) => tail(logFile, lines),
        stop,
      };
    }
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Starts several managers at once; stops those that started if one fails. */
export async function startManagers(server: ApiServer, names: readonly PeerName[], options: ManagerOptions = {}): Promise<Manager[]> {
  const settled = await Promise.allSettled(names.map((n) => startManager(server, n, options)));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(settled.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    throw failed.reason;
  }
  return settled.map((s) => (s as PromiseFulfilledResult<Manager>).value);
}

// ---------------------------------------------------------------------------------------------
// What every test file of test/peers/ does around its managers
// ---------------------------------------------------------------------------------------------

/** Ends the managers, then the API server: a test file's afterAll, and its beforeAll when setup fails. */
export async function stopAll(managers: readonly Manager[], server: ApiServer | undefined): Promise<void> {
  await Promise.all(managers.map((m) => m.stop()));
  await server?.stop();
}

/** The last lines of each manager's log, for a failure message. */
export function managerLogs(managers: readonly Manager[], lines = 15): string {
  return managers.map((m) => `--- ${m.name}\n${m.logTail(lines)}`).join('\n');
}

/** Polls `check` every 500 ms until it holds; on timeout, fails naming `what`, with the managers' logs. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, managers: readonly Manager[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${managerLogs(managers)}`);
    await sleep(500);
  }
}

/** The items of a list request (`/apis/<group>/<version>/...`). */
export async function listItems(server: ApiServer, path: string): Promise<KubeObject[]> {
  const res = await kubeRequest(server, 'GET', path);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text}`);
  return res.body.items;
}

/** The objects the API server stored, or an error naming the first one it refused and why. */
export function storedOrThrow(results: readonly ApplyResult[], managers: readonly Manager[] = []): KubeObject[] {
  return results.map((r) => {
    if (!r.ok) throw new Error(`${r.ref}: ${r.message}${managers.length ? `\n${managerLogs(managers)}` : ''}`);
    return r.object!;
  });
}
