/**
 * Plain-text tables for terminal reports: columns padded to their widest cell, two spaces apart,
 * no trailing blanks.
 */

/** The rows (the header first, if any) as lines, each prefixed with `indent`. */
export function formatTable(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(0, ...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => `${indent}${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')}`.trimEnd());
}
