/**
 * Fault injection for the memory store: what a real API server does to its clients now and then
 * (409 Conflicts, 410 Gone on watches, slow answers, lost answers, 5xx), on demand, so that tests
 * can show the controllers converge through each of them.
 *
 *   store.faults.conflictOnNext('update', 2, { kind: 'IPAddressClaim' });   // next two updates of claims: 409
 *   store.faults.loseNextAnswer('create', 1, { kind: 'IPAddress' });        // written, but the caller gets a Timeout
 *   store.faults.delayNext('get', 5_000);                                    // answered 5 s (store clock) late
 *   store.faults.failWatches();                                              // every open watch ends with 410 Gone
 *   store.faults.compact();                                                  // watches from older versions get 410
 *
 * Rules are consulted in the order they were added; a call takes the first rule that matches it
 * and still has hits left.
 */
import type { StoreErrorReason } from './store.js';

/** A call to the store. */
export type StoreOperation = 'get' | 'list' | 'create' | 'update' | 'updateStatus' | 'delete' | 'watch';

/** The calls that write. */
export type WriteOperation = 'create' | 'update' | 'updateStatus' | 'delete';

/** Every write operation, for rules that hit any write. */
export const WRITE_OPERATIONS: readonly WriteOperation[] = ['create', 'update', 'updateStatus', 'delete'];

/** Which calls a rule applies to, besides the operation; absent fields match anything. */
export interface FaultMatch {
  /** The object's kind, e.g. `IPAddress`. */
  readonly kind?: string;
  readonly namespace?: string;
  /** The object's name (never matches a list or a watch). */
  readonly name?: string;
}

/** One injected fault. */
export interface FaultRule extends FaultMatch {
  /** The operations it applies to. */
  readonly ops: readonly StoreOperation[];
  /**
   * Matching calls let through before the rule starts to hit.
   * @default 0
   */
  readonly skip?: number;
  /**
   * How many matching calls the rule hits (after `skip`).
   * @default 1
   */
  readonly count?: number;
  /**
   * The call fails with this reason.
   * @default none (the call succeeds, only late if `delayMs` is set)
   */
  readonly error?: StoreErrorReason;
  /**
   * The write is done and then the answer is lost: the caller gets `error` (a `Timeout` unless
   * another reason is given) although the change happened. Only for write operations.
   * @default false
   */
  readonly afterWrite?: boolean;
  /**
   * The answer comes this many milliseconds of the store's clock late (the call takes effect when
   * the delay is over).
   * @default 0
   */
  readonly delayMs?: number;
}

/** What a call has to suffer, as decided by the rules. */
export interface FaultEffect {
  readonly error?: StoreErrorReason;
  readonly afterWrite: boolean;
  readonly delayMs: number;
}

/** What the faults need from the store they belong to. */
export interface FaultTarget {
  /** Ends every open watch with `reason`; returns how many there were. */
  endWatches(reason: StoreErrorReason): number;
  /** Forgets the change history up to now. */
  compactHistory(): void;
}

interface LiveRule {
  readonly rule: FaultRule;
  skip: number;
  count: number;
}

/** The fault-injection controls of a `MemoryStore` (its `faults` property). */
export class StoreFaults {
  private rules: LiveRule[] = [];

  public constructor(private readonly target: FaultTarget) {}

  /** Adds a rule. */
  public inject(rule: FaultRule): void {
    this.rules.push({ rule, skip: rule.skip ?? 0, count: rule.count ?? 1 });
  }

  /** The next `count` calls of `op` matching `match` fail with 409 Conflict, before writing. */
  public conflictOnNext(op: WriteOperation | readonly WriteOperation[], count = 1, match: FaultMatch = {}): void {
    this.inject({ ...match, ops: typeof op === 'string' ? [op] : op, count, error: 'Conflict' });
  }

  /** The next `count` calls of `op` matching `match` fail with `reason`, before doing anything. */
  public failNext(op: StoreOperation | readonly StoreOperation[], reason: StoreErrorReason, count = 1, match: FaultMatch = {}): void {
    this.inject({ ...match, ops: typeof op === 'string' ? [op] : op, count, error: reason });
  }

  /** The next `count` writes of `op` matching `match` happen, but their callers get a `Timeout`. */
  public loseNextAnswer(op: WriteOperation | readonly WriteOperation[], count = 1, match: FaultMatch = {}): void {
    this.inject({ ...match, ops: typeof op === 'string' ? [op] : op, count, error: 'Timeout', afterWrite: true });
  }

  /** The next `count` calls of `op` matching `match` are answered `ms` milliseconds (store clock) late. */
  public delayNext(op: StoreOperation | readonly StoreOperation[], ms: number, count = 1, match: FaultMatch = {}): void {
    this.inject({ ...match, ops: typeof op === 'string' ? [op] : op, count, delayMs: ms });
  }

  /** The next `count` watches started fail at once with `reason` (as a watch from a compacted version would). */
  public failNextWatch(reason: StoreErrorReason = 'Gone', count = 1): void {
    this.inject({ ops: ['watch'], count, error: reason });
  }

  /** Ends every open watch now with `reason` (410 Gone unless told otherwise); returns how many. */
  public failWatches(reason: StoreErrorReason = 'Gone'): number {
    return this.target.endWatches(reason);
  }

  /** Drops the change history, as etcd compaction does: a watch from any earlier version gets 410 Gone. */
  public compact(): void {
    this.target.compactHistory();
  }

  /** Removes every rule that has hits left. */
  public clear(): void {
    this.rules = [];
  }

  /** How many rules still have hits left. */
  public get pending(): number {
    return this.rules.length;
  }

  /** The rules that still have hits left, with what is left of their skips and hits. */
  public remaining(): readonly (FaultRule & { readonly skip: number; readonly count: number })[] {
    return this.rules.map((live) => ({ ...live.rule, skip: live.skip, count: live.count }));
  }

  /**
   * Consumes the first rule matching a call, if any, and says what the call suffers.
   * @internal used by the store
   */
  public take(op: StoreOperation, kind: string, namespace: string | undefined, name: string | undefined): FaultEffect | undefined {
    for (const live of this.rules) {
      const { rule } = live;
      if (!rule.ops.includes(op)) continue;
      if (rule.kind !== undefined && rule.kind !== kind) continue;
      if (rule.namespace !== undefined && rule.namespace !== namespace) continue;
      if (rule.name !== undefined && rule.name !== name) continue;
      if (live.skip > 0) {
        live.skip--;
        continue;
      }
      live.count--;
      if (live.count <= 0) this.rules = this.rules.filter((r) => r !== live);
      const afterWrite = rule.afterWrite === true && op !== 'get' && op !== 'list' && op !== 'watch';
      return {
        error: rule.error ?? (afterWrite ? 'Timeout' : undefined),
        afterWrite,
        delayMs: rule.delayMs ?? 0,
      };
    }
    return undefined;
  }
}
