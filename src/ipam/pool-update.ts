/**
 * The provider's rule for updating a pool whose addresses are in use.
 */
import { allocatableSet } from './allocator.js';
import { formatKey, parseAddressKey } from './pool-entries.js';
import { validatePoolSpec, type PoolSpec } from './pool-spec.js';
import { normalize, subtract, type Range } from './ranges.js';

/** The start of the provider's message when an update would strand in-use addresses. */
export const STRANDED_ADDRESSES_MESSAGE = 'pool addresses do not contain allocated addresses:';

/**
 * Validates an update of a pool as the provider's admission webhook does.
 *
 * First the new spec must be valid (`validatePoolSpec`; its messages are returned if not). Then
 * every in-use address (`inUse`: the `spec.address` of each IPAddress referencing the pool; texts
 * that are not plain addresses are ignored, as the provider ignores them) must be in the new
 * spec's allocatable set. The check is absolute, not a diff: an address already outside the pool
 * rejects every update, a no-op one included, until it is released or the pool covers it again.
 * No field is immutable, so `oldSpec` is not consulted; it is part of the signature so that
 * callers need not change if a rule about the old spec is ever added.
 *
 * @returns `[]` when the update is allowed; otherwise the new spec's validation messages, or
 * one message `pool addresses do not contain allocated addresses: [a-b c-d]` listing the
 * stranded addresses as merged ranges (Go's `%v` of `[]netipx.IPRange`)
 */
export function validatePoolUpdate(oldSpec: PoolSpec, newSpec: PoolSpec, inUse: readonly string[]): string[] {
  void oldSpec;
  const specErrors = validatePoolSpec(newSpec);
  if (specErrors.length > 0) return specErrors;
  const held: Range[] = [];
  for (const text of inUse) {
    const key = parseAddressKey(text);
    if (key !== undefined) held.push({ start: key, end: key });
  }
  const stranded = subtract(normalize(held), allocatableSet(newSpec));
  if (stranded.length === 0) return [];
  const ranges = stranded.map((r) => `${formatKey(r.start)}-${formatKey(r.end)}`);
  return [`${STRANDED_ADDRESSES_MESSAGE} [${ranges.join(' ')}]`];
}
