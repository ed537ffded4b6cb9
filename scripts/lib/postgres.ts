/**
 * Databases on a PostgreSQL server for tests, scripts and benchmarks: create (optionally from a template),
 * drop, and throwaway ones. The one place that builds these statements and names the administrative
 * database; the server itself never creates databases.
 */
import pg from 'pg';

/** The quoted form of a database name, for statements that cannot take it as a parameter. */
function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The URL of database `name` on the server of `url` (same host, port and user). */
export function databaseUrlOn(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${encodeURIComponent(name)}`;
  return target.toString();
}

/** The name of the database `url` points at. */
export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Runs `fn` with a client of the server's `postgres` database, and says where when it cannot connect. */
export async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const adminUrl = databaseUrlOn(url, 'postgres');
  const client = new pg.Client({ connectionString: adminUrl });
  // A server going away under an idle client must not crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `[db] cannot reach PostgreSQL at ${adminUrl.replace(/:[^:@/]*@/, ':***@')}: ${(err as Error).message}. Is it running?`,
      { cause: err },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(url: string, name: string): Promise<boolean> {
  return withAdmin(url, async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (rowCount ?? 0) > 0;
  });
}

/** Creates database `name` on the server of `url` (a copy of `template` when given); returns its URL. */
export async function createDatabase(url: string, name: string, options: { template?: string } = {}) {
  await withAdmin(url, (c) =>
    c.query(
      `CREATE DATABASE ${quoted(name)}${options.template ? ` TEMPLATE ${quoted(options.template)}` : ''}`,
    ),
  );
  return databaseUrlOn(url, name);
}

/** Drops database `name` if it exists, ending its sessions first. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`));
}

/** Databases whose names match `pattern` (a PostgreSQL regular expression). */
export async function databasesMatching(url: string, pattern: string): Promise<string[]> {
  return withAdmin(url, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname ~ $1',
      [pattern],
    );
    return rows.map((r) => r.datname);
  });
}

/** A database that lives as long as `fn`, named after `prefix` and this process. */
export async function withScratchDatabase<T>(
  url: string,
  fn: (databaseUrl: string) => Promise<T>,
  prefix = 'romgraph_scratch',
): Promise<T> {
  const name = `${prefix}_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const databaseUrl = await createDatabase(url, name);
  try {
    return await fn(databaseUrl);
  } finally {
    await dropDatabase(url, name);
  }
}
