/** Opens the configured database (DATABASE_URL, or the embedded PGlite under ./data) for a CLI script. */
import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { createDataSource } from '../server/data-source.js';
import { Database } from '../server/infra/db/database.js';

export async function openDatabase(): Promise<{ db: Database; where: string; close: () => Promise<void> }> {
  const config = loadConfig();
  const dataSource = createDataSource({
    url: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
    poolSize: 4,
    logSql: config.logSql,
  });
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length) console.log(`[db] applied ${applied.length} migration(s)`);
  return {
    db: new Database(dataSource),
    where: config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`,
    close: () => dataSource.destroy(),
  };
}
