/**
 * The spec of an InClusterIPPool / GlobalInClusterIPPool and its validation, rule for rule the
 * In-Cluster IPAM provider's admission webhook (create and update), with the provider's texts.
 * Rule ids V1–V9 are those of docs/in-cluster-provider-rules.md §2.1.
 */
import { fieldInvalid, goQuote, goStringSlice } from './go-format.js';
import { parseIp, parseIpError, type Family } from './ip.js';
import { entryKeys, parsePoolEntry, subnetOf, type PoolEntry } from './pool-entries.js';

/** A pool spec, with the field names of `InClusterIPPool.spec` (and `GlobalInClusterIPPool.spec`). */
export interface PoolSpec {
  /** Single addresses, `a-b` ranges and CIDRs (host bits allowed), one family. Required by the CRD. */
  readonly addresses: readonly string[];
  /**
   * Prefix length of the pool's subnet (0..32 or 0..128).
   * @default 0 (what the provider does with a missing value; the CRD requires the field)
   */
  readonly prefix?: number;
  /**
   * The gateway; never handed out.
   * @default none (an empty string means none as well)
   */
  readonly gateway?: string;
  /**
   * Whether the subnet's network, broadcast (IPv4) or anycast (IPv6) addresses may be handed out.
   * @default false
   */
  readonly allocateReservedIPAddresses?: boolean;
  /**
   * Addresses never handed out, in the formats of `addresses`.
   * @default none
   */
  readonly excludedAddresses?: readonly string[];
  /**
   * Seconds a released address stays held (it only delays the release; allocation ignores it).
   * @default none (immediate reuse)
   */
  readonly addressReuseGracePeriodSeconds?: number;
}

/** The provider's error texts. */
export const POOL_SPEC_MESSAGES = {
  addressesRequired: 'addresses is required',
  prefixRequired: 'a valid prefix is required',
  notAnAddress: 'provided address is not a valid IP, range, nor CIDR',
  mixedFamilies: 'provided addresses are of mixed IP families',
  gatewayMixedFamily: 'provided gateway and addresses are of mixed IP families',
  excludedMixedFamily: 'addresses and excluded addresses are of mixed IP families',
  negativeGracePeriod: 'addressReuseGracePeriodSeconds must not be negative',
  prefixNotValid: 'provided prefix is not valid',
  differentSubnet: 'provided address belongs to a different subnet than others',
} as const;

/** The prefix the provider works with: a missing prefix is Go's zero value. */
export function effectivePrefix(spec: PoolSpec): number {
  return spec.prefix ?? 0;
}

/** Families found among parsed entries. */
function familiesOf(entries: readonly PoolEntry[]): Set<Family> {
  return new Set(entries.map((e) => e.family));
}

/** Parses every entry of a list, reporting each one that does not parse (V3, V6a). */
function parseEntries(path: string, texts: readonly string[], errors: string[]): PoolEntry[] {
  const parsed: PoolEntry[] = [];
  for (const text of texts) {
    const entry = parsePoolEntry(text);
    if (entry === undefined) errors.push(fieldInvalid(path, goQuote(text), POOL_SPEC_MESSAGES.notAnAddress));
    else parsed.push(entry);
  }
  return parsed;
}

/** Phase 1 of the webhook: every rule is checked and every problem collected (V1–V7). */
function checkFields(spec: PoolSpec): { errors: string[]; addresses: PoolEntry[] } {
  const errors: string[] = [];
  const addressTexts = spec.addresses ?? [];
  const prefix = effectivePrefix(spec);

  if (addressTexts.length === 0) {
    errors.push(fieldInvalid('spec.addresses', goStringSlice(spec.addresses), POOL_SPEC_MESSAGES.addressesRequired));
  }
  // The CRD's integer type keeps fractions out before the webhook; report them here the same way.
  if (!Number.isInteger(prefix) || prefix < 0) {
    errors.push(fieldInvalid('spec.prefix', String(prefix), POOL_SPEC_MESSAGES.prefixRequired));
  }

  const addresses = parseEntries('spec.addresses', addressTexts, errors);
  const families = familiesOf(addresses);
  const hasV4 = families.has(4);
  const hasV6 = families.has(6);
  if (hasV4 && hasV6) {
    errors.push(fieldInvalid('spec.addresses', goStringSlice(spec.addresses), POOL_SPEC_MESSAGES.mixedFamilies));
  }

  const gateway = spec.gateway ?? '';
  if (gateway !== '') {
    const ip = parseIp(gateway, { allowZone: true });
    if (ip === undefined) {
      errors.push(fieldInvalid('spec.gateway', goQuote(gateway), parseIpError(gateway)!));
    } else if ((ip.family === 6 && hasV4) || (ip.family === 4 && hasV6)) {
      errors.push(fieldInvalid('spec.gateway', goQuote(gateway), POOL_SPEC_MESSAGES.gatewayMixedFamily));
    }
  }

  const excludedTexts = spec.excludedAddresses ?? [];
  const excluded = familiesOf(parseEntries('spec.excludedAddresses', excludedTexts, errors));
  if (excluded.has(4) && excluded.has(6)) {
    errors.push(fieldInvalid('spec.excludedAddresses', goStringSlice(spec.excludedAddresses), POOL_SPEC_MESSAGES.mixedFamilies));
  }
  if ((hasV4 && excluded.has(6)) || (hasV6 && excluded.has(4))) {
    errors.push(fieldInvalid('spec.excludedAddresses', goStringSlice(spec.excludedAddresses), POOL_SPEC_MESSAGES.excludedMixedFamily));
  }

  const grace = spec.addressReuseGracePeriodSeconds;
  if (grace !== undefined && grace !== null && grace < 0) {
    errors.push(fieldInvalid('spec.addressReuseGracePeriodSeconds', String(grace), POOL_SPEC_MESSAGES.negativeGracePeriod));
  }
  return { errors, addresses };
}

/**
 * Phase 2 (V8, V9): the subnet is the lowest address of all entries with the pool's prefix;
 * every entry must lie inside it. Runs only on a spec that passed phase 1.
 */
function checkSubnet(spec: PoolSpec, addresses: readonly PoolEntry[]): string[] {
  const prefix = effectivePrefix(spec);
  let lowest = entryKeys(addresses[0]!).start;
  for (const entry of addresses) {
    const start = entryKeys(entry).start;
    if (start < lowest) lowest = start;
  }
  const subnet = subnetOf(lowest, prefix);
  if (subnet === undefined) return [fieldInvalid('spec.prefix', String(prefix), POOL_SPEC_MESSAGES.prefixNotValid)];
  const errors: string[] = [];
  spec.addresses.forEach((text, i) => {
    const { start, end } = entryKeys(addresses[i]!);
    if (start < subnet.start || end > subnet.end) {
      errors.push(fieldInvalid('spec.addresses', goQuote(text), POOL_SPEC_MESSAGES.differentSubnet));
    }
  });
  return errors;
}

/**
 * Validates a pool spec as the provider's admission webhook does on create and update.
 *
 * Phase 1 checks every field and collects every problem (V1–V7); phase 2 (V8, V9: the prefix and
 * the subnet of the entries) runs only when phase 1 found nothing. Each message is the provider's
 * text as Kubernetes renders a `field.Invalid` error, e.g.
 * `spec.gateway: Invalid value: "invalid": ParseAddr("invalid"): unable to parse IP`.
 *
 * Not checked, as the provider does not check them: the gateway's place, reserved addresses in
 * `addresses`, excluded entries outside the subnet, overlaps, an empty allocatable set.
 *
 * @returns `[]` when valid, else one message per problem, in the provider's order
 */
export function validatePoolSpec(spec: PoolSpec): string[] {
  const { errors, addresses } = checkFields(spec);
  if (errors.length > 0) return errors;
  return checkSubnet(spec, addresses);
}
