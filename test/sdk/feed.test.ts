import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRomgraphClient,
  UnauthenticatedError,
  type FeedEvent,
  type RomgraphError,
} from '../../client-sdk/src/index.js';
import { fileCursorStore } from '../../client-sdk/src/node.js';
import { parse } from 'graphql';
import { systemViewer } from '../../server/infra/auth/viewer.js';
import { appendEvent } from '../../server/live/index.js';
import { encodeCursor } from '../../server/infra/graphql/connection.js';
import { EventType, Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { eventually } from '../harness/graph.js';
import { startTcpProxy, type TcpProxy } from '../harness/tcp-proxy.js';

// The SDK's live feed against real servers: in order, resumed from its cursor across a switch between two
// instances (the first one's connections cut), across a restart of the server on its port (closed with 1001,
// then refused while down), across a slow-consumer close (4420, behind a proxy that stops reading), across a
// restart of the partner's process (a file cursor store), and with fresh
// credentials after 4403. Counted against the event log.
let a: TestServer;
let b: TestServer;
let proxy: TcpProxy;
let dir: string;
let initiativeId: string;
let esmeeId: string;
let admin: string;
const port = (s: TestServer) => Number(new URL(s.url).port);

beforeAll(async () => {
  a = await startTestServer({ EVENTS_POLL_MS: '100' });
  b = await startTestServer({ EVENTS_POLL_MS: '100' }, a);
  proxy = await startTcpProxy(port(a));
  dir = mkdtempSync(path.join(os.tmpdir(), 'romgraph-feed-'));
  admin = await a.token('ROMNL', Role.ADMIN);
  const created = await a.gql(
    `mutation { createInitiative(input: { code: "SDK_FEED", title: "SDK feed", visibility: PUBLIC,
      leadOrganisationId: "${(await a.gql(`{ organisation(code: "ROMNL") { id } }`)).data.organisation.id}" }) { id } }`,
    {},
    admin,
  );
  initiativeId = created.data.createInitiative.id;
  esmeeId = (await a.gql(`{ initiative(code: "ESMEE") { id } }`)).data.initiative.id;
});
afterAll(async () => {
  await proxy?.close();
  await b?.close();
  await a?.close();
  rmSync(dir, { recursive: true, force: true });
});

const client = (
  server: { url: string } = { url: `http://127.0.0.1:${proxy.port}` },
  auth?: Parameters<typeof createRomgraphClient>[0]['auth'],
) => createRomgraphClient({ url: `${server.url}/graphql`, webSocketImpl: WebSocket, auth });

async function addMilestone(server: TestServer, title: string) {
  const res = await server.gql(
    `mutation ($i: ID!, $t: String!) { addMilestone(input: { initiativeId: $i, title: $t }) { id } }`,
    { i: initiativeId, t: title },
    admin,
  );
  expect(res.errors).toBeUndefined();
}

/** The cursors of the initiative's MILESTONE_ADDED events in the log, in order. */
async function logged(): Promise<string[]> {
  const res = await a.gql(
    `query ($i: ID!) { events(first: 100, filter: { initiativeIds: [$i], types: [MILESTONE_ADDED] }) { nodes { cursor } } }`,
    { i: initiativeId },
  );
  return res.data.events.nodes.map((e: { cursor: string }) => e.cursor);
}

/** The cursor of the newest event in the log: a feed that starts there hears all that comes after. */
async function head(): Promise<string> {
  const [row] = await a.app.db.read(`SELECT max(seq)::text AS seq FROM events`);
  return encodeCursor([row!.seq]);
}

const filter = () => ({ initiativeIds: [initiativeId], types: ['MILESTONE_ADDED' as const] });

describe('client.events', () => {
  it('delivers each event once, in order, across a switch from one instance to another', async () => {
    const seen: FeedEvent[] = [];
    let connections = 0;
    // From the head of the log, not live from now: a connection is open before its subscription is.
    const feed = client().events(
      { after: await head(), filter: filter() },
      { next: (e) => void seen.push(e), connected: () => void connections++ },
    );
    await eventually(async () => expect(connections).toBe(1));
    await addMilestone(a, 'one');
    await addMilestone(a, 'two');
    await eventually(async () => expect(seen).toHaveLength(2));
    proxy.switchTo(port(b)); // instance a's connections die; b answers from now on
    await addMilestone(b, 'three');
    await addMilestone(a, 'four'); // b hears of it by polling the log
    await addMilestone(b, 'five');
    await eventually(
      async () =>
        expect(seen.map((e) => e.milestone?.title)).toEqual(['one', 'two', 'three', 'four', 'five']),
      10_000,
    );
    expect(seen.map((e) => e.cursor)).toEqual(await logged());
    expect(connections).toBeGreaterThanOrEqual(2);
    expect(feed.cursor).toBe(seen.at(-1)!.cursor);
    await feed.stop();
  });

  it('resumes across a restart of the server it is connected to, missing and repeating nothing', async () => {
    let c = await startTestServer({ EVENTS_POLL_MS: '100' }, a);
    const cPort = port(c);
    const seen: string[] = [];
    let connections = 0;
    const feed = client(c).events(
      { after: await head(), filter: filter() },
      { next: (e) => void seen.push(e.cursor), connected: () => void connections++ },
    );
    try {
      await eventually(async () => expect(connections).toBe(1));
      const before = (await logged()).length;
      await addMilestone(c, 'before the restart');
      await eventually(async () => expect(seen).toEqual((await logged()).slice(before)));
      await c.close(); // a graceful stop: its sockets are closed with 1001, then nothing listens there
      await addMilestone(a, 'while it is down 1');
      await addMilestone(a, 'while it is down 2');
      await new Promise((r) => setTimeout(r, 300)); // the feed knocks on a closed port meanwhile
      c = await startTestServer({ EVENTS_POLL_MS: '100' }, a, cPort);
      await addMilestone(c, 'after the restart');
      const all = await logged();
      await eventually(async () => expect(seen).toEqual(all.slice(before)), 15_000);
      expect(seen).toHaveLength(4);
      expect(connections).toBeGreaterThanOrEqual(2);
    } finally {
      await feed.stop();
      await c.close();
    }
  });

  it(
    'resumes after a slow-consumer close (4420) with every event once, in order',
    { timeout: 90_000 },
    async () => {
      const slow = await startTestServer({ WS_MAX_BUFFERED_BYTES: '65536', EVENTS_BATCH_SIZE: '50' }, a);
      const stalling = await startTcpProxy(port(slow));
      // A heavy selection, so that a burst outgrows the kernel's buffers while the proxy does not read.
      const HEAVY =
        parse(`subscription ($after: String, $filter: EventFilter) { events(after: $after, filter: $filter) {
      cursor type payload initiative { participants(first: 50) { nodes { role source
      organisation { code name notes source website } } } } } }`);
      const seen: { cursor: string; payload: { i: number } }[] = [];
      let connections = 0;
      const feed = client({ url: `http://127.0.0.1:${stalling.port}` }).events<(typeof seen)[number]>(
        { after: await head(), filter: { initiativeIds: [esmeeId], types: ['ORGANISATION_UPDATED'] } },
        { next: (e) => void seen.push(e), connected: () => void connections++ },
        { document: HEAVY },
      );
      try {
        await eventually(async () => expect(connections).toBe(1));
        stalling.pause();
        const burst = 2500;
        await a.app.db.transaction(async (tx) => {
          for (let i = 0; i < burst; i++) {
            await appendEvent(tx, systemViewer, {
              type: EventType.ORGANISATION_UPDATED,
              initiativePk: Number(Buffer.from(esmeeId, 'base64url').toString().split(':')[1]),
              payload: { i, padding: 'x'.repeat(400) },
            });
          }
        });
        // The server gives up on the stalled socket; its close waits in the buffers behind what it sent.
        await eventually(async () => expect(slow.logs.join('\n')).toMatch(/4420|slow consumer/i), 40_000);
        stalling.resume();
        await eventually(async () => expect(seen).toHaveLength(burst), 60_000);
        expect(seen.map((e) => e.payload.i)).toEqual(Array.from({ length: burst }, (_, i) => i));
        expect(new Set(seen.map((e) => e.cursor)).size).toBe(burst);
        expect(connections).toBeGreaterThanOrEqual(2);
      } finally {
        await feed.stop();
        await stalling.close();
        await slow.close();
      }
    },
  );

  it('resumes after the partner process restarts, from a file cursor store, missing and repeating nothing', async () => {
    const file = path.join(dir, 'cursor');
    const first: string[] = [];
    let open = false;
    const feed1 = client(b).events(
      { after: await head(), filter: filter() },
      { next: (e) => void first.push(e.cursor), connected: () => void (open = true) },
      { cursorStore: fileCursorStore(file) },
    );
    await eventually(async () => expect(open).toBe(true));
    const before = (await logged()).length;
    await addMilestone(b, 'seen 1');
    await addMilestone(b, 'seen 2');
    await eventually(async () => expect(first).toEqual((await logged()).slice(before)));
    await feed1.stop(); // the partner's process ends
    await addMilestone(b, 'while away 1');
    await addMilestone(a, 'while away 2');
    const second: string[] = [];
    const feed2 = client(b).events(
      { filter: filter() },
      { next: (e) => void second.push(e.cursor) },
      { cursorStore: fileCursorStore(file) },
    );
    const all = await logged();
    await eventually(async () => expect(second).toEqual(all.slice(before + 2)));
    expect(second).toHaveLength(2);
    // The store is written once the handler has returned: a moment after the event.
    await eventually(async () => expect(await fileCursorStore(file).load()).toBe(all.at(-1)));
    await feed2.stop();
  });

  it('refreshes a token that expires while connected (4403 on the recheck), and feeds a partner on an API key', async () => {
    const strict = await startTestServer({ WS_RECHECK_MS: '200', EVENTS_POLL_MS: '100' }, a);
    try {
      let asked = 0;
      // The first token lives one to two seconds (exp is in whole seconds); the server's recheck then closes
      // with 4403 and the feed asks again.
      const tokens = async () => strict.token('OOSTNL', Role.VIEWER, asked++ === 0 ? 2 : 3600);
      const seen: string[] = [];
      let connections = 0;
      const feed = client(strict, tokens).events(
        { after: await head(), filter: filter() },
        { next: (e) => void seen.push(e.cursor), connected: () => void connections++ },
      );
      const created = await strict.client(admin).createApiKey({
        input: {
          organisationId: (await strict.client().organisation({ code: 'OOSTNL' }))!.id,
          name: 'feed',
          scope: 'READ',
        },
      });
      const byKey: string[] = [];
      const keyed = client(strict, { apiKey: created.key }).events(
        { after: await head(), filter: filter() },
        { next: (e) => void byKey.push(e.cursor) },
      );
      const before = (await logged()).length;
      await addMilestone(strict, 'before the token expires');
      await eventually(async () => expect(seen).toHaveLength(1));
      await eventually(async () => expect(connections).toBe(2), 8_000); // expired, refreshed, reconnected
      expect(asked).toBe(2);
      await addMilestone(strict, 'after the refresh');
      const all = await logged();
      await eventually(async () => expect(seen).toEqual(all.slice(before)));
      await eventually(async () => expect(byKey).toEqual(all.slice(before)));
      await feed.stop();
      await keyed.stop();
    } finally {
      await strict.close();
    }
  });

  it('feeds the inbox (client.notifications), resumed from its cursor store across a partner restart', async () => {
    const token = await b.app.tokens.sign(
      { subject: 'sdk-inbox', organisationCode: 'BOM', role: Role.VIEWER },
      3600,
    );
    await b.client(token).follow({ input: { theme: 'DIGITAL_KEY_TECH' } });
    const store = fileCursorStore(path.join(dir, 'inbox-cursor'));
    const lead = await a.token('LIOF', Role.EDITOR);
    const liof = (await a.client().organisation({ code: 'LIOF' }))!.id;
    const create = (code: string) =>
      a.client(lead).createInitiative({
        input: {
          code,
          title: code,
          leadOrganisationId: liof,
          themes: ['DIGITAL_KEY_TECH'],
          visibility: 'NETWORK',
        },
      });
    const first: string[] = [];
    let open = false;
    const feed1 = client(b, { token }).notifications(
      {},
      { next: (n) => void first.push(n.event.initiative!.code), connected: () => void (open = true) },
      { cursorStore: store },
    );
    await eventually(async () => expect(open).toBe(true));
    await new Promise((r) => setTimeout(r, 300)); // subscribed (it starts live from now)
    await create('SDK_INBOX_1');
    await eventually(async () => expect(first).toEqual(['SDK_INBOX_1']));
    await feed1.stop();
    await create('SDK_INBOX_2');
    await create('SDK_INBOX_3');
    const second: { code: string; reason: string }[] = [];
    const feed2 = client(b, { token }).notifications(
      {},
      { next: (n) => void second.push({ code: n.event.initiative!.code, reason: n.reason }) },
      { cursorStore: store },
    );
    await eventually(async () => expect(second.map((n) => n.code)).toEqual(['SDK_INBOX_2', 'SDK_INBOX_3']));
    expect(second.every((n) => n.reason === 'FOLLOWING_THEME')).toBe(true);
    await feed2.stop();
  });

  it('asks the auth function again once on 4403, and gives up with UnauthenticatedError when refused twice', async () => {
    let asked = 0;
    const seen: string[] = [];
    const good = await b.token('OOSTNL', Role.VIEWER);
    const refreshing = client(b, async () => (asked++ === 0 ? 'expired.or.bad' : good));
    let open = false;
    const feed = refreshing.events(
      { after: await head(), filter: filter() },
      { next: (e) => void seen.push(e.cursor), connected: () => void (open = true) },
    );
    await eventually(async () => expect(open).toBe(true));
    expect(asked).toBe(2);
    await addMilestone(b, 'after a fresh token');
    await eventually(async () => expect(seen).toEqual((await logged()).slice(-1)));
    await feed.stop();

    let failure: RomgraphError | null = null;
    const refused = client(b, { token: 'bad' }).events(
      { filter: filter() },
      { next: () => {}, error: (e) => (failure = e) },
    );
    await expect(refused.done).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(failure).toBeInstanceOf(UnauthenticatedError);
  });
});
