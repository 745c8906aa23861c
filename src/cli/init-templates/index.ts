/**
 * The files of a new fleet repository (`capi-ionos init`), as TypeScript string templates so that
 * they ship inside `lib/` with the rest of the package.
 */
import { argocdFleetFiles } from './argocd.js';
import { fleetJsonnet, fleetTs, fleetYaml } from './fleet.js';
import { fluxFleetFiles } from './flux.js';
import type { ScaffoldFile, ScaffoldOptions } from './options.js';
import { fleetFileName, workflowYaml } from './workflow.js';
import { compareText } from '../../vocabulary.js';

export { pluginInstallFiles } from './argocd.js';
export type { ScaffoldFile, ScaffoldFormat, ScaffoldOptions } from './options.js';
export { fleetFileName } from './workflow.js';

/** The TypeScript version a cdk8s app repository type-checks with (the one this package uses). */
const TYPESCRIPT = '5.9.3';
/** The cdk8s CLI a cdk8s app repository runs `cdk8s synth` with (the one this package tests with). */
const CDK8S_CLI = '2.207.60';

function packageJson(options: ScaffoldOptions): string {
  const ts = options.format === 'ts';
  const value = {
    name: options.name,
    private: true,
    type: 'module',
    scripts: {
      validate: 'capi-ionos validate',
      plan: 'capi-ionos plan',
      synth: 'capi-ionos synth',
      diff: 'capi-ionos diff',
      simulate: 'capi-ionos simulate',
      // cdk8s-cli asks the registry for a newer version on every run unless told not to.
      ...(ts ? { typecheck: 'tsc --noEmit', 'cdk8s:synth': 'CDK8S_CHECK_UPGRADE=false cdk8s synth' } : {}),
    },
    dependencies: { 'cdk8s-capi-ionos': options.packageSpec },
    ...(ts ? { devDependencies: { 'cdk8s-cli': CDK8S_CLI, typescript: TYPESCRIPT } } : {}),
    // npm runs no install scripts it was not told to allow; the Jsonnet addon needs its own.
    allowScripts: { '@hanazuki/node-jsonnet': true },
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

function cdk8sYaml(options: ScaffoldOptions): string {
  const file = fleetFileName(options.format);
  return `# 'npx cdk8s synth' runs capi-ionos; capi-ionos itself (and its Argo CD plugin) finds the fleet
# here when no FLEET is given.
${options.format === 'ts' ? 'language: typescript\n' : ''}app: npx capi-ionos synth ${file}
output: dist
`;
}

function tsconfigJson(): string {
  return `${JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [],
    },
    include: ['fleet.ts'],
  }, null, 2)}\n`;
}

const GITIGNORE = `node_modules/
# capi-ionos replaces dist/ and ipam.lock.yaml atomically through these; they never stay behind
# unless a run was killed.
.*.tmp-*
.*.old-*
# CI's pull-request comment
plan.md
diff.md
comment.md
`;

function readme(options: ScaffoldOptions): string {
  const file = fleetFileName(options.format);
  const planned = true;
  return `# ${options.name}

Cluster API clusters on IONOS Cloud, described in \`${file}\` and turned into manifests in
\`dist/\` by [capi-ionos](https://www.npmjs.com/package/cdk8s-capi-ionos).

\`\`\`sh
npm install                      # once; commit package-lock.json
${planned ? 'npx capi-ionos plan --write       # plan the IP ranges into ipam.lock.yaml\n' : ''}npx capi-ionos synth             # write dist/
npx capi-ionos diff              # what the fleet changes against dist/
\`\`\`

Commit ${planned ? '`ipam.lock.yaml` and ' : ''}\`dist/\`: CI (\`.github/workflows/fleet.yaml\`) fails when they are
not what the fleet synthesises, and comments ${planned ? 'the IP plan and ' : ''}the manifest diff on every pull request.

Deploying: \`deploy/argocd/\` (an Application over \`dist/\`, one per cluster with the
ApplicationSet, or the capi-ionos plugin) or \`deploy/flux/\` (a Kustomization over \`dist/\`
from Git or from the OCI artifact CI publishes). Set the repository URL in them if it is not
${options.repoURL}.
`;
}

/** Every file of a new fleet repository, sorted by path. */
export function scaffoldFiles(options: ScaffoldOptions): ScaffoldFile[] {
  const fleet = options.format === 'ts' ? fleetTs() : options.format === 'jsonnet' ? fleetJsonnet(options) : fleetYaml(options);
  const files: ScaffoldFile[] = [
    { path: '.github/workflows/fleet.yaml', content: workflowYaml(options) },
    { path: '.gitignore', content: GITIGNORE },
    { path: 'README.md', content: readme(options) },
    { path: 'cdk8s.yaml', content: cdk8sYaml(options) },
    { path: fleetFileName(options.format), content: fleet },
    { path: 'package.json', content: packageJson(options) },
    ...(options.format === 'ts' ? [{ path: 'tsconfig.json', content: tsconfigJson() }] : []),
    ...argocdFleetFiles(options),
    ...fluxFleetFiles(options),
  ];
  return files.sort((a, b) => compareText(a.path, b.path));
}
