export * from './cluster-addon.js';
export * from './cluster-class.js';
export * from './credentials.js';
export * from './external-ip-pool.js';
export * from './ionos-cluster.js';
export * from './ionos-machine.js';
export * from './ip-pool.js';
export * from './machine.js';
export * from './network.js';
export * from './node-pool.js';
export * from './node-setup.js';
export * from './reconciler-deployment.js';
export * from './pool-admission-policy.js';
export * from './shared-objects.js';
export * from './topology-cluster.js';
/** The shared label keys, API versions and IPAM group (declared in src/vocabulary.ts). */
export {
  BOOTSTRAP_API_VERSION, CAPI_API_VERSION, CLUSTER_NAME_LABEL, CONTROLPLANE_API_VERSION, DEPLOYMENT_NAME_LABEL,
  INFRA_API_VERSION, IPAM_API_GROUP, WORKER_ROLE_LABEL,
} from '../vocabulary.js';
