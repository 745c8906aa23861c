/** Well-known Cluster API label keys. */
export const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';
export const DEPLOYMENT_NAME_LABEL = 'cluster.x-k8s.io/deployment-name';
export const WORKER_ROLE_LABEL = 'node-role.kubernetes.io/node';
/** API versions of the objects this package emits. */
export const CAPI_API_VERSION = 'cluster.x-k8s.io/v1beta1';
export const INFRA_API_VERSION = 'infrastructure.cluster.x-k8s.io/v1alpha1';
export const CONTROLPLANE_API_VERSION = 'controlplane.cluster.x-k8s.io/v1beta1';
export const BOOTSTRAP_API_VERSION = 'bootstrap.cluster.x-k8s.io/v1beta1';
