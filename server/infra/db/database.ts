/**
 * The application's handle on the database: raw reads for the hot paths (no entity hydration; named
 * prepared statements on PostgreSQL) and write transactions that carry their event.
 */
import {
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
  type DataSource,
  type EntityManager,
} from 'typeorm';
import {
  DomainError,
  ServiceUnavailableError,
  isDatabaseUnavailable,
  translateDatabaseError,
} from '../errors.js';
import { rawPool, type Queryable } from './data-source.js';

export type Row = Record<string, any>;

/** Bounds a request's reads (RequestScope: its deadline and its share of the pool). */
export interface ReadGuard {
  guard<T>(read: () => Promise<T>): Promise<T>;
}

/** Runs after a transaction committed (never after a rollback), with the transaction that did. */
export interface CommitHook {
  (tx: Transaction): void;
}

export class Database {
  private readonly pool: Queryable;
  private readonly commitHooks = new Set<CommitHook>();
  /** Statements sent through `read` and `transaction`, for tests that guard against N+1. */
  statementCount = 0;

  /** LOG_SQL: the raw reads below go to TypeORM's logger too, so every statement is in one log. */
  private readonly logStatements: boolean;

  constructor(readonly dataSource: DataSource) {
    this.pool = rawPool(dataSource);
    this.logStatements = dataSource.options.logging === 'all';
  }

  /**
   * One read statement. `name` makes it a named prepared statement on PostgreSQL (parsed once per
   * connection); give one only to SQL whose text never varies.
   */
  async read<T extends Row = Row>(
    text: string,
    values: unknown[] = [],
    name?: string,
    scope?: ReadGuard,
  ): Promise<T[]> {
    if (scope) return scope.guard(() => this.read<T>(text, values, name));
    this.statementCount++;
    if (this.logStatements) this.dataSource.logger.logQuery(text, values);
    try {
      const result = await this.pool.query(name ? { name, text, values } : { text, values });
      return result.rows as T[];
    } catch (err) {
      if (isDatabaseUnavailable(err)) throw new ServiceUnavailableError(undefined, { cause: err });
      // A value the helpers let through but PostgreSQL refuses (U+0000, out of range) is still the caller's.
      throw translateDatabaseError(err) ?? err;
    }
  }

  /**
   * Runs `work` in one transaction. Constraint violations become CONFLICT / BAD_USER_INPUT, so a caller never
   * sees a raw database error; an unreachable database becomes SERVICE_UNAVAILABLE (nothing written, or, when
   * the connection went during COMMIT, an unknown outcome). Commit hooks run after it committed.
   */
  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = new Transaction();
    let result: T;
    // Once `work` is done only COMMIT is left: losing the connection there leaves the outcome unknown.
    let committing = false;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        tx.bind(manager, () => this.statementCount++);
        const value = await work(tx);
        committing = true;
        return value;
      });
    } catch (err) {
      // TypeORM releases a transaction's connection the moment it breaks, so the next statement (or COMMIT,
      // then never sent) reports only that the connection is gone.
      const released =
        err instanceof QueryRunnerAlreadyReleasedError ||
        err instanceof QueryRunnerProviderAlreadyReleasedError;
      if (released || isDatabaseUnavailable(err))
        throw new ServiceUnavailableError(undefined, {
          cause: err,
          outcomeUnknown: committing && !released,
        });
      if (err instanceof DomainError) throw err;
      throw translateDatabaseError(err) ?? err;
    }
    for (const hook of this.commitHooks) hook(tx);
    return result;
  }

  /**
   * Reads in one consistent snapshot (a read-only REPEATABLE READ transaction) with no statement timeout: for
   * loading large state at start (the collaboration network), which no request waits on.
   */
  async readSnapshot<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
        const tx = new Transaction();
        tx.bind(manager, () => this.statementCount++);
        await tx.query('SET TRANSACTION READ ONLY');
        await tx.query('SET LOCAL statement_timeout = 0');
        return work(tx);
      });
    } catch (err) {
      if (isDatabaseUnavailable(err)) throw new ServiceUnavailableError(undefined, { cause: err });
      throw translateDatabaseError(err) ?? err;
    }
  }

  /** Hears of every committed transaction (the event log uses it to announce what was appended). */
  afterCommit(hook: CommitHook): () => void {
    this.commitHooks.add(hook);
    return () => this.commitHooks.delete(hook);
  }
}

/** A write transaction in progress. */
export class Transaction {
  manager: EntityManager;
  private count: () => void = () => {};

  bind(manager: EntityManager, count: () => void): void {
    this.manager = manager;
    this.count = count;
  }

  async query<T extends Row = Row>(text: string, values: unknown[] = []): Promise<T[]> {
    this.count();
    return (await this.manager.query(text, values)) as T[];
  }

  /** For UPDATE/DELETE: the rows RETURNING gave (TypeORM wraps them as [rows, count]). */
  async modify<T extends Row = Row>(text: string, values: unknown[] = []): Promise<T[]> {
    this.count();
    const result = (await this.manager.query(text, values)) as [T[], number] | T[];
    return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
  }
}
