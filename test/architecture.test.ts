/**
 * The layer rule of DESIGN.md, enforced: dependencies point down only.
 *
 *   cli ─► fleet ─► jsonnet
 *    │       └──────────────┐
 *    ├──► synth ────────────┼─► constructs ─► l1 ─► imports (generated)
 *    └──► reconciler ───────┴──────────────────────► ipam (pure)
 *   everything ─► problems
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

/** What each layer may import (besides itself and npm packages). `l1` means src/l1.ts. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  problems: [],
  ipam: ['problems'],
  l1: ['imports'],
  constructs: ['ipam', 'l1', 'problems'],
  synth: ['constructs', 'ipam', 'l1', 'problems'],
  fleet: ['jsonnet', 'synth', 'constructs', 'ipam', 'problems'],
  jsonnet: ['fleet', 'ipam', 'problems'],
  reconciler: ['ipam', 'l1', 'problems'],
  cli: ['fleet', 'jsonnet', 'synth', 'reconciler', 'constructs', 'ipam', 'l1', 'problems'],
  index: ['constructs', 'ipam', 'synth', 'l1', 'fleet', 'reconciler', 'problems'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(path: string): string {
  const rel = relative(SRC, path).split('\\').join('/');
  if (rel.startsWith('../imports/')) return 'imports';
  if (rel === 'l1.ts') return 'l1';
  if (rel === 'index.ts') return 'index';
  if (rel === 'problems.ts') return 'problems';
  return rel.split('/')[0]!;
}

/** Relative imports of a file, static and dynamic, with whether they import types only. */
function importsOf(path: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(path, 'utf8');
  const out: { target: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'/gm)) {
    out.push({ target: resolve(dirname(path), m[3]!.replace(/\.js$/, '.ts')), typeOnly: m[2] !== undefined });
  }
  for (const m of text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g)) out.push({ target: resolve(dirname(path), m[1]!.replace(/\.js$/, '.ts')), typeOnly: false });
  return out;
}

describe('layers', () => {
  it('only import downwards', () => {
    const violations: string[] = [];
    for (const file of files(SRC)) {
      const from = layerOf(file);
      for (const { target, typeOnly } of importsOf(file)) {
        const to = layerOf(target);
        if (to === from) continue;
        if (!(ALLOWED[from] ?? []).includes(to)) violations.push(`${relative(SRC, file)} imports ${to} (${relative(SRC, target)})`);
        // The reconciler may see the L1 types, never run cdk8s code.
        if (from === 'reconciler' && to === 'l1' && !typeOnly) violations.push(`${relative(SRC, file)} imports l1 values; use 'import type'`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('has every layer it checks', () => {
    const layers = new Set(files(SRC).map(layerOf));
    for (const layer of ['ipam', 'l1', 'constructs', 'synth', 'fleet', 'cli', 'problems']) expect(layers.has(layer), layer).toBe(true);
  });

  it('reports a violation when a lower layer imports a higher one', () => {
    // The checker itself must be able to fail: ipam importing synth is caught.
    expect(ALLOWED.ipam).not.toContain('synth');
    expect(layerOf(join(SRC, 'ipam/x.ts'))).toBe('ipam');
    expect(layerOf(resolve(SRC, '../imports/x.ts'))).toBe('imports');
  });
});
