import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { IPAM_API_GROUP } from '../vocabulary.js';

/** Properties of a {@link PoolAdmissionPolicy}. */
export interface PoolAdmissionPolicyProps {
  /** Name of the ValidatingAdmissionPolicy and of its binding. @default 'capi-ionos-ippools' */
  readonly name?: string;
}

const IPAM = IPAM_API_GROUP;
const SKIP_DELETE_ANNOTATION = `${IPAM}/skip-validate-delete-webhook`;

/** One CEL rule: the expression that must hold and what the user is told when it does not. */
interface Rule {
  readonly expression: string;
  readonly message?: string;
  readonly messageExpression?: string;
}

/**
 * Named CEL values of the policy. `check` is true where the spec is to be validated: on create,
 * and on an update that changes the spec (the binder's finalizer writes change none, and an
 * old invalid pool must stay deletable and releasable). `inUse` reads the counts the binder
 * keeps in `status.ipAddresses.used`.
 */
const VARIABLES: readonly { readonly name: string; readonly expression: string }[] = [
  { name: 'check', expression: "request.operation == 'CREATE' || (request.operation == 'UPDATE' && oldObject.spec != object.spec)" },
  { name: 'addresses', expression: 'has(object.spec.addresses) ? object.spec.addresses : []' },
  { name: 'excluded', expression: 'has(object.spec.excludedAddresses) ? object.spec.excludedAddresses : []' },
  // An entry is a single address, a range "a-b" of two addresses, or a CIDR.
  { name: 'badAddresses', expression: "variables.addresses.filter(a, !(isIP(a) || isCIDR(a) || (a.split('-').size() == 2 && isIP(a.split('-')[0]) && isIP(a.split('-')[1]))))" },
  { name: 'badExcluded', expression: "variables.excluded.filter(a, !(isIP(a) || isCIDR(a) || (a.split('-').size() == 2 && isIP(a.split('-')[0]) && isIP(a.split('-')[1]))))" },
  { name: 'ipv6', expression: "size(variables.addresses) > 0 && variables.addresses[0].contains(':')" },
  { name: 'oneFamily', expression: "variables.addresses.all(a, a.contains(':') == variables.ipv6)" },
  { name: 'maxPrefix', expression: 'variables.ipv6 ? 128 : 32' },
  { name: 'parsed', expression: 'size(variables.addresses) > 0 && size(variables.badAddresses) == 0 && variables.oneFamily && object.spec.prefix <= variables.maxPrefix' },
  // Every entry inside one subnet of the pool's prefix is the same as every entry inside the
  // first entry's subnet (then the lowest address is in it too, and it is the provider's subnet).
  { name: 'subnet', expression: "cidr((isCIDR(variables.addresses[0]) ? string(cidr(variables.addresses[0]).ip()) : variables.addresses[0].split('-')[0]) + '/' + string(object.spec.prefix)).masked()" },
  { name: 'inUse', expression: "request.operation != 'CREATE' && has(oldObject.status) && has(oldObject.status.ipAddresses) && has(oldObject.status.ipAddresses.used) && oldObject.status.ipAddresses.used > 0" },
  { name: 'gateway', expression: "has(object.spec.gateway) ? object.spec.gateway : ''" },
];

const RULES: readonly Rule[] = [
  { expression: '!variables.check || size(variables.addresses) > 0', message: 'spec.addresses is required: give at least one address, range (a-b) or CIDR' },
  {
    expression: '!variables.check || size(variables.badAddresses) == 0',
    messageExpression: "'spec.addresses: ' + variables.badAddresses.join(', ') + ' is not a valid IP, range (a-b) nor CIDR'",
  },
  { expression: '!variables.check || variables.oneFamily', message: 'spec.addresses mixes IPv4 and IPv6; a pool has one family' },
  {
    expression: "!variables.check || variables.gateway == '' || (isIP(variables.gateway) && variables.gateway.contains(':') == variables.ipv6)",
    messageExpression: "'spec.gateway ' + variables.gateway + ' is not a single address of the family of spec.addresses'",
  },
  {
    expression: '!variables.check || size(variables.badExcluded) == 0',
    messageExpression: "'spec.excludedAddresses: ' + variables.badExcluded.join(', ') + ' is not a valid IP, range (a-b) nor CIDR'",
  },
  {
    expression: "!variables.check || variables.excluded.all(a, a.contains(':') == variables.ipv6)",
    message: 'spec.excludedAddresses has addresses of another family than spec.addresses',
  },
  {
    expression: '!variables.check || !variables.oneFamily || object.spec.prefix <= variables.maxPrefix',
    messageExpression: "'spec.prefix ' + string(object.spec.prefix) + ' is not valid for ' + (variables.ipv6 ? 'IPv6 (0-128)' : 'IPv4 (0-32)')",
  },
  {
    expression: "!variables.check || !variables.parsed || variables.addresses.all(a, isCIDR(a) ? variables.subnet.containsCIDR(a) : a.split('-').all(p, variables.subnet.containsIP(p)))",
    messageExpression: "'spec.addresses: every entry must lie in one subnet of prefix ' + string(object.spec.prefix) + ' (' + string(variables.subnet) + ')'",
  },
  // While addresses are in use, a spec change may only add to the pool: no entry removed, no
  // exclusion added, prefix and gateway kept, reserved addresses not taken back (the provider's
  // webhook checks the IPAddresses themselves; a policy can only read the pool).
  {
    expression: "request.operation != 'UPDATE' || !variables.check || !variables.inUse || ("
      + 'oldObject.spec.addresses.all(a, a in variables.addresses)'
      + ' && object.spec.prefix == oldObject.spec.prefix'
      + " && variables.gateway == (has(oldObject.spec.gateway) ? oldObject.spec.gateway : '')"
      + ' && variables.excluded.all(a, has(oldObject.spec.excludedAddresses) && a in oldObject.spec.excludedAddresses)'
      + ' && (!has(oldObject.spec.allocateReservedIPAddresses) || !oldObject.spec.allocateReservedIPAddresses'
      + ' || (has(object.spec.allocateReservedIPAddresses) && object.spec.allocateReservedIPAddresses)))',
    messageExpression: "'the pool has ' + string(oldObject.status.ipAddresses.used) + ' addresses in use: while in use, keep every entry of spec.addresses, spec.prefix, spec.gateway and spec.allocateReservedIPAddresses, and add no spec.excludedAddresses; only add addresses'",
  },
  {
    expression: `request.operation != 'DELETE' || !variables.inUse || (has(oldObject.metadata.annotations) && '${SKIP_DELETE_ANNOTATION}' in oldObject.metadata.annotations)`,
    messageExpression: `'the pool still has ' + string(oldObject.status.ipAddresses.used) + ' IPAddresses allocated; delete their claims first (or annotate the pool with ${SKIP_DELETE_ANNOTATION} to move it)'`,
  },
];

/**
 * The admission the In-Cluster IPAM provider's webhooks give pools, as a ValidatingAdmissionPolicy
 * (CEL, admissionregistration.k8s.io/v1, Kubernetes 1.31+ for the IP and CIDR functions) and its
 * binding, for clusters where the reconciler's claim binder replaces the provider: the spec rules
 * on create and on a spec change, only growing a pool while it has addresses in use, and no
 * deletion while it has any (`status.ipAddresses.used`, kept by the binder). See
 * docs/reconciler.md, "Who owns a pool".
 */
export class PoolAdmissionPolicy extends Construct {
  public readonly name: string;

  public constructor(scope: Construct, id: string, props: PoolAdmissionPolicyProps = {}) {
    super(scope, id);
    const name = props.name ?? 'capi-ionos-ippools';
    this.name = name;
    new ApiObject(this, 'Policy', {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          resourceRules: [{
            apiGroups: [IPAM],
            apiVersions: ['*'],
            operations: ['CREATE', 'UPDATE', 'DELETE'],
            resources: ['inclusterippools', 'globalinclusterippools'],
          }],
        },
        variables: VARIABLES.map((v) => ({ ...v })),
        validations: RULES.map((r) => ({ ...r, reason: 'Invalid' })),
      },
    });
    new ApiObject(this, 'Binding', {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name },
      spec: { policyName: name, validationActions: ['Deny'] },
    });
  }
}
