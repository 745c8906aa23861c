/**
 * docs/jsonnet.md is executable: its Jsonnet blocks marked `<!-- file: PATH -->` are written to a
 * scratch repository holding a copy of examples/fleet, and every command of its `sh` blocks runs
 * there in-process. A command expects exit code 0 unless it ends with `# exit N`; a `text` block
 * right after an `sh` block is the exact output (stdout then stderr) of that block's last command.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIVE_FUNCTIONS } from '../../src/jsonnet/natives.js';
import { run } from '../cli/run.js';
import { ROOT, scratch, type Scratch } from './workspace.js';

const DOC = readFileSync(join(ROOT, 'docs/jsonnet.md'), 'utf8');

interface Block {
  readonly lang: string;
  readonly body: string;
  readonly file?: string;
}

interface Command {
  readonly line: string;
  readonly env: Record<string, string>;
  readonly args: string[];
  readonly exit: number;
  readonly output?: string;
}

const blocks: Block[] = [...DOC.matchAll(/(?:<!-- file: (\S+) -->\n)?```(\w*)\n([\s\S]*?)```/g)]
  .map((m) => ({ file: m[1], lang: m[2]!, body: m[3]! }));

/** Splits a shell command line into words: single and double quotes, a trailing `# comment`. */
function words(line: string): { words: string[]; comment: string } {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unterminated quote in ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === ' ') {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      return { words: out, comment: line.slice(i + 1).trim() };
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) out.push(word);
  return { words: out, comment: '' };
}

function commandsOf(list: readonly Block[]): Command[] {
  const commands: Command[] = [];
  list.forEach((block, i) => {
    if (block.lang !== 'sh') return;
    const lines = block.body.split('\n').filter((l) => l.trim() !== '');
    lines.forEach((line, j) => {
      const { words: all, comment } = words(line);
      const env: Record<string, string> = {};
      while (all.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(all[0]!)) {
        const [name, ...value] = all.shift()!.split('=');
        env[name!] = value.join('=');
      }
      if (all.shift() !== 'capi-ionos') throw new Error(`not a capi-ionos command: ${line}`);
      const next = list[i + 1];
      commands.push({
        line, env, args: all,
        exit: Number(/^exit (\d+)$/.exec(comment)?.[1] ?? 0),
        output: j === lines.length - 1 && next?.lang === 'text' ? next.body : undefined,
      });
    });
  });
  return commands;
}

const COMMANDS = commandsOf(blocks);
let ws: Scratch;

beforeAll(() => {
  ws = scratch('docs-');
  cpSync(join(ROOT, 'examples/fleet'), join(ws.dir, 'examples/fleet'), { recursive: true });
  for (const block of blocks) if (block.file !== undefined) ws.write(block.file, block.body);
});
afterAll(() => ws.remove());

describe('docs/jsonnet.md', () => {
  it('has commands to run, and every Jsonnet block is a file they use', () => {
    expect(COMMANDS.length).toBeGreaterThanOrEqual(10);
    const commandText = COMMANDS.map((c) => c.line).join('\n');
    for (const block of blocks.filter((b) => b.lang === 'jsonnet')) {
      expect(block.file, block.body.slice(0, 60)).toBeDefined();
      expect(commandText, block.file).toContain(block.file!.split('/')[0]);
    }
  });

  it('documents every native function', () => {
    for (const name of Object.keys(NATIVE_FUNCTIONS)) expect(DOC, name).toContain(`\`${name}\``);
  });

  // Sequential on purpose: later commands may read what earlier ones wrote (dist/, lock files).
  it.each(COMMANDS.map((c) => [c.line, c] as const))('runs `%s`', async (_line, command) => {
    const result = await run(command.args, { cwd: ws.dir, env: command.env });
    expect(result.code, `${result.stdout}${result.stderr}`).toBe(command.exit);
    if (command.output !== undefined) expect(`${result.stdout}${result.stderr}`).toBe(command.output);
  });
});
