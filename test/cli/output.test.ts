/**
 * Output rules shared by the commands: `--format json` reports on stdout with errors still as text
 * on stderr, and colour only on a terminal without NO_COLOR.
 */
import { describe, expect, it } from 'vitest';
import { FOURTH_CLUSTER, workspacePerTest } from './fleet-workspace.js';
import { run } from './run.js';

const workspace = workspacePerTest();

const OVERLAP = 'manualPools:\n  - {name: legacy, network: nodes, addresses: [10.20.1.16/28]}\n';

describe('capi-ionos validate --format json', () => {
  it('prints {valid: true, problems: [], findings} for a valid fleet, the summary still on stderr', async () => {
    const w = workspace();
    const result = await run(['validate', w.fleet, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ valid: true, problems: [], findings: [] });
    expect(result.stderr).toMatch(/^valid: \d+ objects checked against the CRDs/);
  });

  it('prints the problems with their layer, and keeps stderr and exit code 2 for input errors', async () => {
    const w = workspace();
    w.edit('replicas: 5', 'replicas: five');
    const text = await run(['validate', w.fleet]);
    const json = await run(['validate', w.fleet, '--format', 'json']);
    expect(json.code).toBe(2);
    expect(json.stderr).toBe(text.stderr);
    const report = JSON.parse(json.stdout);
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([{
      file: 'fleet.yaml', line: 35, column: 19, path: 'clusters[0].nodePools[0].replicas', code: null, message: 'must be a whole number, got "five"', layer: 'spec',
    }]);
  });

  it('exits 1 for plan errors, which are problems of layer plan', async () => {
    const w = workspace();
    w.append(OVERLAP);
    const json = await run(['validate', w.fleet, '--format', 'json']);
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(/^fleet\.yaml:\d+:\d+: error: manualPools\[0\]\.addresses: .* \[overlap\]$/m);
    const report = JSON.parse(json.stdout);
    expect(report.valid).toBe(false);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems.every((p: { layer: string; file: string }) => p.layer === 'plan' && p.file === 'fleet.yaml')).toBe(true);
  });

  it('rejects another format as a usage error, and prints no JSON for usage errors', async () => {
    const w = workspace();
    expect(await run(['validate', w.fleet, '--format', 'yaml'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('--format must be text or json') });
    expect(await run(['validate', 'missing.yaml', '--format', 'json'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('missing.yaml: no such file') });
  });
});

describe('colour', () => {
  it('marks changes and errors in the plan table on a terminal', async () => {
    const w = workspace();
    w.append(FOURTH_CLUSTER);
    const result = await run(['plan', w.fleet], { tty: { stdout: true } });
    expect(result.stdout).toMatch(/^ {2}prod-c-nodes .* \u001b\[32madded\u001b\[39m$/m);
    // The plain text is the same, colours aside.
    const plain = await run(['plan', w.fleet]);
    expect(result.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
  });

  it('is off when NO_COLOR is set, when stdout is not a terminal, and in every other format', async () => {
    const w = workspace();
    w.append(FOURTH_CLUSTER);
    w.append(OVERLAP);
    for (const [args, options] of [
      [['plan', w.fleet], { tty: { stdout: true }, env: { NO_COLOR: '1' } }],
      [['plan', w.fleet], { tty: { stdout: false, stderr: true } }],
      [['plan', w.fleet, '--format', 'markdown'], { tty: { stdout: true } }],
      [['plan', w.fleet, '--format', 'json'], { tty: { stdout: true } }],
    ] as const) {
      const result = await run(args, options);
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).not.toContain('\u001b');
    }
    const coloured = await run(['plan', w.fleet], { tty: { stdout: true } });
    expect(coloured.stdout).toMatch(/^ {2}\u001b\[31merror\u001b\[39m \[overlap\]/m);
  });
});
