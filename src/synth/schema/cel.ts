/**
 * Evaluation of CRD `x-kubernetes-validations` rules with `@bufbuild/cel`, producing the
 * messages the Kubernetes API server would: the rule's `messageExpression` (when it evaluates
 * to a usable string), else its `message`, else `failed rule`; evaluation errors as
 * `<error> evaluating rule: <message or rule>`. Every program is compiled on first use and
 * kept.
 */
import { isCelError, parse, plan, type CelInput, type CelResult } from '@bufbuild/cel';
import { celEnvironment } from './cel-env.js';

/** The parts of a rule the evaluator needs (see CelRule in imports/validators.ts). */
export interface RuleSource {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly messageExpressionSupported?: boolean;
  readonly reason?: string;
}

type Program = (bindings: Record<string, CelInput>) => CelResult;

/** The API server's limit on an evaluated messageExpression (bytes). */
const MAX_MESSAGE_BYTES = 5 * 1024;

const programs = new Map<string, Program | Error>();

/** The compiled program for `source` (cached; an Error when it cannot be compiled). */
function program(source: string): Program | Error {
  let p = programs.get(source);
  if (p === undefined) {
    try {
      p = plan(celEnvironment(), parse(source)) as Program;
    } catch (error) {
      p = error instanceof Error ? error : new Error(String(error));
    }
    programs.set(source, p);
  }
  return p;
}

/** Runs a CEL expression over `bindings`; CEL errors come back as values, never thrown. */
export function runCel(source: string, bindings: Record<string, CelInput>): CelResult | Error {
  const p = program(source);
  return p instanceof Error ? p : p(bindings);
}

/** bufbuild's wording of the errors the API server words differently. */
function kubernetesWording(message: string): string {
  const missing = /^field not found: (.*)$/.exec(message);
  if (missing !== null) return `no such key: ${missing[1]!}`;
  return message;
}

/** The message part that names the rule, as the API server prints it (message, else the rule). */
function ruleErrorString(rule: RuleSource): string {
  return rule.message !== undefined && rule.message.trim() !== '' ? rule.message.trim() : rule.rule.trim();
}

function suffix(rule: RuleSource): string {
  return rule.reason === undefined ? ` (CRD rule: ${rule.rule})` : ` (CRD rule: ${rule.rule}; reason: ${rule.reason})`;
}

function messageFromExpression(rule: RuleSource, self: unknown): string | undefined {
  if (rule.messageExpression === undefined || rule.messageExpressionSupported !== true) return undefined;
  const result = runCel(rule.messageExpression, { self: self as CelInput });
  if (typeof result !== 'string') return undefined;
  const trimmed = result.trim();
  if (trimmed === '' || trimmed.includes('\n') || Buffer.byteLength(trimmed) > MAX_MESSAGE_BYTES) return undefined;
  return trimmed;
}

/**
 * Evaluates one rule against `self` (already converted to its CEL value). Returns undefined
 * when the rule holds, else the violation message.
 */
export function evaluateRule(rule: RuleSource, self: unknown): string | undefined {
  const result = runCel(rule.rule, { self: self as CelInput });
  if (result === true) return undefined;
  if (result instanceof Error && !isCelError(result)) {
    return `the validator could not compile this rule (${result.message.split('\n')[0]!}); please report it${suffix(rule)}`;
  }
  if (isCelError(result)) {
    const text = kubernetesWording(result.message);
    if (/^unbound function|^unresolved attribute/.test(text)) {
      return `the validator could not evaluate this rule (@bufbuild/cel: ${text}); please report it${suffix(rule)}`;
    }
    if (/^found no matching overload/.test(text)) {
      return `'${text}': call arguments did not match a supported operator, function or macro signature for rule: ${ruleErrorString(rule)}${suffix(rule)}`;
    }
    return `${text} evaluating rule: ${ruleErrorString(rule)}${suffix(rule)}`;
  }
  const message = messageFromExpression(rule, self)
    ?? (rule.message !== undefined && rule.message.trim() !== '' ? rule.message.trim() : 'failed rule');
  return `${message}${suffix(rule)}`;
}

/** Whether `value` matches the RE2 `pattern` (unanchored, as Go's regexp.MatchString). */
export function re2Matches(pattern: string, value: string): boolean {
  return runCel('s.matches(p)', { s: value, p: pattern }) === true;
}

/** A CEL timestamp for a `date` or `date-time` string, or the string itself when CEL rejects it. */
export function celTimestamp(value: string, format: 'date' | 'datetime'): unknown {
  let text = format === 'date' ? `${value}T00:00:00Z` : value.replace(/t/, 'T').replace(/z$/, 'Z');
  if (format === 'datetime' && !/(Z|[+-]\d{2}:\d{2})$/.test(text)) text = `${text}Z`;
  const result = runCel('timestamp(s)', { s: text });
  return isCelError(result) || result instanceof Error ? value : result;
}
