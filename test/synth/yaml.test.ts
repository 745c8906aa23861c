import { Yaml } from 'cdk8s';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { toYaml, toYamlStream } from '../../src/synth/yaml.js';

/** The options cdk8s 2.70 passes to the yaml package for every document (node_modules/cdk8s/lib/yaml.js). */
const CDK8S_OPTIONS = { keepUndefined: true, lineWidth: 0, version: '1.1' } as const;

/** What cdk8s writes for one document. */
function reference(doc: unknown): string {
  return YAML.stringify(doc, CDK8S_OPTIONS);
}

/** Reads YAML back the way cdk8s's `Yaml.load` does (YAML 1.1). */
function readBack(text: string): unknown {
  return YAML.parse(text, { version: '1.1' });
}

/** The data a YAML reader gives back: `undefined` and array holes become null. */
function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return Array.from(value, normalise);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, { value: normalise((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * A whitespace-only string ending in a line break, with a space before any tab: the yaml package
 * writes it as a `|+` block without an indentation indicator, and readers take the spaces for
 * indentation (`" \n"` reads back as `"\n"`).
 */
function isLossyBlankBlock(text: string): boolean {
  return /^[ \t\n]*\n$/.test(text) && /^[\n ]* /.test(text);
}

/** Whether a key (`<<` is YAML 1.1's merge key) or a string value of the tree matches. */
function some(value: unknown, test: { key(key: string): boolean; value(value: string): boolean }): boolean {
  if (typeof value === 'string') return test.value(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => some(item, test));
  return Object.keys(value).some((key) => test.key(key) || some((value as Record<string, unknown>)[key], test));
}

/**
 * Documents the yaml package itself cannot read back from what it writes (and so neither from
 * what cdk8s writes). The byte comparison still covers them; only the read-back is skipped:
 * - a `<<` key, which YAML 1.1 readers take for a merge key;
 * - whitespace-only strings as described at `isLossyBlankBlock`;
 * - a document starting with U+FEFF, which readers drop as a byte order mark;
 * - a root block scalar with an indentation indicator (`|1`), which the package writes relative
 *   to column -1 and reads relative to column 0.
 */
function yamlPackageCannotReadBack(doc: unknown, text: string): boolean {
  return text.startsWith('\ufeff') || text.startsWith('|1')
    || some(doc, { key: (key) => key === '<<', value: isLossyBlankBlock });
}

// ---------------------------------------------------------------------------------------------
// Arbitraries biased towards the strings and shapes where the quoting and block rules differ.

const TRICKY_STRINGS: readonly string[] = [
  '', ' ', '  ', '\t', '\n', '\n\n', ' \n', '\n ',
  'on', 'On', 'ON', 'off', 'Off', 'OFF', 'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'y', 'Y', 'n', 'N',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '~', '<<', '<', '<<<',
  '0', '-0', '+1', '007', '0775', '0o17', '0x1F', '0xg', '0b101', '1_000', '1e3', '1E3', '-1.5e-3', 'e5', 'E+3',
  '.5', '5.', '.', '-.', '.inf', '-.inf', '+.INF', '.nan', '.NaN', '1:20', '-1:20:30', '1:20.5', '12:60',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2001-1-1',
  'a: b', 'a:b', 'a:', 'a :b', 'a #b', 'a#b', '#a', '- a', '-', '-a', '--', '---', '---a', '--- a',
  '...', '...a', '?', '? a', '?a', ':', ':a', ': a', ',a', '[a', ']a', '{a', '}a', '&a', '*a', '!a', '|a', '>a',
  "'a", '"a', '%a', '@a', '`a', 'a,b', 'a[0]', 'a{b}',
  ' lead', 'trail ', 'trail\t', '\tlead', 'multi\nline', 'multi\nline\n', 'multi\nline\n\n', '\nleading',
  '  indented\nnext', '\n  indented', ' \nx', 'a\n\nb', 'a \nb', 'a\n b', 'a\t\nb', 'x\n ', 'x\n\t', 'x \n',
  '---\nx', 'x\n---', 'x\n...\ny', '%x\ny', 'x\n%y', '\n\n\nx\n\n\n', ' \n \n ', 'a\n\n \nb',
  '\u0000', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\r', '\r\n', 'a\rb', '\u007f', '\u0085', '\u009f',
  '\u00a0', '\u2028', '\u2029', '\ufeff', '\ud800', '\udc00', 'a\ud83d', '\ud83d\ude00', '日本語', 'é', 'ß',
  'say "hi"', "it's", `it's "quoted"`, '"', "'", '""', "''", 'back\\slash', '\\n',
  `${'x'.repeat(45)}\n${'y'.repeat(10)}\u0001`, `${'long line '.repeat(5)}\n\n  more \n\nend\u0001`,
  `${'z'.repeat(50)}\n ${'w'.repeat(5)}\n`, 'k'.repeat(1025), 'k\n'.repeat(520), `${'s'.repeat(1020)}"'`,
  // JSON lengths 39, 40 and 41: double-quoted strings write line breaks as such from length 40 on
  `${'a'.repeat(28)}\nb\u0001`, `${'a'.repeat(29)}\nb\u0001`, `${'a'.repeat(30)}\nb\u0001`,
  `${'a'.repeat(34)}\n `, `${'a'.repeat(35)}\n `, `${'a'.repeat(36)}\n `,
];

const FRAGMENTS: readonly string[] = [
  ' ', '  ', '\n', '\n', '\t', ':', ': ', '#', ' #', '-', '- ', '?', '? ', "'", '"', '---', '...', '%', '<<',
  'a', 'word', 'yes', 'on', '0', '1', '.', 'e', '_', '\r', '\u0001', '\u001b', '\u0085', '\u00a0', '\u2028',
  '日', '😀', '\\', '|', '>', '[', ']', '{', '}', ',', '&', '*', '!', '@', '`', '~', 'null', '\ud800',
];

const NUMBERISH_CHARS = '0123456789_.eExXbBoO:+-'.split('');

const numberishString = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.string({ unit: fc.constantFrom(...NUMBERISH_CHARS), minLength: 1, maxLength: 8 }),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${m}-${d}`),
);

const trickyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...TRICKY_STRINGS), weight: 4 },
  { arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join('')), weight: 5 },
  { arbitrary: fc.string({ unit: fc.constantFrom('a', ' ', ' ', '\n', '\n', '\t', '-', ':', '#', '"', "'"), maxLength: 70 }), weight: 2 },
  { arbitrary: numberishString, weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 1 },
  { arbitrary: fc.constantFrom('nginx', 'cluster.x-k8s.io/v1beta1', 'prod-0001-workers-a', 'v1.29.4', '10.0.0.1/24'), weight: 2 },
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: trickyString, weight: 8 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.constantFrom(-0, 0, 1e21, 5e-7, 1e-7, 0.1, 1.5, -2, 2 ** 53, Number.MIN_VALUE, Number.MAX_VALUE), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined), weight: 1 },
);

const key: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: trickyString, weight: 3 },
  { arbitrary: fc.constantFrom('apiVersion', 'kind', 'metadata', 'name', 'spec', 'items', '__proto__', 'toString'), weight: 1 },
);

/** JSON-compatible trees up to 8 levels deep with empty containers, holes and null-prototype objects. */
function documents(leaf: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: 8 },
      { arbitrary: leaf, weight: 3 },
      { arbitrary: fc.dictionary(key, tie('node'), { maxKeys: 5 }), weight: 3 },
      { arbitrary: fc.array(tie('node'), { maxLength: 4 }), weight: 2 },
      { arbitrary: fc.sparseArray(tie('node'), { maxLength: 3 }), weight: 1 },
    ),
  })).node;
}

const jsonDocument = documents(scalar);

/** Documents in which up to three objects appear several times (and may contain one another). */
const documentWithSharedObjects = fc
  .array(fc.oneof(fc.dictionary(key, scalar, { maxKeys: 3 }), fc.array(scalar, { maxLength: 3 })), { minLength: 1, maxLength: 3 })
  .chain((pool: unknown[]) => {
    for (let i = 1; i < pool.length; i++) {
      const target = pool[i];
      if (Array.isArray(target)) target.push(pool[i - 1]);
    }
    return documents(fc.oneof(scalar, fc.constantFrom(...pool)));
  });

// ---------------------------------------------------------------------------------------------

describe('toYaml equals the yaml package with cdk8s options', () => {
  it('writes random JSON-compatible documents byte for byte as YAML.stringify does, and they read back unchanged', () => {
    fc.assert(
      fc.property(jsonDocument, (doc) => {
        const text = toYaml(doc);
        expect(text).toBe(reference(doc));
        if (!yamlPackageCannotReadBack(doc, text)) expect(readBack(text)).toEqual(normalise(doc));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes repeated objects as anchors and aliases exactly as YAML.stringify does', () => {
    fc.assert(
      fc.property(documentWithSharedObjects, (doc) => {
        const text = toYaml(doc);
        expect(text).toBe(reference(doc));
        if (!yamlPackageCannotReadBack(doc, text)) expect(readBack(text)).toEqual(normalise(doc));
      }),
      { numRuns: 500 },
    );
  });

  it('writes random document lists byte for byte as cdk8s Yaml.stringify does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: jsonDocument, weight: 4 }, { arbitrary: fc.constant(undefined), weight: 1 }), { maxLength: 5 }), (docs) => {
        expect(toYamlStream(docs)).toBe(Yaml.stringify(...docs));
      }),
      { numRuns: 300 },
    );
  });

  it('uses the same options as cdk8s (our reference is cdk8s)', () => {
    const doc = { a: '0775', b: 'yes', c: [undefined, 'x\ny'], d: undefined };
    expect(reference(doc)).toBe(Yaml.stringify(doc));
  });

  it('exercises every output form the property compares (a property that never reaches them proves nothing)', () => {
    // GIVEN the same generator the property uses
    const outputs = fc.sample(jsonDocument, { numRuns: 3000, seed: 42 }).map(reference).join('\n');
    // THEN its documents reach every quoting and block style the emitter has to get right
    const forms: Record<string, RegExp> = {
      'plain string': /: [a-z]+\n/,
      'single quotes': /'[^'\n]*"[^'\n]*'/,
      'double quotes': /"[^"\n]*"/,
      'double quotes with \\x escape': /\\x0[0-9a-f]/,
      'double quotes with a YAML-only escape': /\\[0aveN_LP]/,
      'double quotes over several lines': /"[^"\n]*\n\n/,
      'escaped space before a line break': /\\ /,
      'literal block, clip': /\|\n/,
      'literal block, strip': /\|-\n/,
      'literal block, keep': /\|\+\n/,
      'indentation indicator 1 (document root)': /^\|1/m,
      'indentation indicator 2': /\|2/,
      'explicit key': /^\s*\? /m,
      'merge key written bare': /<<: /,
      'sequence in sequence': /- - /,
      'map in sequence': /- [^\n-]+: /,
      'empty map': /\{\}/,
      'empty sequence': /\[\]/,
      'null': /null/,
      'negative zero': /-0\n/,
      'exponent': /e[+-]\d/,
    };
    const missing = Object.entries(forms).filter(([, pattern]) => !pattern.test(outputs)).map(([name]) => name);
    expect(missing).toEqual([]);
  });
});

describe('shrunk counterexamples', () => {
  // Found by the property: the bytes matched, but the yaml package cannot read its own output.
  it.each([
    ['a whitespace-only string in a nested map', { '': { '': ' \n' } }, '"":\n  "": |+\n     \n', { '': { '': '\n' } }],
    ['a whitespace-only string in nested sequences', [[[{ '': ' \n' }]]], '- - - "": |+\n         \n', [[[{ '': '\n' }]]]],
  ])('writes %s exactly as the package does, though it reads back changed', (_name, doc, expected, readsBackAs) => {
    expect(toYaml(doc)).toBe(expected);
    expect(toYaml(doc)).toBe(reference(doc));
    expect(readBack(toYaml(doc))).toEqual(readsBackAs);
  });

  it('writes a document starting with a byte order mark as the package does, though readers drop it', () => {
    expect(toYaml({ '\ufeffkey': 1 })).toBe('\ufeffkey: 1\n');
    expect(toYaml({ '\ufeffkey': 1 })).toBe(reference({ '\ufeffkey': 1 }));
    expect(readBack(toYaml({ '\ufeffkey': 1 }))).toEqual({ key: 1 });
  });

  it('writes a root block with an indentation indicator as the package does, though it reads back changed', () => {
    expect(toYaml('\n  x')).toBe('|1-\n\n  x\n');
    expect(toYaml('\n  x')).toBe(reference('\n  x'));
    expect(readBack(toYaml('\n  x'))).toBe('\n x');
  });
});

/** [what, document, exact expected output]; each row is also checked against the yaml package. */
type Row = readonly [string, unknown, string];

function checkRows(rows: readonly Row[]): void {
  it.each(rows)('%s', (_name, doc, expected) => {
    expect(toYaml(doc)).toBe(expected);
    expect(reference(doc)).toBe(expected);
  });
}

describe('plain or quoted', () => {
  checkRows([
    ['writes ordinary strings plain', { name: 'prod-0001', api: 'cluster.x-k8s.io/v1beta1', cidr: '10.0.0.0/8' }, 'name: prod-0001\napi: cluster.x-k8s.io/v1beta1\ncidr: 10.0.0.0/8\n'],
    ['quotes YAML 1.1 booleans', ['on', 'Off', 'yes', 'NO', 'y', 'N', 'True'], '- "on"\n- "Off"\n- "yes"\n- "NO"\n- "y"\n- "N"\n- "True"\n'],
    ['quotes null spellings and the empty string', ['null', 'NULL', '~', ''], '- "null"\n- "NULL"\n- "~"\n- ""\n'],
    ['quotes strings that read as integers in any base', ['42', '-7', '0775', '0b101', '0x1F', '1_000'], '- "42"\n- "-7"\n- "0775"\n- "0b101"\n- "0x1F"\n- "1_000"\n'],
    ['quotes strings that read as floats', ['1e3', '.5', '5.', '.inf', '-.Inf', '.nan', 'e5'], '- "1e3"\n- ".5"\n- "5."\n- ".inf"\n- "-.Inf"\n- ".nan"\n- "e5"\n'],
    ['quotes sexagesimal numbers and timestamps (YAML 1.1)', ['1:20', '190:20:30.15', '2001-12-14'], '- "1:20"\n- "190:20:30.15"\n- "2001-12-14"\n'],
    ['keeps look-alikes plain', ['0o17', '0xg', '12:60', 'yes!', 'nullable', '1.2.3'], '- 0o17\n- 0xg\n- 12:60\n- yes!\n- nullable\n- 1.2.3\n'],
    ['quotes ": " and " #" but not ":" or "#" inside a word', ['a: b', 'a #b', 'a:b', 'a#b', 'a:'], '- "a: b"\n- "a #b"\n- a:b\n- a#b\n- "a:"\n'],
    ['quotes leading indicators', ['&a', '*a', '!a', '|a', '>a', '%a', '@a', '`a', '#a', ',a', '[a', '{a'], '- "&a"\n- "*a"\n- "!a"\n- "|a"\n- ">a"\n- "%a"\n- "@a"\n- "`a"\n- "#a"\n- ",a"\n- "[a"\n- "{a"\n'],
    ['quotes a lone or space-followed - and ?, keeps -a, ?a and :a plain', ['-', '?', '- a', '? a', '-a', '?a', ':a'], '- "-"\n- "?"\n- "- a"\n- "? a"\n- -a\n- ?a\n- :a\n'],
    ['quotes leading and trailing whitespace', [' lead', 'trail ', '\tlead', 'trail\t'], '- " lead"\n- "trail "\n- "\\tlead"\n- "trail\\t"\n'],
    ['uses single quotes for text with " and no \'', ['"a', 'say "hi": now'], '- \'"a\'\n- \'say "hi": now\'\n'],
    ['uses double quotes for text with \' (and for both)', ["'a", `'a"`], '- "\'a"\n- "\'a\\""\n'],
    ['writes the merge key << bare, as the 1.1 schema does', { '<<': '<<' }, '<<: <<\n'],
    ['quotes a document marker only as a key of the root map', { '---': { '---': '---', '...x': 1 } }, '"---":\n  ---: ---\n  ...x: 1\n'],
    ['keeps non-ASCII plain', ['日本語', 'é', '😀', '\u00a0x'], '- 日本語\n- é\n- 😀\n- \u00a0x\n'],
  ]);
});

describe('control characters and escapes', () => {
  checkRows([
    ['escapes C0 controls, DEL-range and line separators in double quotes', ['\u0000', '\u0007', '\u000b', '\u001b', '\u0001', '\r'], '- "\\0"\n- "\\a"\n- "\\v"\n- "\\e"\n- "\\x01"\n- "\\r"\n'],
    ['keeps C1 controls and separators raw inside the forced double quotes', ['\u0085\u0001', '\u2028\u0001'], '- "\u0085\\x01"\n- "\u2028\\x01"\n'],
    ['escapes lone surrogates', ['\ud800', 'a\udc00'], '- "\\ud800"\n- "a\\udc00"\n'],
    ['keeps short multi-line control strings on one line', { k: 'a\nb\u0001' }, 'k: "a\\nb\\x01"\n'],
    ['writes long multi-line control strings over several lines, escaping edge spaces', { k: `${'x'.repeat(40)} \n y\u0001` }, `k: "${'x'.repeat(40)}\\ \n\n  \\ y\\x01"\n`],
    ['writes a string ending in a whitespace-only line in double quotes', { k: 'x\n  ' }, 'k: "x\\n  "\n'],
    ['keeps \\n escaped in double-quoted strings shorter than 40 characters of JSON', { k: `${'a'.repeat(34)}\n ` }, `k: "${'a'.repeat(34)}\\n "\n`],
    ['writes line breaks as such from 40 characters of JSON on', { k: `${'a'.repeat(35)}\n ` }, `k: "${'a'.repeat(35)}\n\n  \\ "\n`],
  ]);
});

describe('block scalars', () => {
  checkRows([
    ['uses | for text ending in one line break', { script: 'set -e\necho hi\n' }, 'script: |\n  set -e\n  echo hi\n'],
    ['uses |- for text without a final line break', { script: 'a\nb' }, 'script: |-\n  a\n  b\n'],
    ['uses |+ for text ending in several line breaks', { script: 'a\n\n' }, 'script: |+\n  a\n\n'],
    ['uses |+ for text of only line breaks, indenting the first', { k: '\n\n' }, 'k: |+\n  \n\n'],
    ['adds an indentation indicator for a leading space', { k: '  indented\nnext\n' }, 'k: |2\n    indented\n  next\n'],
    ['adds an indentation indicator after leading empty lines', { k: '\n  x' }, 'k: |2-\n  \n    x\n'],
    ['indents a sequence item\'s block by the item', ['a\nb'], '- |-\n  a\n  b\n'],
    ['writes a root block at column 0 with indicator 1', ' a\nb\n\n', '|1+\n a\nb\n\n'],
    ['indents a root block that contains a document marker', '---\nx', '|-\n  ---\n  x\n'],
    ['writes a single-line root string that starts with --- as a block', '---x', '|-\n  ---x\n'],
    ['keeps tabs and quotes inside a block literal', { k: 'a\t"b"\n\'c\'\n' }, 'k: |\n  a\t"b"\n  \'c\'\n'],
    ['writes a multi-line key in double quotes', { 'a\nb': 1 }, '"a\\nb": 1\n'],
  ]);
});

describe('numbers, booleans, null and undefined', () => {
  checkRows([
    ['writes numbers as JavaScript prints them, keeping -0', [0, -0, 1.5, -2, 1e21, 5e-7, 1e-7, 2 ** 53], '- 0\n- -0\n- 1.5\n- -2\n- 1e+21\n- 5e-7\n- 1e-7\n- 9007199254740992\n'],
    ['writes booleans and null', { paused: true, ready: false, value: null }, 'paused: true\nready: false\nvalue: null\n'],
    ['quotes the key n, a YAML 1.1 boolean', { n: 1, y: 2 }, '"n": 1\n"y": 2\n'],
    ['writes undefined object values as null (keepUndefined)', { a: undefined, b: 1 }, 'a: null\nb: 1\n'],
    ['writes undefined array items and holes as null', [undefined, , 1], '- null\n- null\n- 1\n'], // eslint-disable-line no-sparse-arrays
    ['writes an undefined document as null', undefined, 'null\n'],
    ['writes a root scalar on its own line', 42, '42\n'],
  ]);
});

describe('collections', () => {
  checkRows([
    ['writes empty collections in flow style', { m: {}, s: [], ss: [[], {}] }, 'm: {}\ns: []\nss:\n  - []\n  - {}\n'],
    ['writes empty root collections', [], '[]\n'],
    ['indents sequences inside maps', { spec: { items: [1, 2] } }, 'spec:\n  items:\n    - 1\n    - 2\n'],
    ['writes maps inside sequences after the dash', [{ a: 1, b: [2] }], '- a: 1\n  b:\n    - 2\n'],
    ['writes sequences inside sequences after the dash', [[1, [2, 3]], 4], '- - 1\n  - - 2\n    - 3\n- 4\n'],
    ['keeps the given key order (cdk8s has already sorted)', { b: 1, a: 2, 10: 3 }, '"10": 3\nb: 1\na: 2\n'],
    ['writes null-prototype objects as maps', Object.assign(Object.create(null) as object, { a: 1 }), 'a: 1\n'],
    ['writes keys longer than 1024 characters as explicit keys', { ['k'.repeat(1025)]: [1, 2] }, `? ${'k'.repeat(1025)}\n: - 1\n  - 2\n`],
    ['writes a long explicit key\'s map value on the ": " line', { x: { ['k'.repeat(1025)]: { a: 1, b: 2 } } }, `x:\n  ? ${'k'.repeat(1025)}\n  : a: 1\n    b: 2\n`],
  ]);
});

describe('repeated objects', () => {
  const shared = { x: 1 };
  const empty = {};
  const cycle: Record<string, unknown> = { x: 1 };
  cycle.self = cycle;
  const list = [1];
  checkRows([
    ['anchors the first occurrence and aliases the rest', { a: shared, b: shared, c: [shared] }, 'a: &a1\n  x: 1\nb: *a1\nc:\n  - *a1\n'],
    ['keeps an anchored empty collection on the key line', { p: empty, q: empty }, 'p: &a1 {}\nq: *a1\n'],
    ['anchors a repeated sequence inside a sequence', [list, list], '- &a1\n  - 1\n- *a1\n'],
    ['writes a cycle through the root as an alias', cycle, '&a1\nx: 1\nself: *a1\n'],
  ]);

  it('numbers anchors in the order their second occurrence is met', () => {
    const first = { f: 1 };
    const second = { s: 2 };
    const doc = { a: second, b: first, c: first, d: second };
    expect(toYaml(doc)).toBe('a: &a2\n  s: 2\nb: &a1\n  f: 1\nc: *a1\nd: *a2\n');
    expect(toYaml(doc)).toBe(reference(doc));
  });
});

describe('toYamlStream', () => {
  const cluster = { apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'Cluster', metadata: { name: 'prod' }, spec: { paused: false } };
  const secret = { apiVersion: 'v1', kind: 'Secret', stringData: { script: '#!/bin/sh\necho "on"\n', port: '6443' } };
  it.each([
    ['no documents', []],
    ['one document', [cluster]],
    ['several documents', [cluster, secret, cluster]],
    ['undefined documents', [undefined, cluster, undefined]],
    ['scalar and empty documents', ['yes', {}, [], null, 'a\nb\n']],
  ] as const)('writes %s exactly as cdk8s Yaml.stringify does', (_name, docs) => {
    expect(toYamlStream(docs)).toBe(Yaml.stringify(...docs));
  });

  it('separates documents with ---', () => {
    expect(toYamlStream([{ a: 1 }, { b: 2 }])).toBe('a: 1\n---\nb: 2\n');
  });
});

describe('unsupported values', () => {
  class Machine {
    readonly cores = 2;
  }
  it.each([
    ['bigint', { spec: { replicas: 3n } }, 'spec.replicas: cannot serialise bigint'],
    ['NaN', { spec: { ratio: Number.NaN } }, 'spec.ratio: cannot serialise NaN'],
    ['Infinity', { limits: [1, Number.POSITIVE_INFINITY] }, 'limits[1]: cannot serialise Infinity'],
    ['-Infinity', [Number.NEGATIVE_INFINITY], '[0]: cannot serialise -Infinity'],
    ['functions', { metadata: { labels: { 'app.kubernetes.io/name': () => 'x' } } }, 'metadata.labels["app.kubernetes.io/name"]: cannot serialise function'],
    ['symbols', { items: [{ id: Symbol('x') }] }, 'items[0].id: cannot serialise symbol'],
    ['Dates', { created: new Date(0) }, 'created: cannot serialise an instance of Date'],
    ['Maps', { m: new Map() }, 'm: cannot serialise an instance of Map'],
    ['Sets', { s: new Set([1]) }, 's: cannot serialise an instance of Set'],
    ['class instances', { machine: new Machine() }, 'machine: cannot serialise an instance of Machine'],
    ['buffers', { data: Buffer.from('x') }, 'data: cannot serialise an instance of Buffer'],
    ['boxed strings', { s: new String('x') }, 's: cannot serialise an instance of String'], // eslint-disable-line no-new-wrappers
    ['a toJSON method', { d: { toJSON: () => 1 } }, 'd.toJSON: cannot serialise function'],
    ['a bigint document', 1n, '(document root): cannot serialise bigint'],
  ])('rejects %s with a TypeError naming the path', (_name, doc, message) => {
    expect(() => toYaml(doc)).toThrow(TypeError);
    expect(() => toYaml(doc)).toThrow(message);
  });

  it('rejects the first unsupported value in writing order', () => {
    expect(() => toYaml({ a: [1, { b: 2n }], c: () => 1 })).toThrow('a[1].b: cannot serialise bigint');
  });

  it('rejects unsupported values inside repeated objects', () => {
    const shared = { when: new Date(0) };
    expect(() => toYaml({ a: shared, b: shared })).toThrow('a.when: cannot serialise an instance of Date');
  });

  it('rejects unsupported values in a stream and says what is allowed', () => {
    expect(() => toYamlStream([{ ok: 1 }, { spec: { replicas: 3n } }])).toThrow(
      'spec.replicas: cannot serialise bigint; only plain objects, arrays, strings, finite numbers, booleans, null and undefined can be written as YAML',
    );
  });
});
