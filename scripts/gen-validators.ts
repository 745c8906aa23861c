/**
 * Compiles the structural schemas of a CRD bundle into TypeScript validator code.
 *
 *     npx tsx scripts/gen-validators.ts crds/bundle.yaml imports/validators.ts
 *
 * Like ajv's standalone mode: every schema node becomes straight-line checks (one function per
 * distinct object or array node, scalar leaves inlined), compiled once, with no schema
 * interpretation at run time. Identical nodes (ObjectMeta-like templates, pool references,
 * conditions, the kubeadm config shared by two CRDs) share one function. For each node the
 * generator also emits, where needed:
 *
 * - a defaulter (`d…`) that returns a copy with the schema's `default`s filled in, copying only
 *   the objects on the way to a default (the API server defaults before it validates);
 * - a CEL converter (`c…`) that turns the node's value into the typed value the API server gives
 *   `self` (integers as int, date-time as timestamp, escaped property names, …).
 *
 * The `x-kubernetes-validations` rules are embedded as string literals with their status
 * (evaluated, transition, unsupported) decided here by {@link classifyRule}; they are compiled
 * lazily at run time. Anything in a schema the generator does not understand stops it with an
 * error, so no check is ever dropped silently.
 *
 * The generated module imports nothing; the run-time helpers it calls are passed in as a
 * `ValidatorRuntime` (implemented in src/synth/schema/collector.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { classifyRule, messageExpressionSupported } from '../src/synth/schema/cel-env.js';
import { compareText } from '../src/vocabulary.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { readonly [key: string]: Json | undefined };

/** Keywords a CRD schema may use (apiextensions.k8s.io/v1 JSONSchemaProps). */
const KNOWN_KEYWORDS = new Set([
  'type', 'format', 'title', 'description', 'example', 'externalDocs', 'properties', 'additionalProperties',
  'items', 'required', 'enum', 'default', 'nullable', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems',
  'minProperties', 'maxProperties', 'allOf', 'anyOf', 'oneOf', 'not', 'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string', 'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-validations',
]);
/** Keywords with no effect on validation. */
const IGNORED_KEYWORDS = new Set(['title', 'description', 'example', 'externalDocs']);

/** Formats the API server validates on CRD strings (after removing dashes), and ours. */
const KUBERNETES_FORMATS = new Set([
  'bsonobjectid', 'uri', 'email', 'hostname', 'ipv4', 'ipv6', 'cidr', 'mac', 'uuid', 'uuid3', 'uuid4', 'uuid5',
  'isbn', 'isbn10', 'isbn13', 'creditcard', 'ssn', 'hexcolor', 'rgbcolor', 'byte', 'password', 'date', 'duration',
  'datetime',
]);
const IMPLEMENTED_FORMATS = new Set(['uuid', 'uuid3', 'uuid4', 'uuid5', 'byte', 'password', 'date', 'datetime']);
/** Formats whose strings CEL sees as another type; a bad value blocks the rules above it. */
const CEL_TYPED_FORMATS = new Set(['byte', 'date', 'datetime']);

const CEL_RESERVED = new Set([
  'true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import',
  'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while',
]);

/** Kubernetes' escaping of property names for CEL (`k8s.io/apiserver/pkg/cel.Escape`). */
export function celEscape(name: string): string | undefined {
  if (name === '' || (name[0]! >= '0' && name[0]! <= '9')) return undefined;
  if (CEL_RESERVED.has(name)) return `__${name}__`;
  let ok = true;
  const escaped = name.replace(/__|[-./]|[^a-zA-Z0-9\-./_]/g, (m) => {
    switch (m) {
      case '__': return '__underscores__';
      case '.': return '__dot__';
      case '-': return '__dash__';
      case '/': return '__slash__';
      default: ok = false; return '';
    }
  });
  return ok ? escaped : undefined;
}

interface RuleEntry {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly messageExpressionSupported?: boolean;
  readonly fieldPath?: string;
  readonly reason?: string;
  readonly optionalOldSelf?: boolean;
  readonly status: string;
  readonly why?: string;
}

interface Site {
  readonly crd: string;
  readonly kind: string;
  readonly version: string;
  readonly schemaPath: string;
  readonly rule: number;
}

interface KindEntry {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly crd: string;
  readonly namespaced: boolean;
  readonly validate: string;
  readonly defaults: string | undefined;
}

/** Stable JSON with sorted keys, without keywords that do not affect validation. */
function canonical(value: Json | undefined, dropIgnored: boolean): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v, dropIgnored)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => !(dropIgnored && IGNORED_KEYWORDS.has(k))).sort(compareText);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k], dropIgnored && k !== 'default' && k !== 'enum')}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Like JSON.stringify, for emitting literals (keys sorted, so output is stable). */
function literal(value: Json | undefined): string {
  return canonical(value, false);
}

function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

const isObj = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

function props(s: Schema): [string, Schema][] {
  const p = s.properties;
  if (p === undefined) return [];
  if (!isObj(p)) fail('schema', 'properties must be an object');
  return Object.keys(p).sort(compareText).map((k) => [k, p[k] as Schema]);
}
function items(s: Schema): Schema | undefined {
  return isObj(s.items) ? (s.items as Schema) : undefined;
}
function additional(s: Schema): Schema | undefined {
  return isObj(s.additionalProperties) ? (s.additionalProperties as Schema) : undefined;
}
function subschemas(s: Schema, key: 'allOf' | 'anyOf' | 'oneOf'): Schema[] {
  const v = s[key];
  return Array.isArray(v) ? (v as Schema[]) : [];
}
function rulesOf(s: Schema): { [key: string]: Json }[] {
  const v = s['x-kubernetes-validations'];
  return Array.isArray(v) ? (v as { [key: string]: Json }[]) : [];
}
function num(s: Schema, key: string): number | undefined {
  const v = s[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number') fail('schema', `${key} must be a number`);
  return v;
}
const isTrue = (s: Schema, key: string): boolean => s[key] === true;

/** Whether the node or anything under it has a `default`. */
function hasDefaults(s: Schema): boolean {
  for (const [, p] of props(s)) if (p.default !== undefined || hasDefaults(p)) return true;
  const it = items(s);
  if (it !== undefined && (it.default !== undefined || hasDefaults(it))) return true;
  const ap = additional(s);
  return ap !== undefined && (ap.default !== undefined || hasDefaults(ap));
}

/** Whether `self` at this node contains order-insensitive lists. */
function hasUnorderedLists(s: Schema): boolean {
  const t = s['x-kubernetes-list-type'];
  if (t === 'set' || t === 'map') return true;
  for (const [, p] of props(s)) if (hasUnorderedLists(p)) return true;
  const it = items(s);
  if (it !== undefined && hasUnorderedLists(it)) return true;
  const ap = additional(s);
  return ap !== undefined && hasUnorderedLists(ap);
}

/** The API server's defaulting algorithm, applied to a default value at generation time. */
function applyDefaults(value: Json, s: Schema): Json {
  if (isObj(value)) {
    const out: { [key: string]: Json } = { ...value };
    for (const [k, p] of props(s)) if (out[k] === undefined && p.default !== undefined) out[k] = p.default as Json;
    const ap = additional(s);
    for (const k of Object.keys(out)) {
      const p = (s.properties as { [key: string]: Json } | undefined)?.[k];
      if (p !== undefined) out[k] = applyDefaults(out[k]!, p as Schema);
      else if (ap !== undefined) out[k] = applyDefaults(out[k]!, ap);
    }
    return out;
  }
  if (Array.isArray(value)) {
    const it = items(s);
    return it === undefined ? value : value.map((v) => applyDefaults(v, it));
  }
  return value;
}

/**
 * Normalises a rule's `fieldPath` (`.a.b`, `.a['b.c']`) against the schema, the way the API
 * server does (`ValidFieldPath`), into this project's path syntax (`.a.b`, `.labels[b.c]`).
 */
function normalizeFieldPath(fieldPath: string, s: Schema, where: string): string {
  const tokens = fieldPath.match(/'(?:[^'\\]|\\.)*'|[.[\]]|[^.[\]']+/g) ?? [];
  let out = '';
  let node: Schema = s;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let name: string;
    if (t === '.') {
      name = tokens[++i] ?? fail(where, `fieldPath ${fieldPath}: unexpected end`);
    } else if (t === '[') {
      const q = tokens[++i] ?? fail(where, `fieldPath ${fieldPath}: unexpected end`);
      if (!q.startsWith("'") || tokens[++i] !== ']') fail(where, `fieldPath ${fieldPath}: expected ['name']`);
      name = q.slice(1, -1).replace(/\\(.)/g, '$1');
    } else {
      fail(where, `fieldPath ${fieldPath}: expected . or [`);
    }
    if (node.properties !== undefined) {
      const next = (node.properties as { [key: string]: Json })[name];
      if (next === undefined) fail(where, `fieldPath ${fieldPath} does not refer to a field`);
      out += `.${name}`;
      node = next as Schema;
    } else if (additional(node) !== undefined) {
      out += `[${name}]`;
      node = additional(node)!;
    } else {
      fail(where, `fieldPath ${fieldPath} does not refer to a field`);
    }
  }
  return out;
}

/** How a node's value is checked: on the structural spine, or as a nested value validation. */
type Mode = 'spine' | 'value';

class Generator {
  private readonly functions: string[] = [];
  private readonly validators = new Map<string, string>();
  private readonly defaulters = new Map<string, string>();
  private readonly converters = new Map<string, string>();
  private readonly constants = new Map<string, string>();
  private readonly constantLines: string[] = [];
  private readonly ruleKeys = new Map<string, number>();
  readonly rules: RuleEntry[] = [];
  readonly sites: Site[] = [];
  readonly kinds: KindEntry[] = [];
  private next = 0;

  private id(prefix: string): string {
    this.next += 1;
    return `${prefix}${this.next}`;
  }

  /** A module-level constant holding `source` (deduplicated). */
  private constant(prefix: string, source: string): string {
    const key = `${prefix}:${source}`;
    let name = this.constants.get(key);
    if (name === undefined) {
      name = this.id(prefix);
      this.constants.set(key, name);
      this.constantLines.push(`const ${name} = ${source};`);
    }
    return name;
  }

  // ---------------------------------------------------------------- rules

  private ruleIndexes(s: Schema, where: string): number[] {
    const unordered = hasUnorderedLists(s);
    return rulesOf(s).map((r) => {
      const rule = r.rule;
      if (typeof rule !== 'string') fail(where, 'x-kubernetes-validations entry without rule');
      for (const k of Object.keys(r)) {
        if (!['rule', 'message', 'messageExpression', 'fieldPath', 'reason', 'optionalOldSelf'].includes(k)) {
          fail(where, `unknown x-kubernetes-validations key ${k}`);
        }
      }
      const optionalOldSelf = r.optionalOldSelf === true;
      const cls = classifyRule({ rule, optionalOldSelf, hasUnorderedLists: unordered });
      const entry: RuleEntry = {
        rule,
        ...(typeof r.message === 'string' && r.message !== '' ? { message: r.message } : {}),
        ...(typeof r.messageExpression === 'string' && r.messageExpression !== ''
          ? { messageExpression: r.messageExpression, messageExpressionSupported: messageExpressionSupported(r.messageExpression) }
          : {}),
        ...(typeof r.fieldPath === 'string' && r.fieldPath !== '' ? { fieldPath: normalizeFieldPath(r.fieldPath, s, where) } : {}),
        ...(typeof r.reason === 'string' && r.reason !== '' ? { reason: r.reason } : {}),
        ...(optionalOldSelf ? { optionalOldSelf } : {}),
        status: cls.status,
        ...(cls.why !== undefined ? { why: cls.why } : {}),
      };
      const key = literal(entry as unknown as Json);
      let index = this.ruleKeys.get(key);
      if (index === undefined) {
        index = this.rules.length;
        this.rules.push(entry);
        this.ruleKeys.set(key, index);
      }
      return index;
    });
  }

  /** Records where every rule sits (for the inventory), walking the whole schema. */
  recordSites(s: Schema, crd: string, kind: string, version: string, path: string): void {
    if (rulesOf(s).length > 0) {
      for (const rule of this.ruleIndexes(s, `${crd} ${path || '(root)'}`)) this.sites.push({ crd, kind, version, schemaPath: path, rule });
    }
    for (const [k, p] of props(s)) this.recordSites(p, crd, kind, version, path === '' ? k : `${path}.${k}`);
    const it = items(s);
    if (it !== undefined) this.recordSites(it, crd, kind, version, `${path}[]`);
    const ap = additional(s);
    if (ap !== undefined) this.recordSites(ap, crd, kind, version, `${path}{}`);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      subschemas(s, key).forEach((sub, i) => {
        if (rulesOf(sub).length > 0 && key !== 'allOf') fail(`${crd} ${path}`, `x-kubernetes-validations inside ${key}`);
        this.recordSites(sub, crd, kind, version, `${path}(${key}[${i}])`);
      });
    }
  }

  // ---------------------------------------------------------------- validators

  private checkKeywords(s: Schema, where: string): void {
    for (const k of Object.keys(s)) if (!KNOWN_KEYWORDS.has(k)) fail(where, `unsupported schema keyword ${k}`);
    const t = s.type;
    if (t !== undefined && !['object', 'array', 'string', 'integer', 'number', 'boolean'].includes(t as string)) {
      fail(where, `unsupported type ${String(t)}`);
    }
    const lt = s['x-kubernetes-list-type'];
    if (lt !== undefined && !['atomic', 'set', 'map'].includes(lt as string)) fail(where, `unsupported x-kubernetes-list-type ${String(lt)}`);
    if (s.not !== undefined && !isObj(s.not)) fail(where, 'not must be a schema');
  }

  /** Whether a node is checked inline (a scalar without rules or combinators). */
  private isLeaf(s: Schema): boolean {
    const t = s.type;
    return (t === 'string' || t === 'integer' || t === 'number' || t === 'boolean')
      && rulesOf(s).length === 0 && s.allOf === undefined && s.anyOf === undefined && s.oneOf === undefined
      && s.not === undefined && !isTrue(s, 'x-kubernetes-int-or-string');
  }

  /** Statements that check the value in variable `v` (never undefined) at path expression `p`. */
  private check(s: Schema, mode: Mode, v: string, p: string, where: string): string[] {
    this.checkKeywords(s, where);
    if (!this.isLeaf(s)) return [`${this.validator(s, mode, where)}(${v}, ${p}, r);`];
    const out: string[] = [];
    const nullable = isTrue(s, 'nullable');
    const t = s.type as string;
    const typeTest = {
      string: `typeof ${v} !== 'string'`,
      boolean: `typeof ${v} !== 'boolean'`,
      integer: `typeof ${v} !== 'number' || !Number.isInteger(${v})`,
      number: `typeof ${v} !== 'number' || !Number.isFinite(${v})`,
    }[t]!;
    out.push(`if (${v} === null) {${nullable ? '' : ` r.nul(${p});`} }`);
    out.push(`else if (${typeTest}) r.type(${p}, ${v}, '${t}');`);
    const scalar = this.scalarChecks(s, v, p, t, where);
    if (scalar.length > 0) out.push('else {', ...scalar.map((l) => `  ${l}`), '}');
    return out;
  }

  /** Checks for a value already known to be of scalar type `t`. */
  private scalarChecks(s: Schema, v: string, p: string, t: string, where: string): string[] {
    const out: string[] = [];
    if (t === 'string') {
      const minLength = num(s, 'minLength');
      const maxLength = num(s, 'maxLength');
      if (minLength !== undefined && minLength > 0) {
        out.push(`if (${v}.length < ${2 * minLength} && r.cp(${v}) < ${minLength}) r.minLength(${p}, ${v}, ${minLength});`);
      }
      if (maxLength !== undefined) out.push(`if (${v}.length > ${maxLength} && r.cp(${v}) > ${maxLength}) r.maxLength(${p}, ${v}, ${maxLength});`);
      const pattern = s.pattern;
      if (pattern !== undefined) {
        if (typeof pattern !== 'string') fail(where, 'pattern must be a string');
        const js = jsRegExp(pattern);
        const src = JSON.stringify(pattern);
        if (js !== undefined) out.push(`if (!${this.constant('P', js)}.test(${v})) r.pattern(${p}, ${v}, ${src});`);
        else out.push(`if (!r.re2(${src}, ${v})) r.pattern(${p}, ${v}, ${src});`);
      }
      const format = typeof s.format === 'string' ? s.format.replace(/-/g, '') : '';
      if (format !== '' && KUBERNETES_FORMATS.has(format)) {
        if (!IMPLEMENTED_FORMATS.has(format)) fail(where, `format ${String(s.format)} is validated by the API server but not implemented here`);
        if (format !== 'password') out.push(`if (!r.f.${format}(${v})) r.format(${p}, ${v}, '${String(s.format)}', ${CEL_TYPED_FORMATS.has(format)});`);
      }
    }
    if (t === 'integer' || t === 'number') {
      if (t === 'integer' && s.format === 'int32') out.push(`if (${v} < -2147483648 || ${v} > 2147483647) r.range(${p}, ${v}, 'int32');`);
      if (t === 'integer' && s.format === 'int64') out.push(`if (${v} < -9223372036854775808 || ${v} > 9223372036854775807) r.range(${p}, ${v}, 'int64');`);
      const min = num(s, 'minimum');
      const max = num(s, 'maximum');
      const exMin = isTrue(s, 'exclusiveMinimum');
      const exMax = isTrue(s, 'exclusiveMaximum');
      if (min !== undefined) out.push(`if (${v} ${exMin ? '<=' : '<'} ${min}) r.min(${p}, ${v}, ${min}, ${exMin});`);
      if (max !== undefined) out.push(`if (${v} ${exMax ? '>=' : '>'} ${max}) r.max(${p}, ${v}, ${max}, ${exMax});`);
      const multipleOf = num(s, 'multipleOf');
      if (multipleOf !== undefined) {
        if (t === 'integer' && Number.isInteger(multipleOf)) out.push(`if (${v} % ${multipleOf} !== 0) r.multipleOf(${p}, ${v}, ${multipleOf});`);
        else out.push(`if (!r.isMultiple(${v}, ${multipleOf})) r.multipleOf(${p}, ${v}, ${multipleOf});`);
      }
    }
    const en = s.enum;
    if (en !== undefined) {
      if (!Array.isArray(en)) fail(where, 'enum must be a list');
      const allowed = this.constant('E', literal(en));
      if (en.every((e) => typeof e === 'string') && en.length <= 4) {
        out.push(`if (${en.map((e) => `${v} !== ${JSON.stringify(e)}`).join(' && ') || 'true'}) r.enumv(${p}, ${v}, ${allowed});`);
      } else {
        out.push(`if (!r.inEnum(${v}, ${allowed})) r.enumv(${p}, ${v}, ${allowed});`);
      }
    }
    return out;
  }

  /** The name of the function validating nodes like `s` (emitting it on first use). */
  private validator(s: Schema, mode: Mode, where: string): string {
    const key = `${mode}:${canonical(s as Json, true)}`;
    const known = this.validators.get(key);
    if (known !== undefined) return known;
    const name = this.id('v');
    this.validators.set(key, name);
    const body = this.validatorBody(s, mode, where, 'p', false, undefined);
    this.functions.push(`function ${name}(v: unknown, p: string, r: R): void {`, ...body.map((l) => `  ${l}`), '}');
    return name;
  }

  /**
   * The statements of a validator function. `rootNamespaced` is set for the root of a custom
   * resource (whose apiVersion, kind and metadata the API server treats specially).
   */
  private validatorBody(s: Schema, mode: Mode, where: string, p: string, isRoot: boolean, rootNamespaced: boolean | undefined): string[] {
    this.checkKeywords(s, where);
    const out: string[] = [];
    const t = s.type as string | undefined;
    const intOrString = isTrue(s, 'x-kubernetes-int-or-string');
    const nullable = isTrue(s, 'nullable');
    const ruleIdx = this.ruleIndexes(s, where);
    const rules = ruleIdx.length > 0 ? this.constant('R', `[${ruleIdx.join(', ')}]`) : undefined;
    const blocked = rules === undefined ? '' : ` r.celBlocked(${p}, ${rules});`;
    const child = (k: string): string => (isRoot ? JSON.stringify(k) : `${p} + ${JSON.stringify(`.${k}`)}`);

    if (!isRoot) out.push(`if (v === null) {${nullable ? '' : ` r.nul(${p});`} return; }`);
    if (rules !== undefined) out.push('const b = r.blocking;');

    if (intOrString) {
      out.push(`if (typeof v !== 'string' && (typeof v !== 'number' || !Number.isInteger(v))) { r.type(${p}, v, 'integer or string');${blocked} return; }`);
      const strChecks = this.scalarChecks({ ...s, enum: undefined }, 'v', p, 'string', where);
      const numChecks = this.scalarChecks({ ...s, enum: undefined }, 'v', p, 'integer', where);
      if (strChecks.length > 0) out.push("if (typeof v === 'string') {", ...strChecks.map((l) => `  ${l}`), '}');
      if (numChecks.length > 0) out.push("if (typeof v === 'number') {", ...numChecks.map((l) => `  ${l}`), '}');
      out.push(...this.scalarChecks({ enum: s.enum }, 'v', p, '', where));
    } else if (t === 'object' || (t === undefined && ['properties', 'additionalProperties', 'required', 'minProperties', 'maxProperties'].some((k) => s[k] !== undefined))) {
      if (!isRoot) {
        if (t === 'object' || mode === 'spine') out.push(`if (typeof v !== 'object' || Array.isArray(v)) { r.type(${p}, v, 'object');${blocked} return; }`);
        else out.push("if (typeof v !== 'object' || Array.isArray(v)) return;");
      }
      out.push('const o = v as Obj;');
      out.push(...this.objectChecks(s, mode, where, p, isRoot, rootNamespaced, child));
    } else if (t === 'array') {
      out.push(`if (!Array.isArray(v)) { r.type(${p}, v, 'array');${blocked} return; }`);
      out.push(...this.arrayChecks(s, mode, where, p));
    } else if (t !== undefined) {
      // A scalar with rules or combinators (plain scalars are inlined by check()).
      const typeTest = {
        string: "typeof v !== 'string'",
        boolean: "typeof v !== 'boolean'",
        integer: "typeof v !== 'number' || !Number.isInteger(v)",
        number: "typeof v !== 'number' || !Number.isFinite(v)",
      }[t]!;
      if (mode === 'spine' || rules !== undefined) out.push(`if (${typeTest}) { r.type(${p}, v, '${t}');${blocked} return; }`);
      else out.push(`if (${typeTest}) return;`);
      out.push(...this.scalarChecks(s, 'v', p, t, where));
    } else if (mode === 'value' || isTrue(s, 'x-kubernetes-preserve-unknown-fields')) {
      // No type: any value (x-kubernetes-preserve-unknown-fields, or a nested value validation).
      out.push(...this.scalarChecks(s, 'v', p, '', where));
      for (const jsType of ['string', 'number']) {
        const c = this.scalarChecks({ ...s, enum: undefined }, 'v', p, jsType, where);
        if (c.length > 0) out.push(`if (typeof v === '${jsType}') {`, ...c.map((l) => `  ${l}`), '}');
      }
    } else {
      fail(where, 'schema node without type');
    }

    // Combinators (value validations only, as structural schemas require).
    for (const [i, sub] of subschemas(s, 'allOf').entries()) {
      out.push(`${this.validator(sub, 'value', `${where}(allOf[${i}])`)}(v, ${p}, r);`);
    }
    const anyOf = subschemas(s, 'anyOf');
    const isIntOrStringAnyOf = intOrString && anyOf.length === 2 && anyOf.every((a) => Object.keys(a).length === 1)
      && anyOf.map((a) => a.type).join(',') === 'integer,string';
    if (anyOf.length > 0 && !isIntOrStringAnyOf) {
      const fns = anyOf.map((sub, i) => this.validator(sub, 'value', `${where}(anyOf[${i}])`));
      out.push(`if (${fns.map((f) => `!r.probe(${f}, v, ${p})`).join(' && ')}) r.combinator(${p}, v, 'anyOf', ${fns.length});`);
    }
    const oneOf = subschemas(s, 'oneOf');
    if (oneOf.length > 0) {
      const fns = oneOf.map((sub, i) => this.validator(sub, 'value', `${where}(oneOf[${i}])`));
      out.push(`if (${fns.map((f) => `(r.probe(${f}, v, ${p}) ? 1 : 0)`).join(' + ')} !== 1) r.combinator(${p}, v, 'oneOf', ${fns.length});`);
    }
    if (isObj(s.not)) {
      const fn = this.validator(s.not as Schema, 'value', `${where}(not)`);
      out.push(`if (r.probe(${fn}, v, ${p})) r.combinator(${p}, v, 'not', 1);`);
    }

    if (rules !== undefined) {
      const convert = this.converter(s, where, isRoot || isTrue(s, 'x-kubernetes-embedded-resource'));
      out.push(`if (r.blocking === b) r.cel(${p}, v, ${rules}, ${convert}); else r.celBlocked(${p}, ${rules});`);
    }
    return out;
  }

  private objectChecks(s: Schema, mode: Mode, where: string, p: string, isRoot: boolean, rootNamespaced: boolean | undefined,
    child: (k: string) => string): string[] {
    const out: string[] = [];
    const properties = props(s);
    const ap = s.additionalProperties;
    const embedded = isTrue(s, 'x-kubernetes-embedded-resource');
    const special = isRoot || embedded ? ['apiVersion', 'kind', 'metadata'] : [];
    const preserve = isTrue(s, 'x-kubernetes-preserve-unknown-fields');
    if (ap !== undefined && !isObj(ap) && typeof ap !== 'boolean') fail(where, 'additionalProperties must be a schema or boolean');
    const apSchema = additional(s);
    if (apSchema !== undefined && properties.length > 0) fail(where, 'properties and additionalProperties together');

    // Unknown fields: the API server prunes them (or rejects them with strict field validation).
    if (mode === 'spine' && apSchema === undefined && ap !== true && !preserve) {
      const known = [...new Set([...special, ...properties.map(([k]) => k)])].sort(compareText);
      const list = this.constant('K', literal(known));
      if (known.length === 0) {
        out.push(`for (const k in o) if (o[k] !== undefined) r.unknown(${p}, k, ${list});`);
      } else {
        out.push('for (const k in o) {', `  switch (k) { ${known.map((k) => `case ${JSON.stringify(k)}:`).join(' ')} break; default: if (o[k] !== undefined) r.unknown(${p}, k, ${list}); }`, '}');
      }
    }
    const required = s.required;
    if (required !== undefined) {
      if (!Array.isArray(required)) fail(where, 'required must be a list');
      for (const k of required) out.push(`if (o[${JSON.stringify(k)}] === undefined) r.required(${p}, ${JSON.stringify(k)});`);
    }
    const minP = num(s, 'minProperties');
    const maxP = num(s, 'maxProperties');
    if (minP !== undefined || maxP !== undefined) {
      out.push('const n = r.count(o);');
      if (minP !== undefined) out.push(`if (n < ${minP}) r.minProperties(${p}, n, ${minP});`);
      if (maxP !== undefined) out.push(`if (n > ${maxP}) r.maxProperties(${p}, n, ${maxP});`);
    }
    if (isRoot) out.push(`r.meta("metadata", o.metadata, ${String(rootNamespaced)}, true);`);
    if (embedded) out.push(`r.embedded(${p}, o);`);
    const visible = properties.filter(([k]) => !special.includes(k));
    if (visible.length > 0 || apSchema !== undefined) out.push('let x: unknown;');
    for (const [k, sub] of visible) {
      const lines = this.check(sub, mode, 'x', child(k), `${where}.${k}`);
      out.push(`x = o[${JSON.stringify(k)}];`);
      if (lines.length === 1) out.push(`if (x !== undefined) ${lines[0]}`);
      else out.push('if (x !== undefined) {', ...lines.map((l) => `  ${l}`), '}');
    }
    if (apSchema !== undefined) {
      const lines = this.check(apSchema, mode, 'x', isRoot ? "'[' + k + ']'" : `${p} + '[' + k + ']'`, `${where}{}`);
      out.push('for (const k in o) {', '  x = o[k];', '  if (x === undefined) continue;', ...lines.map((l) => `  ${l}`), '}');
    }
    return out;
  }

  private arrayChecks(s: Schema, mode: Mode, where: string, p: string): string[] {
    const out: string[] = [];
    const minItems = num(s, 'minItems');
    const maxItems = num(s, 'maxItems');
    if (minItems !== undefined && minItems > 0) out.push(`if (v.length < ${minItems}) r.minItems(${p}, v.length, ${minItems});`);
    if (maxItems !== undefined) out.push(`if (v.length > ${maxItems}) r.maxItems(${p}, v.length, ${maxItems});`);
    const it = items(s);
    if (it === undefined) {
      if (mode === 'spine') fail(where, 'array without items');
    } else {
      const lines = this.check(it, mode, 'x', `${p} + '[' + i + ']'`, `${where}[]`);
      out.push('for (let i = 0; i < v.length; i++) {', '  const x: unknown = v[i] ?? null;', ...lines.map((l) => `  ${l}`), '}');
    }
    const listType = s['x-kubernetes-list-type'];
    if (listType === 'set') out.push(`r.unique(${p}, v, 'x-kubernetes-list-type: set');`);
    if (listType === 'map') {
      const keys = s['x-kubernetes-list-map-keys'];
      if (!Array.isArray(keys) || keys.length === 0) fail(where, 'x-kubernetes-list-type map without x-kubernetes-list-map-keys');
      out.push(`r.listMap(${p}, v, ${this.constant('K', literal(keys))});`);
    }
    if (isTrue(s, 'uniqueItems') && listType !== 'set') out.push(`r.unique(${p}, v, 'uniqueItems');`);
    return out;
  }

  // ---------------------------------------------------------------- defaults

  /** The name of a function returning `v` with defaults applied, or undefined when none apply. */
  defaulter(s: Schema): string | undefined {
    if (!hasDefaults(s)) return undefined;
    const key = canonical(s as Json, true);
    const known = this.defaulters.get(key);
    if (known !== undefined) return known;
    const name = this.id('d');
    this.defaulters.set(key, name);
    const out: string[] = [];
    const it = items(s);
    if (s.type === 'array' && it !== undefined) {
      const sub = this.defaulter(it);
      const def = it.default !== undefined ? this.constant('D', literal(applyDefaults(it.default as Json, it))) : undefined;
      out.push('if (!Array.isArray(v)) return v;', 'let c: unknown[] | undefined;');
      out.push('for (let i = 0; i < v.length; i++) {', '  const x: unknown = v[i];');
      if (def !== undefined) out.push(`  if (x === undefined) { (c ??= v.slice())[i] = ${def}; continue; }`);
      if (sub !== undefined) out.push(`  const y = ${sub}(x);`, '  if (y !== x) (c ??= v.slice())[i] = y;');
      out.push('}', 'return c ?? v;');
    } else {
      out.push("if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;");
      out.push('const o = v as Obj;', 'let c: Obj | undefined;', 'let x: unknown;', 'let y: unknown;');
      for (const [k, p] of props(s)) {
        const sub = this.defaulter(p);
        const def = p.default !== undefined ? this.constant('D', literal(applyDefaults(p.default as Json, p))) : undefined;
        if (def === undefined && sub === undefined) continue;
        const kk = JSON.stringify(k);
        out.push(`x = o[${kk}];`);
        if (def !== undefined && sub !== undefined) {
          out.push(`if (x === undefined) (c ??= { ...o })[${kk}] = ${def};`, `else { y = ${sub}(x); if (y !== x) (c ??= { ...o })[${kk}] = y; }`);
        } else if (def !== undefined) {
          out.push(`if (x === undefined) (c ??= { ...o })[${kk}] = ${def};`);
        } else {
          out.push(`if (x !== undefined) { y = ${sub!}(x); if (y !== x) (c ??= { ...o })[${kk}] = y; }`);
        }
      }
      const ap = additional(s);
      if (ap !== undefined) {
        const sub = this.defaulter(ap);
        if (sub !== undefined) out.push('for (const k in o) {', '  x = o[k];', `  if (x !== undefined) { y = ${sub}(x); if (y !== x) (c ??= { ...o })[k] = y; }`, '}');
      }
      out.push('return c ?? o;');
    }
    this.functions.push(`function ${name}(v: unknown): unknown {`, ...out.map((l) => `  ${l}`), '}');
    return name;
  }

  // ---------------------------------------------------------------- CEL values

  /** An expression converting `x` (valid for schema `s`, not null) into its CEL value. */
  private convertExpr(s: Schema, x: string, where: string): string {
    if (isTrue(s, 'x-kubernetes-int-or-string')) return `(typeof ${x} === 'number' ? BigInt(${x}) : ${x})`;
    switch (s.type) {
      case 'integer': return `BigInt(${x} as number)`;
      case 'number':
      case 'boolean': return x;
      case 'string': {
        const format = typeof s.format === 'string' ? s.format.replace(/-/g, '') : '';
        if (format === 'date' || format === 'datetime') return `r.timestamp(${x} as string, '${format}')`;
        if (format === 'byte') return `r.bytes(${x} as string)`;
        return x;
      }
      case 'object':
      case 'array':
        return `${this.converter(s, where, isTrue(s, 'x-kubernetes-embedded-resource'))}(${x}, r)`;
      default:
        return `r.dyn(${x})`;
    }
  }

  /** The name of a function converting a node's value into the value CEL sees as `self`. */
  private converter(s: Schema, where: string, resourceRoot: boolean): string {
    const key = `${String(resourceRoot)}:${canonical(s as Json, true)}`;
    const known = this.converters.get(key);
    if (known !== undefined) return known;
    const name = this.id('c');
    this.converters.set(key, name);
    const out: string[] = [];
    if (s.type === 'object' || (s.type === undefined && s.properties !== undefined)) {
      const ap = additional(s);
      if (s.properties !== undefined || resourceRoot) {
        out.push('const o = new Map<string, unknown>();', 'let x: unknown;');
        if (resourceRoot) {
          out.push("x = v.apiVersion; if (typeof x === 'string') o.set('apiVersion', x);", "x = v.kind; if (typeof x === 'string') o.set('kind', x);");
          out.push("x = v.metadata; if (x != null) o.set('metadata', r.celMeta(x));");
        }
        for (const [k, p] of props(s)) {
          if (resourceRoot && (k === 'apiVersion' || k === 'kind' || k === 'metadata')) continue;
          const escaped = celEscape(k);
          if (escaped === undefined) continue; // Kubernetes leaves unescapable names out of the CEL type.
          out.push(`x = v[${JSON.stringify(k)}]; if (x != null) o.set(${JSON.stringify(escaped)}, ${this.convertExpr(p, 'x', `${where}.${k}`)});`);
        }
        out.push('return o;');
      } else if (ap !== undefined) {
        out.push('const m = new Map<string, unknown>();', 'for (const k in v) {', '  const x: unknown = v[k];', '  if (x === undefined) continue;',
          `  m.set(k, x === null ? null : ${this.convertExpr(ap, 'x', `${where}{}`)});`, '}', 'return m;');
      } else {
        // Neither properties nor additionalProperties: Kubernetes shows no fields.
        out.push('return new Map<string, unknown>();');
      }
    } else if (s.type === 'array') {
      const it = items(s) ?? fail(where, 'array without items');
      out.push(`return (v as unknown[]).map((x) => (x == null ? null : ${this.convertExpr(it, 'x', `${where}[]`)}));`);
    } else {
      out.push(`const x: unknown = v;`, `return ${this.convertExpr(s, 'x', where)};`);
    }
    this.functions.push(`function ${name}(v: any, r: R): unknown {`, ...out.map((l) => `  ${l}`), '}');
    return name;
  }

  // ---------------------------------------------------------------- CRDs

  addCrd(doc: { [key: string]: Json }): void {
    const spec = doc.spec;
    const metadata = doc.metadata;
    if (doc.kind !== 'CustomResourceDefinition' || !isObj(spec) || !isObj(metadata)) return;
    const crd = String(metadata.name);
    const names = spec.names as { [key: string]: Json };
    const kind = String(names.kind);
    const group = String(spec.group);
    const namespaced = spec.scope === 'Namespaced';
    if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') fail(crd, `unknown scope ${String(spec.scope)}`);
    const versions = spec.versions as { [key: string]: Json }[];
    for (const version of versions) {
      if (version.served !== true) continue;
      const vname = String(version.name);
      const schema = (version.schema as { [key: string]: Json } | undefined)?.openAPIV3Schema as Schema | undefined;
      if (schema === undefined) fail(crd, `version ${vname} has no openAPIV3Schema`);
      const where = `${crd}/${vname}`;
      this.recordSites(schema, crd, kind, vname, '');
      const validate = this.id('root');
      const body = this.validatorBody(schema, 'spine', where, '""', true, namespaced);
      this.functions.push(`function ${validate}(v: Obj, r: R): void {`, ...body.map((l) => `  ${l}`), '}');
      this.kinds.push({ group, version: vname, kind, crd, namespaced, validate, defaults: this.defaulter(schema) });
    }
  }

  render(source: string): string {
    const header = [
      '/* eslint-disable */',
      '// GENERATED FILE, DO NOT EDIT.',
      `// Compiled from ${source} by scripts/gen-validators.ts. Regenerate with:`,
      `//   npx tsx scripts/gen-validators.ts ${source} imports/validators.ts`,
      '//',
      '// Straight-line validators for the structural schemas of the CRDs (one function per',
      '// distinct object/array node), defaulters that apply the schemas\' defaults the way the',
      '// API server does before validating, and converters producing the typed values CEL rules',
      '// see as `self`. The rule sources are embedded below; they are compiled lazily at run time.',
      '// The run-time helpers (messages, formats, metadata, CEL) come in as a ValidatorRuntime.',
    ];
    const types = `
/** A JSON object. */
export type Obj = Record<string, unknown>;

/** The checks a validator may fail; implemented by src/synth/schema/collector.ts. */
export interface ValidatorRuntime {
  /** Count of errors after which the API server would not run CEL rules (type, required, enum, too long, too many). */
  readonly blocking: number;
  readonly f: { readonly [format: string]: (value: string) => boolean };
  type(path: string, value: unknown, expected: string): void;
  nul(path: string): void;
  unknown(path: string, key: string, allowed: readonly string[]): void;
  required(path: string, key: string): void;
  enumv(path: string, value: unknown, allowed: readonly unknown[]): void;
  inEnum(value: unknown, allowed: readonly unknown[]): boolean;
  range(path: string, value: number, format: 'int32' | 'int64'): void;
  min(path: string, value: number, bound: number, exclusive: boolean): void;
  max(path: string, value: number, bound: number, exclusive: boolean): void;
  multipleOf(path: string, value: number, factor: number): void;
  isMultiple(value: number, factor: number): boolean;
  cp(value: string): number;
  minLength(path: string, value: string, bound: number): void;
  maxLength(path: string, value: string, bound: number): void;
  pattern(path: string, value: string, pattern: string): void;
  re2(pattern: string, value: string): boolean;
  format(path: string, value: string, format: string, blocksCel: boolean): void;
  minItems(path: string, count: number, bound: number): void;
  maxItems(path: string, count: number, bound: number): void;
  unique(path: string, items: readonly unknown[], why: string): void;
  listMap(path: string, items: readonly unknown[], keys: readonly string[]): void;
  count(value: Obj): number;
  minProperties(path: string, count: number, bound: number): void;
  maxProperties(path: string, count: number, bound: number): void;
  meta(path: string, value: unknown, namespaced: boolean | undefined, root: boolean): void;
  embedded(path: string, value: Obj): void;
  probe(check: Check, value: unknown, path: string): boolean;
  combinator(path: string, value: unknown, keyword: 'anyOf' | 'oneOf' | 'not', branches: number): void;
  cel(path: string, self: unknown, rules: readonly number[], convert: Convert): void;
  celBlocked(path: string, rules: readonly number[]): void;
  celMeta(value: unknown): unknown;
  timestamp(value: string, format: 'date' | 'datetime'): unknown;
  bytes(value: string): unknown;
  dyn(value: unknown): unknown;
}
type R = ValidatorRuntime;
/** A generated node validator. */
export type Check = (v: unknown, p: string, r: R) => void;
/** A generated converter to the CEL value of a node. */
export type Convert = (v: any, r: R) => unknown;

/** One x-kubernetes-validations rule (identical rules at several places share an entry). */
export interface CelRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  /** Whether messageExpression can be evaluated here; if not, message is used. */
  readonly messageExpressionSupported?: boolean;
  /** The rule's fieldPath, normalised to this project's path syntax (\`.a.b\`, \`[key]\`). */
  readonly fieldPath?: string;
  readonly reason?: string;
  readonly optionalOldSelf?: boolean;
  /** evaluated: checked here; transition: reads oldSelf, skipped on create; unsupported: cannot be evaluated here (see why). */
  readonly status: 'evaluated' | 'transition' | 'unsupported';
  readonly why?: string;
}

/** Where a rule sits in the bundle (one entry per occurrence). */
export interface CelRuleSite {
  readonly crd: string;
  readonly kind: string;
  readonly version: string;
  /** The schema path: \`spec.disk.image\`, \`[]\` for list items, \`{}\` for map values. */
  readonly schemaPath: string;
  /** Index into CEL_RULES. */
  readonly rule: number;
}

/** The validator of one served version of one CRD. */
export interface KindValidator {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly crd: string;
  readonly namespaced: boolean;
  /** Returns the object with the schema defaults applied (a copy where anything was added). */
  readonly defaults: (v: Obj) => Obj;
  readonly validate: (v: Obj, r: R) => void;
}
`;
    const ruleLines = this.rules.map((r) => `  ${literal(r as unknown as Json)},`);
    const siteLines = this.sites.map((s) => `  ${literal(s as unknown as Json)},`);
    const kindLines = [...this.kinds]
      .sort((a, b) => compareText(`${a.group}/${a.version}/${a.kind}`, `${b.group}/${b.version}/${b.kind}`))
      .map((k) => `  { group: ${JSON.stringify(k.group)}, version: ${JSON.stringify(k.version)}, kind: ${JSON.stringify(k.kind)}, `
        + `crd: ${JSON.stringify(k.crd)}, namespaced: ${String(k.namespaced)}, defaults: ${k.defaults === undefined ? '(v) => v' : `(v) => ${k.defaults}(v) as Obj`}, validate: ${k.validate} },`);
    return [
      ...header,
      types,
      '/** Every distinct rule, with what the validator does with it. */',
      'export const CEL_RULES: readonly CelRule[] = [', ...ruleLines, '];',
      '',
      '/** Every occurrence of a rule in the bundle. */',
      'export const CEL_RULE_SITES: readonly CelRuleSite[] = [', ...siteLines, '];',
      '',
      ...this.constantLines,
      '',
      ...this.functions,
      '',
      '/** One validator per served CRD version, sorted by group, version and kind. */',
      'export const KINDS: readonly KindValidator[] = [', ...kindLines, '];',
      '',
    ].join('\n');
  }
}

/**
 * A JavaScript RegExp literal with the same meaning as the RE2 `pattern`, or undefined when the
 * pattern uses anything whose meaning differs between the two (it is then run with RE2).
 */
export function jsRegExp(pattern: string): string | undefined {
  // Escapes with the same meaning in RE2 and JavaScript (with the u flag).
  const safeEscape = /\\[.\-+*?()[\]{}|^$/\\dDwWbBnrt]/g;
  const rest = pattern.replace(safeEscape, '');
  if (rest.includes('\\') || rest.includes('(?')) return undefined;
  // An unescaped '.' outside a class: RE2 excludes only \n, JavaScript also \r, U+2028, U+2029.
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '.' && !inClass) return undefined;
  }
  if (rest.includes('[[:')) return undefined;
  try {
    new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  return `new RegExp(${JSON.stringify(pattern)}, 'u')`;
}

/** What {@link generateValidators} produced. */
export interface Generated {
  /** The TypeScript module. */
  readonly code: string;
  readonly kinds: number;
  /** Rule occurrences by status. */
  readonly rules: { readonly evaluated: number; readonly transition: number; readonly unsupported: number };
}

/** Compiles the CRDs in a multi-document YAML text into a validator module. */
export function generateValidators(yamlText: string, sourceLabel: string): Generated {
  const generator = new Generator();
  for (const doc of parseAllDocuments(yamlText)) {
    if (doc.errors.length > 0) throw new Error(`${sourceLabel}: ${doc.errors[0]!.message}`);
    const value = doc.toJS() as Json;
    if (isObj(value)) generator.addCrd(value);
  }
  const rules = { evaluated: 0, transition: 0, unsupported: 0 };
  for (const site of generator.sites) rules[generator.rules[site.rule]!.status as keyof typeof rules] += 1;
  return { code: generator.render(sourceLabel), kinds: generator.kinds.length, rules };
}

function main(argv: readonly string[]): void {
  const [input, output] = argv;
  if (input === undefined || output === undefined) {
    throw new Error('usage: npx tsx scripts/gen-validators.ts BUNDLE.yaml OUTPUT.ts');
  }
  const generated = generateValidators(readFileSync(input, 'utf8'), input.replace(/\\/g, '/'));
  writeFileSync(output, generated.code);
  const { evaluated, transition, unsupported } = generated.rules;
  process.stdout.write(`${output}: ${generated.kinds} kinds; CEL rules: ${evaluated} evaluated, ${transition} transition (skipped), ${unsupported} unsupported\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
