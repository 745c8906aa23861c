/**
 * NIC attachment, the acting side: for one IonosCloudMachine with a server, read the inputs
 * (machine, claims, IPAddresses, the server's NICs), let `decideNics` compare them, report the
 * result (`status.machineNetworkInfo.nicInfo`, the `NICsAttached` condition, Events) and, in
 * `attach` mode, carry out the first action: create the missing NIC or patch its addresses. The
 * pass never waits for the Cloud API request it sent: it records it and asks to be called again;
 * the next pass reads the request's status once.
 *
 * Safety, in attach mode:
 * - nothing is done while the IONOS provider is still working on the machine (`status.ready` not
 *   true, or a `status.currentRequest` QUEUED/RUNNING) or while the server is not `AVAILABLE`;
 * - an action is first claimed on the machine (annotation {@link PENDING_REQUEST_ANNOTATION},
 *   written with the resourceVersion read, so of two concurrent passes one wins), then the cloud
 *   is read again and the action dropped if it is no longer needed, then the request history is
 *   searched for the same request (a NIC's deterministic name, `nic-<M>-<networkID>`, makes a
 *   POST recognisable), and only then is it sent and its request recorded in the claim;
 * - a FAILED request or a permanent API error is remembered ({@link FAILED_ACTION_ANNOTATION}) and
 *   the same action is not sent again until the declaration or the cloud changes: no hot loop;
 * - a `Retry-After` (any length) ends the pass with a requeue after that long;
 * - {@link runNicAttacher} runs attach mode only as the holder of a Lease.
 *
 * Other transient failures (5xx, time-outs, store conflicts that persist) are thrown, so that the
 * caller's work queue retries with capped exponential backoff.
 */
import { kubeTimestamp } from '../clock.js';
import type { LeaseOptions } from '../claims/binder.js';
import { runController, type Controller } from '../runtime/controller.js';
import { EventRecorder } from '../runtime/events.js';
import { cacheKey, Informer } from '../runtime/informer.js';
import { LeaderElector } from '../runtime/leader-election.js';
import { errorText, silentLogger, type Logger } from '../runtime/log.js';
import type { RateLimiter } from '../runtime/rate-limit.js';
import { isStoreError, RESOURCES, type Clock, type KubeObject, type ResourceType, type Store } from '../store.js';
import type { CloudClient } from '../cloud/client.js';
import { credentialsFromSecret } from '../cloud/credentials.js';
import { CloudApiError, CloudCredentialsError, isCloudApiError, isCloudCredentialsError } from '../cloud/errors.js';
import type { Nic, RequestStatus, Server } from '../cloud/types.js';
import {
  actionKey, claimNamesOf, decideNics, describeAction, machineNetworks, primaryNicName,
  type MachineNetworks, type NicAction, type NicDecision, type NicDrift, type NicDriftKind, type NicInfo,
} from './decide.js';
import { CLUSTER_NAME_LABEL, compareText, INFRA_API_VERSION } from '../../vocabulary.js';

/** `observe` reports only; `attach` also creates and patches NICs. */
export type NicMode = 'observe' | 'attach';

/** Annotation holding the Cloud API request being followed (JSON of {@link PendingRequest}). */
export const PENDING_REQUEST_ANNOTATION = 'capi-ionos.dev/nic-request';
/** Annotation holding the key of the last action that failed permanently. */
export const FAILED_ACTION_ANNOTATION = 'capi-ionos.dev/nic-failed-action';
/** The condition type the attacher sets on the machine. */
export const NICS_CONDITION = 'NICsAttached';
/** The event source component. */
export const NIC_ATTACHER_COMPONENT = 'capi-ionos-nic-attacher';

/**
 * The action claimed on the machine, and then its request while it is followed. A claim whose
 * `requestPath` is empty is being sent (or its sender died: after `claimTimeoutMs` the request
 * history decides).
 */
export interface PendingRequest {
  readonly method: 'POST' | 'PATCH';
  /** The `Location` of the write (the request status URL); empty while it is being sent. */
  readonly requestPath: string;
  /** The path written to, below the API base (`/datacenters/…/nics[/<id>]`). */
  readonly url?: string;
  /** The NIC's name in a POST, to recognise the request in the history. */
  readonly name?: string;
  /** When the action was claimed (ms since the epoch, the claimer's clock). */
  readonly since?: number;
  /** {@link actionKey} of the action. */
  readonly action: string;
  /** The declaration it serves (`primary`, `additionalNetworks[i]`). */
  readonly nic: string;
  /** {@link describeAction} of the action, for events. */
  readonly description: string;
}

/** Gives the Cloud API client for a machine (e.g. from its cluster's credentials Secret). */
export type CloudClientProvider = (machine: KubeObject) => Promise<CloudClient>;

/** Options of the NIC attacher. */
export interface NicAttacherOptions {
  readonly store: Store;
  readonly clock: Clock;
  /** One client for every machine, or a provider per machine. */
  readonly cloud: CloudClient | CloudClientProvider;
  readonly mode: NicMode;
  /**
   * When to look at a request again after sending it or finding it still QUEUED or RUNNING (the
   * pass never waits for it).
   * @default 5000
   */
  readonly requestPollMs?: number;
  /**
   * How old a claim without a recorded request may get before the pass concludes that its
   * sender died and decides again (after checking the request history).
   * @default 120000
   */
  readonly claimTimeoutMs?: number;
  /**
   * Asked right before every write to the cloud and before claiming an action: false stops the
   * pass without acting (e.g. the Lease was lost).
   * @default always true
   */
  readonly canAct?: () => boolean;
  /**
   * When to look again while waiting (request pending, claim unbound, NIC busy): CAPIC's 20 s.
   * @default 20000
   */
  readonly waitRequeueMs?: number;
  /**
   * When to look again otherwise (the cloud is not watched, so drift appears only on a pass).
   * @default 600000
   */
  readonly resyncMs?: number;
  /**
   * Where Events go. Give one recorder for all passes: it remembers what it wrote, so that a
   * repeat of the same message within its `dedupeMs` is not written again.
   * @default a recorder for `component`, new for each pass
   */
  readonly events?: EventRecorder;
  /**
   * Conflict retries of a status or annotation write before giving up (transiently).
   * @default 5
   */
  readonly conflictRetries?: number;
  /**
   * The event source (`source.component`, `reportingComponent`, `reportingInstance`) of the
   * default recorder.
   * @default NIC_ATTACHER_COMPONENT
   */
  readonly component?: string;
}

/** How one pass ended. */
export type NicPassOutcome =
  /** Nothing to look at: no machine, no server yet, being deleted or paused. */
  | 'skipped'
  /** Every declared NIC is attached with its claimed addresses. */
  | 'in-sync'
  /** Observe mode: differences reported, nothing changed. */
  | 'drift'
  /** Waiting for a request, a claim, a busy NIC or server, the provider, credentials or a Retry-After. */
  | 'waiting'
  /** An action's request was sent (or a running one adopted); the next pass follows it. */
  | 'acted'
  /** A permanent failure was reported (condition and event); nothing is retried until something changes. */
  | 'failed';

/** The result of one pass. */
export interface NicPassResult {
  readonly outcome: NicPassOutcome;
  /** Come back after this many ms; absent: only when the machine changes. */
  readonly requeueAfterMs?: number;
  /** The decision of this pass, when one was made. */
  readonly decision?: NicDecision;
  /** The permanent failure that was reported. */
  readonly error?: Error;
}

/** A CAPI v1beta1 condition. */
interface Condition {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly severity?: 'Error' | 'Warning' | 'Info';
  readonly reason?: string;
  readonly message?: string;
  readonly lastTransitionTime: string;
}

type ConditionSpec = Omit<Condition, 'lastTransitionTime' | 'type'>;

/** Event reasons per drift kind. */
const DRIFT_EVENTS: Readonly<Record<NicDriftKind, { readonly reason: string; readonly type: 'Normal' | 'Warning' }>> = {
  'missing': { reason: 'NICMissing', type: 'Warning' },
  'address': { reason: 'NICAddressMismatch', type: 'Warning' },
  'pending-address': { reason: 'WaitingForIPAddress', type: 'Normal' },
  'busy': { reason: 'NICBusy', type: 'Normal' },
  'unknown-lan': { reason: 'PrimaryLANUnknown', type: 'Warning' },
  'dhcp': { reason: 'NICUnmanagedDrift', type: 'Warning' },
  'lan': { reason: 'NICUnmanagedDrift', type: 'Warning' },
  'unexpected': { reason: 'NICUnmanagedDrift', type: 'Warning' },
};

const IONOS_CLOUD_CLUSTER: ResourceType = {
  apiVersion: INFRA_API_VERSION, kind: 'IonosCloudCluster', plural: 'ionoscloudclusters', namespaced: true,
};
const PAUSED_ANNOTATION = 'cluster.x-k8s.io/paused';

/**
 * One reconcile pass for the IonosCloudMachine `namespace/name`. Returns how it ended; throws
 * only transient failures (to be retried with backoff).
 */
export async function reconcileMachineNics(options: NicAttacherOptions, namespace: string, name: string, signal?: AbortSignal): Promise<NicPassResult> {
  return new NicPass(options, namespace, name, signal).run();
}

/** The state and steps of one pass. */
class NicPass {
  private readonly requestPollMs: number;
  private readonly claimTimeoutMs: number;
  private readonly waitRequeueMs: number;
  private readonly resyncMs: number;
  private readonly events: EventRecorder;
  private machine!: KubeObject;

  public constructor(
    private readonly options: NicAttacherOptions,
    private readonly namespace: string,
    private readonly name: string,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.requestPollMs = options.requestPollMs ?? 5000;
    this.claimTimeoutMs = options.claimTimeoutMs ?? 120_000;
    this.waitRequeueMs = options.waitRequeueMs ?? 20_000;
    this.resyncMs = options.resyncMs ?? 600_000;
    this.events = options.events ?? defaultRecorder(options);
  }

  public async run(): Promise<NicPassResult> {
    const { store } = this.options;
    const machine = await store.get(RESOURCES.ionosCloudMachine, this.namespace, this.name);
    if (machine === undefined || machine.metadata.deletionTimestamp !== undefined) return { outcome: 'skipped' };
    if (machine.metadata.annotations?.[PAUSED_ANNOTATION] !== undefined) return { outcome: 'skipped' };
    this.machine = machine;
    const networks = machineNetworks(machine);
    if (networks.providerID === undefined) return { outcome: 'skipped' };
    if (networks.problems.length > 0 || networks.serverId === undefined || networks.datacenterID === undefined) {
      return this.fail('InvalidSpec', new Error(`IonosCloudMachine ${this.namespace}/${this.name}: ${networks.problems.join('; ')}`));
    }
    // The IONOS provider is still creating the server or following a request of its own.
    const providerWork = providerWorkOn(machine);
    if (providerWork !== undefined) {
      await this.report(undefined, { status: 'False', severity: 'Info', reason: 'WaitingForProvider', message: providerWork });
      return { outcome: 'waiting', requeueAfterMs: this.waitRequeueMs };
    }

    let client: CloudClient;
    try {
      client = typeof this.options.cloud === 'function' ? await this.options.cloud(machine) : this.options.cloud;
    } catch (error) {
      if (!isCloudCredentialsError(error)) throw error;
      if (error.transient) {
        await this.report(undefined, { status: 'False', severity: 'Warning', reason: 'CredentialsNotFound', message: error.message });
        await this.events.record(machine, 'Warning', 'CredentialsNotFound', error.message);
        return { outcome: 'waiting', requeueAfterMs: this.waitRequeueMs, error };
      }
      return this.fail('InvalidCredentials', error);
    }

    try {
      // 1. An action claimed by an earlier pass (or another process) is followed first.
      const pending = this.options.mode === 'attach' ? pendingRequestOf(machine) : undefined;
      if (pending !== undefined) {
        const followed = await this.follow(client, pending);
        if (followed !== undefined) return followed;
      }

      // 2. Read the declaration's addresses and the server's NICs; decide.
      const read = await this.decide(client, networks);
      if ('outcome' in read) return read;
      const { decision } = read;

      // 3. Report.
      const failedKey = this.machine.metadata.annotations?.[FAILED_ACTION_ANNOTATION];
      const next = decision.actions[0];
      const blockedByFailure = this.options.mode === 'attach' && next !== undefined && failedKey === actionKey(next);
      await this.report(decision.nicInfo, blockedByFailure ? this.failedCondition(next) : conditionFor(decision, this.options.mode));
      await this.recordDrift(decision.drift);

      if (this.options.mode === 'observe') {
        return { outcome: decision.ready ? 'in-sync' : 'drift', requeueAfterMs: this.resyncMs, decision };
      }
      if (next === undefined) {
        if (failedKey !== undefined) await this.setAnnotations({ [FAILED_ACTION_ANNOTATION]: undefined });
        if (decision.ready) return { outcome: 'in-sync', requeueAfterMs: this.resyncMs, decision };
        // Claims and busy NICs settle soon (CAPIC's 20 s); an unknown primary LAN waits for a resync.
        const soon = decision.drift.some((d) => d.kind === 'pending-address' || d.kind === 'busy');
        return { outcome: 'waiting', requeueAfterMs: soon ? this.waitRequeueMs : this.resyncMs, decision };
      }
      if (blockedByFailure) return { outcome: 'failed', decision, error: new Error(`not repeating the failed action: ${describeAction(next)}`) };

      // 4. Act: claim one action, check again, send it; the next pass follows its request.
      return await this.act(client, networks, next, decision);
    } catch (error) {
      if (isCloudApiError(error) && error.transient && error.retryAfterMs !== undefined) {
        // The API asked for a pause: come back after it, without holding the worker.
        return { outcome: 'waiting', requeueAfterMs: Math.max(1, error.retryAfterMs), error };
      }
      if (isCloudApiError(error) && !error.transient) return this.fail('CloudAPIError', error);
      throw error;
    }
  }

  /**
   * Reads the claimed addresses and the server, and decides. Ends the pass (a result) when the
   * server does not exist or is not AVAILABLE: nothing is decided about NICs in flux.
   */
  private async decide(client: CloudClient, networks: MachineNetworks): Promise<{ readonly decision: NicDecision } | NicPassResult> {
    const dc = networks.datacenterID!;
    const serverId = networks.serverId!;
    const claimAddresses = await this.claimAddresses(networks);
    let server: Server;
    try {
      server = await client.getServer(dc, serverId, { depth: 2 });
    } catch (error) {
      if (isCloudApiError(error) && error.notFound) {
        const message = `server ${serverId} (spec.providerID) does not exist in datacenter ${dc}`;
        await this.report(undefined, { status: 'False', severity: 'Warning', reason: 'ServerNotFound', message });
        await this.events.record(this.machine, 'Warning', 'ServerNotFound', message);
        return { outcome: 'waiting', requeueAfterMs: this.resyncMs };
      }
      throw error;
    }
    const state = server.metadata?.state;
    if (state !== 'AVAILABLE') {
      const message = `server ${serverId} is ${state ?? 'in an unknown state'}; NICs are compared and changed only on an AVAILABLE server`;
      await this.report(undefined, { status: 'False', severity: 'Info', reason: 'ServerNotAvailable', message });
      return { outcome: 'waiting', requeueAfterMs: this.requestPollMs };
    }
    const items = server.entities?.nics?.items;
    const nics = items !== undefined && items.every((n) => n.properties !== undefined) ? items : await client.listNics(dc, serverId, { depth: 1 });
    const primaryLan = await this.primaryLan(client, networks, nics);
    return { decision: decideNics({ machine: networks, claimAddresses, serverNics: nics, ...(primaryLan !== undefined ? { primaryLan } : {}) }) };
  }

  /**
   * Follows a claimed action: reads its request's status once. Returns a result to end the pass
   * with, or undefined to go on deciding (the request is over, or the claim was abandoned).
   */
  private async follow(client: CloudClient, claimed: PendingRequest): Promise<NicPassResult | undefined> {
    let pending = claimed;
    if (pending.requestPath === '') {
      // Claimed but not recorded as sent: its sender is sending it now, or died around the call.
      const found = pending.url === undefined ? undefined : await this.findRunning(client, pending.method, pending.url, pending.name, pending.since);
      if (found !== undefined) {
        pending = { ...pending, requestPath: found };
        await this.setAnnotations({ [PENDING_REQUEST_ANNOTATION]: JSON.stringify(pending) });
      } else if (pending.since !== undefined && this.options.clock.now() - pending.since < this.claimTimeoutMs) {
        await this.report(undefined, { status: 'False', severity: 'Info', reason: 'RequestPending', message: `${pending.description}: being sent by another pass` });
        return { outcome: 'waiting', requeueAfterMs: this.requestPollMs };
      } else {
        // Nothing was sent, or what was sent is over: the NIC list tells which.
        await this.setAnnotations({ [PENDING_REQUEST_ANNOTATION]: undefined });
        return undefined;
      }
    }
    let status: RequestStatus;
    try {
      status = await client.getRequestStatus(pending.requestPath);
    } catch (error) {
      if (isCloudApiError(error) && error.notFound) {
        // The API no longer knows the request: forget it; the NIC list tells what happened.
        await this.setAnnotations({ [PENDING_REQUEST_ANNOTATION]: undefined });
        return undefined;
      }
      throw error;
    }
    const state = status.metadata?.status;
    if (state === 'QUEUED' || state === 'RUNNING') {
      await this.report(undefined, { status: 'False', severity: 'Info', reason: 'RequestPending', message: `${pending.description}: request ${requestIdOf(pending.requestPath)} is ${state}` });
      return { outcome: 'waiting', requeueAfterMs: this.requestPollMs };
    }
    if (state === 'FAILED') {
      const message = `Request ${requestIdOf(pending.requestPath)} failed: ${status.metadata?.message ?? 'no message'}`;
      return this.requestFailed(pending, new CloudApiError({ code: 'RequestFailed', method: 'GET', path: pending.requestPath, requestUrl: pending.requestPath, messages: [{ message }] }, message));
    }
    if (state !== 'DONE') {
      throw new CloudApiError({ code: 'BadResponse', method: 'GET', path: pending.requestPath, messages: [{ message: `unknown request status "${String(state)}"` }] });
    }
    await this.setAnnotations({ [PENDING_REQUEST_ANNOTATION]: undefined, [FAILED_ACTION_ANNOTATION]: undefined });
    const reason = pending.method === 'POST' ? 'NICCreated' : 'NICPatched';
    await this.events.record(this.machine, 'Normal', reason, `${pending.description}: request ${requestIdOf(pending.requestPath)} is DONE`);
    return undefined;
  }

  /**
   * A request to `url` with `method` that is still QUEUED or RUNNING in the request history (for
   * a POST: one creating the NIC `name`), as its status URL.
   */
  private async findRunning(client: CloudClient, method: string, url: string, name: string | undefined, since: number | undefined): Promise<string | undefined> {
    const day = 24 * 3600_000;
    const after = Math.min(this.options.clock.now() - day, (since ?? Infinity) - 60_000);
    const records = await client.listRequests({ method, url, createdAfter: after });
    const running = records.find((r) => {
      const state = r.metadata?.requestStatus?.metadata?.status;
      if ((state !== 'QUEUED' && state !== 'RUNNING') || r.metadata?.requestStatus?.href === undefined) return false;
      return name === undefined || bodyNicName(r.properties?.body) === name;
    });
    return running?.metadata?.requestStatus?.href;
  }

  private async act(client: CloudClient, networks: MachineNetworks, action: NicAction, decision: NicDecision): Promise<NicPassResult> {
    const dc = networks.datacenterID!;
    const server = networks.serverId!;
    const method = action.kind === 'create' ? 'POST' : 'PATCH';
    const path = action.kind === 'create'
      ? `/datacenters/${dc}/servers/${server}/nics`
      : `/datacenters/${dc}/servers/${server}/nics/${action.nicId}`;
    const key = actionKey(action);
    const description = describeAction(action);
    const name = action.kind === 'create' ? action.properties.name : undefined;

    // Claim the action: of two passes that decided the same, one writes the claim, the other
    // meets a conflict, sees the claim and waits.
    if (!this.canAct()) return { outcome: 'waiting', decision };
    const claim: PendingRequest = {
      method, requestPath: '', url: path, action: key, nic: action.nic, description, since: this.options.clock.now(), ...(name !== undefined ? { name } : {}),
    };
    if (!(await this.claim(claim))) {
      return { outcome: 'waiting', requeueAfterMs: this.requestPollMs, decision };
    }

    // The cloud may have changed between the first read and the claim (another pass acted and
    // finished): decide again, and send only what is still the first thing to do.
    // A request for the same URL (and NIC name) still running — sent by a process that died
    // before recording it, or by CAPIC — is followed instead of sending another. Nothing has
    // been sent yet, so a failure here gives the claim up at once.
    let location: string | undefined;
    try {
      const again = await this.decide(client, networks);
      const still = 'outcome' in again ? undefined : again.decision.actions[0];
      if (still === undefined || actionKey(still) !== key) {
        await this.setAnnotations({ [PENDING_REQUEST_ANNOTATION]: undefined });
        return 'outcome' in again ? again : { outcome: 'waiting', requeueAfterMs: 0, decision: again.decision };
      }
      location = await this.findRunning(client, method, path, name, undefined);
    } catch (error) {
      await this.setAnnotations({ [PENDING_REQUEST_ANNOTATION]: undefined });
      throw error;
    }
    const adopted = location !== undefined;
    if (location === undefined) {
      if (!this.canAct()) {
        await this.setAnnotations({ [PENDING_REQUEST_ANNOTATION]: undefined });
        return { outcome: 'waiting', decision };
      }
      try {
        location = action.kind === 'create'
          ? (await client.createNic(dc, server, { properties: withoutUndefined(action.properties) })).location
          : (await client.patchNic(dc, server, action.nicId, action.properties)).location;
      } catch (error) {
        if (isCloudApiError(error) && !error.transient) {
          await this.setAnnotations({ [PENDING_REQUEST_ANNOTATION]: undefined, [FAILED_ACTION_ANNOTATION]: key });
          const reason = action.kind === 'create' ? 'NICCreateFailed' : 'NICPatchFailed';
          const message = `${description}: ${error.message}`;
          await this.report(undefined, { status: 'False', severity: 'Error', reason, message });
          await this.events.record(this.machine, 'Warning', reason, message);
          return { outcome: 'failed', decision, error };
        }
        // A POST without an answer may have arrived: the claim stays, and the next pass looks
        // for it in the request history before anything is sent again.
        if (method === 'PATCH' || (isCloudApiError(error) && error.status !== 0 && error.code === 'HttpError')) {
          await this.setAnnotations({ [PENDING_REQUEST_ANNOTATION]: undefined });
        }
        throw error;
      }
    }
    await this.setAnnotations({ [PENDING_REQUEST_ANNOTATION]: JSON.stringify({ ...claim, requestPath: location }) });
    await this.events.record(this.machine, 'Normal', action.kind === 'create' ? 'NICCreating' : 'NICPatching',
      `${description}: ${adopted ? 'following the running' : 'sent'} request ${requestIdOf(location)}`);
    await this.report(undefined, { status: 'False', severity: 'Info', reason: 'RequestPending', message: `${description}: request ${requestIdOf(location)} sent` });
    return { outcome: 'acted', requeueAfterMs: this.requestPollMs, decision };
  }

  private canAct(): boolean {
    return (this.options.canAct?.() ?? true) && this.signal?.aborted !== true;
  }

  /**
   * Writes `claim` into the machine's annotations with the resourceVersion last read. On a
   * conflict it reads again: a claim there now belongs to another pass (false); otherwise it
   * tries again.
   */
  private async claim(claim: PendingRequest): Promise<boolean> {
    const { store } = this.options;
    const retries = this.options.conflictRetries ?? 5;
    for (let attempt = 0; attempt <= retries; attempt++) {
      const current = attempt === 0 ? this.machine : await store.get(RESOURCES.ionosCloudMachine, this.namespace, this.name);
      if (current === undefined || current.metadata.deletionTimestamp !== undefined) return false;
      // Any claim seen now (also in the copy a status write refreshed) is another pass's.
      if (pendingRequestOf(current) !== undefined) return false;
      const annotations = { ...current.metadata.annotations, [PENDING_REQUEST_ANNOTATION]: JSON.stringify(claim) };
      try {
        this.machine = await store.update({ ...current, metadata: { ...current.metadata, annotations } });
        return true;
      } catch (error) {
        if (!isStoreError(error, 'Conflict')) throw error;
      }
    }
    return false;
  }

  private async requestFailed(pending: PendingRequest, error: CloudApiError): Promise<NicPassResult> {
    await this.setAnnotations({ [PENDING_REQUEST_ANNOTATION]: undefined, [FAILED_ACTION_ANNOTATION]: pending.action });
    const message = `${pending.description}: ${error.message}`;
    await this.report(undefined, { status: 'False', severity: 'Error', reason: 'NICRequestFailed', message });
    await this.events.record(this.machine, 'Warning', 'NICRequestFailed', message);
    return { outcome: 'failed', error };
  }

  private failedCondition(action: NicAction): ConditionSpec {
    const current = conditionsOf(this.machine).find((c) => c.type === NICS_CONDITION);
    if (current !== undefined && current.status === 'False' && current.severity === 'Error') {
      return { status: 'False', severity: 'Error', ...(current.reason !== undefined ? { reason: current.reason } : {}), ...(current.message !== undefined ? { message: current.message } : {}) };
    }
    return { status: 'False', severity: 'Error', reason: 'NICRequestFailed', message: `${describeAction(action)}: failed before; not repeated until the machine, its claims or the server change` };
  }

  /** Reports a permanent failure: condition, event, no requeue. */
  private async fail(reason: string, error: Error): Promise<NicPassResult> {
    await this.report(undefined, { status: 'False', severity: 'Error', reason, message: error.message });
    await this.events.record(this.machine, 'Warning', reason, error.message);
    return { outcome: 'failed', error };
  }

  /** One Event per reason, its message listing every drift of that reason in declaration order. */
  private async recordDrift(drift: readonly NicDrift[]): Promise<void> {
    const byReason = new Map<string, { readonly type: 'Normal' | 'Warning'; readonly messages: string[] }>();
    for (const d of drift) {
      const { reason, type } = DRIFT_EVENTS[d.kind];
      const entry = byReason.get(reason) ?? { type, messages: [] };
      entry.messages.push(d.message);
      byReason.set(reason, entry);
    }
    for (const [reason, { type, messages }] of byReason) await this.events.record(this.machine, type, reason, messages.join('; '));
  }

  private async claimAddresses(networks: MachineNetworks): Promise<Record<string, string>> {
    const { store } = this.options;
    const out: Record<string, string> = {};
    for (const claimName of claimNamesOf(networks)) {
      const claim = await store.get(RESOURCES.ipAddressClaim, this.namespace, claimName);
      const addressName = (claim?.status as { addressRef?: { name?: string } } | undefined)?.addressRef?.name;
      if (addressName === undefined || addressName === '') continue;
      const address = await store.get(RESOURCES.ipAddress, this.namespace, addressName);
      const value = (address?.spec as { address?: unknown } | undefined)?.address;
      if (typeof value === 'string' && value !== '') out[claimName] = value;
    }
    return out;
  }

  /** The primary LAN, looked up only when the primary NIC is missing and spec.networkID is unset. */
  private async primaryLan(client: CloudClient, networks: MachineNetworks, nics: readonly Nic[]): Promise<number | undefined> {
    if (networks.declared[0]?.lan !== undefined) return undefined;
    if (nics.some((n) => n.properties.name === primaryNicName(networks.name))) return undefined;
    const cluster = this.machine.metadata.labels?.[CLUSTER_NAME_LABEL];
    if (cluster === undefined) return undefined;
    const wanted = `lan-${this.namespace}-${cluster}`;
    const lans = (await client.listLans(networks.datacenterID!, { depth: 1 })).filter((l) => l.properties.name === wanted);
    return lans.length === 1 && lans[0]!.id !== undefined && /^\d+$/.test(lans[0]!.id) ? Number(lans[0]!.id) : undefined;
  }

  /** Writes nicInfo (when given) and the condition, re-reading on conflicts; skips equal writes. */
  private async report(nicInfo: readonly NicInfo[] | undefined, spec: ConditionSpec): Promise<void> {
    const { store, clock } = this.options;
    const retries = this.options.conflictRetries ?? 5;
    for (let attempt = 0; ; attempt++) {
      const current = attempt === 0 ? this.machine : await store.get(RESOURCES.ionosCloudMachine, this.namespace, this.name);
      if (current === undefined) return;
      const status = (current.status ?? {}) as Record<string, unknown>;
      const conditions = conditionsOf(current);
      const old = conditions.find((c) => c.type === NICS_CONDITION);
      const condition: Condition = {
        type: NICS_CONDITION, ...spec,
        lastTransitionTime: old !== undefined && old.status === spec.status ? old.lastTransitionTime : kubeTimestamp(clock.now()),
      };
      const sameCondition = old !== undefined && sameConditionAs(old, condition);
      const oldInfo = ((status['machineNetworkInfo'] as { nicInfo?: unknown } | undefined)?.nicInfo ?? []) as NicInfo[];
      const sameInfo = nicInfo === undefined || sameNicInfo(oldInfo, nicInfo);
      if (sameCondition && sameInfo) {
        this.machine = current;
        return;
      }
      const next: KubeObject = {
        ...current,
        status: {
          ...status,
          ...(nicInfo !== undefined ? { machineNetworkInfo: { ...(status['machineNetworkInfo'] as object | undefined), nicInfo } } : {}),
          // Replaced in place (or appended): the other conditions keep their order.
          conditions: old === undefined ? [...conditions, condition] : conditions.map((c) => (c.type === NICS_CONDITION ? condition : c)),
        },
      };
      try {
        this.machine = await store.updateStatus(next);
        return;
      } catch (error) {
        if (!isStoreError(error, 'Conflict') || attempt >= retries) throw error;
      }
    }
  }

  /** Sets (string) or removes (undefined) annotations, re-reading on conflicts; skips equal writes. */
  private async setAnnotations(changes: Readonly<Record<string, string | undefined>>): Promise<void> {
    const { store } = this.options;
    const retries = this.options.conflictRetries ?? 5;
    for (let attempt = 0; ; attempt++) {
      const current = attempt === 0 ? this.machine : await store.get(RESOURCES.ionosCloudMachine, this.namespace, this.name);
      if (current === undefined) return;
      const annotations: Record<string, string> = { ...current.metadata.annotations };
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) delete annotations[key];
        else annotations[key] = value;
      }
      if (sameRecord(annotations, current.metadata.annotations ?? {})) {
        this.machine = current;
        return;
      }
      try {
        this.machine = await store.update({ ...current, metadata: { ...current.metadata, annotations } });
        return;
      } catch (error) {
        if (!isStoreError(error, 'Conflict') || attempt >= retries) throw error;
      }
    }
  }
}

/**
 * The condition a decision stands for. A NIC whose claim has no address yet only waits (Info),
 * also when it is missing or holds another address: nothing can be done for it before.
 */
function conditionFor(decision: NicDecision, mode: NicMode): ConditionSpec {
  if (decision.ready) return { status: 'True' };
  const blocking = decision.drift.filter((d) => d.kind !== 'dhcp' && d.kind !== 'lan' && d.kind !== 'unexpected');
  const message = blocking.map((d) => d.message).join('; ');
  const waitingFor = new Set(blocking.filter((d) => d.kind === 'pending-address').map((d) => d.nic));
  const acting = blocking.filter((d) => !waitingFor.has(d.nic) && d.kind !== 'busy');
  if (acting.length === 0) {
    return { status: 'False', severity: 'Info', reason: waitingFor.size > 0 ? 'WaitingForIPAddress' : 'NICBusy', message };
  }
  const reason = acting.some((d) => d.kind === 'unknown-lan') ? 'PrimaryLANUnknown' : mode === 'observe' ? 'NICDrift' : 'NICAttaching';
  return { status: 'False', severity: 'Warning', reason, message };
}

function pendingRequestOf(machine: KubeObject): PendingRequest | undefined {
  const text = machine.metadata.annotations?.[PENDING_REQUEST_ANNOTATION];
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<PendingRequest>;
    const sent = typeof value.requestPath === 'string' && value.requestPath !== '';
    const claimed = value.requestPath === '' && typeof value.url === 'string' && value.url !== '';
    if ((value.method === 'POST' || value.method === 'PATCH') && (sent || claimed)) {
      return {
        method: value.method, requestPath: value.requestPath!, action: String(value.action ?? ''), nic: String(value.nic ?? ''),
        description: String(value.description ?? `${value.method} request`),
        ...(typeof value.url === 'string' ? { url: value.url } : {}),
        ...(typeof value.name === 'string' ? { name: value.name } : {}),
        ...(typeof value.since === 'number' ? { since: value.since } : {}),
      };
    }
  } catch {
    // An unreadable record is ignored: the request history and the NIC list still prevent duplicates.
  }
  return undefined;
}

/**
 * What the IONOS provider is still doing with the machine, or undefined when it is done with it:
 * it has not set `status.ready` yet (the server is being created, started, given its failover
 * IP), or it follows a request of its own (`status.currentRequest`, CAPIC's `api/v1alpha1/ionoscloudmachine_types.go`).
 */
export function providerWorkOn(machine: KubeObject): string | undefined {
  const status = (machine.status ?? {}) as { ready?: unknown; currentRequest?: { method?: unknown; requestPath?: unknown; state?: unknown } };
  const current = status.currentRequest;
  if (current !== undefined && current !== null && current.state !== 'DONE' && current.state !== 'FAILED') {
    return `the IONOS provider is following its request ${String(current.method ?? '')} ${String(current.requestPath ?? '')} (status.currentRequest${current.state !== undefined ? ` ${String(current.state)}` : ''}); NICs are looked at once it is over`;
  }
  if (status.ready !== true) return 'the IONOS provider has not finished provisioning the machine (status.ready is not true); NICs are looked at once it has';
  return undefined;
}

/** The `properties.name` of a NIC in a recorded request body, if it has one. */
function bodyNicName(body: string | undefined): string | undefined {
  if (body === undefined) return undefined;
  try {
    const name = (JSON.parse(body) as { properties?: { name?: unknown } }).properties?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

function conditionsOf(machine: KubeObject): Condition[] {
  const list = (machine.status as { conditions?: unknown } | undefined)?.conditions;
  return Array.isArray(list) ? (list as Condition[]) : [];
}

function sameConditionAs(a: Condition, b: Condition): boolean {
  return a.status === b.status && a.severity === b.severity && a.reason === b.reason && a.message === b.message;
}

/** nicInfo equality, treating an absent address list like an empty one. */
function sameNicInfo(a: readonly NicInfo[], b: readonly NicInfo[]): boolean {
  const norm = (list: readonly NicInfo[]) => JSON.stringify(list.map((n) => [n.ipv4Addresses ?? [], n.ipv6Addresses ?? [], n.networkID ?? 0, n.primary === true]));
  return norm(a) === norm(b);
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a).sort(compareText);
  const kb = Object.keys(b).sort(compareText);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function requestIdOf(location: string): string {
  return /\/requests\/([^/?]+)/.exec(location)?.[1] ?? location;
}

function defaultRecorder(options: NicAttacherOptions): EventRecorder {
  const component = options.component ?? NIC_ATTACHER_COMPONENT;
  return new EventRecorder({ store: options.store, clock: options.clock, component, instance: component });
}

/** Options of {@link secretCredentialsProvider}. */
export interface SecretCredentialsProviderOptions {
  readonly store: Store;
  /** Builds a client from resolved credentials (the CLI passes the clock and any client options). */
  readonly createClient: (credentials: { readonly token: string; readonly apiURL: string; readonly caBundle?: string }) => CloudClient;
}

/**
 * A {@link CloudClientProvider} that uses the credentials CAPIC uses for a machine: the machine's
 * Cluster (label `cluster.x-k8s.io/cluster-name`) → its `spec.infrastructureRef` IonosCloudCluster
 * → `spec.credentialsRef.name`, a Secret in the same namespace. One client per Secret version.
 */
export function secretCredentialsProvider(options: SecretCredentialsProviderOptions): CloudClientProvider {
  /** Per Secret (`namespace/name`): the client built from the version last read. */
  const clients = new Map<string, { readonly version: string; readonly client: CloudClient }>();
  return async (machine) => {
    const namespace = machine.metadata.namespace ?? '';
    const clusterName = machine.metadata.labels?.[CLUSTER_NAME_LABEL];
    const notFound = (what: string) => credentialsError(`${what}; the NIC attacher reads the credentials Secret through Cluster → IonosCloudCluster → credentialsRef`);
    if (clusterName === undefined) throw notFound(`IonosCloudMachine ${namespace}/${machine.metadata.name} has no ${CLUSTER_NAME_LABEL} label`);
    const cluster = await options.store.get(RESOURCES.cluster, namespace, clusterName);
    const infraName = ((cluster?.spec as { infrastructureRef?: { name?: string } } | undefined)?.infrastructureRef?.name) ?? clusterName;
    const infra = await options.store.get(IONOS_CLOUD_CLUSTER, namespace, infraName);
    const secretName = (infra?.spec as { credentialsRef?: { name?: string } } | undefined)?.credentialsRef?.name;
    if (secretName === undefined || secretName === '') throw notFound(`IonosCloudCluster ${namespace}/${infraName} is missing or has no spec.credentialsRef.name`);
    const secret = await options.store.get(RESOURCES.secret, namespace, secretName);
    const key = `${namespace}/${secretName}`;
    const version = secret?.metadata.resourceVersion ?? '';
    const cached = clients.get(key);
    if (cached !== undefined && secret !== undefined && cached.version === version) return cached.client;
    const client = options.createClient(await credentialsFromSecret(options.store, namespace, secretName));
    clients.set(key, { version, client });
    return client;
  };
}

/** A missing link may appear later, like a missing Secret: transient (`NotFound`). */
function credentialsError(message: string): CloudCredentialsError {
  return new CloudCredentialsError('NotFound', message);
}

/** Options of {@link runNicAttacher}. */
export interface NicAttacherRunOptions extends NicAttacherOptions {
  /**
   * This replica's name: the Lease's `holderIdentity`.
   * @default NIC_ATTACHER_COMPONENT
   */
  readonly identity?: string;
  /**
   * Leader election through a Lease: only its holder runs passes. Attach mode cannot run
   * without one (two replicas would act on one machine); observe mode can (`false`).
   * @default attach: { namespace: 'capi-ionos-system', name: 'capi-ionos-nic-attacher' } with the
   * binder's timing; observe: false
   */
  readonly leaderElection?: false | LeaseOptions;
  /**
   * Only machines (and claims) in this namespace.
   * @default every namespace
   */
  readonly namespace?: string;
  /**
   * Machines reconciled at the same time.
   * @default 1
   */
  readonly workers?: number;
  /**
   * Retry delays after transient failures.
   * @default the runtime's default: per machine 5 ms doubling up to 5 minutes
   */
  readonly rateLimiter?: RateLimiter;
  /** @default silentLogger */
  readonly log?: Logger;
}

/** A running NIC attacher. */
export interface NicAttacher {
  readonly controller: Controller;
  /** Whether this replica runs passes now (always without leader election, until stopped). */
  readonly isLeader: boolean;
  /** Nothing to do now or later (informers watching, queue empty, no delayed key). */
  isIdle(): boolean;
  /** Stops the informers and the controller; waits for running passes to end. */
  stop(): Promise<void>;
}

/**
 * Runs the NIC attacher as a controller: an informer on IonosCloudMachines queues a machine when
 * it appears or its metadata or spec change (not on status-only changes, which include its own
 * writes), an informer on IPAddressClaims queues the owning machine when a claim's address
 * changes, and each queued machine gets one {@link reconcileMachineNics} pass. Passes ask to be
 * called again (a request pending, a resync); transient failures go back through the work
 * queue's capped exponential backoff.
 */
export function runNicAttacher(runOptions: NicAttacherRunOptions): NicAttacher {
  const log = runOptions.log ?? silentLogger;
  const component = runOptions.component ?? NIC_ATTACHER_COMPONENT;
  const options: { -readonly [K in keyof NicAttacherRunOptions]: NicAttacherRunOptions[K] } = {
    ...runOptions,
    events: runOptions.events ?? new EventRecorder({ store: runOptions.store, clock: runOptions.clock, component, instance: component, log }),
  };
  const lease = runOptions.leaderElection ?? (runOptions.mode === 'attach' ? {} : false);
  if (runOptions.mode === 'attach' && lease === false) {
    throw new Error('the NIC attacher in attach mode needs leader election (a Lease), so that one replica alone changes NICs; give leaderElection options or use observe mode');
  }
  const elector = lease === false ? undefined : new LeaderElector({
    store: runOptions.store, clock: runOptions.clock, namespace: lease.namespace ?? 'capi-ionos-system', name: lease.name ?? NIC_ATTACHER_COMPONENT,
    identity: runOptions.identity ?? component, leaseDurationMs: lease.leaseDurationMs, renewDeadlineMs: lease.renewDeadlineMs, retryPeriodMs: lease.retryPeriodMs, log,
  });
  let stopped = false;
  const leading = (): boolean => !stopped && (elector === undefined || elector.isLeader);
  options.canAct = () => leading() && (runOptions.canAct?.() ?? true);
  const selector = options.namespace !== undefined ? { namespace: options.namespace } : {};
  const machines = new Informer({ store: options.store, clock: options.clock, type: RESOURCES.ionosCloudMachine, selector, log });
  const claims = new Informer({ store: options.store, clock: options.clock, type: RESOURCES.ipAddressClaim, selector, log });
  const controller = runController({
    name: 'nic-attacher',
    clock: options.clock,
    informers: [machines, claims],
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.rateLimiter !== undefined ? { rateLimiter: options.rateLimiter } : {}),
    log,
    reconcile: async (key, signal) => {
      // A follower does nothing; every machine is queued again when it starts leading.
      if (!leading()) return {};
      const slash = key.indexOf('/');
      const result = await reconcileMachineNics(options, key.slice(0, slash), key.slice(slash + 1), signal);
      if (result.outcome !== 'skipped' && result.outcome !== 'in-sync') {
        log({
          level: result.outcome === 'failed' ? 'warn' : 'info', source: 'nic-attacher', message: `machine ${key}: ${result.outcome}`,
          fields: { key, ...(result.error !== undefined ? { error: errorText(result.error) } : {}), ...(result.decision !== undefined ? { actions: result.decision.actions.length } : {}) },
        });
      }
      return result.requeueAfterMs !== undefined ? { requeueAfterMs: result.requeueAfterMs } : {};
    },
  });
  const enqueue = (object: KubeObject): void => controller.enqueue(cacheKey(object.metadata.namespace, object.metadata.name));
  machines.addHandlers({
    onAdd: enqueue,
    onUpdate: (old, current) => {
      // A resync hands the same object twice; status-only changes (ours and CAPIC's) are not news.
      if (old === current || !sameJson(old.spec, current.spec) || !sameJson(old.metadata.annotations, current.metadata.annotations)
        || !sameJson(old.metadata.labels, current.metadata.labels) || old.metadata.deletionTimestamp !== current.metadata.deletionTimestamp) {
        enqueue(current);
      }
    },
  });
  const enqueueOwner = (claim: KubeObject): void => {
    const owner = claim.metadata.ownerReferences?.find((r) => r.kind === RESOURCES.ionosCloudMachine.kind && r.controller === true);
    if (owner !== undefined) controller.enqueue(cacheKey(claim.metadata.namespace, owner.name));
  };
  claims.addHandlers({
    onAdd: enqueueOwner,
    onUpdate: (old, current) => {
      if (!sameJson((old.status as { addressRef?: unknown } | undefined)?.addressRef, (current.status as { addressRef?: unknown } | undefined)?.addressRef)) enqueueOwner(current);
    },
  });
  machines.start();
  claims.start();
  elector?.run({
    onStartedLeading: () => {
      for (const machine of machines.list()) enqueue(machine);
    },
    onStoppedLeading: () => {
      log({ level: 'info', source: 'nic-attacher', message: 'lost the Lease: no more passes until it is held again' });
    },
  });
  return {
    controller,
    get isLeader() {
      return leading();
    },
    isIdle: () => controller.isIdle(),
    stop: async () => {
      stopped = true;
      machines.stop();
      claims.stop();
      await Promise.all([controller.stop(), elector?.stop({ release: true })]);
    },
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
