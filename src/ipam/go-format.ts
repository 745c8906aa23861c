/**
 * Text the way Go and Kubernetes write it, so that messages about pools read exactly like the
 * In-Cluster IPAM provider's: Go's `strconv.Quote`, `%#v` of a `[]string`, and the rendering of
 * a Kubernetes `field.Invalid` error (`spec.gateway: Invalid value: "x": detail`).
 */

/** Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x07: '\\a', 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x0b: '\\v',
};

function quoteRune(codePoint: number): string {
  if (codePoint === 0x22) return '\\"';
  if (codePoint === 0x5c) return '\\\\';
  // A lone surrogate cannot reach Go (JSON decoding turns it into U+FFFD, which is printable).
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return '\ufffd';
  const char = String.fromCodePoint(codePoint);
  if (codePoint === 0x20 || PRINTABLE.test(char)) return char;
  const short = SHORT_ESCAPES[codePoint];
  if (short !== undefined) return short;
  if (codePoint < 0x20 || codePoint === 0x7f) return `\\x${hex(codePoint, 2)}`;
  if (codePoint < 0x10000) return `\\u${hex(codePoint, 4)}`;
  return `\\U${hex(codePoint, 8)}`;
}

/**
 * Go's `strconv.Quote`: a double-quoted string literal, printable characters kept as they are,
 * everything else escaped (`\n`, `\x00`, `\u00a0`, `\U0001f600`).
 */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) out += quoteRune(char.codePointAt(0)!);
  return out + '"';
}

/**
 * Go's `%#v` of a `[]string`: `[]string{"a", "b"}`, `[]string{}` when empty and
 * `[]string(nil)` when absent.
 */
export function goStringSlice(values: readonly string[] | undefined | null): string {
  if (values === undefined || values === null) return '[]string(nil)';
  return `[]string{${values.map(goQuote).join(', ')}}`;
}

/**
 * A Kubernetes `field.Invalid` error as its `Error()` text: `<path>: Invalid value: <value>: <detail>`,
 * where `value` is already rendered the way Kubernetes renders it (`goQuote` for a string,
 * decimal for a number, `goStringSlice` for a list).
 */
export function fieldInvalid(path: string, renderedValue: string, detail: string): string {
  return `${path}: Invalid value: ${renderedValue}: ${detail}`;
}
