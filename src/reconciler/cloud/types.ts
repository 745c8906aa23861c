/**
 * The IONOS Cloud API v6 objects the NIC attacher reads and writes, as plain JSON shapes.
 *
 * Field names follow the Cloud API v6 OpenAPI document (github.com/ionos-cloud/sdk-go v6, `api_network_interfaces.go` and its models) (NIC, LAN, request status and
 * error schemas) plus the few server fields the attacher needs. Everything the API may leave out
 * is optional; read-only fields are marked so.
 */

/** `metadata` of a datacenter element (server, NIC, LAN). */
export interface ElementMetadata {
  readonly etag?: string;
  readonly createdDate?: string;
  readonly lastModifiedDate?: string;
  /** `AVAILABLE`, `BUSY`, `INACTIVE`, `DEPLOYING`, … (read-only). */
  readonly state?: string;
}

/** A collection answer (`Nics`, `Lans`, `Servers`). */
export interface Collection<T> {
  readonly id?: string;
  readonly type?: 'collection';
  readonly href?: string;
  readonly items?: readonly T[];
  readonly offset?: number;
  readonly limit?: number;
}

/**
 * `NicProperties`. `lan` is required on create; `ips`/`ipv6Ips` `null` or absent means the
 * API assigns addresses itself. A PATCH body is a bare (partial) `NicProperties`.
 */
export interface NicProperties {
  readonly name?: string;
  /** Read-only. */
  readonly mac?: string;
  readonly ips?: readonly string[] | null;
  readonly dhcp?: boolean;
  readonly lan?: number;
  readonly firewallActive?: boolean;
  readonly firewallType?: 'INGRESS' | 'EGRESS' | 'BIDIRECTIONAL';
  /** Read-only. */
  readonly deviceNumber?: number;
  /** Read-only. */
  readonly pciSlot?: number;
  /** Internal use (elevated permissions). */
  readonly vnet?: string;
  readonly ipv6Ips?: readonly string[] | null;
  readonly ipv6CidrBlock?: string | null;
  readonly dhcpv6?: boolean | null;
}

/** `Nic`. */
export interface Nic {
  readonly id?: string;
  readonly type?: 'nic';
  readonly href?: string;
  readonly metadata?: ElementMetadata;
  readonly properties: NicProperties;
}

/** The body of `POST …/nics`: a `Nic` with the properties to create. */
export interface NicCreate {
  readonly properties: NicProperties & { readonly lan: number };
}

/** `IPFailover`: one entry of a LAN's failover group. */
export interface IpFailover {
  readonly ip?: string;
  readonly nicUuid?: string;
}

/** `LanProperties`. */
export interface LanProperties {
  readonly name?: string;
  readonly ipFailover?: readonly IpFailover[];
  readonly pcc?: string;
  readonly public?: boolean;
  /** Read-only. */
  readonly ipv4CidrBlock?: string | null;
  readonly ipv6CidrBlock?: string | null;
}

/** `Lan`. The `id` is a decimal string (`"5"`). */
export interface Lan {
  readonly id?: string;
  readonly type?: 'lan';
  readonly href?: string;
  readonly metadata?: ElementMetadata;
  readonly properties: LanProperties;
  readonly entities?: { readonly nics?: Collection<Nic> };
}

/** The server fields the attacher reads (from `GET …/servers/{id}?depth=N`). */
export interface Server {
  readonly id?: string;
  readonly type?: 'server';
  readonly href?: string;
  readonly metadata?: ElementMetadata;
  readonly properties: {
    readonly name?: string;
    /** `RUNNING`, `SHUTOFF`, … */
    readonly vmState?: string;
    readonly [key: string]: unknown;
  };
  /** With depth >= 2 the NICs carry their properties. */
  readonly entities?: { readonly nics?: Collection<Nic>; readonly [key: string]: unknown };
}

/** The state of an asynchronous request. */
export type RequestState = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/** `RequestTarget`. */
export interface RequestTarget {
  readonly target?: { readonly id: string; readonly type?: string; readonly href?: string };
  readonly status?: RequestState;
}

/** `RequestStatus` (`GET /requests/{id}/status`). */
export interface RequestStatus {
  readonly id?: string;
  readonly type?: 'request-status';
  readonly href?: string;
  readonly metadata?: {
    readonly status?: RequestState;
    readonly message?: string;
    readonly etag?: string;
    readonly targets?: readonly RequestTarget[];
  };
}

/** One entry of `GET /requests?depth=2` (the request history CAPIC searches, `internal/service/cloud/request.go`). */
export interface RequestRecord {
  readonly id?: string;
  readonly type?: 'request';
  readonly href?: string;
  readonly metadata?: {
    readonly createdDate?: string;
    readonly requestStatus?: RequestStatus;
  };
  readonly properties?: {
    readonly method?: string;
    readonly url?: string;
    readonly body?: string;
    readonly headers?: Readonly<Record<string, string>>;
  };
}

/** `ErrorMessage`. */
export interface ErrorMessage {
  readonly errorCode?: string;
  readonly message?: string;
}

/** `Error`: the body of every failed call. */
export interface ErrorBody {
  readonly httpStatus?: number;
  readonly messages?: readonly ErrorMessage[];
}

/** What a write answered: the object and the request to follow (the `Location` header). */
export interface Accepted<T> {
  readonly body: T;
  /** Absolute URL of the request status, e.g. `https://…/cloudapi/v6/requests/<id>/status`. */
  readonly location: string;
}
