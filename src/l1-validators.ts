/**
 * The validators generated from the CRDs (`scripts/gen-validators.ts`), for synth/ only. Kept
 * apart from l1.ts, which the package exports as \`l1\`: the validators' runtime types and tables
 * are no public API.
 */
export * as crdValidators from '../imports/validators.js';
