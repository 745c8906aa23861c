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

/** Problems with `value` as an RFC 1123 subdomain (object names, a qualified name's prefix), in the API server's words. */
export function dns1123SubdomainProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 253) problems.push(`must be no more than 253 characters (has ${value.length})`);
  if (!DNS1123_SUBDOMAIN.test(value)) {
    problems.push("must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'example.com')");
  }
  return problems;
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

const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Problems with `value` as a qualified name (label and annotation keys, finalizers): `[prefix/]name`. */
export function qualifiedNameProblems(value: string): string[] {
  const parts = value.split('/');
  let name = value;
  const problems: string[] = [];
  if (parts.length === 2) {
    const [prefix, rest] = parts as [string, string];
    name = rest;
    if (prefix === '') problems.push('prefix part must be non-empty');
    else problems.push(...dns1123SubdomainProblems(prefix).map((p) => `prefix part ${p}`));
  } else if (parts.length > 2) {
    return ["a qualified name must be 'name' or 'prefix/name' (e.g. 'example.com/my-name')"];
  }
  if (name === '') problems.push('name part must be non-empty');
  else {
    if (name.length > 63) problems.push(`name part must be no more than 63 characters (has ${name.length})`);
    if (!QUALIFIED_NAME_PART.test(name)) {
      problems.push("name part must consist of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric (e.g. 'MyName', 'my.name')");
    }
  }
  return problems;
}

/** Problems with `value` as a label value: empty, or at most 63 characters like a qualified name part. */
export function labelValueProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 63) problems.push(`must be no more than 63 characters (has ${value.length})`);
  if (!LABEL_VALUE.test(value)) {
    problems.push("must be empty or consist of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric");
  }
  return problems;
}
