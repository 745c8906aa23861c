/**
 * The Jsonnet addon is loaded only when a Jsonnet fleet is read. The built CLI (bin/capi-ionos.js
 * over a fresh `tsc -p tsconfig.build.json` of the current sources) runs in a child process with a
 * preloaded hook that records every native addon passed to process.dlopen.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './workspace.js';

const run = promisify(execFile);
const HOOK = pathToFileURL(join(import.meta.dirname, 'fixtures/record-addons.mjs')).href;

let build: string;
let fleet: string;

beforeAll(async () => {
  mkdirSync(join(ROOT, '.test-tmp'), { recursive: true });
  build = mkdtempSync(join(ROOT, '.test-tmp', 'lazy-'));
  // Type errors elsewhere in the tree do not stop tsc from emitting; the CLI must exist.
  await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(build, 'lib')])
    .catch((error: { stdout?: string }) => error);
  if (!existsSync(join(build, 'lib/src/cli/main.js'))) throw new Error('the build did not produce lib/src/cli/main.js');
  mkdirSync(join(build, 'bin'));
  copyFileSync(join(ROOT, 'bin/capi-ionos.js'), join(build, 'bin/capi-ionos.js'));
  copyFileSync(join(ROOT, 'package.json'), join(build, 'package.json'));
  fleet = join(build, 'fleet');
  cpSync(join(ROOT, 'examples/fleet'), fleet, { recursive: true });
});

afterAll(() => rmSync(build, { recursive: true, force: true }));

/** Runs the built CLI with `args` in the example fleet's copy; returns the addons it loaded. */
async function addonsLoadedBy(args: readonly string[]): Promise<{ code: number; stderr: string; addons: string[] }> {
  const log = join(build, `addons-${args.join('-').replace(/[^a-z0-9.-]/gi, '_')}.log`);
  const result = await run(process.execPath, ['--import', HOOK, join(build, 'bin/capi-ionos.js'), ...args], {
    cwd: fleet, env: { ...process.env, CAPI_IONOS_ADDON_LOG: log },
  }).then((r) => ({ code: 0, stderr: r.stderr }), (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }));
  const text = readFileSync(log, 'utf8');
  return { ...result, addons: text === '' ? [] : text.split('\n') };
}

describe('loading the Jsonnet addon', () => {
  it.each([
    [['synth', 'fleet.yaml', '-o', 'out-yaml']],
    [['plan', 'fleet.yaml']],
    [['validate', 'fleet.yaml']],
    [['synth', '--help']],
  ])('does not happen for %j', async (args) => {
    const { code, stderr, addons } = await addonsLoadedBy(args);
    expect(code, stderr).toBe(0);
    expect(addons.filter((a) => /jsonnet/i.test(a))).toEqual([]);
  });

  it('happens for a Jsonnet fleet, so the check above would see it', async () => {
    const { code, stderr, addons } = await addonsLoadedBy(['synth', 'fleet.jsonnet', '-o', 'out-jsonnet']);
    expect(code, stderr).toBe(0);
    expect(addons.some((a) => /node-jsonnet\.node$/.test(a))).toBe(true);
    expect(readFileSync(join(fleet, 'out-jsonnet/prod-a/Cluster.prod-a.k8s.yaml'), 'utf8'))
      .toBe(readFileSync(join(ROOT, 'examples/fleet/dist/prod-a/Cluster.prod-a.k8s.yaml'), 'utf8'));
  });
});
