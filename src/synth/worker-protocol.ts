/**
 * What the main thread and the synthesis worker say to each other (./synthesis-worker.ts and
 * ./synthesis-worker-thread.ts), and how errors cross between them.
 */
import { isProblemError, ProblemError, type Layer, type Problem } from '../problems.js';
import type { ChartsRendered, RenderedChart } from './charts.js';

/**
 * How the worker builds the app: `name`, exported by the module at URL `module`, is called with
 * the input the main thread sends and returns the app (or a promise of it). The worker loads
 * the module as soon as it starts, so that cdk8s and the constructs are ready when the input is.
 */
export interface AppBuilder {
  readonly module: string;
  readonly name: string;
}

/** The one request: build the app from `input` and render it for `env`. */
export interface RenderRequest {
  readonly input: unknown;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** See `RenderOptions.allowSecrets`. */
  readonly allowSecrets?: boolean;
}

/** The worker's messages: every chart, in order, then the end of rendering, or a failure. */
export type RenderMessage =
  | { readonly type: 'chart'; readonly chart: RenderedChart; readonly done: number; readonly total: number }
  | { readonly type: 'rendered'; readonly rendered: ChartsRendered }
  | { readonly type: 'failed'; readonly error: CarriedError };

/**
 * An error on its way to the main thread. Structured cloning would keep only the message and
 * stack of an error of the built-in classes: so the name and code travel beside it, and a
 * ProblemError travels as its problems.
 */
export type CarriedError =
  | { readonly name: string; readonly message: string; readonly stack?: string; readonly code?: string }
  | { readonly layer: Layer; readonly problems: readonly Problem[]; readonly dir?: string };

/** `error` ready to cross to the main thread. */
export function carry(error: unknown): CarriedError {
  if (isProblemError(error)) return { layer: error.layer, problems: error.problems, ...(error.dir === undefined ? {} : { dir: error.dir }) };
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as NodeJS.ErrnoException).code;
  return { name: error.name, message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }), ...(typeof code === 'string' ? { code } : {}) };
}

/** The error a {@link CarriedError} stands for: a ProblemError, or an Error with its name and code. */
export function uncarry(carried: CarriedError): Error {
  if ('problems' in carried) return new ProblemError(carried.layer, carried.problems, carried.dir);
  const error = new Error(carried.message);
  error.name = carried.name;
  if (carried.stack !== undefined) error.stack = carried.stack;
  return carried.code === undefined ? error : Object.assign(error, { code: carried.code });
}
