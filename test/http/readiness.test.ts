import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness/app.js';
import { withAdmin } from '../harness/postgres.js';
import { RedisServer } from '../harness/redis-server.js';

// Readiness follows what an instance needs to serve, the database. Redis is a wake-up hint (every instance also
// polls the event log), so its outage shows in the body and never turns the whole fleet unready.
let redis: RedisServer;
let server: TestServer;

beforeAll(async () => {
  redis = await RedisServer.start();
  server = await startTestServer({ REDIS_URL: redis.url });
});
afterAll(async () => {
  await server?.close();
  await redis?.stop();
});

interface Probe {
  status: number;
  body: Record<string, string>;
}

async function readyz(): Promise<Probe> {
  const res = await fetch(`${server.url}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** Polls /readyz until `done` holds; returns every answer seen on the way, the last one included. */
async function pollUntil(done: (probe: Probe) => boolean, what: string, ms = 15_000): Promise<Probe[]> {
  const seen: Probe[] = [];
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const probe = await readyz();
    seen.push(probe);
    if (done(probe)) return seen;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`/readyz never showed ${what}; last: ${JSON.stringify(seen.at(-1))}`);
}

describe('/readyz', () => {
  it('stays 200 with wake-ups degraded while Redis is down, and reports them ok once it is back', async () => {
    await pollUntil((p) => p.body.wakeups === 'ok', 'wake-ups ok');
    expect(await readyz()).toEqual({
      status: 200,
      body: { status: 'ready', database: 'ok', wakeups: 'ok' },
    });

    await redis.stop();
    const during = await pollUntil((p) => p.body.wakeups === 'degraded', 'wake-ups degraded');
    expect(during.map((p) => p.status)).toEqual(during.map(() => 200));
    expect(during.at(-1)).toEqual({
      status: 200,
      body: { status: 'ready', database: 'ok', wakeups: 'degraded' },
    });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // And it does serve: reads and writes need only the database.
    const read = await server.gql(`{ initiative(code: "ESMEE") { code } }`);
    expect(read.data.initiative.code).toBe('ESMEE');

    await redis.restart();
    const after = await pollUntil((p) => p.body.wakeups === 'ok', 'wake-ups ok again');
    expect(after.map((p) => p.status)).toEqual(after.map(() => 200));
  });

  it('answers 503 while the database refuses connections, and 200 once it accepts them again', async () => {
    const name = new URL(server.databaseUrl).pathname.slice(1);
    try {
      await withAdmin(async (c) => {
        await c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
      });
      const down = await pollUntil((p) => p.status === 503, '503');
      expect(down.at(-1)!.body).toMatchObject({ status: 'unavailable' });
      expect(down.at(-1)!.body.database).not.toBe('ok');
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await withAdmin((c) => c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`));
    }
    const up = await pollUntil((p) => p.status === 200, '200 again');
    expect(up.at(-1)!.body).toMatchObject({ status: 'ready', database: 'ok' });
  });
});
