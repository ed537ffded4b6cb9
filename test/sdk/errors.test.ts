import http from 'node:http';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BadUserInputError,
  createRomgraphClient,
  InternalServerError,
  NetworkError,
  RateLimitedError,
  TimeoutError,
} from '../../client-sdk/src/index.js';
import { caught, startTestServer, type TestServer } from '../harness/app.js';

// The error classes a real server raises only when something is wrong under it - a statement stuck behind a
// lock (TIMEOUT), a database that lost a table (INTERNAL_SERVER_ERROR, with the request id the log knows) - and
// Retry-After honoured, from a rate-limiting proxy on 127.0.0.1 in front of the server (the server raises
// RATE_LIMITED itself once it has rate limits; its 503s are met in test/http/outage.test.ts).
let server: TestServer;
let url: string;
let locker: pg.Client | null = null;

beforeAll(async () => {
  server = await startTestServer({ STATEMENT_TIMEOUT_MS: '400' });
  url = `${server.url}/graphql`;
});
afterEach(async () => {
  await locker?.query('ROLLBACK').catch(() => {});
  await locker?.end().catch(() => {});
  locker = null;
});
afterAll(() => server?.close());

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A proxy that answers the first `refusals` requests itself (each by `refuse`) and forwards the rest to the
 * server, recording when each request came.
 */
async function refusingProxy(
  refusals: number,
  refuse: (res: http.ServerResponse) => void,
): Promise<{ url: string; arrivals: number[]; close(): Promise<void> }> {
  const arrivals: number[] = [];
  const proxy = http.createServer(async (req, res) => {
    arrivals.push(Date.now());
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (arrivals.length <= refusals) return refuse(res);
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: req.headers.accept ?? '*/*' },
      body: Buffer.concat(chunks),
    });
    res.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    arrivals,
    close: () => new Promise((resolve) => proxy.close(() => resolve())),
  };
}

const rateLimited = (retryAfter: string) => (res: http.ServerResponse) => {
  res.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter });
  res.end(
    JSON.stringify({
      errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED', retryAfter: 1 } }],
    }),
  );
};

describe('errors from a server in trouble', () => {
  it('throws TimeoutError when a statement runs past the statement timeout, and does not retry it', async () => {
    locker = new pg.Client({ connectionString: server.databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE initiatives IN ACCESS EXCLUSIVE MODE');
    let calls = 0;
    const counting: typeof fetch = (input, init) => (calls++, fetch(input, init));
    const client = createRomgraphClient({ url, fetch: counting, retries: 3 });
    const error = await caught(client.initiatives({ first: 5 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/statement timeout/);
    expect(calls).toBe(1);
  });

  it('throws InternalServerError with the request id the server logged when its database lost a table', async () => {
    await admin('ALTER TABLE outputs RENAME TO outputs_moved_away');
    try {
      const error = await caught(createRomgraphClient({ url }).outputs({ first: 5 }));
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
      // What the server reveals is that it failed, not how: the SQL stays in its log.
      expect(error.message).not.toMatch(/outputs|relation|SELECT/i);
      expect(server.logs.some((line) => line.includes(error.requestId!))).toBe(true);
    } finally {
      await admin('ALTER TABLE outputs_moved_away RENAME TO outputs');
    }
    expect((await createRomgraphClient({ url }).outputs({ first: 1 })).nodes).toBeDefined();
  });
});

describe('Retry-After', () => {
  it('waits as long as a 429 says (in seconds), then answers; RateLimitedError carries retryAfter', async () => {
    const proxy = await refusingProxy(1, rateLimited('1'));
    try {
      const client = createRomgraphClient({ url: proxy.url, retries: 2 });
      const summary = await client.networkSummary();
      expect(summary.initiatives).toBeGreaterThan(0);
      expect(proxy.arrivals).toHaveLength(2);
      expect(proxy.arrivals[1]! - proxy.arrivals[0]!).toBeGreaterThanOrEqual(990);

      const impatient = createRomgraphClient({ url: proxy.url, retries: 0 });
      proxy.arrivals.length = 0; // the next one is refused again
      const error = await caught(impatient.networkSummary());
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfter).toBe(1);
      expect(error.status).toBe(429);
    } finally {
      await proxy.close();
    }
  });

  it('reads Retry-After as an HTTP date too, and never sends a mutation again', async () => {
    const proxy = await refusingProxy(1, (res) =>
      rateLimited(new Date(Date.now() + 2_000).toUTCString())(res),
    );
    try {
      const client = createRomgraphClient({ url: proxy.url, retries: 2 });
      await client.taxonomy();
      // An HTTP date has whole seconds: the wait is what is left of them, at least one.
      expect(proxy.arrivals[1]! - proxy.arrivals[0]!).toBeGreaterThanOrEqual(990);

      proxy.arrivals.length = 0;
      const refused = await caught(client.revokeApiKey({ id: 'QXBpS2V5OjE' }));
      expect(refused).toBeInstanceOf(RateLimitedError);
      expect(proxy.arrivals).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it("honours a proxy's 503 that is not GraphQL as a NetworkError with its status, and retries a query after it", async () => {
    const proxy = await refusingProxy(2, (res) => {
      res.writeHead(503, { 'content-type': 'text/html', 'retry-after': '1' });
      res.end('<html><body>Service Unavailable</body></html>');
    });
    try {
      const error = await caught(createRomgraphClient({ url: proxy.url, retries: 0 }).taxonomy());
      expect(error).toBeInstanceOf(NetworkError);
      expect(error.status).toBe(503);
      expect((error as NetworkError).retryAfter).toBe(1);
      const answered = await createRomgraphClient({ url: proxy.url, retries: 2 }).taxonomy();
      expect(answered.themes.length).toBeGreaterThan(0);
      expect(proxy.arrivals).toHaveLength(3);
      expect(proxy.arrivals[2]! - proxy.arrivals[1]!).toBeGreaterThanOrEqual(990);
    } finally {
      await proxy.close();
    }
  });

  it('sends an idempotent mutation again when asked to, and a bad one never', async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      if (calls++ === 0) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const client = createRomgraphClient({ url, fetch: flaky, retries: 1 });
    const error = await caught(
      client.request(
        `mutation { revokeApiKey(id: "QXBpS2V5OjE") { id } }`,
        {},
        {
          idempotent: true,
        },
      ),
    );
    // Sent twice: the network failed the first; the second reached the server, which refused it.
    expect(calls).toBe(2);
    expect(error).not.toBeInstanceOf(NetworkError);
    calls = 1;
    const bad = await caught(client.evaluationIndicators({ years: [1800] }));
    expect(bad).toBeInstanceOf(BadUserInputError);
    expect(calls).toBe(2);
  });
});
