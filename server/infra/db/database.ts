/**
 * The application's handle on the database: raw reads for the hot paths (no entity hydration; named
 * prepared statements on PostgreSQL) and write transactions that carry their event.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { DomainError, translateDatabaseError } from '../errors.js';
import { appendEvent, type AppendedEvent, type NewEvent } from '../events/event-log.js';
import { rawPool, type Queryable } from './data-source.js';

export type Row = Record<string, any>;

export interface CommitListener {
  (seqs: string[]): void;
}

export class Database {
  private readonly pool: Queryable;
  private readonly commitListeners = new Set<CommitListener>();
  /** Statements sent through `read` and `transaction`, for tests that guard against N+1. */
  statementCount = 0;

  constructor(readonly dataSource: DataSource) {
    this.pool = rawPool(dataSource);
  }

  /**
   * One read statement. `name` makes it a named prepared statement on PostgreSQL (parsed once per
   * connection); give one only to SQL whose text never varies.
   */
  async read<T extends Row = Row>(text: string, values: unknown[] = [], name?: string): Promise<T[]> {
    this.statementCount++;
    const result = await this.pool.query(name ? { name, text, values } : { text, values });
    return result.rows as T[];
  }

  /**
   * Runs `work` in one transaction. Constraint violations become CONFLICT / BAD_USER_INPUT, so a caller never
   * sees a raw database error. Listeners hear the event seqs the transaction appended, after it committed.
   */
  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = new Transaction();
    let result: T;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        tx.bind(manager, () => this.statementCount++);
        return work(tx);
      });
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw translateDatabaseError(err) ?? err;
    }
    if (tx.appendedSeqs.length > 0) {
      for (const listener of this.commitListeners) listener(tx.appendedSeqs);
    }
    return result;
  }

  onCommit(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }
}

/** A write transaction in progress. */
export class Transaction {
  manager: EntityManager;
  readonly appendedSeqs: string[] = [];
  private count: () => void = () => {};

  bind(manager: EntityManager, count: () => void): void {
    this.manager = manager;
    this.count = count;
  }

  async query<T extends Row = Row>(text: string, values: unknown[] = []): Promise<T[]> {
    this.count();
    return (await this.manager.query(text, values)) as T[];
  }

  /** Appends the change's event; it commits or rolls back with everything else in the transaction. */
  async event(actor: Viewer, event: NewEvent): Promise<AppendedEvent> {
    this.count(); // the advisory lock
    this.count(); // the insert
    const appended = await appendEvent(this.manager, actor, event);
    this.appendedSeqs.push(appended.seq);
    return appended;
  }

  /** For UPDATE/DELETE: the rows RETURNING gave (TypeORM wraps them as [rows, count]). */
  async modify<T extends Row = Row>(text: string, values: unknown[] = []): Promise<T[]> {
    this.count();
    const result = (await this.manager.query(text, values)) as [T[], number] | T[];
    return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
  }
}
