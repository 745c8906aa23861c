/**
 * What `capi-ionos init` is asked for, and what it writes.
 */

/** The kinds of fleet a repository can start with. */
export type ScaffoldFormat = 'yaml' | 'ts' | 'jsonnet';

/** The choices behind a scaffold. */
export interface ScaffoldOptions {
  /** The fleet's name: `metadata.name`, the npm package name, the Argo CD and Flux object names. */
  readonly name: string;
  /** The fleet as a YAML fleet file, a cdk8s app in TypeScript, or Jsonnet. */
  readonly format: ScaffoldFormat;
  /** The Git URL Argo CD and Flux fetch the repository from. */
  readonly repoURL: string;
  /** The OCI repository Flux pulls the manifests from, when CI publishes them (`oci://...`). */
  readonly ociRepository: string;
  /** The npm spec the repository depends on cdk8s-capi-ionos by (`^0.1.0`, `file:...`). */
  readonly packageSpec: string;
}

/** One file of a scaffold: a path relative to the repository, with `/` separators. */
export interface ScaffoldFile {
  readonly path: string;
  readonly content: string;
}
