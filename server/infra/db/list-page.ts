/**
 * One builder for the filtered, keyset-paginated lists (organisations, initiatives, events, API keys): the
 * filter's conditions with their parameters numbered as they are added, the cursor condition, `first + 1`
 * rows to know whether there is a next page, and a count over the same conditions only when a query asks
 * for `totalCount`.
 */
import { toPage, type Page, type PageRequest } from '../graphql/connection.js';
import type { RequestScope } from '../request-scope.js';
import type { Database, Row } from './database.js';

/** The conditions of a list. Each `$?` in a condition is the next of its values, numbered in order. */
export class Where {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /**
   * Adds a condition. `visibleInitiativeSql(viewer, 'i', where.params)` and the like number their own
   * parameters: pass their SQL with no values.
   */
  and(condition: string, ...values: unknown[]): this {
    let next = 0;
    const sql = condition.replace(/\$\?/g, () => {
      if (next >= values.length) throw new Error(`[db] more $? than values in: ${condition}`);
      this.params.push(values[next++]);
      return `$${this.params.length}`;
    });
    if (next !== values.length) throw new Error(`[db] more values than $? in: ${condition}`);
    this.conditions.push(sql);
    return this;
  }

  /** `WHERE a AND b`, or nothing when there are no conditions. */
  get sql(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }

  /** A copy to add more conditions to (the page's cursor) without changing this one (the count's). */
  copy(): Where {
    const copy = new Where();
    copy.params.push(...this.params);
    copy.conditions.push(...this.conditions);
    return copy;
  }
}

export interface ListSpec<T> {
  /** `SELECT <columns> FROM <tables>` of the page's rows. */
  readonly select: string;
  /** `FROM <tables>` of the count: only what the conditions need. */
  readonly countFrom: string;
  readonly where: Where;
  /** The sort key: one unique column, the cursor's only value. */
  readonly key: {
    readonly column: string;
    /** The SQL type of the cursor's value, e.g. `bigint`. */
    readonly type: string;
    readonly descending?: boolean;
    readonly of: (node: T) => unknown;
  };
  readonly page: PageRequest;
  readonly toObject: (row: Row) => T;
}

/** A page of a list, its rows read under the request's limits. */
export async function listPage<T>(db: Database, scope: RequestScope, spec: ListSpec<T>): Promise<Page<T>> {
  const { key, page } = spec;
  const rows = spec.where.copy();
  if (page.after) rows.and(`${key.column} ${key.descending ? '<' : '>'} $?::${key.type}`, page.after[0]);
  rows.params.push(page.first + 1);
  const found = await db.read(
    `${spec.select} ${rows.sql} ORDER BY ${key.column}${key.descending ? ' DESC' : ''} LIMIT $${rows.params.length}`,
    rows.params,
    undefined,
    scope,
  );
  return toPage(
    found.map(spec.toObject),
    page,
    (node) => [key.of(node)],
    async () => {
      const [row] = await db.read(
        `SELECT count(*)::int AS n ${spec.countFrom} ${spec.where.sql}`,
        spec.where.params,
        undefined,
        scope,
      );
      return row!.n as number;
    },
  );
}
