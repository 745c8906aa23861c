/**
 * The one-pass object renderer (src/synth/to-json.ts) against cdk8s's own `toJson()`: the same
 * value, key order included, or the same error, for every object, and the shortcut really taken
 * for the objects a fleet is made of.
 */
import { ApiObject, App, Chart, JsonPatch, Lazy, Testing, type IResolver, type ResolutionContext } from 'cdk8s';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReconcilerChart } from '../../src/constructs/reconciler-deployment.js';
import { capi } from '../../src/l1.js';
import { objectRenderer } from '../../src/synth/to-json.js';
import { buildFleet } from './fleet-builder.js';

function apiObjects(app: App): ApiObject[] {
  return app.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
}

/** A value's JSON with its key order, telling undefined from null, or the error it throws. */
function outcome(produce: () => unknown): string {
  try {
    return JSON.stringify(produce(), (_key, value: unknown) => (value === undefined ? '<undefined>' : value));
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
}

/** Every object of `app` renders as its own toJson() renders it. */
function expectSameAsToJson(app: App): void {
  const render = objectRenderer(app);
  for (const obj of apiObjects(app)) expect(outcome(() => render(obj)), obj.node.path).toBe(outcome(() => obj.toJson()));
}

function fleet(): App {
  const app = Testing.app();
  buildFleet(app);
  return app;
}

/** A chart holding one plain ApiObject with `props`. */
function plainObject(props: Record<string, unknown>, app: App = Testing.app()): App {
  new ApiObject(new Chart(app, 'c'), 'o', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, ...props });
  return app;
}

afterEach(() => vi.restoreAllMocks());

describe('objectRenderer', () => {
  it('renders every object of a fleet and of the reconciler chart as their own toJson() does', () => {
    const app = fleet();
    new ReconcilerChart(app, {});
    expectSameAsToJson(app);
  });

  it('renders the objects of a fleet without calling toJson()', () => {
    // GIVEN a fleet of L1 objects (IntOrString unions included) and the renderer
    const app = fleet();
    const render = objectRenderer(app);
    // WHEN every object is rendered; THEN cdk8s's rendering (which every toJson() goes through) never runs
    const toJson = vi.spyOn(ApiObject.prototype, 'toJson');
    for (const obj of apiObjects(app)) render(obj);
    expect(toJson).not.toHaveBeenCalled();
    expect(apiObjects(app).length).toBeGreaterThan(40);
  });

  it('renders a plain ApiObject without calling toJson()', () => {
    const app = plainObject({ data: { b: '1', a: '2' } });
    const toJson = vi.spyOn(ApiObject.prototype, 'toJson');
    const [obj] = apiObjects(app);
    expect(objectRenderer(app)(obj!)).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: '2', b: '1' } });
    expect(toJson).not.toHaveBeenCalled();
  });

  const resolvesToX: IResolver = { resolve: (context: ResolutionContext) => { if (context.value === 'x') context.replaceValue('y'); } };
  const EDGES: [string, () => App][] = [
    ['a Lazy value', () => plainObject({ data: { a: Lazy.any({ produce: () => ({ z: 1, a: [2] }) }) } })],
    ['a value with a resolve() method', () => plainObject({ data: { a: { resolve: () => 'resolved' } } })],
    ['an app with its own resolver', () => plainObject({ data: { a: 'x' } }, new App({ resolvers: [resolvesToX] }))],
    ['null, undefined and empty values', () => plainObject({ data: { a: null, b: undefined, c: {}, d: [], e: [1, null, 2], f: [undefined] } })],
    ['empty metadata fields', () => plainObject({ metadata: { name: 'cm', labels: {}, annotations: {}, finalizers: [], extra: { inner: {} } } })],
    ['integer-like keys', () => plainObject({ data: { 10: 'a', 2: 'b', b: 'c', a: 'd' } })],
    ['a Date', () => plainObject({ data: { at: new Date(0) } })],
    ['a function', () => plainObject({ data: { f: () => 1 } })],
    ['an object with its own constructor key', () => plainObject({ data: { x: { constructor: 'c', value: 'v' } } })],
    ['an array with its own value', () => plainObject({ data: { x: Object.assign(['a'], { value: 'v' }) } })],
    ['a null-prototype object', () => plainObject({ data: Object.assign(Object.create(null) as object, { a: 1 }) })],
    ['an object with a number or string value (a union)', () => plainObject({ data: { x: new (class { value = 3; other = 4; })() } })],
  ];

  it.each(EDGES)('renders %s as toJson() does', (_name, build) => {
    expectSameAsToJson(build());
  });

  it('applies JSON patches as toJson() does', () => {
    const app = fleet();
    const cluster = app.node.findChild('alpha').node.findChild('Cluster') as ApiObject;
    cluster.addJsonPatch(JsonPatch.add('/spec/paused', true), JsonPatch.remove('/metadata/labels'));
    expectSameAsToJson(app);
    expect(objectRenderer(app)(cluster)).toMatchObject({ spec: { paused: true } });
  });

  it('renders an L1 subclass that overrides toJson() with that toJson()', () => {
    class Stamped extends capi.Cluster {
      public override toJson(): Record<string, unknown> {
        return { ...super.toJson(), stamped: true };
      }
    }
    const app = Testing.app();
    const obj = new Stamped(new Chart(app, 'c'), 'x', { metadata: { name: 'x' } });
    expect(objectRenderer(app)(obj)).toEqual(obj.toJson());
    expect(objectRenderer(app)(obj)).toMatchObject({ stamped: true });
  });

  it('renders random data in plain and L1 objects as toJson() does', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('10', '2', 'value', 'resolve', 'constructor', 'a'));
    const leaf = fc.oneof(fc.string({ maxLength: 6 }), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 })),
    }));
    // Undefined values too, as JavaScript callers can pass them.
    const labels = fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 6 }), fc.constant(undefined)), { maxKeys: 4 })
      .map((l) => l as Record<string, string>);
    fc.assert(fc.property(value, value, labels, (data, variable, extra) => {
      const app = Testing.app();
      const chart = new Chart(app, 'c');
      new ApiObject(chart, 'plain', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', labels: extra, annotations: extra }, data });
      new capi.Cluster(chart, 'l1', {
        metadata: { name: 'x', labels: extra },
        spec: { topology: { class: 'k', version: 'v1.31.2', variables: [{ name: 'v', value: variable }] } },
      });
      expectSameAsToJson(app);
    }), { numRuns: 300 });
  });
});
