/**
 * A small reader for untyped input (parsed YAML, JSON or Jsonnet output) that records every
 * problem with its path instead of stopping at the first, so one run reports them all.
 */
import { editDistance, ProblemCollector, showValue } from '../problems.js';

/** A JSON-like object. */
export type Json = Record<string, unknown>;

/** How a value is described in messages: `"abc"`, `12`, `a list`, `an object`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return showValue(value);
  return JSON.stringify(value) ?? String(value);
}

/** Collects problems while reading values out of untyped input. */
export class Reader extends ProblemCollector {
  /** The value as an object, or `undefined` (and a problem) when it is something else. */
  public object(value: unknown, path: string): Json | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.add(path, `must be an object, got ${describeValue(value)}`);
    return undefined;
  }

  /** Reports keys of `obj` that are not in `known`, suggesting the nearest known key. */
  public onlyKeys(obj: Json, path: string, known: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (known.includes(key)) continue;
      const near = known.map((k) => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
      const hint = near !== undefined && near.d <= 2 ? `; did you mean '${near.k}'?` : `; allowed: ${known.join(', ')}`;
      this.add(join(path, key), `unknown field${hint}`);
    }
  }

  /** A required or optional string field. */
  public string(obj: Json, key: string, path: string, options: { required: true; pattern?: RegExp; hint?: string }): string | undefined;
  public string(obj: Json, key: string, path: string, options?: { required?: boolean; pattern?: RegExp; hint?: string }): string | undefined;
  public string(obj: Json, key: string, path: string, options: { required?: boolean; pattern?: RegExp; hint?: string } = {}): string | undefined {
    const value = obj[key];
    const at = join(path, key);
    if (value === undefined) {
      if (options.required) this.add(at, `is required${options.hint ? `; ${options.hint}` : ''}`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(at, `must be a string, got ${describeValue(value)}${typeof value === 'number' ? `; quote it: "${value}"` : ''}`);
      return undefined;
    }
    if (options.pattern !== undefined && !options.pattern.test(value)) {
      this.add(at, `${showValue(value)} is not valid${options.hint ? `; ${options.hint}` : ''}`);
      return undefined;
    }
    return value;
  }

  /** An optional whole number within bounds. */
  public integer(obj: Json, key: string, path: string, options: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    const value = obj[key];
    const at = join(path, key);
    if (value === undefined) {
      if (options.required) this.add(at, 'is required');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(at, `must be a whole number, got ${describeValue(value)}`);
      return undefined;
    }
    if (options.min !== undefined && value < options.min) {
      this.add(at, `must be >= ${options.min}, got ${value}`);
      return undefined;
    }
    if (options.max !== undefined && value > options.max) {
      this.add(at, `must be <= ${options.max}, got ${value}`);
      return undefined;
    }
    return value;
  }

  /** An optional boolean. */
  public boolean(obj: Json, key: string, path: string): boolean | undefined {
    const value = obj[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      this.add(join(path, key), `must be true or false, got ${describeValue(value)}`);
      return undefined;
    }
    return value;
  }

  /** An optional string that must be one of `allowed`. */
  public oneOf<T extends string>(obj: Json, key: string, path: string, allowed: readonly T[]): T | undefined {
    const value = this.string(obj, key, path);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.add(join(path, key), `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${showValue(value)}`);
      return undefined;
    }
    return value as T;
  }

  /** An optional list; each item is read by `item` with its indexed path. */
  public list<T>(obj: Json, key: string, path: string, item: (value: unknown, path: string) => T | undefined, options: { required?: boolean } = {}): T[] | undefined {
    const value = obj[key];
    const at = join(path, key);
    if (value === undefined) {
      if (options.required) this.add(at, 'is required');
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.add(at, `must be a list, got ${describeValue(value)}`);
      return undefined;
    }
    const out: T[] = [];
    value.forEach((v, i) => {
      const read = item(v, `${at}[${i}]`);
      if (read !== undefined) out.push(read);
    });
    return out;
  }

  /** An optional list of strings. */
  public strings(obj: Json, key: string, path: string): string[] | undefined {
    return this.list(obj, key, path, (v, p) => {
      if (typeof v === 'string') return v;
      this.add(p, `must be a string, got ${describeValue(v)}`);
      return undefined;
    });
  }

  /** An optional map of string to string. */
  public stringMap(obj: Json, key: string, path: string): Record<string, string> | undefined {
    if (obj[key] === undefined) return undefined;
    const map = this.object(obj[key], join(path, key));
    if (map === undefined) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(map)) {
      if (typeof v === 'string') out[k] = v;
      else this.add(join(join(path, key), k), `must be a string, got ${describeValue(v)}`);
    }
    return out;
  }
}

/** `a.b`, or just `b` at the top. Keys that are not identifiers are quoted: `labels["x/y"]`. */
export function join(path: string, key: string): string {
  const part = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (path === '') return part.startsWith('[') ? part : part;
  return part.startsWith('[') ? `${path}${part}` : `${path}.${part}`;
}
