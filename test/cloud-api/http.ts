/**
 * The plumbing every resource family of the fake Cloud API shares: answers and errors in the
 * API's shape, a small router, `depth` rendering of elements and collections, and `offset`/`limit`
 * pagination with `_links` (shapes from the Cloud API v6 models of github.com/ionos-cloud/sdk-go v6:
 * `Error`, `PaginationLinks`, the collection types' `offset`/`limit`/`_links`).
 */

/** What a route answers. */
export interface Answer {
  readonly status: number;
  /** Never answer (the connection stays open until the server stops). */
  readonly hang?: boolean;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One call as a route sees it. */
export interface Call {
  readonly method: string;
  /** Path below `/cloudapi/v6`, without query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The body parsed as JSON (the raw text when it is not JSON; undefined when empty). */
  readonly body: unknown;
  /** The body as sent. */
  readonly raw: string;
  /** The absolute URL of the call, as the API records it in a request. */
  readonly url: string;
  /** The `depth` query parameter (0 when absent). */
  readonly depth: number;
}

/** A route handler; `match` holds the path pattern's groups. */
export type Handler = (call: Call, match: RegExpExecArray) => Answer;

/** Method + path pattern → handler, first match wins. A path that matches with another method answers 405. */
export class Router {
  private readonly routes: { readonly method: string; readonly pattern: RegExp; readonly handler: Handler }[] = [];

  public add(method: string, pattern: RegExp, handler: Handler): void {
    this.routes.push({ method, pattern, handler });
  }

  public route(call: Call): Answer {
    let pathKnown = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(call.path);
      if (match === null) continue;
      pathKnown = true;
      if (route.method === call.method) return route.handler(call, match);
    }
    return pathKnown ? error(405, 'MET-405', `method ${call.method} is not allowed on ${call.path}`) : error(404, 'RES-404', `no such path ${call.path}`);
  }
}

export function ok(body: unknown): Answer {
  return { status: 200, body };
}

/** A write's answer: 202 with the object and the request to follow. */
export function accepted(body: unknown, location: string): Answer {
  return { status: 202, body, headers: { Location: location } };
}

/** The API's `Error` body. */
export function error(status: number, errorCode: string, message: string, headers: Readonly<Record<string, string>> = {}): Answer {
  return { status, body: { httpStatus: status, messages: [{ errorCode, message }] }, headers };
}

/** An element of the API (server, NIC, LAN, …) as a family produces it from its state. */
export interface Element {
  readonly id: string;
  readonly type: string;
  readonly href: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly properties: Readonly<Record<string, unknown>>;
  /** Child collections (`entities.nics`, `entities.volumes`, …). */
  readonly entities?: Readonly<Record<string, CollectionSource>>;
}

/** A collection: its identity and its items (computed when rendered). */
export interface CollectionSource {
  readonly id: string;
  readonly href: string;
  items(): readonly Element[];
}

/** A reference: what a depth too small to show more gives. */
export function reference(element: Element): { id: string; type: string; href: string } {
  return { id: element.id, type: element.type, href: element.href };
}

/**
 * An element at `depth`, as the API renders it: its own metadata and properties always; its
 * child collections as bare references at depth 0, with item references at depth 1 and with the
 * items' properties from depth 2 on (each level down costs one).
 */
export function renderElement(element: Element, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...reference(element),
    metadata: structuredClone(element.metadata),
    properties: structuredClone(element.properties),
  };
  if (element.entities !== undefined) {
    const entities: Record<string, unknown> = {};
    for (const [key, source] of Object.entries(element.entities)) {
      entities[key] = depth >= 1 ? renderCollection(source, depth - 1) : { id: source.id, type: 'collection', href: source.href };
    }
    out['entities'] = entities;
  }
  return out;
}

/** One page of a collection. */
export interface Page {
  readonly offset: number;
  readonly limit: number;
}

/**
 * A collection at `depth`: item references at depth 0, items with their properties from depth 1.
 * With a page, only that slice, with `offset`, `limit` and `_links` (`prev`/`next` when there are).
 */
export function renderCollection(source: CollectionSource, depth: number, page?: Page): Record<string, unknown> {
  const all = source.items();
  const items = page === undefined ? all : all.slice(page.offset, page.offset + page.limit);
  const out: Record<string, unknown> = {
    id: source.id, type: 'collection', href: source.href,
    items: items.map((item) => (depth >= 1 ? renderElement(item, depth - 1) : reference(item))),
  };
  if (page !== undefined) {
    const link = (offset: number) => `${source.href}?offset=${offset}&limit=${page.limit}`;
    out['offset'] = page.offset;
    out['limit'] = page.limit;
    out['_links'] = {
      ...(page.offset > 0 ? { prev: link(Math.max(0, page.offset - page.limit)) } : {}),
      self: link(page.offset),
      ...(page.offset + page.limit < all.length ? { next: link(page.offset + page.limit) } : {}),
    };
  }
  return out;
}

/**
 * The page a list call asks for: `offset` (default 0) and `limit` (default `defaultLimit`, at
 * most 10000, as the API documents). An answer instead when either is not a valid number.
 */
export function pageOf(query: Readonly<Record<string, string>>, defaultLimit = 1000): Page | Answer {
  const offset = query['offset'] === undefined ? 0 : Number(query['offset']);
  const limit = query['limit'] === undefined ? defaultLimit : Number(query['limit']);
  if (!Number.isInteger(offset) || offset < 0) return error(422, 'VAL-422', `[(root).offset] ${query['offset']} must be an integer >= 0`);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) return error(422, 'VAL-422', `[(root).limit] ${query['limit']} must be an integer from 1 to 10000`);
  return { offset, limit };
}

export function isAnswer(value: Page | Answer): value is Answer {
  return 'status' in value;
}
