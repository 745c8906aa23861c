/**
 * The Secret holding the IONOS Cloud token. The manifests only ever reference it; the token
 * itself never passes through this tool (create the Secret with a secret manager or by hand).
 */

/** A reference to the credentials Secret in the cluster's namespace. */
export interface ICredentials {
  /** `metadata.name` of the Secret (keys: `token`, optional `apiURL`, `caBundle`). */
  readonly secretName: string;
}

/** Factories for {@link ICredentials}. */
export class Credentials {
  /** The Secret with this name, in the cluster's namespace. */
  public static fromSecretName(secretName: string): ICredentials {
    return { secretName };
  }

  private constructor() {}
}
