/**
 * Rendering an app into files, in memory: one directory per chart (so one per cluster), one
 * file per object, named as cdk8s names them (`<Kind>.<name>.k8s.yaml`), and a
 * `kustomization.yaml` per directory and at the top.
 *
 * This is the fast path: one walk over the tree, then each object is rendered once, with what
 * `ApiObject.toJson()` returns, and written by our emitter (./yaml.ts); see ./charts.ts.
 * `App.synth()` adds a whole-app dependency pass (repeated per chart by `chart.toJson()` and
 * cdk8s's default output type, which makes that quadratic in the number of clusters) and the
 * slower `yaml` package. Its bytes equal what `App.synth()` writes with
 * `YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE`; a test holds it to that (bench/synth.ts
 * checks it again on large fleets).
 */
import type { App } from 'cdk8s';
import { ProblemError } from '../problems.js';
import { renderCharts, type RenderedObject, type RenderOptions } from './charts.js';
import { topKustomization } from './kustomization.js';
import { validateObjects, type ValidationStats } from './validate.js';
import { compareText } from '../vocabulary.js';

export { objectFileName, type RenderedObject, type RenderOptions } from './charts.js';

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

/**
 * Renders every chart of `app` into files and validates every object against the CRDs,
 * telling `onProgress` (if given) after each chart how many are rendered, of how many.
 *
 * @throws ProblemError when a construct, a name or an object is invalid; nothing is returned
 *   then, so nothing can be written
 */
export function render(app: App, options: RenderOptions & { readonly onProgress?: (done: number, total: number) => void }): Rendered {
  const objects: RenderedObject[] = [];
  const files: OutputFile[] = [];
  const { dirs, problems } = renderCharts(app, options, (chart, done, total) => {
    for (const o of chart.objects) {
      objects.push(o);
      files.push({ path: o.file, content: o.content });
    }
    files.push({ path: `${chart.dir}/kustomization.yaml`, content: chart.kustomization });
    options.onProgress?.(done, total);
  });
  if (problems.length > 0) throw new ProblemError('construct', problems);

  const validation = validateObjects(objects.map((o) => o.object));
  if (validation.problems.length > 0) throw new ProblemError('validation', validation.problems);

  files.push({ path: 'kustomization.yaml', content: topKustomization(dirs) });
  files.sort((a, b) => compareText(a.path, b.path));
  return { objects, files, validation: validation.stats };
}

/** The objects as one multi-document YAML stream, in output order. */
export function toStream(rendered: Rendered): string {
  return rendered.objects.map((o) => o.content).join('---\n');
}
