/**
 * Problems for machines: as JSON objects with separate fields, and as GitHub Actions workflow
 * annotations (`::error file=…,line=…,col=…::message`), so that a pull request shows each problem
 * on the line it is about.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Layer, Problem } from '../problems.js';
import type { Io } from './io.js';

/** How problems are printed besides the text on stderr. */
export type ProblemFormat = 'text' | 'json' | 'github';

/** A problem as JSON: every field, `null` where unknown. */
export interface ProblemJson {
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly path: string;
  readonly code: string | null;
  readonly message: string;
  readonly layer?: Layer;
}

/** `problem` as JSON (with `layer` when given). */
export function problemJson(problem: Problem, layer?: Layer): ProblemJson {
  return {
    file: problem.file ?? null, line: problem.line ?? null, column: problem.column ?? null,
    path: problem.path, code: problem.code ?? null, message: problem.message, ...(layer === undefined ? {} : { layer }),
  };
}

/** A workflow command's message: `%`, CR and LF escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as {@link escapeData}, and `:` and `,` too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One GitHub Actions annotation for `problem`. Its file is given relative to the workspace
 * (`GITHUB_WORKSPACE`, else the working directory), which is what GitHub matches against the
 * pull request's files; `dir` is the directory the problem's own file name is relative to.
 */
export function githubAnnotation(problem: Problem, severity: 'error' | 'warning' | 'notice', where: {
  readonly dir?: string;
  readonly io: Pick<Io, 'cwd' | 'env'>;
}): string {
  const properties: string[] = [];
  if (problem.file !== undefined && !problem.file.startsWith('--')) {
    const absolute = resolve(where.dir ?? where.io.cwd, problem.file);
    const shown = relative(resolve(where.io.cwd, where.io.env.GITHUB_WORKSPACE ?? '.'), absolute);
    properties.push(`file=${escapeProperty(shown.startsWith('..') || isAbsolute(shown) ? absolute : shown.split(sep).join('/'))}`);
    if (problem.line !== undefined) properties.push(`line=${problem.line}`);
    if (problem.column !== undefined) properties.push(`col=${problem.column}`);
  }
  properties.push(`title=${escapeProperty(`capi-ionos${problem.code === undefined ? '' : ` [${problem.code}]`}`)}`);
  const message = `${problem.path === '' ? '' : `${problem.path}: `}${problem.message}`;
  return `::${severity} ${properties.join(',')}::${escapeData(message)}`;
}

/** The commands whose problems can be printed as JSON or annotations. */
const REPORTING = new Set(['synth', 'plan', 'validate', 'simulate', 'diff']);

/**
 * The problem format of a command line, and the arguments left for the command: `--format github`
 * (or `GITHUB_ACTIONS=true` in the environment, unless `--format json`) turns annotations on and
 * is taken out of the arguments, the command printing its usual text report; synth, which prints
 * no report, also leaves `--format text|json` to this module.
 */
export function problemFormatOf(command: string, args: readonly string[], env: Io['env']): { format: ProblemFormat; args: readonly string[] } {
  if (!REPORTING.has(command)) return { format: 'text', args };
  let format: ProblemFormat | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    const value = arg === '--format' ? args[i + 1] : arg.startsWith('--format=') ? arg.slice('--format='.length) : undefined;
    if (value !== undefined) format = value === 'json' ? 'json' : value === 'github' ? 'github' : format ?? 'text';
    const ours = value === 'github' || (command === 'synth' && (value === 'json' || value === 'text'));
    if (ours) {
      if (arg === '--format') i++;
      continue;
    }
    rest.push(arg);
  }
  if (format === undefined || format === 'text') format = env.GITHUB_ACTIONS === 'true' ? 'github' : 'text';
  return { format, args: rest };
}
