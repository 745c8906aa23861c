/**
 * A real kube-apiserver backed by a real etcd, started and stopped by the tests on 127.0.0.1.
 *
 * The binaries come from test/k8s/setup.sh (etcd from Debian's etcd-server package, or built
 * from the Go module proxy; kube-apiserver built from the Go module proxy into a cache outside
 * the repository). Nothing here fakes a server: when a binary is missing, apiServerAvailable()
 * says why and the tests skip.
 *
 *   const server = await startApiServer();
 *   await installCrds(server);                       // crds/*.yaml, waits for Established
 *   const results = await applyServerSide(server, objects, { dryRun: true });
 *   expect(applyErrors(results)).toEqual([]);
 *   await server.stop();
 *
 * For an example's committed output: `await applyDistDir(server, 'examples/x/dist', { dryRun: true })`.
 * For another client: `server.kubeconfigPath` (token auth, system:masters), or `server.url`,
 * `server.token` and `server.caPem`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import net from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository root (this file is test/k8s/harness.ts). */
export const REPO_ROOT = resolve(HERE, '..', '..');
/** The CRDs the project targets, vendored under crds/. */
export const DEFAULT_CRDS_DIR = resolve(REPO_ROOT, 'crds');

// ---------------------------------------------------------------------------------------------
// Where the binaries are
// ---------------------------------------------------------------------------------------------

/** The Kubernetes release of the kube-apiserver the tests use, read from the Go module's go.mod. */
export function kubernetesVersion(): string {
  const gomod = readFileSync(join(HERE, 'apiserver', 'go.mod'), 'utf8');
  const m = /^(?:require)?\s*k8s\.io\/kubernetes (v\d+\.\d+\.\d+)/m.exec(gomod);
  if (!m) throw new Error('test/k8s/apiserver/go.mod does not require k8s.io/kubernetes vX.Y.Z');
  return m[1]!;
}

/** The cache directory setup.sh builds into; the same rule as in setup.sh. */
export function cacheDir(): string {
  const root =
    process.env.CAPI_IONOS_K8S_CACHE ||
    join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'cdk8s-capi-ionos', 'k8s');
  return join(root, kubernetesVersion());
}

export interface Binaries {
  kubeApiserver: string;
  etcd: string;
  openssl: string;
}

export type Availability = { ok: true; bin: Binaries } | { ok: false; reason: string };

function isExecutable(path: string): boolean {
  try {
    return statSync(path).isFile() && (statSync(path).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * Whether a real kube-apiserver can be started here, and if not, why. Cheap (no process is
 * started), so it can decide `describe.skipIf` at collection time.
 *
 * Overrides: CAPI_IONOS_KUBE_APISERVER and CAPI_IONOS_ETCD (paths to binaries), CAPI_IONOS_K8S_CACHE
 * (the cache root), CAPI_IONOS_SKIP_K8S=1 (skip on purpose).
 */
export function apiServerAvailable(): Availability {
  if (process.env.CAPI_IONOS_SKIP_K8S === '1') {
    return { ok: false, reason: 'CAPI_IONOS_SKIP_K8S=1 is set' };
  }
  const dir = cacheDir();
  const setupFailure = (): string => {
    const file = join(dir, 'unavailable.txt');
    return existsSync(file) ? ` test/k8s/setup.sh said: ${readFileSync(file, 'utf8').trim()}` : '';
  };
  const kubeApiserver = process.env.CAPI_IONOS_KUBE_APISERVER || join(dir, 'kube-apiserver');
  if (!isExecutable(kubeApiserver)) {
    return {
      ok: false,
      reason: `no kube-apiserver at ${kubeApiserver}: run test/k8s/setup.sh.${setupFailure()}`,
    };
  }
  const etcd =
    [process.env.CAPI_IONOS_ETCD, join(dir, 'etcd'), onPath('etcd'), '/usr/bin/etcd'].find(
      (p): p is string => !!p && isExecutable(p),
    );
  if (!etcd) {
    return {
      ok: false,
      reason: `no etcd (not in ${dir}, not on PATH): run test/k8s/setup.sh.${setupFailure()}`,
    };
  }
  const openssl = onPath('openssl');
  if (!openssl) {
    return { ok: false, reason: 'no openssl on PATH (needed to make the test certificates): apt-get install openssl' };
  }
  return { ok: true, bin: { kubeApiserver, etcd, openssl } };
}

// ---------------------------------------------------------------------------------------------
// Starting and stopping
// ---------------------------------------------------------------------------------------------

export interface ApiServer {
  /** https://127.0.0.1:PORT */
  url: string;
  /** A bearer token of a user in system:masters. */
  token: string;
  /** The CA that signed the serving certificate (PEM). */
  caPem: string;
  /**
   * The serving certificate and key (PEM files; IP 127.0.0.1 and localhost, signed by caPem): other
   * test servers on 127.0.0.1 (admission webhooks) can serve with them under the same test CA.
   */
  certFile: string;
  keyFile: string;
  /** A kubeconfig for url + token + CA (for kubectl or @kubernetes/client-node). */
  kubeconfigPath: string;
  /** The temporary directory with certificates and logs (removed by stop()). */
  dir: string;
  etcdUrl: string;
  /** The last lines of kube-apiserver's log, for failure messages. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Give up waiting for /readyz after this long. Default 120 s (2 cores, other tests running). */
  readyTimeoutMs?: number;
  /** Extra kube-apiserver flags, e.g. ['--feature-gates=...']. */
  extraArgs?: string[];
  /** kube-apiserver's -v. Default 1. */
  verbosity?: number;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A last resort if a test run dies without calling stop(): never leave servers behind.
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

let pdeathsig: boolean | undefined;
/** setpriv --pdeathsig makes the kernel kill our servers if this process dies abruptly. */
function wrapWithParentDeathSignal(cmd: string, args: string[]): [string, string[]] {
  if (pdeathsig === undefined) {
    const setpriv = onPath('setpriv');
    try {
      pdeathsig = !!setpriv && execFileSync(setpriv, ['--help'], { encoding: 'utf8' }).includes('--pdeathsig');
    } catch {
      pdeathsig = false;
    }
  }
  return pdeathsig ? ['setpriv', ['--pdeathsig', 'SIGKILL', '--', cmd, ...args]] : [cmd, args];
}

/** A free TCP port of 127.0.0.1 (free when asked: start the listener soon, retry on EADDRINUSE). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolvePort(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The last `lines` lines of a log file, for failure messages. */
export function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts a server process with stdout and stderr appended to `logFile`; it is killed when this
 * process exits or dies (see wrapWithParentDeathSignal). `env` replaces the environment.
 */
export function startProcess(cmd: string, args: string[], logFile: string, env?: NodeJS.ProcessEnv): ChildProcess {
  const fd = openSync(logFile, 'a');
  try {
    const [c, a] = wrapWithParentDeathSignal(cmd, args);
    const child = spawn(c, a, { stdio: ['ignore', fd, fd], ...(env === undefined ? {} : { env }) });
    running.add(child);
    installExitHook();
    child.on('exit', () => running.delete(child));
    return child;
  } finally {
    closeSync(fd);
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns true; fails early if `child` exits. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  child: ChildProcess,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${what} exited (code ${child.exitCode}, signal ${child.signalCode}) before it was ready; ` +
          `log ${logFile}:\n${tail(logFile)}`,
      );
    }
    try {
      if (await check()) return;
    } catch (e) {
      last = String(e);
    }
    await sleep(250);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms (${last}); log ${logFile}:\n${tail(logFile)}`);
}

/** GET over plain HTTP: whether the answer is 200 (health and readiness probes). */
export function httpGetOk(url: string): Promise<boolean> {
  return new Promise((r, reject) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      r(res.statusCode === 200);
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
  });
}

const OPENSSL_CNF = `[req]
distinguished_name = dn
prompt = no
[dn]
CN = capi-ionos-test
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[v3_server]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

/** A throwaway CA and a serving certificate for 127.0.0.1/localhost, valid for two days. */
function makeCertificates(openssl: string, dir: string): { ca: string; cert: string; key: string } {
  const cnf = join(dir, 'openssl.cnf');
  writeFileSync(cnf, OPENSSL_CNF);
  const run = (args: string[]) => execFileSync(openssl, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run(['req', '-x509', '-new', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-config', cnf,
    '-extensions', 'v3_ca', '-subj', '/CN=capi-ionos-test-ca']);
  run(['req', '-new', ...ec, '-keyout', 'apiserver.key', '-out', 'apiserver.csr', '-config', cnf,
    '-subj', '/CN=kube-apiserver']);
  run(['x509', '-req', '-in', 'apiserver.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial',
    `0x${randomBytes(8).toString('hex')}`, '-days', '2', '-extfile', cnf, '-extensions', 'v3_server',
    '-out', 'apiserver.crt']);
  return { ca: join(dir, 'ca.crt'), cert: join(dir, 'apiserver.crt'), key: join(dir, 'apiserver.key') };
}

async function startEtcd(
  etcd: string,
  dir: string,
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; log: string }> {
  const log = join(dir, 'etcd.log');
  for (let attempt = 1; ; attempt++) {
    const [clientPort, peerPort] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${clientPort}`;
    const peer = `http://127.0.0.1:${peerPort}`;
    const child = startProcess(
      etcd,
      [
        '--name=capi-ionos-test',
        `--data-dir=${dataDir}`,
        `--listen-client-urls=${url}`,
        `--advertise-client-urls=${url}`,
        `--listen-peer-urls=${peer}`,
        `--initial-advertise-peer-urls=${peer}`,
        `--initial-cluster=capi-ionos-test=${peer}`,
        '--initial-cluster-state=new',
        '--logger=zap',
        '--log-level=warn',
      ],
      log,
    );
    try {
      await waitFor('etcd', () => httpGetOk(`${url}/health`), child, log, 30_000);
      return { child, url, log };
    } catch (e) {
      await stopProcess(child, 2000);
      if (attempt < 3 && /address already in use/.test(tail(log))) {
        rmSync(dataDir, { recursive: true, force: true });
        continue;
      }
      throw e;
    }
  }
}

const DIR_PREFIX = 'capi-ionos-';

/** Removes the temporary directories of test runs that were killed before they could stop(). */
function sweepStaleDirs(parents: string[]): void {
  for (const parent of parents) {
    let entries: string[] = [];
    try {
      entries = readdirSync(parent).filter((e) => e.startsWith(`${DIR_PREFIX}k8s-`) || e.startsWith(`${DIR_PREFIX}etcd-`));
    } catch {
      continue;
    }
    for (const e of entries) {
      const d = join(parent, e);
      try {
        const pid = Number(readFileSync(join(d, 'owner.pid'), 'utf8'));
        if (!Number.isInteger(pid) || pid <= 0) continue;
        try {
          process.kill(pid, 0); // still running: not ours to remove
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ESRCH') rmSync(d, { recursive: true, force: true });
        }
      } catch {
        // no owner.pid (being created, or not ours): leave it
      }
    }
  }
}

/**
 * Starts etcd and kube-apiserver on random free ports of 127.0.0.1 and waits for /readyz.
 * Authentication: a static token of a user in system:masters. Authorization: RBAC (so tests can
 * check a ClusterRole by impersonating or by tokens of their own). Admission: the defaults, less
 * ServiceAccount (no controller-manager creates default service accounts here).
 * Namespaces can be created but never finish deleting (no namespace controller).
 */
export async function startApiServer(options: StartOptions = {}): Promise<ApiServer> {
  const avail = apiServerAvailable();
  if (!avail.ok) throw new Error(`kube-apiserver is not available: ${avail.reason}`);
  const { bin } = avail;

  // etcd fsyncs every write; on tmpfs that costs nothing.
  const shm = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  sweepStaleDirs([tmpdir(), shm]);
  const dir = mkdtempSync(join(tmpdir(), `${DIR_PREFIX}k8s-`));
  const etcdDir = mkdtempSync(join(shm, `${DIR_PREFIX}etcd-`));
  for (const d of [dir, etcdDir]) writeFileSync(join(d, 'owner.pid'), String(process.pid));
  const etcdDataDir = join(etcdDir, 'data');
  const children: ChildProcess[] = [];
  let agent: https.Agent | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    agent?.destroy();
    for (const child of children.reverse()) await stopProcess(child);
    if (process.env.CAPI_IONOS_K8S_KEEP === '1') rmSync(join(dir, 'owner.pid'), { force: true }); // kept for a look
    else rmSync(dir, { recursive: true, force: true });
    rmSync(etcdDir, { recursive: true, force: true });
  };

  try {
    const certs = makeCertificates(bin.openssl, dir);
    const caPem = readFileSync(certs.ca, 'utf8');

    const sa = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    writeFileSync(join(dir, 'sa.key'), sa.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(join(dir, 'sa.pub'), sa.publicKey.export({ type: 'spki', format: 'pem' }));

    const token = randomBytes(24).toString('hex');
    writeFileSync(join(dir, 'tokens.csv'), `${token},capi-ionos-admin,capi-ionos-admin,"system:masters"\n`, {
      mode: 0o600,
    });

    const etcd = await startEtcd(bin.etcd, dir, etcdDataDir);
    children.push(etcd.child);

    const log = join(dir, 'kube-apiserver.log');
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const url = `https://127.0.0.1:${port}`;
      const child = startProcess(
        bin.kubeApiserver,
        [
          `--etcd-servers=${etcd.url}`,
          `--etcd-prefix=/registry`,
          '--bind-address=127.0.0.1',
          '--advertise-address=127.0.0.1',
          `--secure-port=${port}`,
          `--cert-dir=${dir}`,
          `--tls-cert-file=${certs.cert}`,
          `--tls-private-key-file=${certs.key}`,
          `--token-auth-file=${join(dir, 'tokens.csv')}`,
          '--anonymous-auth=false',
          '--authorization-mode=RBAC',
          '--disable-admission-plugins=ServiceAccount',
          '--service-cluster-ip-range=10.96.0.0/24',
          // The "kubernetes" Service's endpoints cannot be a loopback address; nothing here needs them.
          '--endpoint-reconciler-type=none',
          `--service-account-issuer=${url}`,
          `--service-account-key-file=${join(dir, 'sa.pub')}`,
          `--service-account-signing-key-file=${join(dir, 'sa.key')}`,
          '--profiling=false',
          `--v=${options.verbosity ?? 1}`,
          ...(options.extraArgs ?? []),
        ],
        log,
      );
      children.push(child);
      agent = new https.Agent({ ca: caPem, keepAlive: true, maxSockets: 8 });
      const server: ApiServer = {
        url,
        token,
        caPem,
        certFile: certs.cert,
        keyFile: certs.key,
        kubeconfigPath: join(dir, 'kubeconfig'),
        dir,
        etcdUrl: etcd.url,
        logTail: (lines = 40) => tail(log, lines),
        stop,
      };
      agents.set(server, agent);
      try {
        await waitFor(
          'kube-apiserver',
          async () => (await kubeRequest(server, 'GET', '/readyz', { timeoutMs: 5000 })).status === 200,
          child,
          log,
          options.readyTimeoutMs ?? 120_000,
        );
      } catch (e) {
        await stopProcess(child, 2000);
        children.pop();
        agent.destroy();
        if (attempt < 3 && /address already in use/.test(tail(log))) continue;
        throw e;
      }
      writeFileSync(server.kubeconfigPath, kubeconfig(url, caPem, token), { mode: 0o600 });
      return server;
    }
  } catch (e) {
    await stop();
    throw e;
  }
}

function kubeconfig(url: string, caPem: string, token: string): string {
  return JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        { name: 'capi-ionos-test', cluster: { server: url, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } },
      ],
      users: [{ name: 'capi-ionos-admin', user: { token } }],
      contexts: [{ name: 'capi-ionos-test', context: { cluster: 'capi-ionos-test', user: 'capi-ionos-admin' } }],
      'current-context': 'capi-ionos-test',
    },
    null,
    2,
  );
}

// ---------------------------------------------------------------------------------------------
// Talking to it (plain HTTPS, the serving CA trusted, the token as bearer)
// ---------------------------------------------------------------------------------------------

const agents = new WeakMap<ApiServer, https.Agent>();

export interface KubeResponse {
  status: number;
  /** The parsed JSON body, or undefined if it was not JSON. */
  body: any;
  text: string;
}

export async function kubeRequest(
  server: ApiServer,
  method: string,
  path: string,
  opts: {
    body?: unknown;
    contentType?: string;
    timeoutMs?: number;
    /** Another bearer token than the admin's. */
    token?: string;
    /** Extra headers, e.g. { 'impersonate-user': 'system:serviceaccount:ns:name' } to check RBAC. */
    headers?: Record<string, string>;
  } = {},
): Promise<KubeResponse> {
  const payload =
    opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  return new Promise((resolveResponse, reject) => {
    const req = https.request(
      `${server.url}${path}`,
      {
        method,
        agent: agents.get(server),
        ca: server.caPem,
        timeout: opts.timeoutMs ?? 30_000,
        headers: {
          authorization: `Bearer ${opts.token ?? server.token}`,
          accept: 'application/json',
          ...opts.headers,
          ...(payload === undefined
            ? {}
            : { 'content-type': opts.contentType ?? 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: any;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          resolveResponse({ status: res.statusCode ?? 0, body, text });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [k: string]: unknown };
  [k: string]: unknown;
}

interface ResourceInfo {
  plural: string;
  namespaced: boolean;
}

const discoveryCache = new WeakMap<ApiServer, Map<string, Map<string, ResourceInfo>>>();

async function discover(server: ApiServer, apiVersion: string, fresh: boolean): Promise<Map<string, ResourceInfo>> {
  let byGv = discoveryCache.get(server);
  if (!byGv) discoveryCache.set(server, (byGv = new Map()));
  const cached = byGv.get(apiVersion);
  if (cached && !fresh) return cached;
  const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  const res = await kubeRequest(server, 'GET', path);
  const kinds = new Map<string, ResourceInfo>();
  if (res.status === 200) {
    for (const r of res.body.resources as { name: string; kind: string; namespaced: boolean }[]) {
      if (!r.name.includes('/')) kinds.set(r.kind, { plural: r.name, namespaced: r.namespaced });
    }
  }
  byGv.set(apiVersion, kinds);
  return kinds;
}

/** The REST path of an object (or of its collection, without a name), found through discovery. */
export async function resourcePath(server: ApiServer, obj: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>): Promise<string> {
  let info = (await discover(server, obj.apiVersion, false)).get(obj.kind);
  if (!info) info = (await discover(server, obj.apiVersion, true)).get(obj.kind);
  if (!info) throw new Error(`the server has no kind ${obj.kind} in ${obj.apiVersion}`);
  const base = obj.apiVersion.includes('/') ? `/apis/${obj.apiVersion}` : `/api/${obj.apiVersion}`;
  const ns = info.namespaced ? `/namespaces/${encodeURIComponent(obj.metadata.namespace ?? 'default')}` : '';
  const name = obj.metadata.name ? `/${encodeURIComponent(obj.metadata.name)}` : '';
  return `${base}${ns}/${info.plural}${name}`;
}

export function describeObject(obj: Pick<KubeObject, 'kind' | 'metadata'>): string {
  const m = obj.metadata ?? ({} as KubeObject['metadata']);
  return `${obj.kind} ${m.namespace ? `${m.namespace}/` : ''}${m.name}`;
}

export interface ApplyOptions {
  /** Server-side dry run (dryRun=All): validated and admitted, never stored. */
  dryRun?: boolean;
  fieldManager?: string;
  /** Take over fields owned by other managers. Default true. */
  force?: boolean;
  /** Strict (default): unknown or duplicate fields are errors, not warnings. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
}

export interface ApplyResult {
  /** "Kind namespace/name" */
  ref: string;
  ok: boolean;
  status: number;
  /** The server's message (for a rejected object, the Status message with every cause). */
  message?: string;
  /** The Status reason, e.g. Invalid, NotFound, BadRequest. */
  reason?: string;
  /** The object as the server returned it (after defaulting). */
  object?: KubeObject;
}

/**
 * Server-side apply of each object, in order, one request each. Never throws for a rejected
 * object: each gets an ApplyResult, so a test can require zero errors or look for a message.
 */
export async function applyServerSide(
  server: ApiServer,
  objs: KubeObject[],
  options: ApplyOptions = {},
): Promise<ApplyResult[]> {
  const results: ApplyResult[] = [];
  for (const obj of objs) {
    const ref = describeObject(obj);
    let path: string;
    try {
      path = await resourcePath(server, obj);
    } catch (e) {
      results.push({ ref, ok: false, status: 0, message: (e as Error).message, reason: 'NoKind' });
      continue;
    }
    const q = new URLSearchParams({
      fieldManager: options.fieldManager ?? 'capi-ionos-test',
      force: String(options.force ?? true),
      fieldValidation: options.fieldValidation ?? 'Strict',
    });
    if (options.dryRun) q.set('dryRun', 'All');
    const res = await kubeRequest(server, 'PATCH', `${path}?${q}`, {
      body: obj,
      contentType: 'application/apply-patch+yaml',
    });
    const ok = res.status >= 200 && res.status < 300;
    results.push(
      ok
        ? { ref, ok, status: res.status, object: res.body }
        : { ref, ok, status: res.status, message: res.body?.message ?? res.text, reason: res.body?.reason },
    );
  }
  return results;
}

/** The failed results as "Kind ns/name: message" lines: `expect(applyErrors(r)).toEqual([])`. */
export function applyErrors(results: ApplyResult[]): string[] {
  return results.filter((r) => !r.ok).map((r) => `${r.ref}: ${r.message}`);
}

/** GET an object; undefined if it does not exist. */
export async function getObject(
  server: ApiServer,
  ref: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>,
): Promise<KubeObject | undefined> {
  const res = await kubeRequest(server, 'GET', await resourcePath(server, ref));
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw new Error(`GET ${describeObject(ref)}: ${res.status} ${res.text}`);
  return res.body;
}

/** Creates a namespace for real (a dry-run namespace would not make its objects admissible). */
export async function ensureNamespace(server: ApiServer, name: string): Promise<void> {
  const [r] = await applyServerSide(server, [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }]);
  if (!r!.ok) throw new Error(`namespace ${name}: ${r!.message}`);
}

// ---------------------------------------------------------------------------------------------
// CRDs and manifests on disk
// ---------------------------------------------------------------------------------------------

/** Every object of every .yaml/.yml/.json file under `path` (a file or a directory), in path order. */
export function readManifests(path: string): KubeObject[] {
  const files: string[] = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) {
      for (const e of readdirSync(p).sort()) walk(join(p, e));
    } else if (/\.(ya?ml|json)$/.test(p)) {
      files.push(p);
    }
  };
  walk(path);
  const objs: KubeObject[] = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0]!.message}`);
      const obj = doc.toJS();
      if (obj === null || obj === undefined) continue;
      if (Array.isArray(obj) || typeof obj !== 'object' || !obj.apiVersion || !obj.kind) {
        throw new Error(`${file}: a document that is not a Kubernetes object`);
      }
      objs.push(obj as KubeObject);
    }
  }
  return objs;
}

/**
 * Applies the CRDs (every *.yaml of `crdsDir` but bundle.yaml; default crds/) for real
 * and waits until each is Established and served. Returns the CRD names. Throws if the server
 * rejects a CRD or does not establish it in time.
 */
export async function installCrds(
  server: ApiServer,
  crdsDir: string = DEFAULT_CRDS_DIR,
  timeoutMs = 60_000,
): Promise<string[]> {
  const files = readdirSync(crdsDir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'bundle.yaml')
    .sort();
  const crds = files.flatMap((f) => readManifests(join(crdsDir, f)));
  if (crds.length === 0) throw new Error(`no CRDs in ${crdsDir}`);
  const errors = applyErrors(await applyServerSide(server, crds, { fieldManager: 'capi-ionos-test-crds' }));
  if (errors.length) throw new Error(`CRDs rejected:\n${errors.join('\n')}`);

  const deadline = Date.now() + timeoutMs;
  for (const crd of crds) {
    const spec = crd.spec as { group: string; names: { plural: string }; versions: { name: string; served: boolean }[] };
    for (;;) {
      const got = await getObject(server, crd);
      const conds: { type: string; status: string; message?: string }[] = (got?.status as any)?.conditions ?? [];
      const established = conds.some((c) => c.type === 'Established' && c.status === 'True');
      const served =
        established &&
        (await Promise.all(
          spec.versions
            .filter((v) => v.served)
            .map(async (v) => {
              const res = await kubeRequest(server, 'GET', `/apis/${spec.group}/${v.name}`);
              return res.status === 200 && res.body.resources.some((r: { name: string }) => r.name === spec.names.plural);
            }),
        )).every(Boolean);
      if (served) break;
      if (Date.now() > deadline) {
        throw new Error(`CRD ${crd.metadata.name} not established/served after ${timeoutMs} ms: ${JSON.stringify(conds)}`);
      }
      await sleep(100);
    }
  }
  return crds.map((c) => c.metadata.name);
}

const KIND_ORDER = ['Namespace', 'CustomResourceDefinition'];

/**
 * The hook for "apply every example's dist/": reads every manifest under `distDir`, creates for
 * real the namespaces its objects live in (a dry-run namespace does not persist, and a namespaced
 * object is rejected in a namespace that does not exist), then server-side applies the objects,
 * Namespaces and CRDs first, the rest in file order. Kustomize's own kustomization.yaml is not a
 * server object and is skipped. The CRDs must already be installed (installCrds).
 *
 *   const results = await applyDistDir(server, join(REPO_ROOT, 'examples/basic/dist'), { dryRun: true });
 *   expect(applyErrors(results)).toEqual([]);
 */
export async function applyDistDir(server: ApiServer, distDir: string, options: ApplyOptions = {}): Promise<ApplyResult[]> {
  const objs = readManifests(distDir).filter((o) => !o.apiVersion.startsWith('kustomize.config.k8s.io/'));
  const rank = (o: KubeObject) => {
    const i = KIND_ORDER.indexOf(o.kind);
    return i === -1 ? KIND_ORDER.length : i;
  };
  const ordered = objs.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i).map((x) => x.o);
  const namespaces = new Set(objs.map((o) => o.metadata?.namespace).filter((n): n is string => !!n));
  for (const ns of [...namespaces].sort()) await ensureNamespace(server, ns);
  return applyServerSide(server, ordered, options);
}
