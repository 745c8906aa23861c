/**
 * Flux manifests of a fleet repository: dist/ from Git, or dist/ as an OCI artifact that CI
 * pushes with `flux push artifact`.
 *
 * The same functions write `deploy/flux/` of this package; a test keeps the two equal.
 */
import type { ScaffoldFile, ScaffoldOptions } from './options.js';

/** The Kustomization's settings that matter for Cluster API objects. */
function kustomizationSpec(sourceKind: string, sourceName: string, path: string): string {
  return `spec:
  sourceRef:
    kind: ${sourceKind}
    name: ${sourceName}
  path: ${path}
  interval: 10m
  retryInterval: 1m
  timeout: 5m
  # Objects removed from dist/ are deleted: a cluster removed from the fleet is deleted with its
  # machines. Review that in the pull request ('capi-ionos diff' lists it).
  prune: true
  # Deleting this Kustomization leaves the clusters running.
  deletionPolicy: Orphan
  # Clusters take minutes to become ready; do not hold every reconciliation for them.
  wait: false
`;
}

/** dist/ from the Git repository. */
export function fluxGitYaml(options: ScaffoldOptions): string {
  return `# Flux applies the committed dist/ of the fleet repository (CI keeps it in step with the fleet).
# The Kustomization comes first, so that 'flux build kustomization --kustomization-file' reads it.
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${options.name}
  namespace: flux-system
${kustomizationSpec('GitRepository', options.name, './dist')}---
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: ${options.name}
  namespace: flux-system
spec:
  url: ${options.repoURL}
  ref:
    branch: main
  interval: 1m
  # Only dist/ goes to the cluster.
  ignore: |
    /*
    !/dist/
`;
}

/** dist/ as an OCI artifact (pushed by CI's publish job). */
export function fluxOciYaml(options: ScaffoldOptions): string {
  return `# Flux applies dist/ as the OCI artifact that CI pushes on every commit to main
# ('flux push artifact', then 'flux tag artifact ... --tag latest').
# The Kustomization comes first, so that 'flux build kustomization --kustomization-file' reads it.
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${options.name}
  namespace: flux-system
${kustomizationSpec('OCIRepository', `${options.name}-manifests`, './')}---
apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata:
  name: ${options.name}-manifests
  namespace: flux-system
spec:
  url: ${options.ociRepository}
  ref:
    tag: latest
  interval: 1m
  # A private repository needs credentials: a docker-registry Secret named here.
  # secretRef:
  #   name: ${options.name}-registry
`;
}

/** The Flux files of a fleet repository, under `deploy/flux/`. */
export function fluxFleetFiles(options: ScaffoldOptions): ScaffoldFile[] {
  return [
    { path: 'deploy/flux/git.yaml', content: fluxGitYaml(options) },
    { path: 'deploy/flux/oci.yaml', content: fluxOciYaml(options) },
  ];
}
