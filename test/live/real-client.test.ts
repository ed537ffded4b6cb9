import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../../server/infra/auth/viewer.js';
import { RequestScope } from '../../server/infra/request-scope.js';
import { startTestServer, type TestServer } from '../harness/app.js';

// The README's resumable feed, with the real graphql-ws client: its instance shuts down mid-stream (1001), it
// reconnects to another instance with its last cursor, and ends up with every event exactly once.
let first: TestServer;
let second: TestServer;
const system = () => new RequestScope(systemViewer);

beforeAll(async () => {
  first = await startTestServer({ EVENTS_POLL_MS: '200' });
  second = await startTestServer({ EVENTS_POLL_MS: '200' }, first);
});
afterAll(async () => {
  await second?.close();
  await first?.close().catch(() => undefined);
});

describe('a partner feed built on graphql-ws', () => {
  it('survives its server going away and resumes on another without loss or duplicate', async () => {
    const { data } = await first.gql(`{ initiative(code: "ESMEE") { id } }`);
    const [{ seq }] = await first.app.db.read(`SELECT max(seq)::text AS seq FROM events`);
    let cursor: string | null = Buffer.from(JSON.stringify([seq])).toString('base64url');
    const titles: string[] = [];
    const closes: number[] = [];
    const urls = [first.url, second.url];
    let clients: Client[] = [];
    let done = false;

    const connect = () => {
      const client = createClient({
        url: urls[0]!.replace('http', 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        on: { closed: (e) => closes.push((e as { code: number }).code) },
      });
      clients.push(client);
      const again = () => {
        // The test's own dispose at the end completes the subscription too: nowhere left to go then.
        if (done) return;
        urls.shift();
        void Promise.resolve(client.dispose()).then(() => setTimeout(connect, 50));
      };
      client.subscribe<{ events: { cursor: string; milestone: { title: string } } }>(
        {
          query: `subscription ($after: String) { events(after: $after, filter: { types: [MILESTONE_ADDED] }) { cursor milestone { title } } }`,
          variables: { after: cursor },
        },
        {
          next: ({ data: d }) => {
            titles.push(d!.events.milestone.title);
            cursor = d!.events.cursor;
          },
          error: again,
          complete: again,
        },
      );
    };
    connect();

    const add = (title: string) =>
      first.app.services.milestones.add(system(), { initiativeId: data.initiative.id, title });
    const until = async (n: number) => {
      for (let i = 0; i < 100 && titles.length < n; i++) await new Promise((r) => setTimeout(r, 50));
    };
    for (let i = 0; i < 5; i++) await add(`Before ${i}`);
    await until(5);
    // The first instance shuts down; writes go on through the database meanwhile.
    await first.app.stop();
    for (let i = 0; i < 5; i++)
      await second.app.services.milestones.add(system(), {
        initiativeId: data.initiative.id,
        title: `During ${i}`,
      });
    await until(10);
    for (let i = 0; i < 3; i++)
      await second.app.services.milestones.add(system(), {
        initiativeId: data.initiative.id,
        title: `After ${i}`,
      });
    await until(13);
    await new Promise((r) => setTimeout(r, 400));
    done = true;
    await Promise.all(clients.map((c) => c.dispose()));
    clients = [];

    expect(closes[0]).toBe(1001);
    expect(titles).toEqual([
      ...Array.from({ length: 5 }, (_, i) => `Before ${i}`),
      ...Array.from({ length: 5 }, (_, i) => `During ${i}`),
      ...Array.from({ length: 3 }, (_, i) => `After ${i}`),
    ]);
  });
});
