import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isScalar, parseDocument, Schema, type ScalarTag } from 'yaml';
import { generateFleet } from '../../bench/fleet-generator.js';
import { CORE_SCALAR_TYPES, readSimpleYaml } from '../../src/fleet/simple-yaml.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Deep equality with Object.is on leaves (so -0, NaN count) and the same key order. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The property: when the reader answers, the yaml package reads the text without errors, to the same value. */
function agrees(text: string): boolean {
  const fast = readSimpleYaml(text);
  if (fast === undefined) return false;
  const doc = parseDocument(text, { uniqueKeys: true });
  expect(doc.errors.map((e) => e.message), text).toEqual([]);
  expect(same(fast.value, doc.toJS()), `${text}\nfast: ${JSON.stringify(fast.value)}\nyaml: ${JSON.stringify(doc.toJS())}`).toBe(true);
  return true;
}

/** Scalars near the edges: core-schema look-alikes, indicators, colons, comments, quotes. */
const EDGE_SCALARS = [
  '', 'a', 'true', 'True', 'TRUE', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', 'Null', 'NULL', '~', '0', '-0', '+1', '007',
  '1.', '.5', '1.50', '1e3', '1E+3', '-1e-3', '0o17', '0o8', '0x1F', '0xZZ', '.inf', '-.Inf', '.nan', '.NaN', '1_000', '12345678901234567890',
  'fd00::1', 'fd00::', '::1', 'a:b', 'a: b', 'a:', 'a #b', 'a#b', '#a', ' a', 'a ', '-', '- a', '-a', '?', '? a', '?a', ':', ': a', ':a',
  '[a]', '{a}', 'a,b', 'a]', 'a}', '"a"', "'a'", "a'b", 'a"b', '&a', '*a', '!a', '|', '>', '%a', '@a', '`a', '---', '...', '<<', '__proto__',
  'a  b', 'de/txl', 'http://x/y', '10.0.0.0/8', 'v1.31.2', 'SSD Premium', '40%', '5m', 'a\\b', 'é', 'a\u00a0b',
];

const scalarText = fc.oneof(
  { arbitrary: fc.constantFrom('nodes', 'de/txl', '10.0.0.0/8', 'v1.31.2', 'x y', '3', '1.5', 'true', 'null', 'a-b', 'fd00::/56'), weight: 6 },
  { arbitrary: fc.constantFrom(...EDGE_SCALARS), weight: 2 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...'ab01.-:#[]{},"\' ?&*!|>%@`~eExo/\\'.split('')), maxLength: 8 }), weight: 1 },
);

type Tree = string | { readonly seq: readonly Tree[] } | { readonly map: readonly (readonly [string, Tree])[] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarText,
    fc.record({ seq: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ map: fc.array(fc.tuple(scalarText, tie('node')), { maxLength: 4 }) }),
  ),
})).node;

/** Random but reproducible layout decisions. */
interface Style {
  next(n: number): number;
}

function quote(s: string, style: Style): string {
  switch (style.next(4)) {
    case 0: return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    case 1: return `'${s.replace(/'/g, "''")}'`;
    default: return s;
  }
}

function flow(t: Tree, style: Style): string {
  if (typeof t === 'string') return quote(t, style);
  if ('seq' in t) return `[${t.seq.map((x) => flow(x, style)).join(style.next(2) === 0 ? ', ' : ',')}]`;
  return `{${t.map.map(([k, v]) => `${quote(k, style)}: ${flow(v, style)}`).join(', ')}}`;
}

function comment(style: Style): string {
  return style.next(5) === 0 ? ' # note' : '';
}

/** Block-style YAML for `t` at `indent` (lines), as the value of a key or an item. */
function block(t: Tree, indent: number, style: Style): string[] {
  const pad = ' '.repeat(indent);
  const step = 1 + style.next(3);
  if (typeof t === 'string' || style.next(5) === 0) return [`${pad}${flow(t, style)}${comment(style)}`];
  if ('seq' in t) {
    if (t.seq.length === 0) return [`${pad}[]`];
    return t.seq.flatMap((item) => {
      if (typeof item !== 'string' && 'map' in item && item.map.length > 0 && style.next(2) === 0) {
        // `- key: value` with the rest of the mapping indented to the key.
        const gap = 1 + style.next(2);
        const lines = block(item, indent + 1 + gap, style);
        return [`${pad}-${' '.repeat(gap)}${lines[0]!.trimStart()}`, ...lines.slice(1)];
      }
      if (typeof item === 'string' || style.next(3) === 0) return [`${pad}- ${flow(item, style)}${comment(style)}`];
      return [`${pad}-`, ...block(item, indent + step, style)];
    });
  }
  if (t.map.length === 0) return [`${pad}{}`];
  return t.map.flatMap(([k, v]) => {
    const key = `${pad}${quote(k, style)}:`;
    if (typeof v === 'string' || style.next(3) === 0) return [`${key} ${flow(v, style)}${comment(style)}`];
    const compact = 'seq' in v && v.seq.length > 0 && style.next(2) === 0;
    return [`${key}${comment(style)}`, ...(style.next(6) === 0 ? ['# between'] : []), ...block(v, compact ? indent : indent + step, style)];
  });
}

function render(t: Tree, seed: number): string {
  let s = seed >>> 0;
  const style: Style = {
    next: (n) => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return (s >>> 16) % n;
    },
  };
  const head = style.next(4) === 0 ? ['---', '# comment'] : [];
  return `${[...head, ...block(t, 0, style)].join('\n')}\n`;
}

describe('readSimpleYaml', () => {
  it("copies the yaml package's core schema scalar types, in its order", () => {
    const tags = new Schema({}).tags.filter((t): t is ScalarTag => t.default === true && (t as ScalarTag).test !== undefined);
    expect(CORE_SCALAR_TYPES.map((t) => t.test.source)).toEqual(tags.map((t) => t.test!.source));
    for (const text of [...EDGE_SCALARS, '0o0', '0x0', '1.0', '-.inf', '+.INF', '.NAN', 'TRUE', 'False', '~']) {
      const i = tags.findIndex((t) => t.test!.test(text));
      if (i < 0) continue;
      const resolved = tags[i]!.resolve(text, () => undefined, { intAsBigInt: false } as never);
      expect(Object.is(CORE_SCALAR_TYPES[i]!.resolve(text), isScalar(resolved) ? resolved.value : resolved), text).toBe(true);
    }
  });

  it('reads the example fleet and generated fleets, exactly as the yaml package does', () => {
    expect(agrees(readFileSync(join(ROOT, 'examples/fleet/fleet.yaml'), 'utf8'))).toBe(true);
    expect(agrees(readFileSync(join(ROOT, 'examples/fleet/ipam.lock.yaml'), 'utf8'))).toBe(true);
    expect(agrees(generateFleet({ clusters: 40, seed: 7 }))).toBe(true);
  });

  it.each(EDGE_SCALARS)('reads %j as a value, a key and a flow item as the yaml package does, or declines', (s) => {
    for (const text of [`a: ${s}\n`, `${s}: a\n`, `- ${s}\n`, `a: [${s}, b]\n`, `a: {${s}: b}\n`, `a: {b: ${s}}\n`, `a: "${s}"\n`, `a: '${s}'\n`]) {
      agrees(text);
    }
  });

  it('declines what it does not support', () => {
    for (const text of ['', '# only a comment\n', 'a: &x 1\nb: *x\n', 'a: |\n  x\n', 'a: b\n  c\n', 'a:\n\tb: 1\n', 'a: 1\r\n',
      'a: 1\na: 2\n', '--- 1\n', 'a: 1\n---\nb: 2\n', '? a\n: b\n', 'a: "x\\ny"\n', 'a: [1,\n 2]\n', '1: a\n', 'a: !!str 1\n',
      'a:\n    b: 1\n  c: 2\n', 'a: b: c\n', '- - a\n', 'a: "x" y\n']) {
      expect(readSimpleYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('reads any text it accepts exactly as the yaml package does (property)', () => {
    let accepted = 0;
    fc.assert(fc.property(tree, fc.integer(), (t, seed) => {
      if (agrees(render(t, seed))) accepted++;
    }), { numRuns: 1500 });
    // Not vacuous: a good share of the random documents stays inside the subset.
    expect(accepted).toBeGreaterThan(300);
  });

  it('reads mutated texts exactly as the yaml package does, or declines (property)', () => {
    const base = readFileSync(join(ROOT, 'examples/fleet/fleet.yaml'), 'utf8').split('\n');
    const edits = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(' ', '  ', '- ', ':', ': ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '-', '', 'x', '\n')), { minLength: 1, maxLength: 3 });
    fc.assert(fc.property(edits, fc.boolean(), (list, remove) => {
      const lines = [...base];
      for (const [l, c, insert] of list) {
        const i = l % lines.length;
        const line = lines[i]!;
        const at = c % (line.length + 1);
        lines[i] = line.slice(0, at) + insert + line.slice(remove ? at + 1 : at);
      }
      agrees(lines.join('\n'));
    }), { numRuns: 1500 });
  });
});
