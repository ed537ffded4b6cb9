/** Once per test run: build the web app when stale, and the migrated, seeded template database every test file clones. */
import 'reflect-metadata';
import { createDataSource } from '../../server/data-source.js';
import { Database } from '../../server/infra/db/database.js';
import { importReferenceData } from '../../server/seed/importer.js';
import { createDatabase, databasesMatching, dropDatabase } from '../../scripts/lib/postgres.js';
import { ADMIN_URL, TEMPLATE_DB, databaseUrl } from './postgres.js';
import { ensureWebBuild } from '../../server/web/build.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Vitest calls this once for the root config and once for each of its projects (vitest.config.ts), in one
 * process: the first call builds the template, the others share it, and the last teardown drops it.
 */
interface Shared {
  ready: Promise<void>;
  users: number;
}
const SHARED = Symbol.for('romgraph.test.template');

export async function setup(): Promise<() => Promise<void>> {
  const global = globalThis as { [SHARED]?: Shared };
  const shared = (global[SHARED] ??= { ready: build(), users: 0 });
  shared.users++;
  await shared.ready;
  return async () => {
    if (--shared.users > 0) return;
    delete global[SHARED];
    await dropDatabase(ADMIN_URL, TEMPLATE_DB);
  };
}

async function build(): Promise<void> {
  // Test files run in forks started after this: they inherit the name.
  process.env.ROMGRAPH_TEST_TEMPLATE = TEMPLATE_DB;
  // The servers of the tests serve the web app: built once here when its sources changed.
  await ensureWebBuild((line) => console.log(line));
  // Templates and test databases of runs that died without tearing down (their process is gone).
  for (const name of await databasesMatching(ADMIN_URL, '^romgraph_test_(template_)?[0-9]+(_|$)')) {
    const pid = Number(/(\d+)/.exec(name)![1]);
    if (name === TEMPLATE_DB || !alive(pid)) await dropDatabase(ADMIN_URL, name);
  }
  await createDatabase(ADMIN_URL, TEMPLATE_DB);
  const dataSource = createDataSource({ url: databaseUrl(TEMPLATE_DB), poolSize: 2 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await importReferenceData(new Database(dataSource));
  } finally {
    await dataSource.destroy();
  }
}
