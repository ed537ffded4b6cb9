/**
 * One TypeORM DataSource over PostgreSQL (DATABASE_URL) or embedded PGlite (no DATABASE_URL), plus the raw
 * read path the hot queries use. Both run the same migrations; neither ever uses `synchronize`.
 */
import 'reflect-metadata';
import path from 'node:path';
import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Logger } from '../logger.js';
import { SnakeNamingStrategy } from './naming.js';
import { SLOW_STATEMENT_MS, SqlLogger } from './sql-logger.js';
import { PGliteHost, pgliteDriver } from './pglite-pool.js';

// node-postgres: keep DATE as 'YYYY-MM-DD' (no local-midnight Date objects); bigint and numeric stay exact text.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
// Timestamps stay text until a response shows them (see isoTimestamp in infra/graphql/scalars.ts).
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value: string) => value);

/** What the application brings: its entities and migrations (listed at the top, beside the schema). */
export interface Schema {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; undefined selects embedded PGlite. */
  url: string | undefined;
  /** Directory for PGlite's files (ignored for PostgreSQL). `memory://` keeps them in memory. */
  pgliteDir?: string;
  poolSize?: number;
  /** The server's logger, for TypeORM's log and the pool's errors (TypeORM's own console logger otherwise). */
  logger?: Logger;
  /** Log every statement (at debug). */
  logSql?: boolean;
  /** PostgreSQL statement_timeout of every connection, ms (PostgreSQL only; none when absent). */
  statementTimeoutMs?: number;
}

/** The smallest query surface both drivers offer. */
export interface Queryable {
  query(
    text: string | { text: string; values?: unknown[]; name?: string },
    values?: unknown[],
  ): Promise<{ rows: any[]; rowCount: number | null }>;
}

export function dataSourceOptions(
  options: DatabaseOptions,
  { entities, migrations }: Schema,
): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each' as const,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    ...(options.logger
      ? {
          logger: new SqlLogger(options.logger, options.logSql ?? false),
          logging: options.logSql
            ? ('all' as const)
            : (['error', 'warn', 'migration'] as ('error' | 'warn' | 'migration')[]),
          maxQueryExecutionTime: SLOW_STATEMENT_MS,
        }
      : { logging: options.logSql ? ('all' as const) : false }),
    uuidExtension: 'pgcrypto' as const,
    installExtensions: false,
    applicationName: 'romgraph',
  };
  if (options.url) {
    return {
      ...common,
      url: options.url,
      poolSize: options.poolSize ?? 10,
      connectTimeoutMS: 5000,
      extra: {
        // node-postgres sends these as startup parameters, so they hold for every pooled connection:
        // every statement is bounded, and none is JIT-compiled. JIT starts above jit_above_cost and takes
        // 10-20 ms to compile, more than the summaries take to run (15 of 180 ms at 10,000 organisations).
        ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
        options: '-c jit=off',
      },
    };
  }
  const dir = options.pgliteDir ?? path.resolve('data', 'pglite');
  const host = new PGliteHost(dir === 'memory://' ? undefined : dir);
  return { ...common, driver: pgliteDriver(host) };
}

export function createDataSourceOf(schema: Schema, options: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(options, schema));
}

/** The pool TypeORM opened: node-postgres' Pool, or our exclusive PGlite pool. Hot reads go through it. */
export function rawPool(dataSource: DataSource): Queryable {
  const master = (dataSource.driver as unknown as { master?: Queryable }).master;
  if (!master) throw new Error('[db] the data source is not initialised; call initialize() first');
  return master;
}
