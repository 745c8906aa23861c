// § numbers refer to docs/in-cluster-provider-rules.md.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COUNT, nextFreeAddress, poolUsage } from '../../src/ipam/allocator.js';
import type { PoolSpec } from '../../src/ipam/pool-spec.js';
import {
  CLUSTER_NAME_LABEL,
  PAUSED_ANNOTATION,
  PROTECT_ADDRESS_FINALIZER,
  PROTECT_POOL_FINALIZER,
  RELEASE_ADDRESS_FINALIZER,
} from '../../src/reconciler/claims/api.js';
import { decideClaim, ensureAddressMeta, inUseOf, type ClaimDecision, type ClaimFacts } from '../../src/reconciler/claims/decide.js';
import { decidePool, sameCount } from '../../src/reconciler/claims/pool-decide.js';
import { RESOURCES, type KubeObject } from '../../src/reconciler/store.js';

const NOW = Date.parse('2026-01-01T00:10:00Z');
const GROUP = 'ipam.cluster.x-k8s.io';

function pool(spec: Partial<PoolSpec> = {}, meta: Partial<KubeObject['metadata']> = {}, kind: 'InClusterIPPool' | 'GlobalInClusterIPPool' = 'InClusterIPPool'): KubeObject {
  const type = kind === 'InClusterIPPool' ? RESOURCES.inClusterIPPool : RESOURCES.globalInClusterIPPool;
  return {
    apiVersion: type.apiVersion,
    kind,
    metadata: { name: 'pool', ...(kind === 'InClusterIPPool' ? { namespace: 'ns' } : {}), uid: 'pool-uid', resourceVersion: '5', ...meta },
    spec: { addresses: ['10.0.0.0/24'], prefix: 24, gateway: '10.0.0.1', ...spec },
  };
}

function claim(meta: Partial<KubeObject['metadata']> = {}, spec: Record<string, unknown> = {}, status?: unknown): KubeObject {
  return {
    apiVersion: RESOURCES.ipAddressClaim.apiVersion,
    kind: RESOURCES.ipAddressClaim.kind,
    metadata: {
      name: 'c1',
      namespace: 'ns',
      uid: 'claim-uid',
      resourceVersion: '7',
      labels: { [CLUSTER_NAME_LABEL]: 'prod' },
      finalizers: [RELEASE_ADDRESS_FINALIZER],
      ...meta,
    },
    spec: { poolRef: { apiGroup: GROUP, kind: 'InClusterIPPool', name: 'pool' }, ...spec },
    ...(status === undefined ? {} : { status }),
  };
}

const CLUSTER: KubeObject = { apiVersion: RESOURCES.cluster.apiVersion, kind: 'Cluster', metadata: { name: 'prod', namespace: 'ns' }, spec: {} };

const CLAIM_REF = { apiVersion: RESOURCES.ipAddressClaim.apiVersion, kind: 'IPAddressClaim', name: 'c1', uid: 'claim-uid', controller: true, blockOwnerDeletion: true };
const POOL_REF = { apiVersion: RESOURCES.inClusterIPPool.apiVersion, kind: 'InClusterIPPool', name: 'pool', uid: 'pool-uid', controller: false, blockOwnerDeletion: true };

function address(name: string, text: string, meta: Partial<KubeObject['metadata']> = {}, poolName = 'pool', kind = 'InClusterIPPool'): KubeObject {
  return {
    apiVersion: RESOURCES.ipAddress.apiVersion,
    kind: RESOURCES.ipAddress.kind,
    metadata: { name, namespace: 'ns', uid: `${name}-uid`, resourceVersion: '9', ...meta },
    spec: { address: text, prefix: 24, gateway: '10.0.0.1', poolRef: { apiGroup: GROUP, kind, name: poolName }, claimRef: { name } },
  };
}

/** The claim's own IPAddress, committed and complete. */
const BOUND = address('c1', '10.0.0.2', {
  finalizers: [PROTECT_ADDRESS_FINALIZER],
  labels: { [CLUSTER_NAME_LABEL]: 'prod' },
  ownerReferences: [CLAIM_REF, POOL_REF],
});

interface Case {
  readonly claim?: KubeObject | null;
  readonly cluster?: KubeObject | null;
  readonly pool?: KubeObject | null;
  readonly address?: KubeObject;
  /** The pool's IPAddresses (the claim's own included when it has one). */
  readonly others?: readonly KubeObject[];
}

function facts(c: Case): ClaimFacts {
  const thePool = c.pool === null ? undefined : (c.pool ?? pool());
  const own = c.address === undefined ? [] : [c.address];
  return {
    namespace: 'ns',
    name: 'c1',
    claim: c.claim === null ? undefined : (c.claim ?? claim()),
    cluster: c.cluster === null ? undefined : (c.cluster ?? CLUSTER),
    pool: thePool,
    address: c.address,
    inUse: thePool === undefined ? { next: () => null, holders: () => [] } : inUseOf(thePool.spec as PoolSpec, [...own, ...(c.others ?? [])]),
    now: NOW,
  };
}

const deleting = (seconds: number): Partial<KubeObject['metadata']> => ({ deletionTimestamp: new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z') });

describe('decideClaim: which claims and gates (§7, §9)', () => {
  it.each<[string, Case, ClaimDecision]>([
    ['does nothing for a claim that is gone and left nothing behind', { claim: null }, { action: 'none', why: 'claimGone' }],
    ['ignores a claim whose pool is of another kind', { claim: claim({}, { poolRef: { apiGroup: GROUP, kind: 'UnknownIPPool', name: 'pool' } }) }, { action: 'none', why: 'notOurPool' }],
    ['ignores a claim of a prefix pool (out of scope)', { claim: claim({}, { poolRef: { apiGroup: GROUP, kind: 'InClusterPrefixPool', name: 'pool' } }) }, { action: 'none', why: 'notOurPool' }],
    ['ignores a claim whose pool group is another', { claim: claim({}, { poolRef: { apiGroup: 'example.com', kind: 'InClusterIPPool', name: 'pool' } }) }, { action: 'none', why: 'notOurPool' }],
    ['ignores a claim whose pool group is empty', { claim: claim({}, { poolRef: { apiGroup: '', kind: 'InClusterIPPool', name: 'pool' } }) }, { action: 'none', why: 'notOurPool' }],
    ['skips a claim whose Cluster does not exist (no requeue: a Cluster event brings it back)', { cluster: null }, { action: 'none', why: 'clusterMissing' }],
    ['skips a claim whose Cluster has spec.paused', { cluster: { ...CLUSTER, spec: { paused: true } } }, { action: 'none', why: 'clusterPaused' }],
    ['skips a claim whose Cluster has the paused annotation, whatever its value', { cluster: { ...CLUSTER, metadata: { ...CLUSTER.metadata, annotations: { [PAUSED_ANNOTATION]: 'false' } } } }, { action: 'none', why: 'clusterPaused' }],
    ['skips a claim whose pool has the paused annotation', { pool: pool({}, { annotations: { [PAUSED_ANNOTATION]: '' } }) }, { action: 'none', why: 'poolPaused' }],
    ['skips the release of a deleting claim while its pool is paused', { claim: claim(deleting(100)), pool: pool({}, { annotations: { [PAUSED_ANNOTATION]: '' } }), address: BOUND }, { action: 'none', why: 'poolPaused' }],
    ['skips the release of a deleting claim while its Cluster is paused', { claim: claim(deleting(100)), cluster: { ...CLUSTER, spec: { paused: true } }, address: BOUND }, { action: 'none', why: 'clusterPaused' }],
    ['leaves a deleting claim without the binder\'s finalizer alone', { claim: claim({ finalizers: ['other/x'], ...deleting(1) }) }, { action: 'none', why: 'notOurClaim' }],
    ['reports an empty cluster-name label', { claim: claim({ labels: { [CLUSTER_NAME_LABEL]: '' } }) },
      { action: 'report', reason: 'NoClusterLabel', message: `the label ${CLUSTER_NAME_LABEL} is empty; set it (or spec.clusterName) to the claim's Cluster` }],
    ['reports a missing InClusterIPPool and waits for it', { pool: null },
      { action: 'report', reason: 'PoolNotFound', message: 'InClusterIPPool "pool" not found in namespace ns; the claim is bound when the pool is created' }],
  ])('%s', (_name, c, expected) => {
    expect(decideClaim(facts(c))).toEqual(expected);
  });

  it('checks the Cluster named by spec.clusterName before the label', () => {
    const c = claim({}, { clusterName: 'other' });
    expect(decideClaim(facts({ claim: c, cluster: null }))).toEqual({ action: 'none', why: 'clusterMissing' });
  });

  it('has no Cluster gate for a claim that names no Cluster', () => {
    const c = claim({ labels: {} });
    expect(decideClaim(facts({ claim: c, cluster: null })).action).toBe('createAddress');
  });

  it('lets a deleting claim through a missing Cluster, so that teardown is not blocked', () => {
    expect(decideClaim(facts({ claim: claim(deleting(1)), cluster: null, address: BOUND })).action).toBe('unprotectAddress');
  });

  it('does not look at the claim\'s own paused annotation (only its events are filtered)', () => {
    expect(decideClaim(facts({ claim: claim({ annotations: { [PAUSED_ANNOTATION]: 'true' } }) })).action).toBe('createAddress');
  });

  it('adds the ReleaseAddress finalizer first, even when the pool does not exist', () => {
    const c = claim({ finalizers: ['keep/me'] });
    const d = decideClaim(facts({ claim: c, pool: null }));
    expect(d).toEqual({ action: 'addClaimFinalizer', claim: { ...c, metadata: { ...c.metadata, finalizers: ['keep/me', RELEASE_ADDRESS_FINALIZER] } } });
  });
});

describe('decideClaim: allocation (§4, §6)', () => {
  it('creates the IPAddress exactly as the provider does, without its finalizer until it is committed', () => {
    expect(decideClaim(facts({}))).toEqual({
      action: 'createAddress',
      address: {
        apiVersion: 'ipam.cluster.x-k8s.io/v1beta1',
        kind: 'IPAddress',
        metadata: { name: 'c1', namespace: 'ns', labels: { [CLUSTER_NAME_LABEL]: 'prod' }, ownerReferences: [CLAIM_REF, POOL_REF] },
        spec: { address: '10.0.0.2', prefix: 24, gateway: '10.0.0.1', poolRef: { apiGroup: GROUP, kind: 'InClusterIPPool', name: 'pool' }, claimRef: { name: 'c1' } },
      },
    });
  });

  it.each<[string, Case, string]>([
    ['takes the lowest free address, skipping those in use', { others: [address('x', '10.0.0.2'), address('y', '10.0.0.3'), address('z', '10.0.0.5')] }, '10.0.0.4'],
    ['counts in-use addresses of the pool whatever their state', { others: [address('x', '10.0.0.2', { finalizers: [PROTECT_ADDRESS_FINALIZER], ...deleting(1) })] }, '10.0.0.3'],
    ['takes the lowest address of an IPv6 pool in canonical text', { pool: pool({ addresses: ['FD00:0:0:0:0:0:0:A-fd00::c'], prefix: 64, gateway: undefined }) }, 'fd00::a'],
    ['serves a global pool', { claim: claim({}, { poolRef: { apiGroup: GROUP, kind: 'GlobalInClusterIPPool', name: 'pool' } }), pool: pool({}, {}, 'GlobalInClusterIPPool') }, '10.0.0.2'],
  ])('%s', (_name, c, expected) => {
    const d = decideClaim(facts(c));
    expect(d.action === 'createAddress' && (d.address.spec as { address: string }).address).toBe(expected);
  });

  it('omits the gateway when the pool has none and copies it verbatim when it has one', () => {
    const without = decideClaim(facts({ pool: pool({ gateway: '' }) }));
    expect(without.action === 'createAddress' && without.address.spec).not.toHaveProperty('gateway');
    const spelled = decideClaim(facts({ pool: pool({ addresses: ['fd00::/120'], prefix: 120, gateway: 'FD00::0001' }) }));
    expect(spelled.action === 'createAddress' && (spelled.address.spec as { gateway: string }).gateway).toBe('FD00::0001');
  });

  it('copies no label when the claim has no cluster-name label', () => {
    const d = decideClaim(facts({ claim: claim({ labels: { other: 'x' } }), cluster: null }));
    expect(d.action === 'createAddress' && d.address.metadata.labels).toBeUndefined();
  });

  it('owns an IPAddress of a global pool by the GlobalInClusterIPPool', () => {
    const d = decideClaim(facts({ claim: claim({}, { poolRef: { apiGroup: GROUP, kind: 'GlobalInClusterIPPool', name: 'pool' } }), pool: pool({}, {}, 'GlobalInClusterIPPool') }));
    expect(d.action === 'createAddress' && d.address.metadata.ownerReferences?.[1]).toEqual({ ...POOL_REF, apiVersion: RESOURCES.globalInClusterIPPool.apiVersion, kind: 'GlobalInClusterIPPool' });
  });

  it.each<[string, Case, string]>([
    ['reports an exhausted pool', { pool: pool({ addresses: ['10.0.0.2'] }), others: [address('x', '10.0.0.2')] },
      'PoolExhausted:InClusterIPPool "pool": no address available; the claim is bound when one is released or the pool grows'],
    ['reports a pool being deleted instead of handing out an address from it', { pool: pool({}, { ...deleting(5), finalizers: [PROTECT_POOL_FINALIZER] }) },
      'PoolDeleting:InClusterIPPool "pool" is being deleted and hands out no more addresses; point the claim at another pool'],
    ['reports a pool whose spec cannot be read', { pool: pool({ addresses: ['10.0.0.300'] }) }, 'InvalidPool'],
    ['reports a pool with an unparsable address in use (the provider fails every allocation then)', { others: [address('x', 'junk')] }, 'InvalidPool'],
    ['reports an IPAddress of the claim\'s name that references another pool', { address: address('c1', '10.1.0.2', {}, 'elsewhere') }, 'AddressPoolMismatch'],
  ])('%s', (_name, c, expected) => {
    const d = decideClaim(facts(c));
    expect(d.action).toBe('report');
    if (d.action === 'report') expect(expected.includes(':') ? `${d.reason}:${d.message}` : d.reason).toBe(expected);
  });
});

describe('decideClaim: committing and duplicates', () => {
  const tentative = address('c1', '10.0.0.2', { labels: { [CLUSTER_NAME_LABEL]: 'prod' }, ownerReferences: [CLAIM_REF, POOL_REF] });

  it('commits a tentative IPAddress that nobody else holds: adds the finalizer, keeps the rest', () => {
    expect(decideClaim(facts({ address: tentative }))).toEqual({
      action: 'commitAddress',
      address: { ...tentative, metadata: { ...tentative.metadata, finalizers: [PROTECT_ADDRESS_FINALIZER] } },
    });
  });

  it.each<[string, KubeObject, ClaimDecision['action'], string]>([
    ['yields a tentative IPAddress to a committed one with the same address', address('a0', '10.0.0.2', { finalizers: [PROTECT_ADDRESS_FINALIZER] }), 'yieldAddress', 'a0'],
    ['yields to a committed one even when its own name is smaller', address('z9', '10.0.0.2', { finalizers: [PROTECT_ADDRESS_FINALIZER] }), 'yieldAddress', 'z9'],
    ['yields a tentative IPAddress to a tentative one with a smaller name', address('a0', '10.0.0.2'), 'yieldAddress', 'a0'],
    ['waits while a tentative one with a larger name holds the same address', address('z9', '10.0.0.2'), 'waitForDuplicates', 'z9'],
  ])('%s', (_name, other, action, holder) => {
    const d = decideClaim(facts({ address: tentative, others: [other] }));
    expect(d.action).toBe(action);
    if (d.action === 'yieldAddress') expect(d.to.name).toBe(holder);
    if (d.action === 'waitForDuplicates') expect(d.holders.map((h) => h.name)).toEqual([holder]);
  });

  it('sees the same IPv6 address spelled differently as a duplicate', () => {
    const v6 = pool({ addresses: ['fd00::/120'], prefix: 120, gateway: undefined });
    const mine = { ...tentative, spec: { ...(tentative.spec as object), address: 'fd00::2' } };
    const d = decideClaim(facts({ pool: v6, address: mine, others: [address('a0', 'FD00:0::0002%eth0')] }));
    expect(d.action === 'yieldAddress' && d.to).toEqual({ namespace: 'ns', name: 'a0', committed: false });
  });

  it('never gives up a committed IPAddress for a duplicate', () => {
    const d = decideClaim(facts({ claim: claim({}, {}, { addressRef: { name: 'c1' } }), address: BOUND, others: [address('a0', '10.0.0.2', { finalizers: [PROTECT_ADDRESS_FINALIZER] })] }));
    expect(d).toEqual({ action: 'bound', address: '10.0.0.2' });
  });

  it('waits for a tentative IPAddress that is being deleted to go', () => {
    expect(decideClaim(facts({ address: { ...tentative, metadata: { ...tentative.metadata, finalizers: ['other/x'], ...deleting(1) } } }))).toEqual({ action: 'none', why: 'addressDeleting' });
  });
});

describe('decideClaim: existing allocations and status (§4 step 4, §6, §7)', () => {
  it('sets status.addressRef, keeping the rest of the status', () => {
    const c = claim({}, {}, { conditions: [{ type: 'X', status: 'True' }] });
    expect(decideClaim(facts({ claim: c, address: BOUND }))).toEqual({
      action: 'setClaimStatus',
      claim: { ...c, status: { conditions: [{ type: 'X', status: 'True' }], addressRef: { name: 'c1' } } },
    });
  });

  it('finishes binding an IPAddress that already exists when its pool is being deleted', () => {
    const d = decideClaim(facts({ pool: pool({}, { ...deleting(5), finalizers: [PROTECT_POOL_FINALIZER] }), address: BOUND }));
    expect(d.action).toBe('setClaimStatus');
  });

  it('is done once the IPAddress is complete and the claim points at it', () => {
    expect(decideClaim(facts({ claim: claim({}, {}, { addressRef: { name: 'c1' } }), address: BOUND }))).toEqual({ action: 'bound', address: '10.0.0.2' });
  });

  it('keeps an existing allocation as it is, even outside the pool now', () => {
    const outside = { ...BOUND, spec: { ...(BOUND.spec as object), address: '10.0.9.9' } };
    expect(decideClaim(facts({ claim: claim({}, {}, { addressRef: { name: 'c1' } }), address: outside }))).toEqual({ action: 'bound', address: '10.0.9.9' });
  });

  it('adopts an IPAddress made by someone else: its owners first, then the claim and the pool; its spec untouched', () => {
    const foreign = address('c1', '10.0.0.77', {
      finalizers: [PROTECT_ADDRESS_FINALIZER],
      labels: { team: 'x' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'cm', uid: 'cm-uid' }],
    });
    const d = decideClaim(facts({ address: foreign }));
    expect(d).toEqual({
      action: 'updateAddress',
      address: {
        ...foreign,
        metadata: {
          ...foreign.metadata,
          labels: { team: 'x', [CLUSTER_NAME_LABEL]: 'prod' },
          ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'cm', uid: 'cm-uid' }, CLAIM_REF, POOL_REF],
        },
      },
    });
  });

  it('does not add the claim as owner when another object is the controller', () => {
    const other = { apiVersion: 'example.com/v1', kind: 'Thing', name: 't', uid: 't-uid', controller: true };
    const ensured = ensureAddressMeta(address('c1', '10.0.0.2', { ownerReferences: [other] }), claim(), pool());
    expect(ensured.metadata.ownerReferences).toEqual([other, POOL_REF]);
  });

  it('replaces a stale reference to the same claim (a new uid) in place', () => {
    const stale = { ...CLAIM_REF, uid: 'old-uid' };
    const ensured = ensureAddressMeta(address('c1', '10.0.0.2', { ownerReferences: [POOL_REF, stale] }), claim(), pool());
    expect(ensured.metadata.ownerReferences).toEqual([POOL_REF, CLAIM_REF]);
  });

  it('returns the same object when nothing needs to change', () => {
    expect(ensureAddressMeta(BOUND, claim(), pool())).toBe(BOUND);
  });
});

describe('decideClaim: release (§10, §11)', () => {
  const gone = (seconds: number, c: Partial<Case> = {}): ClaimFacts => facts({ claim: claim(deleting(seconds)), address: BOUND, pool: pool({ addressReuseGracePeriodSeconds: 30 }), ...c });

  it.each<[string, ClaimFacts, ClaimDecision]>([
    ['holds the address for what is left of the grace period, counted from the claim\'s deletion', gone(10), { action: 'hold', remainingMs: 20_000 }],
    ['releases once the grace period has passed', gone(30), { action: 'unprotectAddress', address: { ...BOUND, metadata: { ...BOUND.metadata, finalizers: [] } } }],
    ['skips the grace period when the pool is being deleted', gone(1, { pool: pool({ addressReuseGracePeriodSeconds: 30 }, deleting(1)) }), { action: 'unprotectAddress', address: { ...BOUND, metadata: { ...BOUND.metadata, finalizers: [] } } }],
    ['skips the grace period when the pool is gone', gone(1, { pool: null }), { action: 'unprotectAddress', address: { ...BOUND, metadata: { ...BOUND.metadata, finalizers: [] } } }],
    ['releases at once without a grace period', facts({ claim: claim(deleting(0)), address: BOUND }), { action: 'unprotectAddress', address: { ...BOUND, metadata: { ...BOUND.metadata, finalizers: [] } } }],
    ['deletes the unprotected IPAddress', facts({ claim: claim(deleting(0)), address: { ...BOUND, metadata: { ...BOUND.metadata, finalizers: [] } } }), { action: 'deleteAddress', address: { ...BOUND, metadata: { ...BOUND.metadata, finalizers: [] } } }],
    ['deletes the IPAddress named like the claim whatever pool it references', facts({ claim: claim(deleting(0)), address: address('c1', '10.1.0.2', {}, 'elsewhere') }), { action: 'deleteAddress', address: address('c1', '10.1.0.2', {}, 'elsewhere') }],
    ['lets the claim go when its IPAddress is gone', facts({ claim: claim(deleting(0)) }), { action: 'removeClaimFinalizer', claim: claim({ ...deleting(0), finalizers: [] }) }],
    ['lets the claim go when its IPAddress is held by someone else\'s finalizer', facts({ claim: claim(deleting(0)), address: address('c1', '10.0.0.2', { finalizers: ['other/x'], ...deleting(0) }) }), { action: 'removeClaimFinalizer', claim: claim({ ...deleting(0), finalizers: [] }) }],
  ])('%s', (_name, f, expected) => {
    expect(decideClaim(f)).toEqual(expected);
  });

  it('unprotects an IPAddress made for a claim that is gone once it is being deleted, and leaves it alone before', () => {
    const left = address('c1', '10.0.0.2', { finalizers: [PROTECT_ADDRESS_FINALIZER], ownerReferences: [CLAIM_REF], ...deleting(1) });
    expect(decideClaim(facts({ claim: null, address: left }))).toEqual({ action: 'unprotectAddress', address: { ...left, metadata: { ...left.metadata, finalizers: [] } } });
    const foreign = { ...left, spec: { ...(left.spec as object), claimRef: { name: 'someone-else' } } };
    expect(decideClaim(facts({ claim: null, address: foreign }))).toEqual({ action: 'none', why: 'claimGone' });
    const alive = { ...left, metadata: { ...left.metadata, deletionTimestamp: undefined } };
    expect(decideClaim(facts({ claim: null, address: alive }))).toEqual({ action: 'none', why: 'claimGone' });
  });
});

describe('decideClaim: properties', () => {
  it('proposes exactly the provider\'s next address, never one in use', () => {
    const arb = fc.record({
      size: fc.integer({ min: 1, max: 20 }),
      used: fc.uniqueArray(fc.integer({ min: 0, max: 24 }), { maxLength: 20 }),
      gateway: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ size, used, gateway }) => {
        const spec = { addresses: [`10.0.0.10-10.0.0.${9 + size}`], prefix: 24, gateway: gateway ? '10.0.0.10' : '' };
        const others = used.map((n) => address(`o${n}`, `10.0.0.${n}`));
        const d = decideClaim(facts({ pool: pool(spec), others }));
        const expected = nextFreeAddress(spec, others.map((o) => (o.spec as { address: string }).address));
        if (expected === null) return d.action === 'report' && d.reason === 'PoolExhausted';
        return d.action === 'createAddress' && (d.address.spec as { address: string }).address === expected && !used.includes(Number(expected.split('.')[3]));
      }),
      { numRuns: 150 },
    );
  });
});

describe('decidePool (§5, §10.3)', () => {
  const counted = (p: KubeObject, addresses: readonly string[]) =>
    decidePool({ pool: p, addresses: addresses.length, usage: () => poolUsage(p.spec as PoolSpec, addresses) });

  it('adds the ProtectPool finalizer on the first reconcile', () => {
    const p = pool();
    expect(counted(p, [])).toEqual({ action: 'addPoolFinalizer', pool: { ...p, metadata: { ...p.metadata, finalizers: [PROTECT_POOL_FINALIZER] } } });
  });

  it('writes the counts: gateway counted out, objects counted as used, free a plain difference, out-of-range addresses', () => {
    const p = pool({ addresses: ['10.0.0.13-10.0.0.20'], gateway: undefined }, { finalizers: [PROTECT_POOL_FINALIZER] });
    const d = counted(p, ['10.0.0.10', '10.0.0.11', '10.0.0.12', '10.0.0.13', '10.0.0.14']);
    expect(d.action === 'setPoolStatus' && d.pool.status).toEqual({ ipAddresses: { total: 8, used: 5, free: 3, outOfRange: 3 } });
  });

  it('writes counts for a paused pool too', () => {
    const p = pool({}, { finalizers: [PROTECT_POOL_FINALIZER], annotations: { [PAUSED_ANNOTATION]: '' } });
    expect(counted(p, []).action).toBe('setPoolStatus');
  });

  it('does nothing when the counts are shown already', () => {
    const p = { ...pool({}, { finalizers: [PROTECT_POOL_FINALIZER] }), status: { ipAddresses: { total: 253, used: 1, free: 252, outOfRange: 0 } } };
    expect(counted(p, ['10.0.0.2'])).toEqual({ action: 'none' });
  });

  it('saturates huge IPv6 counts at 2^63-1 and reads them back from JSON without rewriting', () => {
    const p = pool({ addresses: ['fe80::1/20'], prefix: 20, gateway: undefined }, { finalizers: [PROTECT_POOL_FINALIZER] });
    const d = counted(p, ['fe80::5']);
    expect(d.action === 'setPoolStatus' && d.pool.status).toEqual({ ipAddresses: { total: MAX_COUNT, used: 1, free: MAX_COUNT - 1n, outOfRange: 0 } });
    const fromJson = { ...p, status: { ipAddresses: { total: 9223372036854775807, used: 1, free: 9223372036854775806, outOfRange: 0 } } };
    expect(counted(fromJson, ['fe80::5'])).toEqual({ action: 'none' });
  });

  it('keeps the finalizer of a deleting pool while IPAddresses reference it, then removes it', () => {
    const p = pool({}, { finalizers: [PROTECT_POOL_FINALIZER, 'other/x'], ...deleting(1) });
    expect(counted(p, ['10.0.0.2'])).toEqual({ action: 'none' });
    expect(counted(p, [])).toEqual({ action: 'removePoolFinalizer', pool: { ...p, metadata: { ...p.metadata, finalizers: ['other/x'] } } });
  });

  it('reports a pool whose spec cannot be counted', () => {
    const d = counted(pool({ addresses: ['nonsense'] }, { finalizers: [PROTECT_POOL_FINALIZER] }), []);
    expect(d.action === 'report' && d.reason).toBe('InvalidPool');
  });

  it.each<[unknown, bigint | number, boolean]>([
    [5, 5, true],
    [5n, 5, true],
    [5, 6, false],
    ['5', 5, true],
    [9223372036854775807, MAX_COUNT, true],
    [9223372036854775807, MAX_COUNT - 1n, true],
    [9223372036854775807, 2n ** 62n, false],
    [undefined, 0, false],
    [-3, -3, true],
  ])('compares a stored count %s with %s: %s', (stored, count, same) => {
    expect(sameCount(stored, count)).toBe(same);
  });
});
