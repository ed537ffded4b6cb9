/**
 * Redis stops answering without closing its connections (SIGSTOP: a frozen host, or a network that drops
 * packets), under one instance with the rate limits on (the default). Nothing resets the sockets, so the server
 * can only notice by a deadline of its own. It must go on as when Redis is killed (redis-down.test.ts): queries
 * and mutations answered 200 without waiting on Redis, the mutation's event delivered, /readyz 200 and, within
 * a few seconds, `wakeups: degraded`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import type { TestServer } from '../harness/app.js';
import { serverOnOwnRedis, type RedisServer } from '../harness/redis-server.js';
import { waitFor } from '../harness/wait.js';
import { TestSocket } from '../harness/ws.js';

const FEED = `subscription ($ids: [ID!]) {
  events(filter: { initiativeIds: $ids, types: [MILESTONE_ADDED] }) { cursor milestone { title } }
}`;
const ADD = `mutation ($input: AddMilestoneInput!) { addMilestone(input: $input) { id title } }`;
const READ = `{ initiatives(first: 5) { nodes { code } } }`;
/** As in redis-down.test.ts: an answer that waited on the stalled Redis would take longer than this. */
const ANSWER_WITHIN_MS = 3_000;
/** How soon readiness may say that Redis is gone, when nothing but silence says so. */
const NOTICED_WITHIN_MS = 5_000;

let redis: RedisServer;
let server: TestServer;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  ({ redis, server } = await serverOnOwnRedis());
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  // Redis first: killing it resets the stalled connections, so nothing of the server still waits on them.
  await redis?.stop();
  await server?.close();
});

/** One operation over HTTP: its status, or what became of it when no answer came in time. */
async function post(query: string, variables: Record<string, unknown>, token: string) {
  const began = Date.now();
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS + 2_000),
  }).then(
    async (r) => ({ status: r.status as number | string, body: (await r.json()) as any }),
    (err: Error) => ({ status: `no answer (${err.name})` as number | string, body: null }),
  );
  return { ...res, ms: Date.now() - began };
}

describe('Redis that stops answering', () => {
  it('is waited on by no request, and shows as wakeups: degraded', async () => {
    const readiness = async () =>
      (await (await fetch(`${server.url}/readyz`)).json()) as Record<string, string>;
    await waitFor(
      async () => (await readiness()).wakeups === 'ok',
      10_000,
      () => 'the instance never reached its Redis',
    );
    const token = await server.token('ROMNL', Role.ADMIN);
    const esmee = (await server.client(token).initiative({ code: 'ESMEE' }))!.id;
    const socket = await TestSocket.connect(server.url, `Bearer ${token}`);
    sockets.push(socket);
    socket.subscribe('feed', FEED, { ids: [esmee] });
    // Live before Redis stalls: a first write's event arrives.
    expect((await post(ADD, { input: { initiativeId: esmee, title: 'Redis answers' } }, token)).status).toBe(
      200,
    );
    expect((await socket.nexts(1))[0].data.events.milestone.title).toBe('Redis answers');

    redis.pause();
    const stalledAt = Date.now();
    const read = await post(READ, {}, token);
    expect(read.status, `a query with Redis stalled, after ${read.ms} ms`).toBe(200);
    expect(read.ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect(read.body.errors).toBeUndefined();
    const write = await post(ADD, { input: { initiativeId: esmee, title: 'Redis stalled' } }, token);
    expect(write.status, `a mutation with Redis stalled, after ${write.ms} ms`).toBe(200);
    expect(write.ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect(write.body.errors).toBeUndefined();
    expect((await socket.nexts(1, ANSWER_WITHIN_MS))[0].data.events.milestone.title).toBe('Redis stalled');

    await waitFor(
      async () => (await readiness()).wakeups === 'degraded',
      NOTICED_WITHIN_MS - (Date.now() - stalledAt),
      () => `readiness still says ${JSON.stringify(server.logs)}`,
      100,
    );
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', wakeups: 'degraded' });
  });
});
