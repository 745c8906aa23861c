/**
 * Rendering an app into files, in memory: one directory per chart (so one per cluster), one
 * file per object, named as cdk8s names them (`<Kind>.<name>.k8s.yaml`), and a
 * `kustomization.yaml` per directory and at the top.
 *
 * This is the fast path: one walk over the tree, then each object is rendered once with
 * `ApiObject.toJson()` and written by our emitter (./yaml.ts). `App.synth()` adds a whole-app
 * dependency pass (repeated per chart by `chart.toJson()` and cdk8s's default output type, which
 * makes that quadratic in the number of clusters) and the slower `yaml` package. Its bytes equal
 * what `App.synth()` writes with `YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE`; a test holds
 * it to that (bench/synth.ts checks it again on large fleets).
 */
import { ApiObject, Chart, type App } from 'cdk8s';
import type { IConstruct } from 'constructs';
import { ProblemError, type Problem } from '../ipam/problems.js';
import { kustomization } from './kustomization.js';
import { validateObjects, type ValidationStats } from './validate.js';
import { toYaml } from './yaml.js';

/** One rendered object. */
export interface RenderedObject {
  /** Path of its file inside the output directory, with `/` separators. */
  readonly file: string;
  /** The object as Kubernetes JSON. */
  readonly object: Record<string, unknown>;
  /** The object's YAML document (its file's content). */
  readonly content: string;
}

/** One output file. */
export interface OutputFile {
  /** Path inside the output directory, with `/` separators. */
  readonly path: string;
  readonly content: string;
}

/** Everything a synthesis produces, before anything is written. */
export interface Rendered {
  /** Every object, in output order (directories sorted, files sorted within each). */
  readonly objects: readonly RenderedObject[];
  /** Every file, object files and kustomizations, sorted by path. */
  readonly files: readonly OutputFile[];
  /** What the schema validation checked. */
  readonly validation: ValidationStats;
}

/** Environment variables that change cdk8s's output and so break determinism. */
const NONDETERMINISTIC_ENV = ['CDK8S_DISABLE_SORT', 'CDK8S_LEGACY_HASH'] as const;

/** Options of {@link render}. */
export interface RenderOptions {
  /** The environment cdk8s will see (cdk8s reads `process.env` itself, so pass that). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** cdk8s names files from kind and name, dropping characters outside `[0-9a-zA-Z-_.]`. */
export function objectFileName(kind: string, name: string): string {
  return `${kind}.${name}`.replace(/[^0-9a-zA-Z-_.]/g, '') + '.k8s.yaml';
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isApiObject(c: IConstruct): c is ApiObject {
  return ApiObject.isApiObject(c);
}

/** The name the user gave the object, if any (cdk8s keeps the constructor props). */
function explicitName(obj: ApiObject): string | undefined {
  return (obj as unknown as { props?: { metadata?: { name?: string } } }).props?.metadata?.name;
}

function describe(obj: ApiObject): string {
  return `${obj.kind} ${obj.metadata.namespace ? `${obj.metadata.namespace}/` : ''}${obj.name}`;
}

/** What one walk over the construct tree finds. */
interface Collected {
  /** Every construct's validation messages, in tree order (as `App.synth()` runs them). */
  readonly problems: Problem[];
  /** Every chart with the API objects it owns directly (not through a nested chart), in tree order. */
  readonly charts: Map<Chart, ApiObject[]>;
}

/**
 * One pre-order walk over the whole tree: runs every construct's validations and groups the API
 * objects by chart. This replaces `app.charts` (which builds a dependency graph of the whole app
 * only to sort it, while we sort charts by id) and a `findAll()` per chart; the objects of a chart
 * come out in the order its own `findAll()` gives, so messages stay the same.
 */
function collect(app: App): Collected {
  const problems: Problem[] = [];
  const charts = new Map<Chart, ApiObject[]>();
  for (const c of app.node.findAll()) {
    for (const message of c.node.validate()) problems.push({ path: c.node.path, message });
    // Pre-order: a chart comes before everything inside it.
    if (Chart.isChart(c)) charts.set(c, []);
    else if (isApiObject(c)) charts.get(Chart.of(c))!.push(c);
  }
  return { problems, charts };
}

/**
 * Renders every chart of `app` into files and validates every object against the CRDs.
 *
 * @throws ProblemError when a construct, a name or an object is invalid; nothing is returned
 *   then, so nothing can be written
 */
export function render(app: App, options: RenderOptions): Rendered {
  const envProblems = NONDETERMINISTIC_ENV.filter((name) => options.env[name] !== undefined && options.env[name] !== '')
    .map((name) => ({ path: name, message: `is set, which changes cdk8s's output and breaks reproducible manifests; unset ${name}` }));
  if (envProblems.length > 0) throw new ProblemError('input', envProblems);

  const collected = collect(app);
  const problems = collected.problems;
  const charts = [...collected.charts.keys()].sort((a, b) => compareCodeUnits(a.node.id, b.node.id));
  const objects: RenderedObject[] = [];
  const files: OutputFile[] = [];
  const seenObjects = new Map<string, string>();

  for (const chart of charts) {
    const dir = chart.node.id;
    const chartFiles: { file: string; object: Record<string, unknown> }[] = [];
    for (const obj of collected.charts.get(chart)!) {
      if (explicitName(obj) === undefined) {
        problems.push({
          path: obj.node.path,
          message: `${obj.kind} has no metadata.name, so cdk8s would invent a hash-suffixed one that changes when the code moves; set metadata.name explicitly`,
        });
        continue;
      }
      const key = `${obj.apiVersion}|${obj.kind}|${obj.metadata.namespace ?? ''}|${obj.name}`;
      const first = seenObjects.get(key);
      if (first !== undefined) {
        problems.push({ path: obj.node.path, message: `${describe(obj)} is defined twice (also at ${first}); give one of them another name` });
        continue;
      }
      seenObjects.set(key, obj.node.path);
      chartFiles.push({ file: objectFileName(obj.kind, obj.name), object: obj.toJson() as Record<string, unknown> });
    }
    chartFiles.sort((a, b) => compareCodeUnits(a.file, b.file));
    for (let i = 1; i < chartFiles.length; i++) {
      if (chartFiles[i]!.file === chartFiles[i - 1]!.file) {
        problems.push({ path: chart.node.path, message: `two objects would be written to ${dir}/${chartFiles[i]!.file}; give them distinct names` });
      }
    }
    for (const { file, object } of chartFiles) {
      const content = toYaml(object);
      objects.push({ file: `${dir}/${file}`, object, content });
      files.push({ path: `${dir}/${file}`, content });
    }
    files.push({ path: `${dir}/kustomization.yaml`, content: kustomization(chartFiles.map((f) => f.file)) });
  }
  if (problems.length > 0) throw new ProblemError('construct', problems);

  const validation = validateObjects(objects.map((o) => o.object));
  if (validation.problems.length > 0) throw new ProblemError('validation', validation.problems);

  files.push({ path: 'kustomization.yaml', content: kustomization(charts.map((c) => c.node.id)) });
  files.sort((a, b) => compareCodeUnits(a.path, b.path));
  return { objects, files, validation: validation.stats };
}

/** The objects as one multi-document YAML stream, in output order. */
export function toStream(rendered: Rendered): string {
  return rendered.objects.map((o) => o.content).join('---\n');
}
