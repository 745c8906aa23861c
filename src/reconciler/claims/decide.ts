/**
 * What to do next for one IPAddressClaim: a pure function of the claim, its Cluster, its pool,
 * the IPAddress named like it and the pool's addresses in use. The binder (`binder.ts`) carries
 * the decision out, reads the world again and asks again, until nothing is left to do.
 *
 * The gates and steps are the In-Cluster IPAM provider's (`pkg/ipamutil/reconciler.go`):
 * cluster gate → claim finalizer → pool lookup → pool paused → release or allocate.
 * § numbers refer to docs/in-cluster-provider-rules.md.
 *
 * One addition makes two binders that run at once safe without a Lease: an IPAddress is created
 * *tentative* (without its ProtectAddress finalizer) and only *committed* (finalizer added, with
 * the resourceVersion it was checked at) once no other IPAddress of the pool holds its address;
 * the claim's `status.addressRef` is only ever set to a committed IPAddress. A tentative one that
 * shares its address with a committed one, or with a tentative one of a smaller `namespace/name`,
 * is deleted (with the resourceVersion it was checked at) and the claim allocates again. The
 * binder only decides about an IPAddress once its informer has seen it, i.e. with a view that
 * contains every IPAddress created before it; of two IPAddresses holding one address, the younger
 * therefore always sees the older and never commits while the older exists. The final objects
 * are exactly the provider's.
 */
import { PoolAllocator } from '../../ipam/allocator.js';
import { parseAddressKey } from '../../ipam/pool-entries.js';
import type { PoolSpec } from '../../ipam/pool-spec.js';
import { isProblemError } from '../../problems.js';
import { RESOURCES, type KubeObject, type OwnerReference } from '../store.js';
import {
  addressClaimName,
  addressPool,
  addressText,
  CLUSTER_NAME_LABEL,
  claimAddressRef,
  claimCluster,
  claimPool,
  compareText,
  hasFinalizer,
  hasPausedAnnotation,
  IPAM_API_GROUP,
  isClusterPaused,
  isDeleting,
  objectKey,
  ownerReference,
  poolKey,
  poolSpecOf,
  PROTECT_ADDRESS_FINALIZER,
  RELEASE_ADDRESS_FINALIZER,
  setControllerReference,
  upsertOwnerReference,
  withFinalizer,
  withoutFinalizer,
} from './api.js';

/** An IPAddress holding an address. */
export interface AddressHolder {
  readonly namespace: string;
  readonly name: string;
  /** Whether it carries the ProtectAddress finalizer (see the module comment). */
  readonly committed: boolean;
}

/** The addresses in use in one pool (its scope: §4 step 1, §12). */
export interface InUse {
  /**
   * The address the next claim gets (`PoolAllocator.next()`), `null` when the pool is exhausted.
   * @throws ProblemError when the pool cannot allocate (invalid spec, unparsable in-use address)
   */
  next(): string | null;
  /** Every IPAddress of the pool holding `address` (any spelling of it), the asking one included. */
  holders(address: string): readonly AddressHolder[];
}

/** What the binder knows when it decides about one claim. */
export interface ClaimFacts {
  /** The claim's namespace and name (also when it is gone). */
  readonly namespace: string;
  readonly name: string;
  /** The claim, `undefined` when it is gone. */
  readonly claim: KubeObject | undefined;
  /** The Cluster the claim names (`claimCluster`), `undefined` when it names none or it is not found. */
  readonly cluster: KubeObject | undefined;
  /** The pool the claim names (`claimPool`), `undefined` when not found. */
  readonly pool: KubeObject | undefined;
  /** The IPAddress with the claim's name in its namespace, if any. */
  readonly address: KubeObject | undefined;
  /** The pool's addresses in use. */
  readonly inUse: InUse;
  /** Milliseconds since the epoch. */
  readonly now: number;
}

/** Why there is nothing to do. */
export type IdleReason =
  | 'claimGone'
  | 'notOurPool'
  | 'clusterMissing'
  | 'clusterPaused'
  | 'poolPaused'
  | 'notOurClaim'
  | 'addressDeleting';

/** Problems reported with an Event (and waited out: the next change of the objects retries). */
export type ProblemReason = 'PoolNotFound' | 'PoolDeleting' | 'PoolExhausted' | 'InvalidPool' | 'NoClusterLabel' | 'AddressPoolMismatch';

/** The next step for a claim. Objects carried are the complete objects to write. */
export type ClaimDecision =
  | { readonly action: 'none'; readonly why: IdleReason }
  | { readonly action: 'bound'; readonly address: string }
  | { readonly action: 'report'; readonly reason: ProblemReason; readonly message: string }
  | { readonly action: 'addClaimFinalizer'; readonly claim: KubeObject }
  | { readonly action: 'createAddress'; readonly address: KubeObject }
  | { readonly action: 'commitAddress'; readonly address: KubeObject }
  | { readonly action: 'updateAddress'; readonly address: KubeObject }
  | { readonly action: 'yieldAddress'; readonly address: KubeObject; readonly to: AddressHolder }
  | { readonly action: 'waitForDuplicates'; readonly holders: readonly AddressHolder[] }
  | { readonly action: 'setClaimStatus'; readonly claim: KubeObject }
  | { readonly action: 'hold'; readonly remainingMs: number }
  | { readonly action: 'unprotectAddress'; readonly address: KubeObject }
  | { readonly action: 'deleteAddress'; readonly address: KubeObject }
  | { readonly action: 'removeClaimFinalizer'; readonly claim: KubeObject };

/** Decides the next step for one claim. Pure: same facts, same decision. */
export function decideClaim(facts: ClaimFacts): ClaimDecision {
  const { claim } = facts;
  if (claim === undefined) return decideOrphan(facts);
  const poolId = claimPool(claim);
  if (poolId === undefined) return { action: 'none', why: 'notOurPool' };
  const deleting = isDeleting(claim);

  // §9 steps 2–4: the Cluster gate.
  const cluster = claimCluster(claim);
  if (cluster.kind === 'emptyLabel') {
    return { action: 'report', reason: 'NoClusterLabel', message: `the label ${CLUSTER_NAME_LABEL} is empty; set it (or spec.clusterName) to the claim's Cluster` };
  }
  if (cluster.kind === 'named') {
    if (facts.cluster === undefined) {
      if (!deleting) return { action: 'none', why: 'clusterMissing' };
    } else if (isClusterPaused(facts.cluster)) {
      return { action: 'none', why: 'clusterPaused' };
    }
  }

  // §9 step 5: the claim's finalizer first.
  if (!hasFinalizer(claim, RELEASE_ADDRESS_FINALIZER)) {
    if (deleting) return { action: 'none', why: 'notOurClaim' };
    return { action: 'addClaimFinalizer', claim: withFinalizer(claim, RELEASE_ADDRESS_FINALIZER) };
  }

  // §9 steps 6–7: the pool.
  const pool = facts.pool;
  if (pool === undefined) {
    if (deleting) return decideRelease(facts, claim);
    const where = poolId.kind === 'InClusterIPPool' ? ` in namespace ${claim.metadata.namespace}` : '';
    return { action: 'report', reason: 'PoolNotFound', message: `${poolId.kind} "${poolId.name}" not found${where}; the claim is bound when the pool is created` };
  }
  if (hasPausedAnnotation(pool)) return { action: 'none', why: 'poolPaused' };

  if (deleting) {
    // §11: hold the address for the pool's grace period, counted from the claim's deletion.
    const grace = poolSpecOf(pool).addressReuseGracePeriodSeconds ?? 0;
    if (grace > 0 && !isDeleting(pool)) {
      const remainingMs = grace * 1000 - (facts.now - Date.parse(claim.metadata.deletionTimestamp!));
      if (remainingMs > 0) return { action: 'hold', remainingMs };
    }
    return decideRelease(facts, claim);
  }
  return decideAllocation(facts, claim, pool);
}

/** §10.1 steps 2–3: unprotect and delete the IPAddress named like the claim, then let the claim go. */
function decideRelease(facts: ClaimFacts, claim: KubeObject): ClaimDecision {
  const address = facts.address;
  if (address !== undefined) {
    if (hasFinalizer(address, PROTECT_ADDRESS_FINALIZER)) return { action: 'unprotectAddress', address: withoutFinalizer(address, PROTECT_ADDRESS_FINALIZER) };
    if (!isDeleting(address)) return { action: 'deleteAddress', address };
  }
  return { action: 'removeClaimFinalizer', claim: withoutFinalizer(claim, RELEASE_ADDRESS_FINALIZER) };
}

/**
 * The claim is gone without a release (its finalizer removed by hand): the IPAddress it leaves
 * stays, as with the provider, still counted and owned by the pool. Once someone deletes it, it
 * loses its finalizer so that it can go (the provider leaves it stuck: nothing else would ever
 * remove the finalizer). Only an IPAddress made for a claim of this name (`spec.claimRef`).
 */
function decideOrphan(facts: ClaimFacts): ClaimDecision {
  const address = facts.address;
  if (address !== undefined && isDeleting(address) && hasFinalizer(address, PROTECT_ADDRESS_FINALIZER) && addressClaimName(address) === facts.name) {
    return { action: 'unprotectAddress', address: withoutFinalizer(address, PROTECT_ADDRESS_FINALIZER) };
  }
  return { action: 'none', why: 'claimGone' };
}

/** §4 and §6: allocate, or make sure of an existing allocation; then the claim's status. */
function decideAllocation(facts: ClaimFacts, claim: KubeObject, pool: KubeObject): ClaimDecision {
  const poolId = claimPool(claim)!;
  const existing = facts.address;
  if (existing === undefined) {
    // A pool being deleted hands out nothing more (the provider does; its finalizer would then
    // hold the pool until the new claim goes too).
    if (isDeleting(pool)) {
      return { action: 'report', reason: 'PoolDeleting', message: `${poolId.kind} "${poolId.name}" is being deleted and hands out no more addresses; point the claim at another pool` };
    }
    let next: string | null;
    try {
      next = facts.inUse.next();
    } catch (error) {
      if (!isProblemError(error)) throw error;
      return { action: 'report', reason: 'InvalidPool', message: `${poolId.kind} "${poolId.name}" cannot hand out addresses: ${error.message}` };
    }
    if (next === null) {
      return { action: 'report', reason: 'PoolExhausted', message: `${poolId.kind} "${poolId.name}": no address available; the claim is bound when one is released or the pool grows` };
    }
    return { action: 'createAddress', address: newAddress(claim, pool, next) };
  }

  const existingPool = addressPool(existing);
  if (existingPool === undefined || poolKey(existingPool) !== poolKey(poolId)) {
    return {
      action: 'report',
      reason: 'AddressPoolMismatch',
      message: `IPAddress "${existing.metadata.name}" exists but references another pool (${JSON.stringify((existing.spec as { poolRef?: unknown } | undefined)?.poolRef ?? null)}); IPAddress specs are immutable: delete it to let the claim allocate from ${poolId.kind} "${poolId.name}"`,
    };
  }

  if (!hasFinalizer(existing, PROTECT_ADDRESS_FINALIZER)) {
    if (isDeleting(existing)) return { action: 'none', why: 'addressDeleting' };
    // Tentative: commit only when no other IPAddress holds the address.
    const self = objectKey(existing.metadata.namespace, existing.metadata.name);
    const others = facts.inUse.holders(addressText(existing)).filter((h) => objectKey(h.namespace, h.name) !== self);
    const winner = others.find((h) => h.committed) ?? others.find((h) => compareText(objectKey(h.namespace, h.name), self) < 0);
    if (winner !== undefined) return { action: 'yieldAddress', address: existing, to: winner };
    if (others.length > 0) return { action: 'waitForDuplicates', holders: others };
    return { action: 'commitAddress', address: withFinalizer(ensureAddressMeta(existing, claim, pool), PROTECT_ADDRESS_FINALIZER) };
  }

  const ensured = ensureAddressMeta(existing, claim, pool);
  if (ensured !== existing) return { action: 'updateAddress', address: ensured };
  if (claimAddressRef(claim) !== existing.metadata.name) {
    const status = { ...((claim.status as Record<string, unknown> | undefined) ?? {}), addressRef: { name: existing.metadata.name } };
    return { action: 'setClaimStatus', claim: { ...claim, status } };
  }
  return { action: 'bound', address: addressText(existing) };
}

/** The IPAddress for a claim, before it is committed (no finalizer yet): §6. */
export function newAddress(claim: KubeObject, pool: KubeObject, address: string): KubeObject {
  const poolSpec = poolSpecOf(pool);
  const cluster = claim.metadata.labels?.[CLUSTER_NAME_LABEL];
  return {
    apiVersion: RESOURCES.ipAddress.apiVersion,
    kind: RESOURCES.ipAddress.kind,
    metadata: {
      name: claim.metadata.name,
      namespace: claim.metadata.namespace,
      ...(cluster === undefined ? {} : { labels: { [CLUSTER_NAME_LABEL]: cluster } }),
      ownerReferences: [ownerReference(claim, true), ownerReference(pool, false)],
    },
    spec: {
      address,
      prefix: poolSpec.prefix ?? 0,
      ...(poolSpec.gateway === undefined || poolSpec.gateway === '' ? {} : { gateway: poolSpec.gateway }),
      poolRef: { apiGroup: IPAM_API_GROUP, kind: pool.kind, name: pool.metadata.name },
      claimRef: { name: claim.metadata.name },
    },
  };
}

/**
 * An existing IPAddress with what the provider re-ensures on every reconcile (§6): the claim as
 * controller owner (unless another object is), the pool as owner, existing references first;
 * the cluster-name label copied from the claim, other labels kept. The spec is left alone.
 * Returns the same object when nothing changes.
 */
export function ensureAddressMeta(address: KubeObject, claim: KubeObject, pool: KubeObject): KubeObject {
  const refs = address.metadata.ownerReferences ?? [];
  const withClaim = setControllerReference(refs, ownerReference(claim, true));
  const owners = upsertOwnerReference(withClaim, ownerReference(pool, false));
  const cluster = claim.metadata.labels?.[CLUSTER_NAME_LABEL];
  const labels = cluster === undefined || address.metadata.labels?.[CLUSTER_NAME_LABEL] === cluster
    ? address.metadata.labels
    : { ...(address.metadata.labels ?? {}), [CLUSTER_NAME_LABEL]: cluster };
  const sameOwners = owners.length === refs.length && owners.every((r, i) => sameReference(r, refs[i]!));
  if (sameOwners && labels === address.metadata.labels) return address;
  return { ...address, metadata: { ...address.metadata, ownerReferences: owners, ...(labels === undefined ? {} : { labels }) } };
}

/** Whether two owner references are the same, field by field (key order aside). */
function sameReference(a: OwnerReference, b: OwnerReference): boolean {
  return a.apiVersion === b.apiVersion && a.kind === b.kind && a.name === b.name && a.uid === b.uid
    && a.controller === b.controller && a.blockOwnerDeletion === b.blockOwnerDeletion;
}

/** The identity of an address text for duplicate checks: its key if it parses, else the text. */
export function addressIdentity(text: string): string {
  const key = parseAddressKey(text);
  return key === undefined ? `text:${text}` : `key:${key}`;
}

/**
 * An `InUse` over plain data: a pool spec and the pool's IPAddress objects (already filtered to
 * the pool's scope). For tests and one-off callers; the binder keeps one per pool incrementally.
 */
export function inUseOf(spec: PoolSpec, addresses: readonly KubeObject[]): InUse {
  let allocator: PoolAllocator | undefined;
  return {
    next: () => {
      allocator ??= PoolAllocator.fromSpec(spec, addresses.map(addressText));
      return allocator.next();
    },
    holders: (address) => {
      const identity = addressIdentity(address);
      return addresses
        .filter((a) => addressIdentity(addressText(a)) === identity)
        .map((a) => ({ namespace: a.metadata.namespace ?? '', name: a.metadata.name, committed: hasFinalizer(a, PROTECT_ADDRESS_FINALIZER) }));
    },
  };
}
