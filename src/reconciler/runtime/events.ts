/**
 * Kubernetes Events (`v1` Event objects) about the objects the controllers handle, the way
 * client-go's recorder writes them: one Event per (object, reason), its `count` and
 * `lastTimestamp` bumped on repeats, and a repeat with the same message within `dedupeMs` not
 * written at all (so a claim waiting on a full pool does not write on every retry).
 *
 * Recording is best effort: a failed write is logged and forgotten, never the reconcile's failure.
 */
import { isStoreError, RESOURCES, type Clock, type KubeObject, type Store } from '../store.js';
import { kubeTimestamp } from '../clock.js';
import { errorText, silentLogger, type Logger } from './log.js';

/** `Normal` or `Warning`, as the Event API has them. */
export type EventType = 'Normal' | 'Warning';

/** Options of an `EventRecorder`. */
export interface EventRecorderOptions {
  readonly store: Store;
  readonly clock: Clock;
  /** `source.component` / `reportingComponent`, e.g. `capi-ionos-claim-binder`. */
  readonly component: string;
  /** `reportingInstance` (the replica). */
  readonly instance: string;
  /**
   * A repeat of the same event with the same message within this time is not written.
   * @default 600_000 (ten minutes)
   */
  readonly dedupeMs?: number;
  /** @default silentLogger */
  readonly log?: Logger;
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable suffix for event names. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The name of the Event about `object` with `reason`: `<object name>.<8 hex digits>`. */
export function eventName(object: KubeObject, reason: string): string {
  return `${object.metadata.name}.${fnv1a(`${object.metadata.uid ?? ''}/${reason}`)}`;
}

/** Writes Events about objects. */
export class EventRecorder {
  private readonly recent = new Map<string, { readonly message: string; readonly at: number }>();
  private readonly log: Logger;

  public constructor(private readonly options: EventRecorderOptions) {
    this.log = options.log ?? silentLogger;
  }

  /** Records an event about `object` (namespaced objects only; others are logged). */
  public async record(object: KubeObject, type: EventType, reason: string, message: string): Promise<void> {
    const { store, clock } = this.options;
    const namespace = object.metadata.namespace ?? 'default';
    const name = eventName(object, reason);
    const now = clock.now();
    const seen = this.recent.get(`${namespace}/${name}`);
    if (seen !== undefined && seen.message === message && now - seen.at < (this.options.dedupeMs ?? 600_000)) return;
    this.recent.set(`${namespace}/${name}`, { message, at: now });
    const stamp = kubeTimestamp(now);
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const existing = await store.get(RESOURCES.event, namespace, name);
        try {
          if (existing === undefined) {
            await store.create({
              apiVersion: RESOURCES.event.apiVersion,
              kind: RESOURCES.event.kind,
              metadata: { name, namespace },
              involvedObject: {
                apiVersion: object.apiVersion,
                kind: object.kind,
                name: object.metadata.name,
                namespace: object.metadata.namespace,
                uid: object.metadata.uid,
                resourceVersion: object.metadata.resourceVersion,
              },
              reason,
              message,
              type,
              count: 1,
              firstTimestamp: stamp,
              lastTimestamp: stamp,
              source: { component: this.options.component },
              reportingComponent: this.options.component,
              reportingInstance: this.options.instance,
            });
          } else {
            await store.update({ ...existing, message, type, count: Number(existing.count ?? 0) + 1, lastTimestamp: stamp });
          }
          return;
        } catch (error) {
          if (!isStoreError(error, 'Conflict', 'AlreadyExists', 'NotFound')) throw error;
        }
      }
    } catch (error) {
      this.log({ level: 'warn', source: this.options.component, message: 'failed to record an event', fields: { reason, object: `${namespace}/${object.metadata.name}`, error: errorText(error) } });
    }
  }
}
