/**
 * The run-time side of the generated validators: it turns failed checks into violations with
 * messages (what was received, what is allowed, which CRD keyword or rule), evaluates CEL
 * rules, and counts what it evaluated or skipped. One collector validates one object.
 */
import { celList, celMap } from '@bufbuild/cel';
import { editDistance, ProblemCollector, type Problem } from '../../problems.js';
import type { crdValidators } from '../../l1-validators.js';

type CelRule = crdValidators.CelRule;
type Check = crdValidators.Check;
type Convert = crdValidators.Convert;
type Obj = crdValidators.Obj;
type ValidatorRuntime = crdValidators.ValidatorRuntime;
import { celTimestamp, evaluateRule, re2Matches } from './cel.js';
import { describe, describeTyped } from './describe.js';
import { FORMATS } from './formats.js';
import { validateObjectMeta } from './object-meta.js';

/**
 * One thing wrong with one object: a problem whose path is the field path inside the object,
 * e.g. `spec.template.spec.memoryMB` (empty for the object itself), and whose message says what
 * was received, what is allowed, and which CRD keyword or rule says so.
 */
export type Violation = Pick<Problem, 'path' | 'message'>;

/** `parent.key`, or `key` at the top. */
function join(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Stable JSON (sorted keys) for equality of list items and keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const o = value as Obj;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** Counts of CEL rule handling, summed over objects. */
export interface CelCounts {
  evaluated: number;
  skippedTransition: number;
  skippedUnsupported: number;
  /** Rules not evaluated because the value they check (or something in it) already failed a blocking check. */
  skippedInvalid: number;
}

/** Collects the violations of one object; implements the generated code's ValidatorRuntime. */
export class Collector extends ProblemCollector implements ValidatorRuntime {
  public blocking = 0;
  public readonly f = FORMATS;
  public readonly counts: CelCounts = { evaluated: 0, skippedTransition: 0, skippedUnsupported: 0, skippedInvalid: 0 };

  public constructor(private readonly rules: readonly CelRule[]) {
    super();
  }

  /** The violations found so far (the collected problems). */
  public get violations(): Problem[] {
    return this.problems;
  }

  private violation(path: string, message: string, blocking: boolean): void {
    if (blocking) this.blocking += 1;
    this.add(path, message);
  }

  public type(path: string, value: unknown, expected: string): void {
    this.violation(path, `must be ${expected === 'object' || expected === 'array' ? `an ${expected === 'array' ? 'array (list)' : 'object'}` : expected}, got ${describeTyped(value)} (CRD: type)`, true);
  }

  public nul(path: string): void {
    this.violation(path, 'must not be null: the field is not nullable, and the API server would drop it; omit the field instead (CRD: nullable)', true);
  }

  public unknown(path: string, key: string, allowed: readonly string[]): void {
    const close = allowed.filter((a) => editDistance(a.toLowerCase(), key.toLowerCase()) <= 2);
    const hint = close.length > 0 ? `; did you mean ${close.map((c) => JSON.stringify(c)).join(' or ')}?` : '';
    const list = allowed.length === 0 ? 'no fields are allowed here' : allowed.length <= 15 ? `allowed: ${allowed.join(', ')}` : `${allowed.length} fields are allowed here`;
    this.violation(join(path, key), `unknown field (${list}${hint}) (CRD: unknown field)`, false);
  }

  public required(path: string, key: string): void {
    this.violation(join(path, key), 'is required but missing (CRD: required)', true);
  }

  public enumv(path: string, value: unknown, allowed: readonly unknown[]): void {
    this.violation(path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describe(value)} (CRD: enum)`, true);
  }

  public inEnum(value: unknown, allowed: readonly unknown[]): boolean {
    const key = canonical(value);
    return allowed.some((a) => canonical(a) === key);
  }

  public range(path: string, value: number, format: 'int32' | 'int64'): void {
    const bits = format === 'int32' ? 32 : 64;
    this.violation(path, `must fit a ${bits}-bit signed integer, got ${value}; the API server stores it, but the provider cannot decode it (CRD: format ${format})`, false);
  }

  public min(path: string, value: number, bound: number, exclusive: boolean): void {
    this.violation(path, `must be ${exclusive ? '>' : '>='} ${bound}, got ${value} (CRD: ${exclusive ? 'exclusiveMinimum' : 'minimum'})`, false);
  }

  public max(path: string, value: number, bound: number, exclusive: boolean): void {
    this.violation(path, `must be ${exclusive ? '<' : '<='} ${bound}, got ${value} (CRD: ${exclusive ? 'exclusiveMaximum' : 'maximum'})`, false);
  }

  public multipleOf(path: string, value: number, factor: number): void {
    this.violation(path, `must be a multiple of ${factor}, got ${value} (CRD: multipleOf)`, false);
  }

  /** Whether value/factor is a whole number, with the API server's tolerance for floats. */
  public isMultiple(value: number, factor: number): boolean {
    const q = value / factor;
    if (!Number.isFinite(q)) return false;
    return Number.isInteger(q) || Math.abs(q - Math.round(q)) / Math.max(Math.abs(q), 1) < 1e-9;
  }

  /** Length in code points (the API server counts runes). */
  public cp(value: string): number {
    let n = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c < 0xd800 || c > 0xdbff || i + 1 >= value.length) n += 1;
      else { n += 1; i += 1; }
    }
    return n;
  }

  public minLength(path: string, value: string, bound: number): void {
    this.violation(path, `must be at least ${plural(bound, 'character')} long, got ${describe(value)} (CRD: minLength)`, false);
  }

  public maxLength(path: string, value: string, bound: number): void {
    this.violation(path, `must be at most ${plural(bound, 'character')} long, got ${this.cp(value)} (CRD: maxLength)`, true);
  }

  public pattern(path: string, value: string, pattern: string): void {
    this.violation(path, `must match the regular expression ${pattern}, got ${describe(value)} (CRD: pattern)`, false);
  }

  public re2(pattern: string, value: string): boolean {
    return re2Matches(pattern, value);
  }

  public format(path: string, value: string, format: string, blocksCel: boolean): void {
    const example = format === 'uuid' ? ' such as 0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00'
      : format === 'date-time' ? ' such as 2024-05-01T12:00:00Z' : format === 'date' ? ' such as 2024-05-01' : '';
    this.violation(path, `must be a valid ${format}${example}, got ${describe(value)} (CRD: format)`, blocksCel);
  }

  public minItems(path: string, count: number, bound: number): void {
    this.violation(path, `must have at least ${plural(bound, 'item')}, got ${count} (CRD: minItems)`, false);
  }

  public maxItems(path: string, count: number, bound: number): void {
    this.violation(path, `must have at most ${plural(bound, 'item')}, got ${count} (CRD: maxItems)`, true);
  }

  public unique(path: string, items: readonly unknown[], why: string): void {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const key = canonical(item);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else this.violation(`${path}[${i}]`, `duplicate value ${describe(item)}, also at [${first}]; items must be unique (CRD: ${why})`, false);
    });
  }

  public listMap(path: string, items: readonly unknown[], keys: readonly string[]): void {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return;
      const o = item as Obj;
      const key = canonical(keys.map((k) => o[k] ?? null));
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else {
        const shown = keys.map((k) => `${k}=${describe(o[k])}`).join(', ');
        this.violation(`${path}[${i}]`, `duplicate entry with ${shown}, also at [${first}] (CRD: x-kubernetes-list-type map, keys ${keys.join(', ')})`, false);
      }
    });
  }

  public count(value: Obj): number {
    let n = 0;
    for (const k in value) if (value[k] !== undefined) n += 1;
    return n;
  }

  public minProperties(path: string, count: number, bound: number): void {
    this.violation(path, `must have at least ${plural(bound, 'entry')}, got ${count} (CRD: minProperties)`.replace('entrys', 'entries'), false);
  }

  public maxProperties(path: string, count: number, bound: number): void {
    this.violation(path, `must have at most ${plural(bound, 'entry')}, got ${count} (CRD: maxProperties)`.replace('entrys', 'entries'), true);
  }

  public meta(path: string, value: unknown, namespaced: boolean | undefined, root: boolean): void {
    validateObjectMeta(value, path, namespaced, root, (p, m, b) => this.violation(p, m, b));
  }

  public embedded(path: string, value: Obj): void {
    for (const key of ['apiVersion', 'kind']) {
      const v = value[key];
      if (typeof v !== 'string' || v === '') {
        this.violation(join(path, key), `is required in an embedded resource, got ${describe(v)} (CRD: x-kubernetes-embedded-resource)`, true);
      }
    }
    this.meta(join(path, 'metadata'), value.metadata, undefined, false);
  }

  public probe(check: Check, value: unknown, path: string): boolean {
    const sub = new Collector(this.rules);
    check(value, path, sub);
    return sub.violations.length === 0;
  }

  public combinator(path: string, value: unknown, keyword: 'anyOf' | 'oneOf' | 'not', branches: number): void {
    const what = keyword === 'anyOf' ? `at least one of ${branches} schemas` : keyword === 'oneOf' ? `exactly one of ${branches} schemas` : 'not the excluded schema';
    this.violation(path, `must match ${what}, got ${describe(value)} (CRD: ${keyword})`, false);
  }

  public cel(path: string, self: unknown, indexes: readonly number[], convert: Convert): void {
    let converted: unknown;
    let ready = false;
    for (const index of indexes) {
      const rule = this.rules[index]!;
      if (rule.status === 'transition') { this.counts.skippedTransition += 1; continue; }
      if (rule.status === 'unsupported') { this.counts.skippedUnsupported += 1; continue; }
      if (!ready) {
        // Wrapped once per node: @bufbuild/cel re-wraps plain maps and arrays on every access.
        const value = convert(self, this);
        converted = value instanceof Map ? celMap(value) : Array.isArray(value) ? celList(value) : value;
        ready = true;
      }
      this.counts.evaluated += 1;
      const message = evaluateRule(rule, converted);
      if (message !== undefined) this.violation(`${path}${rule.fieldPath ?? ''}`.replace(/^\./, ''), message, false);
    }
  }

  public celBlocked(_path: string, indexes: readonly number[]): void {
    for (const index of indexes) {
      const status = this.rules[index]!.status;
      if (status === 'transition') this.counts.skippedTransition += 1;
      else if (status === 'unsupported') this.counts.skippedUnsupported += 1;
      else this.counts.skippedInvalid += 1;
    }
  }

  public celMeta(value: unknown): unknown {
    const out = new Map<string, unknown>();
    if (typeof value === 'object' && value !== null) {
      const m = value as Obj;
      if (typeof m.name === 'string') out.set('name', m.name);
      if (typeof m.generateName === 'string') out.set('generateName', m.generateName);
    }
    return out;
  }

  public timestamp(value: string, format: 'date' | 'datetime'): unknown {
    return celTimestamp(value, format);
  }

  public bytes(value: string): unknown {
    return new Uint8Array(Buffer.from(value, 'base64'));
  }

  /** Data under x-kubernetes-preserve-unknown-fields, typed as the API server's JSON decoder would. */
  public dyn(value: unknown): unknown {
    if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : this.dyn(v)));
    if (typeof value === 'object' && value !== null) {
      const m = new Map<string, unknown>();
      for (const [k, v] of Object.entries(value)) if (v !== undefined) m.set(k, this.dyn(v));
      return m;
    }
    return value;
  }
}
