/**
 * Addresses a pool made by hand or by another tool already holds: nothing is emitted, but the
 * planner keeps clear of them and checks them like every other pool (the fleet file's
 * `manualPools`).
 */
import { Construct } from 'constructs';
import { parsePoolEntry } from '../ipam/pool-entries.js';
import type { INetwork } from './network.js';
import { PropChecker } from './private/errors.js';

const EXTERNAL_POOL = Symbol.for('cdk8s-capi-ionos.ExternalIpPool');

/** Properties of an {@link ExternalIpPool}. */
export interface ExternalIpPoolProps {
  /** The pool's name (unique among the fleet's pools). */
  readonly name: string;
  /** Its `addresses`: single addresses, `first-last` ranges or CIDRs. */
  readonly addresses: readonly string[];
  /**
   * The network it lies in.
   * @default every network its addresses touch
   */
  readonly network?: INetwork;
  /**
   * It lies in no declared network: a warning instead of an error.
   * @default false
   */
  readonly unmanaged?: boolean;
}

/** A pool that exists outside the app: checked and kept clear of, never written. */
export class ExternalIpPool extends Construct {
  /** Whether `x` is an ExternalIpPool (of any copy of this package). */
  public static isExternalIpPool(x: unknown): x is ExternalIpPool {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[EXTERNAL_POOL] === true;
  }

  public readonly poolName: string;
  public readonly addresses: readonly string[];
  public readonly network: INetwork | undefined;
  public readonly unmanaged: boolean;

  public constructor(scope: Construct, id: string, props: ExternalIpPoolProps) {
    super(scope, id);
    Object.defineProperty(this, EXTERNAL_POOL, { value: true });
    const check = new PropChecker(this);
    check.check(props.name.length > 0, 'name', 'must not be empty');
    check.check(props.addresses.length > 0, 'addresses', 'must list at least one address, range or CIDR');
    for (const [i, entry] of props.addresses.entries()) {
      check.check(parsePoolEntry(entry) !== undefined, `addresses[${i}]`, `${JSON.stringify(entry)} is not an address, a first-last range or a CIDR`);
    }
    check.throwIfAny();
    this.poolName = props.name;
    this.addresses = [...props.addresses];
    this.network = props.network;
    this.unmanaged = props.unmanaged === true;
  }
}
