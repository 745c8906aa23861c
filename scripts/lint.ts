/**
 * The repository's structure checks, run by `npm run lint` (which `npm test` runs) and by
 * test/architecture.test.ts:
 *
 * - the layer rule of DESIGN.md, by dependency-cruiser with .dependency-cruiser.cjs;
 * - library code does no terminal or process I/O: outside src/cli/, no `console.*`,
 *   `process.exit`, `process.stdout` / `process.stderr`, `process.env`, and no clock reads.
 *
 *   npx tsx scripts/lint.ts [ROOT]     prints every violation; exits 1 when there is one
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cruise, type IReporterOutput } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const REPO = resolve(import.meta.dirname, '..');

/** The folders the layer rule covers. */
const CRUISED = ['src', 'bench', 'scripts', 'test'];

/**
 * Every layer-rule violation in the tree at `root`, as `rule: from → to`, sorted. The rules and
 * the TypeScript settings are always this repository's.
 */
export async function layerViolations(root: string): Promise<string[]> {
  const config = await extractDepcruiseConfig(join(REPO, '.dependency-cruiser.cjs'));
  const tsConfig = extractTSConfig(join(REPO, 'tsconfig.json'));
  const folders = CRUISED.filter((f) => existsSync(join(root, f)));
  const previous = process.cwd();
  // dependency-cruiser names modules relative to the working directory, which the rules match.
  process.chdir(root);
  let result: IReporterOutput;
  try {
    result = await cruise(folders, {
      ...config.options, tsConfig: { fileName: join(REPO, 'tsconfig.json') }, ruleSet: config, validate: true, outputType: 'json',
    }, {}, { tsConfig });
  } finally {
    process.chdir(previous);
  }
  const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
  const violations = (output as { summary: { violations: { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }[] } })
    .summary.violations;
  return violations.map((v) => {
    if (v.cycle === undefined) return `${v.rule.name}: ${v.from} → ${v.to}`;
    return `${v.rule.name}: ${[v.from, ...v.cycle.map((c) => c.name).filter((name, i) => i > 0 || name !== v.from)].join(' → ')}`;
  }).sort();
}

/** What library code must not do, and why. */
const LIBRARY_IO: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /\bconsole\.[a-z]+\s*\(/, what: 'prints (console)' },
  { pattern: /\bprocess\.exit\b/, what: 'exits the process' },
  { pattern: /\bprocess\.(stdout|stderr)\b/, what: 'writes to the terminal' },
  { pattern: /\bprocess\.env\b/, what: 'reads the environment (take it as a parameter)' },
  { pattern: /\bDate\.now\s*\(|\bnew Date\s*\(\s*\)/, what: 'reads the clock (take a clock)' },
];

/**
 * The places allowed to do what LIBRARY_IO forbids, by file and what, with the reason: the
 * injectable real clock, and FleetApp.synth(), which is a TypeScript app's entry point and
 * hands cdk8s the environment cdk8s itself reads.
 */
const LIBRARY_IO_ALLOWED: Readonly<Record<string, string>> = {
  'src/reconciler/clock.ts': 'reads the clock (take a clock)',
  'src/synth/fleet-app.ts': 'reads the environment (take it as a parameter)',
};

function typeScriptFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? typeScriptFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every line of library code (src/ outside src/cli/) that prints, exits or reads the environment or clock. */
export function libraryIoViolations(root: string): string[] {
  const out: string[] = [];
  for (const path of typeScriptFiles(join(root, 'src'))) {
    const file = relative(root, path).split(sep).join('/');
    if (file.startsWith('src/cli/')) continue;
    readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '');
      if (/^\s*(\*|\/\*)/.test(code)) return;
      for (const { pattern, what } of LIBRARY_IO) {
        if (pattern.test(code) && LIBRARY_IO_ALLOWED[file] !== what) out.push(`${file}:${i + 1}: ${what}`);
      }
    });
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(process.argv[2] ?? REPO);
  const problems = [...(await layerViolations(root)), ...libraryIoViolations(root)];
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stderr.write(problems.length === 0 ? 'lint: no violations\n' : `lint: ${problems.length} violations\n`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
