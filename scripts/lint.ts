/**
 * The repository's structure checks, run by `npm run lint` (which `npm test` runs) and by
 * test/architecture.test.ts:
 *
 * - the layer rule of DESIGN.md, by dependency-cruiser with .dependency-cruiser.cjs;
 * - library code does no terminal or process I/O: outside src/cli/, no `console.*`,
 *   `process.exit`, `process.stdout` / `process.stderr`, `process.env`, and no clock reads;
 * - no source line over 120 characters outside generated code (imports/). The lines that were
 *   longer when the limit came in are counted per file in scripts/long-lines.json: a file may
 *   have fewer, never more, and a file not listed none.
 *
 *   npx tsx scripts/lint.ts [ROOT]            prints every violation; exits 1 when there is one
 *   npx tsx scripts/lint.ts --lower-baseline  also lowers scripts/long-lines.json to the counts now
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
      ...config.options, tsConfig: { fileName: join(REPO, 'tsconfig.json') },
      ruleSet: config, validate: true, outputType: 'json',
    }, {}, { tsConfig });
  } finally {
    process.chdir(previous);
  }
  const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
  type Violation = { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] };
  const violations = (output as { summary: { violations: Violation[] } }).summary.violations;
  return violations.map((v) => {
    if (v.cycle === undefined) return `${v.rule.name}: ${v.from} → ${v.to}`;
    const cycle = v.cycle.map((c) => c.name).filter((name, i) => i > 0 || name !== v.from);
    return `${v.rule.name}: ${[v.from, ...cycle].join(' → ')}`;
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
  'src/fleet/fleet-app.ts': 'reads the environment (take it as a parameter)',
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

/** The longest a source line may be. */
export const MAX_LINE = 120;

/** The source folders and file endings the line limit covers (imports/ is generated). */
const SOURCE_FOLDERS = ['bench', 'bin', 'examples', 'scripts', 'src', 'test'];
const SOURCE_FILE = /\.(ts|js|cjs|mjs)$/;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : SOURCE_FILE.test(name) ? [path] : [];
  });
}

/** How many lines over {@link MAX_LINE} characters each source file under `root` has (files with none left out). */
export function longLineCounts(root: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const path of SOURCE_FOLDERS.flatMap((f) => sourceFiles(join(root, f)))) {
    const long = readFileSync(path, 'utf8').split('\n').filter((line) => line.length > MAX_LINE).length;
    if (long > 0) counts[relative(root, path).split(sep).join('/')] = long;
  }
  return counts;
}

/** Every file with more lines over the limit than `baseline` allows it. */
export function longLineViolations(root: string, baseline: Readonly<Record<string, number>>): string[] {
  return Object.entries(longLineCounts(root)).filter(([file, n]) => n > (baseline[file] ?? 0)).map(([file, n]) => {
    const allowed = baseline[file] ?? 0;
    const allows = allowed === 0 ? 'none allowed' : `at most ${allowed} allowed`;
    return `${file}: ${n} lines over ${MAX_LINE} characters, ${allows}; break the new ones`;
  });
}

const BASELINE = join(REPO, 'scripts', 'long-lines.json');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const root = resolve(args.find((a) => !a.startsWith('--')) ?? REPO);
  let baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Record<string, number>;
  if (args.includes('--lower-baseline')) {
    const now = longLineCounts(root);
    const lowered = Object.entries(baseline)
      .map(([f, n]) => [f, Math.min(n, now[f] ?? 0)] as const)
      .filter(([, n]) => n !== 0);
    baseline = Object.fromEntries(lowered);
    writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
  }
  const problems = [
    ...(await layerViolations(root)), ...libraryIoViolations(root), ...longLineViolations(root, baseline),
  ];
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stderr.write(problems.length === 0 ? 'lint: no violations\n' : `lint: ${problems.length} violations\n`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
