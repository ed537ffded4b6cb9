/**
 * The bench database: DATABASE_URL, created (on the same server) and filled with the synthetic network
 * (scripts/seed-synthetic.ts) when it is missing or empty.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDatabase, databaseNameOf } from '../../scripts/lib/postgres.js';
import { createDataSource } from '../../server/data-source.js';
import { Database } from '../../server/infra/db/database.js';
import { importReferenceData } from '../../server/seed/importer.js';

export const DATABASE_HELP = `The benchmarks need DATABASE_URL pointing at a PostgreSQL database for them, e.g.
  psql postgres://postgres@127.0.0.1:5432/postgres -c 'CREATE DATABASE romgraph_bench'
  export DATABASE_URL=postgres://postgres@127.0.0.1:5432/romgraph_bench
  npm run seed:synthetic -- --organisations 10000
(the bench creates the database and runs the seed itself when they are missing).`;

export function benchDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(`[bench] DATABASE_URL is not set.\n${DATABASE_HELP}`);
    process.exit(2);
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    console.error('[bench] DATABASE_URL must be a postgres:// or postgresql:// URL');
    process.exit(2);
  }
  return url;
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    await probe.end();
    return;
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err;
  }
  const name = databaseNameOf(url);
  console.log(`[bench] creating database ${name}`);
  await createDatabase(url, name);
}

async function syntheticOrganisations(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ exists }] = (
      await client.query(`SELECT to_regclass('public.organisations') IS NOT NULL AS exists`)
    ).rows;
    if (!exists) return 0;
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM organisations WHERE code LIKE 'SYN\\_ORG\\_%'`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** Makes sure the synthetic network is there; seeds `organisations` of them when it is not. */
export async function ensureSyntheticData(url: string, organisations: number, seedIfMissing: boolean) {
  await createDatabaseIfMissing(url);
  const found = await syntheticOrganisations(url);
  if (found > 0) return found;
  if (!seedIfMissing) {
    console.error(`[bench] no synthetic data in DATABASE_URL.\n${DATABASE_HELP}`);
    process.exit(2);
  }
  console.log(`[bench] no synthetic data yet: running seed:synthetic --organisations ${organisations}`);
  const script = fileURLToPath(new URL('../../scripts/seed-synthetic.ts', import.meta.url));
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), script, '--organisations', String(organisations)],
      { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
    );
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`[bench] seed:synthetic failed (exit code ${code})`);
  return syntheticOrganisations(url);
}

/**
 * The bench database migrated to the latest migration and holding the reference network (its outputs, markets
 * and coverage too) beside the synthetic one, before a server starts on it; PostgreSQL's version.
 */
export async function migrateWithReferenceData(url: string): Promise<string> {
  const dataSource = createDataSource({ url } as never);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await importReferenceData(new Database(dataSource));
    return (await dataSource.query('SHOW server_version'))[0].server_version as string;
  } finally {
    await dataSource.destroy();
  }
}
