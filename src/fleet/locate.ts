/**
 * Lines and columns for problems in YAML (or JSON) files: a path such as
 * `clusters[2].nodePools[0].replicas` is looked up in the parsed document, and the problem gets
 * the line and column of the nearest node on that path. The fleet file and the lock file use it.
 */
import { createRequire } from 'node:module';
import type { Problem } from '../problems.js';

const requireModule = createRequire(import.meta.url);

/** The `yaml` package, loaded on first use: plain fleet files never need it (see readSimpleYaml). */
export function yamlPackage(): typeof import('yaml') {
  return requireModule('yaml') as typeof import('yaml');
}

/** `path` such as `clusters[2].nodePools[0]` or `labels["a/b"]` as the key list `yaml` uses. */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const match of path.matchAll(/([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (match[1] !== undefined) keys.push(match[1]);
    else if (match[2] !== undefined) keys.push(Number(match[2]));
    else keys.push(JSON.parse(match[3]!) as string);
  }
  return keys;
}

/** Finds the line and column of paths in one YAML text. */
export interface Locator {
  /** The line and column (1-based) of the nearest node on `path`, if the text has one. */
  at(path: string): { line: number; column: number } | undefined;
  /** `problems`, each with the line and column of its path where it has none yet. */
  locate(problems: readonly Problem[]): Problem[];
}

/** A locator over `text`; `undefined` when the text does not parse (its syntax errors are reported elsewhere). */
export function yamlLocator(text: string): Locator | undefined {
  const yaml = yamlPackage();
  const lines = new yaml.LineCounter();
  let doc: import('yaml').Document;
  try {
    doc = yaml.parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0) return undefined;
  const at = (path: string): { line: number; column: number } | undefined => {
    const keys = pathKeys(path);
    // The document itself is no location: a path that is not in the file gets none.
    for (let n = keys.length; n >= 1; n--) {
      const node = doc.getIn(keys.slice(0, n), true);
      if (yaml.isNode(node) && node.range) {
        // A scalar is pointed at itself; a map or list at the key that holds it, whose line is
        // where the user looks (the collection itself starts on the next line).
        const offset = yaml.isCollection(node) ? keyOffset(doc, keys.slice(0, n)) : undefined;
        const { line, col } = lines.linePos(offset ?? node.range[0]);
        return { line, column: col };
      }
    }
    return undefined;
  };
  return {
    at,
    locate: (problems) => problems.map((p) => {
      if (p.line !== undefined) return p;
      const where = at(p.path);
      return where === undefined ? p : { ...p, line: where.line, column: where.column };
    }),
  };
}

/** The offset of the key of the map entry at `keys` (its last key a string), if there is one. */
function keyOffset(doc: import('yaml').Document, keys: readonly (string | number)[]): number | undefined {
  const yaml = yamlPackage();
  const last = keys[keys.length - 1];
  if (typeof last !== 'string') return undefined;
  const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
  if (!yaml.isMap(parent)) return undefined;
  for (const item of parent.items) {
    if (yaml.isScalar(item.key) && item.key.value === last && item.key.range) return item.key.range[0];
  }
  return undefined;
}
