/**
 * `capi-ionos synth --stdout`, what the Argo CD plugin generates: for every example (cdk8s apps,
 * the YAML fleet and the same fleet in Jsonnet), one multi-document YAML stream that is exactly
 * the objects of the committed dist/ in order, parses as one stream, holds nothing but objects,
 * is the same on every run, and is what `kustomize build dist` gives.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, type Document } from 'yaml';
import { run } from '../cli/run.js';
import { readTree } from '../synth/tree.js';
import { exec, identities, kustomize, ROOT } from './tools.js';

/** [fleet, its dist/] for every example: main.ts apps, fleet.yaml and fleet.jsonnet. */
const FLEETS: [string, string][] = readdirSync(join(ROOT, 'examples')).sort().flatMap((d) =>
  ['main.ts', 'fleet.yaml', 'fleet.jsonnet'].filter((f) => existsSync(join(ROOT, 'examples', d, f)))
    .map((f): [string, string] => [`examples/${d}/${f}`, `examples/${d}/dist`]));

describe('capi-ionos synth --stdout', () => {
  it('covers every example, apps and fleet files, Jsonnet included', () => {
    expect(FLEETS.map(([f]) => f)).toEqual(expect.arrayContaining(['examples/basic/main.ts', 'examples/fleet/fleet.yaml', 'examples/fleet/fleet.jsonnet']));
  });

  it.each(FLEETS)('prints %s as exactly the objects of %s, one parseable stream, the same twice', async (fleet, dist) => {
    // WHEN synthesised to stdout (twice)
    const first = await run(['synth', fleet, '--stdout'], { cwd: ROOT });
    const second = await run(['synth', fleet, '--stdout'], { cwd: ROOT });
    // THEN it is the files' concatenation, in output order, and nothing on stderr
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    const tree = readTree(join(ROOT, dist));
    const files = Object.keys(tree).filter((p) => !p.endsWith('kustomization.yaml')).sort();
    expect(first.stdout).toBe(files.map((p) => tree[p]).join('---\n'));
    expect(second.stdout).toBe(first.stdout);
    // AND it parses as one stream of objects, one per file, without errors or empty documents
    const parsed = parseAllDocuments(first.stdout);
    if (!Array.isArray(parsed)) throw new Error('synth --stdout is not a YAML stream');
    const docs = parsed as Document[];
    expect(docs.flatMap((d) => d.errors.map((e) => e.message))).toEqual([]);
    expect(docs).toHaveLength(files.length);
    for (const doc of docs) {
      const o = doc.toJS() as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
      expect(typeof o.apiVersion).toBe('string');
      expect(typeof o.kind).toBe('string');
      expect(typeof o.metadata?.name).toBe('string');
    }
    // AND it holds the objects `kustomize build` makes of dist/ (what the rendered path applies)
    if (kustomize.path !== undefined) expect(identities(first.stdout)).toEqual(identities(exec(kustomize.path, ['build', join(ROOT, dist)])));
  });
});
