/**
 * Argo CD manifests: the capi-ionos Config Management Plugin (installed once per Argo CD) and
 * the Applications of a fleet repository (written by `capi-ionos init`).
 *
 * The same functions write `deploy/argocd/` of this package; a test keeps the two equal.
 */
import type { ScaffoldFile, ScaffoldOptions } from './options.js';

/** The plugin's name; an Application names it `<name>-<version>`: `capi-ionos-v1`. */
export const PLUGIN_NAME = 'capi-ionos';
/** The plugin's version (changes when its commands change incompatibly). */
export const PLUGIN_VERSION = 'v1';

/** Where the sidecar finds the installed package (the init container installs it there). */
export const TOOLS_DIR = '/opt/capi-ionos';

/** The ConfigManagementPlugin: found by a fleet file, generating with `capi-ionos synth --stdout`. */
export function pluginYaml(): string {
  return `# The capi-ionos Config Management Plugin for Argo CD (a sidecar of argocd-repo-server).
# Argo CD runs it in the Application's source directory: it finds the fleet as capi-ionos does
# without FLEET (the app named in cdk8s.yaml, else fleet.yaml/.yml/.json/.jsonnet/.ts) and prints
# every object as one YAML stream. It writes nothing, and fails if ipam.lock.yaml is not up to
# date with the fleet, so Argo CD never applies ranges that were not reviewed.
apiVersion: argoproj.io/v1alpha1
kind: ConfigManagementPlugin
metadata:
  name: ${PLUGIN_NAME}
spec:
  version: ${PLUGIN_VERSION}
  init:
    # A cdk8s app imports cdk8s-capi-ionos: unless the repository brings node_modules, it uses
    # the sidecar's installation.
    command: [sh, -c]
    args:
      - '[ -e node_modules ] || ln -s "\${CAPI_IONOS_HOME:-${TOOLS_DIR}}/node_modules" node_modules'
  generate:
    command: [capi-ionos, synth, --stdout]
  discover:
    fileName: ./fleet.*
`;
}

function indent(text: string, by: string): string {
  return text.split('\n').map((line) => (line === '' ? line : `${by}${line}`)).join('\n');
}

/** The plugin configuration as a ConfigMap, mounted into the sidecar. */
export function pluginConfigMapYaml(): string {
  return `# plugin.yaml as a ConfigMap, for the sidecar to mount (see repo-server-patch.yaml).
apiVersion: v1
kind: ConfigMap
metadata:
  name: capi-ionos-plugin
data:
  plugin.yaml: |
${indent(pluginYaml(), '    ')}`;
}

/**
 * A strategic-merge patch of `argocd-repo-server`: an init container installs the package (npm,
 * at pod start) into a shared volume, and the sidecar serves the plugin from it.
 */
export function repoServerPatchYaml(version: string): string {
  return `# Adds the capi-ionos plugin to Argo CD's repo server, with stock images only:
# - the init container installs cdk8s-capi-ionos from the npm registry into a shared volume
#   (compiling its Jsonnet addon takes a minute; set CAPI_IONOS_PACKAGE to a tarball URL or
#   another registry's spec if the package is not on yours);
# - the sidecar runs Argo CD's cmp-server with that installation on its PATH.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: argocd-repo-server
spec:
  template:
    spec:
      initContainers:
        - name: capi-ionos-install
          image: node:20-bookworm
          command: [sh, -c]
          args:
            - npm install --prefix ${TOOLS_DIR} --omit=dev --no-save --no-audit --no-fund "$CAPI_IONOS_PACKAGE"
          env:
            - name: CAPI_IONOS_PACKAGE
              value: cdk8s-capi-ionos@${version}
            - name: HOME
              value: /tmp
            - name: npm_config_cache
              value: /tmp/npm-cache
            # node-gyp takes the headers of the image's Node.js instead of downloading them.
            - name: npm_config_nodedir
              value: /usr/local
          securityContext:
            runAsNonRoot: true
            runAsUser: 999
            allowPrivilegeEscalation: false
          volumeMounts:
            - name: capi-ionos
              mountPath: ${TOOLS_DIR}
            - name: capi-ionos-install-tmp
              mountPath: /tmp
      containers:
        - name: capi-ionos
          image: node:20-bookworm-slim
          command: [/var/run/argocd/argocd-cmp-server]
          env:
            - name: PATH
              value: ${TOOLS_DIR}/node_modules/.bin:/usr/local/bin:/usr/bin:/bin
            - name: HOME
              value: /tmp
          securityContext:
            runAsNonRoot: true
            runAsUser: 999
            allowPrivilegeEscalation: false
          resources:
            requests:
              cpu: 100m
              memory: 256Mi
            limits:
              memory: 1Gi
          volumeMounts:
            - name: var-files
              mountPath: /var/run/argocd
            - name: plugins
              mountPath: /home/argocd/cmp-server/plugins
            - name: capi-ionos-plugin
              mountPath: /home/argocd/cmp-server/config/plugin.yaml
              subPath: plugin.yaml
            # Its own /tmp: the plugin must not share the repo server's.
            - name: capi-ionos-tmp
              mountPath: /tmp
            - name: capi-ionos
              mountPath: ${TOOLS_DIR}
              readOnly: true
      volumes:
        - name: capi-ionos-plugin
          configMap:
            name: capi-ionos-plugin
        - name: capi-ionos
          emptyDir: {}
        - name: capi-ionos-tmp
          emptyDir: {}
        - name: capi-ionos-install-tmp
          emptyDir: {}
`;
}

/** A Kustomize Component that adds the plugin to an Argo CD installation. */
export function pluginComponentYaml(): string {
  return `# Add the capi-ionos plugin to an Argo CD installation managed with Kustomize:
#   components:
#     - <path to this directory>
apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
resources:
  - plugin-configmap.yaml
patches:
  - path: repo-server-patch.yaml
`;
}

/** The files of `deploy/argocd/plugin/` that install the plugin (not part of a fleet repository). */
export function pluginInstallFiles(version: string): ScaffoldFile[] {
  return [
    { path: 'kustomization.yaml', content: pluginComponentYaml() },
    { path: 'plugin-configmap.yaml', content: pluginConfigMapYaml() },
    { path: 'plugin.yaml', content: pluginYaml() },
    { path: 'repo-server-patch.yaml', content: repoServerPatchYaml(version) },
  ];
}

/** Sync settings shared by the Applications. */
const SYNC_POLICY = `  syncPolicy:
    automated:
      # Removing a cluster from the fleet must not delete it unreviewed: Argo CD marks its
      # objects "requires pruning" and someone syncs with prune (docs/argocd.md).
      prune: false
      selfHeal: true
    syncOptions:
      - ServerSideApply=true
      - PruneLast=true
`;

/** The rendered-manifests path: CI commits dist/, Argo CD applies it. */
export function applicationYaml(options: ScaffoldOptions): string {
  return `# Argo CD applies the committed dist/ (CI keeps it in step with the fleet). dist/ has a
# kustomization.yaml, so Argo CD builds it with Kustomize. To add sync waves (pools first) and
# prune confirmation for Cluster objects, set path to deploy/argocd/overlay instead.
# No resources finalizer: deleting this Application leaves the clusters running.
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${options.name}
  namespace: argocd
  annotations:
    # Diff through the API server's dry run, so that CAPI's defaulting webhooks cause no drift.
    argocd.argoproj.io/compare-options: ServerSideDiff=true
spec:
  project: default
  source:
    repoURL: ${options.repoURL}
    targetRevision: main
    path: dist
  destination:
    server: https://kubernetes.default.svc
${SYNC_POLICY}`;
}

/** The plugin path: Argo CD synthesises the fleet itself with the capi-ionos plugin. */
export function pluginApplicationYaml(options: ScaffoldOptions): string {
  return `# Argo CD synthesises the fleet itself with the capi-ionos Config Management Plugin
# (install it once: deploy/argocd/plugin/ of cdk8s-capi-ionos). dist/ need not be committed then, but
# ipam.lock.yaml must be: the plugin fails on a fleet whose lock is not up to date.
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${options.name}-plugin
  namespace: argocd
  annotations:
    argocd.argoproj.io/compare-options: ServerSideDiff=true
spec:
  project: default
  source:
    repoURL: ${options.repoURL}
    targetRevision: main
    path: .
    plugin:
      name: ${PLUGIN_NAME}-${PLUGIN_VERSION}
  destination:
    server: https://kubernetes.default.svc
${SYNC_POLICY}`;
}

/** One Application per directory of dist/ (per cluster, and the shared objects). */
export function applicationSetYaml(options: ScaffoldOptions): string {
  return `# One Argo CD Application per directory of dist/: one per cluster, one for _shared/. Each
# cluster syncs and reports on its own. A cluster removed from the fleet loses its Application,
# but its objects stay (preserveResourcesOnDeletion): delete the Cluster object deliberately.
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: ${options.name}
  namespace: argocd
spec:
  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  generators:
    - git:
        repoURL: ${options.repoURL}
        revision: main
        directories:
          - path: dist/*
  syncPolicy:
    preserveResourcesOnDeletion: true
  template:
    metadata:
      # Directory names are cluster names (DNS labels) or _shared.
      name: '${options.name}-{{ .path.basename | replace "_" "" }}'
      annotations:
        argocd.argoproj.io/compare-options: ServerSideDiff=true
    spec:
      project: default
      source:
        repoURL: ${options.repoURL}
        targetRevision: main
        path: '{{ .path.path }}'
      destination:
        server: https://kubernetes.default.svc
${indent(SYNC_POLICY, '    ')}`;
}

/**
 * A Kustomize overlay of dist/ for Argo CD: pools in sync wave -1 (created, and pruned, apart
 * from the machines that use them) and Cluster objects pruned or deleted only after confirmation.
 */
export function overlayYaml(): string {
  return `# dist/ as Argo CD should apply it, without changing dist/ itself:
# - IP pools in sync wave -1, so they exist before the machine templates that draw from them
#   (not required for correctness: the IPAM provider binds a claim when its pool appears);
# - every Cluster object pruned or deleted by Argo CD only after someone confirms it, since
#   that deletes the cluster's machines.
# Point the Application's path here instead of at dist.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../../dist
patches:
  # A strategic-merge patch per target: it adds the annotation and keeps any others. (The name
  # and kind in the patch do not matter; the target selects the objects.)
  - target:
      group: ipam.cluster.x-k8s.io
      kind: InClusterIPPool|GlobalInClusterIPPool
    patch: |-
      apiVersion: ipam.cluster.x-k8s.io/v1alpha2
      kind: InClusterIPPool
      metadata:
        name: any
        annotations:
          argocd.argoproj.io/sync-wave: "-1"
  - target:
      group: cluster.x-k8s.io
      kind: Cluster
    patch: |-
      apiVersion: cluster.x-k8s.io/v1beta1
      kind: Cluster
      metadata:
        name: any
        annotations:
          argocd.argoproj.io/sync-options: Prune=confirm,Delete=confirm
`;
}

/** The Argo CD files of a fleet repository, under `deploy/argocd/`. */
export function argocdFleetFiles(options: ScaffoldOptions): ScaffoldFile[] {
  return [
    { path: 'deploy/argocd/application.yaml', content: applicationYaml(options) },
    { path: 'deploy/argocd/application-plugin.yaml', content: pluginApplicationYaml(options) },
    { path: 'deploy/argocd/applicationset.yaml', content: applicationSetYaml(options) },
    { path: 'deploy/argocd/overlay/kustomization.yaml', content: overlayYaml() },
  ];
}
