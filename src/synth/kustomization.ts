/**
 * `kustomization.yaml` files, so that Flux (or `kustomize build`) can take `dist/` as it is.
 */

/** A plain scalar when it cannot be misread as a number, boolean or null; JSON-quoted otherwise. */
function scalar(value: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9._-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * The first lines of the top `kustomization.yaml` of every output directory: they tell a reader
 * what the directory is, and tell synth that it may replace it (./output-dir.ts).
 */
export const OUTPUT_HEADER = [
  '# Written by capi-ionos synth. This directory is replaced as a whole on every run:',
  '# edit the fleet and run synth again; files added here by hand are deleted.',
  '',
].join('\n');

/** The top `kustomization.yaml` of an output directory: {@link OUTPUT_HEADER}, then `dirs`. */
export function topKustomization(dirs: readonly string[]): string {
  return OUTPUT_HEADER + kustomization(dirs);
}

/** A Kustomization listing `resources` (files or directories) in the given order. */
export function kustomization(resources: readonly string[]): string {
  const lines = ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization'];
  if (resources.length === 0) {
    lines.push('resources: []');
  } else {
    lines.push('resources:', ...resources.map((r) => `  - ${scalar(r)}`));
  }
  return lines.join('\n') + '\n';
}
