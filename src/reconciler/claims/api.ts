/**
 * The In-Cluster IPAM provider's vocabulary (its `pkg/ipamutil/reconciler.go`) and small pure
 * accessors over the objects involved: claims, IPAddresses, pools and Clusters as plain JSON.
 * § numbers refer to docs/in-cluster-provider-rules.md.
 */
import type { PoolSpec } from '../../ipam/pool-spec.js';
import { RESOURCES, type KubeObject, type OwnerReference, type ResourceType } from '../store.js';
import { CLUSTER_NAME_LABEL, IPAM_API_GROUP, type PoolKind } from '../../vocabulary.js';

/** The shared words the claim binder uses (declared in vocabulary.ts). */
export { CLUSTER_NAME_LABEL, compareText, IPAM_API_GROUP, type PoolKind } from '../../vocabulary.js';

/** On claims: the address is released before the claim goes (§7, §10.1). */
export const RELEASE_ADDRESS_FINALIZER = 'ipam.cluster.x-k8s.io/ReleaseAddress';
/** On IPAddresses: only the binder removes them (§6, §10.2). */
export const PROTECT_ADDRESS_FINALIZER = 'ipam.cluster.x-k8s.io/ProtectAddress';
/** On pools: kept while any IPAddress references the pool (§10.3). */
export const PROTECT_POOL_FINALIZER = 'ipam.cluster.x-k8s.io/ProtectPool';
/** Presence (any value) pauses a claim, a pool or a Cluster (§9). */
export const PAUSED_ANNOTATION = 'cluster.x-k8s.io/paused';
/** The manager's optional watch filter (§9). */
export const WATCH_FILTER_LABEL = 'cluster.x-k8s.io/watch-filter';

/** Which pool: a namespaced InClusterIPPool or a cluster-scoped GlobalInClusterIPPool. */
export interface PoolId {
  readonly kind: PoolKind;
  /** Set for InClusterIPPool only. */
  readonly namespace?: string;
  readonly name: string;
}

/** The store type of a pool kind. */
export function poolType(kind: PoolKind): ResourceType {
  return kind === 'InClusterIPPool' ? RESOURCES.inClusterIPPool : RESOURCES.globalInClusterIPPool;
}

/** A pool's identity as one string: `<kind>/<namespace>/<name>` (empty namespace for global pools). */
export function poolKey(id: PoolId): string {
  return `${id.kind}/${id.namespace ?? ''}/${id.name}`;
}

/** The identity of a pool object. */
export function poolIdOf(pool: KubeObject): PoolId {
  const kind = pool.kind as PoolKind;
  return kind === 'InClusterIPPool' ? { kind, namespace: pool.metadata.namespace, name: pool.metadata.name } : { kind, name: pool.metadata.name };
}

interface TypedRef {
  readonly apiGroup?: string;
  readonly kind?: string;
  readonly name?: string;
}

function specOf(object: KubeObject | undefined): Record<string, unknown> {
  const spec = object?.spec;
  return typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>) : {};
}

function refToPool(ref: TypedRef | undefined, namespace: string | undefined, emptyGroupIsIpam: boolean): PoolId | undefined {
  if (ref === undefined || typeof ref !== 'object') return undefined;
  const group = ref.apiGroup === '' || ref.apiGroup === undefined ? (emptyGroupIsIpam ? IPAM_API_GROUP : '') : ref.apiGroup;
  if (group !== IPAM_API_GROUP || typeof ref.name !== 'string' || ref.name === '') return undefined;
  if (ref.kind === 'InClusterIPPool') return { kind: ref.kind, namespace, name: ref.name };
  if (ref.kind === 'GlobalInClusterIPPool') return { kind: ref.kind, name: ref.name };
  return undefined;
}

/**
 * The pool a claim asks for, or `undefined` when the binder must leave the claim alone: its
 * `spec.poolRef.apiGroup` is not exactly `ipam.cluster.x-k8s.io` (an empty group included) or its
 * kind is neither InClusterIPPool nor GlobalInClusterIPPool (§7). An InClusterIPPool is looked up
 * in the claim's namespace.
 */
export function claimPool(claim: KubeObject): PoolId | undefined {
  return refToPool(specOf(claim).poolRef as TypedRef | undefined, claim.metadata.namespace, false);
}

/**
 * The pool an IPAddress counts against (§4 step 1): its `spec.poolRef` with an empty group read
 * as `ipam.cluster.x-k8s.io`; an InClusterIPPool in the IPAddress's namespace.
 */
export function addressPool(address: KubeObject): PoolId | undefined {
  return refToPool(specOf(address).poolRef as TypedRef | undefined, address.metadata.namespace, true);
}

/** `spec.address` of an IPAddress (`''` when missing). */
export function addressText(address: KubeObject): string {
  const text = specOf(address).address;
  return typeof text === 'string' ? text : '';
}

/** `spec.claimRef.name` of an IPAddress (`''` when missing). */
export function addressClaimName(address: KubeObject): string {
  const ref = specOf(address).claimRef as { name?: unknown } | undefined;
  return typeof ref?.name === 'string' ? ref.name : '';
}

/** The pool spec of a pool object (the InClusterIPPool field names). */
export function poolSpecOf(pool: KubeObject): PoolSpec {
  const spec = specOf(pool);
  return {
    addresses: Array.isArray(spec.addresses) ? (spec.addresses as string[]) : [],
    prefix: typeof spec.prefix === 'number' ? spec.prefix : undefined,
    gateway: typeof spec.gateway === 'string' ? spec.gateway : undefined,
    allocateReservedIPAddresses: spec.allocateReservedIPAddresses === true,
    excludedAddresses: Array.isArray(spec.excludedAddresses) ? (spec.excludedAddresses as string[]) : undefined,
    addressReuseGracePeriodSeconds: typeof spec.addressReuseGracePeriodSeconds === 'number' ? spec.addressReuseGracePeriodSeconds : undefined,
  };
}

/** Whether the object is being deleted. */
export function isDeleting(object: KubeObject): boolean {
  return object.metadata.deletionTimestamp !== undefined;
}

/** Whether the object carries the paused annotation (presence only, any value pauses). */
export function hasPausedAnnotation(object: KubeObject): boolean {
  return object.metadata.annotations?.[PAUSED_ANNOTATION] !== undefined;
}

/** Whether a Cluster is paused: `spec.paused: true` or the annotation (§9 step 4). */
export function isClusterPaused(cluster: KubeObject): boolean {
  return specOf(cluster).paused === true || hasPausedAnnotation(cluster);
}

/** Which Cluster a claim belongs to (§9 step 2). */
export type ClaimCluster =
  /** Neither `spec.clusterName` nor the cluster-name label: no cluster gate. */
  | { readonly kind: 'none' }
  | { readonly kind: 'named'; readonly name: string }
  /** The label is there with an empty value: the provider fails every reconcile. */
  | { readonly kind: 'emptyLabel' };

/** `spec.clusterName` when non-empty, else the cluster-name label's value. */
export function claimCluster(claim: KubeObject): ClaimCluster {
  const fromSpec = specOf(claim).clusterName;
  if (typeof fromSpec === 'string' && fromSpec !== '') return { kind: 'named', name: fromSpec };
  const label = claim.metadata.labels?.[CLUSTER_NAME_LABEL];
  if (label === undefined) return { kind: 'none' };
  return label === '' ? { kind: 'emptyLabel' } : { kind: 'named', name: label };
}

/** `status.addressRef.name` of a claim, when set. */
export function claimAddressRef(claim: KubeObject): string | undefined {
  const status = claim.status as { addressRef?: { name?: unknown } } | undefined;
  const name = status?.addressRef?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** Whether `object` carries `finalizer`. */
export function hasFinalizer(object: KubeObject, finalizer: string): boolean {
  return (object.metadata.finalizers ?? []).includes(finalizer);
}

/** A copy of `object` with `finalizer` added (the same object when it is there). */
export function withFinalizer<T extends KubeObject>(object: T, finalizer: string): T {
  if (hasFinalizer(object, finalizer)) return object;
  return { ...object, metadata: { ...object.metadata, finalizers: [...(object.metadata.finalizers ?? []), finalizer] } };
}

/** A copy of `object` without `finalizer` (the same object when it is not there). */
export function withoutFinalizer<T extends KubeObject>(object: T, finalizer: string): T {
  if (!hasFinalizer(object, finalizer)) return object;
  return { ...object, metadata: { ...object.metadata, finalizers: (object.metadata.finalizers ?? []).filter((f) => f !== finalizer) } };
}

/** The group of an apiVersion (`''` for the core group). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Whether two owner references name the same object (group, kind, name; the version may differ). */
function sameOwner(a: OwnerReference, b: OwnerReference): boolean {
  return groupOf(a.apiVersion) === groupOf(b.apiVersion) && a.kind === b.kind && a.name === b.name;
}

/** Owner references with `ref` put in place of a reference to the same object, or appended. */
export function upsertOwnerReference(refs: readonly OwnerReference[], ref: OwnerReference): OwnerReference[] {
  const at = refs.findIndex((r) => sameOwner(r, ref));
  return at < 0 ? [...refs, ref] : refs.map((r, i) => (i === at ? ref : r));
}

/**
 * Owner references with `ref` as the controller, as controller-runtime's
 * `SetControllerReference`; unchanged when another object is the controller already (§6).
 */
export function setControllerReference(refs: readonly OwnerReference[], ref: OwnerReference): readonly OwnerReference[] {
  if (refs.some((r) => r.controller === true && !sameOwner(r, ref))) return refs;
  return upsertOwnerReference(refs, ref);
}

/** The reference to `owner` an owned object carries. */
export function ownerReference(owner: KubeObject, controller: boolean): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller,
    blockOwnerDeletion: true,
  };
}

/** The `namespace/name` key of a namespaced object. */
export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}
