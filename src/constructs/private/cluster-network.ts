/**
 * A cluster's pod and service CIDRs with their defaults, as plain data: the constructs and the
 * fleet file's planner requests take them from here, so both front ends agree (and planning a
 * fleet file loads no cdk8s).
 */

/** Pod CIDRs of a cluster that sets none (as the provider's templates). */
export const DEFAULT_POD_CIDRS: readonly string[] = ['192.168.0.0/16'];
/** Pod and service CIDRs of a dual-stack cluster that sets none. */
export const DUAL_STACK_POD_CIDRS: readonly string[] = ['192.168.0.0/16', 'fd00:100::/56'];
export const DUAL_STACK_SERVICE_CIDRS: readonly string[] = ['10.96.0.0/12', 'fd00:200::/112'];

/**
 * The pod and service CIDRs a cluster gets.
 *
 * @param dualStack whether the control plane's primary NIC takes an IPv4 and an IPv6 address
 */
export function clusterCidrs(
  dualStack: boolean, pods: readonly string[] | undefined, services: readonly string[] | undefined,
): { readonly pods: readonly string[]; readonly services: readonly string[] | undefined } {
  return {
    pods: pods ?? (dualStack ? DUAL_STACK_POD_CIDRS : DEFAULT_POD_CIDRS),
    services: services ?? (dualStack ? DUAL_STACK_SERVICE_CIDRS : undefined),
  };
}
