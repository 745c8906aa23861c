/**
 * A network the planner carves pools and control-plane endpoints from: a LAN (or routed
 * segment) with its CIDR, gateway and reserved ranges. It emits no object; planned pools
 * (`new IpPool(scope, id, { network })`) and planned endpoints (`endpoint: { network }`) draw
 * from it when the app is synthesised (see docs/constructs.md).
 */
import { Construct, type IConstruct } from 'constructs';
import { formatCidr, parseCidr, parseIp } from '../ipam/ip.js';
import type { Allocation } from '../ipam/plan-model.js';
import { parseRangeText } from '../ipam/range-text.js';
import type { IpFamily } from './ip-family.js';
import { PropChecker } from './private/errors.js';

const NETWORK = Symbol.for('cdk8s-capi-ionos.Network');

/**
 * A network pools can be planned from. The family is a type parameter, so an IPv6 network's
 * pool is an `IIpPool<'IPv6'>` and cannot be given where IPv4 is asked.
 */
export interface INetwork<F extends IpFamily = IpFamily> {
  /** The network's name: the `network` of its pools in the plan and the lock. */
  readonly networkName: string;
  /** The address family. */
  readonly family: F;
  /** The CIDR, canonical. */
  readonly cidr: string;
  /** The CIDR's prefix length (the `prefix` of its pools). */
  readonly prefix: number;
  /** The gateway, canonical, when there is one. */
  readonly gateway: string | undefined;
  /** Ranges never planned. */
  readonly reserved: readonly string[];
  /** The IONOS LAN id, for networks machines reach through `additionalNetworks`. */
  readonly lanID: number | undefined;
  /** How pools are carved from it. */
  readonly allocation: Allocation;
}

/** Properties of a {@link Network}. */
export interface NetworkProps<F extends IpFamily> {
  /** The address family; must be the CIDR's. */
  readonly family: F;
  /**
   * The network's name (pool names are `<cluster>-<network>` in a fleet file; here you choose).
   * @default the construct id
   */
  readonly name?: string;
  /** The network, `a.b.c.d/n` or `x:x::/n`, without host bits. */
  readonly cidr: string;
  /**
   * Never handed out; the `gateway` of every pool planned from the network.
   * @default no gateway
   */
  readonly gateway?: string;
  /**
   * Ranges never planned: CIDRs, `first-last` ranges or single addresses (DHCP range,
   * appliances, existing hosts).
   * @default none
   */
  readonly reserved?: readonly string[];
  /**
   * The IONOS LAN id machines attach to (`additionalNetworks[].networkID`).
   * @default the cluster's primary LAN
   */
  readonly lanID?: number;
  /**
   * `aligned`: each pool one CIDR block; `packed`: exactly the size asked, as one run.
   * @default 'aligned'
   */
  readonly allocation?: Allocation;
}

/**
 * A network of the fleet. Declare it once (anywhere in the app: it is fleet-wide, like
 * `SharedObjects`) and plan pools and endpoints from it:
 *
 * ```ts
 * const nodes = new Network(app, 'nodes', { family: 'IPv4', cidr: '10.20.0.0/16', gateway: '10.20.0.1', reserved: ['10.20.0.0/24'] });
 * const pool = new IpPool(cluster, 'nodes', { name: 'prod-a-nodes', namespace: 'prod-a', network: nodes });
 * ```
 */
export class Network<F extends IpFamily = IpFamily> extends Construct implements INetwork<F> {
  /** Whether `x` is a Network (of any copy of this package). */
  public static isNetwork(x: unknown): x is Network {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[NETWORK] === true;
  }

  /** Every network in the tree under `root`, in tree order. */
  public static allIn(root: IConstruct): Network[] {
    return root.node.findAll().filter((c): c is Network => Network.isNetwork(c));
  }

  public readonly networkName: string;
  public readonly family: F;
  public readonly cidr: string;
  public readonly prefix: number;
  public readonly gateway: string | undefined;
  public readonly reserved: readonly string[];
  public readonly lanID: number | undefined;
  public readonly allocation: Allocation;

  public constructor(scope: Construct, id: string, props: NetworkProps<F>) {
    super(scope, id);
    Object.defineProperty(this, NETWORK, { value: true });
    const name = props.name ?? id;
    const check = new PropChecker(this);
    check.dnsLabel('name', name);
    check.check(props.family === 'IPv4' || props.family === 'IPv6', 'family', `must be 'IPv4' or 'IPv6', got ${JSON.stringify(props.family)}`);
    const family = props.family === 'IPv6' ? 6 : 4;
    const cidr = parseCidr(props.cidr);
    if (cidr === undefined) {
      check.add('cidr', `${JSON.stringify(props.cidr)} is not a CIDR; use ${family === 4 ? 'a.b.c.d/n with n <= 32' : 'x:x::/n with n <= 128'}`);
    } else {
      check.check(cidr.family === family, 'cidr', `${JSON.stringify(props.cidr)} is not ${props.family}; use an ${props.family} CIDR or family '${cidr.family === 4 ? 'IPv4' : 'IPv6'}'`);
      const written = parseIp(props.cidr.slice(0, props.cidr.indexOf('/')));
      check.check(written?.value === cidr.start, 'cidr', `${JSON.stringify(props.cidr)} has host bits set; write the network itself, ${formatCidr(cidr.start, cidr.prefix, cidr.family)}`);
    }
    if (props.gateway !== undefined) {
      const gw = parseIp(props.gateway);
      check.check(gw !== undefined && gw.family === family && cidr !== undefined && gw.value >= cidr.start && gw.value <= cidr.end,
        'gateway', `${JSON.stringify(props.gateway)} is not an address inside ${props.cidr}; use the network's router address (usually its first host)`);
    }
    for (const [i, entry] of (props.reserved ?? []).entries()) {
      check.check(parseRangeText(entry)?.family === family, `reserved[${i}]`, `${JSON.stringify(entry)} is not an ${props.family} address, first-last range or CIDR`);
    }
    check.integer('lanID', props.lanID, { min: 1 });
    check.check(props.allocation === undefined || props.allocation === 'aligned' || props.allocation === 'packed', 'allocation', `must be 'aligned' or 'packed', got ${JSON.stringify(props.allocation)}`);
    check.throwIfAny();

    this.networkName = name;
    this.family = props.family;
    this.cidr = formatCidr(cidr!.start, cidr!.prefix, cidr!.family);
    this.prefix = cidr!.prefix;
    const gw = props.gateway === undefined ? undefined : parseIp(props.gateway)!;
    this.gateway = gw === undefined ? undefined : props.gateway;
    this.reserved = [...(props.reserved ?? [])];
    this.lanID = props.lanID;
    this.allocation = props.allocation ?? 'aligned';
  }
}
