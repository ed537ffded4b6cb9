import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../../server/infra/auth/viewer.js';
import { RequestScope } from '../../server/infra/request-scope.js';
import { ApiKeyScope } from '../../server/modules/api-keys/api-key.type.js';
import { EventType, Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { TestSocket } from '../harness/ws.js';
import { appendEvent } from '../../server/live/index.js';

// graphql-transport-ws conduct, credentials on the socket, the same limits and rules as HTTP, slow consumers.
let server: TestServer;
const sockets: TestSocket[] = [];
const system = () => new RequestScope(systemViewer);
const track = (s: TestSocket) => (sockets.push(s), s);

beforeAll(async () => {
  server = await startTestServer({
    EVENTS_BATCH_SIZE: '50',
    WS_MAX_BUFFERED_BYTES: '1048576',
    WS_RECHECK_MS: '200',
    EVENTS_POLL_MS: '200',
  });
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.close();
});

describe('graphql-transport-ws conduct', () => {
  it('closes with 4408 when no connection_init arrives in time', async () => {
    const socket = track(await TestSocket.open(server.url));
    expect((await socket.closed).code).toBe(4408);
  });

  it('closes with 4429 on a second connection_init', async () => {
    const socket = track(await TestSocket.connect(server.url));
    socket.send({ type: 'connection_init' });
    expect((await socket.closed).code).toBe(4429);
  });

  it('closes with 4401 on subscribe before the connection is acknowledged', async () => {
    const socket = track(await TestSocket.open(server.url));
    socket.subscribe('1', 'subscription { events { cursor } }');
    expect((await socket.closed).code).toBe(4401);
  });

  it('closes with 4409 on a duplicate subscription id', async () => {
    const socket = track(await TestSocket.connect(server.url));
    socket.subscribe('same', 'subscription { events { cursor } }');
    socket.subscribe('same', 'subscription { events { cursor } }');
    expect((await socket.closed).code).toBe(4409);
  });

  it('closes with 4400 on a malformed message', async () => {
    const socket = track(await TestSocket.connect(server.url));
    socket.send('{"type":"nonsense"}');
    expect((await socket.closed).code).toBe(4400);
  });

  it('answers ping with pong, even before connection_init', async () => {
    const socket = track(await TestSocket.open(server.url));
    socket.send({ type: 'ping' });
    expect(await socket.next()).toMatchObject({ type: 'pong' });
  });

  it('closes with 4403 when connection_init carries credentials it refuses', async () => {
    const socket = track(await TestSocket.open(server.url));
    socket.send({ type: 'connection_init', payload: { authorization: 'Bearer forged.token.here' } });
    expect((await socket.closed).code).toBe(4403);
  });
});

describe('credentials on a socket', () => {
  it('closes with 4403 when the token expires, so the client refreshes it and resumes', async () => {
    const token = await server.token('BOM', Role.VIEWER, 2);
    const socket = track(await TestSocket.connect(server.url, `Bearer ${token}`));
    socket.subscribe('1', 'subscription { events { cursor } }');
    const closed = await socket.closed;
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/expired/);
  });

  it('closes a socket of a revoked API key within seconds', async () => {
    const { data } = await server.gql(`{ organisation(code: "BOM") { id } }`);
    const created = await server.app.services.apiKeys.create(system(), {
      organisationId: data.organisation.id,
      name: 'feed',
      scope: ApiKeyScope.READ,
    });
    const socket = track(await TestSocket.connect(server.url, `ApiKey ${created.key}`));
    socket.subscribe('1', 'subscription { events { cursor } }');
    await socket.silence(300);
    const revokedAt = Date.now();
    await server.app.services.apiKeys.revoke(system(), created.apiKey.id);
    const closed = await socket.closed;
    expect(closed.code).toBe(4403);
    expect(Date.now() - revokedAt).toBeLessThan(3000);
  });

  it('runs queries and mutations over the socket with the same access rules and limits as HTTP', async () => {
    const viewer = track(
      await TestSocket.connect(server.url, `Bearer ${await server.token('EZ', Role.VIEWER)}`),
    );
    viewer.subscribe('who', '{ viewer { role organisation { code } } }');
    expect((await viewer.next()).payload.data.viewer).toEqual({
      role: 'VIEWER',
      organisation: { code: 'EZ' },
    });
    await viewer.next();
    viewer.subscribe(
      'w',
      'mutation { createOrganisation(input: { code: "WS_ORG", name: "x", kind: COMPANY }) { id } }',
    );
    expect((await viewer.next()).payload.errors[0].extensions.code).toBe('FORBIDDEN');
    await viewer.next();
    const anonymous = track(await TestSocket.connect(server.url));
    anonymous.subscribe('fund', '{ initiative(code: "MJS_2024_2027") { funding { amountEur } } }');
    expect(
      (await anonymous.next()).payload.data.initiative.funding.every((f: any) => f.amountEur === null),
    ).toBe(true);
    await anonymous.next();
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: taxonomy { themes { code } }`).join(' ');
    anonymous.subscribe('deep', `{ ${aliases} }`);
    const refused = await anonymous.next();
    expect(refused).toMatchObject({ id: 'deep', type: 'error' });
    expect(refused.payload[0].message).toMatch(/aliases/);
  });
});

describe('a slow consumer', () => {
  it(
    'is closed with 4420 while the others receive everything, and catches up from its cursor',
    { timeout: 90_000 },
    async () => {
      const { data } = await server.gql(`{ initiative(code: "ESMEE") { id } }`);
      // A heavy selection, so a burst outgrows the kernel's socket buffers of a paused client.
      const HEAVY = `subscription ($after: String) { events(after: $after, filter: { types: [ORGANISATION_UPDATED] }) { cursor type payload
      initiative { participants(first: 50) { nodes { role source organisation { code name notes source website } } } } } }`;
      const slow = track(await TestSocket.connect(server.url));
      const fast = track(await TestSocket.connect(server.url));
      slow.subscribe('s', HEAVY);
      fast.subscribe('f', HEAVY);
      await fast.silence(200);
      const [first] = await server.app.db.read(`SELECT max(seq)::text AS seq FROM events`);
      slow.pause();
      const burst = 2500;
      await server.app.db.transaction(async (tx) => {
        for (let i = 0; i < burst; i++) {
          await appendEvent(tx, systemViewer, {
            type: EventType.ORGANISATION_UPDATED,
            initiativePk: Number(Buffer.from(data.initiative.id, 'base64url').toString().split(':')[1]),
            payload: { i, padding: 'x'.repeat(400) },
          });
        }
      });
      const got = await fast.nexts(burst, 40_000);
      expect(got.map((p) => p.data.events.payload.i)).toEqual(Array.from({ length: burst }, (_, i) => i));
      // The stalled client reads again: it finds what was sent before it fell behind, then the close code.
      slow.resume();
      const closed = await slow.closed;
      expect(closed.code).toBe(4420);

      const again = track(await TestSocket.connect(server.url));
      const after = Buffer.from(JSON.stringify([first!.seq])).toString('base64url');
      again.subscribe('again', HEAVY, { after });
      const caughtUp = await again.nexts(burst, 40_000);
      expect(caughtUp.map((p) => p.data.events.payload.i)).toEqual(
        Array.from({ length: burst }, (_, i) => i),
      );
    },
  );
});

describe('shutdown', () => {
  it('closes sockets with 1001 and stops within 10 s', async () => {
    const other = await startTestServer({}, server);
    const socket = await TestSocket.connect(other.url);
    socket.subscribe('1', 'subscription { events { cursor } }');
    await socket.silence(100);
    const began = Date.now();
    await other.close();
    expect((await socket.closed).code).toBe(1001);
    expect(Date.now() - began).toBeLessThan(10_000);
  });
});
