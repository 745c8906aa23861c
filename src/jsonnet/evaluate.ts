/**
 * Evaluating a Jsonnet fleet file into the value a YAML fleet file parses to. A leaf: it knows
 * nothing of the fleet schema; fleet/read.ts reads the value it returns.
 *
 * The native binding `@hanazuki/node-jsonnet` (C++ Jsonnet) is imported on the first evaluation
 * only, so a process that never evaluates Jsonnet never loads the addon. Every VM gets the IP
 * math of `natives.ts` and the directory of the shipped `capi-ionos.libsonnet` as its lowest
 * library path, so `import 'capi-ionos.libsonnet'` works without `-J`.
 *
 * Jsonnet's errors become {@link ProblemError}s (layer `spec`) naming the file, line and column
 * of the innermost frame in the user's code, never a stack trace.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Jsonnet } from '@hanazuki/node-jsonnet';
import { ProblemError, type Problem } from '../problems.js';
import { NATIVE_FUNCTIONS } from './natives.js';

/** How to evaluate: external variables, top-level arguments and library paths. */
export interface EvaluateOptions {
  /** External variables bound to strings (`std.extVar(name)`), like `jsonnet --ext-str`. */
  readonly extStr?: Readonly<Record<string, string>>;
  /** External variables bound to Jsonnet code, like `jsonnet --ext-code`. */
  readonly extCode?: Readonly<Record<string, string>>;
  /** Top-level arguments bound to strings, like `jsonnet --tla-str`. */
  readonly tlaStr?: Readonly<Record<string, string>>;
  /** Top-level arguments bound to Jsonnet code, like `jsonnet --tla-code`. */
  readonly tlaCode?: Readonly<Record<string, string>>;
  /**
   * Library search directories (absolute), the last one winning as with `jsonnet -J`. The
   * directory of the shipped `capi-ionos.libsonnet` is searched after all of them.
   * @default []
   */
  readonly jpath?: readonly string[];
}

/** The file name of the shipped library. */
export const LIBRARY_FILE = 'capi-ionos.libsonnet';

let libraryDirectory: string | undefined;

/**
 * The directory holding `capi-ionos.libsonnet`: the package's `libsonnet/`, found by walking up
 * from this module (it sits at `src/jsonnet/` in the repository, `lib/src/jsonnet/` when built).
 */
export function libraryDir(): string {
  if (libraryDirectory !== undefined) return libraryDirectory;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'libsonnet');
    if (existsSync(join(candidate, LIBRARY_FILE))) return (libraryDirectory = candidate);
    if (dirname(dir) === dir) throw new Error(`${LIBRARY_FILE} not found in any libsonnet/ directory above ${start}; the package is incomplete`);
  }
}

type Binding = typeof import('@hanazuki/node-jsonnet');
let binding: Promise<Binding> | undefined;

/** Imports the addon once; a failure to load it is reported as an input problem. */
async function loadBinding(file: string): Promise<Binding> {
  binding ??= import('@hanazuki/node-jsonnet');
  try {
    return await binding;
  } catch (error) {
    binding = undefined;
    throw new ProblemError('input', [{
      file, path: '',
      message: `the Jsonnet addon @hanazuki/node-jsonnet could not be loaded (${(error as Error).message.split('\n')[0]}); `
        + "run 'npm ci' so that it is compiled, or write the fleet in YAML",
    }]);
  }
}

/**
 * Jsonnet collects garbage once its heap has grown by this factor since the last collection (its
 * default is 2). What a fleet evaluation keeps alive is small beside the parsed file and the
 * output, so collecting half as often costs no measurable memory and takes ~6% of the work off
 * evaluating the 1,000-cluster fleet of bench/jsonnet.ts; a larger factor saves little more.
 */
const GC_GROWTH_TRIGGER = 4;

/** A new VM with the natives, the library paths and the variables of `options`. */
function configure(vm: Jsonnet, options: EvaluateOptions): Jsonnet {
  vm.setGcGrowthTrigger(GC_GROWTH_TRIGGER);
  vm.addJpath(libraryDir());
  for (const dir of options.jpath ?? []) vm.addJpath(dir);
  for (const [name, value] of Object.entries(options.extStr ?? {})) vm.extString(name, value);
  for (const [name, value] of Object.entries(options.extCode ?? {})) vm.extCode(name, value);
  for (const [name, value] of Object.entries(options.tlaStr ?? {})) vm.tlaString(name, value);
  for (const [name, value] of Object.entries(options.tlaCode ?? {})) vm.tlaCode(name, value);
  for (const [name, native] of Object.entries(NATIVE_FUNCTIONS)) {
    vm.nativeCallback(name, (...args) => native.call(...args), ...native.params);
  }
  return vm;
}

async function evaluate(file: string, run: (vm: Jsonnet) => Promise<string>, options: EvaluateOptions): Promise<unknown> {
  const { Jsonnet: Vm } = await loadBinding(basename(file));
  let json: string;
  try {
    json = await run(configure(new Vm(), options));
  } catch (error) {
    if (error instanceof Error && error.name === 'JsonnetError') {
      throw new ProblemError('spec', jsonnetProblems(error.message, { dir: dirname(file), main: file, library: libraryDir() }));
    }
    throw error;
  }
  return JSON.parse(json) as unknown;
}

/**
 * Evaluates the Jsonnet file at `path` (absolute) and returns its value.
 *
 * @throws ProblemError (layer `spec`) for static and runtime errors, naming the file (relative
 *   to the directory of `path`), the line and column of the innermost frame in the user's code,
 *   and Jsonnet's message
 */
export async function evaluateFleet(path: string, options: EvaluateOptions = {}): Promise<unknown> {
  return evaluate(path, (vm) => vm.evaluateFile(path), options);
}

/**
 * Evaluates Jsonnet source as if it were the file `file` (absolute; imports are relative to its
 * directory). Errors as {@link evaluateFleet}.
 */
export async function evaluateSnippet(source: string, file: string, options: EvaluateOptions = {}): Promise<unknown> {
  return evaluate(file, (vm) => vm.evaluateSnippet(source, file), options);
}

/** Where Jsonnet's file names are shown from. */
export interface ErrorContext {
  /** The directory file names are shown relative to (the fleet file's). */
  readonly dir: string;
  /** The file evaluated, named when an error has no location. */
  readonly main: string;
  /** The directory of the shipped library. */
  readonly library: string;
}

type FileKind = 'user' | 'argument' | 'library' | 'std';

interface Location {
  readonly file: string;
  readonly kind: FileKind;
  readonly line: number;
  readonly column: number;
}

/** How a file name Jsonnet reports is shown, and whose code it is. */
function describeFile(name: string, context: ErrorContext): { file: string; kind: FileKind } {
  if (name === 'std.jsonnet') return { file: name, kind: 'std' };
  const ext = /^<extvar:(.*)>$/.exec(name);
  if (ext !== null) return { file: `--ext-code ${ext[1]}`, kind: 'argument' };
  const tla = /^tla:(.*)$/.exec(name);
  if (tla !== null) return { file: `--tla-code ${tla[1]}`, kind: 'argument' };
  if (!isAbsolute(name)) return { file: name, kind: 'user' };
  const inLibrary = relative(context.library, name);
  if (!inLibrary.startsWith('..') && !isAbsolute(inLibrary)) return { file: inLibrary.split(sep).join('/'), kind: 'library' };
  const shown = relative(context.dir, name);
  return { file: shown.startsWith('..') || isAbsolute(shown) ? name : shown.split(sep).join('/'), kind: 'user' };
}

/** `file:L:C`, `file:L:C-C2` or `file:(L1:C1)-(L2:C2)`, as Jsonnet writes a location. */
function parseLocation(text: string, context: ErrorContext): Location | undefined {
  const match = /^(.*):\((\d+):(\d+)\)-\(\d+:\d+\)$/.exec(text) ?? /^(.*):(\d+):(\d+)(?:-\d+)?$/.exec(text);
  if (match === null) return undefined;
  return { ...describeFile(match[1]!, context), line: Number(match[2]), column: Number(match[3]) };
}

/** Adds what to do to the messages of errors in the command line's variables. */
function withHint(message: string, topLevel: boolean): string {
  const ext = /^undefined external variable: (.*)$/.exec(message);
  if (ext !== null) return `${message}; pass it with --ext-str ${ext[1]}=VALUE or --ext-code ${ext[1]}=CODE`;
  const unbound = /^function parameter (.*) not bound in call\.$/.exec(message);
  if (unbound !== null && topLevel) {
    return `the top-level function's parameter ${unbound[1]} has no value; pass it with --tla-str ${unbound[1]}=VALUE or --tla-code ${unbound[1]}=CODE`;
  }
  const unknown = /^function has no parameter (.*)$/.exec(message);
  if (unknown !== null && topLevel) return `the top-level function has no parameter ${unknown[1]}; check the names given to --tla-str and --tla-code`;
  if (/^couldn't open import /.test(message)) return `${message} Add the directory that holds it with -J DIR.`;
  return message;
}

/**
 * Turns the text of a Jsonnet error into problems: `STATIC ERROR: file:L:C: message` gives its
 * location; `RUNTIME ERROR: message` followed by a trace of frames gives the innermost frame in
 * the user's files (not the standard library, not `capi-ionos.libsonnet`), or else the innermost
 * frame with a location. The trace itself is dropped.
 */
export function jsonnetProblems(text: string, context: ErrorContext): Problem[] {
  const problem = (at: Location | undefined, message: string): Problem[] => [at === undefined
    ? { file: describeFile(context.main, context).file, path: '', message }
    : { file: at.file, line: at.line, column: at.column, path: '', message }];

  const staticError = /^STATIC ERROR: (.*?):(?:\((\d+):(\d+)\)-\(\d+:\d+\)|(\d+):(\d+)(?:-\d+)?): ([\s\S]*)$/.exec(text);
  if (staticError !== null) {
    const [, name, line1, column1, line2, column2, message] = staticError;
    return problem({ ...describeFile(name!, context), line: Number(line1 ?? line2), column: Number(column1 ?? column2) }, message!.trimEnd());
  }
  const runtime = /^RUNTIME ERROR: ([\s\S]*?)((?:\n\t[\s\S]*)?)$/.exec(text);
  if (runtime !== null) {
    const frames = runtime[2]!.split('\n\t').slice(1).map((frame) => frame.split('\t')[0]!.trim());
    const located = frames.map((f) => parseLocation(f, context)).filter((l): l is Location => l !== undefined);
    const at = located.find((l) => l.kind === 'user' || l.kind === 'argument')
      ?? located.find((l) => l.kind !== 'std') ?? located[0];
    const message = withHint(runtime[1]!.trimEnd(), frames.includes('Top-level function'));
    return problem(at, message);
  }
  return problem(undefined, text.trimEnd());
}
