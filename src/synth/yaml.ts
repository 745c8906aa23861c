/**
 * A YAML emitter for JSON-compatible data that writes exactly the bytes cdk8s writes.
 *
 * cdk8s 2.70 serialises every document with `YAML.stringify(doc, { keepUndefined: true,
 * lineWidth: 0, version: '1.1' })` from the `yaml` package (2.9.1). That is general and slow: it
 * builds a node tree per document and chooses a tag for every scalar. This module replays the
 * same decisions directly on plain data, ten times faster or more. Each rule below names the
 * place in `yaml/dist/stringify/*.js` it copies; `test/synth/yaml.test.ts` proves the equality
 * against the real package with a property test.
 *
 * With `lineWidth: 0` nothing is ever folded, so block scalars are always literal (`|`) and
 * double-quoted strings stay on one line unless they are long enough for the escaped line
 * breaks to be written as real ones.
 */

/** One indentation step; the yaml package's default `indent: 2`. */
const STEP = '  ';

/** The yaml package's `lineWidth`-independent limit for an implicit (`key: value`) key. */
const MAX_IMPLICIT_KEY_LENGTH = 1024;

/** Characters that force double quotes: C0 and C1 controls except tab and line feed, DEL, lone surrogates. */
const FORCE_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

/** `plainString`: what a plain scalar may not start with, contain or end with. */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/** `containsDocumentMarker`: a line that a YAML 1.1 reader would take for a document boundary. */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

/**
 * The `test` of every default tag other than `!!str` in the yaml package's YAML 1.1 schema
 * (null, bool, int in bases 2/8/10/16, float, sexagesimal int/float, timestamp), joined into one
 * pattern. A plain string matching any of them would be read back as another type, so it is
 * quoted. The merge key `<<` is missing on purpose: the schema's merge tag claims the string
 * `<<` before the string tag can quote it, so the package writes it bare, as key and as value.
 */
const IMPLICIT_TYPE = new RegExp([
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
].map((pattern) => `(?:${pattern.source})`).join('|'));

/** `blockString`: a block scalar cannot end in a line of only whitespace. */
const ENDS_IN_BLANK_LINE = /\n[\t ]+$/;

/** `blockString`: runs of line breaks inside the trailing whitespace that need indenting. */
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

/** `singleQuotedString`: single quotes cannot keep whitespace around a line break. */
const SPACE_AROUND_NEWLINE = /[ \t]\n|\n[ \t]/;

/** Printable ASCII characters, by code, that may start a plain scalar without further checks. */
const SIMPLE_FIRST = asciiTable((c) => c > 0x20 && c < 0x7f && !',[]{}#&*!|>\'"%@`?-:.'.includes(String.fromCharCode(c)));

/** Printable ASCII characters that may follow inside a plain scalar without further checks. */
const SIMPLE_REST = asciiTable((c) => c > 0x20 && c < 0x7f && c !== 0x3a);

/** First characters of the non-empty strings `IMPLICIT_TYPE` can match. */
const IMPLICIT_FIRST = asciiTable((c) => '-+0123456789.~nNyYtTfFoOeE'.includes(String.fromCharCode(c)));

function asciiTable(accept: (code: number) => boolean): Uint8Array {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) table[code] = accept(code) ? 1 : 0;
  return table;
}

/**
 * True when `value` is printable ASCII without spaces or colons and starts with a character
 * that is neither an indicator nor a document marker: then the only remaining question for the
 * yaml package is whether it would be read back as another type.
 */
function isSimple(value: string): boolean {
  const length = value.length;
  if (length === 0) return false;
  const first = value.charCodeAt(0);
  if (first >= 128 || SIMPLE_FIRST[first] === 0) return false;
  for (let i = 1; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128 || SIMPLE_REST[code] === 0) return false;
  }
  return true;
}

function resolvesToOtherType(value: string): boolean {
  const first = value.charCodeAt(0);
  return first < 128 && IMPLICIT_FIRST[first] === 1 && IMPLICIT_TYPE.test(value);
}

/** `doubleQuotedString` with `doubleQuotedMinMultiLineLength: 40` and no folding. */
function doubleQuoted(value: string, indent: string, implicitKey: boolean): string {
  const json = JSON.stringify(value);
  const lineIndent = indent || (DOCUMENT_MARKER.test(value) ? STEP : '');
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // a space before a line break is escaped so that it survives
      str += json.slice(start, i) + '\\ ';
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    const escape = json[i + 1];
    if (escape === 'u') {
      str += json.slice(start, i) + yamlEscape(json.substring(i + 2, i + 6), json.substring(i, i + 6));
      i += 5;
      start = i + 1;
    } else if (escape === 'n' && !(implicitKey || json[i + 2] === '"' || json.length < 40)) {
      // a line break inside a long string is written as an empty line, which reads back as `\n`
      str += json.slice(start, i) + '\n\n';
      while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
        str += '\n';
        i += 2;
      }
      str += lineIndent;
      if (json[i + 2] === ' ') str += '\\';
      i += 1;
      start = i + 1;
    } else {
      i += 1;
    }
  }
  return start ? str + json.slice(start) : json;
}

/**
 * The YAML spelling of a JSON `\uXXXX` escape. `JSON.stringify` only writes those for C0
 * controls and lone surrogates, so the package's cases for U+0085, U+00A0, U+2028 and U+2029
 * never apply: those characters stay as they are.
 */
function yamlEscape(code: string, jsonEscape: string): string {
  switch (code) {
    case '0000': return '\\0';
    case '0007': return '\\a';
    case '000b': return '\\v';
    case '001b': return '\\e';
    default: return code.startsWith('00') ? '\\x' + code.substring(2) : jsonEscape;
  }
}

/** `singleQuotedString`, falling back to double quotes where single quotes cannot say it. */
function singleQuoted(value: string, indent: string, implicitKey: boolean): string {
  if ((implicitKey && value.includes('\n')) || SPACE_AROUND_NEWLINE.test(value)) {
    return doubleQuoted(value, indent, implicitKey);
  }
  const lineIndent = indent || (DOCUMENT_MARKER.test(value) ? STEP : '');
  return "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${lineIndent}`) + "'";
}

/** `quotedString` with `singleQuote: null`: single quotes only for text with `"` and no `'`. */
function quoted(value: string, indent: string, implicitKey: boolean): string {
  return value.includes('"') && !value.includes("'")
    ? singleQuoted(value, indent, implicitKey)
    : doubleQuoted(value, indent, implicitKey);
}

/** `blockString` in its literal form (`|`, `|-`, `|+`, with an indentation indicator if needed). */
function blockLiteral(text: string, indent: string, forceIndent: boolean): string {
  if (ENDS_IN_BLANK_LINE.test(text)) return quoted(text, indent, false);
  const lineIndent = indent || (forceIndent || DOCUMENT_MARKER.test(text) ? STEP : '');
  const { body, end, chomp } = splitTrailingWhitespace(text, lineIndent);
  const { start, rest, startsWithSpace } = splitLeadingLines(body, lineIndent);
  const header = (startsWithSpace ? (lineIndent ? '2' : '1') : '') + chomp;
  return `|${header}\n${lineIndent}${start}${rest.replace(/\n+/g, `$&${lineIndent}`)}${end}`;
}

/** The chomping indicator from the trailing whitespace, and that whitespace ready to append. */
function splitTrailingWhitespace(text: string, lineIndent: string): { body: string; end: string; chomp: string } {
  let endStart = text.length;
  while (endStart > 0) {
    const ch = text[endStart - 1];
    if (ch !== '\n' && ch !== '\t' && ch !== ' ') break;
    endStart--;
  }
  let end = text.substring(endStart);
  const firstBreak = end.indexOf('\n');
  const chomp = firstBreak === -1 ? '-' : text === end || firstBreak !== end.length - 1 ? '+' : '';
  if (!end) return { body: text, end, chomp };
  if (end.endsWith('\n')) end = end.slice(0, -1);
  return { body: text.substring(0, endStart), end: end.replace(BLOCK_END_NEWLINES, `$&${lineIndent}`), chomp };
}

/** Leading empty lines (which need indenting) and whether the content starts with a space. */
function splitLeadingLines(body: string, lineIndent: string): { start: string; rest: string; startsWithSpace: boolean } {
  let startsWithSpace = false;
  let lastBreak = -1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === ' ') startsWithSpace = true;
    else if (ch === '\n') lastBreak = i;
    else break;
  }
  const start = body.substring(0, lastBreak + 1);
  return { start: start.replace(/\n+/g, `$&${lineIndent}`), rest: body.substring(start.length), startsWithSpace };
}

/** `plainString`: plain if it reads back as the same string, else quoted or a block scalar. */
function plainOrOther(value: string, indent: string, implicitKey: boolean): string {
  const multiLine = value.includes('\n');
  if (implicitKey && multiLine) return quoted(value, indent, true);
  if (NOT_PLAIN.test(value)) {
    return implicitKey || !multiLine ? quoted(value, indent, implicitKey) : blockLiteral(value, indent, false);
  }
  if (multiLine) return blockLiteral(value, indent, false);
  if (DOCUMENT_MARKER.test(value)) {
    if (indent === '') return blockLiteral(value, indent, true);
    if (implicitKey && indent === STEP) return quoted(value, indent, true);
  }
  return IMPLICIT_TYPE.test(value) ? quoted(value, indent, implicitKey) : value;
}

/**
 * A string the way the yaml package writes it at `indent` (the `ctx.indent` of the node), as a
 * key (`implicitKey`) or as a value.
 */
function stringScalar(value: string, indent: string, implicitKey: boolean): string {
  if (isSimple(value)) return resolvesToOtherType(value) ? `"${value}"` : value;
  if (FORCE_DOUBLE.test(value)) return doubleQuoted(value, indent, implicitKey);
  return plainOrOther(value, indent, implicitKey);
}

/**
 * Thrown inside the emitter; `toYaml` turns it into a TypeError naming the path. (Symbols, not
 * errors: the emitter does not track paths or capture stacks on its hot path.)
 */
const UNSUPPORTED = Symbol('unsupported value');

/** Thrown inside the fast pass when an object appears twice; `toYaml` then plans anchors. */
const REPEATED = Symbol('repeated object');

/** Why `value` cannot be written, or undefined for JSON-compatible values. */
function unsupportedReason(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : String(value);
    case 'object': {
      if (value === null || Array.isArray(value)) return undefined;
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto === Object.prototype || proto === null) return undefined;
      const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
      return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object with a custom prototype';
    }
    default:
      return typeof value;
  }
}

function numberScalar(value: number): string {
  if (!Number.isFinite(value)) throw UNSUPPORTED;
  return Object.is(value, -0) ? '-0' : String(value);
}

/** A string, number, boolean, null or undefined; anything else (including objects) throws. */
function scalar(value: unknown, indent: string, implicitKey: boolean): string {
  if (typeof value === 'string') return stringScalar(value, indent, implicitKey);
  if (typeof value === 'number') return numberScalar(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === undefined || value === null) return 'null';
  throw UNSUPPORTED;
}

/**
 * Writes one document. Without `anchors` it throws `REPEATED` at the first object seen twice;
 * with them it writes `&aN` before the first occurrence of each and `*aN` for the others, as the
 * yaml package does with its default `aliasDuplicateObjects: true`.
 */
class Emitter {
  private readonly seen = new Set<object>();

  constructor(private readonly anchors: ReadonlyMap<object, string> | undefined) {}

  /** A node at `indent`, like the package's `stringify(item, ctx)`. */
  node(value: unknown, indent: string): string {
    if (typeof value !== 'object' || value === null) return scalar(value, indent, false);
    const props = this.props(value);
    if (props.startsWith('*')) return props;
    const body = this.collection(value, indent);
    if (!props) return body;
    return body === '{}' || body === '[]' ? `${props} ${body}` : `${props}\n${indent}${body}`;
  }

  /** `&aN` for the first of repeated objects, `*aN` for the rest, '' for objects seen once. */
  private props(value: object): string {
    if (this.anchors === undefined) {
      const size = this.seen.size;
      this.seen.add(value);
      if (this.seen.size === size) throw REPEATED;
      return '';
    }
    const anchor = this.anchors.get(value);
    if (anchor === undefined) return '';
    if (this.seen.has(value)) return `*${anchor}`;
    this.seen.add(value);
    return `&${anchor}`;
  }

  private collection(value: object, indent: string): string {
    if (Array.isArray(value)) return value.length === 0 ? '[]' : this.sequence(value, indent);
    if (unsupportedReason(value) !== undefined) throw UNSUPPORTED;
    const keys = Object.keys(value);
    return keys.length === 0 ? '{}' : this.mapping(value as Record<string, unknown>, keys, indent);
  }

  /** A block sequence: `- item` lines; sequences in maps are indented like maps. */
  private sequence(items: readonly unknown[], indent: string): string {
    const itemIndent = indent + STEP;
    let out = '- ' + this.node(items[0], itemIndent);
    for (let i = 1; i < items.length; i++) out += `\n${indent}- ` + this.node(items[i], itemIndent);
    return out;
  }

  /** A block mapping in the given key order. */
  private mapping(map: Record<string, unknown>, keys: readonly string[], indent: string): string {
    const inner = indent + STEP;
    let out = this.pair(keys[0]!, map[keys[0]!], indent, inner);
    for (let i = 1; i < keys.length; i++) out += `\n${indent}` + this.pair(keys[i]!, map[keys[i]!], indent, inner);
    return out;
  }

  /** `stringifyPair`: `key: value`, or `? key\n: value` for keys longer than 1024 characters. */
  private pair(key: string, value: unknown, indent: string, inner: string): string {
    const keyText = stringScalar(key, inner, true);
    if (keyText.length > MAX_IMPLICIT_KEY_LENGTH) return `? ${keyText}\n${indent}: ` + this.node(value, inner);
    if (typeof value !== 'object' || value === null) return `${keyText}: ` + scalar(value, inner, false);
    const text = this.node(value, inner);
    // a block collection starts on the next line; anchors, aliases and `{}`/`[]` stay on this one
    const first = text.charCodeAt(0);
    const sameLine = first === 0x26 || first === 0x2a || text === '{}' || text === '[]';
    return sameLine ? `${keyText}: ${text}` : `${keyText}:\n${inner}${text}`;
  }
}

/** Anchor names for objects that appear more than once, numbered in depth-first order of their second appearance. */
function planAnchors(root: unknown): Map<object, string> {
  const seen = new Set<object>();
  const anchors = new Map<object, string>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (seen.has(value)) {
      if (!anchors.has(value)) anchors.set(value, `a${anchors.size + 1}`);
      return;
    }
    seen.add(value);
    const children = Array.isArray(value) ? value : Object.values(value);
    for (let i = 0; i < children.length; i++) visit(children[i]);
  };
  visit(root);
  return anchors;
}

/** `metadata.labels["app.kubernetes.io/name"]`, `spec.items[3]`. */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** The first unsupported value in writing order, with its path. */
function findUnsupported(value: unknown, path: string, seen: Set<object>): { path: string; reason: string } | undefined {
  const reason = unsupportedReason(value);
  if (reason !== undefined) return { path, reason };
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  const entries: readonly (readonly [string | number, unknown])[] = Array.isArray(value)
    ? Array.from(value, (item: unknown, i) => [i, item] as const)
    : Object.entries(value);
  for (const [key, child] of entries) {
    const found = findUnsupported(child, childPath(path, key), seen);
    if (found) return found;
  }
  return undefined;
}

function unsupportedError(doc: unknown): TypeError {
  const found = findUnsupported(doc, '', new Set());
  const where = found?.path || '(document root)';
  const what = found?.reason ?? 'an unsupported value';
  return new TypeError(
    `${where}: cannot serialise ${what}; only plain objects, arrays, strings, finite numbers, booleans, null and undefined can be written as YAML`,
  );
}

function emit(doc: unknown, anchors: ReadonlyMap<object, string> | undefined): string {
  return new Emitter(anchors).node(doc, '') + '\n';
}

/**
 * Writes one document exactly as `YAML.stringify(doc, { keepUndefined: true, lineWidth: 0,
 * version: '1.1' })` from the `yaml` package 2.9.1 does, which is what cdk8s writes per object.
 *
 * Supported: plain objects (including `Object.create(null)`), arrays, strings, finite numbers,
 * booleans, null and undefined. Keys keep their `Object.keys` order. `undefined` is written as
 * `null` wherever it appears (object values, array items, holes, the document itself), as the
 * package does with `keepUndefined: true`. An object or array that appears more than once is
 * written once with an anchor (`&a1`) and then as aliases (`*a1`), again as the package does;
 * cycles are therefore allowed too.
 *
 * @throws TypeError naming the path of the first value that is not JSON-compatible: functions,
 * symbols, bigints, NaN and ±Infinity, and objects that are not plain (Date, Map, Set, Buffer,
 * class instances, boxed primitives), e.g. `spec.replicas: cannot serialise bigint; ...`.
 */
export function toYaml(doc: unknown): string {
  try {
    return emit(doc, undefined);
  } catch (error) {
    if (error === REPEATED) return toYamlWithAnchors(doc);
    if (error === UNSUPPORTED) throw unsupportedError(doc);
    throw error;
  }
}

function toYamlWithAnchors(doc: unknown): string {
  try {
    return emit(doc, planAnchors(doc));
  } catch (error) {
    if (error === UNSUPPORTED) throw unsupportedError(doc);
    throw error;
  }
}

/**
 * Writes a multi-document stream exactly as cdk8s's `Yaml.stringify(...docs)` does: every
 * document through {@link toYaml}, an `undefined` document as an empty line, joined by `---\n`.
 *
 * @throws TypeError as {@link toYaml} does.
 */
export function toYamlStream(docs: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < docs.length; i++) {
    if (i > 0) out += '---\n';
    const doc = docs[i];
    out += doc === undefined ? '\n' : toYaml(doc);
  }
  return out;
}
