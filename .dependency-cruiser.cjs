/**
 * The layer rule (DESIGN.md "Layers"), checked by dependency-cruiser over src/, bench/, scripts/
 * and test/: `npm run lint` runs it, and test/architecture.test.ts runs it on this tree and on a
 * deliberately broken one (test/fixtures/layers-broken/).
 *
 *   cli ──► fleet ──► jsonnet
 *    │        └─────► synth, constructs
 *    ├─► synth ──► constructs ──► l1.ts ──► imports/ (generated)
 *    └─► reconciler (ipam and L1 *types* only)
 *   everything ──► ipam (pure), problems.ts, vocabulary.ts
 *
 * Type-only imports count (tsPreCompilationDeps), except where a rule says otherwise.
 */
const BOTTOM = '^src/(ipam/|problems\\.ts$|vocabulary\\.ts$)';

/**
 * The Node.js modules that do I/O or reach the process. (`node:module` is not among them: ipam's
 * lock reader loads the pure `yaml` parser through it on first use, see ipam-no-packages.)
 */
const NODE_IO = '^(node:)?(fs|fs/promises|child_process|net|http|https|http2|dgram|dns|tls|worker_threads|cluster'
  + '|readline|os|process|vm|inspector|v8)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'nothing-imports-cli',
      comment: 'cli wires the layers together; no library module, benchmark or script may depend on it (tests may).',
      severity: 'error',
      from: { pathNot: '^(src/cli/|test/)' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'ipam-is-pure',
      comment: 'ipam imports nothing from the project but problems.ts and vocabulary.ts.',
      severity: 'error',
      from: { path: '^src/ipam/' },
      to: { path: '^(src|imports|bench|scripts|test)/', pathNot: BOTTOM },
    },
    {
      name: 'ipam-no-packages',
      comment: 'ipam loads no cdk8s and no Kubernetes client: only ip-address and the yaml parser.',
      severity: 'error',
      from: { path: '^src/ipam/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: 'node_modules/(ip-address|yaml)/',
      },
    },
    {
      name: 'ipam-no-io',
      comment: 'ipam does no I/O: no node: file, network, process or thread modules.',
      severity: 'error',
      from: { path: '^src/ipam/' },
      to: { dependencyTypes: ['core'], path: NODE_IO },
    },
    {
      name: 'bottom-imports-nothing',
      comment: 'problems.ts and vocabulary.ts are the bottom layer: they import nothing from the project.',
      severity: 'error',
      from: { path: '^src/(problems|vocabulary)\\.ts$' },
      to: { path: '^(src|imports)/', pathNot: '^src/(problems|vocabulary)\\.ts$' },
    },
    {
      name: 'jsonnet-is-a-leaf',
      comment: 'jsonnet evaluates files; fleet/read reads what it returns. It uses only ipam and the bottom layer.',
      severity: 'error',
      from: { path: '^src/jsonnet/' },
      to: { path: '^(src|imports)/', pathNot: `^src/jsonnet/|${BOTTOM}` },
    },
    {
      name: 'fleet-below-cli',
      comment: 'fleet uses jsonnet, synth, constructs and ipam; never the reconciler.',
      severity: 'error',
      from: { path: '^src/fleet/' },
      to: { path: '^src/reconciler/' },
    },
    {
      name: 'synth-below-fleet',
      comment: 'synth renders and writes constructs; it does not know fleet files, Jsonnet or the reconciler.',
      severity: 'error',
      from: { path: '^src/synth/' },
      to: { path: '^src/(fleet|jsonnet|reconciler)/' },
    },
    {
      name: 'constructs-below-synth',
      comment: 'constructs use l1.ts, ipam and the bottom layer only.',
      severity: 'error',
      from: { path: '^src/constructs/' },
      to: { path: '^src/(fleet|jsonnet|reconciler|synth)/' },
    },
    {
      name: 'only-l1-imports-generated-code',
      comment: 'src/l1.ts (the L1 classes) and src/l1-validators.ts are the only files of src/ that import imports/.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/l1(-validators)?\\.ts$' },
      to: { path: '^imports/' },
    },
    {
      name: 'validators-are-synths',
      comment: 'the generated validators are synth\'s, not public API: only synth/ uses src/l1-validators.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/synth/' },
      to: { path: '^src/l1-validators\\.ts$' },
    },
    {
      name: 'reconciler-uses-ipam-and-l1-types',
      comment: 'the reconciler uses ipam and the bottom layer; never constructs, synth, fleet or Jsonnet.',
      severity: 'error',
      from: { path: '^src/reconciler/' },
      to: { path: '^src/(constructs|synth|fleet|jsonnet)/' },
    },
    {
      name: 'reconciler-l1-types-only',
      comment: 'the reconciler may name L1 types, but never loads the generated classes.',
      severity: 'error',
      from: { path: '^src/reconciler/' },
      to: { path: '^(src/l1(-validators)?\\.ts$|imports/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'reconciler-no-cdk8s',
      comment: 'the reconciler runs in the cluster: no cdk8s.',
      severity: 'error',
      from: { path: '^src/reconciler/' },
      to: { path: 'node_modules/(cdk8s|cdk8s-plus-28|constructs)/' },
    },
    {
      name: 'no-circular',
      comment: 'modules of src/ form no cycles (type-only ones count too).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-unresolvable',
      comment: 'every import resolves (a typo would hide a dependency from these rules).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(lib|node_modules)/|^test/fixtures/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
