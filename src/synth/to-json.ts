/**
 * Rendering API objects to Kubernetes JSON: the same value `ApiObject.toJson()` returns, in one
 * pass over plain data instead of cdk8s's general machinery.
 *
 * `ApiObject.toJson()` (cdk8s 2.70) resolves the metadata and then the whole object with the
 * app's resolvers, calling `App.of()` and three resolvers for every value and copying the key
 * path at every level; then it sanitises (drops null and undefined, sorts keys), applies JSON
 * patches and puts `apiVersion`, `kind` and `metadata` first. The generated L1 classes then map
 * that through their `toJson_<Kind>Props`. On plain data, resolving is only a copy, so all of
 * this is one sorted copy plus the L1 mapping, at about half the cost; on a large fleet that is
 * the biggest single part of synthesis.
 *
 * The shortcut is taken only where it is provably the same: the app has exactly cdk8s's default
 * resolvers, the object has no patches, its class is `ApiObject` or a generated L1 class of
 * ../l1.ts (whatever subclasses it, as long as `toJson` is not overridden), and every value is
 * plain data or one of the generated number-or-string unions. Anything else (a `Lazy`, a value
 * with a `resolve()` method, a class instance, a hole or null in an array, an error) renders the
 * object with its own `toJson()`, so the result, or the error, is always cdk8s's.
 * test/synth/to-json.test.ts holds the two to the same values.
 */
import {
  ApiObject, ApiObjectMetadataDefinition, ImplicitTokenResolver, Lazy, LazyResolver, NumberStringUnionResolver, type App,
} from 'cdk8s';
import { addons, bootstrap, capi, controlplane, infrastructure, ipamApi } from '../l1.js';

type Json = Record<string, unknown>;

/** Renders one API object of the app to Kubernetes JSON. */
export type ObjectRenderer = (obj: ApiObject) => Json;

/** Thrown during a copy when a value is not plain data; the object then takes `toJson()`. */
const NOT_PLAIN = Symbol('not plain data');

/** The parts of cdk8s's metadata that its `toJson()` reads (private in its typings). */
interface MetadataFields {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels: unknown;
  readonly annotations: unknown;
  readonly finalizers: unknown;
  readonly ownerReferences: unknown;
  readonly _additionalAttributes: object;
}

/** The parts of an ApiObject its `toJson()` reads (private in its typings). */
interface ApiObjectFields {
  readonly props: object;
  readonly patches: unknown;
}

/**
 * A copy of `value` as cdk8s's default resolvers and `sanitizeValue` would make it: strings,
 * numbers and booleans as they are, plain objects with sorted keys and without null or undefined
 * values, arrays item by item, and an object with a number or string `value` (a generated union
 * such as `IntOrString`) as `{ value }`. With `filterEmpty` (metadata), empty objects and arrays
 * are dropped too. Returns undefined for what is dropped.
 *
 * @throws NOT_PLAIN for anything else
 */
function plain(value: unknown, filterEmpty: boolean): unknown {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'undefined':
      return undefined;
    case 'object':
      if (value === null) return undefined;
      break;
    default:
      throw NOT_PLAIN;
  }
  const object = value as Json;
  const proto: unknown = Object.getPrototypeOf(object);
  if (proto === Object.prototype && !Object.hasOwn(object, 'constructor')) {
    // ImplicitTokenResolver would call it.
    if (typeof object.resolve === 'function') throw NOT_PLAIN;
    return plainObject(object, filterEmpty);
  }
  if (object instanceof Lazy || typeof object.resolve === 'function') throw NOT_PLAIN;
  // NumberStringUnionResolver: anything but a plain object with a number or string `value`.
  const union = typeof object.value;
  if (union === 'number' || union === 'string') return { value: object.value };
  if (proto === Array.prototype) return plainArray(object as unknown as readonly unknown[], filterEmpty);
  throw NOT_PLAIN;
}

function plainObject(object: Json, filterEmpty: boolean): Json | undefined {
  const keys = Object.keys(object).sort();
  const out: Json = {};
  let kept = 0;
  for (const key of keys) {
    const copy = plain(object[key], filterEmpty);
    if (copy !== undefined) {
      out[key] = copy;
      kept++;
    }
  }
  return filterEmpty && kept === 0 ? undefined : out;
}

function plainArray(items: readonly unknown[], filterEmpty: boolean): unknown[] | undefined {
  if (filterEmpty && items.length === 0) return undefined;
  const out = new Array<unknown>(items.length);
  for (let i = 0; i < items.length; i++) {
    // cdk8s keeps holes, null and dropped items as holes or undefined: rare, so left to it.
    const copy = plain(items[i], filterEmpty);
    if (copy === undefined) throw NOT_PLAIN;
    out[i] = copy;
  }
  return out;
}

/** The metadata fields `ApiObjectMetadataDefinition.toJson()` writes over its extra attributes. */
const METADATA_FIELDS = ['name', 'namespace', 'annotations', 'finalizers', 'ownerReferences', 'labels'] as const;

/**
 * `ApiObjectMetadataDefinition.toJson()` on plain data: its extra attributes, overridden by its
 * own fields. cdk8s deleted a key of the attributes object, which leaves it slow to spread, so
 * the merged object is not built; its keys are read in sorted order instead.
 */
function plainMetadata(metadata: ApiObjectMetadataDefinition): Json | undefined {
  const fields = metadata as unknown as MetadataFields;
  const extra = fields._additionalAttributes as Json;
  // The merged object goes through the resolvers too.
  if (typeof extra.resolve === 'function' || Object.hasOwn(extra, 'constructor')) throw NOT_PLAIN;
  const keys = Object.keys(extra);
  for (const field of METADATA_FIELDS) if (!Object.hasOwn(extra, field)) keys.push(field);
  keys.sort();
  const out: Json = {};
  let kept = 0;
  for (const key of keys) {
    const value = (METADATA_FIELDS as readonly string[]).includes(key) ? fields[key as keyof MetadataFields] : extra[key];
    const copy = plain(value, true);
    if (copy !== undefined) {
      out[key] = copy;
      kept++;
    }
  }
  return kept === 0 ? undefined : out;
}

/** `ApiObject.toJson()` on plain data. */
function plainApiObject(obj: ApiObject): Json {
  const data = plain({ ...(obj as unknown as ApiObjectFields).props, metadata: plainMetadata(obj.metadata) }, false) as Json;
  const json: Json = {};
  for (const key of ['apiVersion', 'kind', 'metadata', ...Object.keys(data)]) {
    if (key in data) json[key] = data[key];
  }
  return json;
}

/**
 * What each generated L1 class's `toJson()` does after `ApiObject.toJson()`, by that method:
 * `{ ...GVK, ...toJson_<Kind>Props(json) }`, the shape `cdk8s import` generates.
 */
let l1Mappings: Map<unknown, (json: Json) => Json> | undefined;

function l1Mapping(toJson: unknown): ((json: Json) => Json) | undefined {
  if (l1Mappings === undefined) {
    l1Mappings = new Map();
    for (const group of [addons, bootstrap, capi, controlplane, infrastructure, ipamApi]) {
      const exports = group as unknown as Readonly<Record<string, unknown>>;
      for (const [name, value] of Object.entries(exports)) {
        const mapProps = exports[`toJson_${name}Props`];
        const gvk = (value as { GVK?: object } | undefined)?.GVK;
        if (typeof value !== 'function' || typeof mapProps !== 'function' || gvk === undefined) continue;
        const map = mapProps as (json: Json) => Json;
        l1Mappings.set((value.prototype as { toJson: unknown }).toJson, (json) => ({ ...gvk, ...map(json) }));
      }
    }
  }
  return l1Mappings.get(toJson);
}

/** Whether `app` resolves values with exactly cdk8s's default resolvers, in their order. */
function hasDefaultResolvers(app: App): boolean {
  const [lazy, implicit, union, ...more] = app.resolvers;
  return more.length === 0 && lazy?.constructor === LazyResolver && implicit?.constructor === ImplicitTokenResolver
    && union?.constructor === NumberStringUnionResolver;
}

/**
 * Prototypes whose `resolve` or `value` the default resolvers would see on every string, number,
 * array or object: if anything has put such a property there, the shortcut is off.
 */
function prototypesAreClean(): boolean {
  return [Object.prototype, Array.prototype, String.prototype, Number.prototype, Boolean.prototype]
    .every((proto) => !('resolve' in proto) && !('value' in proto));
}

/**
 * A renderer for the objects of `app` that returns exactly what each object's `toJson()` returns
 * (or throws what it throws), taking the one-pass shortcut where that is provably the same.
 */
export function objectRenderer(app: App): ObjectRenderer {
  if (!hasDefaultResolvers(app) || !prototypesAreClean()) return (obj) => obj.toJson() as Json;
  return (obj) => {
    const mapping = obj.toJson === ApiObject.prototype.toJson ? (json: Json) => json : l1Mapping(obj.toJson);
    const patches = (obj as unknown as ApiObjectFields).patches;
    if (mapping === undefined || !Array.isArray(patches) || patches.length > 0
      || obj.metadata.toJson !== ApiObjectMetadataDefinition.prototype.toJson) {
      return obj.toJson() as Json;
    }
    try {
      return mapping(plainApiObject(obj));
    } catch {
      // Not plain data, or a mapping that fails: cdk8s's own rendering decides (and words any error).
      return obj.toJson() as Json;
    }
  };
}
