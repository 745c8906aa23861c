/** How a test file of test/peers/ says that its peers are missing (kept apart: the harness runs outside Vitest too). */
import { describe, it } from 'vitest';
import type { PeersAvailability } from './harness.js';

/**
 * What a test file does when its peers are missing: says why (a warning and a skipped test named
 * after the reason), or fails when CAPI_IONOS_PEERS_REQUIRED=1 (where a skip would hide a broken
 * setup, e.g. CI after test/peers/setup.sh).
 */
export function describeUnavailable(title: string, availability: PeersAvailability): void {
  if (availability.ok) return;
  console.warn(`[test/peers] ${title} skipped: ${availability.reason}`);
  describe(title, () => {
    if (process.env.CAPI_IONOS_PEERS_REQUIRED === '1') {
      it('is available (CAPI_IONOS_PEERS_REQUIRED=1)', () => {
        throw new Error(availability.reason);
      });
    } else {
      it.skip(`skipped: ${availability.reason}`, () => {});
    }
  });
}

