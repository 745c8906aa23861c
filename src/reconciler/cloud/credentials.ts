/**
 * Where the Cloud API token comes from: the credentials Secret CAPIC reads (keys `token`,
 * optional `apiURL` and `caBundle`; CAPIC's `internal/ionoscloud/client/client.go`), read through the Store, or the
 * environment (`IONOS_TOKEN`, `IONOS_API_URL`), handed in explicitly by the CLI.
 */
import { RESOURCES, type Store } from '../store.js';
import { normaliseApiUrl } from './client.js';
import { CloudCredentialsError } from './errors.js';

/** Resolved credentials; `apiURL` is already normalised. */
export interface CloudCredentials {
  readonly token: string;
  readonly apiURL: string;
  /** PEM bundle to trust instead of the system roots. */
  readonly caBundle?: string;
}

/**
 * Reads credentials from the Secret `namespace/name`: `.data` (base64, as the API server returns
 * it) and, for keys missing there, `.stringData` (as an unapplied manifest or the in-memory store
 * may hold it). A missing Secret throws `NotFound` (transient: it may appear); a Secret without a
 * non-empty `token`, or with an unusable `apiURL`, throws `Invalid`.
 */
export async function credentialsFromSecret(store: Store, namespace: string, name: string): Promise<CloudCredentials> {
  const secret = await store.get(RESOURCES.secret, namespace, name);
  if (secret === undefined) {
    throw new CloudCredentialsError('NotFound', `Secret ${namespace}/${name} with the Cloud API credentials does not exist; create it with a "token" key`);
  }
  const read = (key: string): string | undefined => {
    const data = secret['data'] as Record<string, unknown> | undefined;
    const encoded = data?.[key];
    if (typeof encoded === 'string') return Buffer.from(encoded, 'base64').toString('utf8');
    const plain = (secret['stringData'] as Record<string, unknown> | undefined)?.[key];
    return typeof plain === 'string' ? plain : undefined;
  };
  const token = (read('token') ?? '').trim();
  if (token === '') {
    throw new CloudCredentialsError('Invalid', `Secret ${namespace}/${name} has no "token" (or an empty one); token must be set`);
  }
  const caBundle = read('caBundle');
  return { token, apiURL: normaliseApiUrl(read('apiURL')), ...(caBundle !== undefined && caBundle.trim() !== '' ? { caBundle } : {}) };
}

/**
 * Reads credentials from an environment given as a plain record (the CLI passes `process.env`):
 * `IONOS_TOKEN` (required, non-empty) and `IONOS_API_URL` (optional, normalised like the Secret's
 * `apiURL`).
 */
export function credentialsFromEnv(env: Readonly<Record<string, string | undefined>>): CloudCredentials {
  const token = (env['IONOS_TOKEN'] ?? '').trim();
  if (token === '') throw new CloudCredentialsError('Invalid', 'IONOS_TOKEN is not set or empty; token must be set');
  return { token, apiURL: normaliseApiUrl(env['IONOS_API_URL']) };
}
