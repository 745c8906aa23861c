/** Runs the CLI in-process with captured output. */
import { main } from '../../src/cli/main.js';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Which captured streams claim to be terminals (default: neither, as when piped). */
  tty?: { stdout?: boolean; stderr?: boolean };
}

export async function run(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => { stdout += s; return true; }, isTTY: options.tty?.stdout ?? false },
    stderr: { write: (s: string) => { stderr += s; return true; }, isTTY: options.tty?.stderr ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}
