/**
 * Redis dies under one instance that was using it, with the rate limits on (the default): both of its Redis
 * clients, the wake-ups' and the rate limiter's, lose a live connection. Mutations and queries over HTTP sent
 * across the kill are all answered 200 without waiting on Redis (the limits counted in memory, the headers still
 * sent); a subscription opened before the kill and one opened after it receive the mutations' events, each once
 * and in order; /readyz stays 200 with `wakeups: degraded`; each Redis client logs its outage once.
 *
 * Not repeated here: two instances delivering through the poll while Redis is down, and wake-ups coming back
 * (test/live/instances.test.ts); limits counted in memory when Redis never answered (test/http/rate-limit.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import type { TestServer } from '../harness/app.js';
import { serverOnOwnRedis, type RedisServer } from '../harness/redis-server.js';
import { waitFor } from '../harness/wait.js';
import { TestSocket } from '../harness/ws.js';

const FEED = `subscription ($after: String, $ids: [ID!]) {
  events(after: $after, filter: { initiativeIds: $ids, types: [MILESTONE_ADDED] }) { cursor milestone { title } }
}`;
const ADD = `mutation ($input: AddMilestoneInput!) { addMilestone(input: $input) { id title } }`;
const READ = `{ initiatives(first: 5) { nodes { code lead { code } } } }`;
/** No request may wait on Redis: a command to a dead Redis that hung would take far longer than this. */
const ANSWER_WITHIN_MS = 3_000;

let redis: RedisServer;
let server: TestServer;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  // On, but out of reach of this test's few hundred operations.
  ({ redis, server } = await serverOnOwnRedis({ RATE_LIMIT_BURST_PER_MINUTE: '5000' }));
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server?.close();
  await redis?.stop();
});

async function readiness(): Promise<{ status: number; body: Record<string, string> }> {
  const res = await fetch(`${server.url}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

interface Received {
  title: string;
  cursor: string;
}

/** A subscriber of the initiative's MILESTONE_ADDED events, recording them (and anything unexpected). */
async function subscriber(token: string, initiative: string, after?: string) {
  const socket = await TestSocket.connect(server.url, `Bearer ${token}`);
  sockets.push(socket);
  const received: Received[] = [];
  const problems: string[] = [];
  socket.ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { type: string; payload?: any };
    const event = message.payload?.data?.events;
    if (message.type === 'next' && !message.payload.errors && event)
      received.push({ title: event.milestone.title, cursor: event.cursor });
    else problems.push(JSON.stringify(message));
  });
  socket.subscribe('feed', FEED, { ids: [initiative], after });
  return { socket, received, problems };
}

interface Outcome {
  kind: 'read' | 'write';
  title?: string;
  afterKill: boolean;
  ms: number;
  status: number;
  errors?: unknown;
  rateLimited: boolean;
}

describe('Redis down under a single instance', () => {
  it('keeps serving queries, mutations and subscriptions, and stays ready with wakeups degraded', async () => {
    await waitFor(
      async () => (await readiness()).body.wakeups === 'ok',
      10_000,
      () => 'the instance never reached its Redis',
    );
    const token = await server.token('ROMNL', Role.ADMIN);
    const client = server.client(token);
    const esmee = (await client.initiative({ code: 'ESMEE' }))!.id;
    const before = await subscriber(token, esmee);
    // Joined (and heard) before the load begins: a first write's event arrives.
    expect((await client.execute(ADD, { input: { initiativeId: esmee, title: 'Redis up' } })).status).toBe(
      200,
    );
    await waitFor(
      () => before.received.length === 1,
      5_000,
      () => `heard ${JSON.stringify(before.received)}, ${before.problems}`,
    );

    const outcomes: Outcome[] = [];
    let killed = false;
    let stop = false;
    const hardStop = Date.now() + 20_000;
    const send = async (kind: Outcome['kind']) => {
      const title = kind === 'write' ? `Redis load ${outcomes.length}` : undefined;
      const afterKill = killed;
      const began = Date.now();
      const res = await client.execute(
        kind === 'write' ? ADD : READ,
        kind === 'write' ? { input: { initiativeId: esmee, title } } : {},
        { signal: AbortSignal.timeout(10_000) },
      );
      outcomes.push({
        kind,
        title,
        afterKill,
        ms: Date.now() - began,
        status: res.status,
        errors: res.errors,
        rateLimited: res.headers.get('x-ratelimit-limit') !== null,
      });
    };
    // One writer (so the log's order is the order of sending) and one reader, back to back across the kill.
    const loop = async (kind: Outcome['kind']) => {
      while (!stop && Date.now() < hardStop) await send(kind);
    };
    const load = [loop('write'), loop('read')];
    const count = (kind: Outcome['kind'], afterKill: boolean) =>
      outcomes.filter((o) => o.kind === kind && o.afterKill === afterKill).length;

    await waitFor(
      () => count('write', false) >= 10 && count('read', false) >= 10,
      10_000,
      () => `outcomes ${outcomes.length}`,
    );
    killed = true;
    await redis.stop();
    await waitFor(
      () => count('write', true) >= 20 && count('read', true) >= 20,
      15_000,
      () => `after the kill: ${count('write', true)} writes, ${count('read', true)} reads`,
    );
    stop = true;
    await Promise.all(load);

    // Every request, across the kill and after it, answered 200 without waiting on Redis, its limits counted.
    const slowest = Math.max(...outcomes.map((o) => o.ms));
    for (const o of outcomes) {
      const where = `${o.kind} ${o.title ?? ''} after the kill: ${o.afterKill}`;
      expect(o.status, where).toBe(200);
      expect(o.errors, where).toBeUndefined();
      expect(o.rateLimited, where).toBe(true);
      expect(o.ms, where).toBeLessThan(ANSWER_WITHIN_MS);
    }

    // Ready, not unavailable: Redis only hastens delivery between instances.
    await waitFor(
      async () => (await readiness()).body.wakeups === 'degraded',
      5_000,
      () => 'readiness never noticed that Redis is gone',
    );
    expect(await readiness()).toEqual({
      status: 200,
      body: { status: 'ready', database: 'ok', wakeups: 'degraded' },
    });

    // The subscriber of before the kill heard every write, once, in order.
    const titles = ['Redis up', ...outcomes.filter((o) => o.kind === 'write').map((o) => o.title!)];
    await waitFor(
      () => before.received.length >= titles.length,
      10_000,
      () => `heard ${before.received.length} of ${titles.length} events`,
    );
    // One opened while Redis is down (authenticated, its operation counted in memory) hears what comes next.
    const last = before.received.at(-1)!.cursor;
    const after = await subscriber(token, esmee, last);
    const began = Date.now();
    const final = await client.execute(ADD, { input: { initiativeId: esmee, title: 'Redis down' } });
    expect(final.status).toBe(200);
    await waitFor(
      () => before.received.length > titles.length && after.received.length > 0,
      5_000,
      () => `before: ${before.received.length}/${titles.length + 1}, after: ${after.received.length}/1`,
    );
    const delivered = Date.now() - began;
    expect(before.received.map((r) => r.title)).toEqual([...titles, 'Redis down']);
    expect(after.received.map((r) => r.title)).toEqual(['Redis down']);
    expect([...before.problems, ...after.problems]).toEqual([]);

    // Each Redis client says so once, and nothing else went wrong.
    const logged = server.logs.join('\n');
    expect(logged.match(/\[events\] Redis wake-ups unavailable/g)).toHaveLength(1);
    expect(logged.match(/\[rate-limit\] Redis unavailable/g)).toHaveLength(1);
    expect(
      server.logs.filter(
        (l) => !/\[events\] Redis wake-ups unavailable|\[rate-limit\] Redis unavailable/.test(l),
      ),
    ).toEqual([]);
    console.info(
      `[test] ${count('write', false)} writes and ${count('read', false)} reads before the kill, ` +
        `${count('write', true)} and ${count('read', true)} after; slowest answer ${slowest} ms; ` +
        `an event of a write with Redis down reached both subscribers in ${delivered} ms`,
    );
  });
});
