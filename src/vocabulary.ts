/**
 * The words every layer shares: API groups and versions, label keys, the pool kinds and the
 * shape of a pool reference, the name and UUID patterns, and the order strings sort in. One
 * declaration each; a bottom layer beside problems.ts, importing nothing.
 */

/** The API groups of the objects this package emits and reads. */
export const IPAM_API_GROUP = 'ipam.cluster.x-k8s.io';
export const CAPI_API_GROUP = 'cluster.x-k8s.io';
export const INFRA_API_GROUP = 'infrastructure.cluster.x-k8s.io';
export const CONTROLPLANE_API_GROUP = 'controlplane.cluster.x-k8s.io';
export const BOOTSTRAP_API_GROUP = 'bootstrap.cluster.x-k8s.io';

/** Their API versions: Cluster API v1beta1, the IONOS provider v1alpha1. */
export const CAPI_API_VERSION = `${CAPI_API_GROUP}/v1beta1`;
export const INFRA_API_VERSION = `${INFRA_API_GROUP}/v1alpha1`;
export const CONTROLPLANE_API_VERSION = `${CONTROLPLANE_API_GROUP}/v1beta1`;
export const BOOTSTRAP_API_VERSION = `${BOOTSTRAP_API_GROUP}/v1beta1`;
/** InClusterIPPool and GlobalInClusterIPPool. */
export const IPAM_POOL_API_VERSION = `${IPAM_API_GROUP}/v1alpha2`;
/** IPAddressClaim and IPAddress. */
export const IPAM_ADDRESS_API_VERSION = `${IPAM_API_GROUP}/v1beta1`;

/** Well-known Cluster API label keys. */
export const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';
export const DEPLOYMENT_NAME_LABEL = 'cluster.x-k8s.io/deployment-name';
export const WORKER_ROLE_LABEL = 'node-role.kubernetes.io/node';

/** The two pool kinds of the In-Cluster IPAM provider (the prefix pools are out of scope). */
export type PoolKind = 'InClusterIPPool' | 'GlobalInClusterIPPool';
/** Both pool kinds, namespaced first. */
export const POOL_KINDS: readonly PoolKind[] = ['InClusterIPPool', 'GlobalInClusterIPPool'];

/**
 * A machine's typed reference to a pool (`spec.ipv4PoolRef` and friends, an IPAddressClaim's
 * `spec.poolRef`): the provider's CRD accepts exactly this group, these kinds and a name.
 */
export interface PoolRef {
  readonly apiGroup: typeof IPAM_API_GROUP;
  readonly kind: PoolKind;
  readonly name: string;
}

/** A DNS-1123 label (most object names, namespaces), without its 63-character limit. */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A DNS-1123 subdomain (dotted labels), without its 253-character limit. */
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** An IONOS Cloud id: a UUID written with dashes, in either case. */
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Code-unit order of strings, the same on every machine (`localeCompare` depends on the locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
