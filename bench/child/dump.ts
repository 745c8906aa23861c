/**
 * Child program: renders a fleet file with the fast path and writes its objects as plain JSON,
 * the input of the floor (bench/child/floor.ts).
 *
 *   node dump.mjs <repo root> <fleet.yaml> <objects.json>
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, fleet, output] = process.argv.slice(2) as [string, string, string];
const lib = (path: string): string => pathToFileURL(join(root, 'lib', 'src', path)).href;

const { loadFleet } = await import(lib('fleet/app.js')) as typeof import('../../src/fleet/app.js');
const { render } = await import(lib('synth/render.js')) as typeof import('../../src/synth/render.js');

const { app } = await loadFleet(fleet);
const rendered = render(app, { env: {} });
writeFileSync(output, JSON.stringify(rendered.objects.map((o) => ({ file: o.file, object: o.object }))));
