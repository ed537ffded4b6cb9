import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../../server/infra/auth/viewer.js';
import { RequestScope } from '../../server/infra/request-scope.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { TestSubscriber } from '../harness/subscriber.js';

// Two instances on one database and one Redis of their own (started here on a spare port, so the test can stop
// it): a write on one reaches subscribers on the other; with Redis gone, polling still delivers everything, once.
let redis: ChildProcess | null = null;
let redisPort = 0;
let a: TestServer;
let b: TestServer;
const sockets: TestSubscriber[] = [];
const system = () => new RequestScope(systemViewer);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startRedis(): Promise<void> {
  redis = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(true));
      probe.listen(redisPort, '127.0.0.1', () => probe.close(() => resolve(false)));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-server did not start on port ${redisPort}`);
}

async function stopRedis(): Promise<void> {
  if (!redis) return;
  const exited = new Promise((resolve) => redis!.once('exit', resolve));
  redis.kill('SIGKILL');
  await exited;
  redis = null;
}

const FEED = `subscription ($i: [ID!]) { events(filter: { initiativeIds: $i, types: [MILESTONE_ADDED] }) { cursor milestone { title } } }`;

beforeAll(async () => {
  redisPort = await freePort();
  await startRedis();
  const env = { REDIS_URL: `redis://127.0.0.1:${redisPort}`, EVENTS_POLL_MS: '3000' };
  a = await startTestServer(env);
  b = await startTestServer(env, a);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await b?.close();
  await a?.close();
  await stopRedis();
});

async function esmee(): Promise<string> {
  return (await a.gql(`{ initiative(code: "ESMEE") { id } }`)).data.initiative.id;
}

describe('several instances', () => {
  it('delivers a write on one instance to a subscriber on the other, through the Redis wake-up', async () => {
    const id = await esmee();
    const onB = await TestSubscriber.connect(b.url);
    sockets.push(onB);
    onB.subscribe('b', FEED, { i: [id] });
    await onB.silence(200);
    const began = Date.now();
    await a.app.services.milestones.add(system(), { initiativeId: id, title: 'From A' });
    const [payload] = await onB.nexts(1);
    expect(payload.data.events.milestone.title).toBe('From A');
    // Well under the 3 s poll interval: the wake-up carried it, not the poll.
    expect(Date.now() - began).toBeLessThan(1500);
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
  });

  it('delivers every event exactly once while Redis is stopped mid-stream and started again', async () => {
    const id = await esmee();
    const onA = await TestSubscriber.connect(a.url);
    const onB = await TestSubscriber.connect(b.url);
    sockets.push(onA, onB);
    onA.subscribe('a', FEED, { i: [id] });
    onB.subscribe('b', FEED, { i: [id] });
    await onB.silence(200);
    const titles = Array.from({ length: 30 }, (_, i) => `Outage ${i}`);
    for (const [i, title] of titles.entries()) {
      if (i === 10) await stopRedis();
      if (i === 20) {
        // Still ready: Redis only hastens delivery, and pulling every instance for it would take the API down.
        const ready = await fetch(`${b.url}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok', wakeups: 'degraded' });
        await startRedis();
      }
      await (i % 2 ? a : b).app.services.milestones.add(system(), { initiativeId: id, title });
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const socket of [onA, onB]) {
      const got = await socket.nexts(30, 15_000);
      expect(got.map((p) => p.data.events.milestone.title)).toEqual(titles);
      await socket.silence(700);
    }
    // Redis is back: the instances find it again by themselves.
    const wakeups = async () =>
      ((await (await fetch(`${b.url}/readyz`)).json()) as { wakeups: string }).wakeups;
    for (let i = 0; i < 50 && (await wakeups()) !== 'ok'; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await wakeups()).toBe('ok');
  });
});
