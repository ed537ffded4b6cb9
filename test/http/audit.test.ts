import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness/app.js';

// graphql-http's GraphQL-over-HTTP audit suite against a running server: no audit may end in an error.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** Every audit of graphql-http's suite that ended in an error (with its reason), and how many ran. */
async function auditErrors(url: string): Promise<{ errors: string[]; ran: number }> {
  const results = await Promise.all(
    serverAudits({ url: `${url}/graphql` }).map(async (audit) => ({
      audit: audit.name,
      result: await audit.fn(),
    })),
  );
  const errors = results
    .filter((r) => r.result.status === 'error')
    .map((r) => `${r.audit}: ${'reason' in r.result ? r.result.reason : ''}`);
  return { errors, ran: results.length };
}

describe('GraphQL over HTTP conformance', () => {
  it('passes every graphql-http audit without an error', async () => {
    const { errors, ran } = await auditErrors(server.url);
    expect(errors).toEqual([]);
    expect(ran).toBeGreaterThan(50);
  });

  it('passes them in the production configuration too: rate limits on, metrics closed, errors masked', async () => {
    const production = await startTestServer({
      NODE_ENV: 'production',
      RATE_LIMIT: 'true',
      RATE_LIMIT_KEY_PREFIX: `romgraph:rl:audit:${process.pid}:${Date.now()}:`,
      METRICS_TOKEN: 'audit-metrics-token-0123456789',
    });
    try {
      const { errors, ran } = await auditErrors(production.url);
      expect(errors).toEqual([]);
      expect(ran).toBeGreaterThan(50);
      const res = await fetch(`${production.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ organisation(code: 7) { code } }"}',
      });
      expect(res.headers.get('x-ratelimit-limit')).toBe('1000');
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
      expect(JSON.stringify(body)).not.toMatch(/stacktrace|\.ts:|node_modules/);
      expect((await fetch(`${production.url}/metrics`)).status).toBe(401);
    } finally {
      await production.close();
    }
  });

  it('answers /healthz and /readyz, and 404 with a hint elsewhere', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok' });
    const missing = await fetch(`${server.url}/nope`);
    expect(missing.status).toBe(404);
  });

  it('refuses an oversized body with 413 and malformed JSON with 400, never 500', async () => {
    const big = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, pad: 'x'.repeat(2_000_000) }),
    });
    expect(big.status).toBe(413);
    const bad = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(bad.status).toBe(400);
  });

  it('refuses operations deeper than the limit and with too many aliases', async () => {
    const deep =
      await server.gql(`{ initiatives { nodes { participants { nodes { organisation { participations { nodes { initiative {
      participants { nodes { organisation { participations { nodes { initiative { code } } } } } } } } } } } } } } }`);
    expect(deep.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: taxonomy { themes { code } }`).join(' ');
    const many = await server.gql(`{ ${aliases} }`);
    expect(many.errors![0]!.message).toMatch(/aliases/);
  });

  it('answers UNAUTHENTICATED for a forged or malformed bearer token', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(res.status).toBe(401);
  });
});
