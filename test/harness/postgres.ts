/**
 * Real PostgreSQL for tests, PostGraphile-style: a template database is migrated and seeded once per run
 * (global setup); each test file clones its own database from it in milliseconds and drops it after.
 */
import pg from 'pg';

export const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * The template of this test run: one per run (global setup names it after its process), so two runs on one
 * machine never drop each other's template while the other clones it.
 */
export const TEMPLATE_PREFIX = 'romgraph_test_template_';
export const TEMPLATE_DB = process.env.ROMGRAPH_TEST_TEMPLATE ?? `${TEMPLATE_PREFIX}${process.pid}`;

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `[test] cannot reach PostgreSQL at ${ADMIN_URL}: ${(err as Error).message}. Start it (see .ci/run) or set TEST_ADMIN_DATABASE_URL.`,
      { cause: err },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database cloned from the seeded template; returns its URL and a function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `romgraph_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`));
  return {
    url: databaseUrl(name),
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
