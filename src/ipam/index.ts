/**
 * The pure IP functions: address and range math, the planner and the allocator.
 * No cdk8s, no I/O; the reconciler, `plan` and `validate` share them.
 *
 * The allocator answers exactly as the In-Cluster IPAM provider does:
 *
 * ```ts
 * ipam.validatePoolSpec(spec): string[]
 * ipam.validatePoolUpdate(oldSpec, newSpec, inUse): string[]
 * ipam.nextFreeAddress(spec, inUse): string | null
 * ipam.poolUsage(spec, inUse): { total, used, free, outOfRange }
 * ```
 */
export { formatCidr, formatIp, formatRange, parseCidr, parseIp, type Cidr, type Family, type Ip } from './ip.js';
export * from '../problems.js';
export * as ranges from './ranges.js';
export { validatePoolSpec, type PoolSpec } from './pool-spec.js';
export { validatePoolUpdate } from './pool-update.js';
export { nextFreeAddress, poolUsage, PoolAllocator, type Count, type PoolUsage } from './allocator.js';
export { plan, assertPlanOk } from './planner.js';
export { planAddresses } from './address-checks.js';
export type * from './plan-model.js';
export { formatLock, parseLock } from './lock.js';
