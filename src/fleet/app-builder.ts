/**
 * The synthesis worker's way into the fleet layer: the module and function that build a fleet's
 * app (app.ts's `buildApp`). Naming them here loads neither cdk8s nor the constructs, so that the
 * CLI starts the worker at once; the type-only import below keeps the dependency visible to the
 * layer check (.dependency-cruiser.cjs) and the function's name checked by the compiler.
 */
import type { AppBuilder } from '../synth/synthesis-worker.js';
import type * as app from './app.js';

/** The worker's app builder: `buildApp` of fleet/app.ts. */
export const BUILD_APP: AppBuilder = {
  module: new URL('./app.js', import.meta.url).href,
  name: 'buildApp' satisfies keyof typeof app,
};
