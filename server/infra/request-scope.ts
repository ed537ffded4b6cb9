/**
 * What one request (or one WebSocket operation) carries through the services: the caller, a request id for
 * logs and masked errors, and the request's DataLoaders. Loaders are per request so that one caller's
 * cache never answers another's question (their visibility differs).
 */
import type { RateLimitState } from './http/rate-limit.js';
import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Viewer } from './auth/viewer.js';
import { Semaphore, type KeyedSemaphore } from './concurrency.js';
import { TimeoutError } from './errors.js';

const CLIENT_REQUEST_ID = /^[\w.-]{1,100}$/;

/**
 * The id of a request: the client's `x-request-id` when it is a plausible id (so its logs and ours line up),
 * otherwise a new one. Anything else would let a caller write arbitrary text into our log lines.
 */
export function requestIdFor(clientId: string | undefined): string {
  return clientId !== undefined && CLIENT_REQUEST_ID.test(clientId) ? clientId : randomUUID();
}

export class RequestScope {
  readonly requestId: string;
  private readonly loaders = new Map<string, DataLoader<any, any>>();
  private budget: RequestBudget | undefined;
  /** Where the caller stands with its rate limit after this request's operation (HTTP; set by the plugin). */
  rateLimit: RateLimitState | null = null;

  constructor(
    readonly viewer: Viewer,
    requestId?: string,
  ) {
    this.requestId = requestId ?? randomUUID();
  }

  /**
   * Bounds what this request may take from the database: reads after `deadline` are refused with TIMEOUT,
   * and at most `connections` run at once for this request and `callers.limit` for its caller, so one
   * request (or one caller's burst of them) cannot hold the whole pool. Scopes without a budget (the live
   * feed's, the importer's) read unbounded: they are ours.
   */
  limit(budget: {
    deadline: number;
    /** The operation timeout the deadline comes from, for the message (else the time left now). */
    timeoutMs?: number;
    connections: number;
    callers: KeyedSemaphore;
    caller: string;
  }): this {
    this.budget = {
      deadline: budget.deadline,
      timeoutMs: budget.timeoutMs ?? Math.max(0, budget.deadline - Date.now()),
      own: new Semaphore(budget.connections),
      callers: budget.callers,
      caller: budget.caller,
    };
    return this;
  }

  /** Who the request is counted against (callerKey), once `limit` has given it a budget. */
  get caller(): string | undefined {
    return this.budget?.caller;
  }

  /** Runs one database read within the request's budget (see `limit`). */
  async guard<T>(read: () => Promise<T>): Promise<T> {
    const budget = this.budget;
    if (!budget) return read();
    this.checkDeadline(budget);
    return budget.own.run(() =>
      budget.callers.run(budget.caller, () => {
        this.checkDeadline(budget);
        return read();
      }),
    );
  }

  private checkDeadline(budget: RequestBudget): void {
    if (Date.now() > budget.deadline) {
      throw new TimeoutError(
        `the operation ran longer than ${budget.timeoutMs} ms and was stopped; ask for less (smaller pages, fewer nested lists)`,
      );
    }
  }

  /**
   * The request's loader for `key`, created on first use. Keys that embed arguments get their own loader.
   * Each batch is one read within the request's budget.
   */
  loader<K, V>(
    key: string,
    batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
  ): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => this.guard(() => batch(keys)), { maxBatchSize: 1000 });
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Groups rows by a key, in the order of `keys`, for a DataLoader batch function. */
export function groupBy<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const k = keyOf(row);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(row);
  }
  return keys.map((k) => groups.get(k) ?? []);
}

/** A count per key, in the order of `keys` (0 where none), from rows of a key and a count column. */
export function countsBy<K>(
  keys: readonly K[],
  rows: readonly Record<string, any>[],
  keyColumn: string,
  countColumn = 'n',
): number[] {
  const counts = new Map<K, number>();
  for (const row of rows) counts.set(row[keyColumn] as K, row[countColumn] as number);
  return keys.map((k) => counts.get(k) ?? 0);
}

/** Picks one row per key, in the order of `keys` (null where none), for a DataLoader batch function. */
export function indexBy<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const map = new Map<K, R>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

interface RequestBudget {
  deadline: number;
  timeoutMs: number;
  own: Semaphore;
  callers: KeyedSemaphore;
  caller: string;
}

/** The key under which a caller's database use is bounded: its token subject, its API key, or its address. */
export function callerKey(viewer: Viewer, address: string | undefined): string {
  if (viewer.apiKeyPk !== null) return `key:${viewer.apiKeyPk}`;
  if (viewer.subject !== null) return `person:${viewer.organisationCode ?? ''}:${viewer.subject}`;
  return `address:${address ?? 'unknown'}`;
}
