/**
 * SIGKILL mid-stream: two real server processes on one database and one Redis of the test's own. A client
 * subscribes on instance A to the events of two initiatives while writers add milestones through B and through A
 * (to those two and to a third it does not watch). A is killed with SIGKILL with writes in flight; the client
 * subscribes again on B with `after: <the last cursor it received>`. What it received on A and then on B must be
 * exactly the log's events of the two initiatives, in order, with no gap and no duplicate; every write answered
 * 200 is in the database; the writes to A that the kill cut off are counted, committed or not.
 *
 * The client is a plain graphql-transport-ws socket (TestSocket), not the SDK's feed: the SDK drops repeated
 * cursors, which would hide a duplicate sent by the server.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenService } from '../../server/infra/auth/tokens.js';
import { encodeCursor } from '../../server/infra/graphql/connection.js';
import { Role } from '../../server/vocabulary.js';
import { sdkClient } from '../harness/app.js';
import { createTestDatabase } from '../harness/postgres.js';
import { RedisServer } from '../harness/redis-server.js';
import { spawnServer, type ServerProcess } from '../harness/server-process.js';
import { waitFor } from '../harness/wait.js';
import { TestSocket } from '../harness/ws.js';

const SECRET = 'sigkill-test-secret-sigkill-test-secret-0123';
const WATCHED = ['ESMEE', 'TINL'];
const UNWATCHED = 'KIC_2024_2027';
const FEED = `subscription ($after: String, $ids: [ID!]) {
  events(after: $after, filter: { initiativeIds: $ids }) { cursor type milestone { title } }
}`;
const ADD = `mutation ($input: AddMilestoneInput!) { addMilestone(input: $input) { id title } }`;
/** Writers through A send back to back (so some are in flight at the kill); those through B pause a little. */
const A_WRITERS = 3;
const B_WRITERS = 2;
const B_PAUSE_MS = 10;
/** Events the subscriber hears before the kill, and at least as many after it resumes. */
const EVENTS_EACH_SIDE = 60;

let drop: (() => Promise<void>) | undefined;
let redis: RedisServer | undefined;
let db: pg.Client | undefined;
const servers: ServerProcess[] = [];
const sockets: TestSocket[] = [];

afterAll(async () => {
  for (const socket of sockets) socket.close();
  for (const server of servers) {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
  await db?.end();
  await redis?.stop();
  await drop?.();
});

interface Received {
  seq: string;
  cursor: string;
  type: string;
  title: string | null;
  on: 'A' | 'B';
}

interface Write {
  title: string;
  via: 'A' | 'B';
  initiative: string;
  sentAt: number;
  doneAt?: number;
  status?: number;
  /** The network error's code when no answer came (a cut or refused connection). */
  error?: string;
  body?: unknown;
}

let a: ServerProcess;
let b: ServerProcess;
let token: string;
const ids = new Map<string, { id: string; pk: number }>();

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  redis = await RedisServer.start();
  const env = {
    DATABASE_URL: database.url,
    JWT_SECRET: SECRET,
    REDIS_URL: redis.url,
    EVENTS_POLL_MS: '200',
    // Nothing here reads the metrics or the dashboard: no warm-up competing for the machine's cores.
    GRAPH_WARM_METRICS: 'false',
    WEB_BUILD_ON_START: 'false',
  };
  // One after the other: the second start finds the migrations applied by the first.
  a = await spawnServer(env);
  servers.push(a);
  b = await spawnServer(env);
  servers.push(b);
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  token = await new TokenService(SECRET).sign(
    { subject: 'sigkill-test', organisationCode: 'ROMNL', role: Role.ADMIN },
    600,
  );
  const { rows } = await db.query<{ id: number; code: string }>(
    `SELECT id, code FROM initiatives WHERE code = ANY($1)`,
    [[...WATCHED, UNWATCHED]],
  );
  for (const code of [...WATCHED, UNWATCHED]) {
    const row = rows.find((r) => r.code === code);
    if (!row) throw new Error(`the reference network has no initiative ${code}`);
    const initiative = await sdkClient(b.url).initiative({ code });
    ids.set(code, { id: initiative!.id, pk: row.id });
  }
}, 60_000);

/** A subscription of the feed over a socket of its own, recording every message in arrival order. */
async function subscribe(
  server: ServerProcess,
  on: Received['on'],
  after: string,
  received: Received[],
  problems: string[],
): Promise<TestSocket> {
  const socket = await TestSocket.connect(server.url, `Bearer ${token}`);
  sockets.push(socket);
  socket.ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { type: string; payload?: any };
    if (message.type !== 'next' || message.payload?.errors || !message.payload?.data?.events) {
      problems.push(`${on}: ${JSON.stringify(message)}`);
      return;
    }
    const event = message.payload.data.events as { cursor: string; type: string; milestone: any };
    const [seq] = JSON.parse(Buffer.from(event.cursor, 'base64url').toString()) as [string];
    received.push({
      seq: String(seq),
      cursor: event.cursor,
      type: event.type,
      title: event.milestone?.title ?? null,
      on,
    });
  });
  socket.subscribe('feed', FEED, { after, ids: WATCHED.map((code) => ids.get(code)!.id) });
  return socket;
}

function tally(writes: Write[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const w of writes) {
    const key = `${w.via} ${w.status ?? w.error ?? 'pending'}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('SIGKILL of the instance a subscriber is on', () => {
  it('loses no acknowledged write, and the subscriber resumes on the other instance with no gap and no duplicate', async () => {
    const watchedPks = WATCHED.map((code) => ids.get(code)!.pk);
    const { rows: start } = await db!.query<{ seq: string }>(
      `SELECT coalesce(max(seq), 0)::text AS seq FROM events`,
    );
    const startSeq = start[0]!.seq;
    const received: Received[] = [];
    const problems: string[] = [];
    const onA = await subscribe(a, 'A', encodeCursor([startSeq]), received, problems);

    const writes: Write[] = [];
    const clients = { A: sdkClient(a.url, token), B: sdkClient(b.url, token) };
    const targets = [...WATCHED, UNWATCHED];
    let killed = false;
    let stop = false;
    let inFlightA = 0;
    const hardStop = Date.now() + 30_000;
    const write = async (via: Write['via']) => {
      const initiative = targets[writes.length % targets.length]!;
      const w: Write = { title: `${via} write ${writes.length}`, via, initiative, sentAt: Date.now() };
      writes.push(w);
      if (via === 'A') inFlightA++;
      try {
        const res = await clients[via].execute(ADD, {
          input: { initiativeId: ids.get(initiative)!.id, title: w.title },
        });
        w.status = res.status;
        w.body = { data: res.data, errors: res.errors };
      } catch (err) {
        // The SDK's NetworkError, caused by fetch's TypeError, caused by the socket's error.
        const cause = err as { cause?: { code?: string; cause?: { code?: string } } };
        w.error = cause.cause?.cause?.code ?? cause.cause?.code ?? (err as Error).message;
      } finally {
        w.doneAt = Date.now();
        if (via === 'A') inFlightA--;
      }
    };
    const writerOnA = async () => {
      while (!killed && !stop && Date.now() < hardStop) await write('A');
    };
    const writerOnB = async () => {
      while (!stop && Date.now() < hardStop) {
        await write('B');
        await new Promise((resolve) => setTimeout(resolve, B_PAUSE_MS));
      }
    };
    const writers = [
      ...Array.from({ length: A_WRITERS }, writerOnA),
      ...Array.from({ length: B_WRITERS }, writerOnB),
    ];
    const acknowledged = (via: Write['via'], since = 0) =>
      writes.filter((w) => w.via === via && w.status === 200 && w.sentAt > since).length;

    // Mid-stream: the subscriber has heard events from both instances' writes, and A is busy writing.
    await waitFor(
      () =>
        received.length >= EVENTS_EACH_SIDE &&
        received.some((r) => r.title?.startsWith('A ')) &&
        received.some((r) => r.title?.startsWith('B ')) &&
        acknowledged('A') >= 10 &&
        inFlightA >= 2,
      20_000,
      () => `received ${received.length}, writes ${JSON.stringify(tally(writes))}, problems ${problems}`,
      1,
    );
    const inFlightAtKill = inFlightA;
    killed = true;
    const killAt = Date.now();
    a.child.kill('SIGKILL');
    await a.exited;
    expect(a.child.signalCode).toBe('SIGKILL');
    // The socket on A is gone (abnormally: nobody sent a close frame).
    const closedA = await Promise.race([
      onA.closed,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000)),
    ]);
    expect(closedA?.code).toBe(1006);
    const last = received.at(-1)!;

    // B keeps writing while the client is away, so the resumption has something to replay.
    await waitFor(
      () =>
        writes.filter(
          (w) => w.via === 'B' && w.status === 200 && w.sentAt > killAt && WATCHED.includes(w.initiative),
        ).length >= 5,
      10_000,
      () => `writes ${JSON.stringify(tally(writes))}`,
    );
    const { rows: atResume } = await db!.query<{ seq: string }>(`SELECT max(seq)::text AS seq FROM events`);
    await subscribe(b, 'B', last.cursor, received, problems);
    const receivedBeforeResume = received.length;
    await waitFor(
      () =>
        received.length >= receivedBeforeResume + EVENTS_EACH_SIDE &&
        acknowledged('B', killAt) >= EVENTS_EACH_SIDE,
      20_000,
      () => `received ${received.length}, writes ${JSON.stringify(tally(writes))}, problems ${problems}`,
    );
    stop = true;
    await Promise.all(writers);

    // A last write whose event comes after everything else: once it arrives, nothing is still on its way.
    const sentinel = `sentinel after ${writes.length} writes`;
    const closing = await clients.B.execute(ADD, {
      input: { initiativeId: ids.get(WATCHED[0]!)!.id, title: sentinel },
    });
    expect(closing.status).toBe(200);
    await waitFor(
      () => received.some((r) => r.title === sentinel),
      10_000,
      () => `received ${received.length}; the last: ${JSON.stringify(received.at(-1))}`,
    );

    const summary = {
      writes: tally(writes),
      inFlightAtKill,
      receivedOnA: received.filter((r) => r.on === 'A').length,
      receivedOnB: received.filter((r) => r.on === 'B').length,
      // Committed while the client was away: B's replay, before it went live.
      replayedOnB: received.filter((r) => r.on === 'B' && BigInt(r.seq) <= BigInt(atResume[0]!.seq)).length,
    };

    // Every answered write was answered 200 without errors; the only other outcome is a connection to A that
    // the kill cut off.
    for (const w of writes) {
      const where = `${w.title}: ${w.status ?? w.error} ${JSON.stringify(w.body)}`;
      if (w.status !== undefined) {
        expect(w.status, where).toBe(200);
        expect((w.body as { errors?: unknown }).errors, where).toBeUndefined();
      } else {
        expect(w.via, where).toBe('A');
        expect(['ECONNRESET', 'UND_ERR_SOCKET', 'ECONNREFUSED'], where).toContain(w.error);
        expect(w.sentAt, where).toBeLessThanOrEqual(killAt);
      }
    }
    expect(writes.filter((w) => w.via === 'B' && w.status !== 200)).toEqual([]);

    // Every acknowledged write is in the database, with its event in the log.
    const { rows: stored } = await db!.query<{ title: string }>(
      `SELECT m.title FROM milestones m
         JOIN events e ON e.milestone_id = m.id AND e.type = 'MILESTONE_ADDED'
        WHERE m.title = ANY($1)`,
      [[...writes.map((w) => w.title), sentinel]],
    );
    const present = new Set(stored.map((r) => r.title));
    expect(writes.filter((w) => w.status === 200 && !present.has(w.title)).map((w) => w.title)).toEqual([]);
    // The cut ones: committed before the process died (and never acknowledged), or not written at all.
    const cut = writes.filter((w) => w.status === undefined);
    const cutCommitted = cut.filter((w) => present.has(w.title)).length;
    console.info(
      `[test] ${JSON.stringify(summary)}; writes to A cut by the kill: ${cut.length} ` +
        `(${cutCommitted} committed, ${cut.length - cutCommitted} not written)`,
    );
    expect(cut.length).toBeLessThanOrEqual(A_WRITERS);

    // The subscriber's events, on A and then on B: exactly the log's for the two initiatives, in order.
    const { rows: log } = await db!.query<{ seq: string; type: string; title: string | null }>(
      `SELECT seq::text AS seq, type, payload->>'milestoneTitle' AS title
         FROM events WHERE initiative_id = ANY($1::int[]) AND seq > $2::bigint ORDER BY seq`,
      [watchedPks, startSeq],
    );
    expect(problems).toEqual([]);
    const line = (e: { seq: string; type: string; title: string | null }) => `${e.seq} ${e.type} ${e.title}`;
    expect(received.map(line)).toEqual(log.map(line));
    expect(received.map((r) => r.cursor)).toEqual(log.map((e) => encodeCursor([e.seq])));
    // The seam: B started right after the last event A delivered, and the stream spans both writers and the kill.
    const firstOnB = received.findIndex((r) => r.on === 'B');
    expect(firstOnB).toBe(received.lastIndexOf(last) + 1);
    expect(received.slice(firstOnB).every((r) => r.on === 'B')).toBe(true);
    expect(summary.receivedOnA).toBeGreaterThanOrEqual(EVENTS_EACH_SIDE);
    expect(summary.receivedOnB).toBeGreaterThanOrEqual(EVENTS_EACH_SIDE);
    expect(summary.replayedOnB).toBeGreaterThanOrEqual(5);
    // The writes to A that were cut but committed reach the subscriber too (from A before it died, or B's replay).
    for (const w of cut.filter((c) => present.has(c.title) && WATCHED.includes(c.initiative)))
      expect(received.some((r) => r.title === w.title)).toBe(true);
    // What the filter left out was in the log all along.
    const { rows: others } = await db!.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE initiative_id = $1 AND seq > $2::bigint`,
      [ids.get(UNWATCHED)!.pk, startSeq],
    );
    expect(others[0]!.n).toBeGreaterThan(0);

    // B is unharmed.
    const ready = await fetch(`${b.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok', wakeups: 'ok' });
    expect(b.child.exitCode).toBeNull();
  }, 60_000);
});
