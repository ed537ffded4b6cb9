import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../../server/infra/auth/viewer.js';
import { RequestScope } from '../../server/infra/request-scope.js';
import { EventType, Role, Visibility } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { TestSubscriber } from '../harness/subscriber.js';
import { TestSocket } from '../harness/ws.js';
import { appendEvent } from '../../server/live/index.js';

// The live feed on one instance (in-process wake-ups): resume without gap or duplicate, rolled-back writes
// heard by nobody, order under concurrent writers, and access decided per event at delivery time.
let server: TestServer;
let admin: string;
const ids: Record<string, string> = {};
const sockets: TestSubscriber[] = [];
const raw: TestSocket[] = [];
const system = () => new RequestScope(systemViewer);

const FEED = `subscription ($after: String, $filter: EventFilter) { events(after: $after, filter: $filter) {
  cursor type initiative { code } milestone { title } organisation { code } } }`;

async function connect(auth?: string): Promise<TestSubscriber> {
  const socket = await TestSubscriber.connect(server.url, auth ? `Bearer ${auth}` : undefined);
  sockets.push(socket);
  return socket;
}

async function addMilestones(initiativeId: string, titles: string[]): Promise<void> {
  for (const title of titles) await server.app.services.milestones.add(system(), { initiativeId, title });
}

const lastCursor = async () => {
  const [row] = await server.app.db.read(`SELECT max(seq)::text AS seq FROM events`);
  return Buffer.from(JSON.stringify([row!.seq])).toString('base64url');
};

beforeAll(async () => {
  server = await startTestServer({ EVENTS_POLL_MS: '200' });
  admin = await server.token('ROMNL', Role.ADMIN);
  const { data } =
    await server.gql(`{ esmee: initiative(code: "ESMEE") { id } kic: initiative(code: "KIC_2024_2027") { id }
    nom: organisation(code: "NOM") { id } bom: organisation(code: "BOM") { id } }`);
  for (const [k, v] of Object.entries(data)) ids[k] = (v as { id: string }).id;
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  raw.forEach((s) => s.close());
  await server?.close();
});

describe('the live feed', () => {
  it('delivers a committed change to a subscriber, live from now without `after`', async () => {
    const socket = await connect();
    socket.subscribe('1', FEED, { filter: { initiativeIds: [ids.esmee] } });
    await socket.silence(300);
    await addMilestones(ids.esmee!, ['Live one']);
    const [payload] = await socket.nexts(1);
    expect(payload.data.events).toMatchObject({
      type: 'MILESTONE_ADDED',
      initiative: { code: 'ESMEE' },
      milestone: { title: 'Live one' },
    });
  });

  it('resumes after the last cursor: exactly the events missed, in order, then live, no duplicate', async () => {
    const first = await connect();
    first.subscribe('a', FEED, { after: await lastCursor(), filter: { initiativeIds: [ids.kic] } });
    await addMilestones(ids.kic!, ['Before 1', 'Before 2']);
    const seen = await first.nexts(2);
    const cursor = seen[1].data.events.cursor;
    first.close();
    await first.closed;

    const missed = Array.from({ length: 7 }, (_, i) => `Missed ${i}`);
    await addMilestones(ids.kic!, missed);
    const second = await connect();
    second.subscribe('b', FEED, { after: cursor, filter: { initiativeIds: [ids.kic] } });
    const replayed = await second.nexts(7);
    expect(replayed.map((p) => p.data.events.milestone.title)).toEqual(missed);
    await addMilestones(ids.kic!, ['After']);
    const [live] = await second.nexts(1);
    expect(live.data.events.milestone.title).toBe('After');
    await second.silence(400);
    const cursors = [...replayed, live].map((p) =>
      BigInt(JSON.parse(Buffer.from(p.data.events.cursor, 'base64url').toString())[0]),
    );
    expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('replays and goes live without a gap or duplicate while writers keep writing', async () => {
    const start = await lastCursor();
    const writing = (async () => {
      for (let i = 0; i < 40; i++) await addMilestones(ids.esmee!, [`Stream ${i}`]);
    })();
    await new Promise((r) => setTimeout(r, 30));
    const socket = await connect();
    socket.subscribe('s', FEED, {
      after: start,
      filter: { types: ['MILESTONE_ADDED'], initiativeIds: [ids.esmee] },
    });
    await writing;
    const got = await socket.nexts(40, 15_000);
    expect(got.map((p) => p.data.events.milestone.title)).toEqual(
      Array.from({ length: 40 }, (_, i) => `Stream ${i}`),
    );
    await socket.silence(400);
  });

  it('delivers nothing for a rolled-back mutation', async () => {
    const socket = await connect(admin);
    socket.subscribe('r', FEED);
    await socket.silence(200);
    await server.app.db
      .transaction(async (tx) => {
        await appendEvent(tx, systemViewer, { type: EventType.ORGANISATION_UPDATED, organisationPk: 1 });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    server.app.feed.wake();
    await socket.silence(700);
  });

  it("keeps every subscriber's cursors strictly increasing under concurrent writers", async () => {
    const a = await connect(admin);
    const b = await connect();
    a.subscribe('a', FEED, { filter: { types: ['MILESTONE_ADDED'] } });
    b.subscribe('b', FEED, { filter: { types: ['MILESTONE_ADDED'] } });
    await a.silence(200);
    await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        addMilestones(
          w % 2 ? ids.esmee! : ids.kic!,
          Array.from({ length: 10 }, (_, i) => `W${w}-${i}`),
        ),
      ),
    );
    for (const socket of [a, b]) {
      const got = await socket.nexts(80, 15_000);
      const seqs = got.map((p) =>
        BigInt(JSON.parse(Buffer.from(p.data.events.cursor, 'base64url').toString())[0]),
      );
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]! > seqs[i - 1]!).toBe(true);
      await socket.silence(300);
    }
  });

  it('says nothing about a PARTICIPANTS initiative to an outsider, and everything once it takes part', async () => {
    const hidden = await server.app.services.initiatives.create(system(), {
      code: 'LIVE_SECRET',
      title: 'Secret pilot',
      leadOrganisationId: ids.bom!,
      visibility: Visibility.PARTICIPANTS,
    });
    const outsider = await connect(await server.token('NOM', Role.EDITOR));
    const insider = await connect(await server.token('BOM', Role.VIEWER));
    outsider.subscribe('o', FEED);
    insider.subscribe('i', FEED);
    await outsider.silence(200);
    await addMilestones(hidden.id, ['Hidden step']);
    const [seen] = await insider.nexts(1);
    expect(seen.data.events).toMatchObject({ type: 'MILESTONE_ADDED', initiative: { code: 'LIVE_SECRET' } });
    // The insider heard it; the outsider, subscribed to everything it may see, stays silent.
    await outsider.silence(800);

    await server.app.services.participations.join(system(), {
      initiativeId: hidden.id,
      organisationId: ids.nom!,
    });
    const joined = await outsider.nexts(1);
    expect(joined[0].data.events).toMatchObject({
      type: 'PARTNER_JOINED',
      initiative: { code: 'LIVE_SECRET' },
      organisation: { code: 'NOM' },
    });
    await addMilestones(hidden.id, ['Now visible']);
    const [visible] = await outsider.nexts(1);
    expect(visible.data.events.milestone.title).toBe('Now visible');
  });

  it('filters partnerJoined and milestoneChanged by initiative', async () => {
    const socket = await connect(admin);
    socket.subscribe(
      'p',
      `subscription ($i: ID) { partnerJoined(initiativeId: $i) { type organisation { code } } }`,
      { i: ids.kic },
    );
    socket.subscribe(
      'm',
      `subscription ($i: ID) { milestoneChanged(initiativeId: $i) { type milestone { title status } } }`,
      { i: ids.kic },
    );
    await socket.silence(200);
    await addMilestones(ids.esmee!, ['Elsewhere']);
    const milestone = await server.app.services.milestones.add(system(), {
      initiativeId: ids.kic!,
      title: 'KIC review',
    });
    await server.app.services.milestones.update(system(), {
      id: milestone.id,
      expectedVersion: 1,
      status: 'DONE' as never,
    });
    await server.app.services.participations.join(system(), {
      initiativeId: ids.kic!,
      organisationId: ids.nom!,
    });
    const got = [await socket.next(), await socket.next(), await socket.next()];
    const byId = (id: string) => got.filter((m) => m.id === id).map((m) => m.payload.data);
    // Fields resolve at delivery time, so the milestone's status is whatever it is by then.
    expect(byId('m').map((d) => [d.milestoneChanged.type, d.milestoneChanged.milestone.title])).toEqual([
      ['MILESTONE_ADDED', 'KIC review'],
      ['MILESTONE_CHANGED', 'KIC review'],
    ]);
    expect(byId('m')[1].milestoneChanged.milestone.status).toBe('DONE');
    expect(byId('p')).toEqual([{ partnerJoined: { type: 'PARTNER_JOINED', organisation: { code: 'NOM' } } }]);
    await socket.silence(300);
  });

  it('executes an event once per cohort (same operation, same access), not once per subscriber', async () => {
    const QUERY = `subscription { milestoneChanged { milestone { title initiative { code lead { name } } } } }`;
    const costOf = async (subscribers: number, title: string) => {
      const group = await Promise.all(Array.from({ length: subscribers }, () => connect()));
      group.forEach((s, i) => s.subscribe(`c${i}`, QUERY));
      await group[0]!.silence(300);
      const before = server.app.db.statementCount;
      await addMilestones(ids.kic!, [title]);
      const received = await Promise.all(group.map((s) => s.nexts(1)));
      expect(received.every(([p]) => p.data.milestoneChanged.milestone.title === title)).toBe(true);
      const cost = server.app.db.statementCount - before;
      group.forEach((s) => s.close());
      await Promise.all(group.map((s) => s.closed));
      return cost;
    };
    const one = await costOf(1, 'Cohort of one');
    const many = await costOf(25, 'Cohort of many');
    // Equal but for the feed's own polls of the log in between; per-subscriber execution would add 24x more.
    expect(Math.abs(many - one)).toBeLessThan(5);
    expect(one).toBeGreaterThan(0);
  });

  it('recovers by itself when PostgreSQL drops every connection, and delivers what was written', async () => {
    const socket = await connect();
    socket.subscribe('pg', FEED, { filter: { initiativeIds: [ids.esmee] } });
    await socket.silence(200);
    // What a PostgreSQL restart does to a running server: every connection of its database is cut.
    await server.app.db
      .read(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
      .catch(() => undefined);
    let written = false;
    for (let attempt = 0; attempt < 20 && !written; attempt++) {
      written = await addMilestones(ids.esmee!, ['After the cut']).then(
        () => true,
        () => false,
      );
      if (!written) await new Promise((r) => setTimeout(r, 100));
    }
    expect(written).toBe(true);
    const [payload] = await socket.nexts(1, 10_000);
    expect(payload.data.events.milestone.title).toBe('After the cut');
    expect((await server.gql(`{ organisation(code: "BOM") { code } }`)).data.organisation.code).toBe('BOM');
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('answers a bad cursor or id with an error result and completes, keeping the socket open', async () => {
    // On the wire: the socket itself must stay open, which a client library would hide.
    const socket = await TestSocket.connect(server.url);
    raw.push(socket);
    socket.subscribe('x', FEED, { after: 'not-a-cursor' });
    const result = await socket.next();
    expect(result).toMatchObject({ id: 'x', type: 'next' });
    expect(result.payload.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await socket.next()).toEqual({ id: 'x', type: 'complete' });
    socket.subscribe('y', `subscription { partnerJoined(initiativeId: "bad") { type } }`);
    expect((await socket.next()).payload.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await socket.next()).toEqual({ id: 'y', type: 'complete' });
    socket.subscribe('z', `subscription { events { cursor } }`);
    await socket.silence(200);
  });
});
