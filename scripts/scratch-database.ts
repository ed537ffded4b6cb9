/** A throwaway PostgreSQL database for migration generation and drift checks. */
import pg from 'pg';

export async function withScratchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const adminUrl = process.env.ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `romgraph_scratch_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `[db] cannot reach PostgreSQL at ${adminUrl} (${(err as Error).message}); is it running? Set ADMIN_DATABASE_URL to point elsewhere.`,
      { cause: err },
    );
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
