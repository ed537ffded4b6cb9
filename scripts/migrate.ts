/** npm run db:migrate: applies pending migrations (`-- --revert` undoes the last one). */
import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { createDataSource } from '../server/data-source.js';

const config = loadConfig();
const dataSource = createDataSource({
  url: config.databaseUrl,
  pgliteDir: path.join(config.dataDir, 'pglite'),
});
await dataSource.initialize();
try {
  if (process.argv.includes('--revert')) {
    await dataSource.undoLastMigration({ transaction: 'each' });
    console.log('[db] reverted the last migration');
  } else {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(
      applied.length ? `[db] applied: ${applied.map((m) => m.name).join(', ')}` : '[db] up to date',
    );
  }
} finally {
  await dataSource.destroy();
}
