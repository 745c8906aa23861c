import { Construct } from 'constructs';
import { parsePoolEntry } from '../ipam/pool-entries.js';
import { validatePoolSpec, type PoolSpec } from '../ipam/pool-spec.js';
import { ipamApi } from '../l1.js';
import { PropChecker } from './private/errors.js';
import { IPAM_API_GROUP, type PoolKind, type PoolRef } from '../vocabulary.js';

/** The address family of a pool. It is part of the pool's type, so families cannot be mixed up. */
export type IpFamily = 'IPv4' | 'IPv6';

/** The two pool kinds of the In-Cluster IPAM provider. */
export type IpPoolKind = PoolKind;

/**
 * A reference to a pool: what a machine needs to draw addresses from it.
 *
 * The family is a type parameter: an `IIpPool<'IPv6'>` is not an `IIpPool<'IPv4'>`, so giving
 * an IPv6 pool where IPv4 is asked does not compile.
 */
export interface IIpPool<F extends IpFamily = IpFamily> {
  /** `metadata.name` of the pool. */
  readonly poolName: string;
  /** InClusterIPPool (namespaced) or GlobalInClusterIPPool (cluster-scoped). */
  readonly kind: IpPoolKind;
  /** The namespace of an InClusterIPPool; `undefined` for a GlobalInClusterIPPool. */
  readonly poolNamespace: string | undefined;
  /** The address family. */
  readonly family: F;
}

/** A reference to an IPv4 pool. */
export type IIpv4Pool = IIpPool<'IPv4'>;
/** A reference to an IPv6 pool. */
export type IIpv6Pool = IIpPool<'IPv6'>;

/** Where a pool can be used from. */
export type IpPoolScope = 'namespaced' | 'global';

/**
 * Properties of an {@link IpPool}. Field names follow the InClusterIPPool `spec`; the fields
 * that mean here what they mean to the provider come from its one declaration, ipam's `PoolSpec`.
 */
export interface IpPoolProps<F extends IpFamily>
  extends Pick<PoolSpec, 'excludedAddresses' | 'allocateReservedIPAddresses' | 'addressReuseGracePeriodSeconds'> {
  /** The address family; must match every entry of `addresses`. */
  readonly family: F;
  /** `metadata.name`; a DNS-1123 subdomain. */
  readonly name: string;
  /**
   * `namespaced` makes an InClusterIPPool, usable only by machines of its own namespace;
   * `global` makes a GlobalInClusterIPPool, usable from any namespace.
   * @default 'namespaced'
   */
  readonly scope?: IpPoolScope;
  /** The pool's namespace. Required for a namespaced pool, not allowed for a global one. */
  readonly namespace?: string;
  /** Single addresses, `first-last` ranges and CIDRs; may be non-contiguous. */
  readonly addresses: readonly string[];
  /** Prefix length of the subnet the addresses live in (written into every IPAddress). */
  readonly prefix: number;
  /**
   * The subnet's gateway; never handed out.
   * @default no gateway
   */
  readonly gateway?: string;
}

/** The pool spec as plain data, with the InClusterIPPool field names: ipam's `PoolSpec`, with its prefix. */
export interface IpPoolSpec extends PoolSpec {
  readonly prefix: number;
}

/**
 * An IP pool of the In-Cluster IPAM provider: an InClusterIPPool or a GlobalInClusterIPPool.
 *
 * ```ts
 * const nodes = new IpPool(cluster, 'NodeIps', {
 *   family: 'IPv4', name: 'prod-a-nodes', namespace: 'prod-a',
 *   addresses: ['10.20.1.0/27'], prefix: 16, gateway: '10.20.0.1',
 * });
 * ```
 */
export class IpPool<F extends IpFamily = IpFamily> extends Construct implements IIpPool<F> {
  /**
   * A pool defined elsewhere (by hand, or by another tool), referenced by name.
   *
   * @param family the pool's family, which decides where the reference may be used
   * @param name the pool's `metadata.name`
   * @param options `namespace` for an InClusterIPPool; `scope: 'global'` for a GlobalInClusterIPPool
   */
  public static fromName<F extends IpFamily>(
    family: F,
    name: string,
    options: { readonly scope?: IpPoolScope; readonly namespace?: string } = {},
  ): IIpPool<F> {
    const global = options.scope === 'global';
    if (global && options.namespace !== undefined) {
      throw new TypeError(`IpPool.fromName(${JSON.stringify(name)}): a global pool has no namespace; drop 'namespace' or use scope 'namespaced'`);
    }
    if (!global && options.namespace === undefined) {
      throw new TypeError(`IpPool.fromName(${JSON.stringify(name)}): a namespaced pool needs its 'namespace'; pass { namespace } or { scope: 'global' }`);
    }
    return {
      poolName: name,
      kind: global ? 'GlobalInClusterIPPool' : 'InClusterIPPool',
      poolNamespace: global ? undefined : options.namespace,
      family,
    };
  }

  public readonly poolName: string;
  public readonly kind: IpPoolKind;
  public readonly poolNamespace: string | undefined;
  public readonly family: F;
  /** The pool's spec as plain data. */
  public readonly spec: IpPoolSpec;

  public constructor(scope: Construct, id: string, props: IpPoolProps<F>) {
    super(scope, id);
    const global = props.scope === 'global';
    const check = new PropChecker(this);
    check.check(props.family === 'IPv4' || props.family === 'IPv6', 'family', `must be 'IPv4' or 'IPv6', got ${JSON.stringify(props.family)}`);
    check.dnsSubdomain('name', props.name);
    if (global) {
      check.check(props.namespace === undefined, 'namespace', 'a global pool (GlobalInClusterIPPool) is cluster-scoped; remove the namespace');
    } else {
      check.check(props.namespace !== undefined, 'namespace', "a namespaced pool (InClusterIPPool) needs a namespace; set 'namespace' or use scope 'global'");
      check.dnsLabel('namespace', props.namespace);
    }
    check.check(props.addresses.length > 0, 'addresses', 'must list at least one address, range or CIDR');
    check.integer('prefix', props.prefix, { min: 0, max: props.family === 'IPv4' ? 32 : 128 });
    check.integer('addressReuseGracePeriodSeconds', props.addressReuseGracePeriodSeconds, { min: 0 });
    const family = props.family === 'IPv4' ? 4 : 6;
    for (const [key, entries] of [['addresses', props.addresses], ['excludedAddresses', props.excludedAddresses ?? []]] as const) {
      const wrong = entries.filter((e) => parsePoolEntry(e)?.family === (family === 4 ? 6 : 4));
      check.check(wrong.length === 0, key, `this is an ${props.family} pool, but ${wrong.map((e) => JSON.stringify(e)).join(', ')} ${wrong.length === 1 ? 'is' : 'are'} ${family === 4 ? 'IPv6' : 'IPv4'}; use a pool of the other family for ${wrong.length === 1 ? 'it' : 'them'}`);
    }
    if (props.gateway !== undefined && parsePoolEntry(props.gateway)?.family === (family === 4 ? 6 : 4)) {
      check.add('gateway', `this is an ${props.family} pool, but the gateway ${JSON.stringify(props.gateway)} is not`);
    }
    check.throwIfAny();
    // The provider's admission rules (its webhook), with its own messages.
    for (const message of validatePoolSpec({ ...props })) check.add('spec', `${message} (In-Cluster IPAM provider rule)`);
    check.throwIfAny();

    this.poolName = props.name;
    this.kind = global ? 'GlobalInClusterIPPool' : 'InClusterIPPool';
    this.poolNamespace = global ? undefined : props.namespace;
    this.family = props.family;
    this.spec = {
      addresses: [...props.addresses],
      prefix: props.prefix,
      gateway: props.gateway,
      excludedAddresses: props.excludedAddresses === undefined ? undefined : [...props.excludedAddresses],
      allocateReservedIPAddresses: props.allocateReservedIPAddresses,
      addressReuseGracePeriodSeconds: props.addressReuseGracePeriodSeconds,
    };

    const metadata = { name: this.poolName, namespace: this.poolNamespace };
    const spec = { ...this.spec, addresses: [...this.spec.addresses], excludedAddresses: this.spec.excludedAddresses && [...this.spec.excludedAddresses] };
    if (global) {
      new ipamApi.GlobalInClusterIpPool(this, 'Resource', { metadata, spec });
    } else {
      new ipamApi.InClusterIpPool(this, 'Resource', { metadata, spec });
    }
  }
}

/**
 * The typed reference a machine writes for a pool: exactly `{apiGroup, kind, name}`.
 *
 * @param pool the pool
 * @param machineNamespace the namespace of the machine that uses it
 * @returns the reference, or a problem message when an InClusterIPPool is used from another
 *   namespace (the provider can only serve claims in the pool's own namespace)
 */
export function poolReference(pool: IIpPool, machineNamespace: string): PoolRef | string {
  if (pool.kind === 'InClusterIPPool' && pool.poolNamespace !== machineNamespace) {
    return `InClusterIPPool ${JSON.stringify(pool.poolName)} lives in namespace ${JSON.stringify(pool.poolNamespace)} and cannot serve machines in ${JSON.stringify(machineNamespace)}; create the pool in ${JSON.stringify(machineNamespace)} or make it a GlobalInClusterIPPool (scope: 'global')`;
  }
  return { apiGroup: IPAM_API_GROUP, kind: pool.kind, name: pool.poolName };
}
