/**
 * The CEL environment used for CRD `x-kubernetes-validations` rules, and the static check that
 * decides, once per rule, whether this environment can evaluate it the way the Kubernetes API
 * server does.
 *
 * The API server compiles rules with cel-go plus Kubernetes' own libraries (lists, regex, URLs,
 * quantities, IP/CIDR, format, semver, sets, optionals, two-variable comprehensions). This
 * project evaluates rules with `@bufbuild/cel`, which has the CEL standard library, the macros
 * (`has`, `all`, `exists`, `exists_one`, `map`, `filter`) and the strings extension, but none of
 * the Kubernetes additions. A rule that needs something missing is classified `unsupported`
 * with the reason, so it is counted and reported instead of passing silently.
 */
import { celEnv, parse, plan, type CelEnv } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

/** What the validator does with one rule. */
export type RuleStatus = 'evaluated' | 'transition' | 'unsupported';

/** The outcome of {@link classifyRule}. */
export interface RuleClass {
  readonly status: RuleStatus;
  /** Why a rule is skipped; absent for evaluated rules. */
  readonly why?: string;
}

/** What the classifier needs to know about a rule and the schema node it sits on. */
export interface RuleToClassify {
  readonly rule: string;
  readonly optionalOldSelf?: boolean;
  /**
   * Whether `self` contains lists with `x-kubernetes-list-type: set` or `map`. Kubernetes
   * compares those without regard to order; `@bufbuild/cel` compares lists in order.
   */
  readonly hasUnorderedLists?: boolean;
}

/**
 * Strings-extension functions left out: their output formatting is not guaranteed to match
 * cel-go's strings extension version 2, which Kubernetes uses.
 */
const EXCLUDED_FUNCTIONS = new Set(['format', 'strings.quote']);

let env: CelEnv | undefined;

/** The shared CEL environment (created on first use). */
export function celEnvironment(): CelEnv {
  env ??= celEnv({ funcs: strings.filter((f) => !EXCLUDED_FUNCTIONS.has(f.name)) });
  return env;
}

/** Operators the planner implements itself (they are not in the function resolver). */
const BUILTIN_CALLS = new Set(['_&&_', '_||_', '_?_:_', '_[_]', '@not_strictly_false', '@in']);

/** Functions that exist only in Kubernetes' CEL environment, by library, for precise reasons. */
const KUBERNETES_ONLY: ReadonlyMap<string, string> = new Map([
  ...['isSorted', 'sum', 'min', 'max'].map((n) => [n, 'lists'] as const),
  ...['find', 'findAll'].map((n) => [n, 'regex'] as const),
  ...['url', 'isURL', 'getScheme', 'getHost', 'getHostname', 'getPort', 'getEscapedPath', 'getQuery'].map((n) => [n, 'URLs'] as const),
  ...['quantity', 'isQuantity', 'sign', 'isGreaterThan', 'isLessThan', 'compareTo', 'add', 'sub', 'asInteger',
    'asApproximateFloat', 'isInteger'].map((n) => [n, 'quantity'] as const),
  ...['ip', 'isIP', 'family', 'isUnspecified', 'isLoopback', 'isLinkLocalMulticast', 'isLinkLocalUnicast',
    'isGlobalUnicast', 'isCanonical', 'ip.isCanonical'].map((n) => [n, 'IP'] as const),
  ...['cidr', 'isCIDR', 'containsIP', 'containsCIDR', 'masked', 'prefixLength'].map((n) => [n, 'CIDR'] as const),
  ...['format.named', 'validate'].map((n) => [n, 'format'] as const),
  ...['semver', 'isSemver', 'major', 'minor', 'patch'].map((n) => [n, 'semver'] as const),
  ...['sets.contains', 'sets.equivalent', 'sets.intersects'].map((n) => [n, 'sets'] as const),
  ...['optional.of', 'optional.none', 'optional.ofNonZeroValue', 'orValue', 'or', 'hasValue', 'value'].map((n) => [n, 'optional types'] as const),
  ...['all', 'exists', 'transformList', 'transformMap', 'transformMapEntry', 'existsOne'].map((n) => [n, 'two-variable comprehensions'] as const),
  ...['cel.bind', 'base64.encode', 'base64.decode', 'math.greatest', 'math.least'].map((n) => [n, 'cel-go extensions'] as const),
]);

/** Whether the environment has a function `name` callable as a method (or not) with `arity` arguments. */
function hasFunction(name: string, method: boolean, arity: number): boolean {
  const group = celEnvironment().funcs.find(name);
  if (group === undefined) return false;
  for (const f of group) {
    if ((f.target !== undefined) === method && f.arguments.length === arity) return true;
  }
  return false;
}

/** The dotted name of `a.b.c` (identifiers and field selections only), or undefined. */
function qualifiedName(expr: Expr | undefined): string | undefined {
  if (expr === undefined) return undefined;
  const kind = expr.exprKind;
  if (kind.case === 'identExpr') return kind.value.name;
  if (kind.case === 'selectExpr' && !kind.value.testOnly) {
    const operand = qualifiedName(kind.value.operand);
    return operand === undefined ? undefined : `${operand}.${kind.value.field}`;
  }
  return undefined;
}

/** A minimal view of the parsed expression tree (the cel-spec `Expr` message). */
interface Expr {
  readonly exprKind:
    | { readonly case: 'identExpr'; readonly value: { readonly name: string } }
    | { readonly case: 'selectExpr'; readonly value: { readonly operand?: Expr; readonly field: string; readonly testOnly: boolean } }
    | { readonly case: 'callExpr'; readonly value: { readonly function: string; readonly target?: Expr; readonly args: readonly Expr[] } }
    | { readonly case: 'listExpr'; readonly value: { readonly elements: readonly Expr[] } }
    | { readonly case: 'structExpr'; readonly value: { readonly entries: readonly { readonly mapKey?: Expr; readonly value?: Expr }[] } }
    | { readonly case: 'comprehensionExpr'; readonly value: {
      readonly iterRange?: Expr; readonly accuInit?: Expr; readonly loopCondition?: Expr;
      readonly loopStep?: Expr; readonly result?: Expr; readonly iterVar2: string;
    } }
    | { readonly case: 'constExpr' | undefined; readonly value?: unknown };
}

interface Usage {
  oldSelf: boolean;
  comparesValues: boolean;
  missing: string[];
}

function walk(expr: Expr | undefined, usage: Usage): void {
  if (expr === undefined) return;
  const kind = expr.exprKind;
  switch (kind.case) {
    case 'identExpr':
      if (kind.value.name === 'oldSelf') usage.oldSelf = true;
      return;
    case 'selectExpr':
      walk(kind.value.operand, usage);
      return;
    case 'callExpr': {
      const { function: name, target, args } = kind.value;
      if (name === '_==_' || name === '_!=_' || name === '@in') usage.comparesValues = true;
      const qualified = target === undefined ? undefined : qualifiedName(target);
      const known = BUILTIN_CALLS.has(name)
        || hasFunction(name, target !== undefined, args.length)
        || (qualified !== undefined && hasFunction(`${qualified}.${name}`, false, args.length));
      if (!known) usage.missing.push(qualified !== undefined && KUBERNETES_ONLY.has(`${qualified}.${name}`) ? `${qualified}.${name}` : name);
      walk(target, usage);
      for (const arg of args) walk(arg, usage);
      return;
    }
    case 'listExpr':
      for (const e of kind.value.elements) walk(e, usage);
      return;
    case 'structExpr':
      for (const e of kind.value.entries) { walk(e.mapKey, usage); walk(e.value, usage); }
      return;
    case 'comprehensionExpr': {
      const c = kind.value;
      if (c.iterVar2 !== '') usage.missing.push('two-variable comprehension');
      for (const e of [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result]) walk(e, usage);
      return;
    }
    default:
      return;
  }
}

function describeMissing(name: string): string {
  const library = KUBERNETES_ONLY.get(name);
  if (name === 'two-variable comprehension') return 'uses a two-variable comprehension (Kubernetes 1.32+), which @bufbuild/cel 0.6.1 does not support';
  if (library !== undefined) return `uses ${name}() from Kubernetes' ${library} CEL library, which @bufbuild/cel 0.6.1 does not provide`;
  return `uses ${name}(), which the @bufbuild/cel 0.6.1 environment here does not provide`;
}

/**
 * Decides how a rule is handled: `transition` when it reads `oldSelf` (the API server skips
 * those when an object is created, which is what applying generated manifests does),
 * `unsupported` when `@bufbuild/cel` cannot evaluate it as Kubernetes would, else `evaluated`.
 */
export function classifyRule(input: RuleToClassify): RuleClass {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(input.rule);
  } catch (error) {
    if (/\boldSelf\b/.test(input.rule) && input.optionalOldSelf !== true) {
      return { status: 'transition', why: 'reads oldSelf (transition rule; not evaluated on create)' };
    }
    return { status: 'unsupported', why: `@bufbuild/cel 0.6.1 cannot parse it: ${firstLine(error)}` };
  }
  const usage: Usage = { oldSelf: false, comparesValues: false, missing: [] };
  walk(parsed.expr as unknown as Expr, usage);
  if (usage.oldSelf) {
    if (input.optionalOldSelf === true) {
      return { status: 'unsupported', why: 'optionalOldSelf rules run on create with oldSelf = optional.none(); @bufbuild/cel 0.6.1 has no optional types' };
    }
    return { status: 'transition', why: 'reads oldSelf (transition rule; not evaluated on create)' };
  }
  if (usage.missing.length > 0) {
    return { status: 'unsupported', why: [...new Set(usage.missing)].map(describeMissing).join('; ') };
  }
  if (usage.comparesValues && input.hasUnorderedLists === true) {
    return {
      status: 'unsupported',
      why: 'compares values containing x-kubernetes-list-type set/map lists; Kubernetes ignores their order, @bufbuild/cel does not',
    };
  }
  try {
    plan(celEnvironment(), parsed);
  } catch (error) {
    return { status: 'unsupported', why: `@bufbuild/cel 0.6.1 cannot plan it: ${firstLine(error)}` };
  }
  return { status: 'evaluated' };
}

/** Whether a messageExpression can be evaluated here (when not, the rule's message is used). */
export function messageExpressionSupported(expression: string): boolean {
  return classifyRule({ rule: expression }).status === 'evaluated';
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
