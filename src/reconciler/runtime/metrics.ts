/**
 * The numbers a running reconciler process exposes on `/metrics` (Prometheus text format 0.0.4),
 * what `/readyz` reads (`ProcessState`), and the store wrapper that counts every Kubernetes call.
 */
import type { ClaimBinder, ClaimBinderStats } from '../claims/binder.js';
import type { NicAttacher } from '../nics/attacher.js';
import { RESOURCES, isStoreError, type KubeObject, type Store } from '../store.js';
import { compareText } from '../../vocabulary.js';

/** Where the process is in its life, for `/healthz` and `/readyz`. */
export class ProcessState {
  public started = false;
  public stopping = false;
  /** Whether the last store call got an answer from the API server (any HTTP status). */
  public reachable = false;
}

/** The numbers behind `/metrics`. */
export class Metrics {
  public leader = 0;
  public claimsBound = 0;
  public readonly requests = new Map<string, number>();
  public binder: () => ClaimBinder | undefined = () => undefined;
  public attacher: () => NicAttacher | undefined = () => undefined;
  private readonly pastBinder = { claimReconciles: 0, poolReconciles: 0, transientFailures: 0, permanentFailures: 0 };
  private readonly pastAttacher = { reconciles: 0, transientFailures: 0, permanentFailures: 0 };

  public addTerm(stats: ClaimBinderStats): void {
    this.pastBinder.claimReconciles += stats.claimReconciles;
    this.pastBinder.poolReconciles += stats.poolReconciles;
    this.pastBinder.transientFailures += stats.transientFailures;
    this.pastBinder.permanentFailures += stats.permanentFailures;
  }

  public addAttacherTerm(stats: { readonly reconciles: number; readonly transientFailures: number; readonly permanentFailures: number }): void {
    this.pastAttacher.reconciles += stats.reconciles;
    this.pastAttacher.transientFailures += stats.transientFailures;
    this.pastAttacher.permanentFailures += stats.permanentFailures;
  }

  /** The Prometheus text exposition (version 0.0.4). */
  public render(): string {
    const binder = this.binder()?.stats;
    const attacher = this.attacher()?.controller.stats;
    const b = this.pastBinder;
    const a = this.pastAttacher;
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, samples: readonly (readonly [string, number])[]): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
    };
    metric('capi_ionos_leader', 'gauge', 'Whether this replica holds the Lease and runs the controllers (1) or waits (0).', [['', this.leader]]);
    metric('capi_ionos_claims_bound_total', 'counter', 'IPAddressClaims this process bound (set status.addressRef of).', [['', this.claimsBound]]);
    metric('capi_ionos_reconciles_total', 'counter', 'Reconciles run, by controller.', [
      ['{controller="claims"}', b.claimReconciles + (binder?.claimReconciles ?? 0)],
      ['{controller="pools"}', b.poolReconciles + (binder?.poolReconciles ?? 0)],
      ['{controller="nics"}', a.reconciles + (attacher?.reconciles ?? 0)],
    ]);
    metric('capi_ionos_reconcile_errors_total', 'counter', 'Failed reconciles, by controller and kind (transient: retried with backoff; permanent: reported, not retried).', [
      ['{controller="claims",kind="transient"}', b.transientFailures + (binder?.transientFailures ?? 0)],
      ['{controller="claims",kind="permanent"}', b.permanentFailures + (binder?.permanentFailures ?? 0)],
      ['{controller="nics",kind="transient"}', a.transientFailures + (attacher?.transientFailures ?? 0)],
      ['{controller="nics",kind="permanent"}', a.permanentFailures + (attacher?.permanentFailures ?? 0)],
    ]);
    const depth = (stats: unknown): number => {
      const value = (stats as { queueDepth?: unknown } | undefined)?.queueDepth;
      return typeof value === 'number' ? value : 0;
    };
    metric('capi_ionos_workqueue_depth', 'gauge', 'Keys waiting in the work queue, by controller (0 on a replica that does not lead).', [
      ['{controller="claims"}', depth(binder)],
      ['{controller="nics"}', depth(attacher)],
    ]);
    metric('capi_ionos_kube_requests_total', 'counter', 'Calls to the Kubernetes API, by verb, resource and answer (code 0: no answer).',
      [...this.requests.entries()].sort(([x], [y]) => compareText(x, y)));
    return `${lines.join('\n')}\n`;
  }
}

/**
 * The store with every call counted, and binds: a claim status write that carries
 * `status.addressRef` (the binder writes a claim's status only to bind it; the process does not
 * turn on its optional conditions).
 */
export function countingStore(store: Store, metrics: Metrics, state: ProcessState): Store {
  const count = async <T>(verb: string, plural: string, call: () => Promise<T>): Promise<T> => {
    try {
      const result = await call();
      bump(verb, plural, 200);
      return result;
    } catch (error) {
      bump(verb, plural, isStoreError(error) ? error.status : 0);
      throw error;
    }
  };
  const bump = (verb: string, plural: string, code: number): void => {
    const key = `{verb="${verb}",resource="${plural}",code="${code}"}`;
    metrics.requests.set(key, (metrics.requests.get(key) ?? 0) + 1);
    state.reachable = code !== 0;
  };
  const pluralOf = (object: KubeObject): string =>
    Object.values(RESOURCES).find((t) => t.apiVersion === object.apiVersion && t.kind === object.kind)?.plural ?? object.kind.toLowerCase();
  return {
    get: (type, namespace, name) => count('get', type.plural, () => store.get(type, namespace, name)),
    list: (type, options) => count('list', type.plural, () => store.list(type, options)),
    create: (object) => count('create', pluralOf(object), () => store.create(object)),
    update: (object) => count('update', pluralOf(object), () => store.update(object)),
    updateStatus: async (object) => {
      const updated = await count('update', `${pluralOf(object)}/status`, () => store.updateStatus(object));
      if (object.kind === RESOURCES.ipAddressClaim.kind && (object.status as { addressRef?: { name?: string } } | undefined)?.addressRef?.name) {
        metrics.claimsBound++;
      }
      return updated;
    },
    delete: (type, namespace, name, options) => count('delete', type.plural, () => store.delete(type, namespace, name, options)),
    watch: (type, options, handlers) => {
      bump('watch', type.plural, 200);
      return store.watch(type, options, {
        onEvent: handlers.onEvent,
        onError: (error) => {
          bump('watch', type.plural, error.status);
          handlers.onError(error);
        },
      });
    },
  };
}
