/**
 * The GitHub Actions workflow of a fleet repository: on every pull request the IP plan and the
 * manifest diff as a comment, then validate, synthesise and check that dist/ is committed; on
 * main, dist/ pushed as an OCI artifact for Flux.
 *
 * Steps only use what a runner provides (`GITHUB_*` variables) inside `run:`, so that each can be
 * run as it is outside GitHub; test/cli/init.test.ts does that.
 */
import type { ScaffoldOptions } from './options.js';

/** The fleet file (or app) of a format. */
export function fleetFileName(format: ScaffoldOptions['format']): string {
  return format === 'ts' ? 'fleet.ts' : format === 'jsonnet' ? 'fleet.jsonnet' : 'fleet.yaml';
}

/** The workflow file's content. */
export function workflowYaml(options: ScaffoldOptions): string {
  const typecheck = options.format === 'ts'
    ? `      - name: Type check
        run: npm run typecheck
`
    : '';
  const plan = `      - name: IP plan
        id: plan
        # Failures show in the comment first; 'Validate' below fails the job.
        continue-on-error: true
        run: npx capi-ionos plan --format markdown > plan.md
`;
  return `# The fleet's CI. On a pull request: the IP plan and what changes in the manifests, as one
# comment; then everything capi-ionos checks${options.format === 'ts' ? ' (after the type check)' : ''}, a simulated rollout, and a check that dist/
# and ipam.lock.yaml are committed as the fleet synthesises them. On main: dist/ pushed as an OCI
# artifact, for Flux (deploy/flux/oci.yaml); delete the publish job if you do not use it.
name: fleet
on:
  pull_request:
  push:
    branches: [main]
jobs:
  check:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    env:
      CDK8S_CHECK_UPGRADE: 'false'  # cdk8s-cli would ask the registry for a newer version
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # capi-ionos diff --base reads the base branch
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - name: Install
        run: npm ci
${typecheck}${plan}      - name: Manifest diff
        if: github.event_name == 'pull_request'
        continue-on-error: true
        run: npx capi-ionos diff --base "origin/$GITHUB_BASE_REF" --format markdown > diff.md
      - name: Write the comment
        if: github.event_name == 'pull_request'
        run: cat plan.md diff.md > comment.md
      - name: Post the comment
        if: github.event_name == 'pull_request'
        env:
          GH_TOKEN: \${{ github.token }}
          PR: \${{ github.event.pull_request.number }}
        run: gh pr comment "$PR" --edit-last --body-file comment.md || gh pr comment "$PR" --body-file comment.md
      - name: Validate
        run: npx capi-ionos validate
      - name: Lock file up to date
        run: npx capi-ionos plan --locked
      - name: Simulate the rollout
        run: npx capi-ionos simulate
      - name: Synthesise
        run: npx capi-ionos synth --locked
      - name: Check that dist/ is committed
        run: |
          changed="$(git status --porcelain -- dist ipam.lock.yaml)"
          if [ -n "$changed" ]; then
            echo "$changed"
            echo "::error::dist/ is not what the fleet synthesises: run 'npx capi-ionos synth' and commit dist/"
            exit 1
          fi
  publish:
    if: github.event_name == 'push'
    needs: check
    runs-on: ubuntu-latest
    permissions:
      contents: read
      packages: write
    env:
      OCI_REPOSITORY: ${options.ociRepository}
    steps:
      - uses: actions/checkout@v4
      - uses: fluxcd/flux2/action@v2.9.5
        with:
          version: 2.9.5
      - name: Push dist/ as an OCI artifact
        env:
          GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}
        run: |
          flux push artifact "$OCI_REPOSITORY:$(git rev-parse --short HEAD)" \\
            --path=dist \\
            --source="$GITHUB_SERVER_URL/$GITHUB_REPOSITORY" \\
            --revision="$GITHUB_REF_NAME@sha1:$GITHUB_SHA" \\
            --creds="$GITHUB_ACTOR:$GITHUB_TOKEN"
          flux tag artifact "$OCI_REPOSITORY:$(git rev-parse --short HEAD)" --tag latest \\
            --creds="$GITHUB_ACTOR:$GITHUB_TOKEN"
`;
}
