/**
 * TypeORM's log (and so node-postgres' pool errors, which TypeORM reports through it) in the server's logger:
 * statements at debug when LOG_SQL is on (with the count of their parameters, not their values: those are
 * the callers' data), slow statements and warnings at warn, migrations at info. Failed statements are logged
 * at debug only: the services translate them (a unique violation is a CONFLICT) or log them where they fail.
 */
import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../logger.js';

/** Statements slower than this are logged at warn, LOG_SQL or not, ms. */
export const SLOW_STATEMENT_MS = 1_000;

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 2_000);
const countOf = (parameters: unknown) => (Array.isArray(parameters) ? parameters.length : 0);

export class SqlLogger implements TypeOrmLogger {
  constructor(
    private readonly logger: Logger,
    private readonly statements: boolean,
  ) {}

  logQuery(query: string, parameters?: unknown): void {
    if (this.statements) this.logger.debug(`[sql] ${oneLine(query)}`, { parameters: countOf(parameters) });
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown): void {
    const message = typeof error === 'string' ? error : error.message;
    this.logger.debug(`[sql] failed: ${message}: ${oneLine(query)}`, { parameters: countOf(parameters) });
  }

  logQuerySlow(time: number, query: string, parameters?: unknown): void {
    this.logger.warn(`[sql] slow statement (${time} ms): ${oneLine(query)}`, {
      durationMs: time,
      parameters: countOf(parameters),
    });
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(`[db] ${message}`);
  }

  logMigration(message: string): void {
    this.logger.info(`[db] ${message}`);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = `[db] ${String(message)}`;
    if (level === 'warn') this.logger.warn(text);
    else this.logger.debug(text);
  }
}
