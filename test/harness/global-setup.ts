/** Once per test run: build the migrated, seeded template database every test file clones. */
import 'reflect-metadata';
import { createDataSource } from '../../server/data-source.js';
import { Database } from '../../server/infra/db/database.js';
import { importReferenceData } from '../../server/seed/importer.js';
import { TEMPLATE_DB, databaseUrl, withAdmin } from './postgres.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function setup(): Promise<() => Promise<void>> {
  // Test files run in forks started after this: they inherit the name.
  process.env.ROMGRAPH_TEST_TEMPLATE = TEMPLATE_DB;
  await withAdmin(async (c) => {
    // Templates and test databases of runs that died without tearing down (their process is gone).
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^romgraph_test_(template_)?[0-9]+(_|$)'`,
    );
    for (const { datname } of rows) {
      const pid = Number(/(\d+)/.exec(datname)![1]);
      if (datname === TEMPLATE_DB || !alive(pid)) {
        await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
    await c.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  });
  const dataSource = createDataSource({ url: databaseUrl(TEMPLATE_DB), poolSize: 2 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await importReferenceData(new Database(dataSource));
  } finally {
    await dataSource.destroy();
  }
  return async () => {
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`));
  };
}
