/**
 * Child program: cdk8s's default output type, `App.synth()` with one file per chart. Every chart
 * is rendered by `chart.toJson()`, which resolves dependencies and validates the whole app again,
 * so the cost grows with the square of the number of clusters. The documents are the same as in
 * the fast path's files, one file per chart instead of one per object. It writes a map from
 * cdk8s's file names to chart ids beside the output, so that the documents can be compared.
 *
 *   node naive-per-chart.mjs <repo root> <fleet.yaml> <output dir>
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Names, YamlOutputType } from 'cdk8s';

const [root, fleet, outdir] = process.argv.slice(2) as [string, string, string];
const lib = (path: string): string => pathToFileURL(join(root, 'lib', 'src', path)).href;

const { planErrors, planFleet } = await import(lib('fleet/plan.js')) as typeof import('../../src/fleet/plan.js');
const { addFleet } = await import(lib('fleet/translate.js')) as typeof import('../../src/fleet/translate.js');

const planned = await planFleet(fleet, {});
const errors = planErrors(planned);
if (errors !== undefined) throw errors;
const app = new App({ outdir, yamlOutputType: YamlOutputType.FILE_PER_CHART });
addFleet(app, planned.fleet, planned.result);
app.synth();
writeFileSync(`${outdir}.folders.json`, JSON.stringify(Object.fromEntries(app.charts.map((c) => [Names.toDnsLabel(c), c.node.id]))));
