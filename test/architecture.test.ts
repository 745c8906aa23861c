/**
 * The structure checks of scripts/lint.ts (the layer rule in .dependency-cruiser.cjs, and no
 * terminal or process I/O in library code), run on a tree that breaks every rule on purpose:
 * test/fixtures/layers-broken/. `npm run lint`, which `npm test` runs, holds this repository to
 * the same checks.
 */
import { describe, expect, it } from 'vitest';
import { layerViolations, libraryIoViolations, longLineCounts, longLineViolations } from '../scripts/lint.js';

const BROKEN = new URL('fixtures/layers-broken/', import.meta.url).pathname;

describe('the layer rule', () => {
  it('fails a tree whose modules import across the layers, naming each rule, importer and import', async () => {
    // GIVEN the broken tree WHEN dependency-cruiser checks it
    const violations = await layerViolations(BROKEN);
    // THEN every planted violation is reported, and nothing else
    expect(violations).toEqual([
      'ipam-is-pure: src/ipam/impure.ts → src/cli/usage.ts',
      'ipam-no-io: src/ipam/impure.ts → fs',
      expect.stringMatching(/^ipam-no-packages: src\/ipam\/impure\.ts → .*node_modules\/cdk8s\//),
      'jsonnet-is-a-leaf: src/jsonnet/reads.ts → src/fleet/schema.ts',
      expect.stringMatching(/^no-circular: src\/constructs\/(thing|other)\.ts → .*src\/constructs\/\w+\.ts/),
      'nothing-imports-cli: bench/cli.ts → src/cli/usage.ts',
      'nothing-imports-cli: src/ipam/impure.ts → src/cli/usage.ts',
      'nothing-imports-cli: src/synth/prints.ts → src/cli/usage.ts',
      'reconciler-uses-ipam-and-l1-types: src/reconciler/builds.ts → src/constructs/thing.ts',
    ]);
  }, 120_000);
});

describe('library code', () => {
  it('fails a library module that prints, writes to the terminal, exits or reads the environment', () => {
    expect(libraryIoViolations(BROKEN)).toEqual([
      'src/synth/prints.ts:5: prints (console)',
      'src/synth/prints.ts:5: reads the environment (take it as a parameter)',
      'src/synth/prints.ts:6: writes to the terminal',
      'src/synth/prints.ts:7: exits the process',
    ]);
  });

  it('lets the CLI print and exit', () => {
    // GIVEN the broken tree's src/cli/usage.ts, which prints and exits THEN it is not reported
    expect(libraryIoViolations(BROKEN).filter((v) => v.startsWith('src/cli/'))).toEqual([]);
  });
});

describe('the line limit', () => {
  it('fails a file with a line over 120 characters that the baseline does not allow', () => {
    expect(longLineCounts(BROKEN)).toEqual({ 'src/fleet/schema.ts': 1 });
    expect(longLineViolations(BROKEN, {}))
      .toEqual(['src/fleet/schema.ts: 1 lines over 120 characters, none allowed; break the new ones']);
  });

  it('lets a file keep the long lines its baseline counts, but no more', () => {
    expect(longLineViolations(BROKEN, { 'src/fleet/schema.ts': 1 })).toEqual([]);
    expect(longLineViolations(BROKEN, { 'src/fleet/schema.ts': 0 })).toHaveLength(1);
  });
});
