/**
 * Validation of synthesised objects against the CRDs, before anything is written.
 *
 * Each object of a kind defined by the CRD bundle is checked as the Kubernetes API server would
 * check it on create: the schema's defaults are applied to a copy first (the API server defaults
 * before it validates, and rules such as `has(self.name)` see the defaults), then the structural
 * schema (unknown fields, types, required, enums, bounds, lengths, patterns, formats, list and
 * map invariants), the object metadata (name, namespace, labels, annotations), and the
 * `x-kubernetes-validations` CEL rules. Transition rules (those reading `oldSelf`) are skipped,
 * as on create, and counted. Objects of other kinds (Secret, ConfigMap, …) have no CRD: they are
 * counted as not checked, never reported.
 *
 * The checks are generated from the CRDs (`imports/validators.ts`, by
 * `scripts/gen-validators.ts`); schema/dispatch.ts routes objects to them.
 */
import { crdValidators } from '../l1-validators.js';

const { CEL_RULES, KINDS } = crdValidators;
import type { Violation } from './schema/collector.js';
import { createObjectValidator, type ObjectValidator, type ValidationResult, type ValidationSession } from './schema/dispatch.js';

export type { Violation } from './schema/collector.js';
export type { ValidationResult, ValidationSession, ValidationStats } from './schema/dispatch.js';
export { celRuleInventory, type CelRuleEntry } from './schema/inventory.js';

let bound: ObjectValidator | undefined;

function validator(): ObjectValidator {
  bound ??= createObjectValidator(KINDS, CEL_RULES);
  return bound;
}

/**
 * Validates one object against the CRDs. Returns its violations sorted by path; an empty list
 * for a valid object or one of a kind without a CRD.
 */
export function validateObject(obj: Record<string, unknown>): Violation[] {
  return validator().validateObject(obj);
}

/**
 * Validates every object. Problems name the object and the field
 * (`IonosCloudMachineTemplate prod-a/prod-a-workers: spec.template.spec.memoryMB`) and are sorted
 * by object, then path, then message. Objects defined twice (same apiVersion group, kind,
 * namespace and name) are reported too: one would overwrite the other when applied.
 */
export function validateObjects(objs: readonly Record<string, unknown>[]): ValidationResult {
  return validator().validateObjects(objs);
}

/** Validation of an output's objects one at a time, with the result {@link validateObjects} gives. */
export function validationSession(): ValidationSession {
  return validator().session();
}
