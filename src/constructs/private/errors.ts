/**
 * Construct-time problems: a single bad prop throws at once, naming the construct's path and
 * the prop, with what was received, what is allowed and how to fix it.
 */
import type { IConstruct } from 'constructs';
import { ProblemCollector, type Layer, type ProblemDetails } from '../../problems.js';
import { dnsLabelProblem, dnsSubdomainProblem, labelValueProblems, qualifiedNameProblems } from './names.js';

/** The valid value nearest to `value` (rounding up to the step first), if one exists. */
function nearestValid(value: number, rule: { min?: number; max?: number; multipleOf?: number }): number | undefined {
  const step = rule.multipleOf ?? 1;
  let candidate = Math.max(value, rule.min ?? value);
  candidate = Math.ceil(candidate / step) * step;
  if (rule.max !== undefined && candidate > rule.max) candidate = Math.floor(rule.max / step) * step;
  if ((rule.min !== undefined && candidate < rule.min) || (rule.max !== undefined && candidate > rule.max)) return undefined;
  return candidate;
}

/** Collects problems about one construct's props and throws them together. */
export class PropChecker extends ProblemCollector {
  public constructor(private readonly scope: IConstruct) {
    super();
  }

  /** Records a problem with prop `prop` (a dotted path inside the props). */
  public override add(prop: string, message: string, details: ProblemDetails = {}): void {
    super.add(`${this.scope.node.path}: ${prop}`, message, details);
  }

  /** Records `message` when `ok` is false. */
  public check(ok: boolean, prop: string, message: string): void {
    if (!ok) this.add(prop, message);
  }

  /**
   * Checks an integer against inclusive bounds and an optional step; one message names every
   * rule the value breaks and the nearest value that keeps them all.
   */
  public integer(prop: string, value: number | undefined, rule: { min?: number; max?: number; multipleOf?: number }): void {
    if (value === undefined) return;
    if (!Number.isInteger(value)) {
      this.add(prop, `must be a whole number, got ${value}`);
      return;
    }
    const broken: string[] = [];
    if (rule.min !== undefined && value < rule.min) broken.push(`>= ${rule.min}`);
    if (rule.max !== undefined && value > rule.max) broken.push(`<= ${rule.max}`);
    if (rule.multipleOf !== undefined && value % rule.multipleOf !== 0) broken.push(`a multiple of ${rule.multipleOf}`);
    if (broken.length === 0) return;
    const rules = [rule.min !== undefined ? `>= ${rule.min}` : undefined, rule.max !== undefined ? `<= ${rule.max}` : undefined,
      rule.multipleOf !== undefined ? `a multiple of ${rule.multipleOf}` : undefined].filter((r) => r !== undefined);
    const fix = nearestValid(value, rule);
    this.add(prop, `must be ${rules.join(' and ')}, got ${value}${fix === undefined ? '' : `; use ${fix}`}`);
  }

  /** Checks a Kubernetes name that is also used as a label value (<= 63 characters). */
  public dnsLabel(prop: string, value: string | undefined): void {
    if (value === undefined) return;
    const problem = dnsLabelProblem(value);
    if (problem !== undefined) this.add(prop, problem);
  }

  /** Checks a Kubernetes object name. */
  public dnsSubdomain(prop: string, value: string | undefined): void {
    if (value === undefined) return;
    const problem = dnsSubdomainProblem(value);
    if (problem !== undefined) this.add(prop, problem);
  }

  /** Checks Kubernetes labels: keys are qualified names (`[prefix/]name`), values at most 63 characters. */
  public labels(prop: string, labels: Readonly<Record<string, string>> | undefined): void {
    for (const [key, value] of Object.entries(labels ?? {})) {
      for (const p of qualifiedNameProblems(key)) this.add(prop, `label key ${JSON.stringify(key)}: ${p}`);
      for (const p of labelValueProblems(value)) this.add(prop, `label ${JSON.stringify(key)} value ${JSON.stringify(value)}: ${p}`);
    }
  }

  /** Checks Kubernetes annotation keys (qualified names); values are free text. */
  public annotations(prop: string, annotations: Readonly<Record<string, string>> | undefined): void {
    for (const key of Object.keys(annotations ?? {})) {
      for (const p of qualifiedNameProblems(key)) this.add(prop, `annotation key ${JSON.stringify(key)}: ${p}`);
    }
  }

  /** Throws every recorded problem, if any (layer `construct`). */
  public override throwIfAny(layer: Layer = 'construct'): void {
    super.throwIfAny(layer);
  }
}
