import { Construct } from 'constructs';
import { parsePoolEntry } from '../ipam/pool-entries.js';
import { validatePoolSpec, type PoolSpec } from '../ipam/pool-spec.js';
import { ipamApi } from '../l1.js';
import type { IpFamily } from './ip-family.js';
import type { INetwork } from './network.js';
import { PropChecker } from './private/errors.js';
import { IPAM_API_GROUP, type PoolKind, type PoolRef } from '../vocabulary.js';

const IP_POOL = Symbol.for('cdk8s-capi-ionos.IpPool');

export type { IpFamily } from './ip-family.js';

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
  /**
   * Single addresses, `first-last` ranges and CIDRs; may be non-contiguous.
   * @default planned from `network` when the app is synthesised
   */
  readonly addresses?: readonly string[];
  /**
   * The network the pool lies in. Without `addresses` the pool is planned from it: placed in
   * free space at synthesis, recorded in `ipam.lock.yaml` and never moved afterwards. With
   * `addresses` (written by hand), the addresses are checked against it.
   * @default hand-written addresses are checked against every network they touch
   */
  readonly network?: INetwork<NoInfer<F>>;
  /**
   * Addresses a planned pool asks for.
   * @default what the machines that draw from it need at their peak (replicas + maxSurge), plus a quarter (at least 2)
   */
  readonly size?: number;
  /**
   * Hand-written addresses that lie in no declared network: reported as a warning instead of an error.
   * @default false
   */
  readonly unmanaged?: boolean;
  /**
   * Prefix length of the subnet the addresses live in (written into every IPAddress).
   * @default the network's prefix (required without a network)
   */
  readonly prefix?: number;
  /**
   * The subnet's gateway; never handed out.
   * @default the network's gateway, else no gateway
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
  /** Whether `x` is an IpPool construct (of any copy of this package). */
  public static isIpPool(x: unknown): x is IpPool {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[IP_POOL] === true;
  }

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
  /** The network it is planned from (or lies in), if one was given. */
  public readonly network: INetwork<F> | undefined;
  /** Whether its addresses are planned (no `addresses` given). */
  public readonly planned: boolean;
  /** The explicit size of a planned pool. */
  public readonly size: number | undefined;
  /** Whether hand-written addresses may lie outside every declared network. */
  public readonly unmanaged: boolean;
  private readonly props: IpPoolProps<F>;
  private bound: IpPoolSpec | undefined;

  public constructor(scope: Construct, id: string, props: IpPoolProps<F>) {
    super(scope, id);
    Object.defineProperty(this, IP_POOL, { value: true });
    const global = props.scope === 'global';
    const planned = props.addresses === undefined;
    const check = new PropChecker(this);
    check.check(props.family === 'IPv4' || props.family === 'IPv6', 'family', `must be 'IPv4' or 'IPv6', got ${JSON.stringify(props.family)}`);
    check.dnsSubdomain('name', props.name);
    if (global) {
      check.check(props.namespace === undefined, 'namespace', 'a global pool (GlobalInClusterIPPool) is cluster-scoped; remove the namespace');
    } else {
      check.check(props.namespace !== undefined, 'namespace', "a namespaced pool (InClusterIPPool) needs a namespace; set 'namespace' or use scope 'global'");
      check.dnsLabel('namespace', props.namespace);
    }
    if (props.network !== undefined) {
      check.check(props.network.family === props.family, 'network', `this is an ${props.family} pool, but network ${JSON.stringify(props.network.networkName)} is ${props.network.family}; use a network of the pool's family`);
    }
    if (planned) {
      check.check(props.network !== undefined, 'addresses', "give the pool's addresses, or a 'network' to plan them from");
      check.check(props.prefix === undefined && props.gateway === undefined, 'prefix',
        "a planned pool takes prefix and gateway from its network; remove 'prefix' and 'gateway'");
      check.integer('size', props.size, { min: 1 });
    } else {
      check.check(props.size === undefined, 'size', "'size' is for planned pools; a pool with addresses holds what they hold — remove 'size' or 'addresses'");
      check.check(props.addresses.length > 0, 'addresses', 'must list at least one address, range or CIDR');
      check.check(props.prefix !== undefined || props.network !== undefined, 'prefix', "is required for hand-written addresses without a 'network'; give the subnet's prefix length");
    }
    check.integer('prefix', props.prefix, { min: 0, max: props.family === 'IPv4' ? 32 : 128 });
    check.integer('addressReuseGracePeriodSeconds', props.addressReuseGracePeriodSeconds, { min: 0 });
    const family = props.family === 'IPv4' ? 4 : 6;
    for (const [key, entries] of [['addresses', props.addresses ?? []], ['excludedAddresses', props.excludedAddresses ?? []]] as const) {
      const wrong = entries.filter((e) => parsePoolEntry(e)?.family === (family === 4 ? 6 : 4));
      check.check(wrong.length === 0, key, `this is an ${props.family} pool, but ${wrong.map((e) => JSON.stringify(e)).join(', ')} ${wrong.length === 1 ? 'is' : 'are'} ${family === 4 ? 'IPv6' : 'IPv4'}; use a pool of the other family for ${wrong.length === 1 ? 'it' : 'them'}`);
    }
    if (props.gateway !== undefined && parsePoolEntry(props.gateway)?.family === (family === 4 ? 6 : 4)) {
      check.add('gateway', `this is an ${props.family} pool, but the gateway ${JSON.stringify(props.gateway)} is not`);
    }
    check.throwIfAny();

    this.poolName = props.name;
    this.kind = global ? 'GlobalInClusterIPPool' : 'InClusterIPPool';
    this.poolNamespace = global ? undefined : props.namespace;
    this.family = props.family;
    this.network = props.network;
    this.planned = planned;
    this.size = props.size;
    this.unmanaged = props.unmanaged === true;
    this.props = props;
    if (planned) {
      this.node.addValidation({
        validate: () => this.bound === undefined
          ? [`pool ${JSON.stringify(this.poolName)} is planned from network ${JSON.stringify(props.network!.networkName)} but was never planned; synthesise with FleetApp (app.synth()) or capi-ionos, which plan the app first`]
          : [],
      });
      return;
    }
    this.emit({
      addresses: props.addresses!,
      prefix: props.prefix ?? props.network!.prefix,
      gateway: props.gateway ?? props.network?.gateway,
    });
  }

  /** The pool's spec as plain data; for a planned pool, once it is planned. */
  public get spec(): IpPoolSpec {
    if (this.bound === undefined) throw new Error(`${this.node.path}: pool ${JSON.stringify(this.poolName)} is not planned yet`);
    return this.bound;
  }

  /**
   * @internal Gives a planned pool its planned addresses (called once, by the planning step
   * before rendering) and creates its object.
   */
  public _bindPlan(planned: { readonly addresses: readonly string[]; readonly prefix: number; readonly gateway?: string }): void {
    if (!this.planned || this.bound !== undefined) throw new Error(`${this.node.path}: pool ${JSON.stringify(this.poolName)} cannot be planned twice`);
    this.emit(planned);
  }

  /** Checks the spec with the provider's rules and creates the L1 object. */
  private emit(spec: { readonly addresses: readonly string[]; readonly prefix: number; readonly gateway?: string }): void {
    const props = this.props;
    const check = new PropChecker(this);
    const full: IpPoolSpec = {
      addresses: [...spec.addresses],
      prefix: spec.prefix,
      gateway: spec.gateway,
      excludedAddresses: props.excludedAddresses === undefined ? undefined : [...props.excludedAddresses],
      allocateReservedIPAddresses: props.allocateReservedIPAddresses,
      addressReuseGracePeriodSeconds: props.addressReuseGracePeriodSeconds,
    };
    // The provider's admission rules (its webhook), with its own messages.
    for (const message of validatePoolSpec(full)) check.add('spec', `${message} (In-Cluster IPAM provider rule)`);
    check.throwIfAny();
    this.bound = full;
    const metadata = { name: this.poolName, namespace: this.poolNamespace };
    const l1spec = { ...full, addresses: [...full.addresses], excludedAddresses: full.excludedAddresses && [...full.excludedAddresses] };
    if (this.kind === 'GlobalInClusterIPPool') {
      new ipamApi.GlobalInClusterIpPool(this, 'Resource', { metadata, spec: l1spec });
    } else {
      new ipamApi.InClusterIpPool(this, 'Resource', { metadata, spec: l1spec });
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
