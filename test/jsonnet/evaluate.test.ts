import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProblemError, type ProblemError } from '../../src/problems.js';
import { evaluateFleet, evaluateSnippet, jsonnetProblems, libraryDir, type EvaluateOptions } from '../../src/jsonnet/evaluate.js';
import { readJsonnetFleet } from '../../src/fleet/read.js';
import { scratch, smallFleet, type Scratch } from './workspace.js';

let ws: Scratch;
beforeAll(() => {
  ws = scratch('evaluate-');
});
afterAll(() => ws.remove());

/** The ProblemError `promise` rejects with. */
async function problemsOf(promise: Promise<unknown>): Promise<ProblemError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isProblemError(error)) throw new Error(`expected a ProblemError, got ${String(error)}`);
  return error;
}

describe('evaluateFleet', () => {
  it('evaluates a file to its value, importing files beside it and the shipped library', async () => {
    ws.write('values/sizes.libsonnet', '{ small: 2 }');
    const path = ws.write('plain.jsonnet', `local sizes = import 'values/sizes.libsonnet';
      local capi = import 'capi-ionos.libsonnet';
      { replicas: sizes.small, nic: capi.nic(ipv4='nodes'), gateway: capi.cidr.host('10.0.0.0/24', 1) }`);
    expect(await evaluateFleet(path)).toEqual({ replicas: 2, nic: { ipv4: 'nodes' }, gateway: '10.0.0.1' });
  });

  it('binds external variables and top-level arguments as strings and as code', async () => {
    const path = ws.write('vars.jsonnet', `function(name, count=1, tags=[])
      { name: name, count: count, tags: tags, env: std.extVar('env'), limits: std.extVar('limits') }`);
    const options: EvaluateOptions = {
      extStr: { env: 'prod' }, extCode: { limits: '{ cpu: 2 * 4 }' },
      tlaStr: { name: 'alpha' }, tlaCode: { count: '3', tags: "['a', 'b']" },
    };
    expect(await evaluateFleet(path, options)).toEqual({ name: 'alpha', count: 3, tags: ['a', 'b'], env: 'prod', limits: { cpu: 8 } });
  });

  it('searches library directories with the last one winning, and the shipped library after all of them', async () => {
    ws.write('jpath/first/site.libsonnet', "{ site: 'first' }");
    ws.write('jpath/second/site.libsonnet', "{ site: 'second' }");
    ws.write('jpath/vendored/capi-ionos.libsonnet', '{ vendored: true }');
    const path = ws.write('jpath/main.jsonnet', "(import 'site.libsonnet') + { lib: std.objectFieldsAll(import 'capi-ionos.libsonnet') }");
    const [first, second, vendored] = ['first', 'second', 'vendored'].map((d) => `${ws.dir}/jpath/${d}`) as [string, string, string];
    const site = async (jpath: string[]) => ((await evaluateFleet(path, { jpath })) as { site: string }).site;
    const lib = async (jpath: string[]) => ((await evaluateFleet(path, { jpath })) as { lib: string[] }).lib;
    expect(await site([first, second])).toBe('second');
    expect(await site([second, first])).toBe('first');
    expect(await lib([first])).toContain('cluster');
    expect(await lib([first, vendored])).toEqual(['vendored']);
    expect(libraryDir()).toMatch(/\/libsonnet$/);
  });

  it('rejects a syntax error with the file, line and column', async () => {
    const path = ws.write('syntax.jsonnet', '{\n  a: 1,\n  b: ,\n}\n');
    const error = await problemsOf(evaluateFleet(path));
    expect(error.layer).toBe('spec');
    expect(error.problems).toEqual([{ file: 'syntax.jsonnet', line: 3, column: 6, path: '', message: 'unexpected: "," while parsing terminal' }]);
  });

  it('rejects a runtime error with the file, line and column of the expression that failed', async () => {
    const path = ws.write('runtime.jsonnet', "local pools = ['a', 'b'];\n{\n  first: pools[0],\n  third: pools[2],\n}\n");
    const error = await problemsOf(evaluateFleet(path));
    expect(error.problems).toEqual([{ file: 'runtime.jsonnet', line: 4, column: 10, path: '', message: 'array bounds error: 2 not within [0, 2)' }]);
    expect(error.message).not.toMatch(/\n\s+at |\t/);
  });

  it('names an imported file relative to the fleet file when the error is raised there', async () => {
    ws.write('teams/infra.libsonnet', "{\n  size(n):: if n > 10 then error 'at most 10 nodes, got ' + n else n,\n}\n");
    const path = ws.write('imports.jsonnet', "local infra = import 'teams/infra.libsonnet';\n{ size: infra.size(12) }\n");
    const error = await problemsOf(evaluateFleet(path));
    expect(error.problems).toEqual([{ file: 'teams/infra.libsonnet', line: 2, column: 28, path: '', message: 'at most 10 nodes, got 12' }]);
  });

  it('points at the caller when the standard library or capi-ionos.libsonnet raises the error', async () => {
    const std = ws.write('stdlib-error.jsonnet', "{\n  n: std.length(42),\n}\n");
    expect((await problemsOf(evaluateFleet(std))).problems).toEqual([
      { file: 'stdlib-error.jsonnet', line: 2, column: 6, path: '', message: 'length operates on strings, objects, and arrays, got number' },
    ]);
    const lib = ws.write('lib-error.jsonnet', "local capi = import 'capi-ionos.libsonnet';\n{\n  m: capi.machine(42),\n}\n");
    expect((await problemsOf(evaluateFleet(lib))).problems).toEqual([{
      file: 'lib-error.jsonnet', line: 3, column: 6, path: '',
      message: "capi.machine: 'image' must be an image id (a string) or capi.image.selector(...), got number",
    }]);
  });

  it('reports a failing native function at its call, under the function\'s name', async () => {
    const path = ws.write('native.jsonnet', "local capi = import 'capi-ionos.libsonnet';\n{\n  pool: capi.cidr.subnet('10.20.0.0/16', 8, 0),\n}\n");
    expect((await problemsOf(evaluateFleet(path))).problems).toEqual([{
      file: 'native.jsonnet', line: 3, column: 9, path: '',
      message: "cidrSubnet: 'newPrefix' 8 is outside 16..32; a subnet of 10.20.0.0/16 needs a prefix from 16 to 32",
    }]);
  });

  it('names the command-line variable when its code is wrong, and says how to give a missing one', async () => {
    const path = ws.write('ext.jsonnet', "function(count) { env: std.extVar('env'), count: count }");
    expect((await problemsOf(evaluateFleet(path, { extCode: { env: '{' }, tlaCode: { count: '1' } }))).problems)
      .toEqual([{ file: '--ext-code env', line: 1, column: 2, path: '', message: 'unexpected: end of file while parsing field definition' }]);
    expect((await problemsOf(evaluateFleet(path, { tlaCode: { count: '1' } }))).problems).toEqual([{
      file: 'ext.jsonnet', line: 1, column: 24, path: '',
      message: 'undefined external variable: env; pass it with --ext-str env=VALUE or --ext-code env=CODE',
    }]);
    expect((await problemsOf(evaluateFleet(path, { extStr: { env: 'x' } }))).problems).toEqual([{
      file: 'ext.jsonnet', path: '',
      message: "the top-level function's parameter count has no value; pass it with --tla-str count=VALUE or --tla-code count=CODE",
    }]);
    expect((await problemsOf(evaluateFleet(path, { extStr: { env: 'x' }, tlaCode: { count: 'error "no count"' } }))).problems)
      .toEqual([{ file: '--tla-code count', line: 1, column: 1, path: '', message: 'no count' }]);
  });

  it('says how to make a missing import findable', async () => {
    const path = ws.write('missing.jsonnet', "local x = import 'vendor/lib.libsonnet';\nx\n");
    expect((await problemsOf(evaluateFleet(path))).problems).toEqual([{
      file: 'missing.jsonnet', line: 1, column: 11, path: '',
      message: 'couldn\'t open import "vendor/lib.libsonnet": no match locally or in the Jsonnet library paths. Add the directory that holds it with -J DIR.',
    }]);
  });
});

describe('evaluateSnippet', () => {
  it('evaluates source as if it were the file named, with its imports relative to it', async () => {
    ws.write('snippets/two.libsonnet', '2');
    expect(await evaluateSnippet("1 + (import 'two.libsonnet')", `${ws.dir}/snippets/virtual.jsonnet`)).toBe(3);
  });
});

describe('readJsonnetFleet', () => {
  it('reads the evaluated value as a fleet', async () => {
    const fleet = await readJsonnetFleet(ws.write('small.jsonnet', smallFleet()));
    expect(fleet.name).toBe('small');
    expect(fleet.clusters.map((c) => [c.name, c.namespace, c.credentialsSecret, c.controlPlane.endpoint])).toEqual([['alpha', 'alpha', 'ionos-credentials', 'auto']]);
  });

  it('rejects a fleet with problems, naming the file and every path', async () => {
    const path = ws.write('bad-fleet.jsonnet', smallFleet().replace("capi.nodePool('workers', 2,", "capi.nodePool('workers', -1,").replace("'de/txl'", '42'));
    const error = await problemsOf(readJsonnetFleet(path));
    expect(error.problems).toEqual([
      { file: 'bad-fleet.jsonnet', path: 'clusters[0].location', message: 'must be a string, got 42; quote it: "42"' },
      { file: 'bad-fleet.jsonnet', path: 'clusters[0].nodePools[0].replicas', message: 'must be >= 0, got -1' },
    ]);
  });
});

describe('jsonnetProblems', () => {
  const context = { dir: '/repo/fleet', main: '/repo/fleet/fleet.jsonnet', library: '/pkg/libsonnet' };

  it.each([
    ['STATIC ERROR: /repo/fleet/fleet.jsonnet:4:1: unexpected: "}" while parsing terminal\n',
      { file: 'fleet.jsonnet', line: 4, column: 1, path: '', message: 'unexpected: "}" while parsing terminal' }],
    ['STATIC ERROR: /repo/fleet/fleet.jsonnet:3:3-15: Unknown variable: x\n',
      { file: 'fleet.jsonnet', line: 3, column: 3, path: '', message: 'Unknown variable: x' }],
    ['STATIC ERROR: /repo/fleet/fleet.jsonnet:(3:3)-(5:1): something: with colons\n',
      { file: 'fleet.jsonnet', line: 3, column: 3, path: '', message: 'something: with colons' }],
    ['STATIC ERROR: tla:x:2:3: Unknown variable: a\n',
      { file: '--tla-code x', line: 2, column: 3, path: '', message: 'Unknown variable: a' }],
    ['RUNTIME ERROR: multi\n\t/repo/fleet/lib/c.libsonnet:6:11-24\tobject <anonymous>\n\t/repo/fleet/lib/c.libsonnet:(4:5)-(7:8)\tfunction <anonymous>\n\t/repo/fleet/fleet.jsonnet:1:1-28\t\n',
      { file: 'lib/c.libsonnet', line: 6, column: 11, path: '', message: 'multi' }],
    ['RUNTIME ERROR: two\nlines\n\t/repo/fleet/fleet.jsonnet:1:5-17\tobject <anonymous>\n\tDuring manifestation\t\n',
      { file: 'fleet.jsonnet', line: 1, column: 5, path: '', message: 'two\nlines' }],
    ['RUNTIME ERROR: Assertion failed. 1 != 2\n\tstd.jsonnet:826:7-50\tfunction <anonymous>\n\t/repo/fleet/fleet.jsonnet:1:5-26\tobject <anonymous>\n\tDuring manifestation\t\n',
      { file: 'fleet.jsonnet', line: 1, column: 5, path: '', message: 'Assertion failed. 1 != 2' }],
    ['RUNTIME ERROR: bad\n\t/pkg/libsonnet/capi-ionos.libsonnet:20:8-30\tfunction <imageOf>\n\t/elsewhere/vendor/x.libsonnet:2:3\tfunction <f>\n\t...\n\t/repo/fleet/fleet.jsonnet:9:9\t\n',
      { file: '/elsewhere/vendor/x.libsonnet', line: 2, column: 3, path: '', message: 'bad' }],
    ['RUNTIME ERROR: only the library\n\t/pkg/libsonnet/capi-ionos.libsonnet:20:8-30\tfunction <imageOf>\n',
      { file: 'capi-ionos.libsonnet', line: 20, column: 8, path: '', message: 'only the library' }],
    ['RUNTIME ERROR: function has no parameter q\n\tTop-level function\t\n',
      { file: 'fleet.jsonnet', path: '', message: 'the top-level function has no parameter q; check the names given to --tla-str and --tla-code' }],
    ['Opening input file: /repo/fleet/fleet.jsonnet: No such file or directory',
      { file: 'fleet.jsonnet', path: '', message: 'Opening input file: /repo/fleet/fleet.jsonnet: No such file or directory' }],
  ])('reads %j', (text, expected) => {
    expect(jsonnetProblems(text, context)).toEqual([expected]);
  });
});
