import { App, Names, YamlOutputType } from 'cdk8s';
import fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFleet } from '../../src/fleet/app.js';
import { render, toStream } from '../../src/synth/render.js';
import { OUTPUT_HEADER } from '../../src/synth/kustomization.js';
import { buildFleet, CLUSTERS } from './fleet-builder.js';
import { readTree } from './tree.js';

function filesOf(app: App): Record<string, string> {
  return Object.fromEntries(render(app, { env: {} }).files.map((f) => [f.path, f.content]));
}

function fleetFiles(order?: <T>(items: readonly T[]) => T[], clusters = CLUSTERS): Record<string, string> {
  const app = new App();
  buildFleet(app, clusters, order);
  return filesOf(app);
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Every example: the cdk8s programs (examples/<name>/main.ts) and the fleet file. */
const EXAMPLES = [
  ...readdirSync(join(ROOT, 'examples')).filter((d) => existsSync(join(ROOT, 'examples', d, 'main.ts'))).map((d) => `examples/${d}/main.ts`),
  'examples/fleet/fleet.yaml',
  'examples/topology/fleet.yaml',
];

/**
 * What cdk8s's own `App.synth()` writes for `app` (one folder per chart, one file per object),
 * with folders renamed from cdk8s's DNS labels to chart ids as ours are named.
 */
function naiveFiles(app: App): Record<string, string> {
  const outdir = mkdtempSync(join(tmpdir(), 'naive-'));
  try {
    const target = app as { outdir: string; yamlOutputType: YamlOutputType };
    target.outdir = outdir;
    target.yamlOutputType = YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE;
    // App's own synth, also for a FleetApp (whose synth() renders with the fast path).
    App.prototype.synth.call(app);
    const folders = new Map(app.charts.map((c) => [Names.toDnsLabel(c), c.node.id]));
    return Object.fromEntries(Object.entries(readTree(outdir)).map(([path, content]) => {
      const [folder, ...rest] = path.split('/');
      return [[folders.get(folder!) ?? folder, ...rest].join('/'), content];
    }));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe('render', () => {
  it.each(EXAMPLES)('writes exactly the bytes App.synth() writes for %s', async (example) => {
    const { app } = await loadFleet(join(ROOT, example));
    const fast = filesOf(app);
    // After the fast path: App.synth() adds chart dependencies to the tree while it works.
    const naive = naiveFiles(app);
    expect(Object.keys(naive).length).toBeGreaterThan(5);
    for (const [path, content] of Object.entries(naive)) expect(fast[path], path).toBe(content);
    expect(Object.keys(fast).filter((p) => !(p in naive)).every((p) => p.endsWith('kustomization.yaml'))).toBe(true);
  });

  it('gives identical bytes on every run', () => {
    expect(fleetFiles()).toEqual(fleetFiles());
  });

  it('gives identical bytes whatever order clusters and pools were created in', () => {
    const reference = fleetFiles();
    fc.assert(fc.property(fc.integer(), (seed) => {
      // A seeded shuffle (fast-check shrinks the seed, not the permutation).
      const order = <T>(items: readonly T[]): T[] => {
        const out = [...items];
        let s = seed;
        for (let i = out.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1103515245) + 12345) | 0;
          const j = Math.abs(s) % (i + 1);
          [out[i], out[j]] = [out[j]!, out[i]!];
        }
        return out;
      };
      expect(fleetFiles(order)).toEqual(reference);
    }), { numRuns: 20 });
  });

  it('changes no byte of other clusters when a cluster is added', () => {
    const before = fleetFiles();
    const after = fleetFiles(undefined, [...CLUSTERS, { name: 'delta', pools: ['workers'] }]);
    for (const [path, content] of Object.entries(before)) {
      if (path === 'kustomization.yaml') continue;
      expect(after[path], path).toBe(content);
    }
    const added = Object.keys(after).filter((p) => !(p in before));
    expect(added.every((p) => p.startsWith('delta/'))).toBe(true);
    expect(added).toContain('delta/Cluster.delta.k8s.yaml');
  });

  it('writes exactly the bytes App.synth() writes, per chart and object', () => {
    const app = new App();
    buildFleet(app);
    const fast = filesOf(app);
    const outdir = mkdtempSync(join(tmpdir(), 'naive-'));
    try {
      const naive = new App({ outdir, yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
      buildFleet(naive);
      naive.synth();
      // cdk8s names folders with Names.toDnsLabel, which hashes '_shared' (not a DNS label);
      // we keep chart ids as folder names. Map the folder, compare the bytes.
      const folders = new Map(naive.charts.map((c) => [Names.toDnsLabel(c), c.node.id]));
      const naiveFiles = Object.fromEntries(Object.entries(readTree(outdir)).map(([path, content]) => {
        const [folder, ...rest] = path.split('/');
        return [[folders.get(folder!) ?? folder, ...rest].join('/'), content];
      }));
      expect(folders.get('_shared-c814a8dd')).toBe('_shared');
      expect(Object.keys(naiveFiles).length).toBeGreaterThan(40);
      for (const [path, content] of Object.entries(naiveFiles)) expect(fast[path], path).toBe(content);
      // Ours adds only the kustomizations.
      expect(Object.keys(fast).filter((p) => !(p in naiveFiles)).every((p) => p.endsWith('kustomization.yaml'))).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('sorts charts by code unit, integer-like names included', () => {
    const app = new App();
    buildFleet(app);
    expect(filesOf(app)['kustomization.yaml']).toBe(
      `${OUTPUT_HEADER}apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - "10"\n  - _shared\n  - alpha\n  - beta\n  - gamma\n`,
    );
  });

  it('streams the objects as one multi-document YAML, in file order', () => {
    const app = new App();
    buildFleet(app);
    const rendered = render(app, { env: {} });
    const stream = toStream(rendered);
    expect(stream.split(/^---$/m)).toHaveLength(rendered.objects.length);
    expect(stream.startsWith(rendered.objects[0]!.content)).toBe(true);
  });

  it.each(['CDK8S_DISABLE_SORT', 'CDK8S_LEGACY_HASH'])('refuses to run with %s set', (name) => {
    const app = new App();
    buildFleet(app);
    expect(() => render(app, { env: { [name]: '1' } })).toThrow(new RegExp(`unset ${name}`));
  });
});
