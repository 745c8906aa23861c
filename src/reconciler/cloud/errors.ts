/**
 * Errors of the Cloud API client, sorted into transient (try again later, with backoff) and
 * permanent (report and stop). Both classes carry a symbol brand so that they are recognised
 * without `instanceof`, also across two copies of this package.
 */
import type { ErrorMessage } from './types.js';

const CLOUD_API_ERROR = Symbol.for('cdk8s-capi-ionos.CloudApiError');
const CREDENTIALS_ERROR = Symbol.for('cdk8s-capi-ionos.CloudCredentialsError');

/** What kind of failure a CloudApiError is. */
export type CloudApiErrorCode =
  /** The API answered with a non-2xx status (see `status` and `messages`). */
  | 'HttpError'
  /** No answer: connection refused or reset, DNS failure, TLS failure. */
  | 'NetworkError'
  /** No answer within the time limit, or an asynchronous request still pending when the wait ended. */
  | 'Timeout'
  /** An asynchronous request (`/requests/{id}/status`) ended `FAILED`. */
  | 'RequestFailed'
  /** An answer without the documented shape (no `Location` on a write, a body that is not JSON, …). */
  | 'BadResponse';

/** The details of a CloudApiError. */
export interface CloudApiErrorDetails {
  readonly code: CloudApiErrorCode;
  /** HTTP method of the call that failed (`GET` for request polling). */
  readonly method: string;
  /** Path of the call below the API base, e.g. `/datacenters/d/servers/s/nics`. */
  readonly path: string;
  /** HTTP status; 0 when there was no answer. */
  readonly status?: number;
  /** `messages` of the API's `Error` body, or the request's `metadata.message` when it FAILED. */
  readonly messages?: readonly ErrorMessage[];
  /** What `Retry-After` asked for, in milliseconds, when the API sent it. */
  readonly retryAfterMs?: number;
  /** The request status URL, for `RequestFailed` and request `Timeout`s. */
  readonly requestUrl?: string;
}

/**
 * A failed Cloud API call. `transient` is true for 429, 5xx, network failures and time-outs
 * (retrying the same call later may succeed); every other failure is permanent: 4xx answers,
 * FAILED requests and malformed answers.
 */
export class CloudApiError extends Error {
  public readonly code: CloudApiErrorCode;
  public readonly method: string;
  public readonly path: string;
  public readonly status: number;
  public readonly messages: readonly ErrorMessage[];
  public readonly retryAfterMs: number | undefined;
  public readonly requestUrl: string | undefined;

  public constructor(details: CloudApiErrorDetails, message?: string) {
    super(message ?? describe(details));
    this.name = 'CloudApiError';
    this.code = details.code;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status ?? 0;
    this.messages = details.messages ?? [];
    this.retryAfterMs = details.retryAfterMs;
    this.requestUrl = details.requestUrl;
    Object.defineProperty(this, CLOUD_API_ERROR, { value: true });
  }

  /** Whether retrying the same call later may succeed. */
  public get transient(): boolean {
    switch (this.code) {
      case 'NetworkError':
      case 'Timeout':
        return true;
      case 'HttpError':
        return this.status === 429 || this.status >= 500;
      default:
        return false;
    }
  }

  /** Whether the API answered 404 (the object does not exist). */
  public get notFound(): boolean {
    return this.code === 'HttpError' && this.status === 404;
  }
}

/** Whether `error` is a CloudApiError (from any copy of this package), optionally of one of `codes`. */
export function isCloudApiError(error: unknown, ...codes: CloudApiErrorCode[]): error is CloudApiError {
  if (typeof error !== 'object' || error === null || (error as Record<symbol, unknown>)[CLOUD_API_ERROR] !== true) return false;
  return codes.length === 0 || codes.includes((error as CloudApiError).code);
}

function describe(details: CloudApiErrorDetails): string {
  const call = `${details.method} ${details.path}`;
  const texts = (details.messages ?? []).map((m) => (m.errorCode ? `[${m.errorCode}] ${m.message ?? ''}`.trim() : (m.message ?? '')));
  const said = texts.length > 0 ? `: ${texts.join('; ')}` : '';
  switch (details.code) {
    case 'HttpError':
      return `request to Cloud API has failed: ${call} answered ${details.status ?? 0}${said}`;
    case 'NetworkError':
      return `request to Cloud API has failed: ${call} got no answer${said}`;
    case 'Timeout':
      return `request to Cloud API has failed: ${call} timed out${said}`;
    case 'RequestFailed':
      return `request ${details.requestUrl ?? call} failed${said}`;
    case 'BadResponse':
      return `request to Cloud API has failed: ${call} answered unexpectedly${said}`;
  }
}

/** Why credentials could not be read. */
export type CredentialsErrorReason =
  /** The Secret does not exist (yet): try again later. */
  | 'NotFound'
  /** The Secret or environment is there but unusable (no token, bad URL): fix it. */
  | 'Invalid';

/** Credentials for the Cloud API could not be resolved. */
export class CloudCredentialsError extends Error {
  public constructor(
    public readonly reason: CredentialsErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'CloudCredentialsError';
    Object.defineProperty(this, CREDENTIALS_ERROR, { value: true });
  }

  /** A missing Secret may appear later; an invalid one needs a fix first. */
  public get transient(): boolean {
    return this.reason === 'NotFound';
  }
}

/** Whether `error` is a CloudCredentialsError (from any copy of this package). */
export function isCloudCredentialsError(error: unknown): error is CloudCredentialsError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[CREDENTIALS_ERROR] === true;
}
