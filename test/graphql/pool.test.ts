import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';

// The pool is shared by every caller and by the live feed: no statement may hold a connection past the
// statement timeout, no request may take more than its share, and no caller more than half the pool.
let server: TestServer;
let locker: pg.Client;

beforeAll(async () => {
  server = await startTestServer({
    DB_POOL_SIZE: '12',
    STATEMENT_TIMEOUT_MS: '1500',
    DB_CONNECTIONS_PER_REQUEST: '2',
  });
});
afterEach(async () => {
  await locker?.query('ROLLBACK').catch(() => {});
  await locker?.end().catch(() => {});
});
afterAll(() => server?.close());

/** Holds an exclusive lock on `table` in an open transaction, so every read of it waits. */
async function lock(table: string): Promise<void> {
  locker = new pg.Client({ connectionString: server.databaseUrl });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
}

/** romgraph's connections of this database that wait on a lock now. */
async function waiting(): Promise<number> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'romgraph' AND wait_event_type = 'Lock'`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the statement timeout', () => {
  it('cancels a read stuck behind a lock and answers TIMEOUT, not INTERNAL', async () => {
    await lock('initiatives');
    const began = Date.now();
    const res = await server.gql(`{ initiatives(first: 5) { nodes { code } } }`);
    const ms = Date.now() - began;
    expect(res.errors![0]!.extensions!.code).toBe('TIMEOUT');
    expect(res.errors![0]!.message).toMatch(/statement timeout/);
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(5000);
    expect(server.logs.filter((l) => /request .* failed/.test(l))).toEqual([]);
  });

  it('cancels a write stuck behind a lock, and the write leaves nothing behind', async () => {
    const token = await server.token('ROMNL', Role.ADMIN);
    const [{ n: eventsBefore }] = await server.app.db.read('SELECT count(*)::int AS n FROM events');
    await lock('organisations');
    const res = await server.gql(
      `mutation { createOrganisation(input: { code: "LOCKED_ORG", name: "Locked", kind: COMPANY }) { id } }`,
      undefined,
      token,
    );
    expect(res.errors![0]!.extensions!.code).toBe('TIMEOUT');
    await locker.query('ROLLBACK');
    const [{ n: eventsAfter }] = await server.app.db.read('SELECT count(*)::int AS n FROM events');
    const rows = await server.app.db.read(`SELECT 1 FROM organisations WHERE code = 'LOCKED_ORG'`);
    expect(rows).toEqual([]);
    expect(eventsAfter).toBe(eventsBefore);
  });
});

describe('pool shares', () => {
  it('gives one request at most its connections, however many root fields it asks for', async () => {
    await lock('initiatives');
    const fields = Array.from({ length: 10 }, (_, i) => `a${i}: initiatives(first: ${i + 1}) { totalCount }`);
    const pending = server.gql(`{ ${fields.join(' ')} }`);
    await until(async () => (await waiting()) >= 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(await waiting()).toBe(2);
    await locker.query('ROLLBACK');
    const res = await pending;
    expect(res.errors).toBeUndefined();
    expect(Object.keys(res.data)).toHaveLength(10);
  });

  it("keeps half the pool from one caller's burst, so others are still answered", async () => {
    await lock('initiatives');
    // 20 anonymous requests from one address, each stuck on the lock.
    const burst = Array.from({ length: 20 }, () =>
      server.gql(`{ initiatives(first: 5) { nodes { code } } }`),
    );
    await until(async () => (await waiting()) >= 6);
    await new Promise((r) => setTimeout(r, 200));
    expect(await waiting()).toBe(6);
    // Another caller (a token, reading organisations) is answered at once from the other half.
    const began = Date.now();
    const other = await server.gql(
      `{ viewer { role } organisations(first: 3) { nodes { code } } }`,
      undefined,
      await server.token('BOM', Role.VIEWER),
    );
    expect(other.errors).toBeUndefined();
    expect(other.data.organisations.nodes).toHaveLength(3);
    expect(Date.now() - began).toBeLessThan(1000);
    await locker.query('ROLLBACK');
    const results = await Promise.all(burst);
    // Those that waited past the statement timeout were told so; none failed another way.
    for (const res of results) {
      if (res.errors) expect(res.errors[0]!.extensions!.code).toBe('TIMEOUT');
      else expect(res.data.initiatives.nodes).toHaveLength(5);
    }
  });
});

describe('the operation timeout', () => {
  it('refuses the reads an operation would start after its deadline, and answers what it has', async () => {
    const short = await startTestServer({ OPERATION_TIMEOUT_MS: '300', DB_CONNECTIONS_PER_REQUEST: '1' });
    try {
      locker = new pg.Client({ connectionString: short.databaseUrl });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE initiatives IN ACCESS EXCLUSIVE MODE');
      // `a` takes the request's one connection and waits on the lock; `b` waits for the connection.
      const pending = short.gql(
        `{ a: initiative(code: "ESMEE") { code } b: initiative(code: "MJS_2024_2027") { code } }`,
      );
      await new Promise((r) => setTimeout(r, 600));
      await locker.query('ROLLBACK');
      const res = await pending;
      expect(res.data.a).toEqual({ code: 'ESMEE' });
      expect(res.data.b).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.path).toEqual(['b']);
      expect(res.errors![0]!.extensions!.code).toBe('TIMEOUT');
      expect(res.errors![0]!.message).toMatch(/ran longer than 300 ms/);
    } finally {
      await locker.end();
      await short.close();
    }
  });
});
