/**
 * The inventory of every `x-kubernetes-validations` rule in the CRD bundle, with what the
 * validator does with it: `evaluated`, `transition` (reads oldSelf; the API server skips it
 * when an object is created) or `unsupported` (with the reason).
 */
import { crdValidators } from '../../l1-validators.js';

const { CEL_RULES, CEL_RULE_SITES } = crdValidators;
type CelRule = crdValidators.CelRule;

/** One rule at one place in one CRD. */
export interface CelRuleEntry {
  /** The CRD's name, e.g. `ionoscloudmachines.infrastructure.cluster.x-k8s.io`. */
  readonly crd: string;
  readonly kind: string;
  readonly version: string;
  /** Where the rule sits: `spec.disk.image`; `[]` stands for list items, `{}` for map values. */
  readonly schemaPath: string;
  readonly rule: string;
  readonly message?: string;
  readonly status: CelRule['status'];
  /** Why the rule is skipped (transition and unsupported rules). */
  readonly why?: string;
}

/** Every rule occurrence in the bundle the validators were generated from, in bundle order. */
export function celRuleInventory(): readonly CelRuleEntry[] {
  return CEL_RULE_SITES.map((site) => {
    const rule = CEL_RULES[site.rule]!;
    return {
      crd: site.crd,
      kind: site.kind,
      version: site.version,
      schemaPath: site.schemaPath,
      rule: rule.rule,
      ...(rule.message !== undefined ? { message: rule.message } : {}),
      status: rule.status,
      ...(rule.why !== undefined ? { why: rule.why } : {}),
    };
  });
}
