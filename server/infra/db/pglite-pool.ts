/**
 * A pg-compatible pool over one embedded PGlite database, for TypeORM's postgres driver (`driver` option)
 * and for our own read path.
 *
 * PGlite has exactly one backend connection. A pool that hands that connection to two callers at once lets
 * their transactions interleave: one request's ROLLBACK undoes another's committed insert (seen in a
 * test; test/db/pglite-isolation.test.ts keeps it from coming back). So `connect()` hands the connection out exclusively, in FIFO order, until it is released;
 * `query()` outside a checked-out client waits its turn in the same queue.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { PGlite, types, type Results } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export interface PgLikeResult {
  rows: Record<string, unknown>[];
  rowCount: number;
  command: string;
  fields: { name: string; dataTypeID: number }[];
}

type Callback<T> = (err: Error | null, value?: T) => void;

/** One embedded database and the mutex that keeps its single connection exclusive. */
export class PGliteHost {
  private instance: Promise<PGlite> | undefined;
  private readonly waiters: (() => void)[] = [];
  private busy = false;

  constructor(private readonly dataDir: string | undefined) {}

  db(): Promise<PGlite> {
    if (!this.instance && this.dataDir) mkdirSync(this.dataDir, { recursive: true });
    this.instance ??= PGlite.create({
      dataDir: this.dataDir,
      extensions: { pg_trgm },
      // Same shapes as node-postgres with our type setup: dates stay 'YYYY-MM-DD', int8 stays exact text.
      parsers: {
        [types.DATE]: (value: string) => value,
        [types.TIMESTAMPTZ]: (value: string) => value,
        [types.INT8]: (value: string) => value,
        [types.NUMERIC]: (value: string) => value,
      },
    });
    return this.instance;
  }

  async acquire(): Promise<() => void> {
    if (this.busy) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.busy = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.busy = false;
    };
  }

  async run(text: string, params: unknown[] | undefined): Promise<PgLikeResult> {
    const db = await this.db();
    const result: Results<Record<string, unknown>> =
      params && params.length > 0
        ? await db.query(text, params)
        : ((await db.exec(text)).at(-1) ?? { rows: [], fields: [] });
    return {
      rows: result.rows,
      rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length,
      command: result.command ?? text.trimStart().split(/\s/, 1)[0]!.toUpperCase(),
      fields: result.fields,
    };
  }

  async close(): Promise<void> {
    if (!this.instance) return;
    const db = await this.instance;
    this.instance = undefined;
    if (!db.closed) await db.close();
  }
}

/** The checked-out connection: all its statements run while the host's mutex is held. */
class PGliteClient extends EventEmitter {
  constructor(private readonly host: PGliteHost) {
    super();
  }

  query(
    text: string | { text: string; values?: unknown[] },
    params?: unknown[] | Callback<PgLikeResult>,
    cb?: Callback<PgLikeResult>,
  ) {
    const sql = typeof text === 'string' ? text : text.text;
    const values = typeof text === 'string' ? (Array.isArray(params) ? params : undefined) : text.values;
    const callback = typeof params === 'function' ? params : cb;
    const promise = this.host.run(sql, values);
    if (callback)
      promise.then(
        (r) => callback(null, r),
        (e: Error) => callback(e),
      );
    return promise;
  }
}

/** Builds the `driver` object TypeORM's postgres driver expects (`new driver.Pool(options)`). */
export function pgliteDriver(host: PGliteHost) {
  class Pool extends EventEmitter {
    connect(
      callback?: (err: Error | null, client?: PGliteClient, release?: (err?: unknown) => void) => void,
    ) {
      const pending = (async () => {
        await host.db();
        const release = await host.acquire();
        return { client: new PGliteClient(host), release };
      })();
      if (!callback) return pending.then(({ client, release }) => Object.assign(client, { release }));
      pending.then(
        ({ client, release }) => callback(null, client, release),
        (err: Error) => callback(err),
      );
      return undefined;
    }

    async query(text: string | { text: string; values?: unknown[] }, params?: unknown[]) {
      const release = await host.acquire();
      try {
        return await new PGliteClient(host).query(text, params);
      } finally {
        release();
      }
    }

    end(callback?: (err: Error | null) => void) {
      const closing = host.close();
      if (callback)
        closing.then(
          () => callback(null),
          (e: Error) => callback(e),
        );
      return closing;
    }
  }
  return { Pool };
}
