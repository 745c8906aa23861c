/**
 * The small slice of the Kubernetes API the controllers use, as an interface with two
 * implementations: an in-memory store (for `simulate` and tests) and a Kubernetes store (for
 * `reconcile`). Both give the same semantics: resourceVersions and optimistic concurrency
 * (a stale update is a 409 Conflict), a status subresource, finalizers and deletion timestamps,
 * owner-reference garbage collection, and watches that can fail with 410 Gone.
 */
import { CAPI_API_VERSION, INFRA_API_VERSION, IPAM_ADDRESS_API_VERSION, IPAM_POOL_API_VERSION } from '../vocabulary.js';

/** An owner reference, as in `metadata.ownerReferences`. */
export interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  readonly controller?: boolean;
  readonly blockOwnerDeletion?: boolean;
}

/** Object metadata; the fields the store manages are read-only to callers. */
export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly resourceVersion?: string;
  readonly generation?: number;
  readonly creationTimestamp?: string;
  readonly deletionTimestamp?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly finalizers?: readonly string[];
  readonly ownerReferences?: readonly OwnerReference[];
}

/** Any Kubernetes object, as plain JSON. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  readonly spec?: unknown;
  readonly status?: unknown;
  readonly [key: string]: unknown;
}

/** A kind of object the store serves. */
export interface ResourceType {
  /** `group/version` (or `v1` for the core group). */
  readonly apiVersion: string;
  readonly kind: string;
  /** Lower-case plural used in URLs, e.g. `ipaddressclaims`. */
  readonly plural: string;
  readonly namespaced: boolean;
}

/** The resource types the controllers use. */
export const RESOURCES = {
  ipAddressClaim: { apiVersion: IPAM_ADDRESS_API_VERSION, kind: 'IPAddressClaim', plural: 'ipaddressclaims', namespaced: true },
  ipAddress: { apiVersion: IPAM_ADDRESS_API_VERSION, kind: 'IPAddress', plural: 'ipaddresses', namespaced: true },
  inClusterIPPool: { apiVersion: IPAM_POOL_API_VERSION, kind: 'InClusterIPPool', plural: 'inclusterippools', namespaced: true },
  globalInClusterIPPool: { apiVersion: IPAM_POOL_API_VERSION, kind: 'GlobalInClusterIPPool', plural: 'globalinclusterippools', namespaced: false },
  ionosCloudMachine: { apiVersion: INFRA_API_VERSION, kind: 'IonosCloudMachine', plural: 'ionoscloudmachines', namespaced: true },
  cluster: { apiVersion: CAPI_API_VERSION, kind: 'Cluster', plural: 'clusters', namespaced: true },
  secret: { apiVersion: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  event: { apiVersion: 'v1', kind: 'Event', plural: 'events', namespaced: true },
  lease: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', plural: 'leases', namespaced: true },
  validatingWebhookConfiguration: { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', plural: 'validatingwebhookconfigurations', namespaced: false },
  mutatingWebhookConfiguration: { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration', plural: 'mutatingwebhookconfigurations', namespaced: false },
} as const satisfies Record<string, ResourceType>;

/** Why a store call failed, by HTTP status as the API server reports it. */
export type StoreErrorReason =
  | 'NotFound' // 404
  | 'AlreadyExists' // 409 on create
  | 'Conflict' // 409: stale resourceVersion
  | 'Gone' // 410: watch resourceVersion too old
  | 'Invalid' // 422
  | 'Forbidden' // 403
  | 'TooManyRequests' // 429
  | 'ServerError' // 5xx
  | 'Timeout'; // no answer in time

const STORE_ERROR = Symbol.for('cdk8s-capi-ionos.StoreError');

/** A failed store call. `transient` says whether retrying the same call may succeed. */
export class StoreError extends Error {
  public constructor(
    public readonly reason: StoreErrorReason,
    public readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
    Object.defineProperty(this, STORE_ERROR, { value: true });
  }

  /** Conflicts, 410, 429, 5xx and time-outs: re-read and try again (with backoff). */
  public get transient(): boolean {
    return ['Conflict', 'Gone', 'TooManyRequests', 'ServerError', 'Timeout'].includes(this.reason);
  }
}

/** Whether `error` is a StoreError (from any copy of this package) with one of `reasons`. */
export function isStoreError(error: unknown, ...reasons: StoreErrorReason[]): error is StoreError {
  if (typeof error !== 'object' || error === null || (error as Record<symbol, unknown>)[STORE_ERROR] !== true) return false;
  return reasons.length === 0 || reasons.includes((error as StoreError).reason);
}

/** Options of a list or a watch. */
export interface ListOptions {
  /** Only this namespace; all namespaces when absent. */
  readonly namespace?: string;
  /** Equality selector, e.g. `{ 'cluster.x-k8s.io/cluster-name': 'prod-a' }`. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A list answer: the items and the collection's resourceVersion to watch from. */
export interface ListResult {
  readonly items: readonly KubeObject[];
  readonly resourceVersion: string;
}

/** A watch notification. `BOOKMARK` only advances the resourceVersion. */
export type WatchEvent =
  | { readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'; readonly object: KubeObject }
  | { readonly type: 'BOOKMARK'; readonly resourceVersion: string };

/** A running watch. */
export interface Watch {
  /** Stops the watch; no callback runs after it returns. */
  stop(): void;
}

/** Callbacks of a watch. `onError` ends the watch (a 410 Gone means: list again). */
export interface WatchHandlers {
  onEvent(event: WatchEvent): void;
  onError(error: StoreError): void;
}

/**
 * The API the controllers run against. Objects passed in are never mutated; every call returns
 * fresh copies. Writes that carry a `metadata.resourceVersion` fail with a `Conflict` when the
 * stored object has moved on.
 */
export interface Store {
  get(type: ResourceType, namespace: string | undefined, name: string): Promise<KubeObject | undefined>;
  list(type: ResourceType, options?: ListOptions): Promise<ListResult>;
  /** Creates; `AlreadyExists` when the name is taken. Server-managed metadata is filled in. */
  create(object: KubeObject): Promise<KubeObject>;
  /** Replaces spec and metadata (not status). */
  update(object: KubeObject): Promise<KubeObject>;
  /** Replaces status only (the status subresource). */
  updateStatus(object: KubeObject): Promise<KubeObject>;
  /**
   * Deletes: an object with finalizers only gets a deletionTimestamp; it goes when the last
   * finalizer is removed. Dependents (by ownerReference uid) are then garbage-collected.
   */
  delete(type: ResourceType, namespace: string | undefined, name: string, options?: { readonly resourceVersion?: string }): Promise<void>;
  /** Watches changes after `resourceVersion` (from a list). */
  watch(type: ResourceType, options: ListOptions & { readonly resourceVersion: string }, handlers: WatchHandlers): Watch;
}

/** The time, injected (tests and `simulate` use a fake). */
export interface Clock {
  /** Milliseconds since the epoch: wall time, which may step (NTP, an operator). For timestamps. */
  now(): number;
  /**
   * Milliseconds on a clock that never steps backwards or jumps (an arbitrary origin): for
   * deadlines and elapsed time, e.g. leader election, as client-go uses Go's monotonic reading.
   */
  monotonic(): number;
  /**
   * Resolves after `ms` milliseconds of this clock's time, or early, as soon as `signal` aborts
   * (so that a stopped controller leaves no timer behind; callers check `signal.aborted`).
   * Implementations that ignore `signal` stay correct, only slower to let go.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
