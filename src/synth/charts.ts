/**
 * Rendering an app chart by chart: one directory per chart (so one per cluster), one file per
 * object, named as cdk8s names them (`<Kind>.<name>.k8s.yaml`), and a `kustomization.yaml` per
 * directory.
 *
 * One walk over the tree runs every construct's validations and groups the API objects by
 * chart; then the charts are rendered in directory order, each object once (./to-json.ts) and
 * written by our emitter (./yaml.ts), and handed over one chart at a time. What the caller does
 * with a chart (keep it, as `render()` does, or write it and let it go) is its business; the
 * problems of the whole app come back at the end, so that all of them are reported at once.
 */
import { ApiObject, Chart, type App } from 'cdk8s';
import type { IConstruct } from 'constructs';
import { ProblemError, type Problem } from '../problems.js';
import { kustomization } from './kustomization.js';
import { objectRenderer } from './to-json.js';
import { toYaml } from './yaml.js';
import { compareText } from '../vocabulary.js';

/** One rendered object. */
export interface RenderedObject {
  /** Path of its file inside the output directory, with `/` separators. */
  readonly file: string;
  /** The object as Kubernetes JSON. */
  readonly object: Record<string, unknown>;
  /** The object's YAML document (its file's content). */
  readonly content: string;
}

/** One chart's directory. */
export interface RenderedChart {
  /** The directory: the chart's id. */
  readonly dir: string;
  /** Its objects, sorted by file name. */
  readonly objects: readonly RenderedObject[];
  /** The content of its `kustomization.yaml`. */
  readonly kustomization: string;
}

/** What rendering the charts found about the whole app. */
export interface ChartsRendered {
  /** Every directory, sorted: what the top `kustomization.yaml` lists. */
  readonly dirs: readonly string[];
  /**
   * Construct problems: validation messages, objects without a name or defined twice, objects
   * that would share a file. When there are any, the charts handed over must not be written.
   */
  readonly problems: readonly Problem[];
}

/** Options of rendering. */
export interface RenderOptions {
  /** The environment cdk8s will see (cdk8s reads `process.env` itself, so pass that). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Let Secrets into the output. A Secret's data in the manifests is in Git, readable by anyone
   * who can read the repository (base64 is not encryption), so by default it is a problem.
   * @default false
   */
  readonly allowSecrets?: boolean;
}

/** Why a Secret in the output is refused, and what to do instead. */
const SECRET_HINT = 'its data would be committed with the manifests, readable by anyone who can read the repository (base64 is not encryption); '
  + 'reference an existing Secret by name instead (e.g. Credentials.fromSecretName), or manage it with SOPS or External Secrets; '
  + 'pass --allow-secrets if it really belongs in the output';

/** Environment variables that change cdk8s's output and so break determinism. */
const NONDETERMINISTIC_ENV = ['CDK8S_DISABLE_SORT', 'CDK8S_LEGACY_HASH'] as const;

/** cdk8s names files from kind and name, dropping characters outside `[0-9a-zA-Z-_.]`. */
export function objectFileName(kind: string, name: string): string {
  return `${kind}.${name}`.replace(/[^0-9a-zA-Z-_.]/g, '') + '.k8s.yaml';
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
 * Renders every chart of `app`, in directory order, handing each to `onChart` as soon as it is
 * rendered, with how many charts are done (this one included) and how many there are.
 *
 * @throws ProblemError when the environment would make cdk8s's output non-deterministic (before
 *   any chart is rendered); errors of cdk8s's own rendering or of the emitter as they happen
 */
export function renderCharts(
  app: App, options: RenderOptions, onChart: (chart: RenderedChart, done: number, total: number) => void,
): ChartsRendered {
  const envProblems = NONDETERMINISTIC_ENV.filter((name) => options.env[name] !== undefined && options.env[name] !== '')
    .map((name) => ({ path: name, message: `is set, which changes cdk8s's output and breaks reproducible manifests; unset ${name}` }));
  if (envProblems.length > 0) throw new ProblemError('input', envProblems);

  const collected = collect(app);
  const problems = collected.problems;
  const charts = [...collected.charts.keys()].sort((a, b) => compareText(a.node.id, b.node.id));
  const seenObjects = new Map<string, string>();
  const toJson = objectRenderer(app);

  for (const [index, chart] of charts.entries()) {
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
      if (obj.kind === 'Secret' && options.allowSecrets !== true) {
        problems.push({ path: obj.node.path, code: 'secret-in-output', message: `${describe(obj)} is a Secret: ${SECRET_HINT}` });
        continue;
      }
      const key = `${obj.apiVersion}|${obj.kind}|${obj.metadata.namespace ?? ''}|${obj.name}`;
      const first = seenObjects.get(key);
      if (first !== undefined) {
        problems.push({ path: obj.node.path, message: `${describe(obj)} is defined twice (also at ${first}); give one of them another name` });
        continue;
      }
      seenObjects.set(key, obj.node.path);
      chartFiles.push({ file: objectFileName(obj.kind, obj.name), object: toJson(obj) });
    }
    chartFiles.sort((a, b) => compareText(a.file, b.file));
    for (let i = 1; i < chartFiles.length; i++) {
      if (chartFiles[i]!.file === chartFiles[i - 1]!.file) {
        problems.push({ path: chart.node.path, message: `two objects would be written to ${dir}/${chartFiles[i]!.file}; give them distinct names` });
      }
    }
    onChart({
      dir,
      objects: chartFiles.map(({ file, object }) => ({ file: `${dir}/${file}`, object, content: toYaml(object) })),
      kustomization: kustomization(chartFiles.map((f) => f.file)),
    }, index + 1, charts.length);
  }
  return { dirs: charts.map((c) => c.node.id), problems };
}
