/**
 * cdk8s-capi-ionos: Cluster API on IONOS Cloud as cdk8s constructs, with IP planning.
 *
 * - constructs: IonosCluster, NodePool, IpPool, IonosMachine, SharedObjects;
 * - FleetApp: a cdk8s App with deterministic, validated, atomic synthesis;
 * - ipam: the pure IP functions shared by the planner, `validate` and the reconciler;
 * - the generated L1 classes, per API group, as an escape hatch.
 */
export * from './constructs/index.js';
export * from './problems.js';
export { FleetApp, type FleetAppProps } from './fleet/fleet-app.js';
export * as ipam from './ipam/index.js';
export * as l1 from './l1.js';
