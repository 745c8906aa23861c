/**
 * The reconciler's Dockerfile, read as text (there is no container engine on the CI machine):
 * a multi-stage build whose last stage is a slim or distroless Node.js 20, runs as a non-root
 * user, and starts the `capi-ionos` command the Deployment passes arguments to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECONCILER_IMAGE, RECONCILER_NODE_PATH } from '../../src/constructs/reconciler-deployment.js';

const ROOT = join(import.meta.dirname, '..', '..');

interface Instruction {
  readonly line: number;
  readonly keyword: string;
  readonly args: string;
}

/** Instructions of a Dockerfile: comments dropped, `\` continuations joined; rejects unknown keywords. */
function parseDockerfile(text: string): Instruction[] {
  const known = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);
  const instructions: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let current = lines[i]!;
    const start = i + 1;
    if (/^\s*(#|$)/.test(current)) continue;
    while (current.trimEnd().endsWith('\\') && i + 1 < lines.length) {
      current = `${current.trimEnd().slice(0, -1)} ${lines[++i]!.trim()}`;
    }
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(current);
    if (match === null || !known.has(match[1]!.toUpperCase())) throw new Error(`Dockerfile:${start}: not an instruction: ${current}`);
    instructions.push({ line: start, keyword: match[1]!.toUpperCase(), args: match[2]!.trim() });
  }
  return instructions;
}

describe('Dockerfile of the reconciler image', () => {
  const instructions = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
  const stages = instructions.reduce<Instruction[][]>((all, i) => (i.keyword === 'FROM' ? [...all, [i]] : (all.at(-1)!.push(i), all)), []);
  const final = stages.at(-1)!;

  it('parses, and builds in one stage and runs in a slim or distroless Node.js 20 one', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(final[0]!.args).toMatch(/^(gcr\.io\/distroless\/nodejs20-debian\d+(:[\w.-]+)?|node:20[\w.-]*-slim)$/);
    // The final stage only copies from the build stage: no compiler, no sources.
    expect(final.filter((i) => i.keyword === 'RUN')).toEqual([]);
    expect(final.filter((i) => i.keyword === 'COPY').every((i) => i.args.startsWith('--from=build '))).toBe(true);
  });

  it('runs as a non-root user', () => {
    const users = final.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users).toHaveLength(1);
    const [user, group] = users[0]!.split(':');
    expect(['root', '0']).not.toContain(user);
    expect(Number(user)).toBeGreaterThan(0);
    expect(Number(group ?? user)).toBeGreaterThan(0);
  });

  it('starts the capi-ionos command with the Node.js the Deployment\'s probes use', () => {
    const entrypoint = JSON.parse(final.find((i) => i.keyword === 'ENTRYPOINT')!.args) as string[];
    expect(entrypoint[0]).toBe(RECONCILER_NODE_PATH);
    expect(entrypoint[1]).toMatch(/\/bin\/capi-ionos\.js$/);
    // The launcher is in the package's files, so the packed package has it.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; files: string[]; bin: Record<string, string> };
    expect(pkg.bin['capi-ionos']).toBe('./bin/capi-ionos.js');
    expect(pkg.files).toContain('bin');
    expect(existsSync(join(ROOT, 'package-lock.json'))).toBe(true);
    // The Deployment's default image is this package's version.
    expect(DEFAULT_RECONCILER_IMAGE.endsWith(`:${pkg.version}`)).toBe(true);
  });
});
