import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../server/data-source.js';
import { Database } from '../../server/infra/db/database.js';

// PGlite has one backend connection. typeorm-pglite hands it to every caller at once, so one request's ROLLBACK
// undid another's committed insert. Our pool hands it out exclusively.
const dataSource = createDataSource({ url: undefined, pgliteDir: 'memory://' });
let db: Database;

beforeAll(async () => {
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  db = new Database(dataSource);
}, 120_000);
afterAll(() => dataSource.destroy());

const insertOrganisation = (tx: { query: (sql: string, v: unknown[]) => Promise<unknown> }, code: string) =>
  tx.query(`INSERT INTO organisations (code, name, kind) VALUES ($1, $1, 'COMPANY')`, [code]);

describe('embedded PGlite transactions', () => {
  it('keeps a committed insert when a concurrent transaction rolls back', async () => {
    let bStarted!: () => void;
    const bRequested = new Promise<void>((resolve) => (bStarted = resolve));
    const a = db.transaction(async (tx) => {
      await insertOrganisation(tx, 'KEEP_A');
      bStarted();
      // Give B every chance to run inside A's transaction if the connection were shared.
      await new Promise((r) => setTimeout(r, 50));
    });
    await bRequested;
    const b = db
      .transaction(async (tx) => {
        await insertOrganisation(tx, 'DROP_B');
        throw new Error('B rolls back');
      })
      .catch((err: Error) => err.message);
    await a;
    expect(await b).toBe('B rolls back');
    const rows = await db.read(
      `SELECT code FROM organisations WHERE code IN ('KEEP_A', 'DROP_B') ORDER BY code`,
    );
    expect(rows.map((r) => r.code)).toEqual(['KEEP_A']);
  });

  it('serialises many concurrent transactions without losing or mixing any', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          await insertOrganisation(tx, `PAR_${i}`);
          if (i % 3 === 0) throw new Error('rollback');
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(7);
    const rows = await db.read(`SELECT code FROM organisations WHERE code LIKE 'PAR\\_%' ORDER BY code`);
    expect(rows.map((r) => r.code).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => i)
        .filter((i) => i % 3 !== 0)
        .map((i) => `PAR_${i}`)
        .sort(),
    );
  });

  it("reads outside a transaction do not see another transaction's uncommitted rows", async () => {
    let inside!: () => void;
    const reached = new Promise<void>((resolve) => (inside = resolve));
    const writer = db
      .transaction(async (tx) => {
        await insertOrganisation(tx, 'LATE_C');
        inside();
        await new Promise((r) => setTimeout(r, 30));
        throw new Error('never mind');
      })
      .catch(() => undefined);
    await reached;
    const seen = await db.read(`SELECT code FROM organisations WHERE code = 'LATE_C'`);
    await writer;
    expect(seen).toEqual([]);
  });
});
