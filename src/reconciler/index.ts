/**
 * The runtime reconciler: the store contract and its in-memory implementation, clocks, a small
 * controller runtime (informers, work queue, controllers, leader election, events) and the claim
 * binder, and the in-memory simulation of a fleet's machines. `capi-ionos simulate` and
 * `capi-ionos reconcile` are built from these.
 *
 *   const clock = new ManualClock();
 *   const store = new MemoryStore({ clock });
 *   const binder = runClaimBinder({ store, clock });
 *   // ... create pools and claims in the store ...
 *   await untilSettled(clock, [binder]);
 */
export * from './store.js';
export { ManualClock, MANUAL_CLOCK_EPOCH, kubeTimestamp, microTime, settle, systemClock, type RunUntilOptions } from './clock.js';
export { MemoryStore, DEFAULT_STATUS_SUBRESOURCE_KINDS, deepEqual, type MemoryStoreOptions, type StoreCalls } from './memory-store.js';
export { StoreFaults, WRITE_OPERATIONS, type FaultMatch, type FaultRule, type StoreOperation, type WriteOperation } from './memory-faults.js';

export { runController, type Controller, type ControllerOptions, type ControllerStats, type Reconcile, type ReconcileResult } from './runtime/controller.js';
export { Informer, cacheKey, type InformerHandlers, type InformerOptions, type InformerState } from './runtime/informer.js';
export { WorkQueue, type WorkQueueOptions } from './runtime/work-queue.js';
export {
  defaultRateLimiter,
  exponentialBackoff,
  maxOfLimiters,
  tokenBucket,
  type BackoffOptions,
  type RateLimiter,
  type TokenBucketOptions,
} from './runtime/rate-limit.js';
export { LeaderElector, type LeaderCallbacks, type LeaderElectionOptions } from './runtime/leader-election.js';
export { EventRecorder, eventName, type EventRecorderOptions, type EventType } from './runtime/events.js';
export { PermanentError, classifyFailure, isPermanentError, type FailureKind } from './runtime/errors.js';
export { errorText, silentLogger, type LogEntry, type LogLevel, type Logger } from './runtime/log.js';

export * as claimApi from './claims/api.js';
export {
  addressIdentity,
  decideClaim,
  ensureAddressMeta,
  inUseOf,
  newAddress,
  type AddressHolder,
  type ClaimDecision,
  type ClaimFacts,
  type IdleReason,
  type InUse,
  type ProblemReason,
} from './claims/decide.js';
export { decidePool, sameCount, showsUsage, type PoolDecision, type PoolFacts } from './claims/pool-decide.js';
export { PoolIndex } from './claims/pool-index.js';
export {
  ADDRESS_ALLOCATED_CONDITION,
  runClaimBinder,
  untilSettled,
  type ClaimBinder,
  type ClaimBinderOptions,
  type ClaimBinderStats,
  type LeaseOptions,
} from './claims/binder.js';
export {
  simulate,
  naturalCompare,
  poolLabel,
  type NicAddress,
  type PoolName,
  type PoolUse,
  type SimulationOptions,
  type SimulationResult,
  type UnboundClaim,
} from './simulate/simulate.js';
export { machineGroups, scaledValue, type GroupKind, type MachineGroup, type ManifestProblem } from './simulate/fleet-machines.js';
