/**
 * A fast reader for the plain YAML that fleet files are written in: block mappings and
 * sequences, flow collections on one line, plain and quoted scalars on one line, comments.
 *
 * The `yaml` package reads about a megabyte a second (a fleet of 1,000 clusters is one); this
 * reader is twenty to thirty times faster and does not load the package. It is a shortcut, not
 * a second definition of YAML: it either returns exactly the value that
 * `parseDocument(text, { uniqueKeys: true }).toJS()` returns for a text without errors, or
 * `undefined` as soon as it meets anything outside its subset (tabs, CR, anchors, aliases, tags,
 * block scalars, multi-line scalars or flow collections, escapes, complex or non-string keys,
 * duplicate keys, directives, several documents, odd indentation); the caller then reads the
 * text with the `yaml` package, which also reports errors by line and column. Plain scalars are
 * typed as the package's core schema types them. test/fleet/simple-yaml.test.ts holds it to that
 * with property tests.
 */

/** A plain scalar type of the YAML 1.2 core schema: what it matches and the value it reads as. */
export interface CoreScalarType {
  readonly test: RegExp;
  readonly resolve: (text: string) => unknown;
}

/**
 * The core schema's plain scalar types, in the order the `yaml` package (2.9) tries them
 * (`yaml/dist/schema/core/schema.js`): null, bool, int (octal, decimal, hex), float (nan/inf,
 * exponent, fraction). Copied, so that the fast path does not load the package;
 * test/fleet/simple-yaml.test.ts checks them against the package's own tags.
 */
export const CORE_SCALAR_TYPES: readonly CoreScalarType[] = [
  { test: /^(?:~|[Nn]ull|NULL)?$/, resolve: () => null },
  { test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, resolve: (s) => s[0] === 't' || s[0] === 'T' },
  { test: /^0o[0-7]+$/, resolve: (s) => parseInt(s.substring(2), 8) },
  { test: /^[-+]?[0-9]+$/, resolve: (s) => parseInt(s, 10) },
  { test: /^0x[0-9a-fA-F]+$/, resolve: (s) => parseInt(s.substring(2), 16) },
  {
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
  },
  { test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, resolve: (s) => parseFloat(s) },
  { test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, resolve: (s) => parseFloat(s) },
];

/** Thrown inside the reader to leave the subset; never escapes it. */
class Unsupported extends Error {}

function unsupported(): never {
  throw new Unsupported();
}

/**
 * Whether a core-schema tag other than `!!str` could match a plain scalar starting with this
 * character code: null (`~`, `null`, ...), booleans (`true`, `false`, ...) and numbers start with
 * one of `~ n N t T f F + - .` or a digit. Other scalars are strings without testing the tags.
 */
function mayBeTyped(first: number): boolean {
  return (first >= 48 && first <= 57) || first === 126 || first === 110 || first === 78 || first === 116 || first === 84
    || first === 102 || first === 70 || first === 43 || first === 45 || first === 46;
}

/** A plain scalar's value: the first core type whose test matches resolves it, else a string. */
function plainValue(text: string): unknown {
  if (!mayBeTyped(text.charCodeAt(0))) return text;
  for (const type of CORE_SCALAR_TYPES) {
    if (type.test.test(text)) return type.resolve(text);
  }
  return text;
}

/** A key: only strings are supported (the package would turn other keys into strings its way). */
function plainKey(text: string): string {
  if (mayBeTyped(text.charCodeAt(0)) && CORE_SCALAR_TYPES.some((type) => type.test.test(text))) unsupported();
  return text;
}

/** Characters a plain scalar may not start with (YAML 1.2 indicators), besides `-?:` + space. */
const PLAIN_START_FORBIDDEN = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', ' ']);

/**
 * Whether a plain scalar may start with `first` followed by `second`: `-`, `?` and `:` only
 * before a character that may continue it (not a space, in flow not a flow indicator either).
 */
function plainStartOk(first: string | undefined, second: string | undefined, flow: boolean): boolean {
  if (first === undefined || PLAIN_START_FORBIDDEN.has(first)) return false;
  if (first === '-' || first === '?' || first === ':') {
    return second !== undefined && second !== ' ' && !(flow && ',[]{}'.includes(second));
  }
  return true;
}

const SPACE = 32;
const HASH = 35;
const COLON = 58;

/** `,`, `[`, `]`, `{` or `}`. */
function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/** One content line: its indentation and its text after the indentation. */
interface Line {
  readonly indent: number;
  readonly text: string;
}

/** Keys must be unique, and `__proto__` would need the package's special handling. */
function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__' || key.length > 1000 || Object.prototype.hasOwnProperty.call(map, key)) unsupported();
  map[key] = value;
}

/**
 * Reads a scalar or flow collection from `text` starting at `pos` on one line, in block context
 * (`flow` false) or inside a flow collection. Returns the value and the position after it.
 */
class InlineReader {
  public constructor(private readonly text: string) {}

  /** A whole inline value: the rest of the line must be empty or a comment. */
  public whole(start: number): unknown {
    const { value, end } = this.value(start, false);
    this.restIsComment(end);
    return value;
  }

  /** After a value: only spaces, then nothing or ` #comment`. */
  public restIsComment(pos: number): void {
    const { text } = this;
    let i = pos;
    while (text[i] === ' ') i++;
    if (i < text.length && !(text[i] === '#' && i > pos)) unsupported();
  }

  public value(start: number, flow: boolean): { value: unknown; end: number } {
    const { text } = this;
    const c = text[start];
    if (c === '[') return this.flowSeq(start);
    if (c === '{') return this.flowMap(start);
    if (c === '"' || c === "'") return this.quoted(start);
    return this.plain(start, flow, false);
  }

  public quoted(start: number): { value: string; end: number } {
    const { text } = this;
    const q = text[start]!;
    let out = '';
    let i = start + 1;
    for (;;) {
      const j = text.indexOf(q, i);
      if (j < 0) unsupported();
      const chunk = text.slice(i, j);
      if (q === '"' && chunk.includes('\\')) unsupported();
      out += chunk;
      if (q === "'" && text[j + 1] === "'") {
        out += "'";
        i = j + 2;
        continue;
      }
      return { value: out, end: j + 1 };
    }
  }

  /**
   * A plain scalar: up to the end of the line (block) or the next `,`, `]`, `}` (flow), stopping
   * before ` #`. A `: ` (or `:` at the end, or before a flow indicator in flow) inside it means
   * a mapping that is not supported here.
   */
  public plain(start: number, flow: boolean, key: boolean): { value: unknown; end: number; raw: string } {
    const { text } = this;
    if (!plainStartOk(text[start], text[start + 1], flow)) unsupported();
    const n = text.length;
    let i = start;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) break;
      } else if (c === COLON) {
        const d = text.charCodeAt(i + 1);
        if (i + 1 === n || d === SPACE || (flow && isFlowIndicator(d))) {
          if (key) break;
          unsupported();
        }
      } else if (flow && isFlowIndicator(c)) {
        break;
      }
    }
    while (i > start && text.charCodeAt(i - 1) === SPACE) i--;
    if (i === start) unsupported();
    const raw = text.slice(start, i);
    return { value: key ? plainKey(raw) : plainValue(raw), end: i, raw };
  }

  private skipSpaces(pos: number): number {
    let i = pos;
    while (this.text[i] === ' ') i++;
    return i;
  }

  private flowSeq(start: number): { value: unknown[]; end: number } {
    const { text } = this;
    const out: unknown[] = [];
    let i = this.skipSpaces(start + 1);
    if (text[i] === ']') return { value: out, end: i + 1 };
    for (;;) {
      const item = this.value(i, true);
      out.push(item.value);
      i = this.skipSpaces(item.end);
      if (text[i] === ',') {
        i = this.skipSpaces(i + 1);
        if (text[i] === ']') unsupported();
        continue;
      }
      if (text[i] === ']') return { value: out, end: i + 1 };
      unsupported();
    }
  }

  private flowMap(start: number): { value: Record<string, unknown>; end: number } {
    const { text } = this;
    const out: Record<string, unknown> = {};
    let i = this.skipSpaces(start + 1);
    if (text[i] === '}') return { value: out, end: i + 1 };
    for (;;) {
      let key: string;
      if (text[i] === '"' || text[i] === "'") {
        const q = this.quoted(i);
        key = q.value;
        i = q.end;
      } else {
        const p = this.plain(i, true, true);
        key = p.value as string;
        i = p.end;
      }
      // Only `key: value`: adjacent values, implicit nulls and single pairs take the full path.
      if (text[i] !== ':' || text[i + 1] !== ' ') unsupported();
      i = this.skipSpaces(i + 2);
      if (text[i] === ',' || text[i] === '}') unsupported();
      const item = this.value(i, true);
      setKey(out, key, item.value);
      i = this.skipSpaces(item.end);
      if (text[i] === ',') {
        i = this.skipSpaces(i + 1);
        if (text[i] === '}') unsupported();
        continue;
      }
      if (text[i] === '}') return { value: out, end: i + 1 };
      unsupported();
    }
  }
}

/** The block structure, line by line. */
class BlockReader {
  private index = 0;

  public constructor(private readonly lines: readonly Line[]) {}

  public document(): unknown {
    const first = this.lines[0];
    if (first === undefined) unsupported();
    const value = this.node(first.indent, -1);
    if (this.index < this.lines.length) unsupported();
    return value;
  }

  private peek(): Line | undefined {
    return this.lines[this.index];
  }

  /**
   * A block node whose first line is the current line, at `indent`, inside a node at `parent`:
   * a sequence, a mapping, or a scalar or flow collection alone on its line (then the next line
   * must belong to the parent, or the scalar would go on).
   */
  private node(indent: number, parent: number): unknown {
    const line = this.peek()!;
    if (line.indent !== indent) unsupported();
    if (isSeqEntry(line.text)) return this.sequence(indent);
    if (entryColon(line.text) >= 0) return this.mapping(indent, 0);
    this.index++;
    const value = new InlineReader(line.text).whole(0);
    const next = this.peek();
    if (next !== undefined && next.indent > parent) unsupported();
    return value;
  }

  /** A block sequence at `indent`: lines `- ...` at exactly that indentation. */
  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (let line = this.peek(); line !== undefined && line.indent === indent && isSeqEntry(line.text); line = this.peek()) {
      const text = line.text;
      let offset = 1;
      while (text[offset] === ' ') offset++;
      if (offset === text.length) {
        // `-` alone: the item is the block below, or null.
        this.index++;
        const next = this.peek();
        out.push(next !== undefined && next.indent > indent ? this.node(next.indent, indent) : null);
        continue;
      }
      const rest = text.slice(offset);
      if (isSeqEntry(rest)) unsupported();
      if (entryColon(rest) >= 0) {
        // `- key: value`: a mapping whose first entry is on this line, indented to the key.
        out.push(this.mapping(indent + offset, offset));
        continue;
      }
      this.index++;
      out.push(new InlineReader(text).whole(offset));
      const next = this.peek();
      if (next !== undefined && next.indent > indent) unsupported();
    }
    return out;
  }

  /**
   * A block mapping at `indent`. Its first line may be the current line read from `column`
   * (after `- `), the others are whole lines at exactly `indent`.
   */
  private mapping(indent: number, column: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let first = true;
    for (let line = this.peek(); line !== undefined; line = this.peek()) {
      if (!first && line.indent !== indent) {
        if (line.indent > indent) unsupported();
        break;
      }
      const text = first ? line.text.slice(column) : line.text;
      first = false;
      if (isSeqEntry(text)) unsupported();
      const reader = new InlineReader(text);
      const colon = entryColon(text);
      // The package limits implicit keys to 1024 characters; long keys take the full path.
      if (colon < 0 || colon > 1000) unsupported();
      let key: string;
      if (text[0] === '"' || text[0] === "'") {
        const q = reader.quoted(0);
        if (q.end !== colon) unsupported();
        key = q.value;
      } else {
        const p = reader.plain(0, false, true);
        if (p.end !== colon) unsupported();
        key = p.value as string;
      }
      this.index++;
      let valueStart = colon + 1;
      while (text[valueStart] === ' ') valueStart++;
      if (valueStart < text.length && !(text[valueStart] === '#' && valueStart > colon + 1)) {
        setKey(out, key, reader.whole(valueStart));
        const next = this.peek();
        if (next !== undefined && next.indent > indent) unsupported();
        continue;
      }
      // `key:` with nothing after it: the block below, a sequence at the same indentation, or null.
      const next = this.peek();
      if (next !== undefined && next.indent > indent) {
        setKey(out, key, this.node(next.indent, indent));
      } else if (next !== undefined && next.indent === indent && isSeqEntry(next.text)) {
        setKey(out, key, this.sequence(indent));
      } else {
        setKey(out, key, null);
      }
    }
    return out;
  }
}

/** Whether a line's text is a block sequence entry (`-` then a space or the end). */
function isSeqEntry(text: string): boolean {
  return text[0] === '-' && (text.length === 1 || text[1] === ' ');
}

/**
 * The position of the `:` that ends an implicit key at the start of `text`, or -1 when the text
 * is no `key: value` line. The key is a quoted scalar or a plain one without ` #`.
 */
function entryColon(text: string): number {
  const c = text[0];
  // A flow collection starts a value (flow collections as keys are not supported).
  if (c === '[' || c === '{') return -1;
  let i = 0;
  if (c === '"' || c === "'") {
    i = text.indexOf(c, 1);
    while (c === "'" && i >= 0 && text[i + 1] === "'") i = text.indexOf(c, i + 2);
    if (i < 0) return -1;
    i++;
    return text[i] === ':' && (i + 1 === text.length || text[i + 1] === ' ') ? i : -1;
  }
  for (; i < text.length; i++) {
    if (text[i] === '#' && i > 0 && text[i - 1] === ' ') return -1;
    if (text[i] === ':' && (i + 1 === text.length || text[i + 1] === ' ')) return i;
  }
  return -1;
}

/**
 * Tabs and CR (indentation and line-break rules), control characters, BOMs, Unicode line
 * separators and lone surrogates: texts with any of them take the full parser.
 */
const UNSUPPORTED_CHARACTERS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]/;

/** The content lines of `text`, without blank and comment-only lines; `undefined` outside the subset. */
function contentLines(text: string): Line[] | undefined {
  if (UNSUPPORTED_CHARACTERS.test(text)) return undefined;
  const lines: Line[] = [];
  let start = 0;
  let documentStart = true;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    start = end + 1;
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    if (indent === raw.length || raw[indent] === '#') continue;
    if (indent === 0 && (raw.startsWith('---') || raw.startsWith('...') || raw[0] === '%')) {
      // One leading `---` (alone or before a comment) is allowed; other markers are not.
      if (documentStart && lines.length === 0 && /^---(?: +#.*| *)$/.test(raw)) {
        documentStart = false;
        continue;
      }
      return undefined;
    }
    let last = raw.length;
    while (raw.charCodeAt(last - 1) === SPACE) last--;
    lines.push({ indent, text: raw.slice(indent, last) });
  }
  return lines;
}

/**
 * Reads `text` when it stays inside the supported subset of YAML.
 *
 * @returns `{ value }` equal to what `parseDocument(text, { uniqueKeys: true }).toJS()` returns
 *   (and the package would report no error), or `undefined`: read it with the `yaml` package
 */
export function readSimpleYaml(text: string): { readonly value: unknown } | undefined {
  const lines = contentLines(text);
  if (lines === undefined || lines.length === 0) return undefined;
  try {
    return { value: new BlockReader(lines).document() };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
