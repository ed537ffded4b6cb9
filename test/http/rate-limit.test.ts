/**
 * Rate limits from outside: points per hour by cost and a burst per minute, per caller, shared by two instances
 * through Redis and counted in memory while Redis is away; RATE_LIMITED with Retry-After and the x-ratelimit-*
 * headers on every response; `viewer.rateLimit`; X-Forwarded-For believed from trusted proxies only.
 */
import { randomUUID } from 'node:crypto';
import { sample } from '../harness/metrics.js';
import { afterAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { freePort } from '../harness/free-port.js';
import { TestSocket } from '../harness/ws.js';

const servers: TestServer[] = [];
const sockets: TestSocket[] = [];
afterAll(async () => {
  for (const socket of sockets) socket.close();
  for (const server of servers.reverse()) await server.close();
});

/** A server with rate limits on, under a key prefix of its own (the counters of other runs stay apart). */
async function limited(env: Record<string, string>, shared?: TestServer): Promise<TestServer> {
  const server = await startTestServer({ RATE_LIMIT: 'true', ...env }, shared);
  servers.push(server);
  return server;
}

async function post(
  url: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const DASHBOARD = `{ initiatives(first: 50) { nodes { code participants(first: 20) { nodes { organisation { code } } } } } }`;

describe('rate limits', () => {
  it('spend points by cost, refuse with 429, RATE_LIMITED and Retry-After, and report on every response', async () => {
    const server = await limited({
      RATE_LIMIT_KEY_PREFIX: `test:${randomUUID()}:`,
      RATE_LIMIT_POINTS_PER_HOUR: '50',
    });
    const auth = { authorization: `Bearer ${await server.token('BOM', Role.VIEWER)}` };
    const first = await post(
      server.url,
      `{ viewer { rateLimit { limit remaining used cost resetAt } } }`,
      auth,
    );
    expect(first.status).toBe(200);
    expect(first.body.data.viewer.rateLimit).toMatchObject({ limit: 50, remaining: 49, used: 1, cost: 1 });
    expect(new Date(first.body.data.viewer.rateLimit.resetAt).getTime()).toBeGreaterThan(
      Date.now() + 3_500_000,
    );
    expect(first.headers.get('x-ratelimit-limit')).toBe('50');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('49');
    expect(first.headers.get('x-ratelimit-used')).toBe('1');
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);

    // The dashboard page may return 2,100 objects: 21 points.
    const page = await post(server.url, DASHBOARD, auth);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-ratelimit-remaining')).toBe('28');
    await post(server.url, DASHBOARD, auth); // 7 left
    const refused = await post(server.url, DASHBOARD, auth);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 50 });
    expect(refused.body.errors[0].message).toMatch(/costs 21 points and 7 of 50 are left/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('7');
    expect(
      sample(await server.app.metrics!.text(), 'romgraph_rate_limit_refusals_total', { transport: 'http' }),
    ).toBe(1);
    // What was refused was not spent: a cheap operation still fits.
    const cheap = await post(server.url, `{ viewer { rateLimit { remaining cost } } }`, auth);
    expect(cheap.body.data.viewer.rateLimit).toEqual({ remaining: 6, cost: 1 });
    // Another caller has a budget of its own; a document that fails validation still gets the headers.
    const other = await post(server.url, `{ nope }`, {
      authorization: `Bearer ${await server.token('LIOF', Role.VIEWER)}`,
    });
    expect(other.status).toBe(400);
    expect(other.headers.get('x-ratelimit-remaining')).toBe('50');
  });

  it('share one burst per minute across two instances through Redis, Retry-After honoured', async () => {
    const env = {
      RATE_LIMIT_KEY_PREFIX: `test:${randomUUID()}:`,
      RATE_LIMIT_BURST_PER_MINUTE: '5',
      REDIS_URL: 'redis://127.0.0.1:6379',
    };
    const a = await limited(env);
    const b = await limited(env, a);
    const auth = { authorization: `Bearer ${await a.token('NOM', Role.EDITOR)}` };
    const statuses: number[] = [];
    for (const server of [a, b, a, b, a])
      statuses.push((await post(server.url, '{ __typename }', auth)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await post(b.url, '{ __typename }', auth);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].message).toMatch(/more than 5 operations in a minute/);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    // What the minute refused costs nothing of the hour: the five that ran, one point each.
    expect(refused.headers.get('x-ratelimit-used')).toBe('5');
    const again = await post(a.url, '{ __typename }', auth);
    expect(again.status).toBe(429);
    expect(again.headers.get('x-ratelimit-used')).toBe('5');
  });

  it('keep limiting in memory while Redis is away', async () => {
    const closed = await freePort();
    const server = await limited({
      RATE_LIMIT_KEY_PREFIX: `test:${randomUUID()}:`,
      RATE_LIMIT_BURST_PER_MINUTE: '3',
      REDIS_URL: `redis://127.0.0.1:${closed}`,
    });
    const auth = { authorization: `Bearer ${await server.token('IQ', Role.VIEWER)}` };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(server.url, '{ __typename }', auth)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(server.logs.join('\n')).toMatch(/\[rate-limit\] Redis unavailable/);
  });

  it('count anonymous callers by address, believing X-Forwarded-For only from a trusted proxy', async () => {
    const prefix = `test:${randomUUID()}:`;
    const direct = await limited({
      RATE_LIMIT_KEY_PREFIX: prefix,
      RATE_LIMIT_ANONYMOUS_POINTS_PER_HOUR: '2',
    });
    // Not behind a trusted proxy: a forged header changes nothing, the socket's address is counted.
    const forged = async (ip: string) =>
      (await post(direct.url, '{ __typename }', { 'x-forwarded-for': ip })).status;
    expect([await forged('203.0.113.1'), await forged('203.0.113.2'), await forged('203.0.113.3')]).toEqual([
      200, 200, 429,
    ]);
    const proxied = await limited({
      RATE_LIMIT_KEY_PREFIX: `test:${randomUUID()}:`,
      RATE_LIMIT_ANONYMOUS_POINTS_PER_HOUR: '2',
      TRUSTED_PROXIES: '127.0.0.1, ::1',
    });
    const via = async (chain: string) =>
      (await post(proxied.url, '{ __typename }', { 'x-forwarded-for': chain })).status;
    expect([await via('203.0.113.7'), await via('203.0.113.7'), await via('203.0.113.7')]).toEqual([
      200, 200, 429,
    ]);
    // Another client behind the same proxy has its own budget; a hop the client forged on the left is ignored.
    expect(await via('198.51.100.9, 203.0.113.8')).toBe(200);
    expect(await via('10.9.9.9, 203.0.113.8')).toBe(200);
    expect(await via('203.0.113.8')).toBe(429);
  });

  it('count WebSocket operations against the same budget, and cap the connections of one caller', async () => {
    const server = await limited({
      RATE_LIMIT_KEY_PREFIX: `test:${randomUUID()}:`,
      RATE_LIMIT_BURST_PER_MINUTE: '3',
      WS_MAX_CONNECTIONS_PER_CALLER: '2',
    });
    const auth = `Bearer ${await server.token('OOSTNL', Role.VIEWER)}`;
    // One HTTP operation and two subscriptions spend the minute's three.
    expect((await post(server.url, '{ __typename }', { authorization: auth })).status).toBe(200);
    const socket = await TestSocket.connect(server.url, auth);
    sockets.push(socket);
    socket.subscribe('a', 'subscription { events { cursor } }');
    socket.subscribe('b', 'subscription { events { cursor } }');
    await socket.silence(200);
    socket.subscribe('c', 'subscription { events { cursor } }');
    const refused = await socket.next();
    expect(refused).toMatchObject({ id: 'c', type: 'error' });
    expect(refused.payload[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.payload[0].extensions.retryAfter).toBeGreaterThanOrEqual(1);
    // The same caller's second connection is taken, its third closed with 4430.
    const second = await TestSocket.connect(server.url, auth);
    sockets.push(second);
    const third = await TestSocket.open(server.url);
    sockets.push(third);
    third.send({ type: 'connection_init', payload: { authorization: auth } });
    expect(await third.closed).toMatchObject({ code: 4430 });
    // Another caller is not affected.
    const other = await TestSocket.connect(server.url, `Bearer ${await server.token('NOM', Role.VIEWER)}`);
    sockets.push(other);
  });
});
