/**
 * The Store on a real Kubernetes API server, through `@kubernetes/client-node` 1.x. This is the
 * only file that imports the client library.
 *
 * - Reads and writes go through the client's `CustomObjectsApi`, which returns plain JSON (the
 *   typed APIs turn timestamps into `Date`s). The core group (`v1`: secrets, events) uses the
 *   same calls; the HTTP layer turns their `/apis//v1/...` path into `/api/v1/...`.
 * - Every request has a time-out (`StoreError('Timeout')`) through a small HTTP library given to
 *   the client; authentication (tokens, client certificates, exec plugins, the service-account
 *   token file) stays the client's.
 * - `update` and `updateStatus` are PUTs that carry `metadata.resourceVersion`: a stale one is a
 *   409 `Conflict`. `updateStatus` uses the `/status` subresource.
 * - `watch` uses the client's `Watch` with `allowWatchBookmarks`; it resumes by itself from the
 *   last resourceVersion seen when the server ends a watch normally, and reports a 410 (the HTTP
 *   status or an `ERROR` event with code 410) as `StoreError('Gone')`: the caller lists again.
 * - A list or watch without a namespace covers every namespace. There is deliberately no
 *   store-wide namespace limit: a reconciler limited to one namespace limits its own informers,
 *   and still sees what must be seen cluster-wide (the IPAddresses of global pools).
 */
import http from 'node:http';
import https from 'node:https';
import {
  ApiException,
  CustomObjectsApi,
  KubeConfig,
  ResponseContext,
  ServerConfiguration,
  Watch as ClientWatch,
  createConfiguration,
  wrapHttpLibrary,
  type RequestContext,
} from '@kubernetes/client-node';
import {
  RESOURCES,
  StoreError,
  isStoreError,
  type KubeObject,
  type ListOptions,
  type ListResult,
  type ObjectMeta,
  type ResourceType,
  type Store,
  type StoreErrorReason,
  type Watch,
  type WatchEvent,
  type WatchHandlers,
} from './store.js';
import { compareText } from '../vocabulary.js';

/** Where the connection settings come from. */
export type KubeStoreSource =
  /** A kubeconfig file, optionally with a context other than its current one. */
  | { readonly kubeconfig: string; readonly context?: string }
  /**
   * Inside a pod: the API server's service address (the pod's `KUBERNETES_SERVICE_HOST` and
   * `KUBERNETES_SERVICE_PORT`) with the mounted service-account token and CA.
   */
  | { readonly inCluster: { readonly host: string; readonly port: string; readonly serviceAccountDir?: string } };

/** Options of a {@link KubeStore}. */
export interface KubeStoreOptions {
  /** How long a request may wait for an answer before it fails with `Timeout`. @default 30000 */
  readonly requestTimeoutMs?: number;
  /**
   * How long the server keeps one watch connection open; the store then resumes the watch from
   * the last resourceVersion it saw. @default 300
   */
  readonly watchTimeoutSeconds?: number;
  /** `fieldManager` of every write. @default 'capi-ionos' */
  readonly fieldManager?: string;
  /**
   * Field validation of writes: `Strict` makes an unknown field an error instead of dropping
   * it silently. @default 'Strict'
   */
  readonly fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  /** Page size of lists (the store always returns whole lists). @default 500 */
  readonly pageSize?: number;
  /** `User-Agent` of every request. @default 'capi-ionos' */
  readonly userAgent?: string;
  /**
   * Kinds besides {@link RESOURCES} that may be created or updated. (A kind the store has been
   * asked to get, list or watch is known from then on.)
   * @default none
   */
  readonly resources?: readonly ResourceType[];
}

const DEFAULT_SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** A watch that ends normally this many times in a row without a single event is an error. */
const MAX_EMPTY_WATCHES = 3;

/** The Kubernetes store: see the file comment. */
export class KubeStore implements Store {
  /** The API server's URL (for logs). */
  public readonly server: string;
  private readonly api: CustomObjectsApi;
  private readonly watcher: ClientWatch;
  private readonly fieldManager: string;
  private readonly fieldValidation: string;
  private readonly pageSize: number;
  private readonly watchTimeoutSeconds: number;
  private readonly agents = new Map<string, https.Agent>();
  private readonly types = new Map<string, ResourceType>();
  private readonly watches = new Set<Watch>();

  public constructor(source: KubeStoreSource, options: KubeStoreOptions = {}) {
    const kc = loadKubeConfig(source);
    const cluster = kc.getCurrentCluster();
    if (cluster === null) throw new Error('the kubeconfig has no current cluster; pick a context with a cluster');
    this.server = cluster.server.replace(/\/+$/, '');
    const timeoutMs = options.requestTimeoutMs ?? 30_000;
    const userAgent = options.userAgent ?? 'capi-ionos';
    const base = this.server;
    this.api = new CustomObjectsApi(
      createConfiguration({
        baseServer: new ServerConfiguration(base, {}),
        authMethods: { default: kc },
        httpApi: wrapHttpLibrary({ send: (request) => send(request, { base, timeoutMs, userAgent, agents: this.agents }) }),
      }),
    );
    this.watcher = new ClientWatch(kc);
    this.fieldManager = options.fieldManager ?? 'capi-ionos';
    this.fieldValidation = options.fieldValidation ?? 'Strict';
    this.pageSize = options.pageSize ?? 500;
    this.watchTimeoutSeconds = options.watchTimeoutSeconds ?? 300;
    for (const type of [...Object.values(RESOURCES), ...(options.resources ?? [])]) this.learn(type);
  }

  public async get(type: ResourceType, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
    this.learn(type);
    const { group, version } = groupVersion(type);
    try {
      const obj = type.namespaced
        ? await this.api.getNamespacedCustomObject({ group, version, namespace: requireNamespace(type, namespace, name), plural: type.plural, name })
        : await this.api.getClusterCustomObject({ group, version, plural: type.plural, name });
      return withKind(type, obj);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw toStoreError(error, `get ${describe(type, namespace, name)}`);
    }
  }

  public async list(type: ResourceType, options: ListOptions = {}): Promise<ListResult> {
    this.learn(type);
    const { group, version } = groupVersion(type);
    const labelSelector = selector(options.labels);
    const items: KubeObject[] = [];
    let resourceVersion = '';
    let next: string | undefined;
    try {
      do {
        const page = { group, version, plural: type.plural, labelSelector, limit: this.pageSize, _continue: next };
        const answer = (
          !type.namespaced
            ? await this.api.listClusterCustomObject(page)
            : options.namespace === undefined
              ? await this.api.listCustomObjectForAllNamespaces(page)
              : await this.api.listNamespacedCustomObject({ ...page, namespace: options.namespace })
        ) as { items?: unknown[]; metadata?: { resourceVersion?: string; continue?: string } };
        for (const item of answer.items ?? []) items.push(withKind(type, item));
        // Every page of one list is a snapshot at the first page's resourceVersion.
        if (next === undefined) resourceVersion = answer.metadata?.resourceVersion ?? '';
        next = answer.metadata?.continue === '' ? undefined : answer.metadata?.continue;
      } while (next !== undefined);
    } catch (error) {
      throw toStoreError(error, `list ${type.plural}${options.namespace === undefined ? '' : ` in ${options.namespace}`}`);
    }
    return { items, resourceVersion };
  }

  public async create(object: KubeObject): Promise<KubeObject> {
    const type = this.typeOf(object);
    const { group, version } = groupVersion(type);
    const { name, namespace } = object.metadata;
    // The server fills these in (and refuses a create that carries a resourceVersion).
    const { resourceVersion: _rv, uid: _uid, creationTimestamp: _ct, deletionTimestamp: _dt, generation: _g, ...metadata } = object.metadata;
    const body = { ...object, metadata };
    const common = { group, version, plural: type.plural, body, fieldManager: this.fieldManager, fieldValidation: this.fieldValidation };
    try {
      const created = type.namespaced
        ? await this.api.createNamespacedCustomObject({ ...common, namespace: requireNamespace(type, namespace, name) })
        : await this.api.createClusterCustomObject(common);
      return withKind(type, created);
    } catch (error) {
      throw toStoreError(error, `create ${describe(type, namespace, name)}`, 'create');
    }
  }

  public update(object: KubeObject): Promise<KubeObject> {
    return this.replace(object, false);
  }

  public updateStatus(object: KubeObject): Promise<KubeObject> {
    return this.replace(object, true);
  }

  public async delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: { readonly resourceVersion?: string } = {},
  ): Promise<void> {
    const { group, version } = groupVersion(type);
    const body = {
      propagationPolicy: 'Background',
      ...(options.resourceVersion === undefined ? {} : { preconditions: { resourceVersion: options.resourceVersion } }),
    };
    try {
      if (type.namespaced) {
        await this.api.deleteNamespacedCustomObject({ group, version, namespace: requireNamespace(type, namespace, name), plural: type.plural, name, body });
      } else {
        await this.api.deleteClusterCustomObject({ group, version, plural: type.plural, name, body });
      }
    } catch (error) {
      throw toStoreError(error, `delete ${describe(type, namespace, name)}`);
    }
  }

  public watch(type: ResourceType, options: ListOptions & { readonly resourceVersion: string }, handlers: WatchHandlers): Watch {
    this.learn(type);
    const path = collectionPath(type, options.namespace);
    const labelSelector = selector(options.labels);
    let resourceVersion = options.resourceVersion;
    let stopped = false;
    let emptyInARow = 0;
    let abort: (() => void) | undefined;

    const fail = (error: StoreError) => {
      if (stopped) return;
      stopped = true;
      abort?.();
      this.watches.delete(handle);
      handlers.onError(error);
    };

    const connect = () => {
      if (stopped) return;
      let ended = false;
      let sawEvent = false;
      let controller: AbortController | undefined;
      const end = () => {
        ended = true;
        controller?.abort();
      };
      abort = end;
      const query = {
        resourceVersion,
        allowWatchBookmarks: true,
        labelSelector,
        timeoutSeconds: this.watchTimeoutSeconds,
      };
      const onEvent = (phase: string, object: unknown) => {
        if (stopped || ended) return;
        if (phase === 'ERROR') {
          end();
          fail(fromStatus(object, `watch ${path}`));
          return;
        }
        const rv = (object as { metadata?: { resourceVersion?: string } } | undefined)?.metadata?.resourceVersion;
        if (rv !== undefined && rv !== '') resourceVersion = rv;
        sawEvent = true;
        let event: WatchEvent;
        if (phase === 'BOOKMARK') event = { type: 'BOOKMARK', resourceVersion };
        else if (phase === 'ADDED' || phase === 'MODIFIED' || phase === 'DELETED') event = { type: phase, object: withKind(type, object) };
        else return;
        handlers.onEvent(event);
      };
      const onDone = (error: unknown) => {
        if (stopped || ended) return;
        ended = true;
        if (error !== null && error !== undefined) {
          fail(toStoreError(error, `watch ${path}`));
          return;
        }
        // The server ended the watch (timeoutSeconds): resume where it stopped.
        emptyInARow = sawEvent ? 0 : emptyInARow + 1;
        if (emptyInARow >= MAX_EMPTY_WATCHES) {
          fail(new StoreError('Timeout', 0, `watch ${path}: the server ended ${MAX_EMPTY_WATCHES} watches in a row without an event`));
          return;
        }
        connect();
      };
      this.watcher.watch(path, query, onEvent, onDone).then(
        (c) => {
          controller = c;
          if (ended || stopped) c.abort();
        },
        (error: unknown) => onDone(error ?? new Error('the watch could not start')),
      );
    };

    const handle: Watch = {
      stop: () => {
        if (stopped) return;
        stopped = true;
        abort?.();
        this.watches.delete(handle);
      },
    };
    this.watches.add(handle);
    connect();
    return handle;
  }

  /** Stops every watch and closes the connections kept open. The store is not used after. */
  public close(): void {
    for (const watch of [...this.watches]) watch.stop();
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  private learn(type: ResourceType): void {
    this.types.set(`${type.apiVersion}/${type.kind}`, type);
  }

  private typeOf(object: KubeObject): ResourceType {
    const type = this.types.get(`${object.apiVersion}/${object.kind}`);
    if (type === undefined) {
      throw new StoreError('Invalid', 0, `${object.kind} ${object.apiVersion} is not a kind the Kubernetes store knows; add it to KubeStoreOptions.resources`);
    }
    return type;
  }

  private async replace(object: KubeObject, status: boolean): Promise<KubeObject> {
    const type = this.typeOf(object);
    const { group, version } = groupVersion(type);
    const { name, namespace } = object.metadata;
    const body = { ...object, metadata: { ...object.metadata } };
    const common = { group, version, plural: type.plural, name, body, fieldManager: this.fieldManager, fieldValidation: this.fieldValidation };
    try {
      let replaced: unknown;
      if (type.namespaced) {
        const ns = requireNamespace(type, namespace, name);
        replaced = status
          ? await this.api.replaceNamespacedCustomObjectStatus({ ...common, namespace: ns })
          : await this.api.replaceNamespacedCustomObject({ ...common, namespace: ns });
      } else {
        replaced = status ? await this.api.replaceClusterCustomObjectStatus(common) : await this.api.replaceClusterCustomObject(common);
      }
      return withKind(type, replaced);
    } catch (error) {
      throw toStoreError(error, `${status ? 'update status of' : 'update'} ${describe(type, namespace, name)}`);
    }
  }
}

function loadKubeConfig(source: KubeStoreSource): KubeConfig {
  const kc = new KubeConfig();
  if ('kubeconfig' in source) {
    kc.loadFromFile(source.kubeconfig);
    if (source.context !== undefined) kc.setCurrentContext(source.context);
    return kc;
  }
  const { host, port } = source.inCluster;
  const dir = source.inCluster.serviceAccountDir ?? DEFAULT_SERVICE_ACCOUNT_DIR;
  const scheme = port === '80' || port === '8080' ? 'http' : 'https';
  kc.loadFromClusterAndUser(
    { name: 'inCluster', server: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`, caFile: `${dir}/ca.crt`, skipTLSVerify: false },
    { name: 'inClusterUser', authProvider: { name: 'tokenFile', config: { tokenFile: `${dir}/token` } } },
  );
  return kc;
}

/**
 * The client's HTTP library, with a time-out: the answer (or its next byte) must come in time.
 * CustomObjectsApi knows only `/apis/<group>/...`; the core group (group '') is at `/api/v1`.
 * (A request middleware would be the natural place, but client-node 1.3 ignores the
 * configuration's middleware unless each call passes options.)
 */
function send(request: RequestContext, how: SendOptions): Promise<ResponseContext> {
  const { base, timeoutMs, userAgent } = how;
  return new Promise((resolve, reject) => {
    const raw = request.getUrl();
    const url = new URL(raw.startsWith(`${base}/apis//`) ? `${base}/api/${raw.slice(base.length + '/apis//'.length)}` : raw);
    url.hash = '';
    const body = request.getBody();
    if (body !== undefined && typeof body !== 'string') {
      reject(new Error('the Kubernetes store sends JSON bodies only'));
      return;
    }
    const client = url.protocol === 'http:' ? http : https;
    const req = client.request(
      url,
      {
        method: request.getHttpMethod(),
        headers: { ...request.getHeaders(), 'user-agent': userAgent, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) },
        agent: keepAlive(request.getAgent(), how.agents),
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const data = Buffer.concat(chunks);
          const headers: Record<string, string> = {};
          for (const [key, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve(new ResponseContext(res.statusCode ?? 0, headers, { text: async () => data.toString('utf8'), binary: async () => data }));
        });
      },
    );
    req.on('timeout', () => req.destroy(new RequestTimeout(`${request.getHttpMethod()} ${url.pathname}: no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

interface SendOptions {
  readonly base: string;
  readonly timeoutMs: number;
  readonly userAgent: string;
  /** Keep-alive agents by TLS settings. */
  readonly agents: Map<string, https.Agent>;
}

/**
 * The client makes a new agent (so a new TLS connection) for every request; reuse one
 * keep-alive agent per TLS setting instead (2-3 times faster against a local server). Proxy
 * agents (a kubeconfig's proxy-url) are used as they come.
 */
function keepAlive(agent: http.Agent | https.Agent | undefined, agents: Map<string, https.Agent>): http.Agent | https.Agent | undefined {
  if (agent === undefined || agent.constructor !== https.Agent) return agent;
  const o = (agent as https.Agent & { options: https.AgentOptions }).options;
  const key = JSON.stringify([o.ca, o.cert, o.key, o.pfx, o.passphrase, o.rejectUnauthorized, o.servername]);
  let shared = agents.get(key);
  if (shared === undefined) {
    shared = new https.Agent({ ...o, keepAlive: true });
    agents.set(key, shared);
  }
  return shared;
}

class RequestTimeout extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'RequestTimeout';
  }
}

function groupVersion(type: ResourceType): { group: string; version: string } {
  const slash = type.apiVersion.indexOf('/');
  return slash === -1 ? { group: '', version: type.apiVersion } : { group: type.apiVersion.slice(0, slash), version: type.apiVersion.slice(slash + 1) };
}

function collectionPath(type: ResourceType, namespace: string | undefined): string {
  const prefix = type.apiVersion.includes('/') ? `/apis/${type.apiVersion}` : `/api/${type.apiVersion}`;
  const ns = type.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${prefix}${ns}/${type.plural}`;
}

/**
 * The object as the controllers see it: `kind`/`apiVersion` filled in (list items of built-in
 * kinds lack them) and `metadata.managedFields` dropped (bookkeeping of server-side apply that
 * nobody here reads; a PUT without it leaves the server's copy as it is).
 */
function withKind(type: ResourceType, object: unknown): KubeObject {
  const obj = object as KubeObject;
  const { managedFields: _managed, ...metadata } = obj.metadata as ObjectMeta & { managedFields?: unknown };
  return { ...obj, apiVersion: type.apiVersion, kind: type.kind, metadata };
}

function requireNamespace(type: ResourceType, namespace: string | undefined, name: string): string {
  if (namespace === undefined || namespace === '') {
    throw new StoreError('Invalid', 0, `${type.kind} ${name} is namespaced; give its metadata.namespace`);
  }
  return namespace;
}

function selector(labels: Readonly<Record<string, string>> | undefined): string | undefined {
  if (labels === undefined) return undefined;
  const keys = Object.keys(labels).sort(compareText);
  return keys.length === 0 ? undefined : keys.map((k) => `${k}=${labels[k]}`).join(',');
}

function describe(type: ResourceType, namespace: string | undefined, name: string): string {
  return `${type.kind} ${namespace === undefined || !type.namespaced ? '' : `${namespace}/`}${name}`;
}

/** The HTTP status of a failed client call, if it got one. */
function statusOf(error: unknown): number | undefined {
  if (error instanceof ApiException) return error.code;
  const code = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

interface Status {
  readonly code?: number;
  readonly reason?: string;
  readonly message?: string;
}

function parseStatus(body: unknown): Status | undefined {
  if (typeof body === 'string') {
    try {
      return parseStatus(JSON.parse(body));
    } catch {
      return body.trim() === '' ? undefined : { message: body.trim() };
    }
  }
  if (Buffer.isBuffer(body)) return parseStatus(body.toString('utf8'));
  return typeof body === 'object' && body !== null ? (body as Status) : undefined;
}

/** The reason a status code (and the server's `Status.reason`) means. */
function reasonFor(code: number, statusReason: string | undefined, verb?: 'create'): StoreErrorReason {
  if (code === 404) return 'NotFound';
  if (code === 409) return statusReason === 'AlreadyExists' || (statusReason === undefined && verb === 'create') ? 'AlreadyExists' : 'Conflict';
  if (code === 410) return 'Gone';
  if (code === 401 || code === 403) return 'Forbidden';
  if (code === 429) return 'TooManyRequests';
  if (code === 504 || statusReason === 'Timeout') return 'Timeout';
  if (code >= 500) return 'ServerError';
  // 400 BadRequest (e.g. an unknown field under Strict validation), 422 Invalid and the rest.
  return 'Invalid';
}

/** A watch `ERROR` event's Status as a StoreError. */
function fromStatus(object: unknown, what: string): StoreError {
  const status = parseStatus(object) ?? {};
  const code = status.code ?? 500;
  return new StoreError(reasonFor(code, status.reason), code, `${what}: ${status.message ?? status.reason ?? `error ${code}`}`);
}

/** Any failure of a client call as a StoreError that says what was being done. */
function toStoreError(error: unknown, what: string, verb?: 'create'): StoreError {
  if (isStoreError(error)) return error;
  if (error instanceof ApiException) {
    const status = parseStatus(error.body);
    const message = status?.message ?? (error.code === 401 ? 'unauthorized: the credentials were not accepted' : `HTTP ${error.code}`);
    return new StoreError(reasonFor(error.code, status?.reason, verb), error.code, `${what}: ${message}`);
  }
  const code = statusOf(error);
  if (code !== undefined) return new StoreError(reasonFor(code, undefined, verb), code, `${what}: HTTP ${code} ${(error as Error).message}`);
  if (error instanceof RequestTimeout || (error as { type?: string } | null)?.type === 'request-timeout') {
    return new StoreError('Timeout', 0, `${what}: ${(error as Error).message}`);
  }
  const message = error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? error.name}: ${error.message}` : String(error);
  return new StoreError('ServerError', 0, `${what}: ${message}`);
}
