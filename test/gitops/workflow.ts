/**
 * Runs the `run:` steps of a GitHub Actions job locally, as a runner would (`bash -e`, the step's
 * working directory, the job's and step's `env`, `if: github.event_name == '...'`,
 * `continue-on-error`), so that a scaffold's CI is exercised for real. `uses:` steps (checkout,
 * setup-node) are what the test environment already provides; steps that talk to GitHub (`gh`)
 * cannot run here and are reported as skipped.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly env?: Record<string, string>;
  readonly 'continue-on-error'?: boolean;
  readonly id?: string;
}

/** What happened to one step. */
export interface StepResult {
  readonly name: string;
  /** `ran`, or why it did not run. */
  readonly outcome: 'ran' | 'uses' | 'needs GitHub' | 'condition false' | 'after a failure';
  readonly code: number;
  readonly output: string;
  /** How long it ran. */
  readonly ms: number;
}

/** How to run a job. */
export interface JobOptions {
  readonly cwd: string;
  /** `github.event_name`. */
  readonly event: 'pull_request' | 'push';
  /** The runner's environment (GITHUB_* variables and PATH). */
  readonly env: NodeJS.ProcessEnv;
  /** Values of the `${{ ... }}` expressions the job's `env:` blocks use. */
  readonly expressions?: Readonly<Record<string, string>>;
  /** Variables set after the workflow's own `env:` (a stand-in registry instead of ghcr.io). */
  readonly override?: NodeJS.ProcessEnv;
}

function substitute(value: string, expressions: Readonly<Record<string, string>>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const v = expressions[expr];
    if (v === undefined) throw new Error(`no value for the expression \${{ ${expr} }}; pass it in expressions`);
    return v;
  });
}

function condition(expr: string | undefined, event: string): boolean {
  if (expr === undefined) return true;
  const match = /^github\.event_name == '([a-z_]+)'$/.exec(expr.trim());
  if (match === null) throw new Error(`cannot evaluate if: ${expr}`);
  return match[1] === event;
}

/** Runs a shell script without blocking the event loop (the test runner talks to its workers). */
export function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('bash', ['-e', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

/** Runs job `job` of the workflow file; stops at the first failing step, as GitHub does. */
export async function runJob(file: string, job: string, options: JobOptions): Promise<StepResult[]> {
  const workflow = parseYaml(readFileSync(file, 'utf8')) as { env?: Record<string, string>; jobs: Record<string, { env?: Record<string, string>; steps: Step[] }> };
  const spec = workflow.jobs[job];
  if (spec === undefined) throw new Error(`${file} has no job ${job}`);
  const expressions = options.expressions ?? {};
  const results: StepResult[] = [];
  let failed = false;
  for (const [i, step] of spec.steps.entries()) {
    const name = step.name ?? step.uses ?? `step ${i + 1}`;
    if (step.uses !== undefined) {
      results.push({ name, outcome: 'uses', code: 0, output: '', ms: 0 });
      continue;
    }
    if (failed) {
      results.push({ name, outcome: 'after a failure', code: 0, output: '', ms: 0 });
      continue;
    }
    if (!condition(step.if, options.event)) {
      results.push({ name, outcome: 'condition false', code: 0, output: '', ms: 0 });
      continue;
    }
    if (/^gh\s/.test(step.run ?? '')) {
      results.push({ name, outcome: 'needs GitHub', code: 0, output: '', ms: 0 });
      continue;
    }
    const env: NodeJS.ProcessEnv = { ...options.env };
    for (const block of [workflow.env, spec.env, step.env]) {
      for (const [k, v] of Object.entries(block ?? {})) env[k] = substitute(String(v), expressions);
    }
    Object.assign(env, options.override ?? {});
    const started = Date.now();
    const result = await bash(step.run ?? '', options.cwd, env);
    const code = result.code;
    results.push({ name, outcome: 'ran', code, output: `${result.stdout}${result.stderr}`, ms: Date.now() - started });
    if (code !== 0 && step['continue-on-error'] !== true) failed = true;
  }
  return results;
}

/** The steps that ran and failed (a failing step with continue-on-error included). */
export function failures(results: readonly StepResult[]): StepResult[] {
  return results.filter((r) => r.outcome === 'ran' && r.code !== 0);
}
