/**
 * Kubernetes name rules. Every name in the output is set explicitly from the user's names and
 * checked here, so that no cdk8s path hash ever reaches a manifest.
 */

import { DNS1123_LABEL, DNS1123_SUBDOMAIN } from '../../vocabulary.js';

/** Why `value` is not a DNS-1123 label (at most 63 characters), or `undefined` when it is one. */
export function dnsLabelProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 63) return `${JSON.stringify(value)} is ${value.length} characters long; a DNS-1123 label has at most 63`;
  if (!DNS1123_LABEL.test(value)) {
    return `${JSON.stringify(value)} is not a DNS-1123 label; use lower-case letters, digits and '-', starting and ending with a letter or digit`;
  }
  return undefined;
}

/** Why `value` is not a DNS-1123 subdomain (at most 253 characters), or `undefined` when it is one. */
export function dnsSubdomainProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 253) return `${JSON.stringify(value)} is ${value.length} characters long; a DNS-1123 subdomain has at most 253`;
  if (!DNS1123_SUBDOMAIN.test(value)) {
    return `${JSON.stringify(value)} is not a DNS-1123 subdomain; use lower-case letters, digits, '-' and '.', each part starting and ending with a letter or digit`;
  }
  return undefined;
}
