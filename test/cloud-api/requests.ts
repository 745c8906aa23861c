/**
 * Asynchronous requests of the fake Cloud API: every write creates one, answered by its
 * `Location` (`<api>/requests/<id>/status`). A request goes QUEUED → RUNNING → DONE (its effect is
 * applied) or FAILED (its undo runs). How it moves:
 * - `clock`: on the injected clock, after `queuedMs` and `runningMs` (the default when a clock is given);
 * - `on-poll`: one step per status read;
 * - `manual`: only through {@link RequestBook.step} / {@link RequestBook.finish}.
 *
 * Routes: `GET /requests/{id}/status` and `GET /requests` with `depth`, `offset`/`limit` and the
 * filters `filter.method`, `filter.url`, `filter.status`, `filter.createdAfter`,
 * `filter.createdBefore`. The API documents every filter as "containing a matching value", so
 * `filter.url=/datacenters/d/servers/s/nics` also lists the PATCHes of `…/nics/<id>`: a client
 * must match the URL itself. `createdAfter`/`createdBefore` take `YYYY-MM-DD HH:MM:SS`.
 */
import { error, isAnswer, ok, pageOf, renderCollection, type Answer, type Element, type Router } from './http.js';

export type RequestState = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/** How requests move; see the module comment. */
export type Progress = 'clock' | 'on-poll' | 'manual';

/** A target of a request (`metadata.targets[].target`). */
export interface RequestTarget {
  readonly id: string;
  readonly type: string;
  readonly href: string;
}

/** A request as stored. */
export interface FakeRequest {
  readonly id: string;
  readonly method: string;
  /** Absolute URL of the call, as the API records it. */
  readonly url: string;
  readonly body: string;
  readonly createdDate: string;
  /** When it was created, on the API's clock. */
  readonly createdAt: number;
  status: RequestState;
  message: string;
  readonly target: RequestTarget;
  /** Ends FAILED with this message when it would otherwise finish. */
  readonly failWith?: string;
  /** What happens when it is DONE. */
  readonly onDone: () => void;
  /** What happens when it is FAILED. */
  readonly onFailed: () => void;
}

/** What the book needs from the server. */
export interface RequestHost {
  readonly apiURL: string;
  now(): number;
  nextId(): string;
}

/** Timing of `clock` progress. */
export interface RequestTiming {
  /** @default 1000 */
  readonly queuedMs?: number;
  /** @default 2000 */
  readonly runningMs?: number;
}

/** The requests of one fake API. */
export class RequestBook {
  public readonly all = new Map<string, FakeRequest>();
  private pendingFailure: string | undefined;
  private readonly queuedMs: number;
  private readonly runningMs: number;

  public constructor(private readonly host: RequestHost, public progress: Progress, timing: RequestTiming = {}) {
    this.queuedMs = timing.queuedMs ?? 1000;
    this.runningMs = timing.runningMs ?? 2000;
  }

  public register(router: Router): void {
    router.add('GET', /^\/requests\/([^/]+)\/status$/, (_call, m) => this.statusAnswer(m[1]!));
    router.add('GET', /^\/requests$/, (call) => this.listAnswer(call.query, call.depth));
  }

  /** Records a write; the caller answers 202 with {@link RequestBook.location}. */
  public create(init: { method: string; url: string; body: string; target: RequestTarget; onDone: () => void; onFailed: () => void }): FakeRequest {
    const now = this.host.now();
    const request: FakeRequest = {
      ...init, id: this.host.nextId(), createdAt: now, createdDate: new Date(now).toISOString(),
      status: 'QUEUED', message: 'Request is queued',
      ...(this.pendingFailure !== undefined ? { failWith: this.pendingFailure } : {}),
    };
    this.pendingFailure = undefined;
    this.all.set(request.id, request);
    return request;
  }

  /** Makes the next write's request end FAILED with `message` instead of DONE. */
  public failNext(message: string): void {
    this.pendingFailure = message;
  }

  public location(request: FakeRequest): string {
    return `${this.host.apiURL}/requests/${request.id}/status`;
  }

  /** Whether a request for `targetId` (or for which `test` holds) is still QUEUED or RUNNING. */
  public pendingFor(test: (request: FakeRequest) => boolean): boolean {
    this.settle();
    for (const request of this.all.values()) if ((request.status === 'QUEUED' || request.status === 'RUNNING') && test(request)) return true;
    return false;
  }

  /** In `clock` mode, moves every request to the state its age gives it, oldest first. */
  public settle(): void {
    if (this.progress !== 'clock') return;
    const now = this.host.now();
    for (const request of this.all.values()) {
      if (request.status === 'DONE' || request.status === 'FAILED') continue;
      const age = now - request.createdAt;
      if (age >= this.queuedMs + this.runningMs) this.finish(request.id);
      else if (age >= this.queuedMs) request.status = 'RUNNING';
    }
  }

  /** Moves a request one step (QUEUED → RUNNING → DONE/FAILED). */
  public step(requestId: string): void {
    const request = this.get(requestId);
    if (request.status === 'QUEUED') {
      request.status = 'RUNNING';
      request.message = 'Request is running';
    } else if (request.status === 'RUNNING') {
      this.finish(requestId);
    }
  }

  /** Ends a pending request: DONE (applying it), or FAILED when it was marked to fail. */
  public finish(requestId: string): void {
    const request = this.get(requestId);
    if (request.status === 'DONE' || request.status === 'FAILED') return;
    if (request.failWith !== undefined) {
      request.status = 'FAILED';
      request.message = request.failWith;
      request.onFailed();
    } else {
      request.status = 'DONE';
      request.message = 'Request has been successfully executed';
      request.onDone();
    }
  }

  /** Ends every pending request, oldest first. */
  public finishAll(): void {
    for (const id of [...this.all.keys()]) this.finish(id);
  }

  private get(requestId: string): FakeRequest {
    const request = this.all.get(requestId);
    if (request === undefined) throw new Error(`no request ${requestId}`);
    return request;
  }

  private statusJson(request: FakeRequest): Record<string, unknown> {
    return {
      id: `${request.id}/status`, type: 'request-status', href: this.location(request),
      metadata: { status: request.status, message: request.message, targets: [{ target: { ...request.target }, status: request.status }] },
    };
  }

  private statusAnswer(id: string): Answer {
    this.settle();
    const request = this.all.get(id);
    if (request === undefined) return error(404, 'RES-404', `request ${id} not found`);
    const answer = ok(this.statusJson(request));
    if (this.progress === 'on-poll') this.step(id);
    return answer;
  }

  private element(request: FakeRequest): Element {
    return {
      id: request.id, type: 'request', href: `${this.host.apiURL}/requests/${request.id}`,
      // At depth >= 2 the status is inside the metadata, as the API nests it.
      metadata: { createdDate: request.createdDate, createdBy: 'test@example.org', requestStatus: this.statusJson(request) },
      properties: { method: request.method, url: request.url, body: request.body, headers: {} },
    };
  }

  private listAnswer(query: Readonly<Record<string, string>>, depth: number): Answer {
    this.settle();
    const page = pageOf(query);
    if (isAnswer(page)) return page;
    const contains = (value: string, wanted: string | undefined) => wanted === undefined || value.includes(wanted);
    const apiTime = (request: FakeRequest) => request.createdDate.slice(0, 19).replace('T', ' ');
    const items = [...this.all.values()]
      .filter((r) => contains(r.method, query['filter.method']))
      .filter((r) => contains(r.url, query['filter.url']))
      .filter((r) => contains(r.status, query['filter.status']))
      .filter((r) => query['filter.createdAfter'] === undefined || apiTime(r) > query['filter.createdAfter'])
      .filter((r) => query['filter.createdBefore'] === undefined || apiTime(r) < query['filter.createdBefore'])
      // Newest first; the id breaks ties of one second.
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
      .map((r) => this.element(r));
    return ok(renderCollection({ id: 'requests', href: `${this.host.apiURL}/requests`, items: () => items }, depth, page));
  }
}
