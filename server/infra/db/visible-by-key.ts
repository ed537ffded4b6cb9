/**
 * Rows by key, only where the caller may see the initiative they belong to: what `node(id:)`, nested fields
 * and events resolve through. A row of an initiative the caller may not see is null, as if it did not exist
 * (never FORBIDDEN). One statement per request batch.
 */
import { visibleInitiativeSql } from '../auth/access.js';
import { indexBy, type RequestScope } from '../request-scope.js';
import type { Database, Row } from './database.js';

export interface VisibleByKey<K, T> {
  /** The request loader's name (one loader per name and request). */
  loader: string;
  /** `SELECT ... FROM ...` with the row's initiative joined as `i`. */
  select: string;
  /** The key column and its SQL array type, e.g. `m.id` and `int[]`. */
  key: string;
  keyType: 'int[]' | 'bigint[]';
  /** Rows whose initiative is optional (joined with LEFT JOIN): visible when it has none. */
  initiative?: { optional: string };
  /** A further condition of the caller's (pushing its parameters onto `params`), e.g. an event's audience. */
  also?: (params: unknown[]) => string;
  toObject: (row: Row) => T;
  keyOf: (object: T) => K;
}

export function loadVisibleByKey<K, T>(
  db: Database,
  scope: RequestScope,
  spec: VisibleByKey<K, T>,
  key: K,
): Promise<T | null> {
  return scope
    .loader<K, T | null>(spec.loader, async (keys) => {
      const params: unknown[] = [keys];
      const visible = visibleInitiativeSql(scope.viewer, 'i', params);
      let condition = spec.initiative ? `(${spec.initiative.optional} IS NULL OR ${visible})` : visible;
      if (spec.also) condition += ` AND ${spec.also(params)}`;
      const rows = await db.read(
        `${spec.select} WHERE ${spec.key} = ANY($1::${spec.keyType}) AND ${condition}`,
        params,
      );
      return indexBy(keys, rows.map(spec.toObject), spec.keyOf);
    })
    .load(key);
}
