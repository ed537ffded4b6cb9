import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../../server/infra/auth/viewer.js';
import { encodeCursor } from '../../server/infra/graphql/connection.js';
import { RequestScope } from '../../server/infra/request-scope.js';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { TestSocket } from '../harness/ws.js';

// What one socket, and one caller over all its sockets, may hold: subscriptions, replays, id lengths.
let server: TestServer;
const sockets: TestSocket[] = [];
const track = (s: TestSocket) => (sockets.push(s), s);
const LIVE = 'subscription { events { cursor } }';

beforeAll(async () => {
  server = await startTestServer({
    WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3',
    WS_MAX_SUBSCRIPTIONS_PER_CALLER: '5',
    WS_MAX_REPLAYS: '1',
    WS_MAX_REPLAYS_PER_CALLER: '1',
    EVENTS_POLL_MS: '100',
  });
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.close();
});

describe('subscription ids', () => {
  it('closes with 4400 on an id longer than 128 characters, without echoing it', async () => {
    const socket = track(await TestSocket.connect(server.url));
    socket.subscribe('x'.repeat(100_000), LIVE);
    const closed = await socket.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason).toMatch(/at most 128 characters/);
    expect(closed.reason.length).toBeLessThan(123);
  });

  it('takes an id of 128 characters', async () => {
    const socket = track(await TestSocket.connect(server.url));
    socket.subscribe('y'.repeat(128), '{ viewer { role } }');
    expect(await socket.next()).toMatchObject({ type: 'next', id: 'y'.repeat(128) });
  });
});

describe('messages', () => {
  it('fails one operation whose variables nest 20,000 deep, and keeps the socket open', async () => {
    const socket = track(await TestSocket.connect(server.url));
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    socket.send(
      `{"id":"deep","type":"subscribe","payload":{"query":"query ($v: [String!]) { organisations(filter: { provinces: $v }) { totalCount } }","variables":{"v":${deep}}}}`,
    );
    const answer = await socket.next();
    expect(answer).toMatchObject({ id: 'deep', type: 'error' });
    expect(JSON.stringify(answer)).toMatch(/BAD_USER_INPUT/);
    socket.subscribe('after', '{ viewer { role } }');
    expect(await socket.next()).toMatchObject({ type: 'next', id: 'after' });
  });

  it('closes with 4400 on a message type only servers send, whatever its other fields', async () => {
    for (const type of ['next', 'error', 'connection_ack']) {
      const socket = track(await TestSocket.connect(server.url));
      socket.send({ id: '1', type, payload: { data: { next: 'next' } } });
      expect((await socket.closed).code).toBe(4400);
    }
  });
});

describe('subscriptions per socket and per caller', () => {
  it('refuses a socket its fourth operation with SUBSCRIPTION_LIMIT, and takes it once one completes', async () => {
    const socket = track(
      await TestSocket.connect(server.url, `Bearer ${await server.token('BOM', Role.VIEWER)}`),
    );
    for (const id of ['a', 'b', 'c']) socket.subscribe(id, LIVE);
    socket.subscribe('d', LIVE);
    const refused = await socket.next();
    expect(refused).toMatchObject({ id: 'd', type: 'error' });
    expect(refused.payload[0].extensions).toEqual({ code: 'SUBSCRIPTION_LIMIT', limit: 3 });
    // The socket stays open and the others keep running.
    socket.send({ id: 'a', type: 'complete' });
    socket.subscribe('e', '{ viewer { role } }');
    expect(await socket.next()).toMatchObject({ id: 'e', type: 'next' });
  });

  it("counts a caller's operations over all its sockets, and nobody else's", async () => {
    // Anonymous callers are known by their address: these two sockets are one caller.
    const first = track(await TestSocket.connect(server.url));
    const second = track(await TestSocket.connect(server.url));
    for (const id of ['1', '2', '3']) first.subscribe(id, LIVE);
    second.subscribe('4', LIVE);
    second.subscribe('5', LIVE);
    await first.silence(200);
    second.subscribe('6', LIVE);
    const refused = await second.next();
    expect(refused).toMatchObject({ id: '6', type: 'error' });
    expect(refused.payload[0].extensions).toEqual({ code: 'SUBSCRIPTION_LIMIT', limit: 5 });
    // Another caller is not affected.
    const other = track(
      await TestSocket.connect(server.url, `Bearer ${await server.token('LIOF', Role.VIEWER)}`),
    );
    other.subscribe('x', '{ viewer { organisation { code } } }');
    expect(await other.next()).toMatchObject({ id: 'x', type: 'next' });
    // Closing a socket gives its share back.
    first.close();
    await first.closed;
    await new Promise((r) => setTimeout(r, 100));
    second.subscribe('7', '{ viewer { role } }');
    expect(await second.next()).toMatchObject({ id: '7', type: 'next' });
  });
});

describe('replays', () => {
  it('queue behind the replay limit instead of running all at once, and each delivers everything once', async () => {
    const { data } = await server.gql(`{ initiative(code: "ESMEE") { id } }`);
    const [{ seq }] = await server.app.db.read<{ seq: string }>('SELECT max(seq)::text AS seq FROM events');
    const after = encodeCursor([seq]);
    const scope = new RequestScope(systemViewer);
    const milestone = await server.app.services.milestones.add(scope, {
      initiativeId: data.initiative.id,
      title: 'Replay me',
    });
    for (let i = 0; i < 30; i++) {
      await server.app.services.milestones.update(scope, {
        id: milestone.id,
        expectedVersion: milestone.version + i,
        title: `Replay me ${i}`,
      });
    }
    const expected = 31;
    const socket = track(
      await TestSocket.connect(server.url, `Bearer ${await server.token('ROMNL', Role.ADMIN)}`),
    );
    const query = 'subscription ($after: String) { events(after: $after) { cursor } }';
    for (const id of ['r1', 'r2', 'r3']) socket.subscribe(id, query, { after });
    const seen = new Map<string, string[]>([
      ['r1', []],
      ['r2', []],
      ['r3', []],
    ]);
    // With one replay slot, r1 replays whole before r2 starts: the first `expected` messages are all r1's.
    const order: string[] = [];
    for (let i = 0; i < expected * 3; i++) {
      const message = await socket.next();
      expect(message.type).toBe('next');
      seen.get(message.id!)!.push(message.payload.data.events.cursor);
      order.push(message.id!);
    }
    expect(order.slice(0, expected).every((id) => id === 'r1')).toBe(true);
    for (const cursors of seen.values()) {
      expect(cursors).toHaveLength(expected);
      expect(new Set(cursors).size).toBe(expected);
    }
    await socket.silence(300);
  });
});
