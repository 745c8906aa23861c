/**
 * cdk8s-capi-ionos: Cluster API on IONOS Cloud as cdk8s constructs, with IP planning.
 *
 * - constructs: IonosCluster, NodePool, IpPool, IonosMachine, SharedObjects;
 * - FleetApp: a cdk8s App with deterministic, validated, atomic synthesis;
 * - loadFleet / planFleet: a fleet (file or cdk8s program) into an app, or a fleet file through
 *   the planner against its lock, as `capi-ionos synth` and `plan` do;
 * - ipam: the pure IP functions shared by the planner, `validate` and the reconciler;
 * - the generated L1 classes, per API group, as an escape hatch.
 */
export * from './constructs/index.js';
export * from './problems.js';
export { FleetApp, type FleetAppProps } from './fleet/fleet-app.js';
export { loadFleet, type LoadedFleet } from './fleet/app.js';
export { planFleet, type PlanFlags, type PlannedFleet } from './fleet/plan.js';
export type { FleetSpec } from './fleet/schema.js';
export * as ipam from './ipam/index.js';
export * as l1 from './l1.js';
