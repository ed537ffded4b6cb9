/**
 * What one request (or one WebSocket operation) carries through the services: the caller, a request id for
 * logs and masked errors, and the request's DataLoaders. Loaders are per request so that one caller's
 * cache never answers another's question (their visibility differs).
 */
import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Viewer } from './auth/viewer.js';

export class RequestScope {
  readonly requestId: string;
  private readonly loaders = new Map<string, DataLoader<any, any>>();

  constructor(
    readonly viewer: Viewer,
    requestId?: string,
  ) {
    this.requestId = requestId ?? randomUUID();
  }

  /** The request's loader for `key`, created on first use. Keys that embed arguments get their own loader. */
  loader<K, V>(
    key: string,
    batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
  ): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
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

/** Picks one row per key, in the order of `keys` (null where none), for a DataLoader batch function. */
export function indexBy<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const map = new Map<K, R>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}
