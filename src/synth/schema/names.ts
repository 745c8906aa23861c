/**
 * Kubernetes name rules (k8s.io/apimachinery/pkg/util/validation), as plain predicates that
 * return what is wrong (empty when valid).
 */

import { DNS1123_LABEL } from '../../vocabulary.js';

/** Problems with `value` as an RFC 1123 label (namespaces): at most 63 lowercase alphanumerics or '-'. */
export function dns1123LabelProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 63) problems.push(`must be no more than 63 characters (has ${value.length})`);
  if (!DNS1123_LABEL.test(value)) {
    problems.push("must be a lowercase RFC 1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'my-name')");
  }
  return problems;
}

export { dns1123SubdomainProblems, labelValueProblems, qualifiedNameProblems } from '../../constructs/private/names.js';
