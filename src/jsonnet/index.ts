/**
 * The Jsonnet bridge: evaluating fleet files written in Jsonnet (the native addon is loaded on
 * first use only) and the IP math they can call through `std.native`.
 */
export {
  evaluateFleet, evaluateSnippet, jsonnetProblems, libraryDir, LIBRARY_FILE, readJsonnetFleet,
  type ErrorContext, type EvaluateOptions,
} from './evaluate.js';
export * from './natives.js';
