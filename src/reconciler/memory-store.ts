/**
 * An in-memory `Store` with the API server's semantics, for tests and `capi-ionos simulate`:
 *
 * - one global resourceVersion counter (as etcd's revision); a write that changes nothing keeps
 *   the version and sends no event;
 * - `uid`s from a seeded generator, `creationTimestamp` / `deletionTimestamp` from the injected
 *   clock (whole seconds, as the API server writes them), `generation` bumped when anything but
 *   metadata (and status, for kinds with a status subresource) changes;
 * - optimistic concurrency: `update`, `updateStatus` and a `delete` with a precondition fail with
 *   409 Conflict when the version is stale; `update` without a version is rejected (422), as for
 *   custom resources; `create` of a taken name fails with AlreadyExists;
 * - the status subresource: `create` and `update` ignore `status`, `updateStatus` ignores all but
 *   `status`; kinds without one keep `status` as ordinary content;
 * - deletion with finalizers: `delete` sets `deletionTimestamp`, the object goes when its last
 *   finalizer is removed; no finalizer may be added to an object being deleted;
 * - background garbage collection by owner-reference uid: a dependent whose owners are all gone
 *   is deleted (respecting its own finalizers), dangling references next to live ones are dropped;
 * - watches delivered asynchronously and in order, replayed from a bounded history: a watch from
 *   a version older than the history fails with 410 Gone; equality label selectors, with ADDED /
 *   DELETED when an object starts / stops matching;
 * - fault injection (`faults`, see `memory-faults.ts`) and call counts (`calls`).
 *
 * What goes in is copied once; what is stored is deep-frozen and handed out as it is (by `get`,
 * `list`, watches and the answers of writes), never copied: a caller that wants to change an
 * object spreads it into a new one, as every controller here does. Versions share what did not
 * change (a status write keeps the stored spec and metadata).
 */
import { kubeTimestamp } from './clock.js';
import { StoreFaults, type FaultEffect, type StoreOperation } from './memory-faults.js';
import {
  RESOURCES,
  StoreError,
  type Clock,
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

/** Kinds served with a status subresource unless told otherwise (as their CRDs declare). */
export const DEFAULT_STATUS_SUBRESOURCE_KINDS: readonly string[] = [
  'IPAddressClaim',
  'InClusterIPPool',
  'GlobalInClusterIPPool',
  'IonosCloudMachine',
  'Cluster',
];

/** Options of a `MemoryStore`. */
export interface MemoryStoreOptions {
  /** Timestamps and delayed answers use it. */
  readonly clock: Clock;
  /**
   * Seed of the uid generator: the same seed and the same calls give the same uids.
   * @default 1
   */
  readonly seed?: number;
  /**
   * The kinds served.
   * @default every entry of RESOURCES
   */
  readonly types?: readonly ResourceType[];
  /**
   * Kinds that have a status subresource.
   * @default DEFAULT_STATUS_SUBRESOURCE_KINDS
   */
  readonly statusSubresource?: readonly string[];
  /**
   * How many changes are kept for watches to start from; older versions get 410 Gone.
   * @default 10_000
   */
  readonly historyLimit?: number;
}

const STATUS_CODES: Readonly<Record<StoreErrorReason, number>> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Gone: 410,
  Invalid: 422,
  Forbidden: 403,
  TooManyRequests: 429,
  ServerError: 500,
  Timeout: 504,
};

function storeError(reason: StoreErrorReason, message: string): StoreError {
  return new StoreError(reason, STATUS_CODES[reason], message);
}

/** `group` of an apiVersion (`''` for the core group). */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The API server's name of a resource in messages: `ipaddresses.ipam.cluster.x-k8s.io`. */
function resourceName(type: ResourceType): string {
  const group = groupOf(type.apiVersion);
  return group === '' ? type.plural : `${type.plural}.${group}`;
}

function typeKey(apiVersion: string, kind: string): string {
  return `${apiVersion}|${kind}`;
}

function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** Structural equality of JSON-like values (bigint included; absent and `undefined` alike). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((value, i) => deepEqual(value, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  // Every key of either side (without building their union: this runs on every write).
  for (const key of Object.keys(left)) if (!deepEqual(left[key], right[key])) return false;
  for (const key of Object.keys(right)) if (!Object.hasOwn(left, key) && !deepEqual(left[key], right[key])) return false;
  return true;
}

/** Thrown by `copyData` past its depth limit: the value may be cyclic. */
const TOO_DEEP = Symbol('too deep');
const MAX_COPY_DEPTH = 100;

/**
 * A deep copy of JSON-like data (plain objects, arrays, primitives, bigints), equal to what
 * `structuredClone` makes but several times faster: the store copies every object going in.
 * A frozen object or array is shared, not copied: the store's own objects are frozen all the way
 * down (`deepFreeze`), so a writer that spreads a stored object into a new version gets only its
 * changes copied (so freeze all the way down or not at all: a frozen value is taken as final).
 * Anything else (a Date, a Map, a class instance, a function) is copied, or refused, by
 * `structuredClone` itself, and so is a value nested deeper than any
 * object is (it may be cyclic). One difference: a sub-object referenced twice within the value
 * becomes two copies, as through JSON, where `structuredClone` keeps one shared copy.
 */
function clone<T>(value: T): T {
  try {
    return copyData(value, 0);
  } catch (error) {
    if (error === TOO_DEEP) return structuredClone(value);
    throw error;
  }
}

function copyData<T>(value: T, depth: number): T {
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'function' || typeof value === 'symbol' ? structuredClone(value) : value;
  }
  // A part of a stored object (spread into a new version by its writer) cannot change: shared.
  if (Object.isFrozen(value)) return value;
  if (depth > MAX_COPY_DEPTH) throw TOO_DEEP;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // Holes stay holes.
      if (item !== undefined || i in value) out[i] = copyData(item, depth + 1);
    }
    return out as T;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyData((value as Record<string, unknown>)[key], depth + 1);
    // An own `__proto__` key (JSON.parse makes those) stays a key, not the prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out as T;
}

/**
 * Freezes a stored object and everything in it, so that it can be handed out without a copy:
 * whoever holds it may read it but not change it (a change throws a TypeError). Parts that are
 * frozen already (shared with an earlier version of the object) are not walked again.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value) deepFreeze(item);
  } else {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A copy without `undefined`-valued metadata keys (so that stored objects compare cleanly). */
function cleanMeta(meta: Record<string, unknown>): ObjectMeta {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(meta).sort(compareText)) if (meta[key] !== undefined) out[key] = meta[key];
  return out as unknown as ObjectMeta;
}

/** Whether an object's labels satisfy an equality selector. */
function matchesLabels(object: KubeObject, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (labels === undefined) return true;
  const own = object.metadata.labels ?? {};
  return Object.entries(labels).every(([key, value]) => own[key] === value);
}

/** A deterministic uid generator (UUID v4 layout) from a 32-bit seed: mulberry32. */
class UidGenerator {
  private state: number;

  public constructor(seed: number) {
    this.state = seed >>> 0;
  }

  public next(): string {
    const words = [this.word(), this.word(), this.word(), this.word()];
    words[1] = ((words[1]! & 0xffff0fff) | 0x00004000) >>> 0;
    words[2] = ((words[2]! & 0x3fffffff) | 0x80000000) >>> 0;
    const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  private word(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
}

interface Change {
  readonly revision: number;
  readonly typeKey: string;
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly object: KubeObject;
  /** The object before a MODIFIED change (for selector transitions). */
  readonly previous?: KubeObject;
}

interface Watcher {
  readonly typeKey: string;
  readonly options: ListOptions;
  readonly handlers: WatchHandlers;
  readonly queue: (WatchEvent | StoreError)[];
  scheduled: boolean;
  stopped: boolean;
}

/** Call counts per operation. */
export type StoreCalls = Readonly<Record<StoreOperation, number>>;

/** The in-memory store. See the module comment for the semantics. */
export class MemoryStore implements Store {
  /** Fault injection, see `memory-faults.ts`. */
  public readonly faults: StoreFaults;

  private readonly clock: Clock;
  private readonly uids: UidGenerator;
  private readonly types = new Map<string, ResourceType>();
  private readonly statusKinds: ReadonlySet<string>;
  private readonly historyLimit: number;
  /** typeKey → objectKey → object (deep-frozen copies of what was written, handed out as they are). */
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  /** uid → where the object is. */
  private readonly byUid = new Map<string, { readonly typeKey: string; readonly key: string }>();
  /** owner uid → keys (`typeKey objectKey`) of objects that name it as owner. */
  private readonly dependents = new Map<string, Set<string>>();
  private revision = 1;
  private history: Change[] = [];
  /** Changes up to this revision are forgotten; watches must start at or after it. */
  private compactedRevision = 1;
  private readonly watchers = new Set<Watcher>();
  private readonly counts: Record<StoreOperation, number> = { get: 0, list: 0, create: 0, update: 0, updateStatus: 0, delete: 0, watch: 0 };

  public constructor(options: MemoryStoreOptions) {
    this.clock = options.clock;
    this.uids = new UidGenerator(options.seed ?? 1);
    for (const type of options.types ?? Object.values(RESOURCES)) this.types.set(typeKey(type.apiVersion, type.kind), type);
    this.statusKinds = new Set(options.statusSubresource ?? DEFAULT_STATUS_SUBRESOURCE_KINDS);
    this.historyLimit = options.historyLimit ?? 10_000;
    this.faults = new StoreFaults({
      endWatches: (reason) => this.endWatches(reason),
      compactHistory: () => {
        this.history = [];
        this.compactedRevision = this.revision;
      },
    });
  }

  /** How many calls of each operation the store has answered or refused. */
  public get calls(): StoreCalls {
    return { ...this.counts };
  }

  /** The current resourceVersion (the revision of the last change). */
  public get resourceVersion(): string {
    return String(this.revision);
  }

  /** Every stored object of `type`, sorted by namespace and name (frozen; no call is counted). */
  public dump(type: ResourceType): KubeObject[] {
    const bucket = this.objects.get(typeKey(type.apiVersion, type.kind));
    if (bucket === undefined) return [];
    return [...bucket.keys()].sort(compareText).map((key) => bucket.get(key)!);
  }

  public async get(type: ResourceType, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
    const key = this.served(type);
    await this.fault('get', type, namespace, name);
    const found = this.bucket(key).get(objectKey(type.namespaced ? namespace : undefined, name));
    return found;
  }

  public async list(type: ResourceType, options: ListOptions = {}): Promise<ListResult> {
    const key = this.served(type);
    await this.fault('list', type, options.namespace, undefined);
    const bucket = this.bucket(key);
    const items = [...bucket.keys()]
      .sort(compareText)
      .map((k) => bucket.get(k)!)
      .filter((o) => this.matches(o, options));
    return { items, resourceVersion: String(this.revision) };
  }

  public async create(object: KubeObject): Promise<KubeObject> {
    const type = this.typeOf(object);
    const effect = await this.fault('create', type, object.metadata.namespace, object.metadata.name);
    const namespace = this.namespaceOf(type, object);
    const name = this.nameOf(object);
    const bucket = this.bucket(typeKey(type.apiVersion, type.kind));
    const key = objectKey(namespace, name);
    if (bucket.has(key)) throw storeError('AlreadyExists', `${resourceName(type)} "${name}" already exists`);
    const copy = clone(object) as Record<string, unknown>;
    if (this.statusKinds.has(type.kind)) delete copy.status;
    const meta = copy.metadata as Record<string, unknown>;
    const uid = this.uids.next();
    const stored = {
      ...copy,
      apiVersion: type.apiVersion,
      kind: type.kind,
      metadata: cleanMeta({
        ...meta,
        name,
        namespace,
        uid,
        resourceVersion: String(++this.revision),
        generation: 1,
        creationTimestamp: kubeTimestamp(this.clock.now()),
        deletionTimestamp: undefined,
        finalizers: (meta.finalizers as string[] | undefined)?.length ? meta.finalizers : undefined,
        ownerReferences: (meta.ownerReferences as unknown[] | undefined)?.length ? meta.ownerReferences : undefined,
      }),
    } as KubeObject;
    this.put(type, key, stored);
    this.record('ADDED', type, stored);
    this.collectGarbage([uid]);
    return this.answer(effect, stored);
  }

  public async update(object: KubeObject): Promise<KubeObject> {
    const type = this.typeOf(object);
    const effect = await this.fault('update', type, object.metadata.namespace, object.metadata.name);
    const { key, stored } = this.existing(type, object, 'update');
    const copy = clone(object) as Record<string, unknown>;
    const hasStatus = this.statusKinds.has(type.kind);
    if (hasStatus) {
      if (stored.status === undefined) delete copy.status;
      else copy.status = stored.status;
    }
    const meta = copy.metadata as Record<string, unknown>;
    const finalizers = (meta.finalizers as string[] | undefined) ?? [];
    if (stored.metadata.deletionTimestamp !== undefined) {
      const added = finalizers.filter((f) => !(stored.metadata.finalizers ?? []).includes(f));
      if (added.length > 0) {
        throw storeError('Invalid', `${resourceName(type)} "${stored.metadata.name}" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify(added)}`);
      }
    }
    const next = {
      ...copy,
      apiVersion: type.apiVersion,
      kind: type.kind,
      metadata: cleanMeta({
        ...meta,
        name: stored.metadata.name,
        namespace: stored.metadata.namespace,
        uid: stored.metadata.uid,
        resourceVersion: stored.metadata.resourceVersion,
        generation: stored.metadata.generation,
        creationTimestamp: stored.metadata.creationTimestamp,
        deletionTimestamp: stored.metadata.deletionTimestamp,
        finalizers: finalizers.length > 0 ? finalizers : undefined,
        ownerReferences: (meta.ownerReferences as unknown[] | undefined)?.length ? meta.ownerReferences : undefined,
      }),
    } as KubeObject;
    const result = this.write(type, key, stored, next, hasStatus);
    return this.answer(effect, result);
  }

  public async updateStatus(object: KubeObject): Promise<KubeObject> {
    const type = this.typeOf(object);
    const effect = await this.fault('updateStatus', type, object.metadata.namespace, object.metadata.name);
    if (!this.statusKinds.has(type.kind)) {
      throw storeError('NotFound', `the server could not find the requested resource (put ${resourceName(type)} ${object.metadata.name}/status)`);
    }
    const { key, stored } = this.existing(type, object, 'update');
    // Only the status is new; the rest is shared with the stored (frozen) version.
    const next = { ...stored } as Record<string, unknown>;
    if (object.status === undefined) delete next.status;
    else next.status = clone(object.status);
    const result = this.write(type, key, stored, next as KubeObject, true);
    return this.answer(effect, result);
  }

  public async delete(type: ResourceType, namespace: string | undefined, name: string, options: { readonly resourceVersion?: string } = {}): Promise<void> {
    this.served(type);
    const effect = await this.fault('delete', type, namespace, name);
    const key = objectKey(type.namespaced ? namespace : undefined, name);
    const stored = this.bucket(typeKey(type.apiVersion, type.kind)).get(key);
    if (stored === undefined) throw storeError('NotFound', `${resourceName(type)} "${name}" not found`);
    if (options.resourceVersion !== undefined && options.resourceVersion !== stored.metadata.resourceVersion) {
      throw storeError('Conflict', `Operation cannot be fulfilled on ${resourceName(type)} "${name}": the ResourceVersion in the precondition (${options.resourceVersion}) does not match the ResourceVersion in record (${stored.metadata.resourceVersion}). The object might have been modified`);
    }
    this.remove(type, key, stored);
    this.answer(effect, stored);
  }

  public watch(type: ResourceType, options: ListOptions & { readonly resourceVersion: string }, handlers: WatchHandlers): Watch {
    const key = this.served(type);
    const watcher: Watcher = { typeKey: key, options, handlers, queue: [], scheduled: false, stopped: false };
    const stop = (): void => {
      watcher.stopped = true;
      this.watchers.delete(watcher);
    };
    this.counts.watch++;
    const effect = this.faults.take('watch', type.kind, options.namespace, undefined);
    const from = Number(options.resourceVersion);
    if (effect?.error !== undefined) {
      this.deliver(watcher, storeError(effect.error, `watch of ${resourceName(type)} failed (injected ${effect.error})`));
    } else if (!Number.isInteger(from) || from < 0) {
      this.deliver(watcher, storeError('Invalid', `resourceVersion "${options.resourceVersion}" is not a valid resource version`));
    } else if (from < this.compactedRevision) {
      this.deliver(watcher, storeError('Gone', `too old resource version: ${from} (${this.compactedRevision})`));
    } else {
      this.watchers.add(watcher);
      for (const change of this.history) if (change.revision > from && change.typeKey === key) this.offer(watcher, change);
    }
    return { stop };
  }

  // ---------------------------------------------------------------------------------------------

  private served(type: ResourceType): string {
    const key = typeKey(type.apiVersion, type.kind);
    if (!this.types.has(key)) throw storeError('NotFound', `the server could not find the requested resource (${type.kind} in ${type.apiVersion})`);
    return key;
  }

  private typeOf(object: KubeObject): ResourceType {
    const type = this.types.get(typeKey(object.apiVersion, object.kind));
    if (type === undefined) throw storeError('NotFound', `the server could not find the requested resource (${object.kind} in ${object.apiVersion})`);
    return type;
  }

  private nameOf(object: KubeObject): string {
    const name = object.metadata?.name;
    if (typeof name !== 'string' || name === '') throw storeError('Invalid', `${object.kind} is invalid: metadata.name: Required value: name is required`);
    return name;
  }

  private namespaceOf(type: ResourceType, object: KubeObject): string | undefined {
    if (!type.namespaced) return undefined;
    const namespace = object.metadata.namespace;
    if (typeof namespace !== 'string' || namespace === '') {
      throw storeError('Invalid', `${type.kind} "${object.metadata.name}" is invalid: metadata.namespace: Required value`);
    }
    return namespace;
  }

  private bucket(key: string): Map<string, KubeObject> {
    let bucket = this.objects.get(key);
    if (bucket === undefined) {
      bucket = new Map();
      this.objects.set(key, bucket);
    }
    return bucket;
  }

  private matches(object: KubeObject, options: ListOptions): boolean {
    // A namespace means nothing to cluster-scoped objects (their metadata has none).
    if (options.namespace !== undefined && object.metadata.namespace !== undefined && object.metadata.namespace !== options.namespace) return false;
    return matchesLabels(object, options.labels);
  }

  private async fault(op: StoreOperation, type: ResourceType, namespace: string | undefined, name: string | undefined): Promise<FaultEffect | undefined> {
    this.counts[op]++;
    const effect = this.faults.take(op, type.kind, namespace, name);
    if (effect === undefined) return undefined;
    if (effect.delayMs > 0) await this.clock.sleep(effect.delayMs);
    if (effect.error !== undefined && !effect.afterWrite) {
      throw storeError(effect.error, `${op} of ${resourceName(type)}${name === undefined ? '' : ` "${name}"`} failed (injected ${effect.error})`);
    }
    return effect;
  }

  /** Returns a copy of `object`, or throws the injected error of a lost answer. */
  private answer(effect: FaultEffect | undefined, object: KubeObject): KubeObject {
    if (effect?.afterWrite === true) {
      throw storeError(effect.error ?? 'Timeout', `the answer to a write of ${object.kind} "${object.metadata.name}" was lost (injected); the write happened`);
    }
    return object;
  }

  private existing(type: ResourceType, object: KubeObject, verb: string): { key: string; stored: KubeObject } {
    const namespace = this.namespaceOf(type, object);
    const name = this.nameOf(object);
    const key = objectKey(namespace, name);
    const stored = this.bucket(typeKey(type.apiVersion, type.kind)).get(key);
    if (stored === undefined) throw storeError('NotFound', `${resourceName(type)} "${name}" not found`);
    const version = object.metadata.resourceVersion;
    if (version === undefined || version === '') {
      throw storeError('Invalid', `${resourceName(type)} "${name}" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an ${verb}`);
    }
    if (version !== stored.metadata.resourceVersion) {
      throw storeError('Conflict', `Operation cannot be fulfilled on ${resourceName(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`);
    }
    return { key, stored };
  }

  /** Stores `next` in place of `stored` (same version so far); returns what is stored now. */
  private write(type: ResourceType, key: string, stored: KubeObject, next: KubeObject, hasStatus: boolean): KubeObject {
    if (deepEqual(next, stored)) return stored;
    const content = (o: KubeObject): Record<string, unknown> => {
      const { metadata: _m, status: _s, ...rest } = o as Record<string, unknown>;
      return hasStatus ? rest : { ...rest, status: _s };
    };
    const generation = (stored.metadata.generation ?? 1) + (deepEqual(content(next), content(stored)) ? 0 : 1);
    const finalizers = next.metadata.finalizers ?? [];
    if (next.metadata.deletionTimestamp !== undefined && finalizers.length === 0) {
      const gone = deepFreeze({ ...next, metadata: cleanMeta({ ...next.metadata, generation }) } as KubeObject);
      this.remove(type, key, gone);
      return this.bucket(typeKey(type.apiVersion, type.kind)).get(key) ?? gone;
    }
    const result = {
      ...next,
      metadata: cleanMeta({ ...next.metadata, generation, resourceVersion: String(++this.revision) }),
    } as KubeObject;
    this.put(type, key, result);
    this.record('MODIFIED', type, result, stored);
    if (!deepEqual(result.metadata.ownerReferences, stored.metadata.ownerReferences)) this.collectGarbage([result.metadata.uid!]);
    return result;
  }

  /** Deletes: marks an object with finalizers, removes one without (and collects its dependents). */
  private remove(type: ResourceType, key: string, current: KubeObject): void {
    if ((current.metadata.finalizers ?? []).length > 0) {
      const stored = this.bucket(typeKey(type.apiVersion, type.kind)).get(key)!;
      if (stored.metadata.deletionTimestamp !== undefined && deepEqual(stored, current)) return;
      const marked = {
        ...current,
        metadata: cleanMeta({
          ...current.metadata,
          deletionTimestamp: current.metadata.deletionTimestamp ?? kubeTimestamp(this.clock.now()),
          generation: (current.metadata.generation ?? 1) + (current.metadata.deletionTimestamp === undefined ? 1 : 0),
          resourceVersion: String(++this.revision),
        }),
      } as KubeObject;
      this.put(type, key, marked);
      this.record('MODIFIED', type, marked, stored);
      return;
    }
    const tKey = typeKey(type.apiVersion, type.kind);
    this.bucket(tKey).delete(key);
    const uid = current.metadata.uid!;
    this.byUid.delete(uid);
    for (const ref of current.metadata.ownerReferences ?? []) this.dependents.get(ref.uid)?.delete(`${tKey} ${key}`);
    const gone = deepFreeze({ ...current, metadata: cleanMeta({ ...current.metadata, resourceVersion: String(++this.revision) }) } as KubeObject);
    this.record('DELETED', type, gone);
    this.collectGarbage([...(this.dependents.get(uid) ?? [])].map((dep) => this.uidAt(dep)).filter((u): u is string => u !== undefined));
    this.dependents.delete(uid);
  }

  private uidAt(depKey: string): string | undefined {
    const space = depKey.indexOf(' ');
    return this.objects.get(depKey.slice(0, space))?.get(depKey.slice(space + 1))?.metadata.uid;
  }

  private put(type: ResourceType, key: string, object: KubeObject): void {
    const tKey = typeKey(type.apiVersion, type.kind);
    const previous = this.bucket(tKey).get(key);
    for (const ref of previous?.metadata.ownerReferences ?? []) this.dependents.get(ref.uid)?.delete(`${tKey} ${key}`);
    this.bucket(tKey).set(key, deepFreeze(object));
    this.byUid.set(object.metadata.uid!, { typeKey: tKey, key });
    for (const ref of object.metadata.ownerReferences ?? []) {
      let set = this.dependents.get(ref.uid);
      if (set === undefined) {
        set = new Set();
        this.dependents.set(ref.uid, set);
      }
      set.add(`${tKey} ${key}`);
    }
  }

  /** Whether an owner reference of `dependent` points at a live object it may be owned by. */
  private ownerExists(dependent: KubeObject, uid: string): boolean {
    const where = this.byUid.get(uid);
    if (where === undefined) return false;
    const owner = this.objects.get(where.typeKey)?.get(where.key);
    if (owner === undefined) return false;
    // A namespaced owner must live in the dependent's namespace.
    return owner.metadata.namespace === undefined || owner.metadata.namespace === dependent.metadata.namespace;
  }

  /** Background garbage collection of the objects with these uids (and, transitively, theirs). */
  private collectGarbage(uids: readonly string[]): void {
    const work = [...uids];
    while (work.length > 0) {
      const uid = work.shift()!;
      const where = this.byUid.get(uid);
      if (where === undefined) continue;
      const object = this.objects.get(where.typeKey)?.get(where.key);
      const refs = object?.metadata.ownerReferences ?? [];
      if (object === undefined || refs.length === 0) continue;
      const live = refs.filter((r) => this.ownerExists(object, r.uid));
      if (live.length === refs.length) continue;
      const type = this.types.get(where.typeKey)!;
      if (live.length > 0) {
        const next = { ...object, metadata: cleanMeta({ ...object.metadata, ownerReferences: live }) } as KubeObject;
        this.write(type, where.key, object, next, this.statusKinds.has(type.kind));
      } else if (object.metadata.deletionTimestamp === undefined) {
        // Removing it collects its own dependents in turn.
        this.remove(type, where.key, object);
      }
    }
  }

  private record(kind: Change['type'], type: ResourceType, object: KubeObject, previous?: KubeObject): void {
    const change: Change = { revision: this.revision, typeKey: typeKey(type.apiVersion, type.kind), type: kind, object, previous };
    this.history.push(change);
    // Trimmed in batches (amortised O(1) per change); at least `historyLimit` changes are kept.
    if (this.history.length > this.historyLimit + Math.max(1, this.historyLimit >> 2)) {
      const dropped = this.history.splice(0, this.history.length - this.historyLimit);
      this.compactedRevision = dropped[dropped.length - 1]!.revision;
    }
    for (const watcher of this.watchers) if (watcher.typeKey === change.typeKey) this.offer(watcher, change);
  }

  /** Queues what a change means to one watcher (selector transitions become ADDED / DELETED). */
  private offer(watcher: Watcher, change: Change): void {
    const now = this.matches(change.object, watcher.options);
    const before = change.previous !== undefined && this.matches(change.previous, watcher.options);
    let event: WatchEvent | undefined;
    if (change.type === 'MODIFIED') {
      if (now && before) event = { type: 'MODIFIED', object: change.object };
      else if (now) event = { type: 'ADDED', object: change.object };
      else if (before) {
        const last = deepFreeze({ ...change.previous!, metadata: { ...change.previous!.metadata, resourceVersion: change.object.metadata.resourceVersion } });
        event = { type: 'DELETED', object: last };
      }
    } else if (now) {
      event = { type: change.type, object: change.object };
    }
    if (event !== undefined) this.deliver(watcher, event);
  }

  private deliver(watcher: Watcher, item: WatchEvent | StoreError): void {
    watcher.queue.push(item);
    if (watcher.scheduled) return;
    watcher.scheduled = true;
    queueMicrotask(() => {
      watcher.scheduled = false;
      while (watcher.queue.length > 0 && !watcher.stopped) {
        const next = watcher.queue.shift()!;
        if (next instanceof StoreError) {
          watcher.stopped = true;
          this.watchers.delete(watcher);
          watcher.handlers.onError(next);
        } else {
          watcher.handlers.onEvent(next);
        }
      }
    });
  }

  private endWatches(reason: StoreErrorReason): number {
    const open = [...this.watchers];
    for (const watcher of open) {
      this.watchers.delete(watcher);
      this.deliver(watcher, storeError(reason, `watch ended by the server (injected ${reason})`));
    }
    return open.length;
  }
}
