/**
 * cdk8s-capi-ionos: Cluster API on IONOS Cloud as cdk8s constructs, with IP planning.
 */
export * from './ipam/problems.js';
