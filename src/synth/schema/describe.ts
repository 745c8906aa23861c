/**
 * Short, deterministic descriptions of received values for messages ("got string \"abc\"").
 */

const MAX = 60;

/** A value as it appears in a message: JSON for scalars (shortened), the shape for the rest. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const json = JSON.stringify(value);
    return json.length > MAX ? `${json.slice(0, MAX - 4)}…" (${[...value].length} characters)` : json;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value;
}

/** The JSON type of a value followed by its description: `string "abc"`, `number 1.5`. */
export function describeTyped(value: unknown): string {
  if (value === null || value === undefined || Array.isArray(value) || typeof value === 'object') return describe(value);
  return `${typeof value === 'number' && !Number.isInteger(value) ? 'number' : typeof value} ${describe(value)}`;
}
