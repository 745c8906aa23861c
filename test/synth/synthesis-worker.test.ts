/**
 * Synthesis on two threads (src/synth/synthesis-worker.ts and its worker) against the
 * single-threaded path, `render()` then `writeDirectory()`: the same bytes, the same errors, and
 * nothing written, nor left behind, when there is an error.
 */
import type { App } from 'cdk8s';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planErrors, planFleet } from '../../src/fleet/plan.js';
import { buildApp, type AppInput } from '../../src/fleet/app.js';
import { isProblemError } from '../../src/problems.js';
import { render } from '../../src/synth/render.js';
import { SynthesisWorker, type AppBuilder } from '../../src/synth/synthesis-worker.js';
import { writeDirectory } from '../../src/synth/write.js';
import { readTree } from './tree.js';
import { buildWorkerApp, type WorkerApp } from './worker-apps.js';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'synthesis-worker-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;
const fresh = (): string => join(work, `case-${++count}`);

const CLI_BUILDER: AppBuilder = { module: new URL('../../src/fleet/app.js', import.meta.url).href, name: 'buildApp' };
const TEST_BUILDER: AppBuilder = { module: new URL('./worker-apps.js', import.meta.url).href, name: 'buildWorkerApp' };

/** The two-thread path, start to end, as `capi-ionos synth` runs it. */
async function throughWorker(builder: AppBuilder, input: unknown, dir: string) {
  const synthesis = SynthesisWorker.start(builder);
  try {
    const { output, written } = await synthesis.write(input, { dir, token: 'test', env: {} });
    output.commit();
    return written;
  } finally {
    await synthesis.close();
  }
}

/** The single-threaded path. */
function singleThreaded(app: App, dir: string) {
  const rendered = render(app, { env: {} });
  writeDirectory(dir, rendered.files, { token: 'test' });
  return rendered;
}

/** What a call throws: its problems, or its class, message and code. */
async function failure(produce: () => unknown): Promise<unknown> {
  try {
    await produce();
  } catch (error) {
    if (isProblemError(error)) return { layer: error.layer, problems: error.problems };
    return { name: (error as Error).name, message: (error as Error).message, code: (error as NodeJS.ErrnoException).code };
  }
  throw new Error('expected a failure');
}

/** An output directory with old output in it; `unchanged()` checks that neither it nor its parent changed. */
function existingOutput(): { dir: string; unchanged: () => void } {
  const parent = fresh();
  const dir = join(parent, 'dist');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'old.yaml'), 'old: true\n');
  const snapshot = () => ({ siblings: readdirSync(parent).sort(), tree: readTree(dir) });
  const before = snapshot();
  return { dir, unchanged: () => expect(snapshot()).toEqual(before) };
}

async function cliInput(example: string): Promise<AppInput> {
  const path = join(ROOT, example);
  if (!/\.(yaml|jsonnet)$/.test(path)) return { path, reconciler: {} };
  const planned = await planFleet(path, {});
  expect(planErrors(planned)).toBeUndefined();
  return { path, planned };
}

describe('SynthesisWorker', () => {
  it.each(['examples/basic/main.ts', 'examples/fleet/fleet.yaml', 'examples/fleet/fleet.jsonnet'])(
    'writes the bytes the single-threaded path writes for %s', async (example) => {
      const input = await cliInput(example);
      const [a, b] = [fresh(), fresh()];
      const written = await throughWorker(CLI_BUILDER, input, a);
      const rendered = singleThreaded(await buildApp(input), b);
      expect(readTree(a)).toEqual(readTree(b));
      expect(written.objects).toBe(rendered.objects.length);
      expect(written.validation).toEqual(rendered.validation);
    },
  );

  it('writes the bytes the single-threaded path writes for a fleet of integer-like and shared names, over old output', async () => {
    const { dir } = existingOutput();
    const reference = fresh();
    await throughWorker(TEST_BUILDER, 'fleet', dir);
    singleThreaded(buildWorkerApp('fleet'), reference);
    expect(readTree(dir)).toEqual(readTree(reference));
    expect(readdirSync(join(dir, '..'))).toEqual(['dist']);
  });

  it.each<[string, WorkerApp, object]>([
    ['construct problems', 'construct problems', { layer: 'construct' }],
    ['validation problems', 'validation problems', { layer: 'validation' }],
    ['an object cdk8s cannot render', 'unrenderable', { message: expect.stringContaining("can't render non-simple object") }],
  ])('fails as render() does on %s, and leaves everything as it was', async (_case, app, kind) => {
    const { dir, unchanged } = existingOutput();
    const expected = await failure(() => render(buildWorkerApp(app), { env: {} }));
    expect(expected).toMatchObject(kind);
    expect(await failure(() => throughWorker(TEST_BUILDER, app, dir))).toEqual(expected);
    unchanged();
  });

  it('fails with what building the app throws, and makes nothing', async () => {
    const parent = fresh();
    expect(await failure(() => throughWorker(TEST_BUILDER, 'throws', join(parent, 'dist'))))
      .toEqual(await failure(() => buildWorkerApp('throws')));
    expect(existsSync(parent)).toBe(false);
  });

  it('removes the parent directories it made when it fails', async () => {
    const parent = fresh();
    await expect(throughWorker(TEST_BUILDER, 'validation problems', join(parent, 'a', 'dist'))).rejects.toThrow();
    expect(existsSync(parent)).toBe(false);
  });

  it('fails with the error writeDirectory() gives when the directory cannot be made', async () => {
    const blocker = join(fresh(), 'file');
    mkdirSync(join(blocker, '..'), { recursive: true });
    writeFileSync(blocker, 'not a directory');
    const expected = await failure(() => singleThreaded(buildWorkerApp('fleet'), join(blocker, 'dist')));
    expect(expected).toMatchObject({ code: 'ENOTDIR' });
    expect(await failure(() => throughWorker(TEST_BUILDER, 'fleet', join(blocker, 'dist')))).toEqual(expected);
    expect(readdirSync(join(blocker, '..'))).toEqual(['file']);
  });
});
