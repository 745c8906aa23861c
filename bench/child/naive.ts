/**
 * Child program: the naive cdk8s path. The same fleet is read and planned as `capi-ionos synth`
 * does and the same constructs are added, but to an App that cdk8s itself synthesises
 * (`App.synth()`, one folder per chart, one file per object). It writes a map from cdk8s's folder
 * names to chart ids beside the output, so that the bytes can be compared.
 *
 *   node naive.mjs <repo root> <fleet.yaml> <output dir>
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
const app = new App({ outdir, yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
addFleet(app, planned.fleet, planned.result);
app.synth();
writeFileSync(`${outdir}.folders.json`, JSON.stringify(Object.fromEntries(app.charts.map((c) => [Names.toDnsLabel(c), c.node.id]))));
