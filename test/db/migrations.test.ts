import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createDataSource } from '../../server/data-source.js';
import { Database } from '../../server/infra/db/database.js';
import { importReferenceData } from '../../server/seed/importer.js';
import { createDatabase, dropDatabase } from '../../scripts/lib/postgres.js';
import { ADMIN_URL, databaseUrl } from '../harness/postgres.js';

const name = `romgraph_migrations_${process.pid}_${Date.now()}`;
afterAll(() => dropDatabase(ADMIN_URL, name));

const tables = async (ds: ReturnType<typeof createDataSource>) =>
  (
    await ds.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
    )
  ).map((r: { tablename: string }) => r.tablename);

describe('migrations', () => {
  it('apply on an empty database, undo completely with down(), and apply again', async () => {
    await createDatabase(ADMIN_URL, name);
    const ds = createDataSource({ url: databaseUrl(name), poolSize: 2 });
    await ds.initialize();
    try {
      expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(migrations.length);
      const created = await tables(ds);
      expect(created).toEqual(
        expect.arrayContaining(['organisations', 'initiatives', 'participations', 'events']),
      );
      for (let i = 0; i < migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables(ds)).toEqual([]);
      expect(await ds.query(`SELECT 1 FROM pg_class WHERE relname = 'events_seq_seq'`)).toEqual([]);
      await ds.runMigrations({ transaction: 'each' });
      expect(await tables(ds)).toEqual(created);
    } finally {
      await ds.destroy();
    }
  });

  it('gives allocations written before funding kinds existed the kind the seed gives them', async () => {
    const upgraded = `${name}_kinds`;
    await createDatabase(ADMIN_URL, upgraded);
    const ds = createDataSource({ url: databaseUrl(upgraded), poolSize: 2 });
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      await importReferenceData(new Database(ds));
      const kinds = () => ds.query(`SELECT id, kind FROM funding_allocations ORDER BY id`);
      const seeded = await kinds();
      expect(new Set(seeded.map((r: { kind: string }) => r.kind)).size).toBeGreaterThan(3);
      // Back to before the kinds, and up again: the columns come back with their default, then the update.
      const index = migrations.findIndex((m) => m.name.startsWith('FundingKindAndStatus'));
      for (let i = migrations.length - 1; i >= index; i--)
        await ds.undoLastMigration({ transaction: 'each' });
      await ds.runMigrations({ transaction: 'each' });
      expect(await kinds()).toEqual(seeded);
    } finally {
      await ds.destroy();
      await dropDatabase(ADMIN_URL, upgraded);
    }
  });
});

describe('instances starting together on an empty database', () => {
  const racing = `romgraph_migration_race_${process.pid}_${Date.now()}`;
  afterAll(() => dropDatabase(ADMIN_URL, racing));

  it('take turns: one migrates, the others find nothing to do, and all start', async () => {
    await createDatabase(ADMIN_URL, racing);
    const config = loadConfig({
      DATABASE_URL: databaseUrl(racing),
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      GRAPH_WARM_METRICS: 'false',
      RATE_LIMIT: 'false',
    });
    const quiet = { debug() {}, info() {}, warn() {}, error() {} };
    const apps = await Promise.all([1, 2, 3].map(() => createApp(config, { logger: quiet })));
    try {
      const [{ n }] = await apps[0]!.db.read<{ n: number }>('SELECT count(*)::int AS n FROM migrations');
      expect(n).toBe(migrations.length);
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
    }
  });
});
