/**
 * Dispatches objects to generated CRD validators by apiVersion and kind, runs them, and shapes
 * the results. Bound to the project's CRDs by ../validate.ts; tests bind it to validators
 * generated from their own CRDs.
 */
import type { Problem } from '../../problems.js';
import type { crdValidators } from '../../l1-validators.js';
import { compareText } from '../../vocabulary.js';

type CelRule = crdValidators.CelRule;
type KindValidator = crdValidators.KindValidator;
import { Collector, type Violation } from './collector.js';
import { comparePaths } from './paths.js';

/** What validating a set of objects did, besides finding problems. */
export interface ValidationStats {
  /** Objects given. */
  readonly objects: number;
  /** Objects of kinds without a CRD (core kinds and others), by kind, sorted by kind. */
  readonly unchecked: readonly { readonly kind: string; readonly count: number }[];
  /** CEL rule evaluations (a rule counts once per object and place it applies to). */
  readonly celEvaluated: number;
  /** Transition rules (reading oldSelf) skipped, as the API server does on create. */
  readonly celSkippedTransition: number;
  /** Rules this validator cannot evaluate (see celRuleInventory() for which and why). */
  readonly celSkippedUnsupported: number;
  /** Rules not evaluated because the value they check already failed a type, required, enum or size check. */
  readonly celSkippedInvalid: number;
}

/** Problems and stats of validating the objects of an output. */
export interface ValidationResult {
  readonly problems: Problem[];
  readonly stats: ValidationStats;
}

/**
 * Validation of an output's objects one at a time, in output order, so that each object can be
 * let go once it is checked. It keeps only what the result needs: labels, violations, counts.
 */
export interface ValidationSession {
  /** Validates the next object. */
  add(obj: Record<string, unknown>): void;
  /** The result for every object added: the same as `validateObjects` of them all. */
  finish(): ValidationResult;
}

/** Validation bound to one set of generated validators. */
export interface ObjectValidator {
  validateObject(obj: Record<string, unknown>): Violation[];
  validateObjects(objs: readonly Record<string, unknown>[]): ValidationResult;
  session(): ValidationSession;
}

/** Binds validation to the generated `kinds` and `rules` (KINDS and CEL_RULES of a generated module). */
export function createObjectValidator(kinds: readonly KindValidator[], rules: readonly CelRule[]): ObjectValidator {
  const byGroup = new Map<string, Map<string, Map<string, KindValidator>>>();
  for (const k of kinds) {
    const byKind = byGroup.get(k.group) ?? new Map<string, Map<string, KindValidator>>();
    byGroup.set(k.group, byKind);
    const byVersion = byKind.get(k.kind) ?? new Map<string, KindValidator>();
    byKind.set(k.kind, byVersion);
    byVersion.set(k.version, k);
  }
  const run = (obj: Record<string, unknown>): Outcome => runOne(obj, byGroup, kinds, rules);
  return {
    validateObject: (obj) => {
      const outcome = run(obj);
      return outcome.checked ? sortViolations(outcome.collector.violations) : [];
    },
    validateObjects: (objs) => {
      const session = createSession(run);
      for (const obj of objs) session.add(obj);
      return session.finish();
    },
    session: () => createSession(run),
  };
}

function failed(collector: Collector, path: string, message: string): Outcome {
  collector.violations.push({ path, message });
  return { checked: true, collector };
}

type Outcome =
  | { readonly checked: true; readonly collector: Collector }
  | { readonly checked: false; readonly kind: string };

function runOne(obj: Record<string, unknown>, byGroup: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, KindValidator>>>,
  kinds: readonly KindValidator[], rules: readonly CelRule[]): Outcome {
  const collector = new Collector(rules);
  const fail = (path: string, message: string): Outcome => failed(collector, path, message);
  const apiVersion = obj.apiVersion;
  const kind = obj.kind;
  if (typeof apiVersion !== 'string' || apiVersion === '') return fail('apiVersion', `is required, got ${JSON.stringify(apiVersion) ?? 'nothing'}`);
  if (typeof kind !== 'string' || kind === '') return fail('kind', `is required, got ${JSON.stringify(kind) ?? 'nothing'}`);
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const byKind = byGroup.get(group);
  if (byKind === undefined) return { checked: false, kind };
  const byVersion = byKind.get(kind);
  if (byVersion === undefined) {
    const elsewhere = kinds.filter((k) => k.kind === kind).map((k) => `${k.group}/${k.version}`);
    return fail('kind', `${kind} is not a kind of API group ${group} (its CRDs define ${[...byKind.keys()].sort(compareText).join(', ')})`
      + (elsewhere.length > 0 ? `; ${kind} is served as apiVersion ${elsewhere.join(', ')}` : ''));
  }
  const validator = byVersion.get(version);
  if (validator === undefined) {
    const served = [...byVersion.keys()].sort(compareText).map((v) => `${group}/${v}`);
    return fail('apiVersion', `${kind} is not served as ${apiVersion}; use ${served.join(' or ')}`);
  }
  validator.validate(validator.defaults(obj), collector);
  const blocked = collector.counts.skippedInvalid;
  if (blocked > 0) {
    collector.violations.push({
      path: '',
      message: `${blocked} CEL rule${blocked === 1 ? ' was' : 's were'} not evaluated because of the type, required, enum or size errors above; the API server checks ${blocked === 1 ? 'it' : 'them'} once those are fixed`,
    });
  }
  return { checked: true, collector };
}

function sortViolations(violations: readonly Violation[]): Violation[] {
  return [...violations].sort((a, b) => comparePaths(a.path, b.path) || compareText(a.message, b.message));
}

/** `Kind namespace/name` (or `Kind name` without a namespace) for problem paths. */
function objectLabel(obj: Record<string, unknown>): string {
  const kind = typeof obj.kind === 'string' && obj.kind !== '' ? obj.kind : '(no kind)';
  const metadata = typeof obj.metadata === 'object' && obj.metadata !== null ? (obj.metadata as Record<string, unknown>) : {};
  const name = typeof metadata.name === 'string' && metadata.name !== '' ? metadata.name : '(no name)';
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? `${metadata.namespace}/` : '';
  return `${kind} ${namespace}${name}`;
}

function createSession(run: (obj: Record<string, unknown>) => Outcome): ValidationSession {
  const found: { label: string; violation: Violation }[] = [];
  const unchecked = new Map<string, number>();
  const counts = { evaluated: 0, skippedTransition: 0, skippedUnsupported: 0, skippedInvalid: 0 };
  const identities = new Map<string, number>();
  let objects = 0;
  return {
    add: (obj) => {
      const i = objects++;
      const label = objectLabel(obj);
      const outcome = run(obj);
      if (outcome.checked) {
        for (const v of outcome.collector.violations) found.push({ label, violation: v });
        const c = outcome.collector.counts;
        counts.evaluated += c.evaluated;
        counts.skippedTransition += c.skippedTransition;
        counts.skippedUnsupported += c.skippedUnsupported;
        counts.skippedInvalid += c.skippedInvalid;
      } else {
        unchecked.set(outcome.kind, (unchecked.get(outcome.kind) ?? 0) + 1);
      }
      const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
      const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
      const identity = `${group} ${label}`;
      const first = identities.get(identity);
      if (first === undefined) identities.set(identity, i);
      else found.push({ label, violation: { path: '', message: `is defined more than once (objects #${first} and #${i} of the output); one would overwrite the other when applied` } });
    },
    finish: () => {
      const sorted = [...found].sort((a, b) => compareText(a.label, b.label)
        || comparePaths(a.violation.path, b.violation.path)
        || compareText(a.violation.message, b.violation.message));
      const problems: Problem[] = sorted.map(({ label, violation }) => ({
        path: violation.path === '' ? label : `${label}: ${violation.path}`,
        message: violation.message,
      }));
      return {
        problems,
        stats: {
          objects,
          unchecked: [...unchecked].sort(([a], [b]) => compareText(a, b)).map(([kind, count]) => ({ kind, count })),
          celEvaluated: counts.evaluated,
          celSkippedTransition: counts.skippedTransition,
          celSkippedUnsupported: counts.skippedUnsupported,
          celSkippedInvalid: counts.skippedInvalid,
        },
      };
    },
  };
}
