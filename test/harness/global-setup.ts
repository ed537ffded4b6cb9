/** Once per test run: build the migrated, seeded template database every test file clones. */
import 'reflect-metadata';
import { createDataSource } from '../../server/infra/db/data-source.js';
import { Database } from '../../server/infra/db/database.js';
import { importReferenceData } from '../../server/seed/importer.js';
import { TEMPLATE_DB, databaseUrl, withAdmin } from './postgres.js';

export async function setup(): Promise<void> {
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
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
}
